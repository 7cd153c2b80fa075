"""Where things live, relative to the repository root. One place, so nothing else guesses."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "sources"
SOURCES_YAML = SOURCES / "sources.yaml"
CLAIMS = ROOT / "claims"
BUILD = ROOT / "build"
CLAIMS_JSONL = BUILD / "claims.jsonl"
CACHE = ROOT / ".cache"
"""Downloads kept between builds (the SPARQL engine from the npm registry); git-ignored."""
