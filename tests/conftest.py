"""Shared fixtures: the bundled corpus and its hand-written expected claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkb.core.models import Source, Vocabulary
from claimkb.core.project import Project
from claimkb.ledger.sources import load_sources
from claimkb.ledger.vocabulary import load_vocabulary

DATA = Path(__file__).parent / "data"
#: The browser fixtures (``site_url``, ``browser``, ``page``, ``phone_page``) for every test
#: module that asks for them.
pytest_plugins = ["tests.browser_fixtures"]

EXAMPLE = Project.load(Path(__file__).resolve().parents[1])
"""The example project: the repository root, with the bundled corpus."""


def bundled_sources() -> list[Source]:
    """The sources of the bundled corpus, as listed in sources/sources.yaml."""
    return load_sources(EXAMPLE.sources_yaml)


def example_vocabulary() -> Vocabulary:
    """The example project's people and product names."""
    return load_vocabulary(EXAMPLE.claims_dir)


def source_text(source: Source) -> str:
    """A bundled source's text, decoded exactly as the extractor reads it."""
    return (EXAMPLE.sources_dir / source.file).read_text(encoding="utf-8")


def expected_claims(source_id: str) -> dict[str, Any]:
    """The hand-written expectations for one bundled source."""
    with (DATA / "corpus" / f"{source_id}.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@pytest.fixture(scope="session")
def sources() -> list[Source]:
    return bundled_sources()


from tests.hostile import built_small_project, case  # noqa: E402, F401  (fixtures for test_hostile_*)
