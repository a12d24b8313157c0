"""What the `sketch` fixture (tests/conftest.py) returns: the CLI run in-process by CliRunner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str
    #: stdout and stderr interleaved, as a terminal shows them.
    output: str


Sketch = Callable[..., Result]


def in_process() -> Sketch:
    """`sketch(*args)` runs `sketch ARGS` in this process (paths may be given as Path).

    An exception other than SystemExit is re-raised, so a crash fails the test with its own
    traceback instead of hiding behind an exit code.
    """
    from typer.testing import CliRunner  # here: loading the suite's conftest loads no CLI

    from sketch.cli import app

    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        result = runner.invoke(app, [str(a) for a in args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr, result.output)

    return invoke
