"""One build of a project at a time: an exclusive ``flock`` on ``.build.lock`` in its root.

Two builds writing one ``build/``, one ledger and one staging area would break each other
(mkdocs reading a docs folder the other is rewriting, one swap undoing the other), so a
second build waits for the first, saying so once on standard error
(``waiting for another build of this project (pid N) ...``), and gives up with a one-line
error after ``WAIT_SECONDS``. ``claimkb serve``'s rebuilds take the same lock.

The lock is the kernel's: it belongs to an open file and is released when its holder's
process ends, however it ends (``kill -9`` included), so there is no stale lock to clear by
hand. The file holds the holder's pid for the message and is removed by the holder when it
is done; a waiter that wins the lock on a file removed meanwhile sees its inode gone from
the folder and tries again, so two builds never both hold it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from claimkb.core.errors import ClaimkbError, ClaimkbWarning

LOCK_NAME = ".build.lock"
WAIT_SECONDS = 900.0
"""How long a build waits for another build of the same project before it gives up."""
POLL_SECONDS = 0.1


class BuildLockError(ClaimkbError):
    """The project's build lock cannot be had: another build runs on and on, or the
    project folder cannot hold the lock file."""


def _holder(path: Path) -> str:
    """``pid N`` of the build holding the lock, as its file says; ``pid unknown`` while it
    has not written it yet."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    return f"pid {text}" if text.isdigit() else "pid unknown"


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as error:
        raise BuildLockError(
            f"{path.name}: cannot make the build lock here ({error.strerror})"
        ) from None


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path`` (the previous holder may have removed
    it between our ``open`` and our ``flock``)."""
    try:
        here = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)


@contextmanager
def build_lock(root: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the build lock of the project in ``root`` for the ``with`` block; wait up to
    ``wait`` seconds (default ``WAIT_SECONDS``) for another build to finish."""
    path = root / LOCK_NAME
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    told, polls = False, 0
    while True:
        fd = _open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildLockError(f"{LOCK_NAME}: cannot lock ({error.strerror})") from None
            if time.monotonic() >= deadline:
                raise BuildLockError(
                    f"{LOCK_NAME}: another build of this project ({_holder(path)}) is still "
                    "running; try again when it has finished"
                ) from None
            holder = _holder(path)
            polls += 1
            if not told and (holder != "pid unknown" or polls > 10):
                # the holder writes its pid just after locking: a moment's patience
                message = f"waiting for another build of this project ({holder}) ..."
                warnings.warn(ClaimkbWarning(message), stacklevel=3)
                told = True
            time.sleep(POLL_SECONDS)
            continue
        if _same_file(fd, path):
            break
        os.close(fd)  # locked a file its holder had just removed: take the new one
    try:
        with suppress(OSError):  # the pid is for a waiter's message only
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        with suppress(OSError):
            os.unlink(path)  # while still locked: no other build holds this inode
        os.close(fd)
