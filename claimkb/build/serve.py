"""``claimkb serve``: the project's site on 127.0.0.1, rebuilt when the project changes.

The site in ``build/site/`` is served by the standard library's ``ThreadingHTTPServer``,
bound to the loopback address only. A watcher polls what a build reads — ``claimkb.yaml``,
``sources/``, ``claims/`` (except ``claims/extracted/``, which the build itself writes) and
``queries/`` — by comparing a signature of names, sizes and modification times about once a
second (no dependency, and it works the same on every file system), and runs a build when the
signature has changed and then stayed the same for a moment (a burst of writes is built once,
whole). A build writes ``build/`` through a staging folder and swaps it in only
when it succeeded, so a failed rebuild prints its error and the previous site stays served.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from claimkb.build.outputs import build_exporters
from claimkb.build.stages import build
from claimkb.core.errors import ClaimkbError
from claimkb.core.project import Project

HOST = "127.0.0.1"
"""Only this machine can reach the server: a site under construction is not published."""
INTERVAL = 1.0
"""Seconds between two looks at the project's files."""
SETTLE = 0.3
"""Seconds the files must stay as they are before a build starts, so that a burst of writes
(an editor's save, `claimkb add`) is built once, whole."""

Signature = frozenset[tuple[str, int, int]]


def _skipped(name: str) -> bool:
    """Editors' hidden and backup files (``.x.swp``, ``x~``) change nothing a build reads."""
    return name.startswith(".") or name.endswith("~")


def _entries(folder: Path, excluded: Path, into: list[tuple[str, int, int]]) -> None:
    try:
        children = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    for entry in children:
        if _skipped(entry.name):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                if path != excluded:
                    _entries(path, excluded, into)
                continue
            stat = entry.stat()
        except OSError:  # removed between the listing and the look: the next poll sees it
            continue
        into.append((entry.path, stat.st_mtime_ns, stat.st_size))


def signature(project: Project) -> Signature:
    """What a build reads, as (path, modification time, size) for every file; a file added,
    removed, rewritten or touched changes it."""
    entries: list[tuple[str, int, int]] = []
    for folder in (project.sources_dir, project.claims_dir, project.queries_dir):
        _entries(folder, project.extracted_dir, entries)
    try:
        stat = project.config_path.stat()
        entries.append((str(project.config_path), stat.st_mtime_ns, stat.st_size))
    except OSError:
        pass
    return frozenset(entries)


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without a log line per request (errors are still logged)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class SiteServer:
    """The HTTP server for ``project``'s ``build/site/`` and the watcher that rebuilds it.

    The port is bound when the object is made (port 0: any free one, see ``url``), so a port
    in use is an error before anything is built. ``run`` builds (unless told not to), serves,
    and watches until ``stop`` is set or Ctrl-C; ``close`` releases the port."""

    def __init__(
        self,
        project: Project,
        port: int = 8000,
        *,
        interval: float = INTERVAL,
        cache: Path | None = None,
        echo: Callable[[str], None] = print,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.root = project.root
        self.site_dir = project.build_dir / "site"
        self.interval = interval
        self.cache = cache
        self.echo = echo
        self.today = today
        handler = functools.partial(_QuietHandler, directory=str(self.site_dir))
        try:
            self.httpd = ThreadingHTTPServer((HOST, port), handler)
        except OSError as error:
            raise ClaimkbError(f"{HOST}:{port}: cannot serve there ({error.strerror})") from None
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        port = self.httpd.server_address[1]
        return f"http://{HOST}:{port}/"

    def rebuild(self) -> bool:
        """Build the project now; on failure print the error and keep the previous site."""
        started = time.monotonic()
        try:
            project = Project.load(self.root)  # claimkb.yaml may have changed
            day = project.config.judge_date(self.today())
            summary = build(project, build_exporters(project, day, cache=self.cache))
        except ClaimkbError as error:
            self.echo(f"build failed, the previous site is still served: {error}")
            return False
        except Exception as error:  # a bug in a stage must not stop the server
            self.echo(
                "build failed (internal error), the previous site is still served: "
                f"{type(error).__name__}: {error}"
            )
            return False
        seconds = time.monotonic() - started
        self.echo(f"built {summary.sources} sources, {summary.claims} claims in {seconds:.1f} s")
        return True

    def start(self) -> None:
        """Serve in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.httpd.serve_forever, name="claimkb-serve", daemon=True
            )
            self._thread.start()

    def watch(self, stop: threading.Event, last: Signature | None = None) -> None:
        """Poll the project's files every ``interval`` seconds until ``stop`` is set and
        rebuild whenever they differ from ``last`` (default: as they are now)."""
        project = Project.load(self.root)
        seen = signature(project) if last is None else last
        while not stop.wait(self.interval):
            now = signature(project)
            if now == seen:
                continue
            while not stop.wait(min(SETTLE, self.interval)):
                settled, now = now, signature(project)
                if settled == now:
                    break
            if stop.is_set():
                return
            seen = now
            self.echo("change seen, rebuilding ...")
            self.rebuild()

    def run(self, build_first: bool = True, stop: threading.Event | None = None) -> None:
        """Build (unless ``build_first`` is false), serve, and watch until ``stop`` is set or
        the user presses Ctrl-C; then stop serving and release the port."""
        stop = stop or threading.Event()
        try:
            seen = signature(Project.load(self.root))
            if build_first:
                self.rebuild()
            if not (self.site_dir / "index.html").is_file():
                self.echo(f"no site in {self.site_dir} yet; it is built on the next change")
            self.start()
            self.echo(f"serving {self.url} (Ctrl-C stops)")
            self.watch(stop, seen)
        except KeyboardInterrupt:
            self.echo("stopped")
        finally:
            self.close()

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
            self._thread = None
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
