"""Time sketch the way an installed copy runs: from compiled bytecode.

With PYTHONDONTWRITEBYTECODE set (some containers and CI images set it), Python never writes
`__pycache__`, so every module changed since the last compile is compiled again in every
timed process: on this project that made `import sketch.model` swing between 0.25 and 0.45 s
and hid real changes. pip compiles an installed wheel at install time; an editable checkout
compiles on first import. `steady_bytecode()` does that once up front and lets the timed
child processes use it.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src"


def steady_bytecode() -> None:
    """Compile sketch's sources once and let the timed processes read the bytecode."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(SOURCE, quiet=1)
