"""Golden files: outputs compared byte for byte with their copies under tests/golden/.

Tests take the `golden` fixture (tests/conftest.py) and call `golden("designs/twitter.dot",
output)`. `pytest --update-golden` (or `./dev test --update-golden`) rewrites each copy that
differs from what the code produces now; review the diff before committing it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.paths import REPO_ROOT

UPDATE_OPTION = "--update-golden"
_DIFF_LINES = 60


@dataclass(frozen=True)
class Golden:
    root: Path
    update: bool = False

    def path(self, name: str) -> Path:
        """The golden file `name`, a path relative to the root (`rendering/twitter.html`)."""
        return self.root / name

    def __call__(self, name: str, actual: str | bytes) -> None:
        """`actual` (text is compared as UTF-8) must be the golden file's bytes exactly."""
        __tracebackhide__ = True  # a failure points at the test's call, not in here
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        path = self.path(name)
        if self.update and (not path.is_file() or path.read_bytes() != data):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        shown = self._shown(path)
        assert path.is_file(), f"no golden file {shown}: run pytest {UPDATE_OPTION} to create it"
        expected = path.read_bytes()
        if data != expected:
            raise AssertionError(
                f"the output differs from {shown}; if the change is intended, rerun with "
                f"pytest {UPDATE_OPTION} and review the diff\n{_diff(expected, data, shown)}"
            )

    @staticmethod
    def _shown(path: Path) -> str:
        return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def _diff(expected: bytes, actual: bytes, name: str) -> str:
    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"(binary: {len(expected)} bytes expected, {len(actual)} bytes produced)"
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), name, "output"
    )
    shown = list(lines)
    more = f"... {len(shown) - _DIFF_LINES} more diff lines\n" if len(shown) > _DIFF_LINES else ""
    return "".join(shown[:_DIFF_LINES]) + more
