"""A problem found in a design: what, where (path in the design and file:line), and the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sketch.model.base import SourceRef


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    path: str = ""
    hint: str | None = None
    severity: Severity = Severity.error
    source: SourceRef | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def where(self, fallback: str) -> str:
        return str(self.source) if self.source else fallback


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """` (did you mean 'user_id'?)`, or the known names when none is close, for messages."""
    names = sorted(set(candidates))
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not names:
        return "none are declared"
    shown = ", ".join(f"'{n}'" for n in names[:8])
    return f"known: {shown}{', ...' if len(names) > 8 else ''}"
