"""Golden files of tests/notes: byte for byte; `SKETCH_UPDATE_GOLDEN=1` rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SKETCH_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.is_file(), f"no golden file {path}; run with SKETCH_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, (
        f"output differs from tests/notes/golden/{name}; if the change is intended, "
        "regenerate with SKETCH_UPDATE_GOLDEN=1 and review the diff"
    )
