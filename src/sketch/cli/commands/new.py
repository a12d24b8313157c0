"""`sketch new NAME`: scaffold a design file from the framework's template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.app import EXIT_OK, UsageProblem, app, display_path, run


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="Design name, e.g. url-shortener.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the new design file.")
    ] = Path("designs"),
    yaml: Annotated[
        bool, typer.Option("--yaml", help="Write NAME.yaml, a data file editors can complete.")
    ] = False,
) -> None:
    """Create OUTPUT/NAME.py (or .yaml) laid out as the four steps, with TODO placeholders.

    Then run `sketch check` on it: it lists what to fill in next.

    An existing file is never overwritten (exit 2).
    """

    def body() -> int:
        from sketch.render.files import write_text_atomic
        from sketch.render.skeleton import ScaffoldError, scaffold

        target = output / f"{name}.{'yaml' if yaml else 'py'}"
        shown = display_path(target)
        try:
            if yaml:
                from sketch.render.schema import yaml_skeleton
                from sketch.render.skeleton import check_name

                check_name(name)
                text = yaml_skeleton(name)
            else:
                text = scaffold(name, Path(shown))
        except ScaffoldError as exc:
            raise UsageProblem(str(exc), exc.hint) from exc
        if target.exists():
            raise UsageProblem(
                f"{shown} already exists; it was left as it is",
                "pick another NAME or --output folder, or delete the file first",
            )
        if output.exists() and not output.is_dir():
            raise UsageProblem(
                f"{display_path(output)} is a file, not a folder", "pass a folder with --output"
            )
        write_text_atomic(target, text)
        typer.echo(f"wrote {shown}")
        typer.echo(f"next: fill in the TODOs, then run `sketch check {shown}`")
        return EXIT_OK

    run(body)
