"""The project's records: one frozen pydantic model per record type.

Every format the project writes (YAML ledger, JSON Lines, RDF, pages) is derived from these
models, so a field added here is added everywhere, and a file that does not fit them is
rejected with the field's path.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from claimkb.core.periods import checked_time
from claimkb.core.project import SLUG, is_slug

Bound = Literal["=", ">", ">=", "<", "<="]
Kind = Literal["count", "measure", "money", "percent", "multiplier", "duration", "date"]
CheckedTime = Annotated[str | None, AfterValidator(checked_time)]
"""A period in ISO 8601 text (see ``claimkb.core.periods``), or none."""


def _file_name(name: str | None) -> str | None:
    """A file name in ``sources/``, never a path: no ``/``, ``\\`` or NUL, not ``.`` or
    ``..`` (so a hand-written ``sources.yaml`` cannot point outside the project)."""
    if name is not None and (name in ("", ".", "..") or any(c in name for c in "/\\\x00")):
        raise ValueError(f"{name!r} is not a file name in sources/ (no folders, no '..')")
    return name


FileName = Annotated[str | None, AfterValidator(_file_name)]
"""A file beside ``sources.yaml``, by name alone."""
RequiredFileName = Annotated[str, AfterValidator(_file_name)]
"""The same, where the file must be named."""


def _slug(text: str) -> str:
    """An id that is also a file name and a page address: it must match ``SLUG`` (lower-case
    letters, digits, ``.``, ``-``, ``_``, starting and ending with a letter or digit, 1 to
    80 characters). Lower case only, so two ids never name one page on a file system that
    ignores case, and never a path, so no id leads out of its folder."""
    if not is_slug(text):
        raise ValueError(
            f"{text!r} is not an id (lower-case letters, digits, '.', '-', '_', starting and "
            "ending with a letter or digit, at most 80 characters)"
        )
    return text


Id = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG})]
"""The id of a source, reference fact, entity or derivation (see ``_slug``)."""
CLAIM_ID = re.compile(SLUG.removeprefix("^").removesuffix("$") + "/[0-9a-f]{8}")
"""A claim id: ``<source id>/<8 lower-case hex digits>`` (see ``claimkb.extract.ids``)."""


def _claim_id(text: str) -> str:
    """A claim id as the extractor makes it, so a review or derivation that names a claim
    in any other form is refused where it is written, not silently never matched."""
    if CLAIM_ID.fullmatch(text) is None:
        raise ValueError(f"{text!r} is not a claim id (<source id>/<8 hex digits>)")
    return text


ClaimId = Annotated[
    str,
    AfterValidator(_claim_id),
    Field(json_schema_extra={"pattern": f"^{CLAIM_ID.pattern}$"}),
]
"""A claim id, ``<source id>/<8 hex digits>``."""
URL_SCHEMES = ("http", "https")
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f<>\"{}|\\^`\s]")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def web_url(text: str) -> str:
    """An absolute http(s) URL in valid IRI syntax, the only kind a page may link to: a
    ``javascript:``, ``data:`` or ``file:`` URL on a published page is an attack on its
    readers, and a space or ``<>"{}|\\^``` would break the page or the RDF. The host must
    be present; ``%`` starts two hex digits; a port is a number."""
    problem = _url_problem(text)
    if problem:
        raise ValueError(f"{text!r} is not a web address ({problem})")
    return text


def _url_problem(text: str) -> str | None:
    bad = _NOT_IN_URL.search(text)
    if bad:
        return f"{bad.group()!r} is not allowed in a URL"
    if _PERCENT.search(text):
        return "'%' must be followed by two hex digits"
    try:
        parts = urlsplit(text)
        port = parts.port  # raises for a port that is not a number
    except ValueError as error:
        return str(error)
    if parts.scheme.lower() not in URL_SCHEMES:
        return "only http:// and https:// addresses"
    if not parts.netloc or not parts.hostname:
        return "no host"
    if port is not None and not 0 < port < 65536:
        return "port out of range"
    if "#" in parts.fragment:
        return "'#' twice"
    return None


WebUrl = Annotated[str, AfterValidator(web_url)]
"""An absolute http(s) URL (see ``web_url``)."""
CUE_TIME = r"^\d{2,}:[0-5]\d:[0-5]\d\.\d{3}$"
"""A transcript cue's start time, ``HH:MM:SS.mmm`` (WebVTT's form; SubRip's comma becomes a
dot)."""

#: Fields of one line of ``claims.jsonl``, in the order they are written.
JSONL_FIELDS = (
    "id",
    "source",
    "lang",
    "speaker",
    "start",
    "end",
    "surface",
    "quote",
    "kind",
    "value",
    "unit",
    "low",
    "high",
    "approx",
    "hedge",
    "bound",
    "per",
    "counted",
    "time",
    "ambiguity",
)


class Record(BaseModel):
    """Base for all records: immutable, unknown fields are errors, not silently dropped, and
    every number is finite: ``.nan``, ``.inf`` or ``1e999`` in a YAML file is refused with
    its field, since NaN compares false with everything and would pass every check."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Interview(Record):
    """The interview a source covers: who spoke, who asked, when and where."""

    speakers: list[str] = Field(default_factory=list, examples=[["Elon Musk"]])
    interviewers: list[str] = Field(default_factory=list, examples=[["Ron Baron"]])
    date: dt.date | None = None
    venue: str | None = None


class Source(Record):
    """A document of the corpus and its metadata, as listed in ``sources.yaml``."""

    id: Id = Field(description="File name without `.txt`.", examples=["orbital-ai-compute-plan.de"])
    file: RequiredFileName = Field(
        description="The text the extractor reads: a file in `sources/`, by name alone.",
        examples=["orbital-ai-compute-plan.de.txt"],
    )
    language: Literal["de", "en", "ru"] | None = None
    translated_from: str | None = None
    kind: str | None = None
    title: str | None = None
    author: str | None = None
    author_type: Literal["person", "organization"] | None = Field(
        default=None,
        description="Whether the author is a person or an outlet; a person when not given.",
    )
    published: dt.date | None = None
    url: WebUrl | None = Field(default=None, description="Where it is published (http/https).")
    cites: str | None = None
    covers_interview: Interview | None = None
    notes: str | None = None
    original: FileName = Field(
        default=None,
        description="The document as it came in (HTML page, transcript, Markdown), kept "
        "beside `file`, the text the extractor reads; claim offsets refer to `file`.",
        examples=["wind-briefing.orig.html"],
    )
    retrieved: dt.datetime | None = Field(
        default=None,
        description="When `claimkb add` fetched the document from `url` (UTC): the "
        "snapshot's date.",
    )
    cues: FileName = Field(
        default=None,
        description="A transcript's cue file beside `file` (`<id>.cues.yaml`): the start "
        "time of every text line, so that each claim keeps its cue's time.",
        examples=["town-hall.cues.yaml"],
    )

    @property
    def reference_date(self) -> dt.date | None:
        """The date that relative expressions ("next year") refer to: the interview, else
        the publication."""
        if self.covers_interview and self.covers_interview.date:
            return self.covers_interview.date
        return self.published


class Quantity(Record):
    """What a claim states, normalised: a value with a unit, and how exact it is meant to be.

    ``low``/``high`` describe the interval the words assert: both for a range ("20.000 bis
    30.000") or a vague quantity ("Tausende"), one side for a bound ("mehr als 10" sets
    ``low``), neither for a plain value. ``value`` is then the midpoint of a closed interval,
    or the bound itself.
    """

    kind: Kind = Field(description="What sort of number this is.", examples=["measure"])
    value: float = Field(description="The stated value in `unit`.", examples=[100.0])
    unit: str = Field(
        description=(
            "A pint unit string as stated ('GW', 't', 'year', 'percent', 'times'), a currency "
            "code ('USD', 'EUR', 'RUB'), 'dimensionless' for counts, or 'date'."
        ),
        examples=["GW"],
    )
    low: float | None = Field(default=None, description="Lower end of the asserted interval.")
    high: float | None = Field(default=None, description="Upper end of the asserted interval.")
    approx: bool = Field(default=False, description="Hedged or vague: etwa, примерно, about, ~.")
    hedge: str | None = Field(default=None, description="The hedge word, lower-cased.")
    bound: Bound = Field(default="=", description="'>' for 'mehr als', '<=' for 'bis zu', ...")
    per: str | None = Field(default=None, description="Rate denominator: 'year' for 'pro Jahr'.")
    counted: str | None = Field(
        default=None, description="What is counted, in English singular.", examples=["launch"]
    )
    time: CheckedTime = Field(
        default=None,
        description="Dates only: ISO 8601 year, month, day or interval ('2026-01-01/2026-03-31').",
        examples=["2030"],
    )
    ambiguity: str | None = Field(
        default=None,
        max_length=200,
        description=(
            "Why the words allow another reading than the one recorded, for a reviewer: the "
            "extractor then records the reading that says less (no bound, no date)."
        ),
        examples=["'до' may name an upper bound or the level reached"],
    )


class Claim(Record):
    """One numeric statement in one source, pointing at its exact characters."""

    id: ClaimId = Field(description="Stable id, see the methodology page.")
    source: Id
    lang: Literal["de", "en", "ru"]
    speaker: str = Field(examples=["Elon Musk"])
    start: int = Field(ge=0, description="Offset of the quantity's first character (str index).")
    end: int = Field(ge=0, description="Offset after the quantity's last character.")
    surface: str = Field(description="text[start:end], the quantity as written.")
    quote: str = Field(description="The sentence around the quantity.")
    quantity: Quantity
    cue: str | None = Field(
        default=None,
        pattern=CUE_TIME,
        description="Transcripts only: the start time of the cue the claim was said in "
        "(`HH:MM:SS.mmm`). Left out of the YAML when there is none.",
        examples=["00:01:23.450"],
    )

    @model_serializer(mode="wrap")
    def _without_empty_cue(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A claim without a cue is written as it was before cues existed, so the ledger
        of a document that is not a transcript does not change by a line."""
        data: dict[str, Any] = handler(self)
        if data.get("cue", "") is None:
            del data["cue"]
        return data

    def flat(self) -> dict[str, Any]:
        """The claim as one flat JSON object with the fields of ``JSONL_FIELDS``."""
        merged = {**self.model_dump(exclude={"quantity"}), **self.quantity.model_dump()}
        return {name: merged[name] for name in JSONL_FIELDS}


class Cue(Record):
    """One line of a transcript's text (``sources/<id>.txt``) and when it was said."""

    start: int = Field(ge=0, description="Offset of the line's first character (str index).")
    end: int = Field(ge=0, description="Offset after the line's last character.")
    time: str = Field(pattern=CUE_TIME, description="The cue's start time.")


class CueFile(Record):
    """``sources/<id>.cues.yaml``: the cue times of a transcript's text, line by line, in
    text order."""

    source: Id = Field(description="The source id.")
    cues: list[Cue]


class LedgerFile(Record):
    """``claims/extracted/<source>.yaml``: the machine-written claims of one source."""

    source: Id = Field(description="The source id.")
    claims: list[Claim]


class QuantityPatch(Record):
    """Fields of a quantity a reviewer corrects; the ones left out keep their values."""

    kind: Kind | None = None
    value: float | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    approx: bool | None = None
    hedge: str | None = None
    bound: Bound | None = None
    per: str | None = None
    counted: str | None = None
    time: CheckedTime = None
    ambiguity: str | None = None


ReviewStatus = Literal["confirmed", "corrected", "not_a_claim"]
OutcomeResult = Literal["came true", "did not", "partly", "not yet known"]


class Evidence(Record):
    """Where a prediction's outcome can be checked."""

    url: WebUrl = Field(description="Where it is published (http/https).")
    date: dt.date = Field(description="When it was published or read.")
    note: str | None = Field(default=None, description="What it shows, for the next reader.")


class Outcome(Record):
    """What became of a prediction: came true, did not, partly, or not yet known, and the
    evidence for it. A settled result needs at least one piece of evidence."""

    result: OutcomeResult = Field(description="came true, did not, partly, or not yet known.")
    evidence: list[Evidence] = Field(default_factory=list, description="What shows it.")

    @model_validator(mode="after")
    def _evidenced(self) -> Outcome:
        if self.result != "not yet known" and not self.evidence:
            raise ValueError(f"outcome {self.result!r} needs evidence (url, date, note)")
        return self


class Review(Record):
    """A human correction of one claim, keyed by its id; it survives re-extraction."""

    claim: ClaimId = Field(description="The id of the claim reviewed.", examples=["x.de/1a2b3c4d"])
    status: ReviewStatus = Field(description="confirmed, corrected, or not_a_claim.")
    quantity: QuantityPatch | None = Field(default=None, description="Corrected fields.")
    speaker: str | None = Field(default=None, description="A corrected speaker.")
    entities: list[Id] = Field(default_factory=list, description="Entity ids it is about.")
    measures: str | None = Field(
        default=None,
        min_length=1,
        max_length=80,
        description="What the figure measures, where the words near the number do not say "
        "or say it wrongly ('time frame', 'unit cost'): figures of the same entity, "
        "quantity and measure are compared over time (`claimkb drift`).",
        examples=["time frame"],
    )
    note: str | None = Field(default=None, description="Why, for the next reader.")
    outcome: Outcome | None = Field(
        default=None, description="What became of the prediction the claim states."
    )


class ReviewFile(Record):
    """``claims/reviewed/*.yaml``: a list of reviews."""

    reviews: list[Review]


class Citation(Record):
    """Where a reference fact comes from."""

    title: str
    publisher: str
    url: WebUrl = Field(description="Where it is published (http/https).")
    date: dt.date = Field(description="Publication or access date.")


class Reference(Record):
    """A fact from outside the corpus that checks use (US land area, hours per year...)."""

    id: Id = Field(examples=["us-land-area"])
    title: str
    value: float
    unit: str = Field(description="A pint unit string or currency code.")
    low: float | None = None
    high: float | None = None
    citation: Citation
    note: str | None = None


class ReferenceFile(Record):
    """``claims/reference/*.yaml``: a list of reference facts."""

    references: list[Reference]


MAX_ALIAS = 200
"""The longest entity alias: names, not programs."""


def alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    """An entity's aliases as the one expression the linker searches sentences with: any
    alias, as a whole word, in any case."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(aliases)})(?!\w)", re.IGNORECASE)


def _alias(pattern: str) -> str:
    """An alias that compiles and cannot make the linker backtrack for ever.

    Every claim's sentence is searched with every alias, so one pattern that backtracks
    exponentially (``(a+)+`` against ``aaaa…b``) stops the build. Refused: a pattern longer
    than ``MAX_ALIAS``, and a group with a quantifier without an upper bound (``*``, ``+``,
    ``{n,}``) that is itself repeated without one — the shape of every classic catastrophic
    pattern. Alternatives that overlap under a repetition (``(a|aa)+``) are not detected;
    the length limit keeps their cost bounded in practice."""
    if len(pattern) > MAX_ALIAS:
        raise ValueError(f"pattern longer than {MAX_ALIAS} characters")
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"pattern {pattern!r}: {error}") from None
    if _nested_repetition(pattern):
        raise ValueError(
            f"pattern {pattern!r}: a repeated group holds an unbounded repetition "
            "(like '(a+)+'), which can take forever to match; write it without the nesting"
        )
    return pattern


_UNBOUNDED = re.compile(r"[*+]|\{\d*,\}")


def _nested_repetition(pattern: str) -> bool:
    """Whether an unboundedly repeated group holds an unbounded repetition (a pattern
    that compiles, so brackets and groups are balanced)."""
    holds = [False]  # per open group: does it hold an unbounded repetition?
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "(":
            holds.append(False)
            i += 1
            continue
        if char == "\\":
            i += 2
        elif char == "[":
            i = _after_class(pattern, i)
        else:
            i += 1
        repeated = _UNBOUNDED.match(pattern, i) is not None
        if char == ")":
            inner = holds.pop()
            if inner and repeated:
                return True
            holds[-1] = holds[-1] or inner or repeated
        elif repeated:
            holds[-1] = True
    return False


def _after_class(pattern: str, i: int) -> int:
    """The index after the character class that starts at ``pattern[i]`` (``[``)."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


Alias = Annotated[str, AfterValidator(_alias)]
"""An entity alias: a regular expression (see ``_alias``)."""


class Entity(Record):
    """A thing claims are about (Starship, GB300, Neuralink), with the names it goes by."""

    id: Id = Field(examples=["starship"])
    name: str = Field(examples=["Starship"])
    kind: str = Field(examples=["product"])
    aliases: list[Alias] = Field(
        default_factory=list,
        description="Regular expressions matched case-insensitively in a claim's sentence "
        f"(at most {MAX_ALIAS} characters each; no quantified group that holds a quantifier "
        "without an upper bound, such as `(a+)+`).",
    )

    @model_validator(mode="after")
    def _aliases_join(self) -> Entity:
        """The aliases are matched as one expression (see ``alias_pattern``): two aliases
        that compile alone may not together (a group name used twice, a flag)."""
        if self.aliases:
            try:
                alias_pattern(self.aliases)
            except re.error as error:
                raise ValueError(f"aliases do not compile together: {error}") from None
        return self


class EntityFile(Record):
    """``claims/entities.yaml``: the entities claims are linked to."""

    entities: list[Entity]


class Person(Record):
    """Someone the project's documents quote, with every form their name takes there."""

    name: str = Field(min_length=1, examples=["Elon Musk"])
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other names and case forms, matched as whole words: in turn labels "
        '("Musk:") and reported speech ("по словам Маска").',
        examples=[["Musk", "Маск", "Маска"]],
    )


class PeopleFile(Record):
    """``claims/people.yaml``: the people of a project and the forms of their names."""

    people: list[Person]


class NamesFile(Record):
    """``claims/names.yaml``: product and model names whose following number is part of the
    name ("Grok 5", "Colossus 2"), not a claim."""

    names: list[str]


class Vocabulary(Record):
    """What the extractor knows about a project beyond its languages: people and their name
    forms, and product names. Empty for a document read outside any project."""

    people: tuple[Person, ...] = ()
    names: tuple[str, ...] = ()

    def aliases(self, name: str) -> tuple[str, ...]:
        """The other forms of ``name`` (none for a person the project does not list)."""
        return next((p.aliases for p in self.people if p.name == name), ())


VerdictName = Literal["consistent", "inconsistent", "implies", "unverifiable"]


class DerivationInput(Record):
    """One named input of a derivation: a claim, a reference fact, or the result of
    another derivation."""

    claim: ClaimId | None = Field(default=None, description="A claim id.")
    reference: Id | None = Field(default=None, description="A reference fact id.")
    derivation: Id | None = Field(default=None, description="Another derivation's id.")

    @model_validator(mode="after")
    def _exactly_one(self) -> DerivationInput:
        given = [x for x in (self.claim, self.reference, self.derivation) if x is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'claim', 'reference' or 'derivation'")
        return self


class FreeVariableSpec(Record):
    """An unstated assumption the derivation solves for ("the mass of one satellite")."""

    name: str
    unit: str
    low: float | None = Field(default=None, description="Lower end of the plausible range.")
    high: float | None = Field(default=None, description="Upper end of the plausible range.")


class Derivation(Record):
    """Checkable arithmetic between claims and reference facts, with its expected verdict."""

    id: Id = Field(examples=["starship-power-per-launch"])
    title: str
    inputs: dict[str, DerivationInput]
    expression: str = Field(description="Over the input names, in the project's grammar.")
    compare: str = Field(description="What the result is checked against (an expression).")
    tolerance: float = Field(default=0.0, ge=0, description="Relative widening of `compare`.")
    unit: str | None = Field(default=None, description="Unit to report the result in.")
    free: FreeVariableSpec | None = Field(default=None, description="For `implies` checks.")
    mode: Literal["interval", "monte-carlo"] = "interval"
    expected: VerdictName = Field(description="The verdict this derivation must keep.")
    reason: str = Field(
        description="Why this verdict is right, for readers: the arithmetic worked out, what "
        "each figure stands for, and whose figures are compared. Shown first wherever the "
        "check is, and published as the review's text."
    )


class DerivationFile(Record):
    """``claims/derivations/*.yaml``: a list of derivations."""

    derivations: list[Derivation]


RatingName = Literal["inconsistent", "close", "implies", "within precision", "consistent"]
"""A claim's rating from the checks of its speaker's own figures, worst first."""


class DatedRating(Record):
    """The day a claim's rating was first reached, so its published review keeps its date
    from build to build (``claims/ratings.yaml``, written by ``claimkb build``)."""

    claim: ClaimId
    rating: RatingName
    since: dt.date


class RatingsFile(Record):
    """``claims/ratings.yaml``: every rated claim and the day its rating was first reached."""

    ratings: list[DatedRating]
