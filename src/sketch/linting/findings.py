"""What `sketch.lint(design)` and `design.lint()` return: a list of findings that shows
itself as a table in Jupyter and as one line per finding in a terminal or a doctest."""

from __future__ import annotations

from html import escape

from sketch.errors import Problem

_COLOURS = {"error": "#cf222e", "warning": "#9a6700", "info": "#0969da"}


class Findings(list[Problem]):
    """Findings in report order; still a plain list of `Problem` for code that iterates."""

    def __repr__(self) -> str:
        if not self:
            return "Findings([]): no findings"
        return "\n".join(f"{f.code} [{f.severity.value}] {f.message} (at {f.path})" for f in self)

    def _repr_html_(self) -> str:
        if not self:
            return "<p><strong>No findings.</strong></p>"
        cell = '<td style="text-align:left">'  # notebook CSS right-aligns cells by default
        rows = "".join(
            f"<tr>{cell}<code>{escape(f.code)}</code></td>"
            f'<td style="text-align:left;color:{_COLOURS.get(f.severity.value, "inherit")}">'
            f"{escape(f.severity.value)}</td>{cell}{escape(f.message)}</td>"
            f"{cell}<code>{escape(f.path or '(the design)')}</code></td>"
            f"{cell}{escape(f.help or '')}</td></tr>"
            for f in self
        )
        head = "".join(f"<th>{h}</th>" for h in ("Code", "Severity", "Finding", "At", "Fix"))
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
