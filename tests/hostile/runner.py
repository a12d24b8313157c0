"""Runs one case of the hostile-input corpus (corpus.yaml) and says what it got wrong.

A case lays out files in a scratch project (a folder with a pyproject.toml), runs one or more
`sketch` command lines in it, and the runner asserts what every case must hold:

- the exit code is the one the case names (0 ok, 1 problems, 2 usage or load, never 3);
- every `says` fragment is in the output: the message is located (file:line, or the path);
- no traceback, and no control character but newline and tab reaches the output;
- nothing outside the scratch project changed (a sibling folder of sentinels, some of them
  designs that would write a file if anything ran them);
- inside the project only the paths matched by `writes` changed; by default none, so a
  failing command lost and wrote nothing;
- `stdout: json` parses as JSON (a design's print() must not corrupt it).

File specs in `files`: a string is the file's text; a mapping is one of `copy` (a
repository file, with optional `replace` pairs, `prepend` and `append`), `fifo`, `symlink`
(its target; `{outside}` is the sentinel folder), `hardlink`, `folder`, `device` (root
only), `hex` (bytes), or
`repeat` + `times` between an optional `head` and `tail` (a big file).
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from tests.helpers.cli import Sketch
from tests.helpers.paths import REPO_ROOT

#: Control characters that must never reach the terminal raw (tab and newline are fine).
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: Sentinels beside the project: designs that leave a file behind if anything runs them.
OUTSIDE_FILES = {
    "victim.py": (
        "from pathlib import Path\n"
        "Path(__file__).with_name('RAN').write_text('a design outside the project ran')\n"
        "from sketch import Design\ndesign = Design(name='victim')\n"
    ),
    "keep.txt": "sentinel\n",
}


@dataclass
class Case:
    id: str
    family: str
    runs: list[list[str]]
    exit: int
    files: dict[str, Any] = field(default_factory=dict)
    says: list[str] = field(default_factory=list)
    lacks: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)
    stdout: str = "any"
    file_has: dict[str, list[str]] = field(default_factory=dict)
    file_lacks: dict[str, list[str]] = field(default_factory=dict)
    root: bool = False
    max_output: int = 20_000  # a message is a screen or two, never a megabyte
    why: str = ""

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Case:
        data = dict(data)
        runs = data.pop("runs", None) or [data.pop("run")]
        return cls(runs=[[str(a) for a in run] for run in runs], **data)


Snapshot = dict[str, tuple[str, bytes]]


def snapshot(root: Path) -> Snapshot:
    """Every entry under `root` by relative path: its kind and bytes (links not followed)."""
    found: Snapshot = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path).encode())
            elif path.is_dir():
                found[rel] = ("dir", b"")
            elif path.is_file():
                found[rel] = ("file", path.read_bytes())
            else:
                found[rel] = ("special", str(path.lstat().st_mode).encode())
    return found


def lay_out(case: Case, project: Path, outside: Path) -> None:
    """The case's files in `project`, and the sentinels in `outside`."""
    outside.mkdir()
    for name, text in OUTSIDE_FILES.items():
        (outside / name).write_text(text, encoding="utf-8")
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'scratch'\n", encoding="utf-8")
    for name, spec in case.files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _make(path, spec, project, outside)


def _make(path: Path, spec: Any, project: Path, outside: Path) -> None:
    if isinstance(spec, str):
        path.write_bytes(spec.replace("{outside}", str(outside)).encode("utf-8"))
    elif "copy" in spec:
        text = (REPO_ROOT / spec["copy"]).read_text(encoding="utf-8")
        for old, new in spec.get("replace", []):
            assert old in text, f"{spec['copy']} holds no {old!r} to replace"
            text = text.replace(old, new, 1)
        path.write_bytes((spec.get("prepend", "") + text + spec.get("append", "")).encode())
    elif "fifo" in spec:
        os.mkfifo(path)
    elif "symlink" in spec:
        os.symlink(str(spec["symlink"]).replace("{outside}", str(outside)), path)
    elif "hardlink" in spec:
        os.link(project / spec["hardlink"], path)
    elif "folder" in spec:
        path.mkdir()
    elif "device" in spec:  # a character device with /dev/null's numbers: root only
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    elif "hex" in spec:
        path.write_bytes(bytes.fromhex(spec["hex"]))
    elif "repeat" in spec:
        text = str(spec.get("head", "")) + spec["repeat"] * spec["times"] + spec.get("tail", "")
        path.write_bytes(text.encode())
    else:
        raise AssertionError(f"unknown file spec {spec!r}")


def run_case(case: Case, sketch: Sketch, tmp: Path) -> list[str]:
    """Run every command line of `case`; the list of what went wrong (empty when it held)."""
    project, outside = tmp / "project", tmp / "outside"
    lay_out(case, project, outside)
    wrong: list[str] = []
    modules = set(sys.modules)
    previous = Path.cwd()
    os.chdir(project)
    try:
        for args in case.runs:
            before_in, before_out = snapshot(project), snapshot(outside)
            args = [a.replace("{outside}", str(outside)) for a in args]
            result = sketch(*args)
            wrong += _judge(case, args, result, before_in, project, before_out, outside)
    finally:
        os.chdir(previous)
        for name in set(sys.modules) - modules:  # helper modules of one case only
            file = getattr(sys.modules[name], "__file__", None) or ""
            if file.startswith(str(tmp)):
                del sys.modules[name]
    return wrong


def _judge(
    case: Case,
    args: list[str],
    result: Any,
    before_in: Snapshot,
    project: Path,
    before_out: Snapshot,
    outside: Path,
) -> list[str]:
    shown = f"`sketch {' '.join(args)}`"
    output = result.stdout + result.stderr
    wrong = []
    if result.exit_code != case.exit:
        wrong.append(f"{shown} exited {result.exit_code}, not {case.exit}:\n{output[:1500]}")
    wrong += [f"{shown} does not say {s!r}:\n{output[:1500]}" for s in case.says if s not in output]
    wrong += [f"{shown} says {s!r}" for s in case.lacks if s in output]
    if len(output) > case.max_output:
        wrong.append(f"{shown} printed {len(output):,} characters (at most {case.max_output:,})")
    if "Traceback (most recent call last)" in output:
        wrong.append(f"{shown} printed a traceback")
    raw = _RAW_CONTROL.search(output)
    if raw:
        wrong.append(f"{shown} printed the raw control character {raw.group()!r}")
    if snapshot(outside) != before_out:
        wrong.append(f"{shown} changed files outside the project")
    after = snapshot(project)
    changed = sorted(
        rel for rel in set(before_in) | set(after) if before_in.get(rel) != after.get(rel)
    )
    unexpected = [rel for rel in changed if not any(fnmatch(rel, g) for g in case.writes)]
    if unexpected:
        wrong.append(f"{shown} changed {unexpected} in the project (allowed: {case.writes})")
    if case.stdout == "json":
        try:
            json.loads(result.stdout)
        except ValueError as exc:
            wrong.append(f"{shown} stdout is not JSON ({exc}): {result.stdout[:300]!r}")
    elif case.stdout == "empty" and result.stdout:
        wrong.append(f"{shown} printed on stdout: {result.stdout[:300]!r}")
    for name, pieces in case.file_has.items():
        text = (project / name).read_text(encoding="utf-8", errors="replace")
        wrong += [f"{name} lacks {p!r}" for p in pieces if p not in text]
    for name, pieces in case.file_lacks.items():
        path = project / name
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        wrong += [f"{name} holds {p!r}" for p in pieces if p in text]
    return wrong
