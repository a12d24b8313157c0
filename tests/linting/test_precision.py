"""Findings a reviewer would accept: each false positive a rule used to raise, now clean, and
the true positive beside it still found. Also the hygiene rules as a user meets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch import Api, Component, DeepDive, Feature, Flow, Step, Suppression
from sketch.errors import Problem
from sketch.linting import REGISTRY, lint_design
from sketch.model import Design
from tests.helpers.cli import Sketch
from tests.helpers.factories import (
    V1,
    apis,
    approach,
    clean_design,
    components,
    dive,
    flows,
    requirements,
)
from tests.linting.examples.realistic import REALISTIC


def findings(design: Design, code: str) -> list[Problem]:
    rule = REGISTRY.get(code)
    assert rule is not None
    return lint_design(design, [rule])


@pytest.mark.parametrize("code", [rule.code for rule in REGISTRY])
def test_every_rule_leaves_realistic_designs_clean(code: str) -> None:
    examples = REALISTIC[code]
    assert examples, f"{code} has no realistic good example"
    for make in examples:
        design = make()  # clean, or carrying a reasoned suppression
        active = [f for f in findings(design, code) if f.suppressed is None]
        assert active == [], f"{code} on {design.name}"


# A203, A204: only functional scope items need an API (and a key).


@pytest.mark.parametrize(
    ("text", "functional"),
    [
        ("The service has high availability", False),
        ("Highly available: 99.99% uptime", False),
        ("Feeds load in under 200 ms", False),
        ("Low latency for timeline reads", False),
        ("The system must scale to 100M users", False),
        ("Users can post tweets", True),
        ("Users see home timeline quickly", True),
        ("Drivers report their location", True),
        ("Search over posts", True),
    ],
)
def test_scope_items_are_told_apart(text: str, functional: bool) -> None:
    assert Feature(text=text).functional is functional
    declared = "non_functional" if functional else "functional"
    assert Feature(text=text, kind=declared).functional is not functional


def test_a_quality_in_scope_needs_no_api_nor_key() -> None:
    scope = [*requirements().in_scope, "The service has high availability"]
    design = clean_design(requirements=requirements(in_scope=scope))
    assert findings(design, "A204") == []
    keyed = [*requirements().in_scope, Feature(key="ha", text="Highly available (99.99%)")]
    assert findings(clean_design(requirements=requirements(in_scope=keyed)), "A203") == []
    unserved = [*requirements().in_scope, Feature(key="like", text="Users can like posts")]
    assert findings(clean_design(requirements=requirements(in_scope=unserved)), "A203")


# A209: bounded lists and batch gets are not unpaginated lists.


@pytest.mark.parametrize(
    ("api", "flagged"),
    [
        (Api(method="GET", path=f"{V1}/tweets", purpose="Get tweets", query=["ids"]), False),
        (Api(method="GET", path=f"{V1}/tweets:batchGet", purpose="Get tweets"), False),
        (Api(method="GET", path=f"{V1}/users", purpose="Batch get users by id"), False),
        (Api(method="GET", path=f"{V1}/trends", purpose="Top 10 trending hashtags"), False),
        (Api(method="GET", path=f"{V1}/devices", purpose="A user's devices (up to 5)"), False),
        (Api(method="GET", path=f"{V1}/pastes/{{id}}/views", purpose="Count views"), False),
        (Api(method="GET", path=f"{V1}/users/{{id}}/preferences", purpose="Preferences"), False),
        (Api(method="GET", path=f"{V1}/tweets", purpose="All tweets of a user"), True),
    ],
)
def test_bounded_lists_and_batch_gets_need_no_pagination(api: Api, flagged: bool) -> None:
    assert bool(findings(clean_design(apis=apis(api)), "A209")) is flagged


# X408: numbers in words count.


@pytest.mark.parametrize(
    ("problem", "flagged"),
    [
        ("A user with ten million followers causes ten million writes", False),
        ("Hundreds of writes a second hit one shard", False),
        ("Reads double at peak", False),
        ("Celebrities have many followers", True),
    ],
)
def test_numbers_in_words_count(problem: str, flagged: bool) -> None:
    wordy = dive(problem=problem, decision="Read-through", justification="Simple")
    design = clean_design(deep_dives=[wordy, dive("Ids")])
    assert bool(findings(design, "X408")) is flagged


# D310: fanout and hot-key handling in reviewers' words.


def _said(*texts: str) -> Design:
    from sketch import Bottleneck

    return clean_design(
        bottlenecks=[Bottleneck(title="Feeds", problem=t, solution="see above") for t in texts]
    )


def test_fanout_in_other_words_is_recognised() -> None:
    assert findings(_said("We write each post to every follower's feed"), "D310")
    assert findings(_said("Precomputed timelines in Redis"), "D310")


@pytest.mark.parametrize(
    "handling",
    [
        "hot partitions are split",
        "heavy hitters are pulled at read time",
        "accounts with many followers: pull their posts at read time",
        "popular accounts are merged in when the feed is read",
        "influencer posts skip the fanout",
    ],
)
def test_hot_key_handling_in_other_words_is_recognised(handling: str) -> None:
    assert findings(_said("Precomputed timelines in Redis", handling), "D310") == []


def test_a_fanout_step_is_fanout_whatever_the_words() -> None:
    fan = Step(from_="app", to="cache", action="LPUSH feed:{id}", fanout=True)
    post, feed = flows()
    design = clean_design(flows=[post.model_copy(update={"steps": (*post.steps, fan)}), feed])
    [finding] = findings(design, "D310")
    assert finding.path == "flows[0].steps[3]"


# D303: one instance on the request path, stateful or not; managed and off-path are not.


def _with(*extra: Component, **kw: Component) -> list[Component]:
    return components(*extra, **kw)  # type: ignore[arg-type]


def test_one_app_server_is_as_fatal_as_one_database() -> None:
    one_app = [c if c.name != "app" else Component(name="app", kind="service") for c in _with()]
    [finding] = findings(clean_design(components=one_app), "D303")
    assert "service 'app' is a single point of failure" in finding.message
    assert "request path of 'Post a photo', 'Read the feed'" in finding.message


def test_managed_services_and_work_off_the_request_path_are_not() -> None:
    store = Component(name="store", kind="object_store", technology="Amazon S3")
    queue = Component(name="queue", kind="queue", technology="Kafka", instances=3)
    worker = Component(name="worker", kind="worker")
    batch = Component(name="batch", kind="scheduler")
    post, feed = flows()
    post = post.model_copy(
        update={
            "steps": (
                *post.steps,
                Step(from_="app", to="store", action="PUT photo"),
                Step(from_="app", to="queue", action="publish"),
                Step(from_="queue", to="worker", action="consume"),
                Step(from_="worker", to="db", action="UPDATE counters"),
            )
        }
    )
    nightly = Flow(name="Nightly", steps=[Step(from_="batch", to="db", action="VACUUM")])
    design = clean_design(
        components=_with(store, queue, worker, batch), flows=[post, feed, nightly]
    )
    assert findings(design, "D303") == []


def test_no_percentage_needed_and_a_low_target_one_instance_meets_is_respected() -> None:
    single = Component(name="db", kind="database", technology="PostgreSQL")
    unsaid = clean_design(requirements=requirements(availability=None), components=_with(db=single))
    assert findings(unsaid, "D303")
    words = clean_design(
        requirements=requirements(availability="high"), components=_with(db=single)
    )
    assert findings(words, "D303")
    low = clean_design(requirements=requirements(availability=99.0), components=_with(db=single))
    assert findings(low, "D303") == []


# X409: decisions name one of their approaches.


def test_a_decision_names_its_approach_by_name_or_by_its_words() -> None:
    named = DeepDive(
        topic="Delivery",
        problem="10M connections",
        approaches=[
            approach("Long polling"),
            approach("WebSocket gateway tier with a session registry"),
        ],
        decision="WebSocket gateways with a Redis session registry; long polling as fallback",
    )
    assert named.chosen is not None and named.chosen.name.startswith("WebSocket")
    tie = named.model_copy(update={"decision": "Long polling or WebSocket gateway tier"})
    assert tie.chosen is not None  # the name leads: "Long polling"
    blockchain = clean_design(deep_dives=[dive(decision="Use blockchain"), dive("Ids")])
    [finding] = findings(blockchain, "X409")
    assert "names none of its approaches" in finding.message
    assert "'Precompute'" in finding.message and "'Read-through'" in finding.message


# H101, H102: hygiene as a user meets it.


def test_an_unused_suppression_is_reported_with_its_object_and_reason(sketch: Sketch) -> None:
    stale = Suppression(code="D303", reason="managed, multi-AZ")
    db = Component(
        name="db", kind="database", technology="PostgreSQL", replicas=1, suppress=[stale]
    )
    design = clean_design(components=_with(db=db))
    [finding] = findings(design, "H101")
    assert finding.path == "components[3].suppress[0]"
    assert finding.message == "suppression of D303 matched no finding (reason: managed, multi-AZ)"
    # With every rule selected, the used one is not reported.
    used = clean_design(
        components=_with(db=db.model_copy(update={"replicas": 0})),
        suppress=[Suppression(code="D313", reason="RDS Multi-AZ in production")],
    )
    assert [f for f in lint_design(used, list(REGISTRY)) if f.code == "H101"] == []


def test_sketch_new_placeholders_are_findings(sketch: Sketch, tmp_path: Path) -> None:
    import os

    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert sketch("new", "shop").exit_code == 0
        result = sketch("lint", "--select", "H102", "designs/shop.py")
    finally:
        os.chdir(here)
    assert result.exit_code == 0  # the skeleton passes check; its placeholders are warnings
    assert "H102 [warning] placeholder left: 'TODO: users can create an item'" in result.stdout
    assert "at: requirements.in_scope[0].text" in result.stdout


# A208: uncountable nouns are collections already.


@pytest.mark.parametrize(
    ("path", "flagged"), [("media/{media_id}", False), ("user/{user_id}", True)]
)
def test_uncountable_collections_are_not_singular(path: str, flagged: bool) -> None:
    api = Api(method="GET", path=f"{V1}/{path}", purpose="Get one")
    assert bool(findings(clean_design(apis=apis(api)), "A208")) is flagged
