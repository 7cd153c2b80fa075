"""Turn a folder of pages into the static site: the one place that knows mkdocs.

The hand-written pages every site carries ("How it works": methodology, what counts as a
claim, derivations, conformance and speed) and the site's own script and style ship in the
package (``claimkb/pages/docs/``). A build copies them into a docs folder inside its staging
folder, generates the project's pages beside them, and runs ``mkdocs build --strict`` with a
configuration made here from the project's ``claimkb.yaml``. Nothing is written into the
project's own folders, so two builds never share a docs folder.

mkdocs runs as a command, not through its internals, so replacing it (its successor takes
the same folder) touches only this module.

The site is reproducible: mkdocs dates the sitemap (``<lastmod>``) and the gzip header of
``sitemap.xml.gz`` with the build's day unless ``SOURCE_DATE_EPOCH`` is set, so it is set
to midnight (UTC) of the build date, the same date the pages are generated for.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import html
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimkb.core.errors import ClaimkbError
from claimkb.core.project import ProjectConfig
from claimkb.pages.common import GENERATED

TEMPLATE = Path(__file__).with_name("docs")
"""The pages and assets every site carries."""
OVERRIDES = Path(__file__).with_name("overrides")
"""Additions to the theme's templates (Open Graph tags in ``main.html``); read in place,
outside the docs folder, so they are no page of the site."""

NAV: list[dict[str, Any]] = [
    {"Home": "index.md"},
    {"Claims": f"{GENERATED}/claims/index.md"},
    {"Sources": f"{GENERATED}/sources/index.md"},
    {"Derivation checks": f"{GENERATED}/derivations/index.md"},
    {"Entities": f"{GENERATED}/entities/index.md"},
    {"Speakers": f"{GENERATED}/speakers/index.md"},
    {"Same quantity over time": f"{GENERATED}/drift/index.md"},
    {"Predictions": f"{GENERATED}/predictions/index.md"},
    {"Graph": f"{GENERATED}/graph/index.md"},
    {"SPARQL": f"{GENERATED}/sparql/index.md"},
    {
        "How it works": [
            {"Methodology": "methodology.md"},
            {"Commands": "commands.md"},
            {"What counts as a claim": "extraction.md"},
            {"Derivations explained": "derivations.md"},
            {"Conformance and speed": "conformance.md"},
        ]
    },
]


#: Light or dark as the reader's system is set, with a toggle in the header to change it.
PALETTE: list[dict[str, Any]] = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "toggle": {"icon": "material/weather-night", "name": "Switch to the dark scheme"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "toggle": {"icon": "material/weather-sunny", "name": "Switch to the light scheme"},
    },
]


class SiteError(ClaimkbError):
    """mkdocs could not build the site; the message carries its report."""


def copy_template(docs_dir: Path) -> None:
    """Put the pages and assets every site carries into a new ``docs_dir``."""
    shutil.copytree(TEMPLATE, docs_dir, ignore=shutil.ignore_patterns("__pycache__"))


# --- Site search ---------------------------------------------------------------------------
SEARCH_LANGUAGES = ["en", "de", "ru"]
"""The languages site search knows words of (the theme's lunr languages, shipped with it):
the claims' English renderings and the quotes in German and Russian."""
SEARCH_LOADER = OVERRIDES / "partials" / "javascripts" / "base.html"
"""The theme's ``partials/javascripts/base.html`` with ``assets/search-on-demand.js`` after
it, so the script runs before the theme's own and the search index is fetched when a reader
first goes to the search box, not with every page."""
# --------------------------------------------------------------------------------------------


def mkdocs_config(config: ProjectConfig, docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """The mkdocs configuration of a project's site. Generated pages stay out of the nav
    (a sidebar with every claim makes the build quadratic in the number of pages); the
    theme's web fonts are off, so the site loads nothing from elsewhere; the theme's templates
    get the Open Graph tags of ``overrides/main.html``. The title and
    description are HTML-escaped here: mkdocs' templates insert them unescaped into every
    page's header, ``<title>`` and ``<meta content="...">``."""
    settings: dict[str, Any] = {
        "site_name": html.escape(config.title),
        "site_description": html.escape(config.description or config.title),
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "strict": True,
        "theme": {
            "name": "material",
            "font": False,
            "custom_dir": str(OVERRIDES.resolve()),
            "palette": PALETTE,
        },
        "extra_javascript": ["assets/claimkb.js"],
        "extra_css": ["assets/claimkb.css", "assets/pages.css"],
        "nav": NAV,
        "not_in_nav": f"/{GENERATED}/\n",
        "plugins": [{"search": {"lang": SEARCH_LANGUAGES}}],
    }
    if config.site_url is not None:
        settings["site_url"] = str(config.site_url)
    return settings


def build_site(
    config: ProjectConfig, docs_dir: Path, site_dir: Path, build_date: dt.date | None = None
) -> Path:
    """Run ``mkdocs build --strict`` with this Python on ``docs_dir`` into ``site_dir``; the
    configuration file is written beside the docs folder and removed afterwards. With a
    ``build_date``, every date mkdocs writes is that day (see the module's docstring)."""
    config_file = docs_dir.parent / f".{docs_dir.name}.mkdocs.yml"
    config_file.write_text(
        json.dumps(mkdocs_config(config, docs_dir, site_dir), indent=1), encoding="utf-8"
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    try:
        result = subprocess.run(
            [*command, "--config-file", str(config_file)],
            cwd=docs_dir.parent,
            capture_output=True,
            text=True,
            check=False,
            env=_environment(build_date),
            preexec_fn=_dies_with_parent(os.getpid()),
        )
    finally:
        config_file.unlink(missing_ok=True)
    if result.returncode != 0:
        raise SiteError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    return site_dir.resolve()


PR_SET_PDEATHSIG = 1
"""Linux's ``prctl`` option: the signal a process gets when its parent dies."""


def _dies_with_parent(parent: int) -> Callable[[], None] | None:
    """On Linux, what makes mkdocs die with the build that started it: a build killed with
    ``kill -9`` would otherwise leave mkdocs running on, writing into the staging folder
    the next build has removed. Elsewhere, and in a process with other threads (``serve``),
    nothing: the next build's recovery still runs."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None  # a function run between fork and exec is unsafe beside other threads

    def arrange() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the build died before the request was made
            os._exit(1)

    return arrange


def _environment(build_date: dt.date | None) -> dict[str, str]:
    """This process's environment, with ``SOURCE_DATE_EPOCH`` set from ``build_date``."""
    environment = dict(os.environ)
    if build_date is not None:
        midnight = dt.datetime.combine(build_date, dt.time(), tzinfo=dt.UTC)
        environment["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    return environment
