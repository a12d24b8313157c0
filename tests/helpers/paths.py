"""Where the checkout is: the one definition the suite uses (read it only: write under tmp_path).

Test functions take the `repo_root` fixture; a module that needs the path at import time, to
parametrize over files, imports `REPO_ROOT`. Both are this value.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
#: The expected outputs, compared byte for byte by the `golden` fixture.
GOLDEN_ROOT = REPO_ROOT / "tests" / "golden"


def committed_designs(suffixes: tuple[str, ...] = (".py", ".yaml", ".yml", ".json")) -> list[Path]:
    """The gallery: design files in designs/ that are committed (in git's HEAD), sorted.

    A user who follows the README and saves a design of their own in designs/ breaks no
    test: only what the project committed is the gallery. Outside a git checkout (an
    unpacked sdist) every file is taken, as there is nothing else to go by.
    """
    import subprocess

    folder = REPO_ROOT / "designs"
    try:
        done = subprocess.run(
            ["git", "ls-tree", "--name-only", "HEAD", "designs/"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        names = [p.name for p in folder.iterdir()]
    else:
        names = [Path(line).name for line in done.stdout.splitlines()]
    return sorted(
        folder / name
        for name in names
        if name.endswith(suffixes) and not name.startswith(("_", ".")) and (folder / name).is_file()
    )
