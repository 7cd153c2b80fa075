"""Third-party browser code the site ships: npm packages fetched once at build time.

The SPARQL page runs Oxigraph's WebAssembly build in the browser. The site must work offline
from any static host, so the engine is copied into the site instead of being loaded from a
CDN when the page is viewed. It is fetched by Python itself (``urllib``) as the package
tarball from the npm registry, so a build needs neither node nor npm:

- the version and the registry's ``dist.integrity`` (a SHA-512 of the tarball) are pinned in
  ``kb/data/vendor.yaml``; a tarball whose digest differs is refused, before anything of it
  is used or cached;
- a verified tarball is kept in a git-ignored cache (``.cache/npm/`` at the repository
  root), checked again on every use, so later builds work without a network;
- members are read out of the tarball one by one, by name, and written by this module
  (never ``TarFile.extract``); a tarball with an absolute member name, a ``..`` part, or
  a link or device member is refused as a whole, since an honest npm package has none.

Every failure is a ``VendorError`` whose text is one line naming the package, the version
and the URL (or the cached file).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import posixpath
import tarfile
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Literal

from pydantic import Field

from claimkb.core.errors import ClaimkbError
from claimkb.core.models import Record
from claimkb.core.yamlio import LedgerError, load_model

REGISTRY = "https://registry.npmjs.org"
TABLE = Path(__file__).resolve().parent / "data" / "vendor.yaml"
#: How long one download may stall before the build gives up, in seconds.
TIMEOUT = 60.0
#: The folder every file of an npm tarball sits under.
PACKAGE_DIR = "package"

Opener = Callable[..., BinaryIO]
"""``urllib.request.urlopen`` or a stand-in with its signature (``url, timeout=``)."""


class VendorError(ClaimkbError):
    """A vendored package that cannot be had or cannot be trusted; ``str()`` is one line."""


class NpmPackage(Record):
    """One pinned npm package: which version, its digest, and which of its files to ship."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", examples=["oxigraph"])
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", examples=["0.5.11"])
    integrity: str = Field(
        pattern=r"^sha512-[A-Za-z0-9+/]{86}==$",
        description="The registry's dist.integrity of the tarball (Subresource Integrity form).",
    )
    license: str = Field(min_length=1, examples=["MIT OR Apache-2.0"])
    files: list[str] = Field(min_length=1, description="Files of the package to ship.")
    use: Literal["site", "test"] = Field(
        default="site",
        description="``site``: shipped in every site; ``test``: used by the tests only, never "
        "copied into a site.",
    )

    @property
    def url(self) -> str:
        """Where the registry serves the tarball (the ``dist.tarball`` of the version)."""
        return f"{REGISTRY}/{self.name}/-/{self.name}-{self.version}.tgz"

    @property
    def label(self) -> str:
        return f"npm package {self.name} {self.version}"


class VendorTable(Record):
    """``kb/data/vendor.yaml``: the pinned packages, by name."""

    packages: list[NpmPackage] = Field(min_length=1)


def load_table(path: Path = TABLE) -> dict[str, NpmPackage]:
    """The pinned packages by name; a malformed table is a ``VendorError`` naming file:line."""
    try:
        table = load_model(path, VendorTable)
    except LedgerError as error:
        raise VendorError(str(error)) from None
    return {package.name: package for package in table.packages}


def integrity_of(data: bytes) -> str:
    """The Subresource Integrity string npm records for a tarball: ``sha512-`` + base64."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _check(package: NpmPackage, data: bytes, where: str) -> None:
    found = integrity_of(data)
    if found != package.integrity:
        raise VendorError(
            f"{package.label} from {where}: integrity mismatch: expected {package.integrity}, "
            f"got {found}"
        )


def cached_path(package: NpmPackage, cache_dir: Path) -> Path:
    """Where the verified tarball of ``package`` is kept."""
    return cache_dir / "npm" / f"{package.name}-{package.version}.tgz"


def fetch(
    package: NpmPackage,
    cache_dir: Path,
    opener: Opener = urllib.request.urlopen,
) -> bytes:
    """The verified tarball of ``package``: the cached copy when there is one, else
    downloaded from the registry, verified and cached (written to a temporary name and
    renamed, so an interrupted download never leaves a cached file)."""
    cached = cached_path(package, cache_dir)
    if cached.is_file():
        data = cached.read_bytes()
        try:
            _check(package, data, str(cached))
        except VendorError as error:
            raise VendorError(f"{error}; delete the cached file to fetch it again") from None
        return data
    try:
        with opener(package.url, timeout=TIMEOUT) as response:
            data = response.read()
    except urllib.error.URLError as error:
        raise VendorError(
            f"cannot fetch {package.label} from {package.url}: {error.reason} "
            f"(and no cached copy at {cached})"
        ) from None
    except OSError as error:
        raise VendorError(
            f"cannot fetch {package.label} from {package.url}: {error} "
            f"(and no cached copy at {cached})"
        ) from None
    _check(package, data, package.url)
    cached.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=f".{cached.name}.")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, cached)
    return data


def safe_members(archive: tarfile.TarFile, where: str) -> dict[str, tarfile.TarInfo]:
    """The regular files of ``archive`` by name; the whole archive is refused when any
    member is absolute, climbs out with ``..``, or is a link, device or other special file."""
    files: dict[str, tarfile.TarInfo] = {}
    for member in archive.getmembers():
        name = member.name
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
            raise VendorError(f"{where}: unsafe path in the tarball: {name!r}")
        if member.isdir():
            continue
        if not member.isfile():
            raise VendorError(f"{where}: not a regular file in the tarball: {name!r}")
        files[posixpath.normpath(name)] = member
    return files


def unpack(package: NpmPackage, data: bytes, target: Path) -> list[Path]:
    """Write the package's shipped ``files`` from the verified tarball ``data``, and a
    ``LICENSE.txt`` notice, into ``target`` (created); return the paths written, files in
    the order of the table."""
    where = f"{package.label} ({package.url})"
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            members = safe_members(archive, where)
            contents: list[tuple[str, bytes]] = []
            for name in package.files:
                member = members.get(posixpath.normpath(f"{PACKAGE_DIR}/{name}"))
                stream = archive.extractfile(member) if member else None
                if stream is None:
                    raise VendorError(f"{where}: the tarball has no file {name!r}")
                contents.append((name, stream.read()))
    except (tarfile.TarError, EOFError, OSError) as error:
        raise VendorError(f"{where}: not a readable tarball: {error}") from None
    written = []
    for name, content in contents:
        path = target / name
        if target.resolve() not in path.resolve().parents:
            raise VendorError(f"{where}: the file name {name!r} leaves the target folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    notice = target / "LICENSE.txt"
    notice.write_text(license_notice(package), encoding="utf-8", newline="\n")
    return [*written, notice]


def license_notice(package: NpmPackage) -> str:
    """The text of the ``LICENSE.txt`` shipped beside the package's files: the npm tarball
    carries its license only as the ``license`` field of ``package.json`` and a section of
    its README (both shipped too), no license file."""
    return (
        f"{package.name} {package.version}, from the npm registry ({package.url}),\n"
        f"integrity {package.integrity}.\n\n"
        f"License: {package.license} (the 'license' field of package.json; see also the\n"
        "License section of README.md beside this file). The package's tarball contains no\n"
        "license file of its own; the full license texts are in the package's source\n"
        "repository named in package.json.\n"
    )


def install(
    name: str,
    target: Path,
    cache_dir: Path,
    opener: Opener = urllib.request.urlopen,
    table: Path = TABLE,
) -> list[Path]:
    """Fetch (or take from the cache) the pinned package ``name``, verify it, and write its
    shipped files and license notice into ``target``; return the paths written."""
    packages = load_table(table)
    if name not in packages:
        raise VendorError(f"{table}: no pinned npm package {name!r}")
    package = packages[name]
    return unpack(package, fetch(package, cache_dir, opener), target)
