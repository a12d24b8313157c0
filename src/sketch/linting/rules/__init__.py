"""The rule catalogue, one module per step of the framework (and one for the budgets along the
flows, one for the file's hygiene); importing registers the rules."""

from sketch.linting.rules import (
    budgets,
    deep_dives,
    entities_apis,
    high_level,
    hygiene,
    load,
    requirements,
)

__all__ = [
    "budgets",
    "deep_dives",
    "entities_apis",
    "high_level",
    "hygiene",
    "load",
    "requirements",
]
