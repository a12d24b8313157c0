"""Rendering designs: the architecture diagram (PNG, SVG, DOT) and the `design.md` note.

Only `rendering.diagram` imports `diagrams`/`graphviz`, and only when a diagram is drawn.
The names below are imported on first use (PEP 562), so a command that needs one module of
this package (`sketch new` writes a file) does not import the design model with the rest.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from sketch.errors import RenderError
    from sketch.rendering.formats import (
        default_formats,
        describe_formats,
        formats,
        parse_formats,
        register_format,
        render_design,
    )

_SOURCES = {
    "RenderError": "sketch.errors",
    "default_formats": "sketch.rendering.formats",
    "describe_formats": "sketch.rendering.formats",
    "formats": "sketch.rendering.formats",
    "parse_formats": "sketch.rendering.formats",
    "register_format": "sketch.rendering.formats",
    "render_design": "sketch.rendering.formats",
}

__all__ = [
    "RenderError",
    "default_formats",
    "describe_formats",
    "formats",
    "parse_formats",
    "register_format",
    "render_design",
]


def __getattr__(name: str) -> object:
    if name not in _SOURCES:
        raise AttributeError(f"module 'sketch.rendering' has no attribute {name!r}")
    value = getattr(_importlib.import_module(_SOURCES[name]), name)
    globals()[name] = value
    return value
