"""Extraction in parallel (``claimkb build --jobs N``): the same ledger, the same errors.

Guards what ``claimkb.build.parallel`` promises: the ledger staged by worker processes is
byte-identical to the one staged in one process; an error a worker meets in a document is
the error a serial build gives, word for word, naming the file, its line and its entry in
``sources.yaml``; a warning a worker gives is given here too; ``--jobs`` below 1 is a
one-line error. Which source a worker extracts while this process extracts too depends on
how fast the worker starts, so every case runs also with ``share=False``: then the workers
extract every source, and the case is sure to be about them.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkb.build.parallel import WorkerError, Workers
from claimkb.build.stages import copy_project, stage_ledger
from claimkb.cli import main
from claimkb.core.errors import ClaimkbWarning
from claimkb.core.project import Project
from claimkb.core.yamlio import LedgerError
from claimkb.extract.reader import InputError
from claimkb.ingest import AddOptions, add_documents
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE
from tests.hostile import Case, make_small_project
from tests.test_add import TALK_VTT

BUILD = ("build", "--date", "2026-12-01")


def staged_bytes(project: Project, folder: Path, workers: Workers) -> dict[str, bytes]:
    """The ledger files ``stage_ledger`` writes on ``workers``, by name, as bytes."""
    sources = load_sources(project.sources_yaml)
    staged = stage_ledger(project, sources, folder, workers=workers)
    return {final.name: copy.read_bytes() for final, copy in staged.files.items()}


WORKERS = [Workers(2), Workers(2, share=False)]
IDS = ["sharing", "workers-only"]


@pytest.mark.parametrize("workers", WORKERS, ids=IDS)
def test_two_jobs_stage_the_ledger_of_one_byte_for_byte(tmp_path: Path, workers: Workers) -> None:
    project = copy_project(EXAMPLE, tmp_path / "project")
    serial = staged_bytes(project, tmp_path / "one", Workers(1))
    parallel = staged_bytes(project, tmp_path / "two", workers)
    assert list(parallel) == list(serial)  # written in source order, too
    assert parallel == serial
    committed = {
        path.name: path.read_bytes() for path in (EXAMPLE.claims_dir / "extracted").glob("*.yaml")
    }
    assert parallel == committed  # and the ledger the repository holds


def test_more_jobs_than_sources_give_the_same_ledger(tmp_path: Path) -> None:
    project = make_small_project(tmp_path / "project")
    serial = staged_bytes(project, tmp_path / "one", Workers(1))
    assert staged_bytes(project, tmp_path / "four", Workers(4)) == serial
    assert staged_bytes(project, tmp_path / "three", Workers(3, share=False)) == serial
    assert list(serial) == ["wind-report.yaml"]


LATIN = b"Wind\nPower 40 MW\nCaf\xe9 owners: 5 GW\n"
"""Latin-1, not UTF-8: byte 0xe9 at offset 20 (5 + 12 + 3 bytes before it), on line 3."""


def bad_first(project: Project) -> None:
    """Put an undecodable source first in the listing."""
    (project.sources_dir / "bad.txt").write_bytes(LATIN)
    listing = project.sources_yaml.read_text(encoding="utf-8")
    entry = "- id: bad\n  file: bad.txt\n  language: en\n"
    project.sources_yaml.write_text(entry + listing, encoding="utf-8")


EXPECTED = (
    "sources/bad.txt:3: not UTF-8 text (byte 0xe9 at offset 20) "
    "(source 'bad', listed in sources/sources.yaml:1)"
)


@pytest.mark.parametrize("workers", [Workers(1), *WORKERS], ids=["serial", *IDS])
def test_an_undecodable_source_is_named_as_a_serial_build_names_it(
    tmp_path: Path, workers: Workers
) -> None:
    project = make_small_project(tmp_path / "project")
    bad_first(project)
    with pytest.raises(InputError) as raised:
        staged_bytes(project, tmp_path / "staged", workers)
    assert str(raised.value) == EXPECTED


def test_a_build_with_jobs_refuses_an_undecodable_source_in_one_line(case: Case) -> None:
    """Through the command line, with the harness's promise: exit 1, one line, no file of
    the project changed (the good source before it was extracted and not committed)."""
    (case.project.sources_dir / "bad.txt").write_bytes(LATIN)
    case.append_source("- id: bad\n  file: bad.txt\n  language: en\n")
    expected = (
        "sources/bad.txt:3: not UTF-8 text (byte 0xe9 at offset 20) "
        "(source 'bad', listed in sources/sources.yaml:7)"
    )
    case.refused(*BUILD, "--jobs", "2", match=f"^{re.escape(expected)}$")


FRENCH = (
    "Le ministre a dit que la nouvelle centrale produira 300 mégawatts à partir de l'année "
    "prochaine, mais le coût n'est pas encore connu.\n"
)


def test_a_workers_warning_is_given_here_once_as_in_a_serial_build(tmp_path: Path) -> None:
    project = make_small_project(tmp_path / "project")
    (project.sources_dir / "parc.txt").write_text(FRENCH, encoding="utf-8")
    listing = project.sources_yaml.read_text(encoding="utf-8")
    project.sources_yaml.write_text("- id: parc\n  file: parc.txt\n" + listing, encoding="utf-8")
    given: list[list[tuple[type[Warning], str]]] = []
    for number, workers in enumerate([Workers(1), *WORKERS]):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            staged_bytes(project, tmp_path / f"run-{number}", workers)
        given.append([(w.category, str(w.message)) for w in caught])
    expected = (
        "sources/parc.txt: the text looks like French (fr), which claimkb does not read; "
        "read as English"
    )
    assert given == [[(ClaimkbWarning, expected)]] * 3


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--jobs", "0"), "--jobs must be 1 or more, not 0"),
        (("--jobs", "-3"), "--jobs must be 1 or more, not -3"),
        (
            ("--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"),
            "--jobs and --scheduler: give one (a cluster has its own workers)",
        ),
    ],
    ids=["zero", "negative", "both"],
)
def test_jobs_below_one_is_a_one_line_error(
    tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    project = make_small_project(tmp_path / "project")
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    result = CliRunner().invoke(main, ["--project", str(project.root), *BUILD, *options])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output
    assert sorted(p.relative_to(project.root) for p in project.root.rglob("*")) == before


def test_workers_refuse_jobs_below_one() -> None:
    with pytest.raises(WorkerError, match=r"^--jobs must be 1 or more, not 0$"):
        Workers(0)


def with_transcript(project: Project, tmp_path: Path) -> None:
    """``project`` with a WebVTT transcript added: a text and its cue times."""
    talk = tmp_path / "talk.vtt"
    talk.write_text(TALK_VTT, encoding="utf-8")
    add_documents(project, [str(talk)], AddOptions(lang="en"))


@pytest.mark.parametrize("workers", WORKERS, ids=IDS)
def test_cue_times_come_back_from_the_workers(tmp_path: Path, workers: Workers) -> None:
    project = make_small_project(tmp_path / "project")
    with_transcript(project, tmp_path)
    serial = staged_bytes(project, tmp_path / "one", Workers(1))
    assert staged_bytes(project, tmp_path / "two", workers) == serial
    # the claims of the second cue's line carry its time, as hand-read from TALK_VTT
    assert serial["talk.yaml"].count(b"cue: '00:00:04.500'") == 2  # 40 turbines, about 200 MW


@pytest.mark.parametrize("workers", [Workers(1), *WORKERS], ids=["serial", *IDS])
def test_a_broken_cue_file_is_named_as_a_serial_build_names_it(
    tmp_path: Path, workers: Workers
) -> None:
    project = make_small_project(tmp_path / "project")
    with_transcript(project, tmp_path)
    cues = project.sources_dir / "talk.cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8").replace("source: talk", "source: other"))
    with pytest.raises(LedgerError) as raised:
        staged_bytes(project, tmp_path / "staged", workers)
    assert str(raised.value) == "sources/talk.cues.yaml:1: source: 'other' is not 'talk'"
