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

if TYPE_CHECKING:
    from sketch.estimating import Conventions

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
"""
# Anything in the SVG that would make the browser fetch something: only `data:` URIs and
# in-document `#fragment` references are allowed.
_EXTERNAL_REF = re.compile(r"""(?:href|src)\s*=\s*["'](?!data:|#)[^"']""", re.IGNORECASE)


def render_html(
    design: Design,
    svg_text: str | None,
    conventions: Conventions | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> str:
    """The whole page; `svg_text` is the architecture SVG from `sketch.rendering` (or None).

    `conventions` are the estimate conventions (`[tool.sketch.estimate]`); default: the guide's.
    """
    title = escape(design.display_title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="sketch">\n<title>{title}</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"{render_fragment(design, svg_text, conventions, options)}</body>\n</html>\n"
    )


def render_fragment(
    design: Design,
    svg_text: str | None,
    conventions: Conventions | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> str:
    """The page's content in one `<div class="sketch-design">`, without `<html>` around it."""
    parts = [
        f"<h1>{escape(design.display_title)}</h1>\n",
        _draft_banner(options),
        _paragraph(design.description),
        _requirements(design.requirements),
        _estimates(design, conventions),
        _architecture(design, svg_text),
        _schema(design.entities),
        _apis(design.apis),
        _flows(design.flows),
        _bottlenecks(design),
        _deep_dives(design.deep_dives),
    ]
    return f'<div class="sketch-design">\n{"".join(parts)}</div>\n'


def _draft_banner(options: RenderOptions) -> str:
    if not options.draft:
        return ""
    items = _list(options.problem_lines())
    return (
        f'<aside class="draft" role="note">\n<p><strong>{escape(options.banner or "")}</strong>'
        f": <code>sketch check</code> lists them</p>\n{items}</aside>\n"
    )


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
            escape(figure.steps[-1] if figure.steps else ""),
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
            escape(c.tier or ""),
            escape(c.notes or ""),
        )
        for c in design.components
    ]
    header = ["Name", "Component", "Kind", "Technology", "Instances", "Tier", "Notes"]
    return _section("Architecture", figure, _table(header, rows, "components"))


def _schema(entities: Sequence[Entity]) -> str:
    return _section("Data model", *(_entity(e) for e in entities))


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


def _flows(flows: Sequence[Flow]) -> str:
    return _section("Flows", *(_flow(flow) for flow in flows))


def _flow(flow: Flow) -> str:
    rows = [
        (
            str(number),
            _code(step.from_),
            _code(step.to),
            escape(step.action),
            escape(step.condition or ""),
            "async" if step.asynchronous else "",
            escape(f"{step.latency_ms:g} ms") if step.latency_ms is not None else "",
        )
        for number, step in enumerate(flow.steps, 1)
    ]
    header = ["#", "From", "To", "Action", "When", "Mode", "Latency"]
    return (
        f"<h3>{escape(flow.name)}</h3>\n"
        + _paragraph(flow.description)
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
    rows = [
        (
            escape(a.name),
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
    """A `sketch.rendering` producer: `design.html`, the page with the architecture SVG inline.

    Hook it up with `register_format("html", "self-contained HTML page ...", html_files)`.
    """
    from sketch.rendering.formats import draw_image

    svg = draw_image(design, "svg", options).decode("utf-8")
    page = render_html(design, svg, options=options)
    return {"design.html": page.encode("utf-8")}
