"""The pieces of the site that phones and dark mode rest on, without a browser: every table
cell names its column (``data-label``, which narrow screens show when rows become cards),
and the site's configuration follows the system's light or dark setting."""

from __future__ import annotations

from pathlib import Path

from claimkb.pages.html import table
from claimkb.pages.publish import mkdocs_config
from tests.conftest import EXAMPLE


def test_every_cell_carries_its_header_as_a_label() -> None:
    lines = table(["quote", "<abbr>qty</abbr>", "R&amp;D"], [["a", "1", "x"], ["b", "2", ""]])
    rows = [line for line in lines if line.startswith("<tr>")]
    assert rows == [
        '<tr><td data-label="quote">a</td><td data-label="qty">1</td>'
        '<td data-label="R&amp;D">x</td></tr>',
        '<tr><td data-label="quote">b</td><td data-label="qty">2</td>'
        '<td data-label="R&amp;D"></td></tr>',
    ]


def test_the_palette_follows_the_system_setting(tmp_path: Path) -> None:
    settings = mkdocs_config(EXAMPLE.config, tmp_path / "docs", tmp_path / "site")
    palette = settings["theme"]["palette"]
    assert [(p["media"], p["scheme"]) for p in palette] == [
        ("(prefers-color-scheme: light)", "default"),
        ("(prefers-color-scheme: dark)", "slate"),
    ]
    assert all(p["toggle"]["name"] for p in palette)
