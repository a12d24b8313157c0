"""The estimates as a GitHub-flavoured Markdown section, for design.md."""

from __future__ import annotations

import re

from sketch.estimate.conventions import Conventions
from sketch.estimate.derive import estimate
from sketch.estimate.figures import Estimates
from sketch.estimate.summary import derivation
from sketch.model import Design

# Inline Markdown and GFM table syntax; `&` so that user text never forms an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# A line that starts like a heading, a quote, a list item or a rule; or an ordered item.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-])")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def escape(text: str) -> str:
    """User text made literal inside a paragraph, a list item or a table cell."""
    flat = _INLINE.sub(r"\\\1", " ".join(text.split()))
    flat = _ORDERED_START.sub(r"\1\\\2", flat)
    return _BLOCK_START.sub(r"\1\\\2", flat)


def exact_text(value: float) -> str:
    """The exact value for the table: 13,888.889 or 0.0231481."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    if abs(value) < 1000:
        return f"{value:.6g}"  # small rates keep their significant digits: 0.000115741
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def estimates_markdown(
    design: Design, conventions: Conventions | None = None, *, level: int = 2
) -> str:
    """The section: a table of the figures, their derivation, and what is missing."""
    return estimates_section(estimate(design, conventions), level=level)


def estimates_section(estimates: Estimates, *, level: int = 2) -> str:
    heading = "#" * level
    lines = [f"{heading} Back-of-the-envelope estimates", ""]
    rows = list(estimates.figures())
    if rows:
        lines += ["| Figure | Estimate | Exact |", "| --- | ---: | ---: |"]
        lines += [
            f"| {name.label} | {escape(figure.text)} | "
            f"{exact_text(figure.value)} {escape(figure.unit)} |"
            for name, figure in rows
        ]
        lines.append("")
        lines += [f"{heading}# Derivation", ""]
        for title, steps in derivation(estimates):
            lines += [f"**{title}**", "", *(f"- {escape(step)}" for step in steps), ""]
    if estimates.missing:
        lines += [
            f"{heading}# Missing inputs",
            "",
            "No figure is guessed; add these to know it:",
            "",
        ]
        lines += [f"- {escape(message)}" for message in estimates.missing] + [""]
    if estimates.mismatches:
        lines += [f"{heading}# Declared vs derived", ""]
        lines += [f"- {escape(m.message)}" for m in estimates.mismatches] + [""]
    lines.append(f"_Conventions: {escape(estimates.conventions.describe())}._")
    return "\n".join(lines) + "\n"
