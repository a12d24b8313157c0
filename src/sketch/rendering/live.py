"""The page `sketch watch --serve` shows: design.html with a status panel and a reload script.

The panel lists what `sketch check` and `sketch lint` say about the design now (or the
error that stops it from loading); the script listens to the server's `/events` stream
(server-sent events) and reloads the page when a new build is out. Nothing is fetched from
anywhere else: the script is inline, ten lines, and the page keeps working with it off.
User text in the panel is HTML-escaped like everything else on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from sketch.errors import Problem, Severity, plural, relative_path
from sketch.rendering.escape import html as escape

_PANEL_STYLE = """\
#sketch-live { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace;
  border-bottom: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328;
  padding: 0.5rem 1rem; position: sticky; top: 0; z-index: 10; }
#sketch-live.failing { background: #ffebe9; }
#sketch-live ul { margin: 0.25rem 0 0; padding-left: 1.2rem; max-height: 12rem; overflow: auto; }
#sketch-live .error { color: #cf222e; } #sketch-live .warning { color: #9a6700; }
#sketch-live .info { color: #0969da; }
@media (prefers-color-scheme: dark) {
  #sketch-live { background: #161b22; color: #e6edf3; border-color: #30363d; }
  #sketch-live.failing { background: #3d1d20; }
}
"""

# Reload when the server announces a build other than the one this page shows; reconnects
# by itself (EventSource retries) when the watcher restarts.
_SCRIPT = """\
<script>
(() => {{
  const shown = {version};
  const source = new EventSource("/events");
  source.onmessage = (event) => {{ if (Number(event.data) !== shown) location.reload(); }};
}})();
</script>
"""

_WAITING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>sketch watch</title></head>
<body></body></html>
"""


def live_page(
    page: str | None,
    version: int,
    problems: Sequence[Problem] = (),
    findings: Sequence[Problem] = (),
    error: str | None = None,
    rules_note: str | None = None,
) -> str:
    """`page` (design.html, or None before the first good build) with the status panel
    after `<body>` and the reload script before `</body>`."""
    document = page or _WAITING
    panel = _panel(problems, findings, error, rules_note)
    head_end = document.find("</head>")
    if head_end >= 0:
        document = document[:head_end] + f"<style>\n{_PANEL_STYLE}</style>\n" + document[head_end:]
    body = document.find("<body>")
    at = body + len("<body>") if body >= 0 else 0
    document = document[:at] + "\n" + panel + document[at:]
    end = document.rfind("</body>")
    script = _SCRIPT.format(version=int(version))
    return document[:end] + script + document[end:] if end >= 0 else document + script


def _panel(
    problems: Sequence[Problem],
    findings: Sequence[Problem],
    error: str | None,
    rules_note: str | None,
) -> str:
    items: list[str] = []
    if error:
        headline = "cannot load the design (the page shows the last good build)"
        items.append(f'<li class="error"><pre>{escape(error)}</pre></li>')
    else:
        active = [f for f in findings if f.suppressed is None and f.rule != "check"]
        errors = sum(f.severity is Severity.error for f in active)
        headline = (
            f"check: {plural(len(problems), 'problem')} · lint: "
            f"{plural(len(active), 'finding')} ({plural(errors, 'error')})"
        )
        items += [_item(p, "error") for p in sorted(problems, key=lambda p: p.sort_key)]
        items += [_item(f, f.severity.value) for f in active]
        if rules_note:
            items.append(f'<li class="warning">{escape(rules_note)}</li>')
    failing = bool(error or problems or any(f.severity is Severity.error for f in findings))
    klass = ' class="failing"' if failing else ""
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    return (
        f'<div id="sketch-live"{klass} role="status"><strong>sketch watch</strong> · '
        f"{escape(headline)}{listing}</div>\n"
    )


def _item(problem: Problem, css: str) -> str:
    src = problem.source
    where = f"{relative_path(src.file)}:{src.line}: " if src and src.line else ""
    return (
        f'<li class="{css}">{escape(where)}<strong>{escape(problem.code)}</strong> '
        f"{escape(problem.message)}</li>"
    )
