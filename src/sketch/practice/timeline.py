"""A drill's timeline: which snapshot of the design was saved when, as a small text file.

    # sketch drill timeline: elapsed time, then a snapshot file beside this one
    minutes 45
    00:00 000-00m00s.py
    06:10 001-06m10s.py
    12:40 deleted
    45:00 end

A live round writes it as it goes; `sketch drill --replay` reads it back, so a round can be
scored again (or made up by hand) without a person at the keyboard. Times never go back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sketch.errors import LoadError

FILE_NAME = "timeline.txt"
HEADER = "# sketch drill timeline: elapsed time, then a snapshot file beside this one"
DELETED, END = "deleted", "end"
#: Makes the error for the current line: (what is wrong, how to fix it) -> LoadError.
_Fail = Callable[[str, str], LoadError]
_TIME = re.compile(r"^(?:(\d+):)?(\d{1,3}):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One line: at `elapsed` seconds, the design was `snapshot` (None: the file was gone)."""

    elapsed: int
    snapshot: str | None


@dataclass(frozen=True)
class Timeline:
    minutes: float
    entries: tuple[Entry, ...]
    end: int | None = None  # when the round stopped; None: at the last entry


def snapshot_name(index: int, elapsed: int, suffix: str) -> str:
    """`003-12m40s.py`: sorts in save order and says when it was saved."""
    return f"{index:03d}-{elapsed // 60:02d}m{elapsed % 60:02d}s{suffix}"


def format_time(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{hours}:{text}" if hours else text


def parse_time(text: str) -> int | None:
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def timeline_text(timeline: Timeline) -> str:
    lines = [HEADER, f"minutes {timeline.minutes:g}"]
    lines += [f"{format_time(e.elapsed)} {e.snapshot or DELETED}" for e in timeline.entries]
    if timeline.end is not None:
        lines.append(f"{format_time(timeline.end)} {END}")
    return "\n".join(lines) + "\n"


def read_timeline(path: Path) -> Timeline:
    """The timeline in `path` (a timeline.txt, or a round folder holding snapshots/timeline.txt).

    Raises `LoadError` at the line that is wrong: a bad time, a time earlier than the line
    before, a snapshot that is not beside the file, or anything after `end`.
    """
    file = find_timeline(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(str(file), None, f"cannot read the timeline: {exc}") from exc
    minutes: float | None = None
    entries: list[Entry] = []
    end: int | None = None
    last: tuple[int, int] | None = None  # (seconds, line) of the previous entry
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue

        def fail(message: str, fix: str, line_number: int = number) -> LoadError:
            return LoadError(str(file), line_number, message, help=fix)

        if end is not None:
            raise fail(f"'{line}' comes after the round's end", "remove it or the end line")
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        if head == "minutes":
            minutes = _minutes(rest, fail)
            continue
        seconds = parse_time(head)
        if seconds is None or not rest:
            raise fail(
                f"'{line}' is not `MM:SS snapshot-file`",
                "write the elapsed time, a space, then the file name (or `deleted`, `end`)",
            )
        if last is not None and seconds < last[0]:
            raise fail(
                f"{head} comes before {format_time(last[0])} on line {last[1]}: "
                "times in a timeline never go back",
                "put the lines in the order they happened (the times are since the start)",
            )
        last = (seconds, number)
        if rest == END:
            end = seconds
        elif rest == DELETED:
            entries.append(Entry(seconds, None))
        else:
            entries.append(Entry(seconds, _beside(file, rest, fail)))
    if minutes is None:
        raise LoadError(str(file), None, "no `minutes N` line", help="add e.g. `minutes 45`")
    if not entries:
        raise LoadError(str(file), None, "no snapshots", help="add `MM:SS file.py` lines")
    return Timeline(minutes, tuple(entries), end)


def find_timeline(path: Path) -> Path:
    """The timeline file `path` names: itself, or the one in a snapshots or round folder."""
    for candidate in (path, path / FILE_NAME, path / "snapshots" / FILE_NAME):
        if candidate.is_file():
            return candidate
    raise LoadError(
        str(path),
        None,
        f"no {FILE_NAME} here",
        help=f"pass a round folder (with snapshots/{FILE_NAME}) or the {FILE_NAME} itself",
    )


def _minutes(text: str, fail: _Fail) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 600:
        raise fail(f"minutes '{text}' is not a number of minutes", "e.g. `minutes 45`")
    return value


def _beside(file: Path, name: str, fail: _Fail) -> str:
    pure = PurePosixPath(name)
    if pure.is_absolute() or len(pure.parts) != 1 or name in (".", ".."):
        raise fail(
            f"snapshot '{name}' is not a file name beside the timeline",
            "snapshots live in the timeline's folder: give the bare file name",
        )
    if not (file.parent / name).is_file():
        raise fail(f"snapshot '{name}' does not exist", "restore it, or remove the line")
    return name
