"""The harness of the hostile-input suites (``tests/test_hostile_*.py``).

Every case starts from a copy of one small, already built project, breaks one thing, runs a
``claimkb`` command, and ``refused`` asserts the whole promise at once:

- the exit status is 1 and the command did not crash (no traceback, no uncaught exception);
- standard error ends in ``Error: `` and one line (or the number of lines the case names;
  progress lines may come before it), which matches the case's pattern — the pattern
  names file:line wherever there is a line;
- every file of the project is byte-identical to what it was before the command: the
  previous ``build/``, the committed ledger, the sources — so no half-written file, no
  staging folder, no lock file is left behind;
- nothing appeared or changed outside the project (the case's folder holds the project and
  an ``outside/`` folder with a secret the hostile inputs point at).

The project is built once per session (the site included, from the engine in the
repository's cache, so no network is needed) and copied for every case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimkb.build.outputs import build_exporters
from claimkb.build.scaffold import init_project
from claimkb.build.stages import build
from claimkb.cli import main
from claimkb.core.project import ENVIRONMENT_VARIABLE, Project
from tests.conftest import EXAMPLE

BUILD_DATE = dt.date(2026, 12, 1)
SECRET = "TOP-SECRET-FROM-OUTSIDE-THE-PROJECT 4242 MW"
"""The text of ``outside/secret.txt``: no output of any case may contain it."""

SOURCE_TEXT = (
    "Wind report\n"
    "\n"
    "The company plans 40 wind turbines with 200 MW in all.\n"
    "Ms Weber said: We will hire about 300 engineers by 2027.\n"
)
SOURCES_YAML = (
    "- id: wind-report\n"
    "  file: wind-report.txt\n"
    "  language: en\n"
    "  title: Wind report\n"
    "  url: https://example.org/wind-report\n"
    "  published: 2026-11-02\n"
)


def make_small_project(folder: Path) -> Project:
    """A new project with one English source, its engine cache hard-linked from the
    repository's (read-only use), not yet built."""
    project = init_project(folder, name="hostile", title="Hostile cases")
    (project.sources_dir / "wind-report.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    (project.sources_dir / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    _link_cache(EXAMPLE.cache_dir, project.cache_dir)
    return project


def _link_cache(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, copy_function=os.link, dirs_exist_ok=True)


def build_small_project(project: Project) -> None:
    """The full build (knowledge and site) the cases start from."""
    build(project, build_exporters(project, BUILD_DATE, cache=project.cache_dir))


@dataclass(frozen=True)
class Case:
    """One hostile case's folder: ``root`` holds ``project/`` and ``outside/``."""

    root: Path
    project: Project

    @property
    def outside(self) -> Path:
        return self.root / "outside"

    def write(self, relative: str, text: str | bytes) -> Path:
        """Write a file of the project (text as UTF-8, bytes as they are)."""
        path = self.project.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8"))
        return path

    def append_source(self, entry: str) -> None:
        """Add an entry (YAML text of one list item) to ``sources/sources.yaml``."""
        path = self.project.sources_yaml
        path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")

    def run(self, *args: str) -> Result:
        """``claimkb --project <project> ARGS`` in-process, with separate stderr."""
        return CliRunner().invoke(main, ["--project", str(self.project.root), *args])

    def refused(self, *args: str, match: str, lines: int = 1) -> str:
        """Run ``args`` and assert the promise of this module's docstring; return stderr."""
        before = snapshot(self.root)
        result = self.run(*args)
        assert_clean_refusal(result, match, lines)
        after = snapshot(self.root)
        changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
        assert not changed, f"files changed by a refused command: {changed[:10]}"
        return result.stderr


def assert_clean_refusal(result: Result, match: str, lines: int = 1) -> None:
    """Exit 1, no crash, ``Error: `` and ``lines`` lines on stderr, matching ``match``."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"crashed: {result.exception!r}") from result.exception
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert SECRET not in result.stderr + result.stdout
    assert "Error: " in result.stderr, result.stderr
    error = result.stderr[result.stderr.index("Error: ") :].removeprefix("Error: ").rstrip("\n")
    assert len(error.splitlines()) == lines, result.stderr
    assert re.search(match, error), f"{error!r} does not match {match!r}"


def snapshot(root: Path) -> dict[str, str]:
    """Every file and symlink under ``root`` (relative path → digest of its bytes or its
    link target); folders count too, so a left-over empty folder is seen."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                found[key] = "link:" + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            elif not path.is_file():
                found[key] = "special"  # a FIFO or socket a case made: never opened
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture(scope="session")
def built_small_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small project, built once for the session; cases copy it, never change it."""
    project = make_small_project(tmp_path_factory.mktemp("hostile-template") / "project")
    build_small_project(project)
    return project


@pytest.fixture
def case(
    built_small_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Case]:
    """A fresh copy of the built small project, and a secret outside it."""
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    root = tmp_path / "case"
    root.mkdir()
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    target = root / "project"
    shutil.copytree(
        built_small_project.root, target, symlinks=True, ignore=shutil.ignore_patterns(".cache")
    )
    _link_cache(built_small_project.cache_dir, target / ".cache")
    yield Case(root, Project.load(target))
