"""`sketch drill`: rounds replayed from timestamped snapshots, scored against the guide's plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sketch.errors import LoadError
from sketch.model import Design, Requirements
from sketch.practice.drill import Result, replay
from sketch.practice.phases import phase_at
from sketch.practice.timeline import read_timeline
from sketch.rendering.practice import drill_report
from tests.helpers.cli import Sketch
from tests.helpers.golden import Golden
from tests.practice import rounds


def _replayed(folder: Path) -> Result:
    return replay(read_timeline(folder), folder, "twitter")


def test_the_phases_are_the_guide_s_time_table_scaled_to_the_round() -> None:
    at = {t: phase_at(t * 60, 45).key for t in (0, 6.9, 7, 14.9, 15, 27, 44.9, 45, 60)}
    assert at == {
        0: "requirements",
        6.9: "requirements",
        7: "entities-and-apis",
        14.9: "entities-and-apis",
        15: "high-level-design",
        27: "deep-dives",
        44.9: "deep-dives",
        45: "wrap-up",
        60: "wrap-up",
    }
    assert phase_at(20 * 60 / 3, 20).key == "high-level-design"  # 15/45 of a 20-minute round


def test_a_round_on_the_guide_s_plan(tmp_path: Path, golden: Golden) -> None:
    result = _replayed(rounds.write_round(tmp_path / "round", rounds.ON_TIME))
    golden("practice/twitter-on-time.md", drill_report(result))
    done = {s.key: s.done_at for s in result.steps}
    assert done == {
        "requirements": 5 * 60 + 40,
        "entities-and-apis": 13 * 60 + 20,
        "high-level-design": 24 * 60 + 10,
        "deep-dives": 41 * 60,
    }
    assert all(s.done_at is not None and s.done_at <= s.planned[1] for s in result.steps)
    assert [s.step for s in result.saves] == [
        None,
        "requirements",
        "requirements",
        "entities-and-apis",
        "entities-and-apis",
        "high-level-design",
        "high-level-design",
        "high-level-design",
        "high-level-design",
        "deep-dives",
        "deep-dives",
    ]
    assert result.flags == ()
    asked = [(q.key, q.asked_at, q.answered_at) for q in result.questions]
    # 10x once the first design is drawn, answered when a bottleneck names what breaks first
    # (the load model's answer); the celebrity once the flows show the fanout workers
    # (21:30), answered when the hybrid is. Both are in the last bottleneck save.
    assert asked == [("10x", 17 * 60, 26 * 60 + 40), ("celebrity", 21 * 60 + 30, 26 * 60 + 40)]
    assert result.checklist is not None and result.checklist.unticked == []
    assert result.checklist.item("time").why == "every step done inside its time box"


def test_a_slow_round_raises_the_guide_s_red_flags_at_their_times(tmp_path: Path) -> None:
    result = _replayed(rounds.write_round(tmp_path / "round", rounds.SLOW))
    assert [(f.key, f.elapsed) for f in result.flags] == [
        ("on-requirements", 15 * 60),
        ("no-bottlenecks", 27 * 60),
        ("no-deep-dive", 30 * 60),
    ]
    assert "Spending 20 minutes on requirements" in result.flags[0].message
    steps = {s.key: s for s in result.steps}
    assert steps["requirements"].spent == 16 * 60 + 30
    assert steps["deep-dives"].done_at is None
    assert result.checklist is not None
    unticked = [i.key for i in result.checklist.unticked]
    assert unticked == ["two-areas", "time"]
    report = drill_report(result)
    assert "| Requirements | 00:00-07:00 | 16:30 | 16:30 (09:30 late) |" in report
    assert "| Deep Dive | 27:00-45:00 | 04:00 | not done |" in report


def test_flags_scale_with_a_shorter_round(tmp_path: Path) -> None:
    # 15 minutes of 45 is 06:40 of a 20-minute round.
    plan = (("00:00", rounds.start), ("02:00", rounds.scope), ("08:00", rounds.apis))
    folder = rounds.write_round(tmp_path / "round", plan, minutes=20, end="20:00")
    result = _replayed(folder)
    assert (result.flags[0].key, result.flags[0].elapsed) == ("on-requirements", 400)


def test_a_design_drawn_before_its_requirements_is_mistake_1(tmp_path: Path) -> None:
    def boxes_only(d: Design) -> Design:
        return rounds.first_flow(d).model_copy(update={"requirements": Requirements()})

    plan = (("00:00", rounds.start), ("01:00", boxes_only), ("05:00", rounds.first_flow))
    result = _replayed(rounds.write_round(tmp_path / "round", plan, end="06:00"))
    # ... and, having moved past the requirements with no numbers, mistake 3 as well.
    assert [(f.key, f.elapsed) for f in result.flags] == [
        ("solution-first", 60),
        ("no-numbers", 60),
    ]
    assert "Jumping to Solution Without Requirements" in result.flags[0].message


def test_a_file_deleted_or_broken_mid_round_is_reported_and_the_clock_goes_on(
    tmp_path: Path,
) -> None:
    plan = (
        ("00:00", rounds.start),
        ("03:00", rounds.scope),
        ("04:00", "deleted"),
        ("05:00", "from sketch import Design\ndesign = Design(name=\n"),
        ("06:00", rounds.requirements),
    )
    result = _replayed(rounds.write_round(tmp_path / "round", plan, end="08:00"))
    statuses = [s.status for s in result.saves]
    assert statuses[2] == "the file was deleted"
    assert statuses[3].startswith("003-05m00s.py:2: ")
    assert result.saves[3].step == "requirements"  # still the step it was on
    assert result.saves[4].error is None
    assert {s.key: s.spent for s in result.steps}["requirements"] == 6 * 60
    assert result.end == 8 * 60


def test_a_timeline_out_of_order_names_the_line(tmp_path: Path) -> None:
    folder = rounds.write_round(tmp_path / "round", rounds.ON_TIME[:3])
    timeline = folder / "timeline.txt"
    lines = timeline.read_text(encoding="utf-8").splitlines()
    lines[3], lines[4] = lines[4], lines[3]  # 02:30 now comes after 05:40
    timeline.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_timeline(folder)
    assert caught.value.line == 5
    assert "02:30 comes before 05:40 on line 4" in caught.value.message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("5:3 x.json", "is not `MM:SS snapshot-file`"),
        ("01:00 ../x.json", "is not a file name beside the timeline"),
        ("01:00 missing.json", "does not exist"),
    ],
)
def test_a_bad_timeline_line_is_a_load_error(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "timeline.txt").write_text(f"minutes 45\n{line}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_timeline(tmp_path)
    assert message in caught.value.message and caught.value.line == 2


def test_replay_prints_the_report_and_bad_input_exits_2(sketch: Sketch, tmp_path: Path) -> None:
    folder = rounds.write_round(tmp_path / "round" / "snapshots", rounds.ON_TIME)
    result = sketch("drill", "--replay", tmp_path / "round")
    assert result.exit_code == 0, result.output
    assert result.stdout == drill_report(_replayed(folder))
    missing = sketch("drill", "--replay", tmp_path / "nowhere")
    assert missing.exit_code == 2 and "no timeline.txt here" in missing.stderr


def test_a_corrupt_history_is_kept_aside_and_a_fresh_one_started(
    sketch: Sketch, tmp_path: Path
) -> None:
    drills = tmp_path / "drills"
    drills.mkdir()
    (drills / "history.json").write_text("{not json", encoding="utf-8")
    result = sketch("drill", "--history", "--drills", drills)
    assert result.exit_code == 0
    assert "is not a drill history (not JSON" in result.stderr
    assert "kept it as" in result.stderr and "history.json.corrupt-1" in result.stderr
    assert (drills / "history.json.corrupt-1").read_text(encoding="utf-8") == "{not json"
    assert "No drill rounds yet" in result.stdout


def test_history_shows_progress_across_rounds(sketch: Sketch, tmp_path: Path) -> None:
    from sketch.practice import history

    book = history.empty()
    for plan in (rounds.SLOW, rounds.ON_TIME):
        folder = rounds.write_round(tmp_path / f"r{len(book['rounds'])}", plan)
        book = history.add(book, _replayed(folder), folder.name)
    drills = tmp_path / "drills"
    drills.mkdir()
    (drills / "history.json").write_text(history.dump(book), encoding="utf-8")
    shown = [
        re.split(r"\s{2,}", line)
        for line in sketch("drill", "--history", "--drills", drills).stdout.splitlines()
    ]
    assert shown[0] == [
        "Round", "Design", "Min", "Requirements", "Entities & APIs", "High-Level Design",
        "Deep Dive", "Flags", "Findings", "Unticked",
    ]  # fmt: skip
    assert shown[1] == ["1", "Design Twitter", "45", "16:30", "20:00", "29:00", "-", "3", "1", "2"]
    assert shown[2] == [
        "2",
        "Design Twitter",
        "45",
        "05:40",
        "13:20",
        "24:10",
        "41:00",
        "0",
        "0",
        "0",
    ]
    assert json.loads(history.dump(book))["rounds"][1]["round"] == 2


def test_a_round_where_the_design_never_loads_still_reports(tmp_path: Path) -> None:
    plan = (("00:00", "design = (\n"), ("02:00", "deleted"))
    result = _replayed(rounds.write_round(tmp_path / "round", plan, end="03:00"))
    assert result.checklist is None and result.findings == ()
    report = drill_report(result)
    assert "The design never loaded." in report and "No design loaded." in report
    assert "| 1 | 02:00 | (start) |   | the file was deleted | (deleted) |" in report


def test_drill_needs_a_name_or_a_mode(sketch: Sketch) -> None:
    result = sketch("drill")
    assert result.exit_code == 2
    assert "name a design to practise on" in result.stderr
