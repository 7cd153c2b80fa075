"""Extraction on a Dask cluster (``claimkb build --scheduler ADDRESS``), against a real one.

The module starts a ``LocalCluster`` of two worker processes on 127.0.0.1 (one thread
each), builds copies of the bundled project on it and in this process, and compares the
ledgers byte for byte; the workers are sent the texts and the vocabulary and read nothing
of the project. An error in a document and a warning about one read the same as in a
serial build; a scheduler that cannot be reached is one line. When the cluster is closed,
its worker processes are checked by PID to be gone (and killed if they are not).

Without ``dask.distributed`` (the ``cluster`` extra, in ``dev`` too) the tests skip, saying
so; in CI (``CI=true``) that is a failure.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimkb.build.parallel import WorkerError, Workers
from claimkb.build.stages import build, copy_project, stage_ledger
from claimkb.cli import main
from claimkb.core.errors import ClaimkbWarning
from claimkb.core.project import Project
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE
from tests.hostile import Case, make_small_project

IN_CI = os.environ.get("CI", "").lower() == "true"
BUILD = ("build", "--date", "2026-12-01")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        message = "dask.distributed is not installed (pip install -e '.[dev]' or '.[cluster]')"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return distributed


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a scheduler with two worker processes, all on 127.0.0.1."""
    distributed = _distributed()
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=":0",
    )
    pids = [nanny.process.pid for nanny in cluster.workers.values()]
    try:
        assert len(pids) == 2
        yield cluster.scheduler_address
    finally:
        cluster.close()
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        assert not [pid for pid in pids if _alive(pid)]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _without_ledger(project: Project) -> Project:
    """``project`` with ``claims/extracted/`` emptied, so that a build writes every file."""
    for path in (project.claims_dir / "extracted").glob("*.yaml"):
        path.unlink()
    return project


def _ledger(project: Project) -> dict[str, bytes]:
    folder = project.claims_dir / "extracted"
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}


def test_a_build_on_the_cluster_writes_the_ledger_of_a_serial_build(
    tmp_path: Path, scheduler: str
) -> None:
    on_cluster = _without_ledger(copy_project(EXAMPLE, tmp_path / "cluster"))
    serial = _without_ledger(copy_project(EXAMPLE, tmp_path / "serial"))
    summary = build(on_cluster, workers=Workers(scheduler=scheduler))
    build(serial)
    assert summary.sources == 5
    assert len(_ledger(on_cluster)) == 5
    assert _ledger(on_cluster) == _ledger(serial)
    assert _ledger(on_cluster) == _ledger(EXAMPLE)  # the ledger the repository holds


LATIN = b"Wind\nPower 40 MW\nCaf\xe9 owners: 5 GW\n"
"""Latin-1, not UTF-8: byte 0xe9 at offset 20 (5 + 12 + 3 bytes before it), on line 3."""


def test_a_build_on_the_cluster_names_an_undecodable_source_in_one_line(
    case: Case, scheduler: str
) -> None:
    (case.project.sources_dir / "bad.txt").write_bytes(LATIN)
    case.append_source("- id: bad\n  file: bad.txt\n  language: en\n")
    expected = (
        "sources/bad.txt:3: not UTF-8 text (byte 0xe9 at offset 20) "
        "(source 'bad', listed in sources/sources.yaml:7)"
    )
    case.refused(*BUILD, "--scheduler", scheduler, match=f"^{re.escape(expected)}$")


def test_a_warning_about_a_document_on_the_cluster_is_given_here(
    tmp_path: Path, scheduler: str
) -> None:
    project = make_small_project(tmp_path / "project")
    french = "Le ministre a dit que la centrale produira 300 mégawatts l'année prochaine.\n"
    (project.sources_dir / "parc.txt").write_text(french, encoding="utf-8")
    with project.sources_yaml.open("a", encoding="utf-8") as listing:
        listing.write("- id: parc\n  file: parc.txt\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sources = load_sources(project.sources_yaml)
        stage_ledger(project, sources, tmp_path / "staged", workers=Workers(scheduler=scheduler))
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            ClaimkbWarning,
            "sources/parc.txt: the text looks like French (fr), which claimkb does not read; "
            "read as English",
        )
    ]


def _closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (just given up by this process)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path: Path) -> None:
    _distributed()
    project = make_small_project(tmp_path / "project")
    address = f"tcp://127.0.0.1:{_closed_port()}"
    options = ["--project", str(project.root), *BUILD, "--scheduler", address]
    result = CliRunner().invoke(main, options)
    assert result.exit_code == 1
    error = result.stderr[result.stderr.index("Error: ") :]
    assert error.startswith(f"Error: cannot reach the Dask scheduler at {address}: "), error
    assert error.count("\n") == 1
    assert "Traceback" not in result.output
    assert not (project.build_dir).exists()


def test_without_dask_the_scheduler_option_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    project = make_small_project(tmp_path / "project")
    sources = load_sources(project.sources_yaml)
    workers = Workers(scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(WorkerError) as raised:
        stage_ledger(project, sources, tmp_path / "staged", workers=workers)
    assert str(raised.value) == (
        "--scheduler needs dask.distributed: pip install 'claimkb[cluster]'"
    )


def test_a_cluster_without_workers_is_one_line_not_a_wait_for_ever(tmp_path: Path) -> None:
    distributed = _distributed()
    with distributed.LocalCluster(
        n_workers=0, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as empty:
        project = make_small_project(tmp_path / "project")
        sources = load_sources(project.sources_yaml)
        workers = Workers(scheduler=empty.scheduler_address)
        with pytest.raises(WorkerError) as raised:
            stage_ledger(project, sources, tmp_path / "staged", workers=workers)
    assert str(raised.value) == f"the Dask cluster at {empty.scheduler_address} has no workers"
