"""`sketch watch`: re-renders on change (the design or a helper it imports), stops on Ctrl-C."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sketch.cli.commands.watch import Watcher
from sketch.rendering.data_file import to_yaml
from tests.helpers.factories import small_design

HELPER = "sketch_watch_test_helper"
DESIGN = f"""\
from {HELPER} import TITLE, USER_REFERENCE
from sketch import Field
from tests.helpers.factories import entity, small_design

design = small_design(
    title=TITLE,
    entities=[entity("User"), entity("Item"),
              entity("Order", Field(name="user_id", type="BIGINT", references=USER_REFERENCE))],
)
"""


def write_helper(folder: Path, title: str, reference: str = "User.id") -> None:
    (folder / f"{HELPER}.py").write_text(f"TITLE = {title!r}\nUSER_REFERENCE = {reference!r}\n")


def test_rebuilds_when_the_design_or_its_helper_changes(tmp_path: Path) -> None:
    design = tmp_path / "shop.py"
    design.write_text(DESIGN)
    write_helper(tmp_path, "First title")
    output = tmp_path / "out"
    note = output / "shop" / "design.md"
    said: list[str] = []
    edits: list[Callable[[], object]] = [
        lambda: None,  # nothing changed: nothing happens
        lambda: write_helper(tmp_path, "Second title, longer"),
        lambda: write_helper(tmp_path, "Second title, longer", "Usr.id"),  # a new problem
        lambda: write_helper(tmp_path, "Third title"),  # fixed
        lambda: design.write_text(DESIGN + "oops(\n"),  # a load error: keeps watching
        lambda: design.write_text(DESIGN),
    ]
    seen_titles: list[str] = []

    def sleep(_: float) -> None:
        if note.exists():
            seen_titles.append(note.read_text().splitlines()[0])
        said.append("--")
        edits.pop(0)()

    watcher = Watcher(design, output, ("md",), echo=said.append)
    try:
        watcher.loop(0.01, max_cycles=6, sleep=sleep)
    finally:
        sys.modules.pop(HELPER, None)
    assert watcher.watched() == sorted([design.resolve(), (tmp_path / f"{HELPER}.py").resolve()])
    rounds = "\n".join(said).split("--")
    assert "rendered" in rounds[0] and "watching" in rounds[0]
    assert rounds[1].strip() == ""
    assert f"changed: {tmp_path / HELPER}.py" in rounds[2] and "rendered" in rounds[2]
    assert (
        "C302" in rounds[3] and "check: 1 problem (1 new, 0 fixed): drawn as a draft" in rounds[3]
    )
    assert "rendered" in rounds[3]  # a draft is drawn, banner and all
    assert "check: 1 problem fixed" in rounds[4] and "rendered" in rounds[4]
    assert "error:" in rounds[5] and "syntax error" in rounds[5]
    assert "rendered" in rounds[6]
    assert "Second title, longer" in seen_titles[2] and "Third title" in seen_titles[4]
    assert "Third title" in note.read_text()


def _lines(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    return lines, reader


def _wait_for(lines: queue.Queue[str], text: str, log: list[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        log.append(line)
        if text in line:
            return
    raise AssertionError(f"no {text!r} in the output:\n{''.join(log)}")


def test_a_real_process_rerenders_and_stops_cleanly_on_ctrl_c(
    tmp_path: Path, sketch_command: list[str]
) -> None:
    design = tmp_path / "shop.yaml"
    design.write_text(to_yaml(small_design()))
    process = subprocess.Popen(
        [*sketch_command, "watch", "shop.yaml", "--format", "md", "--interval", "0.1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    lines, reader = _lines(process)
    try:
        _wait_for(lines, "watching shop.yaml", log)
        design.write_text(to_yaml(small_design(title="Changed title")))
        _wait_for(lines, "changed: shop.yaml", log)
        _wait_for(lines, "rendered", log)
        assert "Changed title" in (tmp_path / "output" / "shop" / "design.md").read_text()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        _wait_for(lines, "stopped watching", log)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        reader.join(timeout=30)
        assert process.stdout is not None
        process.stdout.close()
    assert "Traceback" not in "".join(log)


def test_bounded_run_for_scripts(tmp_path: Path, sketch_command: list[str]) -> None:
    (tmp_path / "shop.json").write_text('{"name": "shop", "name": "again"}')
    done = subprocess.run(
        [*sketch_command, "watch", "shop.json", "--max-cycles", "1", "--interval", "0.05"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "error: shop.json:1: duplicate key 'name'" in done.stdout
    assert "watching shop.json" in done.stdout
