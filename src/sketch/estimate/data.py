"""`sketch estimate --format json`: every figure by a stable key, exact and human values."""

from __future__ import annotations

from typing import Any

from sketch.estimate.figures import Estimates, Figure, FigureName, Mismatch
from sketch.model import Design

#: Bumped when a key is renamed or removed; new keys do not bump it.
SCHEMA_VERSION = 1


def estimates_data(design: Design, estimates: Estimates) -> dict[str, Any]:
    """A JSON-ready dict; every figure name is present, null when its inputs are missing."""
    requirements = design.requirements
    return {
        "schema_version": SCHEMA_VERSION,
        "design": design.name,
        "title": design.display_title,
        "conventions": estimates.conventions.model_dump(mode="json"),
        "requirements": {
            "in_scope": [feature.text for feature in requirements.in_scope],
            "out_of_scope": list(requirements.out_of_scope),
            "latency": [t.model_dump(mode="json") for t in requirements.latency],
            "consistency": [c.model_dump(mode="json") for c in requirements.consistency],
            "availability": requirements.availability,
        },
        "figures": {name: _figure(estimates.figure(name)) for name in FigureName},
        "storage_by_item": [
            {"name": name, **(_figure(figure) or {})} for name, figure in estimates.storage_by_item
        ],
        "missing": list(estimates.missing),
        "mismatches": [_mismatch(m) for m in estimates.mismatches],
    }


def _figure(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "value": figure.value,
        "unit": figure.unit,
        "text": figure.text,
        "steps": list(figure.steps),
    }


def _mismatch(mismatch: Mismatch) -> dict[str, Any]:
    return {
        "figure": mismatch.figure,
        "declared": mismatch.declared,
        "derived": mismatch.derived,
        "unit": mismatch.unit,
        "declared_text": mismatch.declared_text,
        "derived_text": mismatch.derived_text,
        "ratio": mismatch.ratio,
        "path": mismatch.path,
        "derived_from": mismatch.derived_from,
        "message": mismatch.message,
    }
