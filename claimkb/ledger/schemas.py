"""JSON Schema files for the ledger, generated from the models.

Editors validate ``claims/**/*.yaml`` against them while people type; a test fails when the
committed files drift from the models. Regenerate with ``python -m claimkb.ledger.schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from claimkb.core.models import EntityFile, LedgerFile, ReferenceFile, ReviewFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "extracted.schema.json": LedgerFile,
    "reviewed.schema.json": ReviewFile,
    "reference.schema.json": ReferenceFile,
    "entities.schema.json": EntityFile,
}
FOLDER = Path(__file__).with_name("schemas")


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of ``model``, formatted the same way every time."""
    return (
        json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )


def write_schemas(folder: Path = FOLDER) -> list[Path]:
    """Write every schema file; return their paths."""
    folder.mkdir(exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(path.name)
