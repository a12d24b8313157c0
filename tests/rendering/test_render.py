"""End to end: designs rendered with the real diagrams library and the real Graphviz `dot`."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sketch.loading import LoadedDesign, load_design
from sketch.rendering import RenderError, default_formats, formats, parse_formats, render_design
from tests.helpers.golden import Golden
from tests.rendering import hostile

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
ALL_FILES = ["architecture.dot", "architecture.png", "architecture.svg", "design.md"]


@pytest.fixture(scope="module")
def twitter(repo_root: Path) -> LoadedDesign:
    return load_design(repo_root / "designs" / "twitter.py")


@pytest.fixture(scope="module")
def twitter_out(twitter: LoadedDesign, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render")
    render_design(twitter, out)
    return out / "twitter"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_texts(root: ET.Element) -> str:
    return "\n".join(t.text or "" for t in root.iter(f"{SVG}text"))


def test_writes_every_format_and_the_icons_the_dot_file_uses(twitter_out: Path) -> None:
    names = sorted(p.relative_to(twitter_out).as_posix() for p in twitter_out.rglob("*"))
    icons = [n for n in names if n.startswith("icons/")]
    assert [n for n in names if not n.startswith("icons")] == ALL_FILES
    referenced = re.findall(r'image="([^"]+)"', (twitter_out / "architecture.dot").read_text())
    assert sorted(set(referenced)) == icons
    # users, cloudfront, nginx, server, worker, kafka, redis, postgresql
    assert len(icons) == 8


def test_png_is_a_real_png_of_sensible_size(twitter_out: Path) -> None:
    width, height = png_size((twitter_out / "architecture.png").read_bytes())
    assert 800 < width < 4000
    assert 400 < height < 3000


def test_svg_is_xml_with_every_label_and_embedded_icons(
    twitter: LoadedDesign, twitter_out: Path
) -> None:
    raw = (twitter_out / "architecture.svg").read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    texts = svg_texts(root)
    for component in twitter.design.components:
        for word in component.display_name.split():
            assert word in texts, f"{component.name}: {word!r} missing from the SVG"
    assert "1.4 INSERT INTO tweets" in texts
    images = list(root.iter(f"{SVG}image"))
    assert len(images) == len(twitter.design.components)
    assert all(i.get(XLINK_HREF, "").startswith("data:image/png;base64,") for i in images)
    for forbidden in ("file:", "site-packages", "/usr/", "/tmp", "/root", "/home", "icons/"):
        assert forbidden not in raw


def test_dot_and_markdown_reference_nothing_absolute(twitter_out: Path) -> None:
    for name in ("architecture.dot", "design.md"):
        text = (twitter_out / name).read_text(encoding="utf-8")
        assert "site-packages" not in text
        assert not re.search(r'"/|\(/|file:', text), f"absolute path in {name}"


def test_rendering_twice_gives_identical_bytes(
    twitter: LoadedDesign, twitter_out: Path, tmp_path: Path
) -> None:
    render_design(twitter, tmp_path)
    for name in ALL_FILES:
        assert (tmp_path / "twitter" / name).read_bytes() == (twitter_out / name).read_bytes(), name


def test_twitter_dot_matches_golden(twitter_out: Path, golden: Golden) -> None:
    golden("designs/twitter.dot", (twitter_out / "architecture.dot").read_bytes())


def test_twitter_markdown_matches_golden(twitter_out: Path, golden: Golden) -> None:
    golden("designs/twitter.md", (twitter_out / "design.md").read_bytes())


def test_the_dot_file_renders_on_its_own_from_its_folder(twitter_out: Path) -> None:
    import subprocess

    result = subprocess.run(
        ["dot", "-Tsvg", "architecture.dot"], cwd=twitter_out, capture_output=True, check=True
    )
    assert b"icons/onprem-inmemory-redis.png" in result.stdout
    assert result.stderr == b"", "Graphviz warned (e.g. a label too big for its box)"


def test_hostile_text_renders_literally_and_stays_valid(tmp_path: Path) -> None:
    loaded = load_design(hostile.write(tmp_path))
    render_design(loaded, tmp_path / "out")
    folder = tmp_path / "out" / "hostile"
    root = ET.parse(folder / "architecture.svg").getroot()
    texts = svg_texts(root)
    for fragment in hostile.LABEL_FRAGMENTS:
        assert fragment in texts
    # The edge label's third line: backslashes, `&` and a user-written `&amp;` all literal.
    assert "back\\slash \\N & &amp; `tick`" in texts.splitlines()
    assert "<<b>Title</b>>" in texts and "<script>flow</script>" in texts
    # each node draws its icon with <use>; each distinct icon is embedded once
    assert len(list(root.iter(f"{SVG}use"))) == len(loaded.design.components)
    assert 1 <= len(list(root.iter(f"{SVG}image"))) <= len(loaded.design.components)
    png_size((folder / "architecture.png").read_bytes())
    dot = (folder / "architecture.dot").read_text(encoding="utf-8")
    assert 'label="<<b>App</b>>"' in dot, "an HTML-looking label must be a quoted string"
    assert 'label="<<b>link</b>>"' in dot


def test_hostile_markdown_keeps_tables_and_injects_no_html(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    loaded = load_design(hostile.write(tmp_path))
    render_design(loaded, tmp_path, ["md"])
    text = (tmp_path / "hostile" / "design.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    html = [c.content for t in tokens for c in t.children or [] if c.type == "html_inline"]
    assert set(html) <= {"<br>"}
    assert not [t for t in tokens if t.type == "html_block"]
    rows, cells = 0, 0
    for token in tokens:
        if token.type == "tr_open":
            rows += 1
            if cells:
                assert cells in {2, 4, 5, 6, 7}
            cells = 0
        elif token.type in {"td_open", "th_open"}:
            cells += 1
    assert rows > 10
    assert "![Architecture" not in text, "no SVG rendered, so no picture link"


def test_hostile_openapi_and_sql_stay_valid(tmp_path: Path) -> None:
    from openapi_spec_validator import validate

    loaded = load_design(hostile.write(tmp_path))
    render_design(loaded, tmp_path, ["openapi", "sql"])
    folder = tmp_path / "hostile"
    validate(json.loads((folder / "openapi.json").read_text(encoding="utf-8")))
    # The PostgreSQL script is plain enough for SQLite: every table, quoted names included.
    connection = sqlite3.connect(":memory:")
    connection.executescript((folder / "schema.sql").read_text(encoding="utf-8"))
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {e.table_name for e in loaded.design.entities} <= tables


def test_only_the_formats_asked_for_are_written(twitter: LoadedDesign, tmp_path: Path) -> None:
    written = render_design(twitter, tmp_path, ("svg", "md"))
    assert sorted(p.name for p in written) == ["architecture.svg", "design.md"]
    assert "](architecture.svg)" in (tmp_path / "twitter" / "design.md").read_text()


def test_parse_formats() -> None:
    assert default_formats() == ("png", "svg", "dot", "md")
    assert formats() == (*default_formats(), "html", "mermaid", "flows", "openapi", "sql")
    assert parse_formats(" md , PNG") == ("png", "md")
    assert parse_formats("default") == default_formats()
    assert parse_formats("all") == formats()
    assert parse_formats("md,all") == formats()
    with pytest.raises(RenderError, match=r"unknown format.*pdf"):
        parse_formats("png,pdf")
    with pytest.raises(RenderError, match="no format"):
        parse_formats(",")


def test_a_design_name_that_would_leave_the_output_folder_is_refused(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from tests.helpers.factories import small_design

    # The model refuses it where it is written, so `check` and `render` agree ...
    with pytest.raises(ValidationError, match="names its output folder"):
        small_design(name="../escape")
    # ... and the renderer still refuses one that skipped validation.
    unchecked = small_design().model_copy(update={"name": "../escape"})
    with pytest.raises(RenderError, match="folder name"):
        render_design(unchecked, tmp_path / "out")
    assert not (tmp_path / "escape").exists()
