"""YAML in and out for the ledger: errors that name file, line and field, and stable output.

Every mapping read remembers its line, so a validation error deep in a file reads like
``claims/reviewed/corrections.yaml:42: reviews -> 3 -> status: Input should be ...``.
Output is sorted and formatted the same way every time, so a change shows as a small diff.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from claimkb.core.errors import ClaimkbError

LINE = "__line__"
M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 64 * 1024 * 1024
"""The largest YAML file read: the ledger of one long source stays far below it."""
MAX_DEPTH = 64
"""How deeply lists and mappings may nest; the records nest five levels at most."""
MAX_NODES = 5_000_000
"""How many lists, mappings and values one file may hold."""


class LedgerError(ClaimkbError):
    """A data file that does not fit the records; ``str()`` names the file and line."""


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping."""


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsing with libyaml where PyYAML has it: about ten times faster on the
    ledger, which a large corpus makes the slowest part of loading. The resolver and the
    constructors are PyYAML's own, so the values are the same; a file libyaml rejects is
    parsed again by :class:`_LineLoader` for PyYAML's error message."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_Constructor = Callable[[Any, yaml.Node], Any]


def _marked(constructor: _Constructor) -> _Constructor:
    """``constructor`` (one of PyYAML's for a scalar) with its failures made YAML errors
    with a line: PyYAML's own raise plain ``ValueError`` (a date "2026-02-30", an integer of
    more than 4300 digits, ``!!float abc``), ``LookupError`` (``!!bool abc``, ``!!int ""``) or
    ``AttributeError`` (``!!timestamp abc``), which would escape as a crash."""

    def construct(loader: Any, node: yaml.Node) -> Any:
        try:
            return constructor(loader, node)
        except (ValueError, TypeError, LookupError, AttributeError, OverflowError) as error:
            kind = str(node.tag).rpartition(":")[2] or "value"
            shown = str(node.value)
            shown = shown if len(shown) <= 40 else shown[:40] + "…"
            reason = str(error).split(":")[0][:80] if isinstance(error, ValueError) else ""
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{shown!r} is no valid {kind}" + (f" ({reason})" if reason else ""),
                node.start_mark,
            ) from None

    return construct


def _guard_scalar_constructors() -> None:
    """Put ``_marked`` around PyYAML's scalar constructors in both loaders (the ones for
    lists and mappings are generators and call these for their values)."""
    for tag, constructor in list(yaml.SafeLoader.yaml_constructors.items()):
        if tag is None or constructor is None or inspect.isgeneratorfunction(constructor):
            continue
        for loader in (_LineLoader, _FastLineLoader):
            if loader.yaml_constructors.get(tag) is constructor:
                loader.add_constructor(tag, _marked(cast(_Constructor, constructor)))


_guard_scalar_constructors()


def strip_lines(value: Any) -> Any:
    """``value`` without the remembered line numbers."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def read_yaml(path: Path) -> Any:
    """Parse ``path``; mappings carry a ``__line__`` key. Raises ``LedgerError``, also for a
    file over ``MAX_BYTES``, nesting deeper than ``MAX_DEPTH``, more than ``MAX_NODES``
    values, or any alias: an alias makes a YAML file a graph, and a few lines of aliases
    ("billion laughs") become billions of values to validate."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LedgerError(f"{path}: larger than {MAX_BYTES // 2**20} MiB; not read")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LedgerError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LedgerError(f"{path}: a folder, not a YAML file") from None
    except UnicodeDecodeError as error:
        raise LedgerError(f"{path}: not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise LedgerError(f"{path}: cannot be read ({error.strerror})") from None
    if _may_nest_deeply(text):
        _refuse_deep(path, text)
    try:
        data = yaml.load(text, Loader=_FastLineLoader)
    except (yaml.YAMLError, RecursionError):
        data = _parse_again(path, text)  # for PyYAML's message and line
    _check_shape(path, data)
    return data


def _parse_again(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 0
        raise LedgerError(f"{path}:{line}: malformed YAML: {error.problem}") from None
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow in a file (a NUL, a control character).
        line = text.count("\n", 0, error.position) + 1
        char = error.character
        code = f"U+{char if isinstance(char, int) else ord(char):04X}"
        raise LedgerError(
            f"{path}:{line}: malformed YAML: the character {code} is not allowed in YAML"
        ) from None
    except (yaml.YAMLError, RecursionError):
        _refuse_deep(path, text)
        raise LedgerError(f"{path}: malformed YAML (nested deeper than {MAX_DEPTH})") from None


SAFE_NESTING = 1000
"""Up to how deep a file may nest before libyaml sees it: libyaml builds its nodes by C
recursion, and a file of 50,000 opening brackets (100 KB) overflows the C stack — the
process dies of a segmentation fault, which no ``except`` catches."""


def _may_nest_deeply(text: str) -> bool:
    """Whether ``text`` may nest deeper than ``SAFE_NESTING``: each level needs an opening
    bracket (flow style) or two more characters on one line (block style: indentation, or
    "- " and "? " side by side), so a text with few brackets and short lines cannot."""
    brackets = text.count("[") + text.count("{")
    if brackets > SAFE_NESTING:
        return True
    longest = max(map(len, text.split("\n")), default=0)
    return brackets + 2 * longest > SAFE_NESTING


def _refuse_deep(path: Path, text: str) -> None:
    """Find, by the parser's events (libyaml's parser is no recursion, and the walk stops at
    the first level too deep), the line where nesting passes ``MAX_DEPTH``, and refuse the
    file there. A file whose events end in a syntax error first is left to the caller,
    which reports that error."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FastLineLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    raise LedgerError(f"{path}:{line}: nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml 0.2.6 (PyYAML 6.0.4 on) stops at its own nesting limit, deeper than ours
        if "nesting depth" in str(error.problem) and error.problem_mark is not None:
            line = error.problem_mark.line + 1
            raise LedgerError(f"{path}:{line}: nested deeper than {MAX_DEPTH} levels") from None
    except yaml.YAMLError:
        return


def _check_shape(path: Path, data: Any) -> None:
    """Refuse aliases (a list or mapping met twice), deep nesting and huge files, walking
    the parsed data once without recursion."""
    seen: set[int] = set()
    stack: list[tuple[Any, int, int]] = [(data, 1, 1)]
    nodes = 0
    while stack:
        node, depth, line = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise LedgerError(f"{path}: more than {MAX_NODES:,} values; not read")
        if isinstance(node, str):
            _check_text(path, node, line)
            continue
        if isinstance(node, tuple | set | frozenset):  # !!omap pairs, !!set members
            stack.extend((child, depth + 1, line) for child in node)
            continue
        if not isinstance(node, dict | list):
            continue
        if isinstance(node, dict):
            line = node.get(LINE, line)
        if id(node) in seen:
            raise LedgerError(f"{path}:{line}: YAML aliases are not allowed in claimkb files")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise LedgerError(f"{path}:{line}: nested deeper than {MAX_DEPTH} levels")
        children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
        stack.extend((child, depth + 1, line) for child in children)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(path: Path, text: str, line: int) -> None:
    """Refuse a string with a lone surrogate (YAML's escape ``"\\ud800"``): it is no
    character, and every file written from it (UTF-8) would fail half-way."""
    found = _SURROGATE.search(text)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        raise LedgerError(f"{path}:{line}: the escape {code} is half a character (a surrogate)")


def id_on_path(data: Any, loc: tuple[int | str, ...]) -> str | None:
    """The ``id`` of the deepest record on the path ``loc`` that has one."""
    found, node = None, data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def line_of(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest mapping on the path ``loc`` into ``data``."""
    line = data.get(LINE, 1) if isinstance(data, dict) else 1
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            line = node.get(LINE, line)
    return int(line)


def validate(path: Path, data: Any, model: type[M]) -> M:
    """``data`` read from ``path`` as a ``model``; errors name file:line and the field."""
    try:
        return model.model_validate(strip_lines(data))
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        where = " -> ".join(str(part) for part in loc)
        record = id_on_path(data, loc)
        named = f" (id {record})" if record else ""
        message = f"{path}:{line_of(data, loc)}: {where}{named}: {first['msg']}"
        raise LedgerError(message) from None


def load_model(path: Path, model: type[M]) -> M:
    """Read and validate one YAML file as ``model``."""
    return validate(path, read_yaml(path), model)


def dump_yaml(data: Any) -> str:
    """Stable, readable YAML: keys in model order, Unicode kept, no line wrapping."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
