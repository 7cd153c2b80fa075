"""``claimkb init``: a new project folder that builds as it is.

The files come from ``claimkb/build/template/`` (an empty ``sources.yaml``, the ledger's
folders each with a README, empty people, names and entity tables, the queries folder) and a
``claimkb.yaml`` written from the given name and title. Nothing is ever overwritten: a
folder that already holds a project, or any of the files, is an error naming it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from claimkb.core.errors import ProjectError
from claimkb.core.project import CONFIG_NAME, SLUG, Project, ProjectConfig, is_slug

TEMPLATE = Path(__file__).with_name("template")
RENAMED = {"gitignore": ".gitignore"}
"""Template files stored under another name (a package keeps no dot-files)."""


def default_name(folder: Path) -> str:
    """A project id made from a folder's name: lower case, runs of other characters as
    one dash; ``project`` when nothing is left."""
    kept = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-" for c in folder.name)
    name = "-".join(part for part in kept.lower().split("-") if part).strip("._-")[:80]
    return name if is_slug(name) else "project"


def template_files() -> dict[str, bytes]:
    """The template, as project-relative paths and their bytes."""
    files = {}
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(TEMPLATE).as_posix()
            files[RENAMED.get(relative, relative)] = path.read_bytes()
    return files


def config_text(config: ProjectConfig) -> str:
    """``claimkb.yaml`` for ``config``, with a comment on each setting."""
    data = config.model_dump(mode="json", exclude_none=True)
    return (
        "# A claimkb project. `claimkb build` here builds its knowledge base and site into\n"
        "# build/; `claimkb add FILE|URL` brings in a document. Settings:\n"
        "#   name, title, description  what the project is called, on its site\n"
        "#   site_url                  where the site will be published (optional)\n"
        "#   publisher                 who publishes the fact checks\n"
        "#   languages                 the languages of the documents (de, en, ru)\n"
        "#   build_date                `today`, or a fixed YYYY-MM-DD for reproducible builds\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    )


def init_project(folder: Path, name: str | None = None, title: str | None = None) -> Project:
    """Write a new project into ``folder`` (made if missing) and return it."""
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise ProjectError(f"{folder}: exists and is not a folder")
    if (folder / CONFIG_NAME).exists():
        raise ProjectError(f"{folder / CONFIG_NAME}: a project is already here; nothing written")
    name = name or default_name(folder)
    if not is_slug(name):
        raise ProjectError(f"{name!r}: not a valid project name (it must match {SLUG})")
    config = ProjectConfig(name=name, title=title or name)
    files = {CONFIG_NAME: config_text(config).encode("utf-8"), **template_files()}
    present = [path for path in files if (folder / path).exists()]
    if present:
        raise ProjectError(f"{folder / present[0]}: already exists; nothing written")
    for relative, data in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return Project.load(folder)
