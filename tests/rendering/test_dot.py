"""Running `dot`: one call for every image, clear errors, self-contained SVG."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from sketch.errors import DotError
from sketch.loading import load_design
from sketch.rendering import render_design
from sketch.rendering.dot import embed_images, run_dot


def test_invalid_dot_source_is_a_clear_error() -> None:
    with pytest.raises(DotError, match=r"Graphviz `dot` failed \(exit 1\): .*syntax error"):
        run_dot("digraph { a -> ", {}, ["svg"])


def test_no_image_format_runs_no_dot(
    tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # `dot` would not be found if it were called
    assert run_dot("digraph { a }", {}, ["dot", "md"]) == {}
    written = render_design(
        load_design(repo_root / "designs" / "twitter.py"), tmp_path, ["dot", "md"]
    )
    assert {p.name for p in written} >= {"architecture.dot", "design.md"}
    assert not (tmp_path / "twitter" / "architecture.svg").exists()


def test_one_call_writes_both_images() -> None:
    images = run_dot('digraph { a -> b [label="x"] }', {}, ["png", "svg", "md"])
    assert sorted(images) == ["png", "svg"]
    assert images["png"][:4] == b"\x89PNG"
    assert images["svg"].lstrip().startswith(b"<?xml")


def test_embed_images_inlines_known_icons_only(tmp_path: Path) -> None:
    icon = tmp_path / "i.png"
    icon.write_bytes(b"\x89PNG fake")
    svg = b'<svg><image xlink:href="icons/i.png"/><image xlink:href="other.png"/></svg>'
    result = embed_images(svg, {"icons/i.png": icon}).decode()
    encoded = base64.b64encode(b"\x89PNG fake").decode()
    assert f'xlink:href="data:image/png;base64,{encoded}"' in result
    assert 'xlink:href="other.png"' in result
