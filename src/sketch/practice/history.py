"""The drill history: one summary per round, so progress shows across rounds.

The guide: "After 10 practice rounds using this framework, it becomes automatic." The file is
JSON; a file that cannot be read as a history raises `HistoryError`, and the caller keeps
it aside and starts a fresh one, so a broken file never loses a round or stops a drill.
"""

from __future__ import annotations

import json
from typing import Any

from sketch.errors import SketchError
from sketch.practice.drill import Result
from sketch.practice.phases import STEPS
from sketch.practice.timeline import format_time

FORMAT = "sketch-drill-history"
VERSION = 1


class HistoryError(SketchError):
    """A history file that is not a drill history."""


def empty() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "rounds": []}


def parse(text: str) -> dict[str, Any]:
    """The history in `text`; `HistoryError` saying what is wrong with it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HistoryError(f"not JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise HistoryError(f'not a drill history (no "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise HistoryError(f"history version {data.get('version')!r}; this sketch reads {VERSION}")
    rounds = data.get("rounds")
    if not isinstance(rounds, list) or not all(_is_round(r) for r in rounds):
        raise HistoryError('"rounds" is not a list of rounds')
    return data


def _is_round(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("round"), int)
        and isinstance(value.get("done_at"), dict)
    )


def dump(history: dict[str, Any]) -> str:
    return json.dumps(history, indent=2, ensure_ascii=False) + "\n"


def summary(result: Result, number: int, folder: str) -> dict[str, Any]:
    """What the history keeps of a round."""
    return {
        "round": number,
        "design": result.design,
        "minutes": result.minutes,
        "ended": result.end,
        "done_at": {step.key: step.done_at for step in result.steps},
        "red_flags": [flag.key for flag in result.flags],
        "findings_left": len(result.findings),
        "unticked": len(result.checklist.unticked) if result.checklist else None,
        "folder": folder,
    }


def add(history: dict[str, Any], result: Result, folder: str) -> dict[str, Any]:
    number = max((r["round"] for r in history["rounds"]), default=0) + 1
    return {**history, "rounds": [*history["rounds"], summary(result, number, folder)]}


def progress_text(history: dict[str, Any]) -> str:
    """Time to finish each step and findings left, one line per round."""
    rounds = history["rounds"]
    if not rounds:
        return "No drill rounds yet: `sketch drill NAME` starts one.\n"
    header = ["Round", "Design", "Min", *(s.title for s in STEPS), "Flags", "Findings", "Unticked"]
    rows = [
        [
            str(r["round"]),
            str(r.get("design", "")),
            f"{r.get('minutes', 0):g}",
            *(_done(r["done_at"].get(s.key)) for s in STEPS),
            str(len(r.get("red_flags", []))),
            str(r.get("findings_left", "")),
            "" if r.get("unticked") is None else str(r["unticked"]),
        ]
        for r in rounds
    ]
    widths = [max(len(x) for x in column) for column in zip(header, *rows, strict=True)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def _done(value: object) -> str:
    return format_time(value) if isinstance(value, int) else "-"
