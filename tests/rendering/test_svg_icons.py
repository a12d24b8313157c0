"""Icons in the self-contained SVG: each embedded once, optimised losslessly, drawn the same.

The screenshots are taken by real headless Chromium and compared pixel by pixel against the
SVG as sketch wrote it before: every node carrying its own base64 copy of diagrams' PNG.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from sketch import Component, Design, Flow, Step
from sketch.rendering.diagram import (
    diagram_source,
    icon_file,
    icon_relative_path,
    original_icon_file,
)
from sketch.rendering.dot import embed_images, run_dot
from sketch.rendering.formats import render_image
from sketch.rendering.icon_data import ICON_FILES, SOURCES_FILE
from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS
from sketch.rendering.scene import build_scene
from tests.helpers import png
from tests.helpers.paths import REPO_ROOT
from tests.rendering import browser
from tests.rendering.helpers import example

ALL_REFS = sorted({*KIND_ICONS.values(), *TECHNOLOGY_ICONS.values()})
_IMAGE = re.compile(r'<image xlink:href="(icons/[^"]+)"')


def repeated_icons() -> Design:
    """Three caches and two databases in one tier: five nodes, two distinct icons."""
    stores = [Component(name=f"cache{i}", kind="cache", technology="Redis") for i in range(3)]
    stores += [Component(name=f"db{i}", kind="database", technology="PostgreSQL") for i in (1, 2)]
    steps = [Step(from_="app", to=store.name, action=f"read {store.name}") for store in stores]
    return Design(
        name="repeated",
        components=[Component(name="app", kind="service"), *stores],
        flows=[Flow(name="Read", steps=steps)],
    )


def svg_as_before(design: Design) -> bytes:
    """The SVG as sketch wrote it before: one inline copy of diagrams' own PNG per node."""
    source = diagram_source(build_scene(design))
    svg = run_dot(source.dot, source.icons, ["svg"])["svg"].decode()
    by_relative = {icon_relative_path(ref): original_icon_file(ref) for ref in ALL_REFS}

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode(by_relative[match.group(1)].read_bytes()).decode()
        return f'<image xlink:href="data:image/png;base64,{data}"'

    return _IMAGE.sub(inline, svg).encode()


def test_each_distinct_icon_is_embedded_once() -> None:
    svg = render_image(repeated_icons(), "svg").decode()
    assert svg.count("data:image/png;base64,") == 3  # service, Redis, PostgreSQL
    assert svg.count("<use ") == 6
    assert '<image xlink:href="icons/' not in svg  # nothing left pointing at a file
    ids = re.findall(r'<image id="([^"]+)"', svg)
    assert sorted(ids) == sorted(set(re.findall(r'<use xlink:href="#([^"]+)"', svg)))


def test_embedding_leaves_other_images_alone(tmp_path: Path) -> None:
    icon = tmp_path / "i.png"
    icon.write_bytes(b"\x89PNG fake")
    svg = (
        b'<svg width="1pt">\n<image xlink:href="icons/i.png" width="9px" x="1" y="2"/>'
        b'<image xlink:href="icons/i.png" width="9px" x="3" y="4"/>'
        b'<image xlink:href="other.png" x="5" y="6"/></svg>'
    )
    result = embed_images(svg, {"icons/i.png": icon}).decode()
    assert result.count(base64.b64encode(b"\x89PNG fake").decode()) == 1
    assert re.findall(r'<use xlink:href="#[^"]+" x="(\d)" y="(\d)"/>', result) == [
        ("1", "2"),
        ("3", "4"),
    ]
    assert '<image xlink:href="other.png" x="5" y="6"/>' in result
    assert result.startswith('<svg width="1pt">\n<defs>')


def test_every_mapped_icon_has_an_optimised_copy_of_the_current_original() -> None:
    recorded = json.loads(SOURCES_FILE.read_text())
    for ref in ALL_REFS:
        name = Path(icon_relative_path(ref)).name
        original = original_icon_file(ref)
        assert recorded.get(name) == hashlib.sha256(original.read_bytes()).hexdigest(), (
            f"{name}: run scripts/optimise_icons.py (diagrams ships a new or changed icon)"
        )
        assert icon_file(ref) == ICON_FILES / name
        assert icon_file(ref).stat().st_size <= original.stat().st_size
    assert sorted(p.name for p in ICON_FILES.glob("*.png")) == sorted(recorded)


@pytest.mark.parametrize("path", sorted(REPO_ROOT.glob("designs/twitter.py")), ids=str)
def test_optimised_copies_have_the_originals_pixels(path: Path) -> None:
    source = diagram_source(build_scene(example(path)))
    by_relative = {icon_relative_path(ref): ref for ref in ALL_REFS}
    for relative, copy in source.icons.items():
        original = png.decode(original_icon_file(by_relative[relative]))
        assert png.same_pixels(png.decode(copy), original), relative


def _screenshots(design: Design, folder: Path) -> tuple[bytes, bytes, bytes, bytes]:
    """The SVG now and as before, and Chromium's screenshot of each (a window that fits)."""
    now, before = render_image(design, "svg"), svg_as_before(design)
    found = re.search(rb'<svg width="(\d+)pt" height="(\d+)pt"', now)
    assert found
    size = (int(found[1]) * 4 // 3 + 40, int(found[2]) * 4 // 3 + 40)  # pt -> CSS px
    shots = []
    for name, svg in (("now", now), ("before", before)):
        page, shot = folder / f"{name}.svg", folder / f"{name}.png"
        page.write_bytes(svg)
        browser.screenshot(page, shot, folder / f"profile-{name}", size=size)
        shots.append(shot.read_bytes())
    return now, before, shots[0], shots[1]


def _pixel_differences(shot: bytes, other: bytes) -> tuple[int, int]:
    if shot == other:  # one encoder, same pixels: no need to decode
        return (0, 0)
    return png.differences(png.decode(shot), png.decode(other))


def test_twitter_looks_the_same_in_chromium_pixel_for_pixel(tmp_path: Path) -> None:
    now, before, shown_now, shown_before = _screenshots(
        example(REPO_ROOT / "designs" / "twitter.py"), tmp_path
    )
    assert len(now) <= 0.75 * len(before)  # its six icons are distinct: optimisation alone
    assert _pixel_differences(shown_now, shown_before) == (0, 0)


def test_repeated_icons_look_the_same_in_chromium_pixel_for_pixel(tmp_path: Path) -> None:
    now, before, shown_now, shown_before = _screenshots(repeated_icons(), tmp_path)
    assert len(now) <= 0.5 * len(before)
    assert _pixel_differences(shown_now, shown_before) == (0, 0)
