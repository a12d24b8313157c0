"""The example designs in designs/, in every format: what the output formats are tried on."""

from __future__ import annotations

from pathlib import Path

from sketch.loading import load_design
from sketch.model import Design
from tests.helpers.paths import committed_designs

#: Every committed design in designs/, whatever its format (a user's own file there is not
#: the project's gallery, see `committed_designs`).
DESIGN_FILES = committed_designs()
DESIGN_IDS = [path.name for path in DESIGN_FILES]


def example(path: Path) -> Design:
    return load_design(path).design
