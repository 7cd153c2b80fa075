"""Hostile builds: unusable sources, line ends and byte order marks, faults of the file
system (full disk, folders the build may not write), builds killed half-way, two builds at
once.

Guards the build's promises: a source the extractor cannot read is the same one-line error
in ``claimkb build`` as in ``claimkb extract``; offsets index the text as stored, whatever
its line ends; a build that fails at any stage changes no file of the project (the committed
ledger included) and leaves no staging folder or lock; a killed build is put right by the
next; two builds of one project never run at once.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimkb.build import lock as lock_module
from claimkb.build import stages as stages_module
from claimkb.build import staging as staging_module
from claimkb.build.lock import LOCK_NAME, build_lock
from claimkb.build.stages import StagedLedger, build, copy_project, load_staged_ledger
from claimkb.core.project import Project
from claimkb.extract.reader import InputError, read_text
from claimkb.ledger.ledger import load_ledger
from claimkb.pages.publish import SiteError
from tests.conftest import EXAMPLE
from tests.hostile import SOURCE_TEXT, Case, assert_clean_refusal, snapshot

BUILD = ("build", "--date", "2026-12-01")
REPOSITORY = Path(__file__).resolve().parents[1]
CHILD_ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPOSITORY), os.environ.get("PYTHONPATH")])),
}
"""For ``python -m claimkb`` in a child process run in another folder."""
LISTED = r" \(source '{id}', listed in sources/sources\.yaml:7\)$"
"""How a build names the entry of a source appended to the small project (at line 7)."""


def add_source(case: Case, name: str, data: bytes | str) -> None:
    """A source ``name`` (``<name>.txt``) listed after the small project's one."""
    case.write(f"sources/{name}.txt", data)
    case.append_source(f"- id: {name}\n  file: {name}.txt\n  language: en\n")


def leftovers(root: Path) -> list[str]:
    """What a build may leave in a project's root and must not: staging folders, an old
    build, the lock."""
    return sorted(name for name in os.listdir(root) if name.startswith(".build"))


def changed_source(case: Case) -> None:
    """Change the small project's source so that its ledger file must change too."""
    case.write("sources/wind-report.txt", SOURCE_TEXT + "The park will cost 90 million euros.\n")


# --- unusable sources: the same error in build as in extract ------------------------------

LATIN = "Line one\nLine two\nCafé with 40 MW\n"
WIDE = "Wind power: 40 MW\n"
UNREADABLE: list[Any] = [
    pytest.param(b"", None, "empty file", id="empty"),
    pytest.param(b"Wind\x00report 40 MW\n", None, "binary file (NUL byte at byte 4)", id="binary"),
    pytest.param(
        codecs.BOM_UTF16_LE + WIDE.encode("utf-16-le"),
        None,
        "UTF-16 text (little-endian, with a byte order mark), not UTF-8; save it as UTF-8",
        id="utf16-le-bom",
    ),
    pytest.param(
        codecs.BOM_UTF16_BE + WIDE.encode("utf-16-be"),
        None,
        "UTF-16 text (big-endian, with a byte order mark), not UTF-8; save it as UTF-8",
        id="utf16-be-bom",
    ),
    pytest.param(
        WIDE.encode("utf-16-le"),
        None,
        "UTF-16 text (little-endian, without a byte order mark), not UTF-8; save it as UTF-8",
        id="utf16-le-no-bom",
    ),
    pytest.param(
        WIDE.encode("utf-16-be"),
        None,
        "UTF-16 text (big-endian, without a byte order mark), not UTF-8; save it as UTF-8",
        id="utf16-be-no-bom",
    ),
    pytest.param(
        codecs.BOM_UTF32_LE + WIDE.encode("utf-32-le"),
        None,
        "UTF-32 text (little-endian, with a byte order mark), not UTF-8; save it as UTF-8",
        id="utf32-le-bom",
    ),
    pytest.param(
        LATIN.encode("latin-1"), 3, "not UTF-8 text (byte 0xe9 at offset 21)", id="latin1"
    ),
    pytest.param(
        LATIN.replace("\n", "\r\n").encode("latin-1"),
        3,
        "not UTF-8 text (byte 0xe9 at offset 23)",
        id="latin1-crlf",
    ),
    pytest.param(
        LATIN.replace("\n", "\r").encode("latin-1"),
        3,
        "not UTF-8 text (byte 0xe9 at offset 21)",
        id="latin1-cr-only",
    ),
    pytest.param(
        "Power 40 MW\nend €".encode()[:-1],
        2,
        "not UTF-8 text (truncated character at the end)",
        id="truncated-at-end",
    ),
]


@pytest.mark.parametrize(("data", "line", "problem"), UNREADABLE)
def test_extract_names_an_unusable_source_in_one_line(
    case: Case, monkeypatch: pytest.MonkeyPatch, data: bytes, line: int | None, problem: str
) -> None:
    add_source(case, "bad", data)
    monkeypatch.chdir(case.project.root)
    where = "sources/bad.txt" + (f":{line}" if line else "")
    case.refused("extract", "sources/bad.txt", match="^" + re.escape(f"{where}: {problem}") + "$")


@pytest.mark.parametrize(("data", "line", "problem"), UNREADABLE)
def test_build_gives_the_error_extract_gives_and_names_the_entry(
    case: Case, data: bytes, line: int | None, problem: str
) -> None:
    add_source(case, "bad", data)
    where = "sources/bad.txt" + (f":{line}" if line else "")
    case.refused(*BUILD, match="^" + re.escape(f"{where}: {problem}") + LISTED.format(id="bad"))


@pytest.mark.parametrize(
    ("make", "listing"),
    [
        pytest.param(lambda path: None, "no such file", id="missing"),
        pytest.param(lambda path: path.mkdir(), "folder", id="directory"),
        pytest.param(os.mkfifo, "not a regular file", id="fifo"),
    ],
)
def test_build_refuses_a_source_that_is_no_file_without_opening_it(
    case: Case, make: Callable[[Path], None], listing: str
) -> None:
    """The listing is checked first (a FIFO would make a reader wait for a writer)."""
    case.append_source("- id: odd\n  file: odd.txt\n  language: en\n")
    # the harness's snapshot reads every file, and would wait on a FIFO: the build and
    # ledger folders are compared here instead
    before = {part: snapshot(case.project.root / part) for part in ("build", "claims")}
    make(case.project.sources_dir / "odd.txt")
    result = case.run(*BUILD)
    assert_clean_refusal(result, rf"^sources/sources\.yaml:7: .*'odd\.txt'.*{listing}")
    assert {part: snapshot(case.project.root / part) for part in before} == before
    assert leftovers(case.project.root) == []


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda path: None, "no such file", id="missing"),
        pytest.param(lambda path: path.mkdir(), "is a directory, not a document", id="directory"),
        pytest.param(os.mkfifo, "a FIFO (named pipe), not a regular file", id="fifo"),
    ],
)
def test_extract_refuses_what_is_no_file_without_waiting(
    case: Case, make: Callable[[Path], None], problem: str
) -> None:
    make(case.project.sources_dir / "odd.txt")
    result = subprocess.run(
        [sys.executable, "-m", "claimkb", "extract", "sources/odd.txt"],
        cwd=case.project.root,
        env=CHILD_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: sources/odd.txt: {problem}\n"


def test_extract_refuses_a_device(case: Case) -> None:
    case.refused(
        "extract", "/dev/null", match=r"^/dev/null: a character device, not a regular file$"
    )


def test_reading_a_fifo_never_blocks(tmp_path: Path) -> None:
    """Even when the file became a FIFO after the listing was checked."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    raised: list[BaseException] = []
    reader = threading.Thread(target=lambda: _catch(raised, lambda: read_text(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a FIFO waits for a writer"
    assert [str(error) for error in raised] == [f"{fifo}: a FIFO (named pipe), not a regular file"]
    assert isinstance(raised[0], InputError)


def _catch(into: list[BaseException], call: Callable[[], object]) -> None:
    try:
        call()
    except BaseException as error:  # handed to the test's thread
        into.append(error)


# --- line ends and the byte order mark: offsets index the text as stored -------------------


def _claims(project: Project) -> list[dict[str, Any]]:
    lines = (project.build_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # "40" and "200 MW" are on line 3, "about 300" and "by 2027" on line 4: with LF at
        # 31, 53, 96, 116; each \r\n before a claim adds one.
        pytest.param(SOURCE_TEXT.replace("\n", "\r\n"), [33, 55, 99, 119], id="crlf"),
        pytest.param(SOURCE_TEXT.replace("\n", "\r"), [31, 53, 96, 116], id="cr-only"),
        pytest.param(
            "Wind report\r\n\nThe company plans 40 wind turbines with 200 MW in all.\r"
            "Ms Weber said: We will hire about 300 engineers by 2027.\n",
            [32, 54, 97, 117],
            id="mixed",
        ),
        pytest.param("\ufeff" + SOURCE_TEXT, [32, 54, 97, 117], id="utf8-bom"),
        pytest.param(
            "\ufeff" + SOURCE_TEXT.replace("\n", "\r\n"), [34, 56, 100, 120], id="bom-crlf"
        ),
    ],
)
def test_line_ends_and_bom_build_with_offsets_into_the_stored_text(
    case: Case, text: str, starts: list[int]
) -> None:
    before = _claims(case.project)
    case.write("sources/wind-report.txt", text)
    result = case.run(*BUILD)
    assert result.exit_code == 0, result.stderr
    after = _claims(case.project)
    stored = (case.project.sources_dir / "wind-report.txt").read_bytes().decode("utf-8")
    assert [c["surface"] for c in after] == ["40", "200 MW", "about 300", "by 2027"]
    assert [c["start"] for c in after] == starts
    assert all(stored[c["start"] : c["end"]] == c["surface"] for c in after)
    same = ("id", "surface", "quote", "value", "unit", "speaker", "time")
    assert [{k: c[k] for k in same} for c in after] == [{k: c[k] for k in same} for c in before]


@pytest.fixture(scope="module")
def example_ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, list[Any]]:
    """The bundled corpus built as it is (line ends \\n), and its claims."""
    project = copy_project(EXAMPLE, tmp_path_factory.mktemp("lf") / "project")
    build(project)
    return project, [c.record for c in load_ledger(project.claims_dir).extracted]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "cr-only"])
def test_example_corpus_with_other_line_ends_builds_with_offsets_into_the_stored_text(
    tmp_path: Path, line_end: str
) -> None:
    """The whole corpus with CRLF or CR line ends builds (the knowledge base reads the texts
    as the extractor does), and every claim's span is its surface in the stored text."""
    project = copy_project(EXAMPLE, tmp_path / "project")
    for path in sorted(project.sources_dir.glob("*.txt")):
        path.write_bytes(path.read_bytes().replace(b"\n", line_end.encode("ascii")))
    summary = build(project)
    assert summary.claims > 100
    for claim in (c.record for c in load_ledger(project.claims_dir).extracted):
        stored = (project.sources_dir / f"{claim.source}.txt").read_bytes().decode("utf-8")
        assert stored[claim.start : claim.end] == claim.surface


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "cr-only"])
def test_example_corpus_with_other_line_ends_gives_the_same_claims(
    tmp_path: Path, example_ledger: tuple[Project, list[Any]], line_end: str
) -> None:
    """Same ids, values, quotes and speakers; each start moves by one for every line break
    before it when a break is two characters, and not at all when it is one."""
    _, lf_claims = example_ledger
    project = copy_project(EXAMPLE, tmp_path / "project")
    texts = {}
    for path in sorted(project.sources_dir.glob("*.txt")):
        texts[path.name] = path.read_bytes().decode("utf-8")
        assert "\r" not in texts[path.name]
        path.write_bytes(texts[path.name].replace("\n", line_end).encode("utf-8"))
    build(project)
    claims = [c.record for c in load_ledger(project.claims_dir).extracted]
    assert len(claims) == len(lf_claims) > 100
    extra = len(line_end) - 1
    for claim, lf in zip(claims, lf_claims, strict=True):
        text = texts[f"{lf.source}.txt"]
        shift = extra * text.count("\n", 0, lf.start)
        assert (claim.id, claim.quote, claim.speaker) == (lf.id, lf.quote, lf.speaker)
        assert claim.quantity == lf.quantity
        assert (claim.start, claim.end) == (lf.start + shift, lf.end + shift)


# --- the ledger is written only by a build that succeeds ------------------------------------


def test_a_failed_check_leaves_the_ledger_as_it_was(case: Case) -> None:
    changed_source(case)
    case.write(
        "claims/reviewed/bad.yaml",
        "reviews:\n  - claim: nowhere/00000000\n    status: not_a_claim\n",
    )
    case.refused(*BUILD, match=r"^claims/reviewed/bad\.yaml:2: review of unknown claim")


def test_a_failed_site_leaves_the_ledger_as_it_was(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> Path:
        raise SiteError("mkdocs build failed: a page that does not render")

    changed_source(case)
    monkeypatch.setattr("claimkb.build.outputs.build_site", broken)
    case.refused(*BUILD, match=r"^mkdocs build failed: a page that does not render$")


def _raise_enospc(path: str | None) -> Callable[..., None]:
    def write(*args: object) -> None:
        if path is None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    return write


def test_full_disk_while_writing_the_ledger(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    changed_source(case)
    monkeypatch.setattr(stages_module, "write_text", _raise_enospc(None))
    case.refused(*BUILD, match=r"^claims/extracted/wind-report\.yaml: No space left on device$")


def test_full_disk_seen_by_write_without_a_path(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed_source(case)
    monkeypatch.setattr("claimkb.build.outputs.write_rdf", _raise_enospc(None))
    case.refused(*BUILD, match=r"^build/: No space left on device$")


def test_full_disk_names_the_file_as_it_would_be_in_build(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    def write_rdf(graph: object, folder: Path) -> None:
        _raise_enospc(str(folder / "kb.ttl"))()

    changed_source(case)
    monkeypatch.setattr("claimkb.build.outputs.write_rdf", write_rdf)
    case.refused(*BUILD, match=r"^build/kb\.ttl: No space left on device$")


def test_ledger_file_that_cannot_be_replaced_undoes_the_others(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two ledger files to write (a new source sorts first): the second fails, the first
    is taken back, so claims/extracted/ is as it was."""
    changed_source(case)
    add_source(case, "alpha-report", "Alpha report\n\nThe plant makes 12 MW.\n")
    real = stages_module._move

    def move(copy: Path, final: Path) -> None:
        if final.name == "wind-report.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(copy))
        real(copy, final)

    monkeypatch.setattr(stages_module, "_move", move)
    case.refused(*BUILD, match=r"^claims/extracted/wind-report\.yaml: Permission denied$")


def _failing_replace(fails: Callable[[str, str], bool]) -> Callable[[Any, Any], None]:
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if fails(str(src), str(dst)):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(src))
        real(src, dst)

    return replace


def test_read_only_build_folder_leaves_build_and_ledger_as_they_were(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old build/ cannot be moved aside: the ledger, already moved in, is taken back."""
    changed_source(case)
    build_dir = str(case.project.build_dir)
    monkeypatch.setattr(
        staging_module.os, "replace", _failing_replace(lambda src, dst: src == build_dir)
    )
    case.refused(*BUILD, match=r"^build/: Permission denied$")


def test_failed_second_rename_puts_the_old_build_and_what_it_carried_back(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old build/ is put back, with a file the new build does not make."""
    case.write("build/benchmarks/timings.txt", "extract 1.0 s\n")
    changed_source(case)
    build_dir = str(case.project.build_dir)
    monkeypatch.setattr(
        staging_module.os,
        "replace",
        _failing_replace(lambda src, dst: dst == build_dir and not src.endswith(".build.old")),
    )
    case.refused(*BUILD, match=r"^build/: Permission denied$")


def test_read_only_project_folder_cannot_hold_the_lock(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.open

    def no_create(path: Any, *args: Any) -> int:
        if str(path).endswith(LOCK_NAME):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args)

    monkeypatch.setattr(lock_module.os, "open", no_create)
    case.refused(
        *BUILD, match=r"^\.build\.lock: cannot make the build lock here \(Permission denied\)$"
    )


def test_read_only_project_folder_cannot_hold_a_staging_folder(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_folder(**kwargs: object) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/no/such/.build.x")

    monkeypatch.setattr(stages_module.tempfile, "mkdtemp", no_folder)
    case.refused(*BUILD, match=r"^\./: Permission denied$")


def test_atomic_write_that_fails_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "wind-report.yaml"
    target.write_text("claims: []\n", encoding="utf-8")

    class FullFile:
        def __init__(self, fd: int, *args: object, **kwargs: object) -> None:
            self.fd = fd

        def __enter__(self) -> FullFile:
            return self

        def __exit__(self, *exc: object) -> None:
            os.close(self.fd)

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(stages_module.os, "fdopen", FullFile)
    with pytest.raises(OSError, match="No space left on device"):
        stages_module._write_atomically(target, "claims: [1]\n")
    assert sorted(os.listdir(tmp_path)) == ["wind-report.yaml"]
    assert target.read_text(encoding="utf-8") == "claims: []\n"


def test_export_to_a_full_stdout_is_one_line(case: Case) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "claimkb",
                "--project",
                str(case.project.root),
                "export",
                "--format",
                "ttl",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            env=CHILD_ENV,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: ") and "No space left on device" in result.stderr


def test_staged_ledger_is_read_as_load_ledger_reads_the_committed_one() -> None:
    """With nothing staged, the build's reading of claims/ is ``load_ledger``'s."""
    ours = load_staged_ledger(EXAMPLE.claims_dir, StagedLedger({}))
    theirs = load_ledger(EXAMPLE.claims_dir)
    for part in ("extracted", "reviews", "references", "entities"):
        assert getattr(ours, part) == getattr(theirs, part), part


# --- what a killed build leaves is put right by the next ------------------------------------


def test_leftover_staging_folders_and_old_build_are_removed(case: Case) -> None:
    root = case.project.root
    (root / ".build.k2j4_x9").mkdir()
    (root / ".build.k2j4_x9" / "kb.ttl").write_text("half", encoding="utf-8")
    (root / ".build.old").mkdir()
    (root / ".build.old" / "claims.jsonl").write_text("{}\n", encoding="utf-8")
    (root / LOCK_NAME).write_text("999999999\n", encoding="ascii")  # a killed build's lock
    build(case.project)
    assert leftovers(root) == []
    assert (case.project.build_dir / "site" / "index.html").is_file()


def test_leftover_link_is_removed_and_never_followed(case: Case) -> None:
    root = case.project.root
    (root / ".build.abc123").symlink_to(case.outside, target_is_directory=True)
    (root / ".build.old").symlink_to(case.outside / "secret.txt")
    before = snapshot(case.outside)
    build(case.project)
    assert leftovers(root) == []
    assert snapshot(case.outside) == before


def test_names_that_are_not_ours_are_kept(case: Case) -> None:
    root = case.project.root
    for name in (".build", ".buildinfo", "build.old"):
        (root / name).mkdir()
    build(case.project)
    assert sorted(n for n in os.listdir(root) if "build" in n) == [
        ".build",
        ".buildinfo",
        "build",
        "build.old",
    ]


def test_build_killed_between_the_renames_is_restored(case: Case) -> None:
    """The state a kill between ``build/ → .build.old`` and ``staging → build/`` leaves."""
    root = case.project.root
    (case.project.build_dir / "benchmarks").mkdir()
    (case.project.build_dir / "benchmarks" / "marker.txt").write_text("old\n", encoding="utf-8")
    os.replace(case.project.build_dir, root / ".build.old")
    (root / ".build.half").mkdir()
    build(case.project)
    assert leftovers(root) == []
    assert (case.project.build_dir / "benchmarks" / "marker.txt").read_text() == "old\n"
    assert (case.project.build_dir / "site" / "index.html").is_file()


def test_simulated_kill_after_the_first_rename_then_a_build_recovers(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process 'dies' after the first rename: every later rename fails (a dead process
    undoes nothing); the next build finds build/ missing and .build.old there."""
    root, build_dir = case.project.root, case.project.build_dir
    real, renamed = os.replace, []

    def replace(src: Any, dst: Any) -> None:
        if renamed:
            raise SystemExit("killed")
        real(src, dst)
        if str(src) == str(build_dir):
            renamed.append(dst)

    monkeypatch.setattr(staging_module.os, "replace", replace)
    with pytest.raises(SystemExit):
        build(case.project)
    assert not build_dir.exists() and (root / ".build.old").is_dir()
    monkeypatch.setattr(staging_module.os, "replace", real)
    result = case.run(*BUILD)
    assert result.exit_code == 0, result.stderr
    assert leftovers(root) == []
    assert (build_dir / "site" / "index.html").is_file()


def _build_process(project: Project, **kwargs: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimkb", "--project", str(project.root), *BUILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=CHILD_ENV,
        **kwargs,
    )


def _wait_for(condition: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8, 1.5], ids=["at-once", "0.3s", "0.8s", "1.5s"])
def test_real_kill_of_a_build_then_a_build_succeeds(case: Case, delay: float) -> None:
    root = case.project.root
    changed_source(case)
    committed = (case.project.extracted_dir / "wind-report.yaml").read_bytes()
    process = _build_process(case.project)
    _wait_for(lambda: any(n != LOCK_NAME for n in leftovers(root)) or process.poll() is not None)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert case.project.build_dir.is_dir() or (root / ".build.old").is_dir()
    result = case.run(*BUILD)
    assert result.exit_code == 0, result.stderr
    assert leftovers(root) == []
    assert (case.project.build_dir / "site" / "index.html").is_file()
    fresh = (case.project.extracted_dir / "wind-report.yaml").read_bytes()
    assert fresh != committed and b"90 million euros" in fresh


# --- one build of a project at a time -------------------------------------------------------


def test_two_builds_at_once_both_succeed_the_second_waits(case: Case) -> None:
    """The first build is made long (a source of many lines) so that the second starts
    while it runs; the second says it waits, naming the first's pid."""
    lines = "".join(f"Turbine {n} delivers about {n + 3} MW in all.\n" for n in range(500))
    case.write("sources/wind-report.txt", SOURCE_TEXT + lines)
    first = _build_process(case.project)
    _wait_for(lambda: (case.project.root / LOCK_NAME).exists())
    second = _build_process(case.project)
    _, err1 = first.communicate(timeout=600)
    _, err2 = second.communicate(timeout=600)
    assert (first.returncode, second.returncode) == (0, 0), err1 + err2
    assert "Traceback" not in err1 + err2
    waiting = f"warning: waiting for another build of this project (pid {first.pid}) ...\n"
    assert waiting in err2
    assert leftovers(case.project.root) == []
    assert len(_claims(case.project)) == 4 + 2 * 500


def test_a_build_that_waits_too_long_gives_up_in_one_line(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock_module, "WAIT_SECONDS", 0.5)
    with build_lock(case.project.root):
        stderr = case.refused(
            *BUILD,
            match=rf"^\.build\.lock: another build of this project \(pid {os.getpid()}\) is "
            "still running; try again when it has finished$",
        )
    assert stderr.startswith(
        f"warning: waiting for another build of this project (pid {os.getpid()}) ...\n"
    )
    assert leftovers(case.project.root) == []


def test_the_lock_is_released_when_its_build_fails(case: Case) -> None:
    case.write(
        "claims/reviewed/bad.yaml",
        "reviews:\n  - claim: nowhere/00000000\n    status: not_a_claim\n",
    )
    assert case.run(*BUILD).exit_code == 1
    with build_lock(case.project.root, wait=0):
        pass


# --- the staging names are ignored by git ---------------------------------------------------


@pytest.mark.parametrize(
    "gitignore",
    [
        pytest.param(Path(__file__).parents[1] / ".gitignore", id="repository"),
        pytest.param(
            Path(stages_module.__file__).with_name("template") / "gitignore", id="template"
        ),
    ],
)
def test_gitignore_ignores_staging_folders_and_the_lock(tmp_path: Path, gitignore: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_bytes(gitignore.read_bytes())
    names = [".build.k2j4_x9/kb.ttl", ".build.old/claims.jsonl", ".build.lock", "build/kb.ttl"]
    kept = ["claims/extracted/a.yaml", ".buildinfo"]
    for name in names + kept:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    result = subprocess.run(
        ["git", "-C", str(tmp_path), "check-ignore", *names, *kept],
        capture_output=True,
        text=True,
    )
    assert result.stdout.splitlines() == names
