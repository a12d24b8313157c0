"""`<!-- sketch: DESIGN load -->`: the load table in a user's own note, under the design's
project settings, exactly as design.md shows it."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import Sketch
from tests.helpers.shop import write_shop

NOTE = """\
# My shop

<!-- sketch: shop.py load -->
<!-- /sketch -->

Notes of my own.
"""


def test_the_load_section_embeds_with_the_projects_capacities(
    sketch: Sketch, tmp_path: Path
) -> None:
    write_shop(tmp_path, "[tool.sketch.capacity.database]\nwrites_per_second = 500\n")
    note = tmp_path / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    result = sketch("embed", note)
    assert result.exit_code == 0, result.output
    text = note.read_text(encoding="utf-8")
    assert text.startswith(
        "# My shop\n\n<!-- sketch: shop.py load -->\n\n## Load along the flows\n"
    )
    assert text.endswith("<!-- /sketch -->\n\nNotes of my own.\n")
    assert (
        "**Breaks first** (at today's traffic): app saturates at 0.91x (requests); "
        "db at 2.5x (writes); cache at 50x (requests)"
    ) in text
    assert "| `db` | 200 | 400 | 100 / 100 | — | 1 / 1 | 40% | 2.5x (writes) |" in text
    rendered = sketch("render", tmp_path / "shop.py", "-o", tmp_path / "out", "-f", "md")
    assert rendered.exit_code == 0, rendered.output
    design_md = (tmp_path / "out" / "shop" / "design.md").read_text(encoding="utf-8")
    region = text[text.index("## Load along") : text.index("<!-- /sketch -->")]
    assert region in design_md  # the note and design.md say the same
    assert sketch("embed", "--check", note).exit_code == 0
