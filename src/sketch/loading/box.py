"""The box a Python design runs in: what it prints is kept, and it cannot end sketch.

A `.py` design is Python, run as any imported script is; sketch does not sandbox it (the
README says so). What the box does guarantee:

- `print()` and writes to `sys.stdout`/`sys.stderr` while the design runs are captured (up to
  `MAX_PRINTED` characters) instead of reaching the terminal or a machine format on stdout;
  they are shown under the message when the design fails to load;
- `sys.stdin` reads as empty, so `input()` fails at its line instead of waiting forever;
- the working folder is restored, so a design's `os.chdir` cannot move sketch's outputs;
- `SystemExit` (and any other exception) becomes a located `LoadError` (see
  `sketch.loading.python`), reported at the deepest frame in the user's own files.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import traceback
import typing
from pathlib import Path
from types import TracebackType

import pydantic

#: What a design may print before the rest is dropped: enough to debug, never unbounded.
MAX_PRINTED = 64 * 1024
#: Lines of captured output shown under a load error.
SHOWN_PRINTED_LINES = 10
#: Longest piece of user text (an exception's message, a printed line) put in a message.
MAX_MESSAGE_CHARS = 300


# Frames inside these folders are not the user's: the standard library, installed packages,
# sketch and pydantic. The deepest frame outside them is where a design went wrong.
@functools.cache
def _library_dirs() -> tuple[str, ...]:
    import sysconfig  # only a failing design pays for it

    paths = sysconfig.get_paths()
    folders = [paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")]
    folders += [str(Path(__file__).resolve().parent.parent), str(Path(pydantic.__file__).parent)]
    return tuple({os.path.abspath(folder) + os.sep for folder in folders})


class _Bounded(io.StringIO):
    """A text sink that keeps the first MAX_PRINTED characters and counts the rest."""

    dropped = 0

    def write(self, text: str) -> int:
        room = MAX_PRINTED - self.tell()
        if room > 0:
            super().write(text[:room])
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def isatty(self) -> bool:
        return False


class DesignBox:
    """`with DesignBox() as box: exec(...)`; then `box.printed` is what the design wrote."""

    def __init__(self) -> None:
        self._sink = _Bounded()
        self._cwd = ""
        self._saved: tuple[typing.TextIO, typing.TextIO, typing.TextIO] | None = None

    def __enter__(self) -> DesignBox:
        self._saved = (sys.stdout, sys.stderr, sys.stdin)
        self._cwd = os.getcwd()
        sys.stdout = sys.stderr = self._sink
        sys.stdin = io.StringIO("")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._saved is not None:
            sys.stdout, sys.stderr, sys.stdin = self._saved
        if os.getcwd() != self._cwd:  # outputs and messages are relative to the user's folder
            os.chdir(self._cwd)

    @property
    def printed(self) -> str:
        text = self._sink.getvalue()
        if self._sink.dropped:
            text += f"\n... and {self._sink.dropped:,} more characters"
        return text


def printed_lines(printed: str) -> list[str]:
    """Message lines showing what a failed design printed, shortened; none if it printed none."""
    lines = printed.strip("\n").splitlines()
    if not lines:
        return []
    shown = [f"| {shorten(line)}" for line in lines[:SHOWN_PRINTED_LINES]]
    if len(lines) > SHOWN_PRINTED_LINES:
        shown.append(f"| ... {len(lines) - SHOWN_PRINTED_LINES} more lines")
    return ["the design printed:", *shown]


def shorten(text: str, width: int = MAX_MESSAGE_CHARS) -> str:
    """`text` cut to `width` characters, saying how much was cut."""
    if len(text) <= width:
        return text
    return f"{text[:width]}... ({len(text) - width:,} more characters)"


def is_user_file(filename: str) -> bool:
    """Whether code in `filename` is the user's: not sketch, pydantic, the stdlib or a package."""
    if not filename or filename.startswith("<"):
        return False
    return not os.path.abspath(filename).startswith(_library_dirs())


def user_frame(exc: BaseException, design: str) -> tuple[str, int] | None:
    """The deepest `(file, line)` of the traceback in the user's own files (the design or a
    helper it imports); a helper's syntax error is at the helper's line."""
    helper_syntax = isinstance(exc, SyntaxError) and exc.filename not in (None, design)
    if helper_syntax and is_user_file(exc.filename) and exc.lineno:  # type: ignore[attr-defined]
        return exc.filename, exc.lineno  # type: ignore[attr-defined]
    found = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if is_user_file(frame.f_code.co_filename):
            found = (frame.f_code.co_filename, line)
    return found
