"""Same inputs, same ``--date``: the same ``build/``, byte for byte, wherever it is built.

Guards reproducible builds: a build in a second folder at another path (for the example
project: a second ``git clone``), or a second build in the same folder, must not differ in
any file (no database with random ids or timestamps, no absolute path, no date but the
build date, no gzip header with the clock's time). A failure names every file that differs.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claimkb.build.outputs import build_exporters
from claimkb.build.stages import build
from claimkb.core.project import Project
from tests.conftest import EXAMPLE
from tests.hostile import BUILD_DATE, build_small_project, make_small_project


def digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path → SHA-256 of its bytes)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differing(first: dict[str, str], second: dict[str, str]) -> list[str]:
    return sorted(p for p in first.keys() | second.keys() if first.get(p) != second.get(p))


@pytest.fixture(scope="module")
def two_places(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Project]:
    """The small project, with a site URL (so the sitemap lists its pages with dates), built
    in two folders at different paths (and depths)."""
    built = []
    for folder in (
        tmp_path_factory.mktemp("one") / "project",
        tmp_path_factory.mktemp("two") / "deeper" / "copy",
    ):
        made = make_small_project(folder)
        with made.root.joinpath("claimkb.yaml").open("a", encoding="utf-8") as config:
            config.write("site_url: https://example.org/hostile/\n")
        project = Project.load(made.root)
        build_small_project(project)
        built.append(project)
    return built[0], built[1]


def test_determinism_the_same_project_at_two_paths_builds_identical_files(
    two_places: tuple[Project, Project],
) -> None:
    first, second = two_places
    one, two = digests(first.build_dir), digests(second.build_dir)
    assert "kb.ttl" in one and "site/sitemap.xml.gz" in one
    assert differing(one, two) == []


def test_determinism_a_second_build_in_the_same_folder_changes_no_file(
    two_places: tuple[Project, Project],
) -> None:
    project = two_places[0]
    before = digests(project.build_dir)
    build_small_project(project)
    assert differing(before, digests(project.build_dir)) == []


def test_determinism_build_holds_no_database(two_places: tuple[Project, Project]) -> None:
    names = sorted(path.name for path in two_places[0].build_dir.iterdir())
    assert names == [
        "claims.jsonl",
        "derivations.json",
        "drift.json",
        "kb.jsonld",
        "kb.ttl",
        "site",
    ]


def test_determinism_the_sitemap_is_dated_with_the_build_date(
    two_places: tuple[Project, Project],
) -> None:
    site = two_places[0].build_dir / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/hostile/generated/claims/</loc>" in sitemap
    assert sitemap.count("<lastmod>2026-12-01</lastmod>") == sitemap.count("<lastmod>") > 5
    packed = (site / "sitemap.xml.gz").read_bytes()
    # the gzip header's MTIME (bytes 4-7, little-endian): 2026-12-01T00:00:00Z
    assert int.from_bytes(packed[4:8], "little") == 1796083200
    assert gzip.decompress(packed).decode("utf-8") == sitemap


def _example_checkout(target: Path) -> Path:
    """A checkout of the example project at ``target``: a ``git clone`` of the repository
    where it is one (so two checkouts differ as two users' clones do: path, file times,
    inode order), else a copy of what a build reads."""
    if (EXAMPLE.root / ".git").exists() and shutil.which("git"):
        subprocess.run(
            ["git", "clone", "--quiet", "--no-hardlinks", str(EXAMPLE.root), str(target)],
            check=True,
            capture_output=True,
        )
        return target
    for part in ("claimkb.yaml", "sources", "claims", "queries"):
        source = EXAMPLE.root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def test_determinism_the_example_project_builds_identically_in_two_clones(
    tmp_path: Path,
) -> None:
    """The bundled corpus in two clones of the repository at different paths."""
    builds = []
    for name in ("a", "b/deeper"):
        root = _example_checkout(tmp_path / name / "example")
        shutil.copytree(EXAMPLE.cache_dir, root / ".cache", copy_function=os.link)
        project = Project.load(root)
        build(project, build_exporters(project, BUILD_DATE, cache=project.cache_dir))
        builds.append(digests(project.build_dir))
    assert len(builds[0]) > 100
    assert differing(builds[0], builds[1]) == []
