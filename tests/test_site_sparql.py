"""The SPARQL page outside a full site build: the embedded queries cannot break out of their
``<script>`` element, the page and the copied files are the same on every run, and a build
that cannot have the engine fails with one line and leaves build/ as it was."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkb import cli
from claimkb.build.outputs import build_exporters
from claimkb.build.stages import build, copy_project
from claimkb.ledger.ledger import load_ledger
from claimkb.pages.common import claim_page, source_page
from claimkb.pages.sparql import example_queries, install_site_files, sparql_page, unit_labels
from claimkb.pages.vendor import VendorError
from claimkb.rdf.examples import BUILT_IN, query_files
from claimkb.rdf.store import csv_cell
from tests.conftest import EXAMPLE
from tests.vendor_fixtures import ENGINE_FILES, FakeRegistry, package_for, tarball

HOSTILE = (
    "# Closes the script </script><script>alert(1)</script> & comments <!-- it\n"
    'SELECT ?x WHERE { BIND("</SCRIPT >" AS ?x) }\n'
)


def _config(page: str) -> dict[str, object]:
    (text,) = re.findall(
        r'<script type="application/json" id="sparql-config">\n(.*?)\n</script>', page, re.S
    )
    data: dict[str, object] = json.loads(text)
    return data


def test_a_query_cannot_close_the_script_element(tmp_path: Path) -> None:
    (tmp_path / "evil.rq").write_text(HOSTILE, encoding="utf-8")
    page = sparql_page([tmp_path / "evil.rq"])
    # One end tag for the configuration and one for the module: no query text adds any.
    assert len(re.findall(r"</script", page, re.I)) == 2
    assert "<!--" not in page and "<script>alert" not in page
    (query,) = _config(page)["queries"]  # type: ignore[misc]
    assert query == {
        "name": "evil",
        "description": "Closes the script </script><script>alert(1)</script> & comments <!-- it",
        "text": HOSTILE,
    }
    assert 'title="Closes the script &lt;/script&gt;&lt;script&gt;alert(1)' in page


def test_example_queries_are_the_files_with_their_comments(tmp_path: Path) -> None:
    (tmp_path / "b.rq").write_text("# Second.\nASK {}\n", encoding="utf-8")
    (tmp_path / "a.rq").write_text("# First line,\n#   and second.\nSELECT * {}\n", "utf-8")
    (tmp_path / "notes.txt").write_text("# not a query\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.rq"))
    assert example_queries(files) == [
        {
            "name": "a",
            "description": "First line, and second.",
            "text": "# First line,\n#   and second.\nSELECT * {}\n",
        },
        {"name": "b", "description": "Second.", "text": "# Second.\nASK {}\n"},
    ]


def test_page_and_copied_files_are_the_same_on_every_run(tmp_path: Path) -> None:
    assert sparql_page(query_files()) == sparql_page(query_files())
    exports = tmp_path / "build"
    exports.mkdir()
    for name in ("kb.ttl", "kb.jsonld", "claims.jsonl"):
        (exports / name).write_text(f"{name}\n", encoding="utf-8")
    engine = tarball(ENGINE_FILES)
    trees = []
    for run in ("one", "two"):
        written = install_site_files(tmp_path / run, exports, (package_for(engine), engine))
        trees.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes() for p in written})
    assert trees[0] == trees[1]
    assert sorted(trees[0]) == [
        "assets/vendor/oxigraph/LICENSE.txt",
        "assets/vendor/oxigraph/README.md",
        "assets/vendor/oxigraph/package.json",
        "assets/vendor/oxigraph/web.js",
        "assets/vendor/oxigraph/web_bg.wasm",
        "downloads/claims.jsonl",
        "downloads/kb.jsonld",
        "downloads/kb.ttl",
    ]


def test_a_build_without_the_engine_fails_and_keeps_the_previous_build(tmp_path: Path) -> None:
    project = copy_project(EXAMPLE, tmp_path / "project")
    build(project)
    before = (project.build_dir / "claims.jsonl").read_bytes()
    offline = FakeRegistry(None)
    _, export_site = build_exporters(project, dt.date(2026, 1, 31), opener=offline)
    with pytest.raises(VendorError) as raised:
        build(project, exporters=(export_site,))
    assert str(raised.value).startswith(
        "cannot fetch npm package oxigraph 0.5.11 from "
        "https://registry.npmjs.org/oxigraph/-/oxigraph-0.5.11.tgz: "
    )
    assert offline.calls == ["https://registry.npmjs.org/oxigraph/-/oxigraph-0.5.11.tgz"]
    assert (project.build_dir / "claims.jsonl").read_bytes() == before
    assert sorted(p.name for p in project.build_dir.iterdir()) == ["claims.jsonl"]
    assert not [p for p in project.root.iterdir() if p.name.startswith(".build")]
    assert not (project.root / "site").exists()  # nothing written into the project


def test_the_command_reports_a_missing_engine_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = "cannot fetch npm package oxigraph 0.5.11 from https://registry.npmjs.org/x.tgz: down"

    def fail(*_: object, **__: object) -> None:
        raise VendorError(message)

    monkeypatch.setattr(cli, "run_build", fail)
    result = CliRunner().invoke(cli.main, ["build", "--date", "2026-01-31"])
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


def test_a_project_query_joins_the_built_in_ones_and_replaces_one_of_its_name(
    tmp_path: Path,
) -> None:
    (tmp_path / "ranges.rq").write_text("# Our own ranges.\nASK {}\n", encoding="utf-8")
    (tmp_path / "zz-ours.rq").write_text("# Ours.\nASK {}\n", encoding="utf-8")
    built_in = sorted(path.stem for path in BUILT_IN.glob("*.rq"))
    files = query_files(tmp_path)
    assert [path.stem for path in files] == sorted([*built_in, "zz-ours"])
    assert files[[p.stem for p in files].index("ranges")] == tmp_path / "ranges.rq"
    assert query_files(tmp_path / "missing") == sorted(BUILT_IN.glob("*.rq"))


def test_claim_and_source_iris_link_to_their_pages_by_the_rule_the_page_carries() -> None:
    pages = _config(sparql_page(query_files()))["pages"]
    assert isinstance(pages, list)
    rules = {rule["namespace"]: rule for rule in pages}
    claim = rules["https://claimkb.org/id/claim/"]
    source = rules["https://claimkb.org/id/source/"]
    # The page is generated/sparql/; claims and sources are generated/claims/<id>/ and
    # generated/sources/<id>/.
    assert claim["url"] == "../claims/" and source["url"] == "../sources/"
    # The JavaScript links an IRI whose id matches the pattern whole: url + id + "/".
    claims = [located.record for located in load_ledger(EXAMPLE.claims_dir).extracted]
    assert len(claims) > 100
    for kb_claim in claims:
        assert re.fullmatch(claim["pattern"], kb_claim.id)
        link = claim["url"] + kb_claim.id + "/"
        assert posixpath.normpath(posixpath.join("generated/sparql", link)) + ".md" == (
            claim_page(kb_claim.id)
        )
        assert re.fullmatch(source["pattern"], kb_claim.source)
        link = source["url"] + kb_claim.source + "/"
        assert posixpath.normpath(posixpath.join("generated/sparql", link)) + ".md" == (
            source_page(kb_claim.source)
        )
    # A claim's parts (its quantity, its review) and odd text are not claims.
    for not_an_id in ("x.de/0123abcd/quantity", "x.de/0123abc", "../x/0123abcd", "X.de/0123abcd"):
        assert not re.fullmatch(claim["pattern"], not_an_id)


def test_units_read_as_their_symbols() -> None:
    units = _config(sparql_page(query_files()))["units"]
    assert isinstance(units, dict)
    assert units["http://qudt.org/vocab/unit/GigaW"] == "GW"
    assert units["http://qudt.org/vocab/unit/TONNE"] == "t"
    assert units["http://qudt.org/vocab/unit/PERCENT"] == "%"
    assert units["http://qudt.org/vocab/unit/CCY_USD"] == "USD"
    assert units["http://qudt.org/vocab/unit/KiloM2"] == "km²"
    assert units["http://qudt.org/vocab/unit/DEG_C"] == "°C"
    assert units["https://claimkb.org/ns#CalendarYear"] == "calendar year"
    assert unit_labels() == units


def test_the_page_neutralises_csv_cells_as_the_command_line_does() -> None:
    rule = _config(sparql_page(query_files()))["csv"]
    assert isinstance(rule, dict)
    starts, number = rule["formulaStart"], rule["plainNumber"]
    assert starts == "=+-@\t\r"
    assert number == r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
    # The rule, applied as sparql.js applies it, gives what `claimkb query --format csv` gives.
    cases = {"=1+1": "'=1+1", "-5": "-5", "+1.5e3": "+1.5e3", "-x": "'-x", "@a": "'@a", "a": "a"}
    for text, expected in cases.items():
        formula = text[0] in starts and not re.fullmatch(number, text)
        assert ("'" + text if formula else text) == expected == csv_cell(text)
