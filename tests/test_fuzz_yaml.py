"""Fuzzing the YAML reader of every data file (``core.yamlio``): whatever bytes a file holds,
``read_yaml`` and ``validate`` either succeed or raise ``LedgerError`` naming the file (and
a line inside it where there is one), never another exception — that is what lets the
command line print one ``Error:`` line instead of a traceback.

The regular tests after the properties are the faults the fuzzing found: scalars PyYAML's
own constructors turn into ``ValueError``/``KeyError``/``AttributeError`` (an impossible
date, an integer of 5000 digits, a wrong explicit tag), characters YAML forbids, and lone
surrogate escapes that would break every UTF-8 file written from them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimkb.core.models import ReviewFile
from claimkb.core.yamlio import LedgerError, read_yaml, validate

#: Examples per property: enough for a test run; ``CLAIMKB_FUZZ=release`` runs 20 times as
#: many, and CI (``CI`` set) runs the same examples every time (tests/README.md).
FUZZ = settings(
    max_examples=300 * (20 if os.environ.get("CLAIMKB_FUZZ") == "release" else 1),
    derandomize=bool(os.environ.get("CI")),
    database=None if os.environ.get("CI") else settings.default.database,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

#: Pieces of YAML that reach the corners of the parser and its constructors: anchors and
#: aliases, merge keys, explicit tags on the wrong text, flow collections, block scalars,
#: impossible dates, huge numbers, forbidden characters, escapes of half a character.
PIECES = [
    "- ",
    ": ",
    "? ",
    "\n",
    "  ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "<<: ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!str ",
    "!!python/object:os.system ",
    "!custom ",
    "|\n",
    ">-\n",
    "'",
    '"',
    "# note\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "reviews",
    "claim",
    "status",
    "confirmed",
    "2026-02-30",
    "2026-13-01 25:61:00",
    "1" * 5000,
    "1e999",
    "0x",
    "0o9",
    "190:20:30",
    ".nan",
    "~",
    "\x00",
    "\x07",
    "\ufeff",
    "\\ud800",
    "\\x",
    "é",
    "Ж",
]


@pytest.fixture(scope="module")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file the examples of a property overwrite in turn."""
    return tmp_path_factory.mktemp("fuzz-yaml") / "claims.yaml"


def assert_read_or_refused(path: Path, content: bytes) -> None:
    """``content`` in ``path`` is read and validated as a review file, or refused with a
    ``LedgerError`` that names ``path`` and, where it names a line, one of the file's."""
    path.write_bytes(content)
    try:
        validate(path, read_yaml(path), ReviewFile)
    except LedgerError as error:
        message = str(error)
        assert message.startswith(f"{path}"), message
        assert "\n" not in message, message
        where = re.match(rf"{re.escape(str(path))}:(\d+):", message)
        if where is not None:
            # Lines as an editor counts them: "\r", "\r\n", NEL and LS end lines too.
            lines = content.decode("utf-8", "replace").splitlines()
            assert 1 <= int(where[1]) <= len(lines) + 1, message


@FUZZ
@given(content=st.binary(max_size=400))
@example(content=b"\xff\xfe")
@example(content=b"a: \x00\n")
@example(content=b"\r\x00")
def test_fuzz_yaml_any_bytes_are_read_or_refused_with_file_and_line(
    fuzz_file: Path, content: bytes
) -> None:
    assert_read_or_refused(fuzz_file, content)


@FUZZ
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=40))
@example(pieces=["reviews", ": ", "\n", "- ", "claim", ": ", "!!timestamp ", "2026-02-30"])
@example(pieces=["reviews", ": ", "[", "&a ", "{", "}", ", ", "*a", "]"])
def test_fuzz_yaml_yamlish_text_is_read_or_refused_with_file_and_line(
    fuzz_file: Path, pieces: list[str]
) -> None:
    assert_read_or_refused(fuzz_file, "".join(pieces).encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    depth=st.integers(min_value=1, max_value=200_000),
    style=st.sampled_from(["flow", "unclosed", "compact", "indented"]),
)
def test_fuzz_yaml_nesting_of_any_depth_is_read_or_refused(
    fuzz_file: Path, depth: int, style: str
) -> None:
    if style == "flow":
        text = "a: " + "[" * depth + "]" * depth + "\n"
    elif style == "unclosed":
        text = "a: " + "{x: " * depth + "\n"
    elif style == "compact":  # a list in a list in a list... on one line
        text = "a:\n  " + "- " * depth + "x\n"
    else:  # a mapping in a mapping...: one line a level, each indented one more
        depth = depth % 3000
        text = "".join(" " * level + f"k{level}:\n" for level in range(depth)) + "x: 1\n"
    assert_read_or_refused(fuzz_file, text.encode("utf-8"))


@pytest.mark.parametrize("style", ["flow", "compact"])
def test_yaml_nesting_too_deep_for_libyaml_is_refused_not_a_crash(
    tmp_path: Path, style: str
) -> None:
    """100,000 opening brackets (200 KB) overflowed libyaml's C stack: the process died of
    a segmentation fault. Now the file is refused at the level that passes the limit."""
    path = tmp_path / "deep.yaml"
    depth = 100_000
    nested = "[" * depth + "]" * depth if style == "flow" else "- " * depth + "x"
    path.write_text(f"a: 1\nb:\n  {nested}\n", encoding="utf-8")
    with pytest.raises(LedgerError) as raised:
        read_yaml(path)
    assert str(raised.value) == f"{path}:3: nested deeper than 64 levels"


#: (what is wrong, file content, the message after "<file>:"), each worked out by hand.
FAULTS = [
    (
        "impossible-date",
        "reviews:\n  - claim: x\n    when: 2026-02-30\n",
        "3: malformed YAML: '2026-02-30' is no valid timestamp (day is out of range for month)",
    ),
    (
        "month-13",
        "a: 2026-13-01 10:00:00\n",
        "1: malformed YAML: '2026-13-01 10:00:00' is no valid timestamp (month must be in 1..12)",
    ),
    (
        "integer-of-5000-digits",
        "a: 1\nb: " + "7" * 5000 + "\n",
        "2: malformed YAML: '" + "7" * 40 + "…' is no valid int (Exceeds the limit (4300 digits)"
        " for integer string conversion)",
    ),
    (
        "bool-tag-on-a-word",
        "a:\n  b: !!bool maybe\n",
        "2: malformed YAML: 'maybe' is no valid bool",
    ),
    (
        "float-tag-on-a-word",
        "a: !!float many\n",
        "1: malformed YAML: 'many' is no valid float (could not convert string to float)",
    ),
    (
        "int-tag-on-a-word",
        "a: !!int some\n",
        "1: malformed YAML: 'some' is no valid int (invalid literal for int() with base 10)",
    ),
    (
        "timestamp-tag-on-a-word",
        "a: !!timestamp soon\n",
        "1: malformed YAML: 'soon' is no valid timestamp",
    ),
    (
        "nul-character",
        "a: b\nc: d\x00e\n",
        "2: malformed YAML: the character U+0000 is not allowed in YAML",
    ),
    (
        "bell-character",
        "a: \x07\n",
        "1: malformed YAML: the character U+0007 is not allowed in YAML",
    ),
    (
        "lone-surrogate-escape",
        'a: 1\nnote: "\\ud800 left"\n',
        "1: the escape U+D800 is half a character (a surrogate)",
    ),
    (
        "lone-surrogate-in-a-key",
        'a:\n  "\\udfff": 1\n',
        "2: the escape U+DFFF is half a character (a surrogate)",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"),
    [pytest.param(content, message, id=name) for name, content, message in FAULTS],
)
def test_yaml_fault_found_by_fuzzing_is_a_ledger_error_with_its_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "found.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LedgerError) as raised:
        read_yaml(path)
    assert str(raised.value) == f"{path}:{message}"


def test_yaml_a_valid_explicit_tag_still_reads(tmp_path: Path) -> None:
    """The guarded constructors change nothing for values they can read."""
    path = tmp_path / "tags.yaml"
    path.write_text("a: !!int '42'\nb: 2026-02-28\nc: !!float '1.5'\n", encoding="utf-8")
    data = read_yaml(path)
    assert (data["a"], str(data["b"]), data["c"]) == (42, "2026-02-28", 1.5)
