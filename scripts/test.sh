#!/usr/bin/env bash
# The project's one check: lint, format, types, tests. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m ruff check .
python -m ruff format --check .
python -m mypy
python -m pytest "$@"
