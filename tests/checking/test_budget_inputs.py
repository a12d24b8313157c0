"""Bad budget inputs: targets out of range, unknown flows, lone parallel steps, decisions of
another deep dive. Each is a located error, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch import DeepDive, LatencyTarget, Requirements, Step
from sketch.checking import check
from sketch.loading import LoadError, load_design
from tests.helpers.factories import approach, clean_design, dive, flows, requirements

HEAD = "from sketch import Design, LatencyTarget, Requirements, Step\n"


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("LatencyTarget(flows=['Read'], ms=-5)", "ms: Input should be greater than 0"),
        ("LatencyTarget(flows=['Read'], ms=float('nan'))", "ms: Input should be a finite number"),
        ("LatencyTarget(flows=['Read'], ms=float('inf'))", "ms: Input should be a finite number"),
        ("LatencyTarget(ms=200)", "say what the target is for"),
        ("Requirements(availability=100.5)", "availability: Input should be less than 100"),
        ("Requirements(availability=-1)", "availability: Input should be greater than 0"),
        ("Requirements(availability=float('nan'))", "availability is NaN"),
        ("Requirements(availability='mostly up')", "neither a percentage (99.99) nor one of"),
        ("Step(from_='a', to='b', action='x', parallel=1)", "a parallel group of 1 member(s)"),
        ("Step(from_='a', to='b', action='x', parallel=True)", "give `parallel` a number"),
    ],
)
def test_out_of_range_budgets_are_located_load_errors(
    tmp_path: Path, text: str, detail: str
) -> None:
    path = tmp_path / "d.py"
    path.write_text(f"{HEAD}\nthing = {text}\ndesign = Design(name='x')\n")
    with pytest.raises(LoadError) as caught:
        load_design(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: ") and detail in message and "Traceback" not in message


def test_availability_in_words_has_a_documented_meaning() -> None:
    assert Requirements(availability="high").availability == 99.9
    assert Requirements(availability="Four nines").availability == 99.99
    assert Requirements(availability="99.95%").availability == 99.95


def test_a_target_naming_an_unknown_flow_says_which_was_meant() -> None:
    target = LatencyTarget(flows=["Read the fed"], ms=200, percentile="p99")
    [problem] = check(clean_design(requirements=requirements(latency=[target])))
    assert (problem.code, problem.path) == ("C307", "requirements.latency[0].flows[0]")
    assert "did you mean 'Read the feed'?" in problem.message
    assert problem.source is not None and problem.source.file == __file__


def test_a_named_parallel_group_of_one_is_located() -> None:
    lone = Step(from_="app", to="db", action="query", parallel="fetch")
    design = clean_design(flows=[*flows()[:1], flows()[1].model_copy(update={"steps": (lone,)})])
    [problem] = check(design)
    assert (problem.code, problem.path) == ("C308", "flows[1].steps[0].parallel")


def test_a_decision_naming_another_dives_approach_is_located() -> None:
    sharding = DeepDive(
        topic="Sharding",
        problem="14K writes/s at peak",
        components=["db"],
        approaches=[approach("By user_id"), approach("By post_id")],
        decision="Read-through",  # an approach of the feed cache dive
    )
    [problem] = check(clean_design(deep_dives=[dive(), sharding]))
    assert (problem.code, problem.path) == ("C309", "deep_dives[1].decision")
    assert "an approach of deep dive 'Feed cache'" in problem.message
    assert "'By user_id', 'By post_id'" in problem.message


def test_a_target_naming_a_flow_not_walked_yet_still_lets_lint_run() -> None:
    from sketch.linting import lint

    target = LatencyTarget(flows=["Get timeline"], ms=200, percentile="p99")
    draft = clean_design(requirements=requirements(latency=[target]), bottlenecks=[])
    codes = {f.code for f in lint(draft)}
    assert {"C307", "D301"} <= codes  # the check problem, and the rules' findings beside it
