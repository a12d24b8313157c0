"""D313 on small designs of its own: an external called while the user waits counts, the
load balancer of any Elastic Load Balancing type is at its SLA, and the help fits the part
that is weakest."""

from __future__ import annotations

from sketch import Component, Design, Flow, Requirements, Step
from sketch.errors import Problem
from sketch.estimating.spoken import X
from sketch.linting import REGISTRY, lint_design

D313 = [r for r in REGISTRY if r.code == "D313"]


def checkout(lb: str = "AWS NLB", *, charge_async: bool = False) -> Design:
    """A client pays through a managed load balancer and 3 app servers that charge a payment
    provider while the client waits (or, `charge_async`, after answering)."""
    return Design(
        name="shop",
        requirements=Requirements(availability=99.99),
        components=[
            Component(name="client", kind="client"),
            Component(name="lb", kind="load_balancer", technology=lb),
            Component(name="app", kind="service", instances=3),
            Component(name="psp", kind="external", label="Payment provider"),
        ],
        flows=[
            Flow(
                name="Pay",
                steps=[
                    Step(from_="client", to="lb", action="POST /pay", api="POST /pay"),
                    Step(from_="lb", to="app", action="route"),
                    Step(from_="app", to="psp", action="charge", asynchronous=charge_async),
                    Step(from_="app", to="client", action="201"),
                ],
            )
        ],
    )


def findings(design: Design) -> list[Problem]:
    return lint_design(design, D313)


def test_the_payment_provider_is_the_weakest_part_not_the_load_balancer() -> None:
    [finding] = findings(checkout())
    # NLB 99.99% x app (1 - 0.005^3) x the provider at the rule of thumb, 99.9%
    assert "weakest: psp" in finding.message
    assert f"99.99% {X} 99.9999875% {X} 99.9% = 99.89%" in finding.message
    assert finding.help is not None and "second provider" in finding.help
    assert "add instances" not in finding.help  # a provider's service has none to add


def test_a_charge_made_after_the_response_is_not_waited_for() -> None:
    assert findings(checkout(charge_async=True)) == []  # NLB 99.99% meets 99.99%


def test_a_self_run_weakest_part_gets_the_redundancy_help() -> None:
    design = checkout(charge_async=True)
    one_app = [
        c.model_copy(update={"instances": 1}) if c.name == "app" else c for c in design.components
    ]
    [finding] = findings(design.model_copy(update={"components": one_app}))
    assert "weakest: app" in finding.message
    assert finding.help is not None and finding.help.startswith("add instances or replicas")
