"""Stable claim ids.

An id is ``<source id>/<8 hex digits>``: a BLAKE2b digest of the claim's sentence (white
space folded), its surface text and its occurrence among identical (sentence, surface)
pairs of the source. It does not depend on offsets, so editing one paragraph changes the
ids of claims in that paragraph's edited sentences only; re-running extraction on an
unchanged source gives the same ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter


class ClaimIds:
    """Hands out ids for one source, counting repeated (sentence, surface) pairs."""

    def __init__(self, source_id: str) -> None:
        self.source_id = source_id
        self._seen: Counter[bytes] = Counter()
        #: The last sentence and its folded form: most sentences hold several claims.
        self._folded = ("", "")

    def next(self, sentence: str, surface: str) -> str:
        """The id of the next claim with this sentence and surface."""
        if self._folded[0] != sentence:
            # str.split() splits at the characters the regex class \s matches: white space
            # runs become one space, and the ends are stripped, in one pass in C.
            self._folded = (sentence, " ".join(sentence.split()))
        pair = "\x1f".join((self._folded[1], surface)).encode("utf-8")
        # The counter keeps a 16-byte digest per pair, not the sentence: a long stream of
        # claims costs little memory.
        key = hashlib.blake2b(pair, digest_size=16).digest()
        occurrence = self._seen[key]
        self._seen[key] = occurrence + 1
        payload = b"%s\x1f%d" % (pair, occurrence)
        return f"{self.source_id}/{hashlib.blake2b(payload, digest_size=4).hexdigest()}"
