"""`sketch check`: the framework's limits and every cross-reference, all problems at once."""

from sketch.checking.checks import (
    BAD_REPLICA,
    DUPLICATE_NAME,
    FOREIGN_APPROACH,
    LONE_PARALLEL_STEP,
    TOO_FEW_APIS,
    TOO_FEW_ENTITIES,
    TOO_MANY_APIS,
    TOO_MANY_ENTITIES,
    UNKNOWN_API,
    UNKNOWN_COMPONENT,
    UNKNOWN_FEATURE,
    UNKNOWN_FIELD,
    UNKNOWN_FLOW,
    UNKNOWN_REFERENCE,
    check,
)
from sketch.checking.pipeline import Checked, broken_references, load_checked

__all__ = [
    "BAD_REPLICA",
    "DUPLICATE_NAME",
    "FOREIGN_APPROACH",
    "LONE_PARALLEL_STEP",
    "TOO_FEW_APIS",
    "TOO_FEW_ENTITIES",
    "TOO_MANY_APIS",
    "TOO_MANY_ENTITIES",
    "UNKNOWN_API",
    "UNKNOWN_COMPONENT",
    "UNKNOWN_FEATURE",
    "UNKNOWN_FIELD",
    "UNKNOWN_FLOW",
    "UNKNOWN_REFERENCE",
    "Checked",
    "broken_references",
    "check",
    "load_checked",
]
