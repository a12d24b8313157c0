"""Rendering one design into its output folder: which files each format produces, and writing.

Formats are registered producers, so new ones (html, mermaid, openapi, sql) plug in with
`register_format` without touching the command. `render_design` is a plain top-level function
of picklable arguments, ready to be run in worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.checking import broken_references, check
from sketch.errors import RenderError, UndrawableDesign
from sketch.loading import LoadedDesign
from sketch.model import Design
from sketch.rendering.files import write_folder_atomic
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

if TYPE_CHECKING:
    from sketch.loading.settings import Config

# A producer gets the design, every format asked for (it acts on those it registered for) and
# how to draw: `RenderOptions` holds the direction, the theme, a draft's problems and the
# project's `[tool.sketch]` settings (`options.settings`, None: the defaults). It returns file
# contents by path relative to the design's output folder.
Producer = Callable[[Design, frozenset[str], RenderOptions], dict[str, bytes]]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    description: str
    producer: Producer
    default: bool


_FORMATS: dict[str, OutputFormat] = {}


def register_format(
    name: str, description: str, producer: Producer, *, default: bool = True
) -> None:
    """Make `--format NAME` available. Formats sharing a producer are produced in one call.

    Default formats are what a plain `sketch render` writes; the others only when asked for
    by name or with `all`.
    """
    _FORMATS[name] = OutputFormat(name, description, producer, default)


def formats() -> tuple[str, ...]:
    """Every registered format, in registration order (what `all` means)."""
    return tuple(_FORMATS)


def default_formats() -> tuple[str, ...]:
    """What `sketch render` writes when no `--format` is given."""
    return tuple(name for name, fmt in _FORMATS.items() if fmt.default)


def describe_formats() -> str:
    """One line per format for `--help` and error messages."""
    return "\n".join(
        f"{f.name}: {f.description}{'' if f.default else ' (only when asked for)'}"
        for f in _FORMATS.values()
    )


def parse_formats(text: str) -> tuple[str, ...]:
    """`"svg, md"` -> `("svg", "md")`, in registration order; `all` is every format and
    `default` the default ones."""
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    if "all" in asked:
        asked = (asked - {"all"}) | set(_FORMATS)
    if "default" in asked:
        asked = (asked - {"default"}) | set(default_formats())
    unknown = sorted(asked - set(_FORMATS))
    if unknown or not asked:
        known = ", ".join(_FORMATS)
        raise RenderError(
            f"unknown format(s): {', '.join(unknown)}" if unknown else "no format given",
            f"choose from: {known}, default, all (comma-separated, e.g. --format svg,md)",
        )
    return tuple(name for name in _FORMATS if name in asked)


_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
#: How to fix a design name that `usable_in_file_names` refuses.
FILE_NAME_HELP = "use letters, digits, '_', '-' and '.', e.g. Design(name=\"twitter\")"


def usable_in_file_names(name: str) -> bool:
    """Whether a design name can name a folder or file: nothing that could leave the folder."""
    return bool(_FILE_NAME.fullmatch(name)) and ".." not in name


def design_folder(out_dir: Path, design: Design) -> Path:
    """`out_dir/<design.name>`; a name that would leave `out_dir` is refused."""
    if not usable_in_file_names(design.name):
        raise RenderError(
            f"design name {design.name!r} cannot be used as a folder name", FILE_NAME_HELP
        )
    return out_dir / design.name


def render_design(
    loaded_or_design: LoadedDesign | Design,
    out_dir: Path,
    formats: Iterable[str] = (),
    settings: Config | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> list[Path]:
    """Render a design into `out_dir/<design.name>/`; returns the files written.

    Every output is produced in memory first, then the folder is swapped in whole
    (`write_folder_atomic`), so a failing renderer, a bad `[tool.sketch]` table in `settings`,
    a full disk or a kill leaves it as it was. No `formats` means the default ones. A design
    with check problems is drawn as a draft when `options.problems` lists them: references
    that do not resolve are left out of the picture, and every output carries the banner.
    """
    from dataclasses import replace

    if settings is not None:
        options = replace(options, settings=settings)
    design = (
        loaded_or_design.design
        if isinstance(loaded_or_design, LoadedDesign)
        else (loaded_or_design)
    )
    wanted = tuple(formats) or default_formats()
    folder = design_folder(out_dir, design)
    files: dict[str, bytes] = {}
    for producer in _producers(wanted):
        files.update(producer(design, frozenset(wanted), options))
    return write_folder_atomic(folder, files)


def render_image(design: Design, fmt: str) -> bytes:
    """The architecture diagram (`png` or `svg`) as `sketch render` draws it, in memory.

    A design whose references are broken is refused (`UndrawableDesign`), as `sketch render`
    refuses it after `check`; the framework's size limits (3-5 entities, 5-8 APIs) do not
    block a picture, so a design in progress can still be drawn.
    """
    design_folder(Path(), design)  # the names `sketch render` refuses are refused here too
    problems = broken_references(check(design))
    if problems:
        first = problems[0]
        where = f" ({first.source})" if first.source else ""
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        raise UndrawableDesign(
            f"cannot draw '{design.name}': {first.code} {first.message}{where}{more}",
            "fix the design; `sketch check` lists every problem",
        )
    return draw_image(design, fmt)


def draw_image(design: Design, fmt: str, options: RenderOptions = DEFAULT_OPTIONS) -> bytes:
    """The architecture diagram in memory, drafts included: what does not resolve is left out."""
    image = _diagram_files(design, frozenset({fmt}), options).get(f"architecture.{fmt}")
    if image is None:
        raise RenderError(f"no {fmt} diagram: the diagram formats are png and svg")
    return image


def _producers(wanted: Iterable[str]) -> list[Producer]:
    producers: list[Producer] = []
    for name in wanted:
        if name not in _FORMATS:
            raise RenderError(f"unknown format: {name}", f"choose from: {', '.join(_FORMATS)}")
        if _FORMATS[name].producer not in producers:
            producers.append(_FORMATS[name].producer)
    return producers


def _diagram_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    from sketch.rendering.diagram import diagram_source
    from sketch.rendering.dot import embed_images, run_dot
    from sketch.rendering.scene import build_scene

    source = diagram_source(build_scene(design, options), options)
    images = run_dot(source.dot, source.icons, names)  # DotError is a RenderError
    files: dict[str, bytes] = {}
    if "png" in images:
        files["architecture.png"] = images["png"]
    if "svg" in images:
        files["architecture.svg"] = embed_images(images["svg"], source.icons)
    if "dot" in names:
        # The DOT references its icons relatively, so they travel with it.
        files["architecture.dot"] = source.dot.encode("utf-8")
        files.update({relative: path.read_bytes() for relative, path in source.icons.items()})
    return files


def _flow_view_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    """`architecture-flow-N.svg`: one view per flow, its steps and the components it walks
    (Structurizr's dynamic views), which keeps a big design's flows readable."""
    from dataclasses import replace

    files: dict[str, bytes] = {}
    for number in range(1, len(design.flows) + 1):
        view = replace(options, flow=number)
        svg = _diagram_files(design, frozenset({"svg"}), view)["architecture.svg"]
        files[f"architecture-flow-{number}.svg"] = svg
    return files


def _markdown_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    from sketch.estimating.project import project_estimating
    from sketch.rendering.markdown import design_markdown

    # The note links the SVG only when it is rendered alongside.
    estimating = project_estimating(options.settings)
    text = design_markdown(
        design, with_diagram="svg" in names, estimating=estimating, options=options
    )
    return {"design.md": text.encode("utf-8")}


register_format("png", "architecture diagram, PNG", _diagram_files)
register_format("svg", "architecture diagram, self-contained SVG", _diagram_files)
register_format("dot", "architecture diagram, Graphviz DOT source with its icons/", _diagram_files)
register_format(
    "md", "design.md: requirements, schema, API, flows, bottlenecks, deep dives", _markdown_files
)


def _html_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    from sketch.rendering.html import html_files

    return html_files(design, names, options)


def _mermaid_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    from sketch.rendering.mermaid import mermaid_files

    return mermaid_files(design, names, options)


def _export_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    from sketch.rendering.exports import produce_exports

    return produce_exports(design, names)


register_format(
    "html",
    "design.html: one self-contained page (inline SVG, tables, flows)",
    _html_files,
    default=False,
)
register_format(
    "mermaid",
    "architecture.mmd, er.mmd, flow-N.mmd: Mermaid diagrams",
    _mermaid_files,
    default=False,
)
register_format(
    "flows",
    "architecture-flow-N.svg: one architecture view per flow",
    _flow_view_files,
    default=False,
)
register_format("openapi", "openapi.json: OpenAPI 3.1 document", _export_files, default=False)
register_format("sql", "schema.sql: PostgreSQL DDL", _export_files, default=False)
