"""Docs that cannot drift: every command is in the README, every example query says what it
answers, every documented JSONL field exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import paths
from kb.cli import main
from kb.models import JSONL_FIELDS

README = (paths.ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_every_command_is_in_the_readme(command: str) -> None:
    assert f"`claimkb {command}" in README


QUERIES = sorted((paths.ROOT / "queries").glob("*.rq"))


@pytest.mark.parametrize("query", QUERIES, ids=[path.name for path in QUERIES])
def test_docs_every_query_starts_with_what_it_answers(query: Path) -> None:
    text = query.read_text(encoding="utf-8")
    assert text.startswith("#") and len(text.splitlines()[0]) > 10


def test_docs_readme_lists_the_jsonl_fields() -> None:
    assert all(f"{name}" in README for name in JSONL_FIELDS)
