"""The one base of every error a user can cause, so the command line catches them in one
place and prints one line, never a traceback.

A ``ClaimkbError``'s ``str()`` is the whole report: it names the file (and line, where there
is one) and says what is wrong. Programming errors are not ``ClaimkbError`` and still end in
a traceback, which is what a bug should do.
"""

from __future__ import annotations


class ClaimkbError(Exception):
    """An error in the user's input, project or environment; ``str()`` is the report."""


class ProjectError(ClaimkbError):
    """No project where one is needed, or a project folder that cannot be used."""


class ClaimkbWarning(UserWarning):
    """Something a user should know that does not stop the work (a document in a language
    the extractor does not read, say). Raised with ``warnings.warn``; the command line
    prints each as one ``warning: ...`` line on standard error, and tests can catch them
    with ``pytest.warns``."""
