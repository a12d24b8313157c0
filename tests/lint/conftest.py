"""Running `sketch lint` in-process, on design files written under tmp_path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sketch.cli import app
from tests.lint.helpers import DesignFile, Result, Sketch


@pytest.fixture(scope="session")
def sketch() -> Sketch:
    """`sketch(*args)` runs the CLI in-process and returns exit code, stdout and stderr."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        result = runner.invoke(app, [str(a) for a in args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def design_file(tmp_path: Path) -> DesignFile:
    """Write a design file whose body builds on tests/lint/examples.py's clean design."""
    counter = iter(range(1000))

    def write(body: str, name: str | None = None) -> Path:
        path = tmp_path / (name or f"design_{next(counter)}.py")
        header = (
            "from sketch import *  # noqa: F403\nfrom tests.lint.examples import *  # noqa: F403\n"
        )
        path.write_text(header + textwrap.dedent(body), encoding="utf-8")
        return path

    return write
