"""`sketch watch FILE`: re-render a design whenever it, or a local module it imports, changes.

Polling (no extra dependency, works on every file system and in containers): each cycle
hashes the watched files, so a save that changes nothing does not re-render, and a change
within the file system's mtime resolution is never missed.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sketch.cli.application import command
from sketch.cli.output import console, display_path, problem_text
from sketch.errors import ExitCode, LoadError, Problem, SketchError, UsageError

if TYPE_CHECKING:
    from sketch.loading import LoadedDesign

_SKETCH_DIR = Path(__file__).resolve().parent.parent


class Watcher:
    """Loads, checks and renders one design; knows which files it came from."""

    def __init__(
        self,
        path: Path,
        output: Path,
        formats: tuple[str, ...],
        echo: Callable[[str], None] = typer.echo,
    ) -> None:
        self.path = path
        self.output = output
        self.formats = formats
        self.echo = echo
        self.local_modules: dict[str, Path] = {}
        self.problems: set[tuple[str, str, str]] = set()
        self.seen: dict[Path, str | None] = {}

    def watched(self) -> list[Path]:
        return sorted({self.path, *self.local_modules.values()})

    def changed(self) -> list[Path]:
        """Files whose content changed (or appeared, or vanished) since the last build."""
        return [p for p in self.watched() if _digest(p) != self.seen.get(p)]

    def build(self) -> None:
        """One round: load, check, and render when there are no problems."""
        from sketch.checking import load_checked

        for name in self.local_modules:  # so the design sees the helpers' new code
            sys.modules.pop(name, None)
        before = set(sys.modules)
        try:
            checked = load_checked(self.path)
        except LoadError as exc:
            self.echo(f"error: {exc}")
            return
        finally:
            self.local_modules.update(self._new_local_modules(before))
            self.seen = {p: _digest(p) for p in self.watched()}
        if self._report_problems(checked.problems):
            return
        self._render(checked.loaded)

    def _new_local_modules(self, before: set[str]) -> dict[str, Path]:
        folder = self.path.resolve().parent
        found = {}
        for name in set(sys.modules) - before:
            file = getattr(sys.modules.get(name), "__file__", None)
            if not file:
                continue
            resolved = Path(file).resolve()
            if resolved.is_relative_to(folder) and not resolved.is_relative_to(_SKETCH_DIR):
                found[name] = resolved
        return found

    def _report_problems(self, problems: tuple[Problem, ...]) -> bool:
        keys = {(p.code, p.message, p.path) for p in problems}
        for problem in problems:
            if (problem.code, problem.message, problem.path) not in self.problems:
                self.echo(problem_text(problem, self.path))
        new, fixed = len(keys - self.problems), len(self.problems - keys)
        self.problems = keys
        if problems:
            self.echo(f"{len(keys)} problem(s) ({new} new, {fixed} fixed): not rendered")
        elif fixed:
            self.echo(f"{fixed} problem(s) fixed")
        return bool(problems)

    def _render(self, loaded: LoadedDesign) -> None:
        from sketch.rendering import render_design

        try:
            written = render_design(loaded, self.output, self.formats)
        except SketchError as exc:
            self.echo(f"error: {exc}")
            return
        self.echo(f"rendered {len(written)} file(s) into {display_path(self.output)}")

    def loop(
        self, interval: float, max_cycles: int | None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        """Build, then poll every `interval` seconds; `max_cycles` polls at most (None: forever)."""
        self.build()
        self.echo(f"watching {', '.join(display_path(p) for p in self.watched())} (Ctrl-C to stop)")
        cycles = 0
        while max_cycles is None or cycles < max_cycles:
            sleep(interval)
            cycles += 1
            changed = self.changed()
            if changed:
                self.echo(f"changed: {', '.join(display_path(p) for p in changed)}")
                self.build()


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@command
def watch(
    file: Annotated[Path, typer.Argument(help="A design file: .py, .yaml, .yml or .json.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write <design name>/ into.")
    ] = Path("output"),
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated outputs, as for render.")
    ] = "svg,dot,md",
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Seconds between checks for changes.")
    ] = 0.5,
    max_cycles: Annotated[
        int | None,
        typer.Option("--max-cycles", min=0, help="Stop after this many checks (for scripts)."),
    ] = None,
) -> ExitCode:
    """Re-render a design each time it (or a module beside it that it imports) changes.

    Prints what changed and any new problems; a design with problems is not rendered until
    they are fixed. Stops on Ctrl-C.
    """
    from sketch.rendering import parse_formats

    if not file.is_file():
        raise UsageError(f"{display_path(file)}: no such file", "name a design file")
    wanted = parse_formats(formats)
    sys.dont_write_bytecode = True  # a helper rewritten within a second must not run stale
    try:
        Watcher(file, output, wanted).loop(interval, max_cycles)
    except KeyboardInterrupt:
        console.print("stopped watching")
    return ExitCode.OK
