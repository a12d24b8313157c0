"""The guide's Time Management table: the phases of a 45-minute round and their time boxes."""

from __future__ import annotations

from dataclasses import dataclass

#: The guide's round: "Strict Timing (45-min interview)".
GUIDE_MINUTES = 45.0


@dataclass(frozen=True, slots=True)
class Phase:
    """One row of the Time Management table; minutes are the guide's, for a 45-minute round."""

    key: str
    title: str
    start: float
    end: float | None  # None: the wrap-up runs past the round
    goal: str
    #: The Final Interview Checklist's heading for this phase.
    heading: str

    def window(self, minutes: float) -> tuple[float, float | None]:
        """(start, end) in seconds for a round of `minutes`, scaled from the guide's 45."""
        scale = minutes / GUIDE_MINUTES * 60
        return self.start * scale, None if self.end is None else self.end * scale


PHASES: tuple[Phase, ...] = (
    Phase(
        "requirements",
        "Requirements",
        0,
        7,
        "Functional + non-functional, write down numbers",
        "During requirements (5-7 min)",
    ),
    Phase(
        "entities-and-apis",
        "Entities & APIs",
        7,
        15,
        "3-5 entities, 5-8 APIs",
        "During entities & APIs (5-8 min)",
    ),
    Phase(
        "high-level-design",
        "High-Level Design",
        15,
        27,
        "Draw boxes, explain 2-3 flows",
        "During high-level design (10-12 min)",
    ),
    Phase(
        "deep-dives",
        "Deep Dive",
        27,
        45,
        "Go deep on 2 topics, discuss trade-offs",
        "During deep dive (15-20 min)",
    ),
    Phase("wrap-up", "Wrap-Up", 45, None, "Interviewer Q&A, clarifications", "Wrap-up"),
)
#: The four steps of the framework, in order (the phases a design file shows work on).
STEPS: tuple[Phase, ...] = PHASES[:4]
BY_KEY = {phase.key: phase for phase in PHASES}


def phase_at(elapsed: float, minutes: float) -> Phase:
    """The phase the clock is in after `elapsed` seconds of a `minutes`-minute round."""
    current = PHASES[0]
    for phase in PHASES:
        start, _ = phase.window(minutes)
        if elapsed >= start:
            current = phase
    return current


def clock(seconds: float) -> str:
    """Elapsed time as the report shows it: `07:30`, `45:00`, `1:02:05`."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{text}" if hours else text
