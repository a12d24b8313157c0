"""What `sketch embed` can put between markers: one function per section name.

The Markdown tables and prose come from `sketch.rendering.markdown` (and the estimates from
`sketch.estimating`), so a note shows exactly what `design.md` shows. This module adds the
image link, the Mermaid blocks and the plumbing: each section returns the Markdown body and
the image files that body links to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from sketch.errors import SectionError
from sketch.model import Design
from sketch.rendering.formats import FILE_NAME_HELP, usable_in_file_names

if TYPE_CHECKING:
    from sketch.loading.settings import Config
from sketch.rendering import mermaid

IMAGE_FORMATS = ("svg", "png")
#: Images go in this folder beside the note, so they are committed along with it.
IMAGE_FOLDER = "images"


@dataclass(frozen=True)
class Request:
    design: Design
    options: tuple[str, ...]
    settings: Config | None = None  # the project's `[tool.sketch]`, from beside the design


@dataclass(frozen=True)
class Generated:
    """A region's new body (Markdown, `\\n` line ends) and images keyed by path from the note."""

    body: str
    images: dict[str, tuple[Design, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    description: str
    build: Callable[[Request], Generated]
    options: tuple[str, ...] = ()


def image_path(design: Design, fmt: str) -> str:
    """`images/<design>-architecture.svg`: where the diagram goes, relative to the note."""
    if not usable_in_file_names(design.name):
        raise SectionError(
            f"design name {design.name!r} cannot be used in an image file name", FILE_NAME_HELP
        )
    return str(PurePosixPath(IMAGE_FOLDER) / f"{design.name}-architecture.{fmt}")


def _image_format(options: tuple[str, ...]) -> str:
    return options[0] if options else "svg"


def _architecture(request: Request) -> Generated:
    from sketch.rendering.escape import markdown_text

    fmt = _image_format(request.options)
    path = image_path(request.design, fmt)
    alt = markdown_text(f"Architecture of {request.design.display_title}")
    return Generated(f"![{alt}]({path})\n", {path: (request.design, fmt)})


def _fenced(diagram: str) -> str:
    return f"```mermaid\n{diagram}```\n"


def _mermaid_architecture(request: Request) -> Generated:
    return Generated(_fenced(mermaid.architecture(request.design)))


def _mermaid_flows(request: Request) -> Generated:
    return Generated("\n".join(_fenced(d) for d in mermaid.sequences(request.design)))


def _mermaid_er(request: Request) -> Generated:
    return Generated(_fenced(mermaid.er(request.design)))


def _markdown(name: str) -> Callable[[Request], Generated]:
    def build(request: Request) -> Generated:
        from sketch.rendering.markdown import SECTIONS as MARKDOWN

        return Generated(MARKDOWN[name](request.design))

    return build


def project_section(name: str, design: Design, settings: Config | None) -> str:
    """A section that reads the project's `[tool.sketch.estimate]` and
    `[tool.sketch.capacity]` (the estimates, the load), as `sketch render` writes it."""
    from sketch.estimating.project import project_estimating
    from sketch.rendering.markdown import PROJECT_SECTIONS

    return PROJECT_SECTIONS[name](design, project_estimating(settings))


def _project(name: str) -> Callable[[Request], Generated]:
    def build(request: Request) -> Generated:
        return Generated(project_section(name, request.design, request.settings))

    return build


def _whole_design(request: Request) -> Generated:
    """`design.md` as `sketch render` writes it, with the diagram linked from the note."""
    from sketch.rendering.markdown import DOCUMENT, PROJECT_SECTIONS, architecture
    from sketch.rendering.markdown import SECTIONS as MARKDOWN

    fmt = _image_format(request.options)
    path = image_path(request.design, fmt)
    parts = []
    for name in DOCUMENT:
        if name == "architecture":
            parts.append(architecture(request.design, image=path))
        elif name in PROJECT_SECTIONS:
            parts.append(project_section(name, request.design, request.settings))
        elif name in MARKDOWN:
            parts.append(MARKDOWN[name](request.design))
    return Generated("\n".join(part for part in parts if part), {path: (request.design, fmt)})


SECTIONS: dict[str, Section] = {
    "architecture": Section(
        "image link to the rendered diagram (svg, or png)", _architecture, IMAGE_FORMATS
    ),
    "mermaid-architecture": Section("Mermaid flowchart of the components", _mermaid_architecture),
    "mermaid-flows": Section("one Mermaid sequence diagram per flow", _mermaid_flows),
    "mermaid-er": Section("Mermaid ER diagram of the entities", _mermaid_er),
    "requirements": Section(
        "step 1: scope, scale, latency, consistency", _markdown("requirements")
    ),
    "estimates": Section("back-of-envelope numbers", _project("estimates")),
    "load": Section("each component's load, capacity and what breaks first", _project("load")),
    "schema": Section("one table per entity", _markdown("schema")),
    "apis": Section("the API table", _markdown("apis")),
    "flows": Section("the request flows, step by step", _markdown("flows")),
    "bottlenecks": Section("bottlenecks and their fixes", _markdown("bottlenecks")),
    "deep-dives": Section("deep dives: approaches, decision", _markdown("deep-dives")),
    "scope": Section("clarifying questions, assumptions, deferred entities", _markdown("scope")),
    "checklist": Section("the guide's Final Interview Checklist, ticked", _markdown("checklist")),
    "design": Section(
        "the whole design note (svg, or png for its diagram)", _whole_design, IMAGE_FORMATS
    ),
}


def validate_options(name: str, options: tuple[str, ...]) -> None:
    allowed = SECTIONS[name].options
    if not options:
        return
    if not allowed:
        raise SectionError(
            f"section '{name}' takes no options (got {' '.join(options)})",
            f"remove {' '.join(options)!r} from the marker",
        )
    if len(options) > 1 or options[0] not in allowed:
        raise SectionError(
            f"section '{name}' takes one of {', '.join(allowed)} (got {' '.join(options)})",
            f"e.g. `<!-- sketch: designs/twitter.py {name} {allowed[-1]} -->`",
        )
