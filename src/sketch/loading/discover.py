"""Which files a command works on: folders expand to the files of a kind directly inside them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sketch.loading.python import DATA_SUFFIXES

DESIGN_SUFFIXES = (".py", *DATA_SUFFIXES)
NOTE_SUFFIXES = (".md", ".markdown")


def expand_folders(
    paths: Iterable[Path], suffixes: Iterable[str], *, skip_private: bool = True
) -> list[Path]:
    """Folders become the matching files directly inside them, sorted; files stay as given.

    With `skip_private`, names starting with `_` or `.` are skipped in folders (`_helpers.py`,
    `_sketch.schema.json`), so a folder of designs can hold the modules and schema they use.
    """
    wanted = {s.lower() for s in suffixes}
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in wanted
                and p.is_file()
                and not (skip_private and p.name.startswith(("_", ".")))
            )
        else:
            found.append(path)
    return found


def design_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the design files (.py, .yaml, .yml, .json) they hold."""
    return expand_folders(paths, DESIGN_SUFFIXES)


def note_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the Markdown notes they hold."""
    return expand_folders(paths, NOTE_SUFFIXES, skip_private=False)
