"""The extractor's unit of output before speakers and ids: a span and its quantity."""

from __future__ import annotations

from typing import NamedTuple

from claimkb.core.models import Quantity


class Mention(NamedTuple):
    """A quantity found in a text: its character span [start, end) and what it says."""

    start: int
    end: int
    quantity: Quantity
