"""`claimkb serve`: the site on 127.0.0.1, rebuilt when a document changes, the previous site
kept when a rebuild fails, and a clean stop."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkb.build.scaffold import init_project
from claimkb.build.serve import SiteServer, signature
from claimkb.cli import main
from claimkb.core.errors import ClaimkbError
from claimkb.core.project import Project
from tests.conftest import EXAMPLE

SOURCE_PAGE = "generated/sources/note.en/index.html"


def _project(root: Path) -> Project:
    """A new project with one short English note by a speaker named in its metadata."""
    project = init_project(root, title="Serve test")
    (project.sources_dir / "note.en.txt").write_text(
        "Anna Weber: We will build 40 turbines by 2028.\n", encoding="utf-8"
    )
    project.sources_yaml.write_text(
        "- id: note.en\n  file: note.en.txt\n  language: en\n"
        "  covers_interview: {speakers: [Anna Weber], interviewers: []}\n",
        encoding="utf-8",
    )
    return project


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        text: str = response.read().decode("utf-8")
    return text


def _wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@contextmanager
def _serving(server: SiteServer, build_first: bool = True) -> Iterator[threading.Thread]:
    stop = threading.Event()
    thread = threading.Thread(target=server.run, args=(build_first, stop), daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        stop.set()
        thread.join(timeout=30)
        assert not thread.is_alive()


def test_serve_builds_serves_and_rebuilds_on_a_change(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    lines: list[str] = []
    server = SiteServer(project, 0, interval=0.2, cache=EXAMPLE.cache_dir, echo=lines.append)
    url = server.url
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
    with _serving(server):
        _wait_for(lambda: any(line.startswith("serving ") for line in lines))
        assert lines[0].startswith("built 1 sources, 2 claims"), lines
        assert "<h1>Serve test</h1>" in _get(url)
        page = _get(url + SOURCE_PAGE)
        assert ">40</a></mark> turbines" in page

        # A changed document: the page is rebuilt with the new figure.
        (project.sources_dir / "note.en.txt").write_text(
            "Anna Weber: We will build 55 turbines by 2029.\n", encoding="utf-8"
        )
        _wait_for(lambda: ">55</a></mark> turbines" in _get(url + SOURCE_PAGE))
        assert ">40</a>" not in _get(url + SOURCE_PAGE)

        # A broken ledger: the error is printed once, and the previous site stays served.
        built = sum(line.startswith("built ") for line in lines)
        (project.claims_dir / "people.yaml").write_text("people: [\n", encoding="utf-8")
        _wait_for(lambda: any(line.startswith("build failed") for line in lines))
        failure = next(line for line in lines if line.startswith("build failed"))
        assert "people.yaml" in failure and "Traceback" not in failure
        assert ">55</a></mark> turbines" in _get(url + SOURCE_PAGE)

        # Mended: built again.
        (project.claims_dir / "people.yaml").write_text("people: []\n", encoding="utf-8")
        _wait_for(lambda: sum(line.startswith("built ") for line in lines) > built)
    assert lines[-1] != "stopped"  # stopped by the event, not by Ctrl-C
    # The port is released: nothing answers any more.
    with pytest.raises(urllib.error.URLError):
        _get(url)


def test_serve_watches_what_a_build_reads_and_not_what_it_writes(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    before = signature(project)
    project.extracted_dir.mkdir(exist_ok=True)
    (project.extracted_dir / "note.en.yaml").write_text("claims: []\n", encoding="utf-8")
    (project.build_dir / "site").mkdir(parents=True)
    (project.sources_dir / ".note.en.txt.swp").write_bytes(b"editor")
    assert signature(project) == before
    for changed in (
        project.config_path,
        project.sources_dir / "new.txt",
        project.claims_dir / "reviewed" / "x.yaml",
        project.queries_dir / "q.rq",
    ):
        changed.parent.mkdir(parents=True, exist_ok=True)
        changed.write_text("x\n", encoding="utf-8")
        assert signature(project) != before, changed
        before = signature(project)
    (project.sources_dir / "new.txt").unlink()
    assert signature(project) != before


def test_serve_only_on_the_loopback_address_and_a_port_in_use_is_one_line(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "p")
    with SiteServer(project, 0, echo=lambda line: None) as first:
        assert first.httpd.server_address[0] == "127.0.0.1"
        port = first.httpd.server_address[1]
        with pytest.raises(ClaimkbError, match=rf"127\.0\.0\.1:{port}: cannot serve there"):
            SiteServer(project, port)
        # The command says so in one line, before building anything.
        args = ["--project", str(project.root), "serve", "--port", str(port)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: 127.0.0.1:{port}: cannot serve there")
        assert len(result.output.splitlines()) == 1
        assert not project.build_dir.exists()


def test_serve_stops_cleanly_on_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "p")
    lines: list[str] = []
    server = SiteServer(project, 0, echo=lines.append)

    def interrupted(stop: threading.Event, last: object = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(server, "watch", interrupted)
    server.run(build_first=False)  # returns: no traceback, no exception
    assert lines[0].startswith("no site in ")  # --no-build on a project never built
    assert lines[-1] == "stopped"
    with pytest.raises(urllib.error.URLError):
        _get(server.url)
    assert not project.build_dir.exists()  # --no-build built nothing


def test_serve_command_stops_on_a_real_ctrl_c(tmp_path: Path) -> None:
    """SIGINT, as the terminal sends it, ends `claimkb serve` with "stopped" and status 0."""
    project = _project(tmp_path / "p")
    command = [
        sys.executable,
        "-c",
        "from claimkb.cli import main; main()",
        *("--project", str(project.root), "serve", "--port", "0", "--no-build"),
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # a shell's background job ignores SIGINT; the command must see it as from a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline(), process.stdout.readline()]
        assert lines[0].startswith("no site in "), lines
        url = lines[1].removeprefix("serving ").split()[0]
        with pytest.raises(urllib.error.HTTPError, match="404"):
            _get(url)  # served, though there is nothing to serve yet
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0 and out.endswith("\nstopped\n"), out
    assert "Traceback" not in out and "Aborted" not in out
