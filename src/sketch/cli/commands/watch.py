"""`sketch watch FILE`: re-render a design whenever it, or a local module it imports, changes.

Polling (no extra dependency, works on every file system and in containers): each cycle
hashes the watched files, so a save that changes nothing does not re-render, and a change
within the file system's mtime resolution is never missed. Each round checks, draws (a
design with problems as a draft) and lints; `--serve` shows the page in a browser that
reloads itself after each round (`sketch.cli.preview`).
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
from sketch.errors import ExitCode, LoadError, Problem, SketchError, UsageError, plural

if TYPE_CHECKING:
    from sketch.checking import Checked
    from sketch.cli.preview import Preview
    from sketch.linting.run import DesignReport, Linter

_SKETCH_DIR = Path(__file__).resolve().parent.parent.parent


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.code, problem.message, problem.path)


class Watcher:
    """Loads, checks, renders and lints one design; knows which files it came from."""

    def __init__(
        self,
        path: Path,
        output: Path,
        formats: tuple[str, ...],
        echo: Callable[[str], None] = console.print,
        preview: Preview | None = None,
    ) -> None:
        self.path = path
        self.output = output
        self.formats = formats
        self.echo = echo
        self.preview = preview
        self.local_modules: dict[str, Path] = {}
        self.problems: set[tuple[str, str, str]] = set()
        self.findings: set[tuple[str, str, str]] = set()
        self.seen: dict[Path, str | None] = {}
        self.page: str | None = None  # the last design.html drawn, for the preview
        self._linter: Linter | None = None

    def watched(self) -> list[Path]:
        # Resolved, so the design module (also a local module) is listed once.
        return sorted({self.path.resolve(), *self.local_modules.values()})

    def changed(self) -> list[Path]:
        """Files whose content changed (or appeared, or vanished) since the last build."""
        return [p for p in self.watched() if _digest(p) != self.seen.get(p)]

    def build(self) -> None:
        """One round: load, check, render (a draft while there are problems), lint."""
        from sketch.checking import load_checked

        for name in self.local_modules:  # so the design sees the helpers' new code
            sys.modules.pop(name, None)
        before = set(sys.modules)
        try:
            checked = load_checked(self.path)
        except (LoadError, SketchError) as exc:
            self.echo(f"error: {exc}")
            self._show(error=str(exc))
            return
        finally:
            self.local_modules.update(self._new_local_modules(before))
            self.seen = {p: _digest(p) for p in self.watched()}
        self._report_problems(checked.problems)
        self._render(checked)
        report = self._lint(checked)
        self._show(checked.problems, report)

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

    def _report_problems(self, problems: tuple[Problem, ...]) -> None:
        keys = {_key(p) for p in problems}
        for problem in sorted(problems, key=lambda p: p.sort_key):
            if _key(problem) not in self.problems:
                self.echo(problem_text(problem, self.path))
        new, fixed = len(keys - self.problems), len(self.problems - keys)
        self.problems = keys
        if problems:
            self.echo(
                f"check: {plural(len(keys), 'problem')} ({new} new, {fixed} fixed): "
                "drawn as a draft"
            )
        elif fixed:
            self.echo(f"check: {plural(fixed, 'problem')} fixed")

    def _render(self, checked: Checked) -> None:
        # the new SVG lands first, as soon as dot has drawn it: what a watcher looks at
        from sketch.rendering.formats import render_svg_first
        from sketch.rendering.options import RenderOptions

        try:
            written = render_svg_first(
                checked.loaded,
                self.output,
                self.formats,
                checked.settings,
                options=RenderOptions(problems=checked.problems),
            )
        except SketchError as exc:
            self.echo(f"error: {exc}")
            return
        self.echo(f"rendered {plural(len(written), 'file')} into {display_path(self.output)}")
        page = next((p for p in written if p.name == "design.html"), None)
        if page is not None:
            self.page = page.read_text(encoding="utf-8")

    def _lint(self, checked: Checked) -> DesignReport | None:
        from sketch.linting.engine import RuleCrashed
        from sketch.linting.run import Linter, Options

        if self._linter is None:
            self._linter = Linter(Options())
        try:
            report = self._linter.lint_checked(checked, self.path)
        except (SketchError, RuleCrashed) as exc:
            self.echo(f"lint: error: {exc}")
            return None
        active = [f for f in report.active if f.rule != "check"]  # check said them already
        keys = {_key(f) for f in active}
        for finding in active:
            if _key(finding) not in self.findings:
                place = (
                    f"{display_path(finding.source.file)}:{finding.source.line}: "
                    if (finding.source and finding.source.line)
                    else ""
                )
                self.echo(f"{place}{finding.code} [{finding.severity.value}] {finding.message}")
        new, fixed = len(keys - self.findings), len(self.findings - keys)
        self.findings = keys
        if active or fixed:
            self.echo(f"lint: {plural(len(keys), 'finding')} ({new} new, {fixed} fixed)")
        if report.skipped_rules:
            self.echo(f"lint: {report.skipped_rules}")
        return report

    def _show(
        self,
        problems: tuple[Problem, ...] = (),
        report: DesignReport | None = None,
        error: str | None = None,
    ) -> None:
        if self.preview is None:
            return
        from sketch.rendering.live import live_page

        version = self.preview.version + 1
        findings = report.findings if report else []
        note = report.skipped_rules if report else None
        self.preview.publish(live_page(self.page, version, problems, findings, error, note))

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
                stamp = time.strftime("%H:%M:%S")
                self.echo(f"[{stamp}] changed: {', '.join(display_path(p) for p in changed)}")
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
    ] = "default",
    serve: Annotated[
        bool,
        typer.Option(
            "--serve", help="Serve a live preview on 127.0.0.1 that reloads on every save."
        ),
    ] = False,
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port for --serve (0: any free one)."),
    ] = 8000,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="Seconds between checks for changes.")
    ] = 0.5,
    max_cycles: Annotated[
        int | None,
        typer.Option("--max-cycles", min=0, help="Stop after this many checks (for scripts)."),
    ] = None,
) -> ExitCode:
    """Re-render a design each time it (or a module beside it that it imports) changes.

    Each round checks, draws (with a "draft" banner while check finds problems) and lints,
    and prints what is new and what was fixed. With --serve, http://127.0.0.1:PORT/ shows
    design.html with the problems and findings on top, and the browser reloads itself
    after each save. Stops on Ctrl-C.
    """
    from sketch.rendering import parse_formats

    if not file.is_file():
        raise UsageError(f"{display_path(file)}: no such file", "name a design file")
    wanted = parse_formats(formats)
    if serve and "html" not in wanted:
        wanted = parse_formats(",".join([*wanted, "html"]))
    sys.dont_write_bytecode = True  # a helper rewritten within a second must not run stale
    server = None
    preview = None
    if serve:
        from sketch.cli.preview import Preview, PreviewServer

        preview = Preview()
        server = PreviewServer(preview, port)
        server.start()
        console.print(f"serving the live preview on {server.url}", fg="green")
    try:
        Watcher(file, output, wanted, preview=preview).loop(interval, max_cycles)
    except KeyboardInterrupt:
        console.print("stopped watching")
    finally:
        if server is not None:
            server.stop()
    return ExitCode.OK
