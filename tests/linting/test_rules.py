"""Every rule: documented, with a design that triggers it and one that does not."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from sketch.checking import check
from sketch.errors import Severity
from sketch.linting import REGISTRY, Rule, RuleCrashed, lint_design
from sketch.linting.registry import SECTIONS, FrameworkStep
from tests.helpers.factories import clean_design
from tests.linting.examples import EXAMPLES, STEPS

CODES = [rule.code for rule in REGISTRY]


@pytest.mark.parametrize("code", CODES)
def test_rule_has_examples_docs_and_behaves(code: str) -> None:
    rule = REGISTRY.get(code)
    assert rule is not None
    missing = [title for title in SECTIONS if title not in rule.sections()]
    assert not missing, f"{code} {rule.name}: docstring lacks section(s) {missing}"
    assert rule.summary, f"{code} has no one-line summary"
    assert code in EXAMPLES, (
        f"{code} {rule.name} has no bad/good example in tests/linting/examples/"
    )
    bad, good = (make() for make in EXAMPLES[code])
    for example in (bad, good):  # examples are valid designs, so lint would run on them
        broken = [p for p in check(example) if not p.code.startswith("C1")]
        assert not broken, f"{code} example fails sketch check: {broken}"
    bad_hits = lint_design(bad, [rule])
    assert bad_hits and {f.code for f in bad_hits} == {code}
    assert all(f.path and f.message and f.help for f in bad_hits)
    assert lint_design(good, [rule]) == []


def test_every_example_names_a_rule() -> None:
    assert sorted(set(EXAMPLES) - set(CODES)) == []


def test_each_example_sits_in_the_module_of_its_rules_step() -> None:
    # tests/linting/examples/high_level.py holds the examples of rules/high_level.py's rules.
    for step in STEPS:
        name = step.__name__.rsplit(".", 1)[1]
        homes = {REGISTRY.get(code).check.__module__ for code in step.EXAMPLES}  # type: ignore[union-attr]
        assert homes == {f"sketch.linting.rules.{name}"}, name


def test_the_clean_example_design_is_clean() -> None:
    assert lint_design(clean_design(), list(REGISTRY)) == []


def test_catalogue_covers_every_step_with_stable_codes() -> None:
    assert len(REGISTRY) >= 30
    assert {code[0] for code in CODES} == {"R", "A", "D", "X", "H"}
    names = [rule.name for rule in REGISTRY]
    assert len(set(names)) == len(names)
    assert not any(code.startswith("C") for code in CODES)  # C1xx-C4xx are `sketch check`'s


def test_findings_are_located_at_the_declaring_line() -> None:
    bad = EXAMPLES["A210"][0]()
    [finding] = lint_design(bad, [REGISTRY.get("A210")])  # type: ignore[list-item]
    assert finding.path == "apis[5].auth"
    assert finding.source is not None
    assert finding.source.file.endswith(os.path.join("examples", "entities_apis.py"))
    assert finding.source == bad.apis[5].source


def test_a_rule_yielding_garbage_is_named() -> None:
    def yields_text(ctx: object) -> Iterator[str]:
        """Yields a string."""
        yield "oops"

    broken = Rule("X498", "yields-text", Severity.info, FrameworkStep.deep_dives, "-", yields_text)  # type: ignore[arg-type]
    with pytest.raises(
        RuleCrashed,
        match=r"rule X498 \(yields-text\) crashed: TypeError: "
        "yielded a str, not a Hit",
    ):
        lint_design(clean_design(), [broken])
