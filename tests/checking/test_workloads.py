"""Workloads at check time: names that point nowhere, rates that disagree, fanouts with
nothing to fan out, and bad numbers refused with a located message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sketch import Flow, Scale, Step, Workload
from sketch.checking import check
from tests.helpers.cli import Sketch
from tests.helpers.factories import small_design


def _with(workloads: list[Workload], flows: list[Flow] | None = None, **scale: Any) -> Any:
    design = small_design()
    return design.model_copy(
        update={
            "requirements": design.requirements.model_copy(
                update={"scale": Scale(workloads=workloads, **scale)}
            ),
            "flows": flows if flows is not None else design.flows,
        }
    )


def _flow(workload: str | None, **step: Any) -> Flow:
    first = small_design().flows[0].steps[0]
    return Flow(name="F", workload=workload, steps=[first.model_copy(update=step)])


def _problems(design: Any) -> list[tuple[str, str, str]]:
    return [(p.code, p.path, p.message) for p in check(design)]


def test_a_flow_naming_an_unknown_workload_gets_a_did_you_mean() -> None:
    design = _with([Workload(name="timeline", per_second=10)], [_flow("timelnie")])
    ((code, path, message),) = _problems(design)
    assert (code, path) == ("C401", "flows[0].workload")
    assert "did you mean 'timeline'?" in message


def test_ratio_of_an_unknown_or_the_same_workload() -> None:
    unknown = _with([Workload(name="read", ratio=10, ratio_of="wrte")], [])
    assert [(c, p) for c, p, _ in _problems(unknown)] == [
        ("C401", "requirements.scale.workloads[0].ratio_of")
    ]
    itself = _with([Workload(name="read", ratio=10, ratio_of="read")], [])
    assert [c for c, _, _ in _problems(itself)] == ["C402"]


def test_a_total_and_a_per_user_rate_that_disagree() -> None:
    agree = Workload(name="post", per_day=400_000_000, per_user_per_day=2)
    disagree = Workload(name="post", per_day=400_000_000, per_user_per_day=5)
    assert _problems(_with([agree], [], dau=200_000_000)) == []
    ((code, path, message),) = _problems(_with([disagree], [], dau=200_000_000))
    assert (code, path) == ("C402", "requirements.scale.workloads[0].per_user_per_day")
    assert "4,630" in message and "1.157e+04" in message


def test_a_monthly_total_agrees_under_either_month_convention() -> None:
    # 10M/month is 4/s over a 2.5M-second month, 3.86/s over 30 days.
    monthly = Workload(name="paste", per_month=10_000_000, per_second=4)
    assert _problems(_with([monthly], [])) == []


def test_a_per_user_rate_without_its_user_count() -> None:
    ((code, path, _),) = _problems(_with([Workload(name="p", per_user_per_day=2, users="mau")], []))
    assert (code, path) == ("C402", "requirements.scale.workloads[0].users")


@pytest.mark.parametrize(
    ("workload", "why"),
    [
        (None, "carries no workload"),
        (Workload(name="w", per_second=1), "is a read"),
        (Workload(name="w", kind="write", per_second=1), "gives no `fanout`"),
    ],
)
def test_a_fanout_without_a_write_to_fan_out(workload: Workload | None, why: str) -> None:
    flow = _flow(workload.name if workload else None, fanout=True)
    ((code, path, message),) = _problems(_with([workload] if workload else [], [flow]))
    assert (code, path) == ("C403", "flows[0].steps[0].fanout")
    assert why in message


def test_an_item_sent_to_an_unknown_store() -> None:
    workload = Workload.model_validate(
        {
            "name": "w",
            "kind": "write",
            "per_second": 1,
            "items": [{"name": "photo", "bytes": 10, "store": "mediaa"}],
        }
    )
    assert [(c, p) for c, p, _ in _problems(_with([workload], []))] == [
        ("C301", "requirements.scale.workloads[0].items[0].store")
    ]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("per_second: -5", "per_second"),
        ("per_second: 0", "per_second"),
        ("per_second: .inf", "per_second"),
        ("per_second: .nan", "per_second"),
        ("per_day: 1e400", "per_day"),
        ("fanout: 0", "fanout"),
    ],
)
def test_bad_rates_are_located_errors(
    sketch: Sketch, tmp_path: Path, line: str, field: str
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "name: d\nrequirements:\n  scale:\n    workloads:\n"
        f"      - name: w\n        kind: write\n        {line}\n",
        encoding="utf-8",
    )
    result = sketch("check", str(path))
    assert result.exit_code == 2, result.output
    assert f"{path.name}:7" in result.output or f"{path}:7" in result.output, result.output
    assert field in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("ratio", ["-0.1", "1.5", ".nan"])
def test_hit_ratios_outside_zero_to_one_are_located_errors(
    sketch: Sketch, tmp_path: Path, ratio: str
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "name: d\ncomponents:\n  - {name: a, kind: service}\n  - {name: c, kind: cache}\n"
        "flows:\n  - name: f\n    steps:\n"
        f"      - {{from: a, to: c, action: GET x, hit_ratio: {ratio}}}\n",
        encoding="utf-8",
    )
    result = sketch("check", str(path))
    assert result.exit_code == 2, result.output
    assert "hit_ratio" in result.output and ":8" in result.output, result.output
    assert "Traceback" not in result.output


def test_step_fanout_accepts_true_or_a_number() -> None:
    step = small_design().flows[0].steps[0]
    assert step.model_copy(update={"fanout": True}).fanout is True
    assert Step.model_validate({"from": "a", "to": "b", "action": "x", "fanout": 200}).fanout == 200
