"""Practising the interview: the guide's Final Interview Checklist, a timed drill, a talk track.

The guide is as much about the 45 minutes as about the design. This package judges a design
against the guide's checklist (`checklist`), replays or scores a timed practice round
(`drill`), and writes what to say at each step with the design's own numbers (`talk`).

Pure logic: no terminal, no file writes. `sketch.cli.commands` prints and writes; the
rendering layer shows the checklist and talk track in design.md and the HTML page.
"""

from sketch.practice.checklist import Checklist, Item, Status, checklist
from sketch.practice.phases import PHASES, Phase, phase_at

__all__ = [
    "PHASES",
    "Checklist",
    "Item",
    "Phase",
    "Status",
    "checklist",
    "phase_at",
]
