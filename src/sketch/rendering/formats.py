"""Rendering one design into its output folder: which files each format produces, and writing.

Formats are registered producers, so new ones (html, mermaid, openapi, sql) plug in with
`register_format` without touching the command. `render_design` is a plain top-level function
of picklable arguments, ready to be run in worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.errors import RenderError, UndrawableDesign
from sketch.rendering.files import write_bytes_atomic, write_folder_atomic
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

if TYPE_CHECKING:  # imported where used: `sketch new` imports this package, not the model
    from sketch.loading import LoadedDesign
    from sketch.loading.settings import Config
    from sketch.model import Design
    from sketch.rendering.diagram_job import DiagramJob

# A producer gets the design, every format asked for (it acts on those it registered for) and
# how to draw: `RenderOptions` holds the direction, the theme, a draft's problems and the
# project's `[tool.sketch]` settings (`options.settings`, None: the defaults). It returns file
# contents by path relative to the design's output folder.
Producer = Callable[["Design", frozenset[str], RenderOptions], dict[str, bytes]]


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
    a full disk or a kill leaves it as it was. No `formats` means the default ones. `dot` is
    started first and draws while the other formats are produced. A design with check
    problems is drawn as a draft when `options.problems` lists them: references that do not
    resolve are left out of the picture, and every output carries the banner.
    """
    from dataclasses import replace

    if settings is not None:
        options = replace(options, settings=settings)
    design = _design_of(loaded_or_design)
    wanted = tuple(formats) or default_formats()
    folder = design_folder(out_dir, design)
    names = frozenset(wanted)
    producers = _producers(wanted)
    files: dict[str, bytes] = {}
    with _diagram_job(design, names, producers, options) as job:
        for producer in producers:
            if producer is not _diagram_files:
                files.update(producer(design, names, options))
        if job is not None:
            files.update(job.files())
    return write_folder_atomic(folder, files)


def render_svg_first(
    loaded_or_design: LoadedDesign | Design,
    out_dir: Path,
    formats: Iterable[str] = (),
    settings: Config | None = None,
    on_written: Callable[[Path], None] | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> list[Path]:
    """`render_design` for re-renders while someone looks (`sketch watch`, the live preview):
    the new SVG is on disk as soon as `dot -Tsvg` has drawn it (13 ms on twitter), then the
    other formats follow; `on_written` hears of each file as it lands. Each step swaps the
    folder in whole (`write_folder_atomic`, which keeps the files already there), so a
    failing renderer leaves the new SVG and the older rest, never half a file.
    """
    from dataclasses import replace

    if settings is not None:
        options = replace(options, settings=settings)
    design = _design_of(loaded_or_design)
    wanted = tuple(formats) or default_formats()
    folder = design_folder(out_dir, design)
    names = frozenset(wanted)
    producers = _producers(wanted)
    written: list[Path] = []

    def write(files: dict[str, bytes]) -> None:
        for path in write_folder_atomic(folder, files) if files else []:
            landed(path)

    def landed(path: Path) -> None:
        written.append(path)
        if on_written is not None:
            on_written(path)

    rest: dict[str, bytes] = {}
    with _diagram_job(design, names, producers, options, first="svg") as job:
        if job is not None and "svg" in names:
            svg = job.files(["svg"])
            if folder.is_dir() and not folder.is_symlink():
                # a re-render: one guarded file write (3 ms) rather than a folder swap (9 ms)
                target = folder / "architecture.svg"
                write_bytes_atomic(target, svg["architecture.svg"], within=folder)
                landed(target)
            else:  # the first render: the folder is checked and swapped in whole
                write(svg)
        for producer in producers:
            if producer is not _diagram_files:
                rest.update(producer(design, names, options))
        if job is not None:
            rest.update(job.files(names - {"svg"}))
    write(rest)
    return written


def _design_of(loaded_or_design: LoadedDesign | Design) -> Design:
    from sketch.loading import LoadedDesign

    if isinstance(loaded_or_design, LoadedDesign):
        return loaded_or_design.design
    return loaded_or_design


@contextmanager
def _diagram_job(
    design: Design,
    names: frozenset[str],
    producers: list[Producer],
    options: RenderOptions = DEFAULT_OPTIONS,
    first: str | None = None,
) -> Iterator[DiagramJob | None]:
    from sketch.rendering.diagram_job import DiagramJob

    if _diagram_files not in producers:
        yield None
        return
    with DiagramJob(design, names, first, options=options) as job:
        yield job


def render_image(design: Design, fmt: str) -> bytes:
    """The architecture diagram (`png` or `svg`) as `sketch render` draws it, in memory.

    A design whose references are broken is refused (`UndrawableDesign`), as `sketch render`
    refuses it after `check`; the framework's size limits (3-5 entities, 5-8 APIs) do not
    block a picture, so a design in progress can still be drawn.
    """
    from sketch.checking import broken_references, check

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
    from sketch.rendering.diagram_job import DiagramJob

    with DiagramJob(design, names, options=options) as job:  # DotError is a RenderError
        return job.files()


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
