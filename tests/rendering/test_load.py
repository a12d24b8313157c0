"""The load table in design.md and the HTML page: exact cells on the hand-worked shop
(tests/helpers/shop.py), the "breaks first" line at 1x, and user text escaped."""

# ruff: noqa: RUF001  (the expected derivations use the multiplication sign)

from __future__ import annotations

from pathlib import Path

import markdown_it

from sketch.estimating import route_load
from sketch.loading import load_design
from sketch.model import Design
from sketch.rendering.escape import html as escape
from sketch.rendering.html import render_html
from sketch.rendering.load import LOAD_HEADER, load_html, load_markdown
from sketch.rendering.markdown import design_markdown
from tests.helpers.shop import SHOP_LINE, write_shop

SHOP_ROWS = [
    ["app", "1,100", "2,200", "1,000 / 100", "—", "2 / 3", "110%", "0.91x (requests)"],
    ["cache", "1,000", "2,000", "1,000 / 0", "—", "1 / 1", "2%", "50x (requests)"],
    ["db", "200", "400", "100 / 100", "—", "1 / 1", "20%", "5x (writes)"],
]


def _shop(tmp_path: Path, source_change: tuple[str, str] | None = None) -> Design:
    path = write_shop(tmp_path)
    if source_change:
        path.write_text(path.read_text().replace(*source_change), encoding="utf-8")
    return load_design(path).design


def _tables(text: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, as a GFM parser reads them (code spans unwrapped)."""
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and tables[-1] and token.level > 3:
            tables[-1][-1].append(token.content.strip("`"))
    return tables


def test_design_md_has_the_table_and_the_breaks_first_line(tmp_path: Path) -> None:
    note = design_markdown(_shop(tmp_path))
    assert "\n## Load along the flows\n" in note
    assert f"\n**Breaks first** (at today's traffic): {SHOP_LINE}\n" in note
    [table] = _tables(note[note.index("## Load along") : note.index("## Architecture")])
    assert table[0] == list(LOAD_HEADER)
    assert table[1:] == SHOP_ROWS  # the client carries nothing and is left out
    # Before the architecture, after the estimates: the numbers, then where they land.
    assert note.index("## Back-of-the-envelope") < note.index("## Load along")


def test_the_derivation_follows_the_table(tmp_path: Path) -> None:
    text = load_markdown(route_load(_shop(tmp_path)))
    found = text[text.index("### How the load was found") :]
    assert "**`db`**\n\n- Browse, step 3 (SELECT product): 1,000/s × 10% (misses at a 90% " in found
    assert "- writes: 200/s against 1 node × 1,000/s = 1,000/s (20%); needs 1\n" in found


def test_a_flow_tied_to_no_workload_is_said_not_estimated(tmp_path: Path) -> None:
    design = _shop(tmp_path, ('workload="order",', ""))
    text = load_markdown(route_load(design))
    assert "### Not estimated" in text
    assert "- flow 'Order' (flows\\[1\\]): tie it to one of the workloads" in text


def test_a_design_without_traffic_says_so(tmp_path: Path) -> None:
    shop = _shop(tmp_path)
    design = shop.model_copy(
        update={"requirements": shop.requirements.model_copy(update={"scale": None})}
    )
    text = load_markdown(route_load(design))
    assert "no load: the design states no traffic (requirements.scale)" in text
    assert "| Component |" not in text


def test_user_text_in_the_derivation_is_escaped(tmp_path: Path) -> None:
    hostile = "<script>x</script> | *bold* [link](http://e) `code` &amp;"
    design = _shop(tmp_path, ('name="Order"', f"name={hostile!r}"))
    text = load_markdown(route_load(design))
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in rendered and "<em>bold" not in rendered and "<a " not in rendered
    assert "&lt;script&gt;x&lt;/script&gt; | *bold* [link](http://e) `code` &amp;amp;" in rendered
    page = load_html(route_load(design))
    assert "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt; | *bold* [link](http://e) `code` &amp;amp;" in page
    assert all(len(row) == len(LOAD_HEADER) for table in _tables(text) for row in table)


def test_the_page_has_one_self_contained_load_section(tmp_path: Path) -> None:
    page = render_html(_shop(tmp_path), None)
    assert page.count('<section id="load" class="load">') == 1
    section = page[page.index('<section id="load"') :]
    section = section[: section.index("</section>") + len("</section>")]
    assert section.count("<section") == 1  # nothing nested, nothing else inside
    line = escape(f"(at today's traffic): {SHOP_LINE}")
    assert f"<strong>Breaks first</strong> {line}" in section
    assert (
        "<tr><td><code>app</code></td><td>1,100</td><td>2,200</td><td>1,000 / 100</td>" in section
    )
    assert "<td>110%</td><td>0.91x (requests)</td></tr>" in section
    # After the estimates, before the architecture, as in design.md.
    assert (
        page.index("<h2>Estimates</h2>")
        < page.index('id="load"')
        < page.index("<h2>Architecture</h2>")
    )
