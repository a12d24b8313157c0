"""`sketch drill` live, in a real pseudo-terminal: saves in "the user's editor" update the
screen, a broken or deleted file is reported while the clock runs, Ctrl-C ends the round
with a report that a replay of its snapshots reproduces byte for byte."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Screen:
    """The child's terminal: everything it printed, and a way to wait for text on it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.text = ""

    def wait_for(self, pattern: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        found = re.compile(pattern)
        while time.monotonic() < deadline:
            match = found.search(self.text)
            if match:
                return match.group(0)
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.text += os.read(self.fd, 65536).decode("utf-8", "replace")
                except OSError:  # the child closed the terminal
                    break
        raise AssertionError(f"never saw {pattern!r} on the screen; it shows:\n{self.text[-3000:]}")

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())


def _save(path: Path, text: str) -> None:
    """As an editor saves: write a temporary file, then rename it over the design."""
    temp = path.with_name(path.name + ".swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_a_live_round_in_a_terminal(tmp_path: Path, sketch: Sketch) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    args = [sys.executable, "-m", "sketch", "drill", "twitter", "--minutes", "0.5"]
    args += ["--interval", "0.1"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the drill, with the pty as its controlling terminal
        try:
            os.chdir(tmp_path)
            os.execve(sys.executable, args, env)
        finally:
            os._exit(127)
    screen = Screen(fd)
    try:
        screen.wait_for(r"wrote designs/twitter\.py from the template")
        screen.wait_for(r"phase: Requirements \(00:00-00:05\)")
        design = tmp_path / "designs" / "twitter.py"
        _save(design, (REPO_ROOT / "designs" / "twitter.py").read_text(encoding="utf-8"))
        screen.wait_for(r"working on: Deep Dive")
        screen.wait_for(r"checklist 17/17")
        _save(design, "from sketch import Design\ndesign = Design(name=\n")
        screen.wait_for(r"status: 002-00m\d\ds\.py:2: ")
        design.unlink()
        deleted = r" / 00:30\r?\n.*\r?\n.*\r?\nstatus: the file was deleted"
        shown = screen.wait_for(r"00:\d\d" + deleted)
        later = int(shown[3:5]) + 2  # the clock goes on while the file is gone
        screen.wait_for(f"00:{later:02d}" + deleted)
        screen.type("\x03")  # Ctrl-C, as the user ends the round
        screen.wait_for(r"round over at 00:\d\d: report in drills/twitter/round-1/report\.md")
        _, status = os.waitpid(pid, 0)
        pid = 0
        assert os.waitstatus_to_exitcode(status) == 0, screen.text[-2000:]
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    round_folder = tmp_path / "drills" / "twitter" / "round-1"
    report = (round_folder / "report.md").read_text(encoding="utf-8")
    assert "| 1 | 00:0" in report and "the file was deleted" in report
    replayed = sketch("drill", "--replay", round_folder)
    assert replayed.exit_code == 0
    assert replayed.stdout == report
    history = json.loads((tmp_path / "drills" / "history.json").read_text(encoding="utf-8"))
    assert [r["round"] for r in history["rounds"]] == [1]
    assert history["rounds"][0]["folder"] == "twitter/round-1"
