"""Availability along the flows: each composition rule worked by hand, defaults and sources."""

from __future__ import annotations

import runpy
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sketch import Component, Design, Flow, NodeCapacity, Requirements, Step
from sketch.estimating.availability import flow_availability, redundant, serial
from sketch.estimating.uptime import ONE_INSTANCE, managed, uptime_of
from tests.helpers.paths import REPO_ROOT


def design_of(*parts: Component, target: float | None = 99.99, **flow: object) -> Design:
    names = [p.name for p in parts]
    steps = [Step(from_="client", to=names[0], action="GET")] + [
        Step(from_=a, to=b, action="call", **flow) for a, b in pairwise(names)
    ]
    return Design(
        name="t",
        requirements=Requirements(availability=target),
        components=[Component(name="client", kind="client"), *parts],
        flows=[Flow(name="Read", steps=steps)],
    )


def test_one_instance_is_the_instance_level_sla() -> None:
    assert ONE_INSTANCE.percent == 99.5 and "aws.amazon.com/compute/sla" in ONE_INSTANCE.source
    [part] = flow_availability(design_of(Component(name="app", kind="service")), 0).parts
    assert part.single and part.percent == 99.5


def test_redundant_copies_one_minus_the_chance_all_are_down() -> None:
    assert redundant(99.5, 2) == pytest.approx(99.9975)  # 1 - 0.005^2
    assert redundant(99.5, 3) == pytest.approx(99.9999875)  # 1 - 0.005^3
    db = Component(name="db", kind="database", replicas=2)
    [part] = flow_availability(design_of(db), 0).parts
    assert part.copies == 3 and part.failover
    assert "failover to a replica" in part.how()


def test_read_replicas_declared_apart_count_as_copies() -> None:
    db = Component(name="db", kind="database")
    replica = Component(name="db-r", kind="read_replica", replica_of="db")
    design = design_of(db, replica)
    assert flow_availability(design, 0).parts[0].copies == 2


def test_shards_are_not_copies_of_each_other() -> None:
    """32 shards with a replica each: a request needs its own shard, which has 2 copies."""
    db = Component(name="db", kind="database", shards=32, replicas=32)
    [part] = flow_availability(design_of(db), 0).parts
    assert part.copies == 2
    assert part.percent == pytest.approx(99.9975)


def test_serial_parts_multiply() -> None:
    assert serial([99.9, 99.9]) == pytest.approx(99.8001)
    lb = Component(name="lb", kind="load_balancer")
    app = Component(name="app", kind="service")
    flow = flow_availability(design_of(lb, app), 0)
    assert flow.percent == pytest.approx(100 * 0.995**2)  # 99.0025%
    assert flow.under_target and flow.weakest is not None


def test_managed_services_at_their_published_sla() -> None:
    s3 = Component(name="store", kind="object_store", technology="Amazon S3")
    cdn = Component(name="cdn", kind="cdn", technology="CloudFront", instances=4)
    assert managed(s3) and uptime_of(s3).percent == 99.9 and "s3/sla" in uptime_of(s3).source
    assert uptime_of(cdn).percent == 99.9 and "cloudfront/sla" in uptime_of(cdn).source
    flow = flow_availability(design_of(cdn, s3), 0)
    assert [p.copies for p in flow.parts] == [1, 1]  # the provider's redundancy is in the SLA
    assert flow.percent == pytest.approx(99.8001)


def test_defaults_are_overridable() -> None:
    declared = Component(name="db", kind="database", availability=99.95)
    assert uptime_of(declared).percent == 99.95 and "declared" in uptime_of(declared).source
    not_managed = Component(name="q", kind="queue", technology="SQS", managed=False)
    assert not managed(not_managed) and uptime_of(not_managed) == ONE_INSTANCE


def test_scatter_gather_needs_every_shard() -> None:
    db = Component(name="db", kind="database", shards=4, replicas=4)  # one a shard
    app = Component(name="app", kind="service", instances=3)
    flow = flow_availability(design_of(app, db, parallel=4), 0)
    part = flow.parts[1]
    assert part.needed == 4 and part.percent == pytest.approx(100 * (0.999975**4))


def test_compared_at_the_precision_the_target_is_written() -> None:
    elb = Component(name="lb", kind="load_balancer", technology="ALB")
    app = Component(name="app", kind="service", instances=3)
    flow = flow_availability(design_of(elb, app), 0)
    assert flow.percent < 99.99 and not flow.under_target  # 99.98999...% reads as 99.99%


def test_twitter_against_the_guides_99_99() -> None:
    twitter = runpy.run_path(str(REPO_ROOT / "designs" / "twitter.py"))["design"]
    post, timeline = (flow_availability(twitter, i) for i in range(2))
    # Sized for its load (40 load balancers, 2,000 app servers, 32 shards with a replica
    # each): a request needs its own shard, so the tweet store and the timeline cache count
    # 2 copies each (shards are not copies of each other), then the 3 Kafka brokers.
    two, three = 1 - 0.005**2, 1 - 0.005**3
    assert post.percent == pytest.approx(100 * two * two * three, abs=1e-6)
    assert timeline.percent >= post.percent
    for flow in (post, timeline):
        assert not flow.under_target


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 4), st.integers(0, 3)), min_size=1, max_size=5),
    st.integers(0, 4),
)
def test_adding_a_replica_never_lowers_availability(
    copies: list[tuple[int, int]], which: int
) -> None:
    parts = [
        Component(name=f"c{i}", kind="database", instances=n, replicas=r)
        for i, (n, r) in enumerate(copies)
    ]
    before = flow_availability(design_of(*parts), 0).percent
    k = which % len(parts)
    more = parts[k].model_copy(update={"replicas": parts[k].replicas + 1})
    after = flow_availability(design_of(*parts[:k], more, *parts[k + 1 :]), 0).percent
    assert after >= before


def test_every_default_and_its_source_is_in_the_docs() -> None:
    from sketch.estimating.uptime import MANAGED_KINDS, MANAGED_SLAS

    docs = (REPO_ROOT / "docs" / "budgets.md").read_text(encoding="utf-8")
    for uptime in [ONE_INSTANCE, *(u for _, u in MANAGED_SLAS), *MANAGED_KINDS.values()]:
        assert f"| {uptime.percent:g}% | {uptime.source} |" in docs, uptime


def test_an_external_called_on_the_request_path_counts() -> None:
    """A payment provider charged while the user waits is a part the flow needs: at its
    provider's figure, here the labelled rule of thumb for a third party's API."""
    app = Component(name="app", kind="service", instances=3)
    psp = Component(name="psp", kind="external")
    flow = flow_availability(design_of(app, psp), 0)
    assert [p.component for p in flow.parts] == ["app", "psp"]
    weakest = flow.weakest
    assert weakest is not None and weakest.component == "psp"
    assert weakest.percent == 99.9 and "rule of thumb" in weakest.uptime.source
    assert weakest.how().startswith("managed service, taken at 99.9% (rule of thumb")
    assert flow.under_target


def test_the_flows_first_caller_and_asynchronous_hops_are_not_counted() -> None:
    """A webhook from the provider: the provider is the caller, not a part. A hand-off
    marked asynchronous is not waited for, external or not."""
    psp = Component(name="psp", kind="external")
    app = Component(name="app", kind="service", instances=3)
    mailer = Component(name="mail", kind="external", technology="Twilio SendGrid")
    webhook = Design(
        name="t",
        requirements=Requirements(availability=99.99),
        components=[psp, app, mailer],
        flows=[
            Flow(
                name="Webhook",
                steps=[
                    Step(from_="psp", to="app", action="POST /webhooks", api="POST /webhooks"),
                    Step(from_="app", to="mail", action="send receipt", asynchronous=True),
                    Step(from_="app", to="psp", action="200 OK"),
                ],
            )
        ],
    )
    assert [p.component for p in flow_availability(webhook, 0).parts] == ["app"]


def test_named_providers_at_their_published_sla() -> None:
    twilio = Component(name="sms", kind="external", technology="Twilio")
    assert uptime_of(twilio).percent == 99.95
    assert "twilio.com/legal/service-level-agreement" in uptime_of(twilio).source
    declared = Component(name="psp", kind="external", technology="Stripe", availability=99.99)
    assert uptime_of(declared).percent == 99.99  # overridable as every default


@pytest.mark.parametrize(
    "technology",
    ["AWS NLB", "ALB", "ELB", "CLB", "GWLB", "AWS Network Load Balancer", "Gateway Load Balancer"],
)
def test_every_elastic_load_balancer_is_under_the_elb_sla(technology: str) -> None:
    lb = Component(name="lb", kind="load_balancer", technology=technology)
    assert managed(lb)
    assert uptime_of(lb).percent == 99.99
    assert "aws.amazon.com/elasticloadbalancing/sla" in uptime_of(lb).source


def test_every_managed_technology_of_the_capacity_catalogue_has_a_sourced_uptime() -> None:
    """The capacity and uptime tables are kept apart: a managed technology must find its own
    SLA, or be one known to publish none (then the kind's figure or the rule of thumb)."""
    from sketch.estimating.catalogue import TECHNOLOGY_DEFAULTS
    from sketch.estimating.uptime import MANAGED_KINDS
    from sketch.model import Kind

    publish_none = {"apns", "fcm", "stripe", "akamai", "fastly"}
    spelled = {"sqsfifo": "SQS FIFO"}  # a key the catalogue picks from the words
    for key, figures in TECHNOLOGY_DEFAULTS.items():
        if not figures.managed:
            continue
        external = Component(name="x", kind="external", technology=spelled.get(key, key))
        uptime = uptime_of(external)
        named = uptime != MANAGED_KINDS[Kind.external]
        assert named != (key in publish_none), (key, uptime)


def test_a_leaderless_store_has_no_primary_to_fail_over() -> None:
    """Cassandra: every copy of a key takes reads and writes; no failover, no primary."""
    ring = Component(name="db", kind="database", technology="Cassandra", replicas=2)
    [part] = flow_availability(design_of(ring), 0).parts
    assert part.copies == 3 and not part.failover
    assert "failover" not in part.how() and "primary" not in part.how()
    assert "leaderless" in part.how()
    postgres = Component(name="db", kind="database", technology="PostgreSQL", replicas=2)
    assert flow_availability(design_of(postgres), 0).parts[0].failover
    # A ring the design says spreads its writes: no primary either, but not said leaderless
    ring = Component(
        name="db",
        kind="database",
        technology="RocksDB",
        replicas=2,
        capacity=NodeCapacity(distributed_writes=True),
    )
    [part] = flow_availability(design_of(ring), 0).parts
    assert not part.failover and "primary" not in part.how() and "other copies" in part.how()
    told = ring.model_copy(update={"technology": "Cassandra", "capacity": None})
    assert "leaderless" in flow_availability(design_of(told), 0).parts[0].how()
