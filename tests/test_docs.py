"""Docs that cannot drift: every command is in the README, every example query says what it
answers, every documented JSONL field exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimkb.cli import main
from claimkb.clidoc import PAGE, reference
from claimkb.core.models import JSONL_FIELDS
from claimkb.derive.derivations import load_derivations
from claimkb.pages.publish import TEMPLATE
from claimkb.rdf.examples import query_files
from tests.conftest import EXAMPLE

README = (EXAMPLE.root / "README.md").read_text(encoding="utf-8")


def _command_rows() -> dict[str, str]:
    """The README's command table: each command's first cell (its usage), by command."""
    rows: dict[str, str] = {}
    for line in README.splitlines():
        found = re.match(r"\| `claimkb (\w+)([^|]*?(?:\\\|[^|]*?)*)` \|", line)
        if found:
            rows[found[1]] = rows.get(found[1], "") + found[0]
    return rows


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_and_option_is_in_the_readme_table(command: str) -> None:
    """The command table is checked against the command line itself: each command has a row,
    and its usage names every option the command takes (the CLI is the source of truth)."""
    rows = _command_rows()
    assert command in rows, f"`claimkb {command}` has no row in the README's command table"
    options = [
        max(param.opts, key=len)
        for param in main.commands[command].params
        if param.param_type_name == "option" and param.name != "help"
    ]
    missing = [option for option in options if option not in rows[command]]
    assert missing == [], f"README's row for `claimkb {command}` lacks {missing}"


def test_docs_every_readme_command_exists() -> None:
    assert set(_command_rows()) <= set(main.commands)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_says_what_it_does(command: str) -> None:
    """`claimkb --help` lists each command with the first line of its docstring."""
    summary = main.commands[command].get_short_help_str(limit=80)
    assert len(summary) > 20 and not summary.endswith("...")


def test_docs_the_command_reference_page_is_what_the_commands_say() -> None:
    assert PAGE.read_text(encoding="utf-8") == reference(), "run `python -m claimkb.clidoc`"


QUERIES = query_files(EXAMPLE.queries_dir)


@pytest.mark.parametrize("query", QUERIES, ids=[path.name for path in QUERIES])
def test_docs_every_query_starts_with_what_it_answers(query: Path) -> None:
    text = query.read_text(encoding="utf-8")
    assert text.startswith("#") and len(text.splitlines()[0]) > 10


def test_docs_readme_lists_the_jsonl_fields() -> None:
    assert all(f"{name}" in README for name in JSONL_FIELDS)


def _documented_expressions() -> dict[str, str]:
    """Each derivation's expression as site/derivations.md shows it: the id line in backticks,
    then the first "- Expression:" line after it."""
    text = (TEMPLATE / "derivations.md").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r"`([a-z0-9-]+)` · expected verdict", line)
        if heading:
            current = heading.group(1)
        expression = re.match(r"- Expression: `([^`]*)`", line)
        if expression and current and current not in found:
            found[current] = expression.group(1)
    return found


def test_docs_derivation_expressions_match_the_ledger() -> None:
    documented = _documented_expressions()
    written = {d.record.id: d.record.expression for d in load_derivations(EXAMPLE.claims_dir)}
    assert documented == written
