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


def svg_inline(design: Design, optimised: bool = False) -> bytes:
    """The SVG as sketch wrote it before icons were embedded once: one inline copy per node,
    of diagrams' own PNG (`optimised`: of sketch's optimised copy)."""
    source = diagram_source(build_scene(design))
    svg = run_dot(source.dot, source.icons, ["svg"])["svg"].decode()
    by_relative = {icon_relative_path(ref): original_icon_file(ref) for ref in ALL_REFS}
    if optimised:
        by_relative = dict(source.icons)

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode(by_relative[match.group(1)].read_bytes()).decode()
        return f'<image xlink:href="data:image/png;base64,{data}"'

    return _IMAGE.sub(inline, svg).encode()


def svg_as_before(design: Design) -> bytes:
    return svg_inline(design)


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


def _screenshots(design: Design, folder: Path, svgs: dict[str, bytes]) -> dict[str, bytes]:
    """Chromium's screenshot of each SVG, in a window that fits the diagram."""
    found = re.search(rb'<svg width="(\d+)pt" height="(\d+)pt"', next(iter(svgs.values())))
    assert found
    size = (int(found[1]) * 4 // 3 + 40, int(found[2]) * 4 // 3 + 40)  # pt -> CSS px
    shots = {}
    for name, svg in svgs.items():
        page, shot = folder / f"{name}.svg", folder / f"{name}.png"
        page.write_bytes(svg)
        browser.screenshot(page, shot, folder / f"profile-{name}", size=size)
        shots[name] = shot.read_bytes()
    return shots


def _pixel_differences(shot: bytes, other: bytes) -> tuple[int, int]:
    if shot == other:  # one encoder, same pixels: no need to decode
        return (0, 0)
    return png.differences(png.decode(shot), png.decode(other))


DESIGNS = {
    "twitter": lambda: example(REPO_ROOT / "designs" / "twitter.py"),
    "repeated icons": repeated_icons,
}


@pytest.mark.parametrize("name", list(DESIGNS))
def test_the_svg_looks_as_before_in_chromium(name: str, tmp_path: Path) -> None:
    design = DESIGNS[name]()
    svgs = {
        "before": svg_as_before(design),
        "optimised": svg_inline(design, optimised=True),
        "now": render_image(design, "svg"),
    }
    shots = _screenshots(design, tmp_path, svgs)
    assert len(svgs["now"]) <= 0.75 * len(svgs["before"])
    # The optimised icons are lossless: pixel for pixel the same picture.
    assert _pixel_differences(shots["optimised"], shots["before"]) == (0, 0)
    # `<use x y>` is a translation where `<image x y>` was a position, and Skia may sample a
    # few edge pixels of an icon one or two levels apart (7 pixels of 1.5 M on twitter, by at
    # most 4/255). Invisible, and bounded here; a change that moved or lost an icon is not.
    count, largest = _pixel_differences(shots["now"], shots["before"])
    assert count <= 100 and largest <= 8, (count, largest)


def test_optimised_copies_keep_the_originals_colour_chunks() -> None:
    """gAMA, cHRM, sRGB and iCCP tell the browser how to show the pixels: without them
    Chromium drew a gamma-tagged icon a level or two of 255 apart."""
    for ref in ALL_REFS:
        original = original_icon_file(ref).read_bytes()
        copy = icon_file(ref).read_bytes()
        assert _colour_chunks(copy) == _colour_chunks(original), ref.qualname


def _colour_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], 8
    while at < len(data):
        length, kind = int.from_bytes(data[at : at + 4], "big"), data[at + 4 : at + 8]
        if kind in (b"iCCP", b"sRGB", b"gAMA", b"cHRM"):
            found.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return found
