"""The command-line reference page of the site, generated from the command line itself.

``python -m claimkb.clidoc`` writes ``claimkb/pages/docs/commands.md`` from each command's
``--help``; a test fails when the committed page differs from what the commands say, so the
page cannot drift from the program.
"""

from __future__ import annotations

from pathlib import Path

import click

from claimkb.cli import main

PAGE = Path(__file__).parent / "pages" / "docs" / "commands.md"
INTRO = """\
# Commands

Every command but `init` and `extract PATH` works on a project: the nearest folder from the
current one upward that holds a `claimkb.yaml`, or the folder named by `--project DIR`
(before the command) or the environment variable `CLAIMKB_PROJECT`. An error in the input
is one line naming the file (and line) and what is wrong, with exit status 1.

This page is generated from the commands' own help (`python -m claimkb.clidoc`).
"""


def _help(command: click.Command, name: str) -> str:
    context = click.Context(command, info_name=name, terminal_width=100, max_content_width=100)
    return command.get_help(context)


def reference() -> str:
    """The page's Markdown: the group's help, then each command's, in name order."""
    parts = [INTRO, "## claimkb\n", "```text", _help(main, "claimkb"), "```\n"]
    for name in sorted(main.commands):
        parts += [f"## claimkb {name}\n", "```text", _help(main.commands[name], f"claimkb {name}")]
        parts.append("```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    PAGE.write_text(reference(), encoding="utf-8", newline="\n")
    print(PAGE.name)
