"""The estimates as a GitHub-flavoured Markdown section, for design.md."""

from __future__ import annotations

import re

from sketch.estimate.conventions import Conventions
from sketch.estimate.core import estimate
from sketch.estimate.figures import LABELS, Estimates
from sketch.estimate.numbers import exact_number
from sketch.estimate.summary import derivation
from sketch.model import Design

# Inline Markdown and GFM table syntax; `&` so that user text never forms an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# A line that starts like a heading, a quote, a list item or a rule.
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """User text made literal inside a paragraph, a list item or a table cell."""
    flat = " ".join(text.split())
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _INLINE.sub(r"\\\1", flat))


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
            f"| {LABELS[name]} | {escape(figure.text)} | "
            f"{exact_number(round(figure.value, 3))} {escape(figure.unit)} |"
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
