"""Which files a command works on: folders expand to the files of a kind directly inside them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sketch.errors import UsageError, relative_path
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
    """Expand folders into the design files (.py, .yaml, .yml, .json) they hold; `UsageError`
    (exit 2) when there are none, so a folder with no designs never passes as "no problems"."""
    given = list(paths)
    return _some(expand_folders(given, DESIGN_SUFFIXES), given, "design files", DESIGN_SUFFIXES)


def note_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the Markdown notes they hold; `UsageError` when there are none."""
    given = list(paths)
    found = expand_folders(given, NOTE_SUFFIXES, skip_private=False)
    return _some(found, given, "notes", NOTE_SUFFIXES)


def _some(found: list[Path], given: list[Path], what: str, suffixes: Iterable[str]) -> list[Path]:
    if found:
        return found
    places = ", ".join(relative_path(p) for p in given) or "(no path given)"
    raise UsageError(
        f"no {what} found in {places}",
        f"pass {what} ({', '.join(suffixes)}) or folders holding them; names starting with "
        "`_` or `.` in a folder are skipped",
    )
