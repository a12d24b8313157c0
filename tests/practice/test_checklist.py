"""`sketch checklist`: the guide's Final Interview Checklist ticked from the design."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sketch.loading import load_design
from sketch.practice.checklist import Status, checklist
from sketch.rendering.markdown import design_markdown
from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT

DESIGNS = sorted((REPO_ROOT / "designs").glob("*.py"))
WEAK = REPO_ROOT / "tests" / "linting" / "data" / "weak_design.py"

#: What the weak design misses, item by item (it has 3 entities, 5 APIs and a box diagram).
WEAK_UNTICKED = [
    "functional",
    "scale",
    "latency-consistency",
    "numbers",
    "schema",
    "flows",
    "bottlenecks",
    "two-areas",
    "approaches",
    "trade-offs",
    "decisions",
    "numbers-used",
    "clarifying",
]


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_every_gallery_design_ticks_every_item_a_design_can_show(path: Path) -> None:
    result = checklist(load_design(path).design)
    assert [(i.key, i.why) for i in result.unticked] == []
    # Thinking aloud, hints and time are for a drill to judge, never guessed from a file.
    not_judged = [i.key for i in result.items if i.status is Status.not_judged]
    assert not_judged == ["think-aloud", "hints", "time"]
    assert all(i.why for i in result.items)


#: The guide's "Final Interview Checklist" section, quoted so the suite needs nothing outside
#: the checkout (CI has only the repository); the test below keeps the quote current.
GUIDE_CHECKLIST = Path(__file__).parent / "data" / "guide_checklist.md"
GUIDE = REPO_ROOT.parent / "shared" / "framework.md"


def test_the_quoted_checklist_is_the_guides() -> None:
    if not GUIDE.is_file():
        pytest.skip(f"the guide is not beside this checkout ({GUIDE})")
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("## Final Interview Checklist", 1)[1].split("## Practice Drill", 1)[0]
    assert GUIDE_CHECKLIST.read_text(encoding="utf-8") == "## Final Interview Checklist" + section


def test_the_checklist_follows_the_guide_heading_by_heading() -> None:
    section = GUIDE_CHECKLIST.read_text(encoding="utf-8")
    result = checklist(load_design(DESIGNS[0]).design)
    for item in result.items:
        assert f"- [ ] {item.question}" in section, item.question
        assert f"**{item.heading}:**" in section or f"**{item.heading}**" in section


def test_a_weak_design_names_each_unticked_item_with_why_and_a_fix() -> None:
    result = checklist(load_design(WEAK).design)
    assert [i.key for i in result.unticked] == WEAK_UNTICKED
    for item in result.unticked:
        assert item.why and item.fix and item.path, item.key
    assert result.item("flows").why == "1 flow(s): Place an order; the guide walks 2-3"
    assert "Order has no primary key" in result.item("schema").why
    assert result.item("entities").status is Status.ticked


def test_the_command_exits_1_on_an_unticked_item_and_0_when_all_are_ticked(
    sketch: Sketch,
) -> None:
    weak = sketch("checklist", WEAK)
    assert weak.exit_code == 1
    assert "[ ] Walked through 2-3 request flows?" in weak.stdout
    assert "fix: add Flow(name=..., steps=[...])" in weak.stdout
    assert weak.stdout.rstrip().endswith("4 of 17 ticked, 3 not judged from a design file")
    good = sketch("checklist", REPO_ROOT / "designs" / "twitter.py")
    assert good.exit_code == 0, good.output
    assert "[x] Wrote down numbers on board?  14K tweets/s and 1.4M reads/s at peak" in good.stdout


def test_json_and_markdown_say_the_same(sketch: Sketch) -> None:
    data = json.loads(sketch("checklist", WEAK, "--format", "json").stdout)
    assert data["unticked"] == len(WEAK_UNTICKED)
    assert [i["key"] for i in data["items"] if i["status"] == "unticked"] == WEAK_UNTICKED
    markdown = sketch("checklist", WEAK, "--format", "markdown").stdout
    tokens = MarkdownIt("commonmark").parse(markdown)
    items = [t for t in tokens if t.type == "list_item_open" and t.level == 1]
    assert len(items) == len(data["items"])
    assert markdown.count("- [x] ") == data["ticked"]


def test_a_design_that_does_not_load_is_a_usage_error(sketch: Sketch, tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("design = (\n", encoding="utf-8")
    result = sketch("checklist", broken)
    assert result.exit_code == 2
    assert "broken.py" in result.stderr and "Traceback" not in result.output


def test_design_md_and_embed_carry_the_checklist_and_scope_sections(
    sketch: Sketch, tmp_path: Path
) -> None:
    design = load_design(REPO_ROOT / "designs" / "twitter.py").design
    note = design_markdown(design)
    assert "## Interview checklist" in note and "## Scope decisions" in note
    assert "**Nice to have**" in note
    assert "we can extend this with Retweet, Mention" in note
    # Markers run only designs inside the note's project: the design sits beside the note.
    shutil.copy(REPO_ROOT / "designs" / "twitter.py", tmp_path / "twitter.py")
    target = tmp_path / "notes.md"
    target.write_text(
        "# Notes\n\n<!-- sketch: twitter.py checklist -->\n<!-- /sketch -->\n", encoding="utf-8"
    )
    result = sketch("embed", target)
    assert result.exit_code == 0, result.output
    assert "- [x] Defined 3-5 core entities?" in target.read_text(encoding="utf-8")


def test_the_template_s_todo_placeholders_tick_nothing(sketch: Sketch, tmp_path: Path) -> None:
    assert sketch("new", "shop", "--output", tmp_path).exit_code == 0
    result = checklist(load_design(tmp_path / "shop.py").design)
    assert result.ticked == []
    placeholder = result.item("decisions")
    assert placeholder.why == "still the template's placeholder: 'TODO: approach A'"
    assert placeholder.path == "deep_dives[0].decision"
