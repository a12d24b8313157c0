"""Golden files: compared byte for byte; `SKETCH_UPDATE_GOLDEN=1 pytest tests/render` rewrites."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("SKETCH_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual)
    assert path.is_file(), f"no golden file {path}; run with SKETCH_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes()
    if actual != expected:
        raise AssertionError(
            f"{name} differs from tests/render/golden/{name}; if the change is intended, "
            "regenerate with SKETCH_UPDATE_GOLDEN=1 and review the diff"
        )
