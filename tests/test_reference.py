"""docs/reference.md is generated from the model and must be current; every field of every
object has a description; docs/recipes.md's blocks build, check and draw."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

import sketch
from sketch.checking import broken_references, check
from sketch.model import Design, Kind
from sketch.model.field_docs import document_fields
from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS
from sketch.rendering.reference import STEPS, icon_files, reference_markdown

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def test_the_committed_reference_is_current() -> None:
    committed = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), (
        "docs/reference.md is stale: run `.venv/bin/python scripts/update-reference`"
    )
    for relative, data in icon_files().items():
        assert (DOCS / relative).read_bytes() == data, f"docs/{relative} is stale"
    committed_icons = {p.name for p in (DOCS / "reference-icons").iterdir()}
    assert committed_icons == {Path(r).name for r in icon_files()}


def _all_models() -> list[type[BaseModel]]:
    return [m for _, models in STEPS for m in models]


def test_every_public_model_is_in_the_reference_and_every_field_is_described() -> None:
    public = {
        name
        for name in sketch.model.__all__
        if isinstance(getattr(sketch.model, name), type)
        and issubclass(getattr(sketch.model, name), BaseModel)
    } - {"Model", "Declared"}  # the bases: their one field shows in every object
    assert public == {m.__name__ for m in _all_models()}
    document_fields(*_all_models())
    for model in _all_models():
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"


def test_the_reference_lists_every_field_kind_and_technology() -> None:
    text = reference_markdown()
    for model in _all_models():
        section = text.split(f"### {model.__name__}\n", 1)[1].split("\n### ", 1)[0]
        for name in model.model_fields:
            assert f"| `{name}`" in section, f"{model.__name__}.{name} missing"
    for kind in Kind:
        assert f"| `{kind.value}` | <img " in text
        assert KIND_ICONS[kind].qualname in text
    for key in TECHNOLOGY_ICONS:
        assert f"`{key}`" in text
    # the defaults a reader needs, said as the model says them
    assert re.search(r"\| `instances` \| `int` \(> 0[^)]*\) \| `1` \|", text)
    assert "| `from_` (data: `from`) |" in text


RECIPE = re.compile(r"^## (?P<title>.+?)\n.*?```python\n(?P<code>.*?)```", re.S | re.M)
RECIPES = [(m["title"], m["code"]) for m in RECIPE.finditer((DOCS / "recipes.md").read_text())]


def test_the_recipes_cover_the_patterns_users_ask_for() -> None:
    titles = " ".join(title.lower() for title, _ in RECIPES)
    for pattern in ("queue", "replica", "shard", "websocket", "cdn", "multi-region", "external"):
        assert pattern in titles


@pytest.mark.parametrize(("title", "code"), RECIPES, ids=[t for t, _ in RECIPES])
def test_a_recipe_builds_checks_and_draws(title: str, code: str) -> None:
    from sketch.rendering.diagram import icon_class
    from sketch.rendering.mermaid import architecture
    from sketch.rendering.scene import build_scene

    namespace: dict[str, object] = {}
    exec("from sketch import *\n" + code, namespace)
    design = Design(
        name="recipe",
        components=namespace["components"],
        flows=namespace["flows"],
        links=namespace.get("links", []),
    )
    assert broken_references(check(design)) == [], title
    scene = build_scene(design)
    for node in scene.nodes:  # every icon, an `icon=` override too, is a real diagrams class
        icon_class(node.icon)
    assert len(scene.edges) == sum(len(f.steps) for f in design.flows) + len(design.links)
    assert architecture(design).startswith("flowchart LR")
