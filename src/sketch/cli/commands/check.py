"""`sketch check FILE...`: framework limits and cross-references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sketch.cli.application import command, show_traceback
from sketch.errors import ExitCode


@command
def check(
    files: Annotated[list[Path], typer.Argument(help="Design files or folders of designs.")],
) -> ExitCode:
    """Check designs against the framework's limits and their own cross-references.

    Reports every problem at once. Exit code 1 when any problem is found.
    """
    from sketch.cli.check_files import check_files

    return check_files(files, show_traceback)
