"""How a build's outputs replace the previous ones without a moment a later build cannot
recover from.

A build writes into a staging folder ``.build.<random>`` beside ``build/`` and swaps it in at
the end in two renames: ``build/`` → ``.build.old``, then the staging folder → ``build/``;
then what the old build holds and the new one does not is carried over, and ``.build.old``
removed. Killed at any moment (``kill -9``, a power cut), the project
is left in one of these states, and ``recover`` — run by the next build under the build
lock, before anything else — puts it right:

- a staging folder left over: removed (the build that made it is gone);
- ``build/`` missing and ``.build.old`` there (killed between the two renames): the old
  build is renamed back to ``build/``;
- both there (killed before the old one was removed): what the new build does not hold is
  carried over from the old one, as the swap would have done, and ``.build.old`` removed.

Only names that are ours — ``.build.`` followed by what ``tempfile.mkdtemp`` adds, and
``.build.old`` — directly in the project's root are touched; a symbolic link with such a
name is removed as a link and never followed, so no leftover can make a build delete
anything outside the project.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from contextlib import suppress
from pathlib import Path

from claimkb.build.lock import LOCK_NAME

PREFIX = ".build."
OLD = ".build.old"


def is_leftover(name: str) -> bool:
    """Whether ``name`` (in the project's root) is a staging folder or an old build of
    ours; the lock file is not (its holder removes it)."""
    return name.startswith(PREFIX) and name != LOCK_NAME


def remove_entry(path: Path) -> None:
    """Remove ``path`` without following it: a link (or file) is unlinked, a real folder
    removed with what is in it (``shutil.rmtree`` does not follow links inside either)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def recover(build_dir: Path) -> None:
    """Put a project right after a build that was killed (see the module's docstring)."""
    root = build_dir.parent
    old = root / OLD
    if _is_real_folder(old):
        if not os.path.lexists(build_dir):
            os.replace(old, build_dir)
        elif _is_real_folder(build_dir):
            carry_over(old, build_dir)
    with os.scandir(root) as entries:
        leftovers = sorted(entry.name for entry in entries if is_leftover(entry.name))
    for name in leftovers:
        remove_entry(root / name)


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return False


def swap(staging: Path, build_dir: Path) -> None:
    """Replace ``build_dir`` by ``staging``: ``build/`` → ``.build.old``, staging →
    ``build/`` (undone if it fails, so a failed swap leaves ``build/`` as it was), then
    what the old build holds and the new one does not (a site, when this build made none)
    is carried over, and the old build removed."""
    if not os.path.lexists(build_dir):
        os.replace(staging, build_dir)
        return
    old = build_dir.with_name(OLD)
    remove_entry(old)
    os.replace(build_dir, old)
    try:
        os.replace(staging, build_dir)
    except BaseException:
        os.replace(old, build_dir)
        raise
    with suppress(OSError):  # the new build is in place; the next build finishes this
        carry_over(old, build_dir)
        remove_entry(old)


def carry_over(old: Path, build_dir: Path) -> None:
    """Move what ``old`` holds and ``build_dir`` does not into ``build_dir`` (renames: no
    link is followed)."""
    for item in sorted(os.listdir(old)):
        if not os.path.lexists(build_dir / item):
            os.replace(old / item, build_dir / item)


def describe(error: OSError, build_dir: Path, staging: Path | None = None) -> str:
    """One line for an operating system error met by a build: the path and the system's
    reason. The path is relative to the project (the folder holding ``build_dir``), a
    folder ends in ``/``, a path in the staging folder is named as it would be in
    ``build/``, and an error without a path (a full disk seen by ``write``) names
    ``build/``, where a build writes."""
    root = build_dir.parent
    path = Path(os.fsdecode(error.filename)) if error.filename is not None else build_dir
    if staging is not None and path.is_relative_to(staging):
        path = build_dir / path.relative_to(staging)
    try:
        shown = path.relative_to(root).as_posix()
        shown = "./" if shown == "." else shown
    except ValueError:
        shown = str(path)
    if (path == build_dir or os.path.isdir(path)) and not shown.endswith("/"):
        shown += "/"
    reason = error.strerror or os.strerror(error.errno or errno.EIO)
    return f"{shown}: {reason}"
