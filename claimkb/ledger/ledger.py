"""The claim ledger (``claims/``): machine-written claims, human reviews, reference facts and
entities, loaded through the models, each record remembering the file and line it came from.

``claims/extracted/<source>.yaml`` is committed so that a change in extraction shows as a
reviewable diff; ``claims/reviewed/`` holds corrections keyed by claim id, which survive
re-extraction because ids are stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from claimkb.core.models import (
    Claim,
    Entity,
    EntityFile,
    LedgerFile,
    Reference,
    ReferenceFile,
    Review,
    ReviewFile,
    Source,
    Vocabulary,
)
from claimkb.core.project import (
    check_inside_project,
    is_slug,
    read_project_yaml,
    shown,
    validate_in_project,
)
from claimkb.core.yamlio import LINE, LedgerError, dump_yaml
from claimkb.extract import extract_file
from claimkb.ledger.cues import load_cues, with_cues

T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A record and where it was written, for error messages."""

    record: T
    path: Path
    line: int

    @property
    def where(self) -> str:
        """``path:line``, relative to the project (``claims/...``) where possible."""
        return f"{_relative(self.path)}:{self.line}"


@cache
def _relative(path: Path) -> str:
    """Relative to the project (see ``shown``). Cached: every record of a file names the
    same path, and finding the project asks the file system (a tenth of the ledger stage
    for a corpus of 15,000 claims)."""
    return shown(path)


@dataclass
class Ledger:
    """Everything under ``claims/``, validated record by record."""

    extracted: list[Located[Claim]] = field(default_factory=list)
    reviews: list[Located[Review]] = field(default_factory=list)
    references: list[Located[Reference]] = field(default_factory=list)
    entities: list[Located[Entity]] = field(default_factory=list)


def extracted_path(claims_dir: Path, source_id: str) -> Path:
    """Where the machine-written claims of a source live. Source ids are slugs, so the
    file is always directly in ``claims/extracted/``; this is checked again here, on the
    real path, because the build writes to it: an id that is not a slug, or a
    ``claims/extracted`` folder that is a symlink leading out of the project, is an error,
    never a write elsewhere. (A file there that is a symlink is replaced, not followed,
    by the build's atomic rename.)"""
    folder = claims_dir / "extracted"
    path = folder / f"{source_id}.yaml"
    if not is_slug(source_id) or path.parent != folder:
        raise LedgerError(f"{shown(folder)}: {source_id!r} is not a source id; no ledger file")
    check_inside_project(folder)
    return path


def extract_ledger(
    sources: Iterable[Source], sources_dir: Path, vocabulary: Vocabulary
) -> list[LedgerFile]:
    """Fresh extraction of every source, as ledger files."""
    return [
        LedgerFile(
            source=source.id,
            claims=list(
                with_cues(
                    extract_file(sources_dir / source.file, source, vocabulary),
                    load_cues(sources_dir, source),
                )
            ),
        )
        for source in sources
    ]


def ledger_text(ledger: LedgerFile) -> str:
    """The YAML text of one ledger file, byte-identical for the same claims."""
    header = (
        f"# Claims extracted from sources/{ledger.source}.txt by `claimkb build`.\n"
        "# Machine-written: do not edit; correct claims in claims/reviewed/ instead.\n"
    )
    return header + dump_yaml(ledger.model_dump(mode="json"))


def stale_ledgers(claims_dir: Path, ledgers: Iterable[LedgerFile]) -> list[str]:
    """Sources whose committed ledger differs from a fresh extraction (or is missing)."""
    stale = []
    for ledger in ledgers:
        path = extracted_path(claims_dir, ledger.source)
        committed = path.read_text(encoding="utf-8") if path.exists() else None
        if committed != ledger_text(ledger):
            stale.append(_relative(path))
    return stale


def located_records(path: Path, key: str, model: type[BaseModel]) -> Iterator[Located[Any]]:
    """The records of the list ``key`` in one file, each with its line."""
    data = read_project_yaml(path)
    wrapper = validate_in_project(path, data, model)
    raw = data.get(key, []) if isinstance(data, dict) else []
    for index, record in enumerate(getattr(wrapper, key)):
        line = raw[index].get(LINE, 1) if index < len(raw) and isinstance(raw[index], dict) else 1
        yield Located(record, path, int(line))


def load_ledger(claims_dir: Path) -> Ledger:
    """Read every file under ``claims_dir``; the first bad record raises ``LedgerError``."""
    ledger = Ledger()
    for path in sorted((claims_dir / "extracted").glob("*.yaml")):
        ledger.extracted += located_records(path, "claims", LedgerFile)
    for path in sorted((claims_dir / "reviewed").glob("*.yaml")):
        ledger.reviews += located_records(path, "reviews", ReviewFile)
    for path in sorted((claims_dir / "reference").glob("*.yaml")):
        ledger.references += located_records(path, "references", ReferenceFile)
    entities = claims_dir / "entities.yaml"
    if entities.exists():
        ledger.entities += located_records(entities, "entities", EntityFile)
    return ledger


def apply_reviews(claims: Iterable[Claim], reviews: Iterable[Review]) -> list[Claim]:
    """The claims as reviewed: corrections applied, rejected ones left out."""
    by_claim = {review.claim: review for review in reviews}
    result = []
    for claim in claims:
        review = by_claim.get(claim.id)
        if review is None:
            result.append(claim)
            continue
        if review.status == "not_a_claim":
            continue
        patch = review.quantity.model_dump(exclude_unset=True) if review.quantity else {}
        quantity = claim.quantity.model_copy(update=patch)
        update: dict[str, object] = {"quantity": quantity}
        if review.speaker:
            update["speaker"] = review.speaker
        result.append(claim.model_copy(update=update))
    return result


__all__ = [
    "Ledger",
    "LedgerError",
    "Located",
    "apply_reviews",
    "extract_ledger",
    "extracted_path",
    "ledger_text",
    "load_ledger",
    "stale_ledgers",
]
