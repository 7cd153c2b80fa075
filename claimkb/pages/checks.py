"""One page per hand-written derivation — the verdict in one sentence and the explanation
first, then the inputs as evidence and the steps, the record's fields folded away — and the
index of every check.
"""

from __future__ import annotations

from claimkb.derive.records import AssumptionRecord, CheckRecord
from claimkb.pages.common import (
    DERIVATIONS_INDEX,
    derivation_page,
    esc,
    number_text,
    page_markdown,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import (
    definition_list,
    highlighted_quote,
    interval_text,
    said_on,
    table,
)
from claimkb.pages.sources import original_link
from claimkb.pages.summary import check_sentence_parts, sentence_html
from claimkb.pages.wording import grade_text, scope_text


def input_item(site: SiteData, page: str, name: str, target: str) -> str:
    """One input of a derivation as evidence: a claim in English (speaker, venue, the day it
    was said, the figure, the language) linked to its page, its source linked to the place in
    the text, and its quote in its language with the figure marked; a reference fact with
    its value and citation; or another derivation."""
    label = f"<code>{esc(name)}</code>"
    if target in site.claims:
        claim = site.claims[target]
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        return (
            f"<li>{label}: {site.claim_link(page, claim)}, in "
            f"{site.source_link(page, claim)}<blockquote><p>{quote}</p></blockquote></li>"
        )
    if target in site.references:
        ref = site.references[target]
        value = number_text(ref.value) + f" {ref.unit}"
        cited = ref.citation
        link = original_link(str(cited.url))
        return (
            f"<li>{label}: {esc(value)}, {esc(ref.title)} (reference fact): "
            f"{esc(cited.publisher)}, {esc(cited.title)}, {said_on(cited.date)}, {link}</li>"
        )
    if target.startswith("derivation:"):
        other = target.removeprefix("derivation:")
        found = [r for r in site.records if r.id == other]
        if found:
            link = site.derivation_link(page, found[0])
            return f"<li>{label}: the result of the derivation {link}</li>"
    return f"<li>{label}: {esc(target)}</li>"


def assumption_text(assumption: AssumptionRecord | None) -> str:
    """``mass = 1 t (agrees for 0.9 to 1.1)``: the solved-for value of an implies verdict."""
    if not assumption:
        return ""
    text = f"{assumption.name} = {number_text(assumption.value)} {assumption.unit}"
    low, high = assumption.low, assumption.high
    if low is not None or high is not None:
        text += f" (the figures agree for {number_text(low) or '…'} to {number_text(high) or '…'})"
    return text


def steps_table(record: CheckRecord) -> list[str]:
    """The evaluation step by step: each input's interval, then each operation's."""
    rows = []
    for number, step in enumerate(record.steps, start=1):
        low, high = step.low, step.high
        if low is not None and low == high:
            interval = number_text(low)
        else:
            interval = f"[{number_text(low) or '−∞'}, {number_text(high) or '∞'}]"
        rows.append(
            [
                esc(number),
                f"<code>{esc(step.expression)}</code>",
                esc(interval),
                esc(step.unit),
                esc(step.note),
            ]
        )
    if not rows:
        return ["<p>The expression could not be evaluated step by step.</p>"]
    return table(["step", "expression", "interval", "unit", "note"], rows)


def derivation_page_html(site: SiteData, record: CheckRecord) -> str:
    """Verdict first: one sentence with whose figures are checked, what, and what the
    check found, then the curated explanation; then the evidence (every input with its
    speaker, source, day and quote), the steps, and the record's fields folded away."""
    page = derivation_page(record.id)
    compared = esc(interval_text(record.compared))
    if record.compare:
        compared = f"<code>{esc(record.compare)}</code> = {compared}"
    parts = check_sentence_parts(record)
    sentence = " ".join(parts)
    body = [
        f"<h1>{esc(record.title or record.id)}</h1>",
        f'<p class="verdict-sentence">{sentence_html(parts, 1)}</p>',
        f'<p class="explanation">{esc(record.explanation or record.reason)}</p>',
        "<h2>Inputs</h2>",
        '<ul class="inputs">',
        *(input_item(site, page, n, t) for n, t in sorted(record.inputs.items())),
        "</ul>",
        "<h2>Step by step</h2>",
        "<p>Each input as the interval it stands for (a hedge widens a figure, a bound opens "
        "one side), then every operation, innermost first, with the interval it yields. The "
        "last step is the result.</p>",
        *steps_table(record),
        '<details class="record"><summary>Record</summary>',
        *definition_list(
            [
                ("Verdict", f"<strong>{esc(record.verdict)}</strong>"),
                ("How close", esc(grade_text(record.grade, record.factor))),
                ("Whose figures", esc(scope_text(record))),
                ("Id", f"<code>{esc(record.id)}</code>"),
                ("Expression", f"<code>{esc(record.expression)}</code>"),
                ("Result", esc(interval_text(record.result))),
                ("Compared with", compared),
                ("Factor", esc(number_text(record.factor))),
                ("Reason", esc(record.reason)),
                ("Assumption", esc(assumption_text(record.assumption))),
                ("Expected verdict", esc(record.expected or "")),
                ("Status", esc(record.status)),
                ("Written in", f"<code>{esc(record.where or '')}</code>"),
            ]
        ),
        "</details>",
    ]
    return page_markdown(record.title or record.id, body, description=sentence)


def derivations_index(site: SiteData) -> str:
    page = DERIVATIONS_INDEX
    rows = [
        [
            site.derivation_link(page, r),
            esc(r.kind),
            esc(r.verdict),
            esc(interval_text(r.result)),
            esc(interval_text(r.compared)),
        ]
        for r in site.records
    ]
    body = [
        "<h1>Derivation checks</h1>",
        *table(["derivation", "kind", "verdict", "result", "compared"], rows),
    ]
    description = (
        f"{len(site.records)} checks of the arithmetic between claims and reference facts, "
        "with their verdicts."
    )
    return page_markdown("Derivation checks", body, description=description)
