"""Fixtures shared by the whole suite. Keep this small: fixtures of one area live with its tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch, in_process
from tests.helpers.golden import UPDATE_OPTION, Golden
from tests.helpers.paths import GOLDEN_ROOT, REPO_ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        UPDATE_OPTION,
        action="store_true",
        help="rewrite the golden files under tests/golden/ that differ (then review the diff)",
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder: README.md, dev, designs/ (read only: write under tmp_path)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def golden(pytestconfig: pytest.Config) -> Golden:
    """`golden(name, output)`: `output` must be tests/golden/<name> byte for byte."""
    return Golden(GOLDEN_ROOT, update=bool(pytestconfig.getoption(UPDATE_OPTION)))


@pytest.fixture(scope="session")
def sketch() -> Sketch:
    """`sketch(*args)` runs the CLI in-process; it returns exit code, stdout, stderr and output."""
    return in_process()


@pytest.fixture(scope="session")
def sketch_command() -> list[str]:
    """The `sketch` command as a real subprocess of this interpreter (the .venv's)."""
    return [sys.executable, "-m", "sketch"]
