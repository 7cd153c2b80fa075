"""Hostile input to the project's listing and ledger: containment, ids, URLs, patterns.

Guards the sandbox promise for what the project's own files say: a ``sources.yaml`` entry
never makes the build read (and publish) a file outside ``sources/``, whatever its
``file``, ``original`` or ``cues`` says or a symlink there points at; every id is a slug,
so no id is a path and two ids never share a page; URLs are absolute http(s) addresses;
numbers are finite; entity patterns compile and cannot hang the linker; ``claimkb add``
refuses what it cannot store. Each refusal is one ``Error:`` line naming the file and the
line of the entry, exit status 1, and no file of the project changed (see
``tests/hostile.py``).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimkb.core.models import Entity, Source
from claimkb.ledger.ledger import extracted_path
from claimkb.pages.common import source_page
from tests.hostile import Case, assert_clean_refusal, snapshot

BUILD = ("build", "--date", "2026-12-01")
ENTRY = "sources/sources\\.yaml:7: "
"""Errors about the entry appended after the six lines of the small project's listing."""


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A case that opens a FIFO would block for ever; fail it instead."""
    previous = signal.signal(signal.SIGALRM, _timed_out)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _timed_out(signum: int, frame: object) -> None:
    raise AssertionError("the command hung (did it open a FIFO?)")


def entry(file: str = "evil.txt", source_id: str = "evil", extra: str = "") -> str:
    return f"- id: {source_id}\n  file: {file}\n  language: en\n{extra}"


# --- 1. a source's file is a plain name of a regular file inside sources/ -----------------

NOT_A_NAME = "is not a file name in sources/"


@pytest.mark.parametrize(
    ("file", "shown"),
    [
        ("/etc/passwd", "'/etc/passwd'"),
        ("'..'", "'..'"),
        ("'.'", "'.'"),
        ("../x.txt", "'../x.txt'"),
        ("../../outside/secret.txt", "'../../outside/secret.txt'"),
        ("'..\\outside\\secret.txt'", "'..\\\\\\\\outside\\\\\\\\secret.txt'"),
        ('"evil\\0.txt"', "'evil\\\\x00.txt'"),
        ("''", "''"),
    ],
    ids=["absolute", "dot-dot", "dot", "parent", "outside-secret", "backslash", "nul", "empty"],
)
def test_a_file_that_is_a_path_is_refused(case: Case, file: str, shown: str) -> None:
    case.append_source(entry(file))
    case.refused(*BUILD, match=rf"^{ENTRY}file: Value error, {shown} {NOT_A_NAME}")


def test_a_source_without_a_file_is_refused(case: Case) -> None:
    case.append_source("- id: evil\n  language: en\n")
    case.refused(*BUILD, match=rf"^{ENTRY}file: Field required$")


def test_a_symlink_to_a_file_outside_the_project_is_refused(case: Case) -> None:
    (case.project.sources_dir / "evil.txt").symlink_to(case.outside / "secret.txt")
    case.append_source(entry())
    case.refused(
        *BUILD, match=rf"^{ENTRY}file: 'evil\.txt' is a symlink that leads outside sources/"
    )


def test_a_symlink_to_a_folder_outside_the_project_is_refused(case: Case) -> None:
    (case.project.sources_dir / "evil.txt").symlink_to(case.outside, target_is_directory=True)
    case.append_source(entry())
    case.refused(
        *BUILD, match=rf"^{ENTRY}file: 'evil\.txt' is a symlink that leads outside sources/"
    )


def test_a_symlink_to_the_project_root_is_refused(case: Case) -> None:
    """Inside the project is not enough: only sources/ is read."""
    (case.project.sources_dir / "evil.txt").symlink_to(case.project.config_path)
    case.append_source(entry())
    case.refused(*BUILD, match=rf"^{ENTRY}file: 'evil\.txt' is a symlink that leads outside")


def test_a_symlink_loop_is_refused(case: Case) -> None:
    (case.project.sources_dir / "evil.txt").symlink_to("evil.txt")
    case.append_source(entry())
    case.refused(*BUILD, match=rf"^{ENTRY}file: 'evil\.txt' cannot be resolved")


@pytest.mark.parametrize("field", ["original", "cues"])
def test_an_original_or_cue_file_symlinked_outside_is_refused(case: Case, field: str) -> None:
    case.write("sources/twin.txt", "Twin: 5 MW.\n")
    (case.project.sources_dir / "kept.orig.html").symlink_to(case.outside / "secret.txt")
    case.append_source(entry("twin.txt", "twin", f"  {field}: kept.orig.html\n"))
    case.refused(
        *BUILD,
        match=rf"^{ENTRY}{field}: 'kept\.orig\.html' is a symlink that leads outside sources/",
    )


def test_a_file_that_is_a_folder_is_refused(case: Case) -> None:
    (case.project.sources_dir / "evil.txt").mkdir()
    case.append_source(entry())
    case.refused(*BUILD, match=rf"^{ENTRY}file: 'evil\.txt' is a folder, not a file$")


def test_a_symlink_to_a_folder_inside_sources_is_a_folder(case: Case) -> None:
    (case.project.sources_dir / "evil.txt").symlink_to(".", target_is_directory=True)
    case.append_source(entry())
    case.refused(*BUILD, match=rf"^{ENTRY}file: 'evil\.txt' is a folder, not a file$")


def test_a_missing_file_names_the_entry_and_the_file(case: Case) -> None:
    case.append_source(entry("gone.txt"))
    case.refused(*BUILD, match=rf"^{ENTRY}file: 'gone\.txt': no such file in sources/$")


@pytest.mark.parametrize("command", [BUILD, ("extract", "--check"), ("check",), ("links",)])
def test_a_fifo_in_sources_is_refused_without_opening_it(
    case: Case, command: tuple[str, ...]
) -> None:
    os.mkfifo(case.project.sources_dir / "pipe.txt")
    case.append_source(entry("pipe.txt"))
    before = snapshot(case.project.build_dir) | snapshot(case.project.claims_dir)
    result = case.run(*command)
    assert_clean_refusal(result, rf"^{ENTRY}file: 'pipe\.txt' is not a regular file")
    assert snapshot(case.project.build_dir) | snapshot(case.project.claims_dir) == before


def test_a_symlink_that_stays_inside_sources_is_read(case: Case) -> None:
    """The one symlink allowed: to a file in sources/. The build reads it like the file
    (four claims in the wind report: 40 turbines, 200 MW, about 300 engineers, 2027)."""
    (case.project.sources_dir / "copy.txt").symlink_to("wind-report.txt")
    case.append_source(entry("copy.txt", "copy"))
    result = case.run(*BUILD)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2 sources, 8 claims, 0 same-claim links in 0 clusters, ")
    ledger = (case.project.extracted_dir / "copy.yaml").read_text(encoding="utf-8")
    assert ledger.count("- id: copy/") == 4


# --- 2. ids are slugs -----------------------------------------------------------------------

NOT_AN_ID = "is not an id"


@pytest.mark.parametrize(
    ("source_id", "shown"),
    [
        ("''", "''"),
        ("a" * 81, "'a{81}'"),
        ("wind/report", "'wind/report'"),
        ("'..'", "'\\.\\.'"),
        ("../wind", "'\\.\\./wind'"),
        ("Wind-Report", "'Wind-Report'"),
        ("'wind report'", "'wind report'"),
        ("windbericht-ü", "'windbericht-ü'"),
        (".hidden", "'\\.hidden'"),
        ("wind-", "'wind-'"),
    ],
    ids=["empty", "81-chars", "slash", "dot-dot", "parent", "upper", "space", "unicode",
         "leading-dot", "trailing-dash"],
)  # fmt: skip
def test_a_source_id_that_is_not_a_slug_is_refused(case: Case, source_id: str, shown: str) -> None:
    case.append_source(entry("wind-report.txt", source_id))
    case.refused(*BUILD, match=rf"^{ENTRY}id: Value error, {shown} {NOT_AN_ID}")


def test_an_id_of_eighty_characters_is_a_slug() -> None:
    assert Source(id="a" * 80, file="a.txt").id == "a" * 80


def test_an_entity_id_with_capitals_is_refused(case: Case) -> None:
    case.write("claims/entities.yaml", "entities:\n  - id: Wind\n    name: Wind\n    kind: t\n")
    case.refused(
        *BUILD,
        match=r"^claims/entities\.yaml:2: entities -> 0 -> id \(id Wind\): Value error, "
        rf"'Wind' {NOT_AN_ID}",
    )


def test_a_reference_id_with_a_slash_is_refused(case: Case) -> None:
    case.write("claims/reference/grid.yaml", reference(ref_id="grid/size"))
    case.refused(
        "check",
        match=r"^claims/reference/grid\.yaml:2: references -> 0 -> id \(id grid/size\): "
        rf"Value error, 'grid/size' {NOT_AN_ID}",
    )


def test_a_derivation_id_with_a_space_is_refused(case: Case) -> None:
    case.write(
        "claims/derivations/d.yaml",
        "derivations:\n  - id: my check\n    title: T\n    inputs: {}\n    expression: '1'\n"
        "    compare: '1'\n    expected: consistent\n    reason: R\n",
    )
    case.refused(
        "check",
        match=r"^claims/derivations/d\.yaml:2: derivations -> 0 -> id \(id my check\): "
        rf"Value error, 'my check' {NOT_AN_ID}",
    )


@pytest.mark.parametrize(
    "claim_id",
    ["wind-report", "wind-report/E10039E4", "wind-report/e10039e", "../wind-report/e10039e4"],
    ids=["no-hash", "upper-hex", "seven-hex", "path"],
)
def test_a_review_of_a_claim_id_in_another_form_is_refused(case: Case, claim_id: str) -> None:
    case.write(
        "claims/reviewed/r.yaml", f"reviews:\n  - claim: {claim_id}\n    status: confirmed\n"
    )
    case.refused(
        "links",
        match=r"^claims/reviewed/r\.yaml:2: reviews -> 0 -> claim: Value error, "
        r"'.*' is not a claim id \(<source id>/<8 hex digits>\)$",
    )


def test_a_review_naming_an_entity_id_that_is_not_a_slug_is_refused(case: Case) -> None:
    case.write(
        "claims/reviewed/r.yaml",
        "reviews:\n  - claim: wind-report/00000000\n    status: confirmed\n"
        "    entities: [Wind Farms]\n",
    )
    case.refused(
        "export",
        "--format",
        "jsonl",
        match=r"^claims/reviewed/r\.yaml:2: reviews -> 0 -> entities -> 0: Value error, "
        rf"'Wind Farms' {NOT_AN_ID}",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("wind-report", "wind_report"),
        ("wind.report", "wind-report"),
        ("report", "report.de"),
        ("a", "a0"),
        ("a" * 80, "a" * 79),
    ],
    ids=["dash-underscore", "dot-dash", "suffix", "one-letter", "longest"],
)
def test_two_valid_source_ids_never_share_a_page(a: str, b: str) -> None:
    first, second = (Source(id=x, file="x.txt").id for x in (a, b))
    assert source_page(first) != source_page(second)


def test_ids_differing_in_case_are_refused_so_they_cannot_share_a_page() -> None:
    assert source_page("wind") != source_page("Wind")  # the page slug keeps case ...
    with pytest.raises(ValueError, match=NOT_AN_ID):  # ... so capitals are refused
        Source(id="Wind", file="x.txt")


def test_a_ledger_path_never_leaves_claims_extracted(tmp_path: Path) -> None:
    with pytest.raises(Exception, match=r"'\.\./\.\./outside' is not a source id"):
        extracted_path(tmp_path / "claims", "../../outside")


def test_a_ledger_folder_symlinked_outside_the_project_is_never_written(case: Case) -> None:
    extracted = case.project.extracted_dir
    extracted.rename(case.outside / "extracted")
    extracted.symlink_to(case.outside / "extracted", target_is_directory=True)
    case.refused(*BUILD, match=r"^claims/extracted: a symlink that leads outside the project$")


@pytest.mark.parametrize("command", [BUILD, ("check",), ("export", "--format", "ttl")])
def test_a_sources_folder_symlinked_outside_the_project_is_not_read(
    case: Case, command: tuple[str, ...]
) -> None:
    case.project.sources_dir.rename(case.outside / "sources")
    case.project.sources_dir.symlink_to(case.outside / "sources", target_is_directory=True)
    case.refused(*command, match=r"^sources: a symlink that leads outside the project$")


def test_add_never_writes_through_a_sources_folder_symlinked_outside(
    case: Case, memo: Path
) -> None:
    case.project.sources_dir.rename(case.outside / "sources")
    case.project.sources_dir.symlink_to(case.outside / "sources", target_is_directory=True)
    case.refused("add", str(memo), match=r"^sources: a symlink that leads outside the project$")


# --- 3. duplicates -------------------------------------------------------------------------


def test_a_second_entry_with_a_listed_id_is_refused(case: Case) -> None:
    case.append_source(entry("wind-report.txt", "wind-report"))
    case.refused(
        "extract",
        "--check",
        match=rf"^{ENTRY}duplicate source id 'wind-report' \(first at line 1\)$",
    )


def test_a_second_entry_with_a_listed_file_is_refused(case: Case) -> None:
    case.append_source(entry("wind-report.txt", "twin"))
    case.refused(*BUILD, match=rf"^{ENTRY}duplicate file 'wind-report\.txt' \(first at line 1\)$")


def test_an_original_that_is_another_entrys_file_is_refused(case: Case) -> None:
    case.write("sources/twin.txt", "Twin: 5 MW.\n")
    case.append_source(entry("twin.txt", "twin", "  original: wind-report.txt\n"))
    case.refused(*BUILD, match=rf"^{ENTRY}duplicate file 'wind-report\.txt' \(first at line 1\)$")


def test_a_second_entity_with_a_listed_id_is_refused(case: Case) -> None:
    case.write(
        "claims/entities.yaml",
        "entities:\n  - id: wind\n    name: Wind\n    kind: t\n"
        "  - id: wind\n    name: Wind again\n    kind: t\n",
    )
    case.refused(
        *BUILD,
        match=r"^claims/entities\.yaml:5: duplicate entity id wind "
        r"\(first at claims/entities\.yaml:2\)",
    )


# --- 4. a ledger whose source is no longer listed ------------------------------------------


def test_an_empty_listing_with_a_ledger_left_is_one_line(case: Case) -> None:
    case.write("sources/sources.yaml", "[]\n")
    case.refused(
        *BUILD,
        match=r"^claims/extracted/wind-report\.yaml: ledger of source 'wind-report', which "
        r"sources/sources\.yaml does not list \(remove the file or list the source\)",
    )


def test_each_stale_ledger_is_one_line(case: Case) -> None:
    ledger = case.project.extracted_dir / "wind-report.yaml"
    old = ledger.read_text(encoding="utf-8").replace("wind-report", "old-report")
    case.write("claims/extracted/old-report.yaml", old)
    case.write("sources/sources.yaml", "[]\n")
    case.refused(*BUILD, match=r"ledger of source '(old|wind)-report'", lines=2)


# --- 5. URLs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("'javascript:alert(1)'", "only http:// and https:// addresses"),
        ("'data:text/html,<b>x</b>'", "'<' is not allowed in a URL"),
        ("file:///etc/passwd", "only http:// and https:// addresses"),
        ("'http://exa mple.org'", "' ' is not allowed in a URL"),
        ("'https://'", "no host"),
        ("//example.org/wind", "only http:// and https:// addresses"),
        ("'https://example.org/\"><script>'", "'\"' is not allowed in a URL"),
        ("'https://example.org/a`b'", "'`' is not allowed in a URL"),
        ("'https://example.org/%zz'", "'%' must be followed by two hex digits"),
        ("'https://example.org:99999/'", "Port out of range 0-65535"),
    ],
    ids=["javascript", "data", "file", "space", "no-host", "no-scheme", "quote", "backtick",
         "percent", "port"],
)  # fmt: skip
def test_a_source_url_that_is_not_a_web_address_is_refused(case: Case, url: str, why: str) -> None:
    case.append_source(entry("wind-report.txt", "twin", f"  url: {url}\n"))
    case.refused(*BUILD, match=rf"^{ENTRY}url: Value error, .* is not a web address \({why}\)$")


def test_a_citation_url_that_is_not_a_web_address_is_refused(case: Case) -> None:
    case.write("claims/reference/grid.yaml", reference(url="file:///etc/passwd"))
    case.refused(
        *BUILD,
        match=r"^claims/reference/grid\.yaml:7: references -> 0 -> citation -> url "
        r"\(id grid-size\): Value error, 'file:///etc/passwd' is not a web address",
    )


# --- 6. entity patterns --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "why"),
    [
        ("'('", r"pattern '\(': missing \), unterminated subpattern at position 0"),
        ("'[a-'", r"pattern '\[a-': unterminated character set at position 0"),
        ("'(?P<x>'", r"pattern '\(\?P<x>': missing \), unterminated subpattern at position 0"),
        ("'(a+)+'", r"pattern '\(a\+\)\+': a repeated group holds an unbounded repetition"),
        ("'(?:Wind\\w*)*'", r"pattern .*: a repeated group holds an unbounded repetition"),
        ("'" + "w" * 201 + "'", "pattern longer than 200 characters"),
    ],
    ids=["open-group", "open-class", "open-named-group", "nested-plus", "nested-star", "long"],
)
def test_an_entity_pattern_that_is_broken_or_catastrophic_is_refused(
    case: Case, alias: str, why: str
) -> None:
    case.write(
        "claims/entities.yaml",
        f"entities:\n  - id: wind\n    name: Wind\n    kind: t\n    aliases: [{alias}]\n",
    )
    case.refused(
        *BUILD,
        match=r"^claims/entities\.yaml:2: entities -> 0 -> aliases -> 0 \(id wind\): "
        rf"Value error, {why}",
    )


def test_aliases_that_compile_alone_but_not_together_are_refused(case: Case) -> None:
    case.write(
        "claims/entities.yaml",
        "entities:\n  - id: wind\n    name: Wind\n    kind: t\n"
        "    aliases: ['(?P<w>Wind)', '(?P<w>Turbine)']\n",
    )
    case.refused(
        "links",
        match=r"^claims/entities\.yaml:2: entities -> 0 \(id wind\): Value error, aliases do "
        r"not compile together: redefinition of group name 'w'",
    )


def test_the_example_projects_aliases_are_accepted() -> None:
    entity = Entity(id="starship", name="Starship", kind="p", aliases=["Starship(?:-\\w+)?"])
    assert entity.aliases == ["Starship(?:-\\w+)?"]


# --- 9. numbers, types and fields in the ledger's YAML files --------------------------------


def reference(
    ref_id: str = "grid-size", value: str = "1200", url: str = "https://example.org/grid"
) -> str:
    return (
        f"references:\n  - id: {ref_id}\n    title: Grid size\n    value: {value}\n"
        f"    unit: MW\n    citation:\n      title: Grid report\n      publisher: Grid office\n"
        f"      url: {url}\n      date: 2026-01-01\n"
    )


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e999", "1.0e+999"])
def test_a_reference_value_that_is_not_finite_is_refused(case: Case, value: str) -> None:
    case.write("claims/reference/grid.yaml", reference(value=value))
    case.refused(
        *BUILD,
        match=r"^claims/reference/grid\.yaml:2: references -> 0 -> value \(id grid-size\): "
        r"Input should be a finite number$",
    )


def test_a_review_correcting_a_value_to_nan_is_refused(case: Case) -> None:
    case.write(
        "claims/reviewed/r.yaml",
        "reviews:\n  - claim: wind-report/00000000\n    status: corrected\n"
        "    quantity:\n      value: .nan\n",
    )
    case.refused(
        "check",
        match=r"^claims/reviewed/r\.yaml:5: reviews -> 0 -> quantity -> value: "
        r"Input should be a finite number$",
    )


@pytest.mark.parametrize(
    ("relative", "text", "match"),
    [
        (
            "claims/reviewed/r.yaml",
            "reviews:\n  - claim: wind-report/00000000\n    status: confirmed\n    stars: 5\n",
            r"^claims/reviewed/r\.yaml:2: reviews -> 0 -> stars: Extra inputs are not permitted$",
        ),
        (
            "claims/reviewed/r.yaml",
            "reviews: {claim: wind-report/00000000}\n",
            r"^claims/reviewed/r\.yaml:1: reviews: Input should be a valid list$",
        ),
        (
            "claims/people.yaml",
            "people:\n  - name: Anna Weber\n    role: engineer\n",
            r"^claims/people\.yaml:2: people -> 0 -> role: Extra inputs are not permitted$",
        ),
        (
            "claims/names.yaml",
            "names: {Grok: 5}\n",
            r"^claims/names\.yaml:1: names: Input should be a valid list$",
        ),
        (
            "claims/entities.yaml",
            "entities:\n  - id: wind\n    name: [Wind]\n    kind: t\n",
            r"^claims/entities\.yaml:2: entities -> 0 -> name \(id wind\): "
            r"Input should be a valid string$",
        ),
    ],
    ids=["review-unknown-field", "reviews-not-a-list", "person-unknown-field",
         "names-not-a-list", "entity-name-not-text"],
)  # fmt: skip
def test_a_ledger_file_of_the_wrong_shape_names_file_line_and_field(
    case: Case, relative: str, text: str, match: str
) -> None:
    case.write(relative, text)
    case.refused(*BUILD, match=match)


# --- 8. claimkb add ------------------------------------------------------------------------


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    """A good document outside the case's folder."""
    path = tmp_path / "memo.txt"
    path.write_text("Anna Weber: We plan 12 turbines.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "source_id",
    ["../x", "", "Memo", "memo/x", ".memo", "a" * 81],
    ids=["parent", "empty", "upper", "slash", "leading-dot", "81-chars"],
)
def test_add_refuses_an_id_that_is_not_a_slug(case: Case, memo: Path, source_id: str) -> None:
    case.refused("add", str(memo), "--id", source_id, match=r"^--id '.*': not a valid source id")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("javascript:alert(1)", "only http:// and https:// addresses"),
        ("file:///etc/passwd", "only http:// and https:// addresses"),
        ("http://exa mple.org", "' ' is not allowed in a URL"),
        ("https://", "no host"),
    ],
    ids=["javascript", "file", "space", "no-host"],
)
def test_add_refuses_a_url_that_is_not_a_web_address(
    case: Case, memo: Path, url: str, why: str
) -> None:
    case.refused(
        "add", str(memo), "--url", url, match=rf"^--url: '.*' is not a web address \({why}\)$"
    )


def test_add_refuses_a_folder(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    case.refused("add", str(folder), match=r"notes\.txt: is a directory, not a document$")


def test_add_refuses_a_fifo_without_opening_it(case: Case, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    case.refused("add", str(pipe), match=r"pipe\.txt: not a regular file$")


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"binary file \(NUL byte at byte 8\)"),
        ("Wind: 12 MW.\n".encode("utf-16"), "UTF-16 text; save it as UTF-8"),
        ("Wind: 12 MW.\n".encode("utf-32"), "UTF-32 text; save it as UTF-8"),
        (b"Wind \xe4 12 MW.\n", r"not utf-8 text \(byte 0xe4 at offset 5\)"),
        (b"  \n\t\n", "no text in it"),
    ],
    ids=["empty", "binary", "utf-16", "utf-32", "latin-1", "blank"],
)
def test_add_refuses_a_document_that_is_not_utf8_text(
    case: Case, tmp_path: Path, data: bytes, why: str
) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(data)
    case.refused("add", str(path), match=rf"memo\.txt(:1)?: {why}")
