"""The architecture diagram's files (PNG, SVG, DOT + icons), with `dot` running in the background.

A `DiagramJob` builds the DOT source and starts `dot` at once; the caller does its other work
(design.md, other formats) while `dot` draws, then asks for the files. `render_design` and
`render_svg_first` (for `sketch watch` and the live preview) share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sketch.rendering.dot import IMAGE_FORMATS, DotRun, embed_images
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

if TYPE_CHECKING:
    from sketch.model import Design

#: The formats a `DiagramJob` produces.
DIAGRAM_FORMATS = frozenset({*IMAGE_FORMATS, "dot"})


class DiagramJob:
    """DOT built and `dot` started on construction; `files()` waits for what it needs."""

    def __init__(
        self,
        design: Design,
        names: Iterable[str],
        first: str | None = None,
        *,
        options: RenderOptions = DEFAULT_OPTIONS,
    ) -> None:
        from sketch.rendering.diagram import diagram_source
        from sketch.rendering.scene import build_scene

        self.design_name = design.name
        self.names = frozenset(names) & DIAGRAM_FORMATS
        self.source = diagram_source(build_scene(design, options), options)
        self.run = DotRun(self.source.dot, self.source.icons, self.names, first)

    def image(self, fmt: str) -> bytes:
        """`png`, or the self-contained `svg` (each icon embedded once)."""
        data = self.run.result(fmt)
        if fmt in self.run.scaled:
            _say_scaled(self.design_name, fmt, self.run.scaled[fmt], "svg" in self.names)
        return embed_images(data, self.source.icons) if fmt == "svg" else data

    def files(self, names: Iterable[str] | None = None) -> dict[str, bytes]:
        """Output files by relative path, for `names` (default: every format asked for)."""
        wanted = self.names if names is None else self.names & frozenset(names)
        files = {f"architecture.{fmt}": self.image(fmt) for fmt in IMAGE_FORMATS if fmt in wanted}
        if "dot" in wanted:
            # The DOT references its icons relatively, so they travel with it.
            files["architecture.dot"] = self.source.dot.encode("utf-8")
            files.update({rel: path.read_bytes() for rel, path in self.source.icons.items()})
        return files

    def close(self) -> None:
        self.run.close()

    def __enter__(self) -> DiagramJob:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _say_scaled(name: str, fmt: str, factor: float, with_svg: bool) -> None:
    """A PNG that dot had to shrink is said so, on the `sketch.rendering` logger: a warning
    reaches stderr even where nothing configured logging (Python's last-resort handler)."""
    import logging

    where = "architecture.svg (rendered alongside)" if with_svg else "`--format svg`"
    logging.getLogger("sketch.rendering").warning(
        "warning: %s/architecture.%s is too large for a sharp bitmap (cairo draws at most "
        "32,767 px a side), so Graphviz shrank it to %d %%; %s has every detail",
        name,
        fmt,
        round(factor * 100),
        where,
    )
