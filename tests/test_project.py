"""Projects: found as git finds .git, named by --project or CLAIMKB_PROJECT, made by
`claimkb init` (which never overwrites), and every command working on the project it finds."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkb.build.outputs import build_exporters
from claimkb.build.scaffold import default_name, init_project, template_files
from claimkb.build.stages import build, copy_project
from claimkb.cli import main
from claimkb.core.errors import ProjectError
from claimkb.core.project import CONFIG_NAME, ENVIRONMENT_VARIABLE, Project
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE

SMALL_SOURCE = (
    "The company plans 40 wind turbines with 200 MW in all.\n"
    "Ms Weber: We will hire about 300 engineers by 2027.\n"
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def _no_project_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)


def test_project_is_found_from_a_subfolder_upward(tmp_path: Path) -> None:
    project = init_project(tmp_path / "news")
    deep = project.sources_dir / "a" / "b"
    deep.mkdir(parents=True)
    assert Project.find(start=deep).root == project.root
    assert Project.find(start=project.root).config.name == "news"


def test_project_the_nearest_one_wins(tmp_path: Path) -> None:
    outer = init_project(tmp_path / "outer")
    inner = init_project(outer.root / "inner")
    assert Project.find(start=inner.root / "sources").root == inner.root


def test_project_explicit_and_environment_override_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = init_project(tmp_path / "here")
    there = init_project(tmp_path / "there")
    assert Project.find(start=here.root, explicit=there.root).root == there.root
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(there.root))
    assert Project.find(start=here.root).root == there.root
    # --project wins over the environment variable.
    assert Project.find(start=here.root, explicit=here.root).root == here.root


def test_project_outside_any_is_one_line_naming_the_folder_and_init(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    with pytest.raises(ProjectError) as raised:
        Project.find(start=empty)
    message = str(raised.value)
    assert message.startswith(f"{empty}: not inside a claimkb project")
    assert "claimkb init" in message and "\n" not in message


@pytest.mark.parametrize("command", ["build", "check", "links", "export --format ttl"])
def test_project_commands_outside_a_project_fail_in_one_line(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = _run(*command.split())
    assert code == 1
    assert out.startswith("Error: ") and out.count("\n") == 1
    assert "not inside a claimkb project" in out and "claimkb init" in out
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_project_a_named_folder_without_config_is_an_error(tmp_path: Path) -> None:
    code, out = _run("--project", str(tmp_path), "check")
    assert code == 1
    assert out == f"Error: {tmp_path / CONFIG_NAME}: no such file (not a claimkb project)\n"


def test_project_bad_config_names_file_line_and_field(tmp_path: Path) -> None:
    project = init_project(tmp_path / "p")
    text = project.config_path.read_text(encoding="utf-8")
    project.config_path.write_text(text + "languages: [german]\n", encoding="utf-8")
    code, out = _run("--project", str(project.root), "check")
    assert code == 1
    assert out.startswith(f"Error: {project.config_path}:") and "languages -> 0" in out


def test_init_writes_the_template_and_a_config_that_loads(tmp_path: Path) -> None:
    code, out = _run("init", str(tmp_path / "Energy Talks 2026"), "--title", "Energy talks")
    assert code == 0, out
    root = tmp_path / "Energy Talks 2026"
    project = Project.load(root)
    assert (project.config.name, project.config.title) == ("energy-talks-2026", "Energy talks")
    assert project.config.languages == ["de", "en", "ru"]
    assert load_sources(project.sources_yaml) == []
    for relative in template_files():
        assert (root / relative).is_file(), relative
    for folder in ("claims/reviewed", "claims/reference", "claims/derivations", "queries"):
        assert (root / folder / "README.md").is_file()
    assert (root / ".gitignore").read_text(encoding="utf-8") == "/build/\n/.cache/\n/.build.*\n"


def test_init_never_overwrites(tmp_path: Path) -> None:
    project = init_project(tmp_path / "p")
    before = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    code, out = _run("init", str(project.root))
    assert code == 1
    assert out == (f"Error: {project.config_path}: a project is already here; nothing written\n")
    # A folder that holds one of the template's files is refused as a whole, too.
    other = tmp_path / "q"
    (other / "sources").mkdir(parents=True)
    (other / "sources" / "sources.yaml").write_text("- mine\n", encoding="utf-8")
    code, out = _run("init", str(other))
    assert code == 1 and "sources/sources.yaml: already exists; nothing written" in out
    assert sorted(p.name for p in other.rglob("*")) == ["sources", "sources.yaml"]
    after = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    ("folder", "name"),
    [("Energy Talks 2026", "energy-talks-2026"), ("Ölpreis", "lpreis"), ("---", "project")],
)
def test_init_default_name_is_a_slug_of_the_folder(folder: str, name: str) -> None:
    assert default_name(Path(folder)) == name


def test_init_refuses_a_name_that_is_not_a_slug(tmp_path: Path) -> None:
    code, out = _run("init", str(tmp_path / "p"), "--name", "../evil")
    assert code == 1 and "'../evil': not a valid project name" in out
    assert not (tmp_path / "p").exists()


def test_template_readmes_are_the_example_projects(tmp_path: Path) -> None:
    """The example project's folder READMEs are the ones `claimkb init` writes, so the
    repository shows a new user what their project will hold."""
    for relative, data in template_files().items():
        if relative.endswith("README.md") and (EXAMPLE.root / relative).exists():
            assert (EXAMPLE.root / relative).read_bytes() == data, relative


def test_a_new_project_with_one_document_builds_and_answers_every_command(
    tmp_path: Path,
) -> None:
    project = init_project(tmp_path / "p", title="Wind and hiring")
    (project.sources_dir / "briefing.en.txt").write_text(SMALL_SOURCE, encoding="utf-8")
    project.sources_yaml.write_text(
        "- id: briefing.en\n  file: briefing.en.txt\n  language: en\n"
        "  covers_interview: {speakers: [Anna Weber], interviewers: []}\n",
        encoding="utf-8",
    )
    (project.claims_dir / "people.yaml").write_text(
        "people:\n  - name: Anna Weber\n    aliases: [Ms Weber]\n", encoding="utf-8"
    )
    exporters = build_exporters(project, dt.date(2026, 12, 1), cache=EXAMPLE.cache_dir)
    summary = build(project, exporters)
    assert summary.sources == 1
    code, out = _run("--project", str(project.root), "export", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    by_surface = {row["surface"]: row for row in rows}
    hires = by_surface["about 300"]
    assert (hires["value"], hires["approx"], hires["counted"]) == (300.0, True, "engineer")
    assert hires["speaker"] == "Anna Weber"  # the turn label "Ms Weber:" by its alias
    assert by_surface["200 MW"]["speaker"] == "unknown author"  # no label, no author
    assert (project.build_dir / "site" / "index.html").is_file()
    home = (project.build_dir / "site" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Wind and hiring</h1>" in home
    # Nothing but build/ and claims/extracted/ was written into the project.
    assert not (project.root / "site").exists()
    assert sorted(p.name for p in project.extracted_dir.iterdir()) == ["briefing.en.yaml"]
    ttl = (project.build_dir / "kb.ttl").read_text(encoding="utf-8")
    code, exported = _run("--project", str(project.root), "export", "--format", "ttl")
    assert code == 0 and exported == ttl


def test_copy_project_copies_what_a_build_reads(tmp_path: Path) -> None:
    copy = copy_project(EXAMPLE, tmp_path / "copy")
    assert copy.config == EXAMPLE.config
    assert load_sources(copy.sources_yaml) == load_sources(EXAMPLE.sources_yaml)
    assert not (copy.root / "build").exists()
    shutil.rmtree(copy.root)
