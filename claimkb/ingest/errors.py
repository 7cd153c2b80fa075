"""The one error of ``claimkb add``, so the command line reports it in one line."""

from __future__ import annotations

from claimkb.core.errors import ClaimkbError


class IngestError(ClaimkbError):
    """A document that cannot be added; ``str()`` names the file or URL and says why."""
