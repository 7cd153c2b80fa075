"""Score the extractor against the peer conformance suites in ``../shared/conformance``.

Five peer projects publish test data for number and quantity recognition: Recognizers-Text
(de, en), Duckling (de, en, ru), text2num (de, en, ru), number-parser (en, ru) and quantulum3
(en). Each writes its expectations in its own conventions. This script reads every suite,
converts each case to one common form (text, language, expected quantities, span where the
suite has one), decides whether the case is in claimkb's scope, runs
``extract.find_quantities`` and scores pass or fail. It prints the pass rates per suite and
language, and a second table of the cases whose expectation had to be converted because the
suite's convention differs from claimkb's.

Every scope decision and every convention conversion carries a reason, kept as data in
``scripts/conformance_conventions.yaml``; this file only implements the rules that the YAML
names. The suites stay where they are (they are not copied into the repository); their
location is ``../shared/conformance`` relative to the repository root, or the directory in
``CLAIMKB_CONFORMANCE_DIR``.

Matching: an expectation passes when some mention has the same value (relative tolerance
1e-9; a range by its low and high; a bound by value and direction where the suite states
one), a compatible unit (pint converts "2000 мг" to "2 g"; currencies, percent, times and
dates only match themselves) and, where the suite gives a span, an overlapping span. A
whole-string suite (Duckling, text2num, number-parser) needs exactly one mention that covers
the input but for at most a quarter of its characters. A case that expects nothing passes
when nothing (of the suite model's kind) is found. For quantulum3's English cases the script
also scores quantulum3 itself with the same matcher, when the package is installed.

Usage::

    python scripts/conformance.py [--suite NAME] [--lang de|en|ru] [--failures N] [--json]
                                  [--conventions] [--scope] [--no-quantulum]
                                  [--extractor MODULE:FUNCTION]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import importlib
import json
import math
import os
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CONVENTIONS_FILE = Path(__file__).with_name("conformance_conventions.yaml")
ENV_DIR = "CLAIMKB_CONFORMANCE_DIR"
SUITES = ("recognizers-text", "duckling", "text2num", "number-parser", "quantulum3")
LANGS = ("de", "en", "ru")
REL_TOL = 1e-9
ABS_TOL = 1e-12
#: Share of a whole-string input (non-space characters) that the one mention may leave out.
WHOLE_SLACK = 0.25

Span = tuple[int, int]


# --------------------------------------------------------------------------- common form


@dataclass(frozen=True)
class Expected:
    """One quantity a case expects, already in claimkb's convention.

    ``unit`` is a pint unit string, a currency code, ``dimensionless``, ``date``, or None
    when the suite only speaks about the number (its models also report the number inside
    "5 km"). ``low``/``high`` are set for a closed range. ``bounds`` lists the acceptable
    ``Quantity.bound`` values when the suite states a bound; None means "not checked",
    because suites without bound semantics must not fail a case for reading "mindestens 3
    Zoll" as ``>=``.
    """

    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    bounds: frozenset[str] | None = None
    span: Span | None = None
    per: str | None = None
    surface: str = ""


@dataclass
class Case:
    """One input text of a suite with what it expects, in the common form."""

    suite: str
    lang: str
    file: str
    key: str
    text: str
    expected: list[Expected]
    whole: bool = False
    forbid: str = "any"
    negative: bool = False
    scope: str | None = None
    dropped: list[str] = field(default_factory=list)
    convention: str | None = None
    original: str = ""
    uncovered: list[str] = field(default_factory=list)

    @property
    def in_scope(self) -> bool:
        """A case counts when no rule took it out and it still expects something (or
        expected nothing from the start)."""
        return self.scope is None and (self.negative or bool(self.expected))


@dataclass(frozen=True)
class Found:
    """A mention reduced to what the matcher compares: from claimkb or from quantulum3."""

    start: int
    end: int
    kind: str
    value: float
    unit: str
    low: float | None = None
    high: float | None = None
    bound: str = "="
    per: str | None = None
    time: str | None = None


@dataclass
class Outcome:
    """The verdict on one case, with the reason when it failed."""

    case: Case
    passed: bool
    detail: str = ""
    found: list[Found] = field(default_factory=list)
    convention: str = ""


Extractor = Callable[[str, str], list[Found]]


# --------------------------------------------------------------------------- conventions


@functools.cache
def conventions() -> dict[str, Any]:
    """The YAML of scope rules, unit names, overrides and goals (read once)."""
    with CONVENTIONS_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def rule(name: str) -> str:
    """The documented reason of a named rule; a missing name is a bug in this script."""
    reasons: dict[str, str] = conventions()["rules"]
    return f"{name}: {reasons[name]}"


def unit_name(table: str, name: str) -> str | None:
    """Map a suite's unit name to claimkb's unit, None when the unit is out of scope.

    ``table`` is a suite, or ``suite:model`` where one name means different things in two
    models (Recognizers-Text's "Pound" is GBP in the currency model and lb in dimensions).
    """
    names: dict[str, str | None] = conventions()["units"][table]
    return names.get(name)


def ambiguity(table: str, name: str) -> str | None:
    """The convention note for a suite unit name that claimkb reads more narrowly."""
    notes: dict[str, dict[str, str]] = conventions()["ambiguous_units"]
    return notes.get(table, {}).get(name)


def suite_root() -> Path:
    """Where the peer suites live: the env var, else ``../shared/conformance``."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return REPO.parent / "shared" / "conformance"


# --------------------------------------------------------------------------- numbers


def parse_culture_number(text: str) -> float:
    """A Recognizers-Text resolution value: German ones use a decimal comma."""
    cleaned = text.strip().replace(",", ".")
    return float(cleaned)


def first_span(text: str, surface: str) -> Span | None:
    """The first occurrence of ``surface`` in ``text``, compared case-insensitively."""
    at = text.lower().find(surface.lower())
    if at < 0:
        return None
    return at, at + len(surface)


# --------------------------------------------------------------------------- loaders


def read_json(path: Path) -> Any:
    """A suite file; all suites are UTF-8 JSON."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


RECOGNIZERS_FILES = {
    "Number/German/NumberModel.json": ("de", "number", "any"),
    "Number/German/NumberRangeModel.json": ("de", "range", "range"),
    "Number/German/PercentModel.json": ("de", "percent", "percent"),
    "NumberWithUnit/German/CurrencyModel.json": ("de", "currency", "money"),
    "NumberWithUnit/German/DimensionModel.json": ("de", "dimension", "measure"),
    "Number/English/NumberModel.json": ("en", "number", "any"),
    "Number/English/NumberRangeModel.json": ("en", "range", "range"),
    "Number/English/PercentModel.json": ("en", "percent", "percent"),
    "NumberWithUnit/English/CurrencyModel.json": ("en", "currency", "money"),
    "NumberWithUnit/English/DimensionModel.json": ("en", "dimension", "measure"),
}

#: Recognizers-Text interval notation: "(,5)", "[20,30)", "[5,)".
INTERVAL = re.compile(r"^([\[(])\s*([^,]*),\s*([^\])]*)([\])])$")


def load_recognizers(root: Path) -> Iterator[Case]:
    """Recognizers-Text Specs: spans with inclusive ends, one model per file.

    A negative case of a model only says that this model finds nothing ("5 Verkäufe" has no
    range), so ``forbid`` limits the check to mentions of the model's kind.
    """
    base = root / "recognizers-text"
    for rel, (lang, model, forbid) in RECOGNIZERS_FILES.items():
        for index, item in enumerate(read_json(base / rel)):
            text = item["Input"]
            case = Case(
                suite="recognizers-text",
                lang=lang,
                file=rel,
                key=f"{rel}#{index}",
                text=text,
                expected=[],
                forbid=forbid,
                negative=not item["Results"],
                original=json.dumps(
                    [
                        [r["Text"], r["Resolution"].get("value"), r["Resolution"].get("unit")]
                        for r in item["Results"]
                    ],
                    ensure_ascii=False,
                ),
            )
            for result in item["Results"]:
                expected, reason = recognizers_expectation(model, lang, result)
                if expected is None:
                    case.dropped.append(f"{reason} [{result['Text']!r}]")
                else:
                    case.expected.append(expected)
                    if reason:
                        case.convention = reason
            yield case


def recognizers_expectation(
    model: str, lang: str, result: Mapping[str, Any]
) -> tuple[Expected | None, str | None]:
    """One Recognizers-Text result in the common form, or None and the reason to drop it."""
    span = (int(result["Start"]), int(result["End"]) + 1)
    resolution = result["Resolution"]
    raw = resolution.get("value")
    surface = str(result["Text"])
    if model == "range":
        return recognizers_range(str(raw), span, surface)
    if raw is None or raw == "null":
        return None, rule("no_amount")
    if model == "number":
        return recognizers_number(lang, resolution, span, surface)
    if model == "percent":
        value = parse_culture_number(str(raw).rstrip("%"))
        return Expected(value, "percent", span=span, surface=surface), None
    return recognizers_unit(model, lang, resolution, span, surface)


def recognizers_number(
    lang: str, resolution: Mapping[str, Any], span: Span, surface: str
) -> tuple[Expected | None, str | None]:
    """A bare number: any unit may come with it, only the value is compared."""
    if resolution.get("subtype") == "power":
        return None, rule("scientific_notation")
    value = parse_culture_number(str(resolution["value"]))
    if lang == "de" and surface.lower() in ARTICLES["de"]:
        return None, rule("article")
    return Expected(value, None, span=span, surface=surface), None


def recognizers_unit(
    model: str, lang: str, resolution: Mapping[str, Any], span: Span, surface: str
) -> tuple[Expected | None, str | None]:
    """A currency or dimension result, its unit name mapped to claimkb's unit."""
    name = str(resolution.get("unit"))
    if model == "dimension" and resolution.get("subtype") in {"Angle", "Information"}:
        return None, rule("angle_information")
    table = f"recognizers-text:{model}"
    unit = unit_name(table, name)
    if unit is None:
        reason = "currency_not_covered" if model == "currency" else "unit_not_covered"
        return None, f"{rule(reason)} ({name})"
    value = parse_culture_number(str(resolution["value"]))
    return Expected(value, unit, span=span, surface=surface), ambiguity(table, name)


def recognizers_range(raw: str, span: Span, surface: str) -> tuple[Expected | None, str | None]:
    """An interval in Recognizers-Text notation, read the way claimkb reads the words.

    "between 20 and 30" is ``[20,30)`` there and the closed range 20-30 here; a one-sided
    "(,5)" is a bound; "[a,a]" ("equals 20") is a plain value. Two comparisons bounding one
    number ("more than 10 and less than 20") have no single ``bound`` in claimkb.
    """
    match = INTERVAL.match(raw)
    if not match:
        return None, f"unreadable interval {raw!r}"
    left, low_text, high_text, right = match.groups()
    low = float(low_text) if low_text.strip() else None
    high = float(high_text) if high_text.strip() else None
    if low is not None and high is not None:
        if math.isclose(low, high):
            return Expected(low, None, span=span, surface=surface), None
        if (left, right) != ("[", ")"):
            return None, rule("compound_comparison")
        return (
            Expected((low + high) / 2, None, low=low, high=high, span=span, surface=surface),
            rule("half_open_range"),
        )
    if low is not None:
        bound = ">=" if left == "[" else ">"
        return Expected(low, None, bounds=frozenset({bound}), span=span, surface=surface), None
    if high is not None:
        bound = "<=" if right == "]" else "<"
        return Expected(high, None, bounds=frozenset({bound}), span=span, surface=surface), None
    return None, f"unreadable interval {raw!r}"


#: German and English articles that Recognizers-Text reads as the number one.
ARTICLES = {"de": {"ein", "eine", "einer", "einen", "einem", "eines"}, "en": {"a", "an"}}


DUCKLING_DIMENSIONS = ("AmountOfMoney", "Distance", "Numeral", "Quantity", "Temperature", "Volume")
DUCKLING_LANGS = {"DE": "de", "EN": "en", "RU": "ru"}


def load_duckling(root: Path) -> Iterator[Case]:
    """Duckling corpora: each text must resolve, as a whole string, to its group's value."""
    base = root / "duckling"
    for dimension in DUCKLING_DIMENSIONS:
        for code, lang in DUCKLING_LANGS.items():
            path = base / dimension / code / "Corpus.json"
            if not path.exists():
                continue
            rel = f"{dimension}/{code}/Corpus.json"
            data = read_json(path)
            for gindex, group in enumerate(data["groups"]):
                for tindex, text in enumerate(group["texts"]):
                    yield duckling_case(rel, lang, f"{rel}#{gindex}.{tindex}", text, group)
            for nindex, text in enumerate(data.get("negative", [])):
                yield Case(
                    "duckling",
                    lang,
                    rel,
                    f"{rel}#neg{nindex}",
                    text,
                    [],
                    whole=True,
                    negative=True,
                    original="nothing",
                )


def duckling_case(rel: str, lang: str, key: str, text: str, group: Mapping[str, Any]) -> Case:
    """One Duckling text with its group's expectation in the common form."""
    case = Case("duckling", lang, rel, key, text, [], whole=True, original=str(group["expr"]))
    product = re.search(r'\(Just "([^"]+)"\)', str(group["expr"]))
    if product:
        case.uncovered.append(r"\bof\s+" + re.escape(product.group(1)))
    if group.get("latent"):
        case.scope = rule("latent")
        return case
    unit: str | None = None
    if group["kind"] != "number":
        name = str(group["unit"])
        table = "duckling:money" if rel.startswith("AmountOfMoney") else "duckling:measure"
        unit = unit_name(table, name)
        if unit is None:
            reason = "currency_not_covered" if table == "duckling:money" else "unit_not_covered"
            case.scope = f"{rule(reason)} ({name})"
            return case
        case.convention = ambiguity(table, name)
    case.expected.append(duckling_expectation(group, unit, text))
    return case


def duckling_expectation(group: Mapping[str, Any], unit: str | None, text: str) -> Expected:
    """Duckling's simple/between/under/above; its "above" and "under" do not tell > from >=."""
    whole = (0, len(text))
    kind = group["kind"]
    if kind == "between":
        low, high = float(group["min"]), float(group["max"])
        return Expected((low + high) / 2, unit, low=low, high=high, span=whole)
    if kind == "under":
        return Expected(float(group["max"]), unit, bounds=frozenset({"<", "<="}), span=whole)
    if kind == "above":
        return Expected(float(group["min"]), unit, bounds=frozenset({">", ">="}), span=whole)
    return Expected(float(group["value"]), unit, span=whole)


def load_text2num(root: Path) -> Iterator[Case]:
    """text2num: whole-string ``text2num`` cases and ``alpha2digit`` sentence rewrites."""
    for lang in LANGS:
        rel = f"test_text_to_num_{lang}.json"
        path = root / "text2num" / rel
        if not path.exists():
            continue
        for index, item in enumerate(read_json(path)["cases"]):
            key = f"{rel}#{index}"
            yield text2num_case(rel, lang, key, item)


def text2num_case(rel: str, lang: str, key: str, item: Mapping[str, Any]) -> Case:
    """One text2num assertion in the common form, with the rules that take it out of scope."""
    text = str(item["input"])
    expected = item.get("expected", item.get("expected_error"))
    case = Case("text2num", lang, rel, key, text, [], original=repr(expected))
    test = str(item.get("test", ""))
    if item.get("kwargs"):
        case.scope = rule("non_default_option")
    elif "expected_error" in item:
        case.scope = rule("strict_whole_string")
    elif item["function"] == "text2num":
        case.whole = True
        case.expected.append(Expected(float(expected), None, span=(0, len(text))))
    else:
        rewrite_expectations(case, str(expected), test)
    for pattern, reason in TEXT2NUM_TEST_RULES:
        if case.scope is None and re.search(pattern, test):
            case.scope = rule(reason)
    return case


TEXT2NUM_TEST_RULES = (
    (r"phones", "digit_dictation"),
    (r"formal", "digit_dictation"),
    (r"ordinal", "ordinal"),
    (r"signed", "temperature"),
)


def load_number_parser(root: Path) -> Iterator[Case]:
    """number-parser: word tables (whole string → integer) and its parametrized tests."""
    base = root / "number-parser"
    for path in sorted((base / "hundreds").glob("*.csv")) + sorted(
        (base / "permutations").glob("*.csv")
    ):
        rel = path.relative_to(base).as_posix()
        lang = path.name[:2]
        with path.open(encoding="utf-8", newline="") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                text = row["text"]
                yield Case(
                    "number-parser",
                    lang,
                    rel,
                    f"{rel}#{index}",
                    text,
                    [Expected(float(row["number"]), None, span=(0, len(text)))],
                    whole=True,
                    original=row["number"],
                )
    table_path = base / "parametrize_ru_en.json"
    if table_path.exists():
        for tindex, table in enumerate(read_json(table_path)["tables"]):
            yield from number_parser_table(tindex, table)


def number_parser_table(tindex: int, table: Mapping[str, Any]) -> Iterator[Case]:
    """One parametrized test table of number-parser."""
    call = table["calls"][0]
    default_lang = "ru" if table["file"].endswith("_ru.py") else "en"
    for rindex, row in enumerate(table["rows"]):
        text = str(row["test_input"])
        lang = row.get("lang") or default_lang
        rel = f"parametrize_ru_en.json:{table['file']}:{table['test']}"
        case = Case(
            "number-parser",
            lang,
            rel,
            f"{rel}#{tindex}.{rindex}",
            text,
            [],
            original=repr(row["expected"]),
        )
        if call in {"parse_ordinal", "parse_fraction"} or "ordinal" in table["test"]:
            case.scope = rule("ordinal" if "ordinal" in call + table["test"] else "word_fraction")
        elif call == "parse_number":
            number_parser_whole(case, row["expected"])
        else:
            rewrite_expectations(case, str(row["expected"]), table["test"])
        yield case


def number_parser_whole(case: Case, expected: Any) -> None:
    """``parse_number``: one number for the whole string, or null for a non-number."""
    case.whole = True
    if expected is not None:
        case.expected.append(Expected(float(expected), None, span=(0, len(case.text))))
    elif re.search(r"\d|\w+", case.text) and re.search(r"\d", case.text):
        case.scope = rule("strict_whole_string")
    else:
        case.negative = True


def load_quantulum3(root: Path, own: bool = False) -> Iterator[Case]:
    """quantulum3's English quantity suites; its ranges are midpoint ± half-width.

    With ``own`` the years stay dimensionless numbers, as quantulum3 states them.
    """
    for rel in ("quantities.json", "quantities.ambiguity.json"):
        path = root / "quantulum3" / rel
        if not path.exists():
            continue
        for index, item in enumerate(read_json(path)):
            text = str(item["req"])
            case = Case(
                "quantulum3",
                "en",
                rel,
                f"{rel}#{index}",
                text,
                [],
                negative=not item["res"],
                original=json.dumps(
                    [
                        [q["surface"], q["value"], q["unit"], q.get("uncertainty")]
                        for q in item["res"]
                    ],
                    ensure_ascii=False,
                ),
            )
            for quantity in item["res"]:
                quantulum_expectation(case, quantity, own)
            yield case


def quantulum_unit(name: str) -> tuple[str | None, str | None]:
    """A quantulum3 unit name as claimkb's unit and rate denominator ("dollar per hour")."""
    unit = unit_name("quantulum3", name)
    if unit is not None or " per " not in name:
        return unit, None
    head, tail = name.split(" per ", 1)
    unit, per = unit_name("quantulum3", head), unit_name("quantulum3", tail)
    return (unit, per) if per is not None else (None, None)


YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


def quantulum_expectation(case: Case, quantity: Mapping[str, Any], own: bool = False) -> None:
    """Add one quantulum3 quantity to ``case`` (or record why it was dropped)."""
    surface = str(quantity["surface"])
    span = first_span(case.text, surface)
    value = float(quantity["value"])
    name = str(quantity["unit"])
    unit, per = quantulum_unit(name)
    if unit is None:
        case.dropped.append(f"{rule('unit_not_covered')} ({name}) [{surface!r}]")
        return
    uncertainty = quantity.get("uncertainty")
    if uncertainty:
        if re.search(r"±|\+/-", surface):
            case.dropped.append(f"{rule('plus_minus')} [{surface!r}]")
            return
        half = float(uncertainty)
        case.convention = rule("midpoint_uncertainty")
        case.expected.append(
            Expected(
                value,
                unit,
                low=value - half,
                high=value + half,
                span=span,
                per=per,
                surface=surface,
            )
        )
        return
    if unit == "dimensionless" and YEAR.match(surface) and not own:
        case.convention = rule("year_as_date")
        unit = "date"
    case.convention = ambiguity("quantulum3", name) or case.convention
    case.expected.append(Expected(value, unit, span=span, per=per, surface=surface))


# --------------------------------------------------------------------------- rewrites


def number_tokens(lang: str) -> re.Pattern[str]:
    """Digits as the rewriting suites print them (text2num prints "125.40" even in ru)."""
    if lang == "de":
        return re.compile(r"[+-]?\d+(?:,\d+)?")
    return re.compile(r"[+-]?\d+(?:\.\d+)?")


#: A text that is only a number, as a like count under a post ("41", "1,45K"): page chrome
#: for claimkb (extraction.md, "Not a claim").
COUNT_LINE = re.compile(r"\s*\d[\d.,]*[KkMm]?\s*")

ORDINAL_TOKEN = re.compile(r"^\d+(?:st|nd|rd|th|ый|ий|ой|ое|ей|ая|ую)$")


def rewrite_expectations(case: Case, rewritten: str, test: str) -> None:
    """Expectations from a sentence rewrite ("twenty-five cows" → "25 cows").

    The input and the rewritten sentence are aligned token by token; every number in the
    rewrite gives one expectation whose span is the input words it replaced. A rewrite equal
    to its input expects nothing; a rewrite with two numbers side by side ("1 2 3 4 25") is a
    digit dictation (see the ``adjacent_numbers`` rule).
    """
    if rewritten.strip() == case.text.strip():
        case.negative = not number_tokens(case.lang).search(case.text)
        if not case.negative:
            case.scope = rule("digits_only")
        return
    if re.search(r"(?:^|\s)[+-]?\d[\d.,]*\s+[+-]?\d", rewritten):
        case.scope = rule("adjacent_numbers")
        return
    if re.search(r"(?:^|[\s,])0\d", rewritten):
        case.scope = rule("digit_dictation")
        return
    source = list(re.finditer(r"\S+", case.text))
    target = list(re.finditer(r"\S+", rewritten))
    matcher = difflib.SequenceMatcher(
        a=[m.group().lower() for m in source],
        b=[m.group().lower() for m in target],
        autojunk=False,
    )
    pattern = number_tokens(case.lang)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        for token in target[b0:b1]:
            word = token.group().rstrip(".,;:!?")
            if ORDINAL_TOKEN.match(word) or (
                case.lang == "de" and is_german_ordinal(case.text, source, a0, a1, tag)
            ):
                case.dropped.append(f"{rule('ordinal')} [{word!r}]")
                continue
            for number in pattern.finditer(token.group()):
                span = token_span(source, a0, a1, tag, token, target, b0)
                value = float(number.group().replace(",", "."))
                case.expected.append(Expected(value, None, span=span, surface=number.group()))


def is_german_ordinal(
    text: str, source: Sequence[re.Match[str]], a0: int, a1: int, tag: str
) -> bool:
    """text2num writes German ordinals as "2."; the replaced words then end in -te/-ter."""
    if tag == "equal" or a1 <= a0:
        return False
    last = source[a1 - 1].group().lower().rstrip(".,;:!?")
    return bool(re.search(r"(?:te|ter|tes|ten|tem|ste|ster|stes|sten|erste[rsnm]?)$", last))


def token_span(
    source: Sequence[re.Match[str]],
    a0: int,
    a1: int,
    tag: str,
    token: re.Match[str],
    target: Sequence[re.Match[str]],
    b0: int,
) -> Span:
    """The input characters a rewritten token stands for."""
    if tag == "equal":
        mate = source[a0 + target.index(token) - b0]
        return mate.start(), mate.end()
    if a1 > a0:
        return source[a0].start(), source[a1 - 1].end()
    at = source[a0].start() if a0 < len(source) else (source[-1].end() if source else 0)
    return at, at


# --------------------------------------------------------------------------- overrides


def apply_overrides(cases: Iterable[Case], own: bool = False) -> list[Case]:
    """Apply the per-case entries of the YAML: out of scope, or converted expectations
    (skipped with ``own``, which keeps each suite's own convention)."""
    table = conventions()
    index: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for section in ("out_of_scope",) if own else ("out_of_scope", "convert"):
        for entry in table.get(section, []):
            for text in entry["inputs"]:
                index[(entry["suite"], text)].append({**entry, "section": section})
    used: set[tuple[str, str]] = set()
    result = []
    for case in cases:
        for entry in index.get((case.suite, case.text), []):
            if entry.get("lang", case.lang) != case.lang:
                continue
            used.add((case.suite, case.text))
            apply_entry(case, entry)
        result.append(case)
    loaded = {case.suite for case in result}
    unused = {key for key in index if key[0] in loaded} - used
    if unused:
        raise ValueError(f"override entries match no case: {sorted(unused)[:5]}")
    return result


def apply_entry(case: Case, entry: Mapping[str, Any]) -> None:
    """One YAML entry applied to one case."""
    reason = str(entry["reason"])
    if entry["section"] == "out_of_scope":
        case.scope = reason
        return
    case.convention = reason
    case.scope = None
    case.dropped = []
    case.uncovered.extend(re.escape(word) for word in entry.get("uncovered", []))
    if "expect" not in entry:
        return
    case.expected = [override_expectation(case, item) for item in entry["expect"]]
    case.negative = not case.expected
    if case.negative:
        case.forbid = entry.get("forbid", "any")


def override_expectation(case: Case, item: Mapping[str, Any]) -> Expected:
    """An expectation written in the YAML; ``text`` locates its span in the input."""
    span: Span | None = (0, len(case.text)) if case.whole else None
    if "text" in item:
        span = first_span(case.text, str(item["text"]))
        if span is None:
            raise ValueError(f"{item['text']!r} not in {case.text!r}")
    low, high = item.get("low"), item.get("high")
    value = item.get("value")
    if value is None and low is not None and high is not None:
        value = (float(low) + float(high)) / 2
    bounds = frozenset(item["bounds"]) if "bounds" in item else None
    return Expected(
        None if value is None else float(value),
        item.get("unit"),
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        bounds=bounds,
        span=span,
        per=item.get("per"),
        surface=str(item.get("text", "")),
    )


def load_cases(root: Path, suites: Sequence[str] = SUITES, own: bool = False) -> list[Case]:
    """Every case of the chosen suites, converted and with scope decided.

    ``own`` keeps quantulum3's and the per-case expectations in the suite's own convention
    (same scope), for scoring quantulum3 the way its authors would.
    """
    loaders: dict[str, Callable[[Path], Iterator[Case]]] = {
        "recognizers-text": load_recognizers,
        "duckling": load_duckling,
        "text2num": load_text2num,
        "number-parser": load_number_parser,
        "quantulum3": functools.partial(load_quantulum3, own=own),
    }
    cases: list[Case] = []
    for suite in suites:
        if (root / suite).is_dir():
            cases.extend(loaders[suite](root))
    cases = apply_overrides(cases, own)
    if not own:
        for case in cases:
            if case.scope is None and not case.negative and COUNT_LINE.fullmatch(case.text):
                case.expected, case.negative, case.forbid = [], True, "any"
                case.convention = rule("count_line")
    for case in cases:
        if case.scope is None and not case.negative and not case.expected:
            case.scope = case.dropped[0] if case.dropped else "nothing left to check"
    return cases


# --------------------------------------------------------------------------- units


class Units:
    """Compares the units of an expectation and a mention.

    Physical units go through pint, so "2000 мг" matches "2 g"; currencies only match the
    same code; ``percent``, ``times``, ``date`` and ``dimensionless`` only match themselves
    (a count of 30 is not 30 %).
    """

    SPECIAL = frozenset({"percent", "times", "date", "dimensionless"})

    def __init__(self) -> None:
        import pint

        self.registry: Any = pint.UnitRegistry()

    @staticmethod
    def is_currency(unit: str) -> bool:
        """ISO 4217 codes are three capital letters; no pint unit is written like that."""
        return bool(re.fullmatch(r"[A-Z]{3}", unit))

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one registry per run, lives as long
    def factor(self, source: str, target: str) -> float | None:
        """Multiply a value in ``source`` by this to get it in ``target``; None if they
        measure different things."""
        if source == target:
            return 1.0
        if source in self.SPECIAL or target in self.SPECIAL:
            return None
        if self.is_currency(source) or self.is_currency(target):
            return None
        try:
            quantity = self.registry.Quantity(1.0, source)
            if "degC" in (source, target) or "degF" in (source, target):
                return None
            return float(quantity.to(target).magnitude)
        except Exception:  # pint raises several unrelated types for unknown units
            return None


# --------------------------------------------------------------------------- matching


def close(a: float | None, b: float | None) -> bool:
    """Equal within the relative tolerance; both missing counts as equal."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def overlaps(a: Span, b: Span) -> bool:
    """Two half-open spans share a character (an empty span touching counts too)."""
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def converted(found: Found, unit: str | None, units: Units) -> Found | None:
    """``found`` with its numbers in ``unit`` (or as they are when ``unit`` is None)."""
    if unit is None:
        return found
    if unit == "date":
        return found if found.unit == "date" else None
    factor = units.factor(found.unit, unit)
    if factor is None and found.per:
        # claimkb states a speed as unit and rate ("km" per "hour"); suites as one unit
        factor = units.factor(f"({found.unit})/({found.per})", unit)
    if factor is None:
        return None

    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor

    return replace(
        found, value=found.value * factor, unit=unit, low=scale(found.low), high=scale(found.high)
    )


def date_matches(expected: Expected, found: Found) -> bool:
    """A year expected as a number matches a date mention of that year."""
    year = str(int(expected.value)) if expected.value is not None else ""
    return bool(found.time and found.time.startswith(year)) or close(expected.value, found.value)


def value_matches(expected: Expected, found: Found) -> bool:
    """Range by its ends, bound by value and direction, a plain value by value."""
    if expected.unit == "date":
        return date_matches(expected, found)
    if expected.low is not None and expected.high is not None:
        return close(expected.low, found.low) and close(expected.high, found.high)
    if not close(expected.value, found.value):
        return False
    return expected.bounds is None or found.bound in expected.bounds


def per_matches(expected: Expected, found: Found, units: Units) -> bool:
    """A rate's denominator, when the suite states one."""
    if expected.per is None:
        return True
    if found.per is None:
        return False
    return found.per == expected.per or units.factor(found.per, expected.per) == 1.0


def matches(expected: Expected, found: Found, units: Units) -> bool:
    """The matching rule: same value, compatible unit, overlapping span when known."""
    if expected.span is not None and not overlaps(expected.span, (found.start, found.end)):
        return False
    if expected.unit == "date":
        return found.unit == "date" and date_matches(expected, found)
    same = converted(found, expected.unit, units)
    return same is not None and value_matches(expected, same) and per_matches(expected, same, units)


def matches_range_end(expected: Expected, found: Found) -> bool:
    """A bare number that the suite reports alone ("von null bis 255" as 0 and 255) and
    claimkb reads as one end of a range: same span, and the value is the range's low or high.
    Only for expectations without unit or bound, which say no more than "this number"."""
    if expected.unit is not None or expected.bounds is not None or expected.low is not None:
        return False
    if expected.span is not None and not overlaps(expected.span, (found.start, found.end)):
        return False
    return close(expected.value, found.low) or close(expected.value, found.high)


def forbidden(case: Case, found: Found) -> bool:
    """For a case that expects nothing: does this mention count as a finding?"""
    if case.forbid == "any":
        return True
    if case.forbid == "range":
        return found.low is not None or found.high is not None or found.bound != "="
    kinds = {"percent": {"percent"}, "money": {"money"}, "measure": {"measure"}}
    return found.kind in kinds.get(case.forbid, set())


def coverage_gap(case: Case, found: Found) -> int:
    """Non-space characters of a whole-string input that the mention leaves out.

    Text that claimkb's span rules exclude is not counted: Duckling's product ("of
    strawberries") and the words an override lists under ``uncovered`` ("exceeding").
    """
    text = case.text
    outside = text[: found.start] + " " + text[found.end :]
    for pattern in case.uncovered:
        outside = re.sub(pattern, " ", outside, flags=re.I)
    return sum(1 for ch in outside if not ch.isspace() and not is_punct(ch))


def is_punct(ch: str) -> bool:
    """Unicode punctuation (quotes, brackets, dots) never makes a quantity."""
    return unicodedata.category(ch).startswith("P")


def score(case: Case, found: list[Found], units: Units) -> Outcome:
    """Pass or fail for one case, with a short reason on failure."""
    if case.negative:
        hits = [f for f in found if forbidden(case, f)]
        if hits:
            return Outcome(case, False, f"expected nothing, found {describe(hits)}", found)
        return Outcome(case, True, "", found)
    if case.whole:
        return score_whole(case, found, units)
    missing = [e for e in case.expected if not any(matches(e, f, units) for f in found)]
    ends = [e for e in missing if any(matches_range_end(e, f) for f in found)]
    missing = [e for e in missing if e not in ends]
    note = rule("range_end") if ends else ""
    if missing:
        return Outcome(
            case, False, f"missing {describe_expected(missing)}; found {describe(found)}", found
        )
    return Outcome(case, True, "", found, note)


def score_whole(case: Case, found: list[Found], units: Units) -> Outcome:
    """Whole-string suites: exactly one mention, covering (nearly) all of the input."""
    expected = case.expected[0]
    if len(found) != 1:
        return Outcome(
            case,
            False,
            f"expected one mention {describe_expected([expected])}, "
            f"found {len(found)}: {describe(found)}",
            found,
        )
    only = found[0]
    size = sum(1 for ch in case.text if not ch.isspace() and not is_punct(ch))
    gap = coverage_gap(case, only)
    if gap > WHOLE_SLACK * size:
        return Outcome(
            case, False, f"mention covers only {case.text[only.start : only.end]!r}", found
        )
    if not matches(replace(expected, span=None), only, units):
        return Outcome(
            case, False, f"expected {describe_expected([expected])}, found {describe(found)}", found
        )
    return Outcome(case, True, "", found)


def describe(found: Sequence[Found]) -> str:
    """Mentions in a compact, readable form for failure lists."""
    if not found:
        return "nothing"
    parts = []
    for f in found:
        rng = f" [{f.low:g}..{f.high:g}]" if f.low is not None and f.high is not None else ""
        bound = "" if f.bound == "=" else f.bound
        per = f"/{f.per}" if f.per else ""
        parts.append(f"{f.start}:{f.end} {f.kind} {bound}{f.value:g} {f.unit}{per}{rng}")
    return "; ".join(parts)


def describe_expected(expected: Sequence[Expected]) -> str:
    """Expectations in a compact, readable form for failure lists."""
    parts = []
    for e in expected:
        if e.low is not None and e.high is not None:
            number = f"[{e.low:g}..{e.high:g}]"
        else:
            bound = "/".join(sorted(e.bounds)) if e.bounds else ""
            number = f"{bound}{e.value:g}" if e.value is not None else "?"
        where = f" @{e.span[0]}:{e.span[1]}" if e.span and e.surface else ""
        unit = f" {e.unit}" if e.unit else ""
        per = f"/{e.per}" if e.per else ""
        parts.append(f"{number}{unit}{per}{where}")
    return "; ".join(parts)


# --------------------------------------------------------------------------- extractors


def claimkb_extractor(target: str = "claimkb.extract:find_quantities") -> Extractor:
    """``find_quantities`` (or another function with its signature, named
    ``module:function``) with its mentions reduced to ``Found``."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    module_name, _, function_name = target.partition(":")
    find_quantities = getattr(importlib.import_module(module_name), function_name)

    def run(text: str, lang: str) -> list[Found]:
        result = []
        for mention in find_quantities(text, lang):
            q = mention.quantity
            result.append(
                Found(
                    mention.start,
                    mention.end,
                    q.kind,
                    q.value,
                    q.unit,
                    q.low,
                    q.high,
                    q.bound,
                    q.per,
                    q.time,
                )
            )
        return result

    return run


def quantulum_extractor() -> Extractor | None:
    """quantulum3's parser, its output read in claimkb's convention (ranges as low/high,
    units mapped with the same table as its expectations), or None when not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parser = importlib.import_module("quantulum3.parser")
    except ImportError:
        return None

    def run(text: str, lang: str) -> list[Found]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = parser.parse(text)
        return [f for f in (quantulum_found(q) for q in parsed) if f is not None]

    return run


def quantulum_found(quantity: Any) -> Found | None:
    """One quantulum3 Quantity as a ``Found``."""
    name = str(quantity.unit.name)
    unit, per = quantulum_unit(name)
    if unit is None:
        unit = name
    start, end = quantity.span
    value = float(quantity.value)
    low = high = None
    if quantity.uncertainty:
        low, high = value - float(quantity.uncertainty), value + float(quantity.uncertainty)
    kind = (
        "money"
        if Units.is_currency(unit)
        else ("percent" if unit == "percent" else "count" if unit == "dimensionless" else "measure")
    )
    return Found(start, end, kind, value, unit, low, high, "=", per, None)


# --------------------------------------------------------------------------- running


class ExtractorMissing(RuntimeError):
    """The extractor is still a placeholder (raises NotImplementedError)."""


def run_cases(cases: Sequence[Case], extractor: Extractor, units: Units) -> list[Outcome]:
    """Score every in-scope case; an exception inside the extractor fails only that case."""
    outcomes = []
    for case in cases:
        if not case.in_scope:
            continue
        try:
            found = extractor(case.text, case.lang)
        except NotImplementedError as error:
            raise ExtractorMissing(str(error)) from error
        except Exception as error:
            message = shorten(str(error), 160)
            outcomes.append(Outcome(case, False, f"raised {type(error).__name__}: {message}"))
            continue
        outcomes.append(score(case, found, units))
    return outcomes


@dataclass
class Row:
    """One line of the summary table."""

    suite: str
    lang: str
    total: int = 0
    in_scope: int = 0
    passed: int = 0

    @property
    def rate(self) -> float:
        """Share of in-scope cases that pass (1.0 when nothing is in scope)."""
        return self.passed / self.in_scope if self.in_scope else 1.0


def summarize(cases: Sequence[Case], outcomes: Sequence[Outcome]) -> list[Row]:
    """Cases, in-scope cases and passes per suite and language."""
    rows: dict[tuple[str, str], Row] = {}
    for case in cases:
        row = rows.setdefault((case.suite, case.lang), Row(case.suite, case.lang))
        row.total += 1
        row.in_scope += case.in_scope
    for outcome in outcomes:
        rows[(outcome.case.suite, outcome.case.lang)].passed += outcome.passed
    order = {name: i for i, name in enumerate(SUITES)}
    return sorted(rows.values(), key=lambda r: (order[r.suite], r.lang))


def goal(suite: str, lang: str) -> float:
    """The pass rate the test requires for one suite and language."""
    goals: dict[str, Any] = conventions()["goals"]
    specific: dict[str, float] = goals.get(suite, {})
    return float(specific.get(lang, goals["default"]))


# --------------------------------------------------------------------------- reporting


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain-text table with aligned columns."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_summary(rows: Sequence[Row], title: str) -> None:
    """The main table: suite, language, totals and pass rate."""
    print(f"\n{title}\n")
    table = [[r.suite, r.lang, r.total, r.in_scope, r.passed, f"{r.rate:.3f}"] for r in rows]
    total = Row(
        "all",
        "",
        sum(r.total for r in rows),
        sum(r.in_scope for r in rows),
        sum(r.passed for r in rows),
    )
    table.append([total.suite, "", total.total, total.in_scope, total.passed, f"{total.rate:.3f}"])
    print_table(["suite", "lang", "cases", "in scope", "passed", "pass rate"], table)


def print_conventions(cases: Sequence[Case], outcomes: Sequence[Outcome], detail: bool) -> None:
    """Cases scored under claimkb's convention instead of the suite's, grouped by reason."""
    verdict = {id(o.case): o.passed for o in outcomes}
    noted = {id(o.case): o.convention for o in outcomes if o.convention}
    groups: dict[tuple[str, str, str], list[Case]] = defaultdict(list)
    for case in cases:
        reason = case.convention or noted.get(id(case))
        if reason and case.in_scope:
            groups[(case.suite, case.lang, reason)].append(case)
    print("\nConvention differences (scored under claimkb's convention)\n")
    rows = []
    for (suite, lang, reason), members in sorted(groups.items()):
        passed = sum(1 for c in members if verdict.get(id(c)))
        rows.append(
            [suite, lang, len(members), passed, shorten(reason, 70), shorten(members[0].text, 40)]
        )
    print_table(["suite", "lang", "cases", "passed", "reason", "example"], rows)
    if detail:
        print()
        for (suite, lang, reason), members in sorted(groups.items()):
            for case in members:
                mark = "pass" if verdict.get(id(case)) else "FAIL"
                print(
                    f"{mark}  {suite}/{lang}  {case.text!r}\n      suite: {case.original}"
                    f"\n      ours:  {describe_expected(case.expected) or 'nothing'}"
                    f"\n      why:   {reason}"
                )


def print_scope(cases: Sequence[Case]) -> None:
    """How many cases each scope rule took out, per suite."""
    counts: Counter[tuple[str, str]] = Counter()
    for case in cases:
        if not case.in_scope:
            reason = case.scope or "nothing left to check"
            counts[(case.suite, reason.split(":")[0])] += 1
    print("\nOut of scope, by rule\n")
    rows = [[suite, n, shorten(reason, 90)] for (suite, reason), n in sorted(counts.items())]
    print_table(["suite", "cases", "rule or reason"], rows)


def print_failures(outcomes: Sequence[Outcome], limit: int) -> None:
    """The first ``limit`` failures of each suite and language."""
    seen: Counter[tuple[str, str]] = Counter()
    print("\nFailures\n")
    for outcome in outcomes:
        if outcome.passed:
            continue
        case = outcome.case
        bucket = (case.suite, case.lang)
        seen[bucket] += 1
        if seen[bucket] > limit:
            continue
        print(
            f"- {case.suite}/{case.lang} {case.key}\n    text: {case.text!r}\n    {outcome.detail}"
        )
    hidden = {k: n - limit for k, n in seen.items() if n > limit}
    if hidden:
        print("\n(" + ", ".join(f"{s}/{lang}: {n} more" for (s, lang), n in hidden.items()) + ")")


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def report_json(
    cases: Sequence[Case],
    outcomes: Sequence[Outcome],
    rows: Sequence[Row],
    comparison: Comparison | None,
) -> str:
    """Everything as JSON, for tools."""
    verdict = {id(o.case): o for o in outcomes}

    def case_json(case: Case) -> dict[str, Any]:
        outcome = verdict.get(id(case))
        return {
            "suite": case.suite,
            "lang": case.lang,
            "key": case.key,
            "text": case.text,
            "in_scope": case.in_scope,
            "scope": case.scope,
            "convention": case.convention,
            "expected": [
                asdict(e) | {"bounds": sorted(e.bounds) if e.bounds else None}
                for e in case.expected
            ],
            "dropped": case.dropped,
            "passed": None if outcome is None else outcome.passed,
            "detail": None if outcome is None else outcome.detail,
        }

    payload = {
        "summary": [asdict(r) | {"rate": r.rate} for r in rows],
        "quantulum3_comparison": None if comparison is None else asdict(comparison),
        "cases": [case_json(c) for c in cases],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--suite", choices=SUITES, action="append", help="only this suite (repeatable)"
    )
    parser.add_argument("--lang", choices=LANGS, help="only this language")
    parser.add_argument(
        "--failures",
        type=int,
        default=0,
        metavar="N",
        help="list the first N failures per suite and language",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument(
        "--conventions",
        action="store_true",
        help="list every case scored under claimkb's convention",
    )
    parser.add_argument(
        "--scope", action="store_true", help="count the out-of-scope cases per rule"
    )
    parser.add_argument(
        "--extractor",
        default="claimkb.extract:find_quantities",
        metavar="MODULE:FUNCTION",
        help="score another function with find_quantities' signature",
    )
    parser.add_argument(
        "--no-quantulum", action="store_true", help="skip the comparison with quantulum3 itself"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Load, run, print. Exit 0 with a message when the suites are absent."""
    args = parse_args(argv)
    root = suite_root()
    if not root.is_dir():
        print(
            f"No conformance suites at {root} (set {ENV_DIR} to point elsewhere); nothing to score."
        )
        return 0
    cases = [
        c
        for c in load_cases(root, args.suite or SUITES)
        if args.lang is None or c.lang == args.lang
    ]
    units = Units()
    started = time.perf_counter()
    try:
        outcomes = run_cases(cases, claimkb_extractor(args.extractor), units)
    except ExtractorMissing:
        print("claimkb.extract.find_quantities is not implemented yet; showing the scope only.")
        print_summary(summarize(cases, []), "Cases (extractor not run)")
        print_scope(cases)
        return 0
    elapsed = time.perf_counter() - started
    rows = summarize(cases, outcomes)
    comparison = None
    if not args.no_quantulum and any(c.suite == "quantulum3" for c in cases):
        comparison = compare_with_quantulum(root, claimkb_extractor(args.extractor), units)
    if args.json:
        print(report_json(cases, outcomes, rows, comparison))
        return 0
    print_summary(rows, f"claimkb on the peer suites ({elapsed:.1f} s)")
    if comparison is not None:
        print_comparison(comparison)
    print_conventions(cases, outcomes, args.conventions)
    if args.scope:
        print_scope(cases)
    if args.failures:
        print_failures(outcomes, args.failures)
    return 0


@dataclass
class Comparison:
    """claimkb and quantulum3 on quantulum3's in-scope cases, under both conventions."""

    in_scope: int
    in_scope_theirs: int
    claimkb_ours: int
    claimkb_theirs: int
    quantulum_ours: int | None
    quantulum_theirs: int | None


def compare_with_quantulum(root: Path, claimkb: Extractor, units: Units) -> Comparison:
    """Score claimkb and quantulum3 itself on the same English cases with the same matcher,
    once with the expectations in claimkb's convention and once in quantulum3's own."""
    ours = [c for c in load_cases(root, ["quantulum3"]) if c.in_scope]
    theirs = [c for c in load_cases(root, ["quantulum3"], own=True) if c.in_scope]

    def passed(cases: Sequence[Case], extractor: Extractor | None) -> int | None:
        if extractor is None:
            return None
        return sum(o.passed for o in run_cases(cases, extractor, units))

    quantulum = quantulum_extractor()
    return Comparison(
        len(ours),
        len(theirs),
        passed(ours, claimkb) or 0,
        passed(theirs, claimkb) or 0,
        passed(ours, quantulum),
        passed(theirs, quantulum),
    )


def print_comparison(result: Comparison) -> None:
    """The comparison table for the README."""
    print("\nquantulum3's English suite: claimkb against quantulum3 itself (same matcher)\n")

    def cell(n: int | None, total: int) -> str:
        if n is None:
            return "n/a (quantulum3 not installed)"
        return f"{n}/{total} = {n / total:.3f}" if total else "-"

    ours, theirs = result.in_scope, result.in_scope_theirs
    print_table(
        ["extractor", "claimkb's convention", "quantulum3's own convention"],
        [
            ["claimkb", cell(result.claimkb_ours, ours), cell(result.claimkb_theirs, theirs)],
            [
                "quantulum3",
                cell(result.quantulum_ours, ours),
                cell(result.quantulum_theirs, theirs),
            ],
        ],
    )


if __name__ == "__main__":
    sys.exit(main())
