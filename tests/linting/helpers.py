"""Paths and types the lint tests share (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).parent / "data"
#: One database, no cache, no bottlenecks, one deep dive (and more): fires 29 findings.
WEAK = DATA / "weak_design.py"

DesignFile = Callable[..., Path]
