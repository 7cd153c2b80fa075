"""Load ``sources.yaml`` into ``Source`` records, with errors that name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kb.models import Source


class LedgerError(Exception):
    """A data file that does not fit the records; ``str()`` names the file and line."""


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def load_yaml_with_lines(path: Path) -> Any:
    """Parse ``path``; mappings carry a ``__line__`` key. Raises ``LedgerError``."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        raise LedgerError(f"{path}: no such file") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 0
        raise LedgerError(f"{path}:{line}: malformed YAML: {error.problem}") from None
    except UnicodeDecodeError as error:
        raise LedgerError(f"{path}: not UTF-8 text ({error.reason})") from None


def load_sources(path: Path) -> list[Source]:
    """Every source listed in a ``sources.yaml``."""
    entries = load_yaml_with_lines(path)
    if not isinstance(entries, list):
        raise LedgerError(f"{path}:1: expected a list of sources")
    sources = []
    for index, entry in enumerate(entries):
        line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
        try:
            sources.append(Source.model_validate(_strip_lines(entry)))
        except ValidationError as error:
            first = error.errors()[0]
            where = " -> ".join(str(part) for part in first["loc"])
            raise LedgerError(f"{path}:{line}: source {index}: {where}: {first['msg']}") from None
    return sources


def source_for(path: Path) -> Source:
    """The metadata of the document at ``path``: its entry in the ``sources.yaml`` beside
    it, else a bare record whose language is detected from the text."""
    listing = path.parent / "sources.yaml"
    if listing.exists():
        for source in load_sources(listing):
            if source.file == path.name:
                return source
    stem = path.name[:-4] if path.name.endswith(".txt") else path.name
    return Source(id=stem, file=path.name)
