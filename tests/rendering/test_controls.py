"""Diagram controls: direction, theme, one view per flow, an icon per component."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch import Component, Design, Flow, Step
from sketch.errors import RenderError
from sketch.loading import load_design
from sketch.rendering.diagram import diagram_source
from sketch.rendering.options import Direction, RenderOptions, Theme
from sketch.rendering.scene import build_scene
from tests.helpers.cli import Sketch


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> Design:
    return load_design(repo_root / "designs" / "twitter.py").design


def test_direction_and_theme_reach_the_dot_source(twitter: Design) -> None:
    plain = diagram_source(build_scene(twitter)).dot
    assert "rankdir=LR" in plain and "#0d1117" not in plain
    options = RenderOptions(direction=Direction.TB, theme=Theme.dark)
    dark = diagram_source(build_scene(twitter, options), options).dot
    assert "rankdir=TB" in dark and 'bgcolor="#0d1117"' in dark


def test_a_flow_view_draws_that_flow_and_the_components_it_walks(twitter: Design) -> None:
    second = twitter.flows[1]
    scene = build_scene(twitter, RenderOptions(flow=2))
    walked = {name for step in second.steps for name in (step.from_, step.to)}
    assert {node.id for node in scene.nodes} == walked
    assert [f.name for f in scene.flows] == [second.name]
    assert len(scene.edges) == len(second.steps)
    assert all(edge.label.startswith("2.") for edge in scene.edges)
    with pytest.raises(RenderError, match="no flow 9"):
        build_scene(twitter, RenderOptions(flow=9))


def test_render_writes_one_svg_per_flow(sketch: Sketch, repo_root: Path, tmp_path: Path) -> None:
    result = sketch(
        "render", repo_root / "designs" / "twitter.py", "-f", "flows", "-o", tmp_path, "-d", "TB"
    )
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "twitter").iterdir())
    assert files == ["architecture-flow-1.svg", "architecture-flow-2.svg"]
    svg = (tmp_path / "twitter" / "architecture-flow-1.svg").read_text(encoding="utf-8")
    assert "Post a tweet" in svg and "Get timeline" not in svg


def _one(icon: str) -> Design:
    return Design(
        name="icons",
        components=[
            Component(name="api", kind="service"),
            Component(name="mail", kind="external", icon=icon),
        ],
        flows=[Flow(name="f", steps=[Step(from_="api", to="mail", action="send")])],
    )


@pytest.mark.parametrize(
    ("icon", "qualname"),
    [
        (
            "diagrams.aws.engagement.SimpleEmailServiceSes",
            "diagrams.aws.engagement.SimpleEmailServiceSes",
        ),
        ("Route 53", "diagrams.aws.network.Route53"),  # a catalogue technology
        ("queue", "diagrams.gcp.analytics.Pubsub"),  # a kind's icon
    ],
)
def test_an_icon_override_picks_the_picture(icon: str, qualname: str) -> None:
    node = next(n for n in build_scene(_one(icon)).nodes if n.id == "mail")
    assert node.icon.qualname == qualname
    assert "icons/" in diagram_source(build_scene(_one(icon))).dot


def test_an_unknown_icon_is_a_render_error_with_the_closest_name(
    sketch: Sketch, tmp_path: Path
) -> None:
    with pytest.raises(RenderError, match="did you mean 'kafka'"):
        build_scene(_one("kafak"))
    with pytest.raises(RenderError, match=r"has no icon class diagrams\.aws\.network\.Nope"):
        diagram_source(build_scene(_one("diagrams.aws.network.Nope")))
    design = tmp_path / "icons.py"
    design.write_text(
        "from sketch import *\n"
        'design = Design(name="icons", components=[Component(name="m", kind="external",'
        ' icon="kafak")])\n',
        encoding="utf-8",
    )
    result = sketch("render", design, "-o", tmp_path / "out", "-f", "svg")
    assert result.exit_code == 2 and "unknown icon 'kafak'" in result.output
    assert "Traceback" not in result.output
