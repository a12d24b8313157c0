"""Faults in the middle of a render: a write that fails halfway, a full disk, a SIGKILL.

The promise under test: a design's output folder is always all-old or all-new, whatever
stops the render, and a killed render leaves no worker process behind.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sketch.loading import load_design
from sketch.rendering import files, render_design
from tests.helpers.cli import Sketch
from tests.hostile.runner import Snapshot, snapshot

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="needs root (mounts a tmpfs); CI runs as root")


def _design(folder: Path, repo_root: Path, title: str, name: str = "twitter.py") -> Path:
    """A copy of a repository design with its title changed, so two versions differ."""
    text = (repo_root / "designs" / name).read_text(encoding="utf-8")
    path = folder / name
    path.write_text(text.replace("title=", f"title={title!r} + ", 1), encoding="utf-8")
    return path


def _staging_left(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if ".sketch-" in p.name]


# A write that fails halfway -------------------------------------------------------------------


def _failing_after(count: int, code: int = errno.ENOSPC) -> object:
    real = files._write_new
    calls = {"n": 0}

    def write(path: Path, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] > count:
            raise OSError(code, os.strerror(code), str(path))
        real(path, data)

    return write


@pytest.mark.parametrize("fails_after", [0, 1, 2, 3])
def test_a_write_failing_halfway_leaves_the_folder_as_it_was(
    tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch, fails_after: int
) -> None:
    out = tmp_path / "out"
    render_design(load_design(_design(tmp_path, repo_root, "old")), out)
    before = snapshot(out)
    new = load_design(_design(tmp_path, repo_root, "new"))
    monkeypatch.setattr(files, "_write_new", _failing_after(fails_after))
    with pytest.raises(OSError) as raised:
        render_design(new, out)
    assert raised.value.errno == errno.ENOSPC
    assert str(raised.value.filename).startswith(str(out / "twitter"))  # the user's path
    assert ".sketch-" not in str(raised.value.filename)
    assert snapshot(out) == before and not _staging_left(out)


def test_the_cli_says_which_file_and_why(
    tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch, sketch: Sketch
) -> None:
    design = _design(tmp_path, repo_root, "old")
    out = tmp_path / "out"
    assert sketch("render", design, "-o", out).exit_code == 0
    before = snapshot(out)
    monkeypatch.setattr(files, "_write_new", _failing_after(2))
    result = sketch("render", design, "-o", out)
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "out/twitter/" in result.stderr
    assert "the disk (or your quota) is full" in result.stderr
    assert ".sketch-" not in result.stderr and "Traceback" not in result.output
    assert snapshot(out) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_on_linux_the_swap_is_one_atomic_exchange(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "from-a").touch()
    assert files._renameat2() is not None  # found among the process's own symbols
    assert files._exchange(a, b)
    assert (b / "from-a").exists() and not (a / "from-a").exists()


def test_without_an_atomic_exchange_the_swap_still_lands_whole(
    tmp_path: Path, repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, ref = tmp_path / "out", tmp_path / "ref"
    render_design(load_design(_design(tmp_path, repo_root, "old")), out)
    new = load_design(_design(tmp_path, repo_root, "new"))
    render_design(new, ref)
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)  # e.g. not Linux
    render_design(new, out)
    assert snapshot(out) == snapshot(ref) and not _staging_left(out)


@needs_root
def test_a_full_disk_leaves_the_folder_as_it_was(
    tmp_path: Path, repo_root: Path, sketch: Sketch
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        design = _design(tmp_path, repo_root, "old")
        assert sketch("render", design, "-o", disk, "-f", "md").exit_code == 0
        before = snapshot(disk)
        result = sketch("render", design, "-o", disk, "-f", "all")
        assert result.exit_code == 2, result.output
        assert "No space left on device" in result.stderr and "twitter/" in result.stderr
        assert ".sketch-" not in result.stderr and "Traceback" not in result.output
        assert snapshot(disk) == before and not _staging_left(disk)
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# SIGKILL ----------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Every live descendant of `pid`, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _folders(out: Path) -> Iterator[tuple[str, Snapshot]]:
    for folder in sorted(out.iterdir()) if out.is_dir() else []:
        if folder.is_dir() and ".sketch-" not in folder.name:
            yield folder.name, snapshot(folder)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_leaves_no_worker_and_no_half_written_folder(
    tmp_path: Path, repo_root: Path, sketch_command: list[str], jobs: str
) -> None:
    names = ["twitter.py", "chat.py", "url_shortener.py"] if jobs != "1" else ["twitter.py"]
    versions: dict[str, dict[str, Snapshot]] = {}
    for title in ("A", "B"):
        folder = tmp_path / title
        folder.mkdir()
        for name in names:
            _design(folder, repo_root, title, name)
        ref = tmp_path / f"ref-{title}"
        done = subprocess.run(
            [*sketch_command, "render", str(folder), "-o", str(ref), "-j", "1"],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        versions[title] = dict(_folders(ref))
    out = tmp_path / "out"
    rng = random.Random(13)
    for round_ in range(5):
        title = "AB"[round_ % 2]
        target = [str(tmp_path / title)] if jobs != "1" else [str(tmp_path / title / names[0])]
        process = subprocess.Popen(
            [*sketch_command, "render", *target, "-o", str(out), "-j", jobs],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.6))
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 10
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(workers), f"round {round_}: workers {_alive(workers)} outlived sketch"
        for name, shot in _folders(out):
            assert shot in (versions["A"][name], versions["B"][name]), (
                f"round {round_}: out/{name} is neither all-old nor all-new"
            )
    # The next render tidies what killed renders left and lands whole.
    done = subprocess.run(
        [*sketch_command, "render", *(str(tmp_path / "A" / n) for n in names), "-o", str(out)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert dict(_folders(out)) == versions["A"] and not _staging_left(out)
    shutil.rmtree(out)
