"""Shared by the data-format tests: the example designs, and writing data files to load."""

from __future__ import annotations

from pathlib import Path

from sketch.loading import LoadError, load_design
from sketch.loading.data import load_data_design
from sketch.loading.discover import design_files
from sketch.model import Design

REPO = Path(__file__).resolve().parents[2]
#: Every design in designs/, whatever its format, as `sketch check designs/` finds them.
DESIGN_FILES = design_files([REPO / "designs"])
DESIGN_IDS = [path.name for path in DESIGN_FILES]


def example(path: Path) -> Design:
    return load_design(path).design


def load_text(tmp_path: Path, text: str, name: str = "design.yaml") -> Design:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_data_design(path)


def load_error(tmp_path: Path, text: str, name: str = "design.yaml") -> LoadError:
    """The LoadError that loading `text` raises; fails the test when it loads."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        load_design(path)
    except LoadError as exc:
        return exc
    raise AssertionError(f"{name} loaded, but it should not have:\n{text}")
