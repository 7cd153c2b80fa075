"""The command line: output formats, and clear errors for unusable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from claimkb.cli import main
from tests.conftest import EXAMPLE

ORBITAL = EXAMPLE.sources_dir / "orbital-ai-compute-plan.de.txt"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_cli_extract_jsonl_has_the_documented_fields_and_offsets() -> None:
    code, out = _run("extract", str(ORBITAL))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    text = ORBITAL.read_text(encoding="utf-8")
    required = {
        "id",
        "source",
        "lang",
        "speaker",
        "start",
        "end",
        "quote",
        "value",
        "unit",
        "low",
        "high",
        "approx",
        "bound",
        "per",
        "counted",
    }
    assert rows and all(required <= row.keys() for row in rows)
    for row in rows:
        assert text[row["start"] : row["end"]] == row["surface"]
        assert row["source"] == "orbital-ai-compute-plan.de" and row["lang"] == "de"
    terawatt = next(row for row in rows if row["surface"] == "mehr als 100 Terawatt")
    assert (terawatt["value"], terawatt["unit"], terawatt["bound"], terawatt["per"]) == (
        100.0,
        "TW",
        ">",
        "year",
    )


def test_cli_extract_yaml_is_a_list_of_the_same_claims() -> None:
    _, as_json = _run("extract", str(ORBITAL))
    code, as_yaml = _run("extract", "--format", "yaml", str(ORBITAL))
    assert code == 0
    assert yaml.safe_load(as_yaml) == [json.loads(line) for line in as_json.splitlines()]


def test_cli_extract_detects_language_without_sources_yaml(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("По словам Маска, нужно примерно 300 мегаватт.\n", encoding="utf-8")
    code, out = _run("extract", str(doc))
    row = json.loads(out)
    assert code == 0
    assert (row["lang"], row["source"], row["value"], row["unit"]) == ("ru", "note", 300.0, "MW")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Preis: 5 \xff Euro\n", "not UTF-8 text (byte 0xff at offset 9)"),
        (b"", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"erste Zeile\nzweite \xc3\x28 Zeile\n", ":2: not UTF-8 text"),
    ],
    ids=["non-utf8", "empty", "binary", "line-number"],
)
def test_cli_extract_rejects_unusable_files_naming_them(
    tmp_path: Path, content: bytes, message: str
) -> None:
    doc = tmp_path / "bad.txt"
    doc.write_bytes(content)
    code, out = _run("extract", str(doc))
    assert code != 0
    assert str(doc) in out and message in out
    assert "Traceback" not in out


def test_cli_extract_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out = _run("extract", str(missing))
    assert code != 0 and f"{missing}: no such file" in out and "Traceback" not in out


def test_cli_links_prints_clusters_with_their_claims() -> None:
    code, out = _run("links")
    assert code == 0
    assert "cluster 1" in out and "«12»" in out and "«über 10»" in out


def test_cli_check_json_has_the_documented_fields() -> None:
    code, out = _run("check", "--format", "json")
    assert code == 0
    records = json.loads(out)
    fields = {
        "id",
        "title",
        "kind",
        "inputs",
        "result",
        "compared",
        "verdict",
        "factor",
        "expected",
        "status",
    }
    assert records and all(fields <= record.keys() for record in records)
    kinds = {record["kind"] for record in records}
    assert kinds == {"curated", "auto"}
    assert all(record["status"] in ("ok", "auto") for record in records)


def test_cli_extract_check_passes_on_the_committed_ledger() -> None:
    code, out = _run("extract", "--check")
    assert code == 0 and "up to date" in out
