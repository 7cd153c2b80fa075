"""The layers of claimkb, lowest first, as the folders show them: a module may import its
own layer and the ones below, never one above. Every import counts, at the top of a module
or inside a function (a deferred import is still a dependency)."""

from __future__ import annotations

import ast
from pathlib import Path

import claimkb

PACKAGE = Path(claimkb.__file__).parent

#: The first part of a module's name under ``claimkb`` and its layer.
LAYERS: dict[str, int] = {
    "core": 0,
    "extract": 1,
    "ledger": 2,
    "ingest": 2,
    "knowledge": 3,
    "derive": 4,
    "rdf": 5,
    "pages": 6,
    "build": 7,
    "cli": 8,
    "clidoc": 8,
    "__main__": 8,
}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``claimkb/rdf/graph.py`` → ``claimkb.rdf.graph``; a package is its ``__init__``."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every ``claimkb`` module ``path`` imports, anywhere in it, in line order; a relative
    import is resolved against the module's package."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # ``from claimkb import rdf`` and ``from . import shacl`` import modules.
            if base == "claimkb" or node.module is None:
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return sorted((line, mod) for line, mod in found if mod.split(".")[0] == "claimkb")


def part_of(module: str) -> str | None:
    """The part of ``claimkb`` a module belongs to; ``None`` for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def modules(root: Path = PACKAGE) -> list[Path]:
    return sorted(root.rglob("*.py"))


def unknown_parts(root: Path = PACKAGE) -> list[str]:
    """Parts of the package (subpackages, top-level modules) missing from ``LAYERS``."""
    found = {part_of(module_name(path, root)) for path in modules(root)}
    return sorted(p for p in found if p is not None and p not in LAYERS)


def upward_imports(root: Path = PACKAGE) -> list[str]:
    """``file:line (part, layer) imports module (part, layer)`` for every import of a
    higher layer (or of the package itself, which is above everything)."""
    upward = []
    for path in modules(root):
        part = part_of(module_name(path, root))
        if part is None or part not in LAYERS:
            continue  # the package's own __init__; unknown parts are reported on their own
        for line, target in imported(path, root):
            other = part_of(target)
            if other is None or LAYERS.get(other, len(LAYERS)) > LAYERS[part]:
                upward.append(
                    f"{path.relative_to(root.parent)}:{line} ({part}, layer {LAYERS[part]}) "
                    f"imports {target} ({other}, layer {LAYERS.get(other or '', '?')})"
                )
    return upward


def test_every_part_of_claimkb_has_a_layer() -> None:
    unknown = unknown_parts()
    assert not unknown, f"add {unknown} to LAYERS in tests/test_layers.py"


def test_no_module_imports_a_higher_layer() -> None:
    upward = upward_imports()
    assert not upward, "\n".join(upward)


def test_the_extractor_uses_only_core() -> None:
    outside = sorted(
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for path in (PACKAGE / "extract").rglob("*.py")
        for line, target in imported(path)
        if part_of(target) not in ("core", "extract")
    )
    assert not outside, "\n".join(outside)


def test_the_layers_are_the_ones_claimkb_has() -> None:
    """Every layer in the table is a folder or module of claimkb (a renamed one would
    otherwise drop out of the check unnoticed)."""
    parts = {part_of(module_name(path)) for path in modules()}
    assert set(LAYERS) <= parts


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_imports_are_found_in_functions_and_relative_ones_resolved(tmp_path: Path) -> None:
    """The walker itself, on a file laid out like ``claimkb/rdf/graph.py``."""
    fake = tmp_path / "claimkb"
    write(
        fake,
        {
            "rdf/graph.py": (
                "import json\n"
                "from claimkb.core.models import Claim\n"
                "from . import shacl\n"
                "from ..pages import site\n"
                "def f():\n"
                "    from claimkb.build.outputs import write_knowledge\n"
                "    import claimkb.cli\n"
            ),
            "rdf/__init__.py": "from .vocab import CKB\nfrom claimkb import derive\n",
        },
    )
    assert imported(fake / "rdf" / "graph.py", fake) == [
        (2, "claimkb.core.models"),
        (3, "claimkb.rdf.shacl"),
        (4, "claimkb.pages"),
        (6, "claimkb.build.outputs"),
        (7, "claimkb.cli"),
    ]
    assert imported(fake / "rdf" / "__init__.py", fake) == [
        (1, "claimkb.rdf.vocab"),
        (2, "claimkb.derive"),
    ]
    assert module_name(fake / "rdf" / "__init__.py", fake) == "claimkb.rdf"


def test_an_upward_import_in_a_function_and_an_unknown_folder_are_reported(
    tmp_path: Path,
) -> None:
    fake = tmp_path / "claimkb"
    write(
        fake,
        {
            "__init__.py": "",
            "core/models.py": "from claimkb.extract import api\n",
            "knowledge/checks.py": (
                "from claimkb.ledger.ledger import Located\n"
                "from claimkb.knowledge import matching\n"
                "def f():\n"
                "    from claimkb.derive.records import CheckRecord\n"
            ),
            "cli.py": "from claimkb.build.stages import build\n",
            "widgets/box.py": "from claimkb.core import models\n",
        },
    )
    assert upward_imports(fake) == [
        "claimkb/core/models.py:1 (core, layer 0) imports claimkb.extract (extract, layer 1)",
        "claimkb/knowledge/checks.py:4 (knowledge, layer 3) imports "
        "claimkb.derive.records (derive, layer 4)",
    ]
    assert unknown_parts(fake) == ["widgets"]
