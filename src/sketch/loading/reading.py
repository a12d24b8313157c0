"""Reading a design file's text: regular files only, bounded in size, UTF-8 with a position.

Python designs and data files are read the same way, so a FIFO never hangs a load, a link to
`/dev/zero` is never read until memory runs out, and text that is not UTF-8 is reported at
its line. Every file read here is remembered as an input (`sketch.loading.inputs`), so no
output of the same run can overwrite it.
"""

from __future__ import annotations

from pathlib import Path

from sketch.errors import LoadError
from sketch.loading.inputs import remember_input
from sketch.loading.nodes import MAX_FILE_BYTES


def read_design_text(path: Path) -> str:
    """The UTF-8 text of the design file at `path`; `LoadError` saying why it cannot be read."""
    try:
        if not path.is_file():  # a pipe or a device could block or never end
            raise LoadError(
                str(path),
                None,
                "not a regular file (a FIFO, a device or a folder cannot be a design)",
                help="name a design file",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever stat says
    except OSError as exc:
        raise LoadError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    remember_input(path)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(
            str(path),
            None,
            f"the file is {max(path.stat().st_size, len(data)):,} bytes; a design file may be at "
            f"most {MAX_FILE_BYTES:,}",
            help="a design is a sketch: split it, or move long prose into notes",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            str(path),
            line,
            f"not UTF-8 text: {exc.reason} (byte 0x{data[exc.start]:02x} at line {line}, "
            f"column {column})",
            help="save the file as UTF-8 (most editors: File > Save with Encoding > UTF-8)",
        ) from exc
