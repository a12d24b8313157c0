"""One self-contained HTML page for a design: inline SVG diagram, tables and flows.

The page loads nothing: no scripts, no fonts, no stylesheets, no images outside the SVG's
own `data:` URIs, so it can be mailed or published as a single file. Every piece of user text
goes through `rendering.escape.html`. `render_fragment` is the same content without the page
around it, for Jupyter and for embedding into other pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sketch.model import Api, DeepDive, Design, Entity, Flow, Requirements
from sketch.rendering.escape import html as escape
from sketch.rendering.markdown import quality_phrases
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions
from sketch.rendering.scene import FLOW_COLOURS

if TYPE_CHECKING:
    from sketch.estimating import Conventions
    from sketch.estimating.catalogue import Catalogue
    from sketch.estimating.figures import Figure

#: The page's style; every rule is scoped to `.sketch-design`, so it can sit in other pages.
STYLE = """\
.sketch-design { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1f2328; line-height: 1.45; max-width: 72rem; margin: 0 auto; padding: 1rem; }
.sketch-design table { border-collapse: collapse; margin: 0.5rem 0 1.25rem; }
.sketch-design th, .sketch-design td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem;
  text-align: left; vertical-align: top; }
.sketch-design th { background: #f6f8fa; }
.sketch-design code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace;
  font-size: 0.9em; }
.sketch-design figure.architecture { margin: 1rem 0; overflow-x: auto; }
.sketch-design figure.architecture svg { max-width: 100%; height: auto; }
.sketch-design aside.draft { border-left: 4px solid #cf222e; background: #ffebe9;
  padding: 0.4rem 0.8rem; margin: 0.5rem 0 1rem; }
.sketch-design nav.toc ol { columns: 2; margin: 0.25rem 0 1rem; }
.sketch-design nav.toc .toc-title { font-weight: 600; margin-bottom: 0.25rem; }
.sketch-design figure.er, .sketch-design figure.sequence { margin: 0.75rem 0; overflow-x: auto; }
.sketch-design figure.er svg { max-width: 100%; height: auto; }
.sketch-design figure.er svg text { fill: currentColor; }
.sketch-design figure.er svg path, .sketch-design figure.er svg polygon
  { stroke: currentColor; }
.sketch-design figure.er svg polygon[fill="black"] { fill: currentColor; }
@media (prefers-color-scheme: dark) {
  .sketch-design { color: #e6edf3; background: #0d1117; }
  .sketch-design th { background: #161b22; }
  .sketch-design th, .sketch-design td { border-color: #30363d; }
  .sketch-design a { color: #4493f8; }
  .sketch-design aside.draft { background: #3d1d20; }
  /* the architecture picture keeps its light card: its icons are drawn for white */
  .sketch-design figure.architecture svg { background: #ffffff; border-radius: 6px; }
}
"""
# Anything in the SVG that would make the browser fetch something: only `data:` URIs and
# in-document `#fragment` references are allowed.
_EXTERNAL_REF = re.compile(r"""(?:href|src)\s*=\s*["'](?!data:|#)[^"']""", re.IGNORECASE)


def render_html(
    design: Design,
    svg_text: str | None,
    conventions: Conventions | None = None,
    catalogue: Catalogue | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> str:
    """The whole page; `svg_text` is the architecture SVG from `sketch.rendering` (or None).

    `conventions` are the estimate conventions (`[tool.sketch.estimate]`) and `catalogue` what
    one node takes (`[tool.sketch.capacity]`); default: the guide's.
    """
    title = escape(design.display_title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="sketch">\n<title>{title}</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"{render_fragment(design, svg_text, conventions, catalogue, options)}</body>\n</html>\n"
    )


def render_fragment(
    design: Design,
    svg_text: str | None,
    conventions: Conventions | None = None,
    catalogue: Catalogue | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> str:
    """The page's content in one `<div class="sketch-design">`, without `<html>` around it."""
    parts = [
        f"<h1>{escape(design.display_title)}</h1>\n",
        _draft_banner(options),
        _paragraph(design.description),
        _requirements(design.requirements),
        _estimates(design, conventions),
        _load(design, conventions, catalogue),
        _architecture(design, svg_text),
        _schema(design),
        _apis(design.apis),
        _flows(design),
        _bottlenecks(design),
        _deep_dives(design.deep_dives),
        *_practice(design),
    ]
    return f'<div class="sketch-design">\n{with_contents("".join(parts))}</div>\n'


_SECTION_HEAD = re.compile(r"<section([^>]*)>\n<h2>(.*?)</h2>")
_ID = re.compile(r'\bid="([^"]+)"')


def with_contents(body: str) -> str:
    """Every `<section>` gets an id (one it already has is kept) to be reached by, and a
    table of contents goes before the first section. Sections added by any producer that writes
    `<section [class=...]>` + `<h2>` are listed, so the page has one registry: its sections.
    """
    entries: list[tuple[str, str]] = []
    taken: set[str] = set()

    def anchor(match: re.Match[str]) -> str:
        attributes, title = match.group(1), match.group(2)
        given = _ID.search(attributes)
        if given:  # a producer that named its section keeps the name
            taken.add(given.group(1))
            entries.append((given.group(1), title))
            return match.group(0)
        slug = base = _slug(title) or "section"
        n = 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        entries.append((slug, title))
        return f'<section{attributes} id="{slug}">\n<h2>{title}</h2>'

    body = _SECTION_HEAD.sub(anchor, body)
    if len(entries) < 2:
        return body
    items = "".join(f'<li><a href="#{slug}">{title}</a></li>' for slug, title in entries)
    toc = (
        '<nav class="toc" aria-label="Contents">\n<p class="toc-title">Contents</p>\n'
        f"<ol>{items}</ol>\n</nav>\n"
    )
    first = body.find("<section")
    return body[:first] + toc + body[first:]


def _slug(escaped_title: str) -> str:
    """`Data model` -> `data-model`: letters and digits, `-` between words (ASCII only)."""
    import html as _html

    words = re.findall(r"[a-z0-9]+", _html.unescape(escaped_title).lower())
    return "-".join(words)


def _draft_banner(options: RenderOptions) -> str:
    if not options.draft:
        return ""
    items = _list(options.problem_lines())
    return (
        f'<aside class="draft" role="note">\n<p><strong>{escape(options.banner or "")}</strong>'
        f": <code>sketch check</code> lists them</p>\n{items}</aside>\n"
    )


def _practice(design: Design) -> tuple[str, ...]:
    """Scope decisions, the interview checklist and the talk track's speaker notes."""
    from sketch.rendering.practice import checklist_html, scope_html, talk_html

    return scope_html(design), checklist_html(design), talk_html(design)


def inline_svg(svg_text: str) -> str:
    """The `<svg>` element alone (no XML declaration or DOCTYPE), refusing external links."""
    start = svg_text.find("<svg")
    if start < 0:
        raise ValueError("not an SVG document: no <svg> element")
    if _EXTERNAL_REF.search(svg_text):
        raise ValueError("the SVG links an external file; embed its images as data: URIs")
    return svg_text[start:].strip() + "\n"


def _paragraph(text: str | None) -> str:
    return f"<p>{escape(text)}</p>\n" if text else ""


def _section(title: str, *blocks: str) -> str:
    body = "".join(blocks)
    return f"<section>\n<h2>{escape(title)}</h2>\n{body}</section>\n" if body else ""


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A table whose cells are already HTML (escaped by the caller)."""
    rows = list(rows)
    if not rows:
        return ""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    klass = f' class="{css}"' if css else ""
    return f"<table{klass}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def _code(text: str) -> str:
    return f"<code>{escape(text)}</code>"


def _list(items: Iterable[str], tag: str = "ul") -> str:
    shown = [f"<li>{escape(item)}</li>" for item in items]
    return f"<{tag}>\n" + "\n".join(shown) + f"\n</{tag}>\n" if shown else ""


def _requirements(req: Requirements) -> str:
    quality = quality_phrases(req, text=str)  # `_list` escapes each item for HTML
    return _section(
        "Requirements",
        "<h3>In scope</h3>\n" + _list(f.text for f in req.in_scope) if req.in_scope else "",
        "<h3>Nice to have</h3>\n" + _list(req.nice_to_have) if req.nice_to_have else "",
        "<h3>Out of scope</h3>\n" + _list(req.out_of_scope) if req.out_of_scope else "",
        "<h3>Non-functional</h3>\n" + _list(quality) if quality else "",
    )


def _estimates(design: Design, conventions: Conventions | None) -> str:
    from sketch.estimating import estimate
    from sketch.rendering.estimates import MISSING_INPUTS, figure_rows

    estimates = estimate(design, conventions)
    rows = [
        (
            escape(label),
            escape(figure.text),
            escape(_how(figure)),
        )
        for label, figure in figure_rows(estimates)
    ]
    missing = (
        f"<p>{escape(MISSING_INPUTS)}:</p>\n" + _list(estimates.missing)
        if estimates.missing
        else ""
    )
    return _section(
        "Estimates",
        _table(["Figure", "Estimate", "How"], rows, "estimates"),
        missing,
    )


def _how(figure: Figure) -> str:
    """The derivation step that gives the figure itself: for a bandwidth, the average line,
    not the peak line that follows it."""
    if not figure.steps:
        return ""
    return next((s for s in reversed(figure.steps) if figure.text in s), figure.steps[-1])


def _load(design: Design, conventions: Conventions | None, catalogue: Catalogue | None) -> str:
    from sketch.estimating import route_load
    from sketch.rendering.load import load_html

    return load_html(route_load(design, conventions, catalogue=catalogue))


def _architecture(design: Design, svg_text: str | None) -> str:
    figure = ""
    if svg_text:
        caption = escape(f"Architecture of {design.display_title}")
        figure = (
            f'<figure class="architecture">\n{inline_svg(svg_text)}'
            f"<figcaption>{caption}</figcaption>\n</figure>\n"
        )
    rows = [
        (
            _code(c.name),
            escape(c.display_name),
            escape(c.kind.value.replace("_", " ")),
            escape(c.technology or ""),
            escape(str(c.instances)),
            escape(str(c.replicas) if c.replicas else ""),
            escape(str(c.shards) if c.shards else ""),
            escape(c.tier or ""),
            escape(c.notes or ""),
        )
        for c in design.components
    ]
    header = [
        "Name",
        "Component",
        "Kind",
        "Technology",
        "Instances",
        "Replicas",
        "Shards",
        "Tier",
        "Notes",
    ]
    return _section("Architecture", figure, _table(header, rows, "components"))


def _schema(design: Design) -> str:
    figure = _er_figure(design)
    return _section("Data model", figure, *(_entity(e) for e in design.entities))


def _er_figure(design: Design) -> str:
    """The ER diagram as inline SVG; nothing when Graphviz cannot draw it (the tables stay)."""
    from sketch.errors import RenderError
    from sketch.rendering.er_svg import er_svg

    try:
        svg = er_svg(design)
    except (RenderError, OSError):
        return ""
    if svg is None:
        return ""
    caption = escape(f"Entities and foreign keys of {design.display_title}")
    return f'<figure class="er">\n{inline_svg(svg)}<figcaption>{caption}</figcaption>\n</figure>\n'


def _entity(entity: Entity) -> str:
    rows = []
    for field in entity.fields:
        keys = ["PK"] if field.name in entity.key_fields else []
        keys += [f"FK \u2192 {field.references}"] if field.references else []
        facts = [
            *(["unique"] if field.unique else []),
            *(["nullable"] if field.nullable else []),
            *(["indexed"] if field.indexed else []),
            *([field.note] if field.note else []),
        ]
        rows.append(
            (
                _code(field.name),
                _code(field.type),
                escape(", ".join(keys)),
                escape("; ".join(facts)),
            )
        )
    indexes = [
        ("unique " if index.unique else "")
        + f"index ({', '.join(index.fields)})"
        + (f" {index.name}" if index.name else "")
        for index in entity.indexes
    ]
    return (
        f"<h3>{escape(entity.name)} ({_code(entity.table_name)})</h3>\n"
        + _paragraph(entity.description)
        + _table(["Field", "Type", "Key", "Notes"], rows, "entity")
        + _list(indexes)
    )


def _apis(apis: Sequence[Api]) -> str:
    rows = [
        (
            _code(api.method),
            _code(api.path),
            escape(api.purpose),
            escape(", ".join(api.request + api.query)),
            escape(", ".join(api.response)),
            "yes" if api.auth else "",
        )
        for api in apis
    ]
    header = ["Method", "Path", "Purpose", "Request / query", "Response", "Auth"]
    return _section("API", _table(header, rows, "apis"))


def _flows(design: Design) -> str:
    return _section(
        "Flows", *(_flow(design, flow, n) for n, flow in enumerate(design.flows, start=1))
    )


def _flow(design: Design, flow: Flow, number: int) -> str:
    from sketch.rendering.sequence_svg import sequence_svg

    colour = FLOW_COLOURS[(number - 1) % len(FLOW_COLOURS)]
    figure = f'<figure class="sequence">\n{sequence_svg(design, flow, number, colour)}</figure>\n'

    rows = [
        (
            str(step_number),
            _code(step.from_),
            _code(step.to),
            escape(step.action),
            escape(step.condition or ""),
            "async" if step.asynchronous else "",
            escape(f"{step.latency_ms:g} ms") if step.latency_ms is not None else "",
        )
        for step_number, step in enumerate(flow.steps, 1)
    ]
    header = ["#", "From", "To", "Action", "When", "Mode", "Latency"]
    return (
        f"<h3>{escape(f'{number}. {flow.name}')}</h3>\n"
        + _paragraph(flow.description)
        + figure
        + _table(header, rows, "flow")
    )


def _bottlenecks(design: Design) -> str:
    rows = [
        (
            escape(b.title),
            escape(b.problem),
            escape(", ".join(b.components)),
            escape(b.solution or ""),
        )
        for b in design.bottlenecks
    ]
    header = ["Bottleneck", "Problem", "Components", "Solution"]
    return _section("Bottlenecks", _table(header, rows, "bottlenecks"))


def _deep_dives(dives: Sequence[DeepDive]) -> str:
    return _section("Deep dives", *(_deep_dive(dive) for dive in dives))


def _deep_dive(dive: DeepDive) -> str:
    chosen = dive.chosen
    rows = [
        (
            escape(a.name) + (" <strong>✅ chosen</strong>" if a is chosen else ""),
            _cell_list(a.how),
            _cell_list(a.pros),
            _cell_list(a.cons),
            _cell_list(a.when_to_use),
        )
        for a in dive.approaches
    ]
    decision = (
        f"<p><strong>Decision.</strong> {escape(dive.decision)}</p>\n" if dive.decision else ""
    )
    justification = (
        f"<p><strong>Justification.</strong> {escape(dive.justification)}</p>\n"
        if dive.justification
        else ""
    )
    return (
        f"<h3>{escape(dive.topic)}</h3>\n"
        + _paragraph(dive.problem)
        + _table(["Approach", "How", "Pros", "Cons", "When to use"], rows, "approaches")
        + decision
        + justification
    )


def _cell_list(items: Sequence[str]) -> str:
    return "<br>".join(escape(item) for item in items)


def html_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    """A `sketch.rendering` producer: `design.html`, the page with the architecture SVG inline,
    its figures under the project's settings (`options.settings`; None: the guide's defaults).
    A draft is drawn too, with its banner.

    Hook it up with `register_format("html", "self-contained HTML page ...", html_files)`.
    """
    from sketch.estimating.project import project_estimating
    from sketch.rendering.formats import draw_image

    estimating = project_estimating(options.settings)
    svg = draw_image(design, "svg", options).decode("utf-8")
    page = render_html(design, svg, estimating.conventions, estimating.catalogue, options)
    return {"design.html": page.encode("utf-8")}
