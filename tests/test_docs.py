"""Docs that cannot drift: every command is in the README, every example query says what it
answers, every documented JSONL field exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimkb.cli import main
from claimkb.core.models import JSONL_FIELDS
from claimkb.derive.derivations import load_derivations
from claimkb.pages.publish import TEMPLATE
from claimkb.rdf.examples import query_files
from tests.conftest import EXAMPLE

README = (EXAMPLE.root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_is_in_the_readme(command: str) -> None:
    assert f"`claimkb {command}" in README


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
