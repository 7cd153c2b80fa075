"""What every generated page needs from the knowledge base and the checks, looked up once."""

from __future__ import annotations

from functools import cached_property

from claimkb.core.models import Claim, Reference
from claimkb.core.project import ProjectConfig
from claimkb.derive.drift import DriftGroup, drift_groups
from claimkb.derive.ratings import Assessment
from claimkb.derive.records import CheckRecord
from claimkb.knowledge.agents import organisations
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.pages.common import (
    anchor_id,
    claim_page,
    derivation_page,
    esc,
    href,
    source_page,
)
from claimkb.pages.english import claim_english


class SiteData:
    """The data every page needs, looked up once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        records: list[CheckRecord],
        config: ProjectConfig,
        assessment: Assessment,
    ) -> None:
        self.kb = kb
        self.config = config
        self.records = records
        self.ratings = assessment.ratings
        self.comparisons = assessment.comparisons
        self.outlets = organisations(kb.sources)
        self.claims = kb.claims_by_id
        self.sources = {s.id: s for s in kb.sources}
        self.references: dict[str, Reference] = {r.id: r for r in kb.references}
        self.curated = {r.id for r in records if r.curated}
        self.cluster_of: dict[str, list[str]] = {}
        for members in kb.clusters:
            for member in members:
                self.cluster_of[member] = sorted(members)
        self.uses: dict[str, list[CheckRecord]] = {}
        for record in records:
            for input_id in sorted(set(record.inputs.values())):
                self.uses.setdefault(input_id, []).append(record)

        self.entity_claims: dict[str, list[Claim]] = {e.id: [] for e in kb.entities}
        for claim in kb.claims:
            for entity_id in sorted(set(kb.claim_entities.get(claim.id, []))):
                if entity_id in self.entity_claims:
                    self.entity_claims[entity_id].append(claim)

    def source_name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return (source.title or source.id) if source else source_id

    def claim_english(self, claim: Claim) -> str:
        """The claim in English (``pages.english``): its title and its name in links."""
        return claim_english(claim, self.sources.get(claim.source))

    def claim_link(
        self, from_page: str, claim: Claim, label: str | None = None, *, hint: bool = False
    ) -> str:
        """A link to the claim's page, named by its English line unless ``label`` (escaped
        HTML, such as the quote) is given; with ``hint``, the English line is its tooltip."""
        text = label if label is not None else esc(self.claim_english(claim))
        title = f' title="{esc(self.claim_english(claim))}"' if hint else ""
        return f'<a href="{href(from_page, claim_page(claim.id))}"{title}>{text}</a>'

    def source_link(self, from_page: str, claim: Claim) -> str:
        if claim.source not in self.sources:
            return esc(claim.source)
        target = href(from_page, source_page(claim.source), anchor_id(claim))
        return f'<a href="{target}">{esc(self.source_name(claim.source))}</a>'

    def derivation_link(self, from_page: str, record: CheckRecord) -> str:
        label = esc(record.title or record.id)
        if record.id not in self.curated:
            return label
        return f'<a href="{href(from_page, derivation_page(record.id))}">{label}</a>'

    @cached_property
    def drift(self) -> list[DriftGroup]:
        """The drift groups (``derive.drift``): the same quantity stated more than once."""
        return drift_groups(self.kb)

    @cached_property
    def drift_of(self) -> dict[str, list[DriftGroup]]:
        """The drift groups each claim has a figure in, by claim id."""
        found: dict[str, list[DriftGroup]] = {}
        for group in self.drift:
            for figure in group.figures:
                found.setdefault(figure.claim, []).append(group)
        return found
