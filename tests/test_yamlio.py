"""Reading YAML data files: one-line errors naming file and line, and limits that keep a
hostile file from taking the machine's memory or time."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkb.core import yamlio
from claimkb.core.yamlio import LINE, LedgerError, read_yaml


def _error(path: Path) -> str:
    with pytest.raises(LedgerError) as raised:
        read_yaml(path)
    return str(raised.value)


def test_yaml_lines_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("items:\n  - id: one\n  - id: two\n    note: x\n", encoding="utf-8")
    data = read_yaml(path)
    assert [item[LINE] for item in data["items"]] == [2, 3]


def test_yaml_billion_laughs_is_refused_at_its_first_alias(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _error(path) == f"{path}:1: YAML aliases are not allowed in claimkb files"


def test_yaml_an_aliased_mapping_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("one: &x\n  value: 1\ntwo: *x\n", encoding="utf-8")
    # The aliased mapping starts where its anchor stands, on line 1.
    assert _error(path) == f"{path}:1: YAML aliases are not allowed in claimkb files"


def test_yaml_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    assert _error(path) == f"{path}:1: nested deeper than 64 levels"
    deeper = tmp_path / "deeper.yaml"
    deeper.write_text("a: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    assert _error(deeper).startswith(f"{deeper}")


def test_yaml_too_many_values_and_too_many_bytes_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("a: [" + ", ".join(["1"] * 50) + "]\n", encoding="utf-8")
    monkeypatch.setattr(yamlio, "MAX_NODES", 40)
    assert _error(path) == f"{path}: more than 40 values; not read"
    monkeypatch.setattr(yamlio, "MAX_BYTES", 2**20)
    big = tmp_path / "big.yaml"
    big.write_text("a: '" + "x" * (2**20 + 1) + "'\n", encoding="utf-8")
    assert _error(big) == f"{big}: larger than 1 MiB; not read"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a: [unclosed\n", ":2: malformed YAML: expected ',' or ']', but got '<stream end>'"),
        (b"a: \xff\xfe\n", ": not UTF-8 text (invalid start byte)"),
        (b"!!python/object/apply:os.system ['true']\n", ":1: malformed YAML: "),
    ],
)
def test_yaml_broken_files_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    error = _error(path)
    assert error.startswith(f"{path}{message}") and "\n" not in error


def test_yaml_a_folder_or_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert _error(tmp_path) == f"{tmp_path}: a folder, not a YAML file"
    assert _error(tmp_path / "none.yaml") == f"{tmp_path / 'none.yaml'}: no such file"
