"""The files this run has read as inputs, so no output of the same run can overwrite one.

`sketch convert x.py -o x.py` or an embed image named like a design would replace the design
the user wrote. Loaders call `remember_input` on every design, helper module and settings file
they read; the guarded writer (`sketch.rendering.files`) refuses any target that is one of
them. Files are compared by device and inode, so a second name for a file (a hard link, a
symlink, `./x.py` against `x.py`) is still the same input.
"""

from __future__ import annotations

import os
from pathlib import Path

_inputs: dict[tuple[int, int], Path] = {}


def remember_input(path: Path | str) -> None:
    """Record `path` as read by this run; a file that cannot be stat'ed is not recorded."""
    try:
        info = os.stat(path)
    except OSError:
        return
    _inputs.setdefault((info.st_dev, info.st_ino), Path(path))


def input_at(path: Path | str) -> Path | None:
    """The input `path` names (by any of its names), or None when it is not an input."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    key = (info.st_dev, info.st_ino)
    known = _inputs.get(key)
    if known is None:
        return None
    try:  # the input may have been deleted since and its inode reused by a new file
        again = os.stat(known)
    except OSError:
        return None
    return known if (again.st_dev, again.st_ino) == key else None


def forget_inputs() -> None:
    """Start a new run's record (tests, and `watch` between rounds)."""
    _inputs.clear()
