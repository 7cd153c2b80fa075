"""One page per hand-written derivation — its explanation first, then the verdict, the inputs
and the steps — and the index of every check.
"""

from __future__ import annotations

from claimkb.derive.records import AssumptionRecord, CheckRecord
from claimkb.pages.common import (
    DERIVATIONS_INDEX,
    derivation_page,
    esc,
    href,
    number_text,
    page_markdown,
    quantity_text,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import definition_list, highlighted_quote, interval_text, table
from claimkb.pages.wording import grade_text, scope_text


def input_row(site: SiteData, page: str, name: str, target: str) -> list[str]:
    """One input of a derivation: a claim with its quote, a reference fact, or a derivation."""
    if target in site.claims:
        claim = site.claims[target]
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        return [esc(name), site.claim_link(page, claim, quote), esc(quantity_text(claim))]
    if target in site.references:
        ref = site.references[target]
        value = number_text(ref.value) + f" {ref.unit}"
        return [esc(name), esc(f"{ref.title} (reference {ref.id})"), esc(value)]
    if target.startswith("derivation:"):
        other = target.removeprefix("derivation:")
        if other in site.curated:
            link = f'<a href="{href(page, derivation_page(other))}">{esc(other)}</a>'
            return [esc(name), link, "derivation"]
    return [esc(name), esc(target), ""]


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
    page = derivation_page(record.id)
    compared = esc(interval_text(record.compared))
    if record.compare:
        compared = f"<code>{esc(record.compare)}</code> = {compared}"
    body = [
        f"<h1>{esc(record.title or record.id)}</h1>",
        f'<p class="explanation">{esc(record.explanation or record.reason)}</p>',
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
        "<h2>Inputs</h2>",
        *table(
            ["name", "input", "quantity"],
            [input_row(site, page, n, t) for n, t in sorted(record.inputs.items())],
        ),
        "<h2>Step by step</h2>",
        "<p>Each input as the interval it stands for (a hedge widens a figure, a bound opens "
        "one side), then every operation, innermost first, with the interval it yields. The "
        "last step is the result.</p>",
        *steps_table(record),
    ]
    return page_markdown(f"Derivation {record.id}", body)


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
    return page_markdown("Derivation checks", body)
