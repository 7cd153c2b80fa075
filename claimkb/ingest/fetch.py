"""A URL to bytes: http and https only, with a time-out and a size limit, redirects
followed only to http and https.

The page is kept as a snapshot (the original beside the text, and the time it was fetched
in ``retrieved``), because a page changes and the claims' offsets must keep pointing at
what was read. The standard library's ``urllib`` is enough for one GET; it honours the
usual proxy variables.
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from claimkb.ingest.errors import IngestError

TIMEOUT = 30.0
"""Seconds to wait for the server at each step of the fetch."""
MAX_BYTES = 16 * 1024 * 1024
"""The largest document fetched; a news page is far below it."""
SCHEMES = ("http", "https")
USER_AGENT = "claimkb (fact-check knowledge base; https://pypi.org/project/claimkb/)"


@dataclass(frozen=True)
class Fetched:
    """What the server sent: the bytes, their media type and charset, and when."""

    url: str
    data: bytes
    media_type: str
    charset: str | None
    retrieved: dt.datetime


def is_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a path (any
    ``scheme://``; ``check_url`` then refuses all but http and https)."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.isascii() and scheme.isalpha()


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to http or https (never ``file:`` or ``ftp:``)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise IngestError(f"{req.full_url}: redirected to {newurl!r}, not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> None:
    """An error unless ``url`` is an http or https URL with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise IngestError(f"{url}: only http and https URLs can be added")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; a one-line error naming it for any failure."""
    check_url(url)
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            headers = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as error:
        error.close()
        raise IngestError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise IngestError(f"{url}: cannot be fetched ({error.reason})") from None
    except (TimeoutError, OSError, ValueError) as error:
        raise IngestError(f"{url}: cannot be fetched ({error})") from None
    if len(data) > max_bytes:
        raise IngestError(f"{url}: larger than {max_bytes:,} bytes; not added")
    return Fetched(
        url=final,
        data=data,
        media_type=headers.get_content_type(),
        charset=headers.get_content_charset(),
        retrieved=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
