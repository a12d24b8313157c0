"""Rendering designs: the architecture diagram (PNG, SVG, DOT) and the `design.md` note.

Only `rendering.diagram` imports `diagrams`/`graphviz`, and only when a diagram is drawn.
"""

from sketch.errors import RenderError
from sketch.rendering.formats import (
    default_formats,
    describe_formats,
    formats,
    parse_formats,
    register_format,
    render_design,
)

__all__ = [
    "RenderError",
    "default_formats",
    "describe_formats",
    "formats",
    "parse_formats",
    "register_format",
    "render_design",
]
