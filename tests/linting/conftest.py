"""Design files written under tmp_path, for `sketch lint` to run on."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.linting.helpers import DesignFile


@pytest.fixture
def design_file(tmp_path: Path) -> DesignFile:
    """Write a design file whose body builds on the factories' clean design (and busy_design)."""
    counter = iter(range(1000))

    def write(body: str, name: str | None = None) -> Path:
        path = tmp_path / (name or f"design_{next(counter)}.py")
        header = (
            "from sketch import *  # noqa: F403\n"
            "from tests.helpers.factories import *  # noqa: F403\n"
            "from tests.linting.examples.high_level import busy_design  # noqa: F401\n"
        )
        path.write_text(header + textwrap.dedent(body), encoding="utf-8")
        return path

    return write
