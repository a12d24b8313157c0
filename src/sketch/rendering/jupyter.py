"""Rich display of a `Design` in Jupyter: the diagram and tables inline in the notebook.

`Design._repr_svg_`, `_repr_html_` and `_repr_markdown_` call these lazily, so importing the
model never imports the renderer. IPython asks for every representation at once and the
front end picks one (HTML first in JupyterLab), so the SVG is drawn once per design and kept.
A representation that cannot be produced returns None, which IPython skips quietly.
"""

from __future__ import annotations

import functools
import logging

from sketch.model import Design

_log = logging.getLogger(__name__)


def repr_svg(design: Design) -> str | None:
    """The architecture diagram, as `sketch render` draws it."""
    try:
        return _svg(design)
    except TypeError:  # a design that cannot be hashed cannot be cached: draw it each time
        return _draw(design)


@functools.lru_cache(maxsize=16)
def _svg(design: Design) -> str | None:
    return _draw(design)


def _draw(design: Design) -> str | None:
    from sketch.errors import RenderError
    from sketch.rendering.formats import render_image

    try:
        return render_image(design, "svg").decode("utf-8")
    except (RenderError, OSError) as exc:
        # No Graphviz, or a design the renderer refuses: the tables still show.
        _log.warning("sketch: cannot draw %s: %s", design.name, exc)
        return None


def repr_html(design: Design) -> str:
    """Diagram and tables as one HTML fragment with its (scoped) style, nothing external."""
    from sketch.rendering.html import STYLE, render_fragment

    return f"<style>\n{STYLE}</style>\n{render_fragment(design, repr_svg(design))}"


def repr_markdown(design: Design) -> str:
    """Title, Mermaid architecture (JupyterLab 4.1+ draws it), schema and API tables."""
    from sketch.rendering import mermaid
    from sketch.rendering.markdown import SECTIONS

    parts = [
        SECTIONS["overview"](design),
        f"```mermaid\n{mermaid.architecture(design)}```\n",
        SECTIONS["schema"](design),
        SECTIONS["apis"](design),
    ]
    return "\n".join(parts)
