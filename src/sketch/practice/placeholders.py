"""Text a template left for the user to replace: `TODO: ...` is not an answer yet.

`sketch new` (and `sketch drill`, which starts from it) writes a design whose every step is
filled with `TODO:` placeholders, so that it loads and checks. A checklist item whose part of
the design still holds one is not ticked, whatever its shape says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.model import Design

_PLACEHOLDER = re.compile(r"^\s*TODO\b", re.IGNORECASE)

#: The part of the design each checklist item is about, as patterns over paths.
SCOPES: dict[str, str] = {
    "functional": r"requirements\.(in_scope|nice_to_have|out_of_scope)\b",
    "latency-consistency": r"requirements\.(latency|consistency)\b",
    # `sketch new` fills the scale with example numbers and a TODO item size: still a guess
    "scale": r"requirements\.scale\b",
    "numbers": r"requirements\.scale\b",
    "entities": r"entities\b",
    "apis": r"apis\b",
    "schema": r"entities\b",
    "diagram": r"components\b",
    "flows": r"flows\b",
    "components": r"(components|flows)\b",
    "bottlenecks": r"bottlenecks\b",
    "two-areas": r"deep_dives\[\d+\]\.(topic|problem|components)\b",
    "approaches": r"deep_dives\[\d+\]\.approaches\[\d+\]\.(name|how)\b",
    "trade-offs": r"deep_dives\[\d+\]\.approaches\b",
    "decisions": r"deep_dives\[\d+\]\.(decision|justification)\b",
    "numbers-used": r"deep_dives\b",
    "clarifying": r"requirements\.clarifications\b",
}


def placeholders(design: Design) -> list[tuple[str, str]]:
    """(path, text) of every string in the design that is still a `TODO` placeholder."""
    return list(_walk(design.model_dump(), ""))


def first_in(found: list[tuple[str, str]], key: str) -> tuple[str, str] | None:
    """The first placeholder inside checklist item `key`'s part of the design."""
    pattern = SCOPES.get(key)
    if pattern is None:
        return None
    scope = re.compile(pattern)
    return next(((p, t) for p, t in found if scope.match(p)), None)


def _walk(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if _PLACEHOLDER.match(value):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "suppress":
                yield from _walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
