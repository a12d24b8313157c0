"""The application around every command (sketch.cli.application): exit codes, --debug, crashes.

Each failure is one screen on stderr and an exit code: 1 for problems in a design, 2 for a
file that does not load or a usage error, 3 for a bug in sketch; tracebacks with --debug only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch

GOOD = """\
from sketch import Design

design = Design(name="tiny")
"""


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_cli_exit_codes_and_no_traceback(sketch: Sketch, tmp_path: Path, repo_root: Path) -> None:
    good = write(tmp_path, GOOD, "good.py")
    broken = write(tmp_path, "design = (\n", "broken.py")
    result = sketch("check", str(broken))
    assert result.exit_code == 2
    assert "syntax error" in result.output and "Traceback" not in result.output
    result = sketch("--debug", "check", str(broken))
    assert result.exit_code == 2 and "Traceback" in result.output
    assert sketch("check", str(good)).exit_code == 1  # no entities or APIs
    assert sketch("check", repo_root / "designs" / "twitter.py").exit_code == 0
    assert sketch("check").exit_code == 2  # usage error
    assert sketch("check", str(tmp_path / "nope.py")).exit_code == 2


def test_cli_internal_error_is_exit_3(
    sketch: Sketch, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("sketch.checking.pipeline.check", explode)
    result = sketch("check", repo_root / "designs" / "twitter.py")
    assert result.exit_code == 3
    assert "internal error: ZeroDivisionError: bug" in result.output
    assert "Traceback" not in result.output


def test_a_closed_pipe_is_not_reported_as_an_error() -> None:
    # `sketch rules | head -1`: the reader goes away early; no "error: Broken pipe" message.
    done = subprocess.run(
        f"{sys.executable} -m sketch rules | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.count("\n") == 1
    assert "error" not in done.stderr.lower()
