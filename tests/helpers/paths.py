"""Where the checkout is: the one definition the suite uses (read it only: write under tmp_path).

Test functions take the `repo_root` fixture; a module that needs the path at import time, to
parametrize over files, imports `REPO_ROOT`. Both are this value.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
#: The expected outputs, compared byte for byte by the `golden` fixture.
GOLDEN_ROOT = REPO_ROOT / "tests" / "golden"
