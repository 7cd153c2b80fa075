"""A claimkb project: a folder with a ``claimkb.yaml`` beside ``sources/``, ``claims/`` and
``queries/``, and everything that knows where its parts live.

Commands find the project as git finds ``.git``: from the current directory upward, unless
``--project DIR`` or the ``CLAIMKB_PROJECT`` environment variable names one. A ``Project`` is
passed down to every stage, so a test, a benchmark and a user's folder are all just projects;
no module keeps a path of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from claimkb.core.errors import ProjectError
from claimkb.core.yamlio import LedgerError, load_model, read_yaml, validate

CONFIG_NAME = "claimkb.yaml"
ENVIRONMENT_VARIABLE = "CLAIMKB_PROJECT"
SLUG = r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$"
"""Ids (project, source, reference, entity, derivation): 1 to 80 lower-case letters,
digits, dot, dash, underscore, starting and ending with a letter or digit; never a path."""
M = TypeVar("M", bound=BaseModel)

Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


DEFAULT_PUBLISHER = "claimkb"
"""Who publishes the fact checks when a project does not say."""


class ProjectConfig(BaseModel):
    """``claimkb.yaml``: what the project is called and how it is built and published."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Slug = Field(description="A short id for the project.", examples=["energy-interviews"])
    title: str = Field(
        min_length=1,
        description="The title of the site and of the knowledge base.",
        examples=["Energy figures in interviews, 2025–2026"],
    )
    description: str = Field(
        default="", description="One or two sentences for the site's home page."
    )
    site_url: HttpUrl | None = Field(
        default=None,
        description="Where the site will be published (its canonical address), if known.",
    )
    publisher: str = Field(
        default=DEFAULT_PUBLISHER,
        min_length=1,
        description="Who publishes the fact checks (the ClaimReview author).",
    )
    languages: list[Language] = Field(
        default_factory=lambda: ["de", "en", "ru"],
        min_length=1,
        description="The languages the project's documents are in; a document detected in "
        "another language is reported.",
    )
    build_date: Literal["today"] | dt.date = Field(
        default="today",
        description="The day predictions are judged against: `today`, or a fixed date so "
        "that builds are reproducible. `claimkb build --date` overrides it.",
    )

    def judge_date(self, today: dt.date) -> dt.date:
        """The day the build judges predictions against."""
        return today if self.build_date == "today" else self.build_date


@dataclass(frozen=True)
class Project:
    """A project folder and its configuration; every path a stage needs comes from here."""

    root: Path
    config: ProjectConfig

    @classmethod
    def load(cls, root: Path) -> Project:
        """The project whose ``claimkb.yaml`` is in ``root``."""
        root = root.resolve()
        config_path = root / CONFIG_NAME
        if not config_path.is_file():
            raise ProjectError(f"{config_path}: no such file (not a claimkb project)")
        return cls(root=root, config=load_model(config_path, ProjectConfig))

    @classmethod
    def find(cls, start: Path | None = None, explicit: Path | None = None) -> Project:
        """The project named by ``explicit`` or ``CLAIMKB_PROJECT``, else the nearest folder
        from ``start`` (the current directory) upward that holds a ``claimkb.yaml``."""
        named = explicit or (
            Path(os.environ[ENVIRONMENT_VARIABLE]) if os.environ.get(ENVIRONMENT_VARIABLE) else None
        )
        if named is not None:
            return cls.load(named)
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                return cls.load(folder)
        raise ProjectError(
            f"{here}: not inside a claimkb project (no {CONFIG_NAME} here or above); "
            "run `claimkb init` to make one, or give --project DIR"
        )

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def sources_yaml(self) -> Path:
        return self.sources_dir / "sources.yaml"

    @property
    def claims_dir(self) -> Path:
        return self.root / "claims"

    @property
    def extracted_dir(self) -> Path:
        """Machine-written claims, one file per source; the only folder a build writes to
        outside ``build/`` and ``.cache/``."""
        return self.claims_dir / "extracted"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def cache_dir(self) -> Path:
        """Downloads kept between builds (the site's SPARQL engine); never published."""
        return self.root / ".cache"

    def relative(self, path: Path) -> str:
        """``path`` as the project names it (relative to its root), for messages and pages."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def is_slug(text: str) -> bool:
    """Whether ``text`` is a valid project or source id."""
    return re.fullmatch(SLUG, text) is not None


@cache
def _project_root(folder: Path) -> Path | None:
    """The nearest folder from ``folder`` upward that holds a ``claimkb.yaml``."""
    return next((f for f in (folder, *folder.parents) if (f / CONFIG_NAME).is_file()), None)


def shown(path: Path) -> str:
    """``path`` as messages name it: relative to the project that holds it
    (``sources/sources.yaml``), so an error reads the same on every machine and prints no
    folder of the user's; as given outside any project. Symlinks are not followed: the
    name is the one the project uses."""
    absolute = Path(os.path.abspath(path))
    root = _project_root(absolute.parent)
    return absolute.relative_to(root).as_posix() if root else str(path)


def read_project_yaml(path: Path) -> Any:
    """``read_yaml``, its errors naming the file as ``shown`` does."""
    try:
        return read_yaml(path)
    except LedgerError as error:
        text, full = str(error), str(path)
        if text.startswith(full):
            raise LedgerError(shown(path) + text[len(full) :]) from None
        raise


def validate_in_project(path: Path, data: Any, model: type[M]) -> M:
    """``validate``, its errors naming the file as ``shown`` does."""
    return validate(Path(shown(path)), data, model)


def load_project_model(path: Path, model: type[M]) -> M:
    """Read and validate one YAML file of a project as ``model``; errors name it as
    ``shown`` does."""
    return validate_in_project(path, read_project_yaml(path), model)


def check_inside_project(folder: Path) -> None:
    """``folder`` of a project is really inside it: a ``sources/`` or ``claims/extracted/``
    that is a symlink to elsewhere would make the project read or write files outside
    itself. Outside any project, nothing to check."""
    absolute = Path(os.path.abspath(folder))
    root = _project_root(absolute.parent)
    if root is not None and not absolute.resolve().is_relative_to(root.resolve()):
        raise ProjectError(f"{shown(folder)}: a symlink that leads outside the project")
