"""CLI conventions a typer/click/ruff user expects: help screens without `<bool>` or
`{files}`, colour by NO_COLOR / FORCE_COLOR / a terminal for every command, shell
completion, `-f` wherever `--format` is, `--debug` anywhere, and plurals that read."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sketch.cli import app
from tests.helpers.cli import Sketch

COMMANDS = sorted(app.registered_commands, key=lambda c: c.name or c.callback.__name__)  # type: ignore[union-attr]
NAMES = [c.name or c.callback.__name__.replace("_", "-") for c in COMMANDS]  # type: ignore[union-attr]
ESC = "\x1b["


@pytest.mark.parametrize("name", ["", *NAMES])
def test_help_screens_use_conventional_metavars(sketch: Sketch, name: str) -> None:
    name = {"rule-doc": "rule"}.get(name, name)
    result = sketch(*([name] if name else []), "--help")
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "<list" not in result.output
    assert not re.search(r"\{\w+\}\.\.\.", result.output), result.output  # `{files}...`
    assert "╭" not in result.output  # plain click help, no rich boxes
    usage = result.output.splitlines()[0]
    assert re.fullmatch(r"Usage: \S+( \S+)? \[OPTIONS\]( [A-Z_]+(\.\.\.)?| \[[A-Z_]+\])*.*", usage)


def test_every_format_option_has_the_short_flag(sketch: Sketch) -> None:
    for name in NAMES:
        name = {"rule-doc": "rule"}.get(name, name)
        text = sketch(name, "--help").output
        if "--format" in text:
            assert re.search(r"-f, (--output-format, )?--format", text), name


def test_shell_completion_is_available(sketch: Sketch) -> None:
    help_text = sketch("--help").output
    assert "--install-completion" in help_text and "--show-completion" in help_text
    script = subprocess.run(
        [sys.executable, "-m", "sketch", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
        timeout=60,
    )
    assert script.returncode == 0, script.stderr
    assert "complete" in script.stdout and "sketch" in script.stdout


def _in_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `python -m sketch ARGS` with stdout and stderr on a pseudo-terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "sketch", *args],
        stdout=follower,
        stderr=follower,
        env={**os.environ, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def _clean(env: dict[str, str]) -> dict[str, str]:
    base = {k: "" for k in ("NO_COLOR", "FORCE_COLOR")}
    return {**base, **env}


@pytest.mark.parametrize("args", [["check", "nope.py"], ["check", "designs/twitter.py"]])
def test_no_color_holds_on_a_terminal_for_errors_and_summaries(
    args: list[str], repo_root: Path
) -> None:
    args = [str(repo_root / a) if a.startswith("designs/") else a for a in args]
    coloured = _in_a_terminal(args, _clean({}))
    assert ESC in coloured  # a terminal gets colour by default
    assert ESC not in _in_a_terminal(args, _clean({"NO_COLOR": "1"}))


def test_force_color_colours_a_pipe_and_no_color_wins(repo_root: Path) -> None:
    twitter = str(repo_root / "designs" / "twitter.py")

    def piped(env: dict[str, str], *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "sketch", *args],
            capture_output=True,
            text=True,
            env={**os.environ, **_clean(env)},
            timeout=60,
        )
        return done.stdout + done.stderr

    assert ESC not in piped({}, "check", twitter)
    assert ESC in piped({"FORCE_COLOR": "1"}, "check", twitter)
    assert ESC in piped({"FORCE_COLOR": "1"}, "check", "nope.py")  # the error line too
    assert ESC in piped({"FORCE_COLOR": "1"}, "lint", twitter)
    assert ESC not in piped({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "lint", twitter)


def test_debug_is_accepted_after_the_command(tmp_path: Path) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("design = (\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sketch", "check", str(broken), "--debug"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" in done.stderr


def test_counts_read_as_english(sketch: Sketch, tmp_path: Path) -> None:
    one = tmp_path / "one.py"
    one.write_text(
        "from sketch import Api, Design, Entity, Field\n"
        'design = Design(name="one", entities=[Entity(name="A", fields=[Field(name="a_id",'
        ' type="INT", primary_key=True)])], apis=[Api(method="GET", path="/a", purpose="a")])\n',
        encoding="utf-8",
    )
    checked = sketch("check", one).stdout
    assert "C101 1 entity; the framework asks for 3-5" in checked
    assert "C103 1 API; the framework asks for 5-8" in checked
    assert checked.splitlines()[-1] == "2 problems in 1 design"
    linted = sketch("lint", one, "-f", "concise").stdout
    assert "(s)" not in linted and "1 flow;" not in linted.replace("0 flows;", "")
