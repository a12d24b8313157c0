"""What `sketch render FILE...` does and prints, without the CLI framework: the typer command
and the fast path (`sketch.cli.fast`, which skips typer's import) both call `render_files`,
so the two cannot say different things; the command's options are its keyword arguments,
with the same defaults (tests/cli/test_fast_path.py compares them)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.cli.output import console, display_path, problem_text
from sketch.errors import ExitCode, UsageError, plural

if TYPE_CHECKING:
    from sketch.loading import LoadedDesign
    from sketch.rendering.options import RenderOptions

DEFAULT_FORMATS = "default"


class DirectionChoice(StrEnum):  # mirrors sketch.rendering.options.Direction, kept import-free
    LR = "LR"
    TB = "TB"


class ThemeChoice(StrEnum):
    light = "light"
    dark = "dark"


def render_options(direction: DirectionChoice, theme: ThemeChoice) -> RenderOptions:
    from sketch.rendering.options import Direction, RenderOptions, Theme

    return RenderOptions(direction=Direction(direction.value), theme=Theme(theme.value))


def render_files(
    files: list[Path],
    *,
    output: Path = Path("output"),
    formats: str = DEFAULT_FORMATS,
    jobs: int | None = None,
    direction: DirectionChoice = DirectionChoice.LR,
    theme: ThemeChoice = ThemeChoice.light,
) -> ExitCode:
    """Render every design under `files` into `output/<name>/`; one design is said at
    length, several get a progress bar."""
    from sketch.loading.discover import design_files
    from sketch.rendering import parse_formats

    wanted = parse_formats(formats)
    options = render_options(direction, theme)
    paths = design_files(files)
    if len(paths) > 1:
        from sketch.cli.progress import report_many

        _refuse_shared_names(paths)
        _prepare_output(output)
        return report_many(paths, output, wanted, jobs=jobs, options=options)
    return _render_one(paths[0], output, wanted, options)


def _render_one(
    path: Path, output: Path, wanted: tuple[str, ...], options: RenderOptions
) -> ExitCode:
    """One design, through the same steps as each design of a batch, said at more length."""
    from sketch.rendering.batch import render_path

    _refuse_file(output)
    outcome = render_path(path, output, wanted, options)  # what cannot load or draw: exit 2
    for written in outcome.files:
        console.print(f"wrote {display_path(written)}")
    for problem in outcome.problems:
        console.print(problem_text(problem, path))
    files = f"{plural(len(outcome.files), 'file')} in {display_path(output)}"
    if outcome.problems:
        console.failure(
            f"rendered a draft ({', '.join(wanted)}): {files}, with "
            f"{plural(len(outcome.problems), 'problem')} to fix (`sketch check` lists them)"
        )
    else:
        console.success(f"rendered 1 design ({', '.join(wanted)}): {files}")
    return outcome.status.exit_code


def _prepare_output(output: Path) -> None:
    _refuse_file(output)
    output.mkdir(parents=True, exist_ok=True)


def _refuse_file(output: Path) -> None:
    # Fail before any rendering work, with a message about the folder the user named.
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"--output {display_path(output)} is a file, not a folder",
            "pass a folder (it is created when missing)",
        )


def _refuse_shared_names(paths: list[Path]) -> None:
    """Before any parallel work: two designs named alike would overwrite each other's folder.

    Designs that fail to load are skipped here; the batch reports them with the others.
    """
    from sketch.loading import LoadError, load_design

    loaded = []
    for path in paths:
        try:
            loaded.append(load_design(path))
        except LoadError:
            continue
    _check_output_names(loaded)


def _check_output_names(loaded: list[LoadedDesign]) -> None:
    from sketch.rendering.formats import design_folder

    seen: dict[str, Path] = {}
    for item in loaded:
        design_folder(Path("."), item.design)  # a name unfit for a folder fails before any work
        name = item.design.name
        if name in seen:
            raise UsageError(
                f"{display_path(item.path)} and {display_path(seen[name])} are both named "
                f"'{name}' and would overwrite each other in the output folder",
                "give each design its own `name=`",
            )
        seen[name] = item.path
