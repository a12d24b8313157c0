"""The scene: what the diagram shows, decided without Graphviz."""

from __future__ import annotations

from sketch import Component, Flow, Link, Step
from sketch.loading import load_design
from sketch.rendering.scene import (
    FLOW_COLOURS,
    LINK_COLOUR,
    EdgeKind,
    Scene,
    build_scene,
    component_detail,
    step_label,
)
from tests.helpers.factories import small_design
from tests.helpers.paths import REPO_ROOT


def twitter_scene() -> Scene:
    return build_scene(load_design(REPO_ROOT / "designs" / "twitter.py").design)


def test_twitter_steps_are_numbered_coloured_and_classified() -> None:
    scene = twitter_scene()
    steps = [e for e in scene.edges if e.kind is not EdgeKind.link]
    assert [e.label.split()[0] for e in steps] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.6",
        "1.7",
        "1.8",
        "1.9",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
    ]
    assert {e.colour for e in steps[:9]} == {FLOW_COLOURS[0]}
    assert {e.colour for e in steps[9:]} == {FLOW_COLOURS[1]}
    kinds = {e.label.split()[0]: e.kind for e in steps}
    assert kinds["1.3"] is EdgeKind.self_step
    assert kinds["1.7"] is EdgeKind.reply  # app -> client: the client called lb, lb called app
    assert kinds["1.8"] is EdgeKind.call  # the fanout worker consumes from the queue
    assert kinds["2.6"] is EdgeKind.reply
    assert kinds["1.4"] is EdgeKind.call
    assert [f.name for f in scene.flows] == ["Post a tweet", "Get timeline"]


def test_links_are_drawn_grey_with_their_label() -> None:
    links = [e for e in twitter_scene().edges if e.kind is EdgeKind.link]
    assert [(e.source, e.target, e.label, e.colour) for e in links] == [
        ("client", "cdn", "static assets", LINK_COLOUR)
    ]


def test_tiers_keep_declaration_order_and_untiered_nodes_stay_outside() -> None:
    assert [tier for tier, _ in twitter_scene().tiers] == ["Clients", "Edge", "Service", "Data"]
    scene = build_scene(small_design())
    assert scene.tiers == ()
    assert [n.id for n in scene.nodes] == ["client", "app", "db"]


def test_a_call_back_to_a_component_that_was_not_a_caller_is_a_call() -> None:
    flow = Flow(
        name="f",
        steps=[
            Step(from_="client", to="app", action="a"),
            Step(from_="app", to="db", action="b"),
            Step(from_="db", to="app", action="rows"),  # reply: app called db
            Step(from_="app", to="db", action="again"),  # app still a caller of db: a call
        ],
    )
    scene = build_scene(small_design(flows=[flow]))
    assert [e.kind for e in scene.edges] == [
        EdgeKind.call,
        EdgeKind.call,
        EdgeKind.reply,
        EdgeKind.call,
    ]


def test_step_labels_wrap_and_keep_latency_together() -> None:
    step = Step(
        from_="a",
        to="b",
        action="SELECT tweets JOIN follows ... LIMIT 20",
        latency_ms=150,
        condition="cache miss",
    )
    label = step_label("2.4", step)
    assert label.startswith("2.4 SELECT")
    assert all(len(line) <= 28 for line in label.splitlines())
    assert "150\u00a0ms" in label
    assert "cache\u00a0miss" in label


def test_component_detail() -> None:
    assert (
        component_detail(
            Component(name="c", kind="cache", technology="Redis", instances=3, replicas=3)
        )
        == "Redis \u00d73, +3 replicas"
    )
    assert component_detail(Component(name="d", kind="database", shards=4)) == "4 shards"
    assert component_detail(Component(name="s", kind="service")) is None


def test_scene_of_a_design_with_explicit_link_only() -> None:
    design = small_design(flows=[], links=[Link(from_="app", to="db")])
    scene = build_scene(design)
    assert [(e.source, e.target, e.kind) for e in scene.edges] == [("app", "db", EdgeKind.link)]
    assert scene.flows == ()
