"""A timed practice round, scored from the snapshots of the design saved along the way.

A `Round` is fed the saves in order (`save`) and the clock (`advance`); it infers which step
each save worked on from what it changed, raises the guide's red flags at their times, asks
the interviewer's questions and notes when the design answers them. A live round and a
replay of its timeline feed the same calls in the same order, so they give the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sketch.errors import LoadError, Problem, Severity
from sketch.estimating import Estimates, FigureName, estimate
from sketch.model import Design, Requirements
from sketch.practice.checklist import Checklist, Status, checklist
from sketch.practice.phases import BY_KEY, STEPS, phase_at
from sketch.practice.questions import Seen, answered, raised
from sketch.practice.timeline import Timeline, format_time

#: What each step of the framework writes in a design: a save that changes it works on it.
_STEP_PARTS: dict[str, tuple[str, ...]] = {
    "requirements": ("requirements",),
    "entities-and-apis": ("entities", "deferred_entities", "apis"),
    "high-level-design": ("components", "flows", "links", "bottlenecks"),
    "deep-dives": ("deep_dives",),
}
_ORDER = [step.key for step in STEPS]


@dataclass(frozen=True, slots=True)
class Save:
    """One save of the design file, as the round saw it."""

    number: int
    elapsed: int
    snapshot: str | None  # file name beside the timeline; None when the file was deleted
    step: str | None  # the step inferred as being worked on
    changed: tuple[str, ...]  # the steps whose part of the design changed
    error: str | None = None  # why it does not load, or that the file is gone
    problems: int = 0  # `sketch check` problems
    errors: int = 0  # lint findings of error severity, check problems aside
    warnings: int = 0
    ticked: int = 0
    judged: int = 0

    @property
    def status(self) -> str:
        if self.error:
            return self.error
        return (
            f"check {self.problems} problem(s); lint {self.errors} error(s), "
            f"{self.warnings} warning(s); checklist {self.ticked}/{self.judged}"
        )


@dataclass(frozen=True, slots=True)
class Flag:
    """A red flag of the guide, raised at a time of the round."""

    key: str
    elapsed: int
    message: str


@dataclass
class Question:
    key: str
    text: str
    because: str
    asked_at: int
    answered_at: int | None = None

    @property
    def covered(self) -> bool:
        """The design already answered it when it was asked."""
        return self.answered_at == self.asked_at


@dataclass(frozen=True, slots=True)
class StepTime:
    """The plan against the round for one step: its window, time spent, when first done."""

    key: str
    title: str
    planned: tuple[int, int]
    spent: int
    done_at: int | None


@dataclass(frozen=True)
class Result:
    design: str
    minutes: float
    end: int
    saves: tuple[Save, ...]
    steps: tuple[StepTime, ...]
    flags: tuple[Flag, ...]
    questions: tuple[Question, ...]
    checklist: Checklist | None
    findings: tuple[Problem, ...]


@dataclass
class _State:
    """The last design that loaded, with what was derived from it."""

    design: Design
    findings: list[Problem]
    estimates: Estimates
    checklist: Checklist


@dataclass
class Round:
    """One practice round of `minutes`; feed it `save` and `advance` calls in time order."""

    minutes: float
    saves: list[Save] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    state: _State | None = None
    step: str | None = None
    spent: dict[str, int] = field(default_factory=dict)
    done_at: dict[str, int] = field(default_factory=dict)
    _thresholds_done: set[str] = field(default_factory=set)

    # The clock ------------------------------------------------------------------------------

    def scaled(self, guide_minutes: float) -> int:
        """A time of the guide's 45-minute plan, in seconds of this round."""
        return round(guide_minutes * self.minutes / 45 * 60)

    def phase(self, elapsed: float) -> str:
        return phase_at(elapsed, self.minutes).key

    def advance(self, now: int) -> None:
        """Raise the red flags that are due strictly before `now` (seconds since the start).

        Strictly before: a save recorded at second `now` may still arrive, and it must be
        judged in the same order live and in a replay.
        """
        for key, guide_minutes in (
            ("on-requirements", 15),
            ("no-bottlenecks", 27),
            (
                "no-deep-dive",
                30,
            ),
        ):
            at = self.scaled(guide_minutes)
            if key in self._thresholds_done or at >= now:
                continue
            self._thresholds_done.add(key)
            message = self._due_flag(key, at)
            if message:
                self.flags.append(Flag(key, at, message))

    def _due_flag(self, key: str, at: int) -> str | None:
        design = self.state.design if self.state else None
        if key == "on-requirements" and self.step in (None, "requirements"):
            return (
                f"still on requirements at {format_time(at)}: the plan moves to entities and "
                f"APIs at {format_time(self.scaled(7))}. The guide's red flag: \"Spending 20 "
                'minutes on requirements → Not enough time for deep dive"'
            )
        if key == "no-bottlenecks" and not (design and design.bottlenecks):
            return (
                f"no bottleneck named by {format_time(at)}, as the deep dive starts: "
                '"Glossing over bottlenecks" is mistake 5. Ask: what happens at 10x, what is '
                "slowest, what is the single point of failure?"
            )
        if key == "no-deep-dive" and not (design and design.deep_dives):
            return (
                f"no deep dive started by {format_time(at)}: the plan gives deep dives "
                f"{format_time(self.scaled(27))}-{format_time(self.scaled(45))}"
            )
        return None

    # Saves ----------------------------------------------------------------------------------

    def save(self, elapsed: int, snapshot: str | None, path: Path | None) -> Save:
        """Judge the design saved at `elapsed` (`path`: its snapshot; None: file deleted)."""
        self.advance(elapsed)
        previous = self.saves[-1].elapsed if self.saves else 0
        number = len(self.saves)
        if path is None:
            entry = Save(number, elapsed, None, self.step, (), "the file was deleted")
        else:
            entry = self._judge(number, elapsed, snapshot, path)
        worked_on = entry.step or "requirements"
        self.spent[worked_on] = self.spent.get(worked_on, 0) + elapsed - previous
        self.saves.append(entry)
        return entry

    def _judge(self, number: int, elapsed: int, snapshot: str | None, path: Path) -> Save:
        from sketch.linting import lint
        from sketch.loading import load_design

        try:
            design = load_design(path).design
        except LoadError as exc:
            where = f"{snapshot}:{exc.line}" if exc.line else snapshot
            return Save(number, elapsed, snapshot, self.step, (), f"{where}: {exc.message}")
        # The first save is where the round starts from (the template, or the user's file).
        changed = [] if number == 0 else _changed(self.state.design if self.state else None, design)
        if changed:  # the furthest step it touched: work moves forward through the steps
            self.step = max(changed, key=_ORDER.index)
        findings = lint(design)
        estimates = estimate(design)
        result = checklist(design, findings, estimates)
        self.state = _State(design, findings, estimates, result)
        self._flags_on_save(elapsed, design, estimates)
        self._steps_done(elapsed, result)
        self._questions(elapsed)
        active = [f for f in findings if f.suppressed is None]
        lint_only = [f for f in active if f.rule != "check"]
        return Save(
            number,
            elapsed,
            snapshot,
            self.step,
            tuple(changed),
            None,
            len(active) - len(lint_only),
            sum(f.severity is Severity.error for f in lint_only),
            sum(f.severity is Severity.warning for f in lint_only),
            len(result.ticked),
            len(result.ticked) + len(result.unticked),
        )

    def _flags_on_save(self, elapsed: int, design: Design, estimates: Estimates) -> None:
        raised_keys = {f.key for f in self.flags}
        req = design.requirements
        if (
            "solution-first" not in raised_keys
            and design.components
            and not (req.in_scope or req.scale)
        ):
            self.flags.append(
                Flag(
                    "solution-first",
                    elapsed,
                    'components drawn before any requirement: "Jumping to Solution Without '
                    'Requirements" is mistake 1. First: "Let me first understand what we\'re '
                    'building."',
                )
            )
        moved_on = self.step not in (None, "requirements")
        peak = estimates.figure(FigureName.peak_writes_per_second) or estimates.figure(
            FigureName.peak_reads_per_second
        )
        if "no-numbers" not in raised_keys and moved_on and peak is None:
            self.flags.append(
                Flag(
                    "no-numbers",
                    elapsed,
                    f"moved on to {BY_KEY[self.step or 'requirements'].title.lower()} with no "
                    'peak load worked out: "No Numbers" is mistake 3. Write the numbers down',
                )
            )

    def _steps_done(self, elapsed: int, result: Checklist) -> None:
        for step in STEPS:
            items = [i for i in result.items if i.heading == step.heading]
            if step.key not in self.done_at and all(i.status is Status.ticked for i in items):
                self.done_at[step.key] = elapsed

    def _questions(self, elapsed: int) -> None:
        assert self.state is not None
        seen = Seen(self.state.design, self.state.findings, self.state.estimates)
        for question in self.questions:
            if question.answered_at is None and answered(question.key, seen):
                question.answered_at = elapsed
        # The interviewer waits for a first design, and asks one new question per save.
        if self.phase(elapsed) in ("requirements", "entities-and-apis") and self.step not in (
            "high-level-design",
            "deep-dives",
        ):
            return
        asked = {q.key for q in self.questions}
        for ask in raised(seen):
            if ask.key not in asked:
                question = Question(ask.key, ask.text, ask.because, elapsed)
                if answered(ask.key, seen):
                    question.answered_at = elapsed
                self.questions.append(question)
                return

    # The end --------------------------------------------------------------------------------

    def finish(self, end: int, fallback_name: str) -> Result:
        """The round's result; named after the last design that loaded (else `fallback_name`)."""
        self.advance(end + 1)  # the flags due at the very end count too
        final = self.state
        design_name = final.design.display_title if final else fallback_name
        result = final.checklist if final else None
        if result is not None:
            result = self._judge_communication(result)
        steps = []
        for step in STEPS:
            start, stop = step.window(self.minutes)
            planned = (round(start), round(stop or 0))
            steps.append(
                StepTime(
                    step.key,
                    step.title,
                    planned,
                    self.spent.get(step.key, 0),
                    self.done_at.get(step.key),
                )
            )
        findings = tuple(f for f in (final.findings if final else []) if f.suppressed is None)
        return Result(
            design_name,
            self.minutes,
            end,
            tuple(self.saves),
            tuple(steps),
            tuple(sorted(self.flags, key=lambda f: f.elapsed)),
            tuple(self.questions),
            result,
            findings,
        )

    def _judge_communication(self, result: Checklist) -> Checklist:
        if self.questions:
            missed = [q.text for q in self.questions if q.answered_at is None]
            why = (
                f"{len(self.questions)} asked, each answered in the design"
                if not missed
                else f"not answered in the design: {'; '.join(missed)}"
            )
            fix = None if not missed else "answer each hint: name it as a bottleneck and fix it"
            result = result.judged("hints", not missed, why, fix)
        late = []
        for step in STEPS:
            _, stop = step.window(self.minutes)
            done = self.done_at.get(step.key)
            if done is None or (stop is not None and done > stop):
                shown = "never done" if done is None else f"done at {format_time(done)}"
                late.append(
                    f"{step.title.lower()} {shown} (box ends {format_time(int(stop or 0))})"
                )
        flags = [f.key for f in self.flags]
        ticked = not late and not flags
        why = (
            "every step done inside its time box"
            if ticked
            else "; ".join(late + ([f"red flags: {', '.join(flags)}"] if flags else []))
        )
        return result.judged(
            "time", ticked, why, None if ticked else "follow the plan's boxes: 7/15/27/45 min"
        )


def _changed(before: Design | None, after: Design) -> list[str]:
    """The steps whose part of the design differs between two saves."""
    if before is None:
        return [key for key, parts in _STEP_PARTS.items() if any(_filled(after, p) for p in parts)]
    return [
        key
        for key, parts in _STEP_PARTS.items()
        if any(getattr(before, p) != getattr(after, p) for p in parts)
    ]


def _filled(design: Design, part: str) -> bool:
    if part == "requirements":
        return design.requirements != Requirements()
    return bool(getattr(design, part))


def replay(timeline: Timeline, folder: Path, fallback_name: str) -> Result:
    """Score a round from its timeline: the snapshots in `folder`, in the timeline's order."""
    game = Round(timeline.minutes)
    for entry in timeline.entries:
        path = folder / entry.snapshot if entry.snapshot else None
        game.save(entry.elapsed, entry.snapshot, path)
    end = timeline.end if timeline.end is not None else timeline.entries[-1].elapsed
    return game.finish(end, fallback_name)
