"""`sketch render FILE...`: the architecture diagram (PNG, SVG, DOT) and design.md per design."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sketch.cli.app import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageProblem,
    app,
    display_path,
    run,
)

if TYPE_CHECKING:
    from sketch.load import LoadedDesign

DEFAULT_FORMATS = "default"


@app.command()
def render(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write <design name>/ into.")
    ] = Path("output"),
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Comma-separated outputs: png, svg, dot, md (the default set), html, "
            "mermaid, openapi, sql; or `all`.",
        ),
    ] = DEFAULT_FORMATS,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Designs rendered at once (default: one per core)."
        ),
    ] = None,
) -> None:
    """Render designs: architecture.png/.svg/.dot and design.md in OUTPUT/<name>/.

    Each design is checked first; a design with problems is reported and not rendered
    (exit code 1). Several designs (a folder, or many files) render in parallel with a
    progress bar, and one broken design does not stop the others.
    """

    def body() -> int:
        from sketch.render import RenderError

        try:
            return _render_all(files, output, formats, jobs)
        except RenderError as exc:
            raise UsageProblem(str(exc), exc.hint) from exc

    run(body)


def _render_all(files: list[Path], output: Path, format_text: str, jobs: int | None) -> int:
    from sketch.check import check as check_design
    from sketch.cli.commands.check import format_problem
    from sketch.load import load_design
    from sketch.load.settings import load_config
    from sketch.render import parse_formats, render_design

    wanted = parse_formats(format_text)
    from sketch.load.discover import design_files

    paths = design_files(files)
    if not paths:
        raise UsageProblem("no design files found", "pass .py design files or folders holding them")
    if len(paths) > 1:
        from sketch.cli.progress import report_many

        _refuse_shared_names(paths)
        _prepare_output(output)
        return report_many(paths, output, wanted, jobs=jobs)
    loaded, problems = [], 0
    for path in paths:
        design = load_design(path)
        for problem in check_design(design.design, load_config(path).limits):
            problems += 1
            typer.echo(format_problem(problem, display_path(path)))
        loaded.append(design)
    if problems:
        typer.secho(
            f"{problems} problem(s): nothing rendered; fix them and rerun", fg=typer.colors.RED
        )
        return EXIT_PROBLEMS
    _check_output_names(loaded)
    _prepare_output(output)
    written = 0
    for design in loaded:
        paths_written = render_design(design, output, wanted)
        written += len(paths_written)
        for path in paths_written:
            typer.echo(f"wrote {display_path(path)}")
    noun = "design" if len(loaded) == 1 else "designs"
    typer.secho(
        f"rendered {len(loaded)} {noun} ({', '.join(wanted)}): {written} files in "
        f"{display_path(output)}",
        fg=typer.colors.GREEN,
    )
    return EXIT_OK


def _prepare_output(output: Path) -> None:
    # Fail before any rendering work, with a message about the folder the user named.
    if output.exists() and not output.is_dir():
        raise UsageProblem(
            f"--output {display_path(output)} is a file, not a folder",
            "pass a folder (it is created when missing)",
        )
    output.mkdir(parents=True, exist_ok=True)


def _refuse_shared_names(paths: list[Path]) -> None:
    """Before any parallel work: two designs named alike would overwrite each other's folder.

    Designs that fail to load are skipped here; the batch reports them with the others.
    """
    from sketch.load import LoadError, load_design

    loaded = []
    for path in paths:
        try:
            loaded.append(load_design(path))
        except LoadError:
            continue
    _check_output_names(loaded)


def _check_output_names(loaded: list[LoadedDesign]) -> None:
    from sketch.render.formats import design_folder

    seen: dict[str, Path] = {}
    for item in loaded:
        design_folder(Path("."), item.design)  # a name unfit for a folder fails before any work
        name = item.design.name
        if name in seen:
            raise UsageProblem(
                f"{display_path(item.path)} and {display_path(seen[name])} are both named "
                f"'{name}' and would overwrite each other in the output folder",
                "give each design its own `name=`",
            )
        seen[name] = item.path
