"""The extractor against the peer suites in ``../shared/conformance``.

The scoring lives in ``scripts/conformance.py`` (a development script, not a package), so it
is loaded from its file. Each suite and language must reach the in-scope pass rate that
``scripts/conformance_conventions.yaml`` names under ``goals`` (0.90 unless stated). The
suites are not part of the repository: where they are absent the tests skip and say where
they were looked for.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "conformance.py"


def load_script() -> ModuleType:
    """Import ``scripts/conformance.py`` under a private name (dataclasses need it in
    ``sys.modules`` while the module executes)."""
    spec = importlib.util.spec_from_file_location("claimkb_conformance", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


conformance = load_script()
ROOT: Path = conformance.suite_root()
ABSENT = not ROOT.is_dir()

pytestmark = [
    pytest.mark.conformance,
    pytest.mark.skipif(
        ABSENT,
        reason=f"peer suites not found at {ROOT} (set {conformance.ENV_DIR} to their folder)",
    ),
]


def suite_languages() -> list[tuple[str, str]]:
    """The (suite, language) pairs present, read once at collection (no extractor run)."""
    if ABSENT:
        return []
    pairs = {(case.suite, case.lang) for case in conformance.load_cases(ROOT)}
    order = {name: i for i, name in enumerate(conformance.SUITES)}
    return sorted(pairs, key=lambda pair: (order[pair[0]], pair[1]))


@pytest.fixture(scope="module")
def scored() -> dict[tuple[str, str], tuple[Any, list[Any]]]:
    """Every in-scope case run through ``find_quantities`` once, grouped per suite and
    language as (summary row, failed outcomes)."""
    cases = conformance.load_cases(ROOT)
    try:
        outcomes = conformance.run_cases(
            cases, conformance.claimkb_extractor(), conformance.Units()
        )
    except conformance.ExtractorMissing:
        pytest.fail("claimkb.extract.find_quantities is still a placeholder (NotImplementedError)")
    failures: dict[tuple[str, str], list[Any]] = {}
    for outcome in outcomes:
        if not outcome.passed:
            failures.setdefault((outcome.case.suite, outcome.case.lang), []).append(outcome)
    return {
        (row.suite, row.lang): (row, failures.get((row.suite, row.lang), []))
        for row in conformance.summarize(cases, outcomes)
    }


@pytest.mark.parametrize(("suite", "lang"), suite_languages())
def test_in_scope_pass_rate_reaches_goal(
    scored: dict[tuple[str, str], tuple[Any, list[Any]]], suite: str, lang: str
) -> None:
    """The share of in-scope cases that pass is at least the goal for this suite/language."""
    row, failed = scored[(suite, lang)]
    goal = conformance.goal(suite, lang)
    examples = "\n".join(f"  {o.case.key}: {o.case.text!r}\n    {o.detail}" for o in failed[:10])
    assert row.rate >= goal, (
        f"{suite}/{lang}: {row.passed}/{row.in_scope} = {row.rate:.3f} < {goal:.2f}; "
        f"first failures:\n{examples}"
    )


def test_claimkb_beats_quantulum3_on_its_own_english_suite() -> None:
    """On quantulum3's in-scope English cases, scored with the same matcher under claimkb's
    conventions, claimkb passes more cases than quantulum3 itself."""
    pytest.importorskip("quantulum3", reason="quantulum3 (a dev dependency) is not installed")
    result = conformance.compare_with_quantulum(
        ROOT, conformance.claimkb_extractor(), conformance.Units()
    )
    assert result.quantulum_ours is not None
    assert result.claimkb_ours > result.quantulum_ours, (
        f"claimkb {result.claimkb_ours}/{result.in_scope} vs "
        f"quantulum3 {result.quantulum_ours}/{result.in_scope}"
    )
