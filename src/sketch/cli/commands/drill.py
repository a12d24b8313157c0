"""`sketch drill NAME`: a timed practice round in the terminal, scored at every save.

The user edits the design in their own editor; each save is copied into the round's folder
with the time it was seen (`snapshots/timeline.txt`), judged, and the screen shows the
clock, the phase and its time box, the step being worked on, the status, the red flags and
the interviewer's latest question. At the end (time up or Ctrl-C) the report is built by
replaying that timeline, which is exactly what `sketch drill --replay` does, so the two
always agree.
"""

from __future__ import annotations

import hashlib
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import display_path, error
from sketch.cli.terminal import terminal_safe
from sketch.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from sketch.practice.drill import Result, Round
    from sketch.practice.timeline import Entry

HISTORY_FILE = "history.json"
_CLEAR = "\x1b[H\x1b[2J"


@command
def drill(
    name: Annotated[
        str | None,
        typer.Argument(help="A design file to practise on, or a name for a new one."),
    ] = None,
    minutes: Annotated[
        float, typer.Option("--minutes", "-m", min=0.2, max=600, help="Length of the round.")
    ] = 45,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for a new design file.")
    ] = Path("designs"),
    drills: Annotated[
        Path, typer.Option("--drills", help="Folder for rounds and the history.")
    ] = Path("drills"),
    replay: Annotated[
        Path | None,
        typer.Option("--replay", help="Score a round folder (or timeline.txt) again."),
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="Show progress across the rounds so far.")
    ] = False,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Seconds between checks for saves.")
    ] = 0.5,
) -> ExitCode:
    """Practise the 45 minutes: the clock, the phase, live status at every save, red flags
    and interviewer questions; a report at the end and a history across rounds.

    Edit the design in your own editor and save as you go. Ctrl-C ends the round early.
    `--replay ROUND` scores a saved round again and prints its report; `--history` shows
    your progress.
    """
    if history:
        from sketch.practice.history import progress_text

        typer.echo(terminal_safe(progress_text(_read_history(drills))), nl=False)
        return ExitCode.OK
    if replay is not None:
        typer.echo(terminal_safe(_replayed(replay)), nl=False)
        return ExitCode.OK
    if name is None:
        raise UsageError("name a design to practise on", "e.g. `sketch drill twitter`")
    path = _design_file(name, output)
    folder = _next_round(drills, path.stem)
    sys.dont_write_bytecode = True  # a snapshot saved within a second must not run stale
    # `kill` (SIGTERM) ends the round as Ctrl-C does: the report and history are still written.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        result = _live(path, minutes, folder, interval)
    finally:
        signal.signal(signal.SIGTERM, previous)
    _finish(result, folder, drills)
    return ExitCode.OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _replayed(where: Path) -> str:
    from sketch.practice.drill import replay
    from sketch.practice.timeline import find_timeline, read_timeline
    from sketch.rendering.practice import drill_report

    timeline = read_timeline(where)
    folder = find_timeline(where).parent
    return drill_report(replay(timeline, folder, where.resolve().name))


def _design_file(name: str, output: Path) -> Path:
    """An existing design file, or a new one from the template (as `sketch new` writes it)."""
    from sketch.rendering.files import write_text_atomic
    from sketch.rendering.skeleton import scaffold

    given = Path(name)
    if given.suffix and given.is_file():
        return given
    if given.suffix:
        raise UsageError(f"{display_path(given)}: no such file", "name an existing design file")
    target = output / f"{name}.py"
    if target.is_file():
        return target
    write_text_atomic(target, scaffold(name, Path(display_path(target))))
    typer.echo(f"wrote {display_path(target)} from the template")
    return target


def _next_round(drills: Path, stem: str) -> Path:
    base = drills / stem
    taken = [
        int(p.name.removeprefix("round-")) for p in base.glob("round-*") if p.name[6:].isdigit()
    ]
    return base / f"round-{max(taken, default=0) + 1}"


class _Live:
    """The live round: copies each save into the round folder and feeds the `Round`."""

    def __init__(self, path: Path, minutes: float, folder: Path) -> None:
        from sketch.practice.drill import Round

        self.path = path
        self.minutes = minutes
        self.snapshots = folder / "snapshots"
        self.round: Round = Round(minutes)
        self.entries: list[Entry] = []
        self.digest: str | None = "(not read yet)"

    def poll(self, elapsed: int) -> bool:
        """Record a save when the file changed (or vanished) since the last look."""
        try:
            data: bytes | None = self.path.read_bytes()
        except FileNotFoundError:
            data = None
        digest = hashlib.sha256(data).hexdigest() if data is not None else None
        if digest == self.digest:
            return False
        self.digest = digest
        self._record(elapsed, data)
        return True

    def _record(self, elapsed: int, data: bytes | None) -> None:
        from sketch.practice.timeline import Entry, snapshot_name
        from sketch.rendering.files import write_bytes_atomic

        if data is None:
            self.entries.append(Entry(elapsed, None))
            self.round.save(elapsed, None, None)
        else:
            name = snapshot_name(len(self.entries), elapsed, self.path.suffix)
            write_bytes_atomic(self.snapshots / name, data)
            self.entries.append(Entry(elapsed, name))
            self.round.save(elapsed, name, self.snapshots / name)
        self.write_timeline(None)

    def write_timeline(self, end: int | None) -> None:
        from sketch.practice.timeline import FILE_NAME, Timeline, timeline_text
        from sketch.rendering.files import write_text_atomic

        text = timeline_text(Timeline(self.minutes, tuple(self.entries), end))
        write_text_atomic(self.snapshots / FILE_NAME, text)


def _live(
    path: Path,
    minutes: float,
    folder: Path,
    interval: float,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Result:
    from sketch.practice.drill import replay
    from sketch.practice.timeline import read_timeline

    live = _Live(path, minutes, folder)
    start = clock()
    limit = round(minutes * 60)
    live.poll(0)
    shown = ""
    elapsed = 0
    # A terminal is redrawn each second; a pipe or log gets the screen only when something
    # other than the clock changes, so it stays readable.
    terminal = sys.stdout.isatty()
    try:
        while True:
            elapsed = min(int(clock() - start), limit)
            if elapsed >= limit:
                break
            live.poll(elapsed)
            live.round.advance(elapsed)
            screen = _screen(live, elapsed)
            news = screen if terminal else screen.split("\n", 1)[1]
            if news != shown:
                shown = terminal_safe(screen)  # the design's text, never escape sequences
                typer.echo(_CLEAR + shown if terminal else shown, nl=False)
                shown = news
            sleep(interval)
    except KeyboardInterrupt:
        elapsed = min(int(clock() - start), limit)
    live.write_timeline(elapsed)
    return replay(read_timeline(live.snapshots), live.snapshots, path.stem)


def _screen(live: _Live, elapsed: int) -> str:
    from sketch.practice.phases import BY_KEY, phase_at
    from sketch.practice.timeline import format_time

    game = live.round
    phase = phase_at(elapsed, live.minutes)
    start, end = phase.window(live.minutes)
    box = f"{format_time(round(start))}-{format_time(round(end))}" if end else "past the end"
    step = BY_KEY[game.step].title if game.step else "(not started)"
    last = game.saves[-1] if game.saves else None
    lines = [
        f"sketch drill: {display_path(live.path)}   {format_time(elapsed)} / "
        f"{format_time(round(live.minutes * 60))}",
        f"phase: {phase.title} ({box}): {phase.goal}",
        f"working on: {step}",
        f"status: {last.status if last else 'waiting for the first save'}",
    ]
    lines += [f"red flag {format_time(f.elapsed)}: {f.message}" for f in game.flags]
    open_questions = [q for q in game.questions if q.answered_at is None]
    if open_questions:
        lines.append(f"interviewer: {open_questions[-1].text}")
    lines.append("save the file to update; Ctrl-C ends the round")
    return "\n".join(_plain(line) for line in lines) + "\n"


def _plain(text: str) -> str:
    """User text (file names, error messages) without control characters for the terminal."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def _finish(result: Result, folder: Path, drills: Path) -> None:
    from sketch.practice import history
    from sketch.rendering.files import write_text_atomic
    from sketch.rendering.practice import drill_report

    report = folder / "report.md"
    write_text_atomic(report, drill_report(result))
    relative = folder.relative_to(drills).as_posix() if folder.is_relative_to(drills) else ""
    updated = history.add(_read_history(drills), result, relative)
    write_text_atomic(drills / HISTORY_FILE, history.dump(updated))
    typer.echo(f"round over at {_elapsed(result)}: report in {display_path(report)}")
    if result.checklist:
        typer.echo(f"checklist: {result.checklist.summary}; red flags: {len(result.flags)}")


def _elapsed(result: Result) -> str:
    from sketch.practice.timeline import format_time

    return format_time(result.end)


def _read_history(drills: Path) -> dict[str, object]:
    """The history, or a fresh one; a corrupt file is kept aside (never lost) and named."""
    from sketch.practice import history

    path = drills / HISTORY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return history.empty()
    except (OSError, UnicodeDecodeError) as exc:
        text = f"(unreadable: {exc})"
    try:
        return history.parse(text)
    except history.HistoryError as exc:
        kept = _aside(path)
        error(
            f"{display_path(path)} is not a drill history ({exc.message}); "
            f"kept it as {display_path(kept)} and started a fresh one",
            "nothing was lost: the old file is beside the new one",
        )
        return history.empty()


def _aside(path: Path) -> Path:
    number = 1
    while (kept := path.with_name(f"{path.name}.corrupt-{number}")).exists():
        number += 1
    path.rename(kept)
    return kept
