"""Running Graphviz `dot` once for every image format, and making its SVG self-contained."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from sketch.errors import DotError

IMAGE_FORMATS = ("png", "svg")
# cairo draws bitmaps of at most 32,767 px a side; dot shrinks a larger graph and says only
# this on stderr (a 300-component design: 914 x 32,766 px, blurry).
_SCALED = re.compile(r"too large for cairo-renderer bitmaps\. Scaling by ([0-9.]+)")
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
    """Lay the graph out and write every image format; returns the bytes of each."""
    with DotRun(source, icons, formats) as run:
        return {fmt: run.result(fmt) for fmt in run.formats}


class DotRun:
    """`dot` drawing one graph, one process per image format, all started at once.

    Started before the rest of a render so Python's own work (design.md, the DOT file) runs
    while `dot` draws, on the other core; the SVG (13 ms on twitter) is ready long before
    the PNG (83 ms), so `sketch watch` can write it first. Each process runs in a private
    folder holding the DOT file and its `icons/`, so the relative image paths resolve and
    nothing half-written ever lands in the output folder. Use it as a context manager: on
    leaving, processes still running are stopped and the folder is removed.
    """

    def __init__(
        self,
        source: str,
        icons: Mapping[str, Path],
        formats: Iterable[str],
        first: str | None = None,
    ) -> None:
        """`first`: draw that format alone, and start the others once it is done (a watcher
        waits for the SVG; on two busy cores the PNG would slow it down)."""
        asked = set(formats)
        self.formats = tuple(f for f in IMAGE_FORMATS if f in asked)
        self._processes: dict[str, subprocess.Popen[bytes]] = {}
        self._results: dict[str, bytes] = {}
        #: What dot said about an image it still wrote, by format (e.g. a PNG it scaled down).
        self.scaled: dict[str, float] = {}
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        if not self.formats:
            return
        binary = dot_binary()
        self._temp = tempfile.TemporaryDirectory(prefix="sketch-dot-")
        self._work = Path(self._temp.name)
        copy_icons(icons, self._work, atomic=False)  # a private folder: no need to fsync
        (self._work / "architecture.dot").write_text(source, encoding="utf-8")
        self._binary = binary
        self._deadline = time.monotonic() + DOT_TIMEOUT_S
        self._first = first if first in self.formats else None
        self._start([self._first] if self._first else list(self.formats))

    def _start(self, formats: list[str]) -> None:
        try:
            for fmt in formats:
                command = [self._binary, f"-T{fmt}", "-o", f"architecture.{fmt}"]
                self._processes[fmt] = subprocess.Popen(
                    [*command, "architecture.dot"],
                    cwd=self._work,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
        except OSError as exc:
            self.close()
            raise DotError("Graphviz `dot` could not be started", INSTALL_HINT) from exc

    def result(self, fmt: str) -> bytes:
        """The image in format `fmt`, waiting for its `dot` to finish."""
        if fmt in self._results:
            return self._results[fmt]
        if fmt not in self._processes:  # waiting for `first`: it is the others' turn now
            assert self._first is not None
            self.result(self._first)
            return self.result(fmt)
        process = self._processes[fmt]
        try:
            _, stderr = process.communicate(timeout=max(0.0, self._deadline - time.monotonic()))
        except subprocess.TimeoutExpired as exc:
            self.close()
            raise DotError(
                f"Graphviz `dot` took longer than {DOT_TIMEOUT_S} s and was stopped",
                "simplify the design or report the design that triggers it",
            ) from exc
        if process.returncode != 0:
            message = stderr.decode("utf-8", "replace").strip()
            raise DotError(
                f"Graphviz `dot` failed (exit {process.returncode}): {message or 'no message'}",
                "rerun with --debug; if the design is valid this is a bug in sketch",
            )
        found = _SCALED.search(stderr.decode("utf-8", "replace"))
        if found:
            self.scaled[fmt] = float(found.group(1))
        self._results[fmt] = (self._work / f"architecture.{fmt}").read_bytes()
        if fmt == self._first:
            self._start([f for f in self.formats if f not in self._processes])
        return self._results[fmt]

    def close(self) -> None:
        for process in self._processes.values():
            if process.poll() is None:
                process.kill()
            process.communicate()
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def __enter__(self) -> DotRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
