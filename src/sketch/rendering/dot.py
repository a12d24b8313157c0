"""Running Graphviz `dot` once for every image format, and making its SVG self-contained."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from sketch.errors import DotError

IMAGE_FORMATS = ("png", "svg")
DOT_TIMEOUT_S = 120
INSTALL_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian/Ubuntu), `brew install graphviz` "
    "(macOS), or see https://graphviz.org/download/"
)


def dot_binary() -> str:
    found = shutil.which("dot")
    if found is None:
        raise DotError("Graphviz `dot` was not found on PATH", INSTALL_HINT)
    return found


def run_dot(source: str, icons: Mapping[str, Path], formats: Iterable[str]) -> dict[str, bytes]:
    """Lay the graph out once and write every format; returns the bytes of each.

    Runs in a private folder holding the DOT file and its `icons/`, so the relative image paths
    resolve and nothing half-written ever lands in the output folder.
    """
    wanted = [f for f in IMAGE_FORMATS if f in set(formats)]
    if not wanted:
        return {}
    binary = dot_binary()
    with tempfile.TemporaryDirectory(prefix="sketch-dot-") as temp:
        work = Path(temp)
        copy_icons(icons, work, atomic=False)  # a private folder: no need to fsync
        (work / "architecture.dot").write_text(source, encoding="utf-8")
        command = [binary]
        for fmt in wanted:  # `-Tsvg -o a.svg -Tpng -o a.png`: one layout, several outputs
            command += [f"-T{fmt}", "-o", f"architecture.{fmt}"]
        command.append("architecture.dot")
        _run(command, work)
        return {fmt: (work / f"architecture.{fmt}").read_bytes() for fmt in wanted}


def _run(command: list[str], cwd: Path) -> None:
    try:
        result = subprocess.run(
            command, cwd=cwd, capture_output=True, timeout=DOT_TIMEOUT_S, check=False
        )
    except FileNotFoundError as exc:
        raise DotError("Graphviz `dot` could not be started", INSTALL_HINT) from exc
    except subprocess.TimeoutExpired as exc:
        raise DotError(
            f"Graphviz `dot` took longer than {DOT_TIMEOUT_S} s and was stopped",
            "simplify the design or report the design that triggers it",
        ) from exc
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise DotError(
            f"Graphviz `dot` failed (exit {result.returncode}): {stderr or 'no message'}",
            "rerun with --debug; if the design is valid this is a bug in sketch",
        )


def copy_icons(icons: Mapping[str, Path], folder: Path, *, atomic: bool = True) -> list[Path]:
    """Copy each icon to `folder/<relative path>`; returns the files written, sorted."""
    from sketch.rendering.files import write_bytes_atomic

    written = []
    for relative, source in sorted(icons.items()):
        target = folder / relative
        if atomic:
            write_bytes_atomic(target, source.read_bytes())
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        written.append(target)
    return written


def embed_images(svg: bytes, icons: Mapping[str, Path]) -> bytes:
    """dot's SVG with each `xlink:href="icons/x.png"` icon embedded, once per distinct icon."""
    from sketch.rendering.icon_data import embed_icons

    return embed_icons(svg, icons)
