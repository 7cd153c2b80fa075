"""One folder per language: every folder under ``extract/lang/`` holds the same files, the
folders are the languages, each file loads through its model, and a typo is an error that
names the file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from claimkb.derive.hedges import HEDGES_YAML, load_table
from claimkb.extract.tables import (
    LANGUAGE_FILES,
    LANGUAGES,
    SHARED_FILES,
    TableError,
    discover_languages,
    lang_root,
    load_file,
    load_folder,
)

ROOT = Path(str(lang_root()))
FOLDERS = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file()}


def test_language_folders_have_the_same_files() -> None:
    for code in FOLDERS:
        assert _files(ROOT / code) == set(LANGUAGE_FILES), code


def test_language_folders_are_the_languages() -> None:
    assert FOLDERS
    assert tuple(FOLDERS) == LANGUAGES == discover_languages()


@pytest.mark.parametrize("code", FOLDERS)
@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_language_folders_each_file_loads(code: str, name: str) -> None:
    load_file(ROOT / code / name, LANGUAGE_FILES[name])


@pytest.mark.parametrize("name", sorted(SHARED_FILES))
def test_language_folders_each_shared_file_loads(name: str) -> None:
    assert {p.name for p in ROOT.glob("*.yaml")} == set(SHARED_FILES)
    load_file(ROOT / name, SHARED_FILES[name])


@pytest.fixture
def copy_of_de(tmp_path: Path) -> Path:
    """A language folder ``xx`` copied from ``de``, beside a copy of the shared files."""
    for shared in ROOT.glob("*.yaml"):
        shutil.copy(shared, tmp_path / shared.name)
    shutil.copytree(ROOT / "de", tmp_path / "xx")
    return tmp_path


def test_language_folders_a_folder_with_every_file_is_a_language(copy_of_de: Path) -> None:
    assert discover_languages(copy_of_de) == ("xx",)
    (copy_of_de / "xx" / "speech.yaml").unlink()
    assert discover_languages(copy_of_de) == ()


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_language_folders_a_typo_names_the_file(copy_of_de: Path, name: str) -> None:
    path = copy_of_de / "xx" / name
    path.write_text(path.read_text(encoding="utf-8") + "\ntypo_key: [1]\n", encoding="utf-8")
    with pytest.raises(TableError, match=rf"{re.escape(str(path))}:\d+: typo_key"):
        load_file(path, LANGUAGE_FILES[name])


@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_language_folders_broken_yaml_names_the_file(copy_of_de: Path, name: str) -> None:
    path = copy_of_de / "xx" / name
    path.write_text("words: [unclosed\n", encoding="utf-8")
    with pytest.raises(TableError, match=re.escape(str(path))):
        load_file(path, LANGUAGE_FILES[name])


def test_language_folders_load_folder_names_the_file(copy_of_de: Path) -> None:
    path = copy_of_de / "xx" / "deadlines.yaml"
    path.write_text("ahead: [in]\npast: vor\n", encoding="utf-8")
    with pytest.raises(TableError, match=rf"{re.escape(str(path))}:\d+: past: "):
        load_folder(copy_of_de / "xx", "xx")


def test_language_folders_hedges_read_from_the_folders(copy_of_de: Path) -> None:
    table = load_table(copy_of_de / HEDGES_YAML.name)
    assert table.by_language["xx"] == load_table().by_language["de"]
    path = copy_of_de / "xx" / "hedges.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("etwa: {below: 0.10", "etwa: {belw: 0.10"),
        encoding="utf-8",
    )
    with pytest.raises(TableError, match=rf"{re.escape(str(path))}:\d+: words -> etwa -> belw"):
        load_table(copy_of_de / HEDGES_YAML.name)


def test_language_folders_package_files_are_named_from_the_package() -> None:
    with pytest.raises(TableError, match=r"^extract/lang/de/speech\.yaml:\d+: "):
        load_file(ROOT / "de" / "speech.yaml", LANGUAGE_FILES["units.yaml"])
