"""Bringing documents into a project (``claimkb add``): read or fetch them, turn each into
the plain text the extractor reads, keep the original beside it, and list it in
``sources/sources.yaml`` — all or nothing.

One module per job: ``inputs`` (local files and URLs to bytes), ``plaintext``, ``webpage``
and ``transcripts`` (bytes to text and metadata), ``identity`` (safe, unique ids),
``listing`` (the ``sources.yaml`` entry), ``store`` (atomic writes) and ``add`` (the whole
command). This package may use ``core``, ``extract`` and ``ledger``, nothing above them.
"""

from __future__ import annotations

from claimkb.ingest.add import Added, AddOptions, add_documents
from claimkb.ingest.errors import IngestError

__all__ = ["AddOptions", "Added", "IngestError", "add_documents"]
