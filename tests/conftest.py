"""Fixtures shared by the whole suite. Keep this small: fixtures of one area live with its tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder: README.md, dev, designs/ (read only: write under tmp_path)."""
    return REPO


@pytest.fixture(scope="session")
def sketch_command() -> list[str]:
    """The `sketch` command as a real subprocess of this interpreter (the .venv's)."""
    return [sys.executable, "-m", "sketch"]
