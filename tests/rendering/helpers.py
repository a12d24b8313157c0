"""The example designs in designs/, in every format: what the output formats are tried on."""

from __future__ import annotations

from pathlib import Path

from sketch.loading import load_design
from sketch.loading.discover import design_files
from sketch.model import Design
from tests.helpers.paths import REPO_ROOT

#: Every design in designs/, whatever its format, as `sketch check designs/` finds them.
DESIGN_FILES = design_files([REPO_ROOT / "designs"])
DESIGN_IDS = [path.name for path in DESIGN_FILES]


def example(path: Path) -> Design:
    return load_design(path).design
