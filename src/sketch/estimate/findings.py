"""Declared figures that disagree with the derived ones, as problems `sketch check` can show."""

from __future__ import annotations

from sketch.errors import Problem, Severity
from sketch.estimate.conventions import Conventions
from sketch.estimate.derive import estimate
from sketch.model import Design
from sketch.model.paths import locate

#: Stable code: a declared figure more than 2x away from the one derived from the inputs.
ESTIMATE_MISMATCH = "C401"


def estimate_problems(design: Design, conventions: Conventions | None = None) -> list[Problem]:
    """One C401 warning per declared figure that is more than 2x off, with both numbers."""
    problems = []
    for mismatch in estimate(design, conventions).mismatches:
        problems.append(
            Problem(
                ESTIMATE_MISMATCH,
                mismatch.message,
                mismatch.path,
                hint="fix the inputs or the declared figure; "
                "`sketch estimate FILE` shows the derivation",
                severity=Severity.warning,
                source=locate(design, mismatch.path),
                extra={
                    "figure": mismatch.figure,
                    "declared": mismatch.declared,
                    "derived": mismatch.derived,
                    "unit": mismatch.unit,
                },
            )
        )
    return problems
