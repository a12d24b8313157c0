"""sketch: system-design sketches as typed Python, checked, linted, estimated and rendered.

The public API, one verb per stage of the pipeline, plus the design model::

    import sketch

    design = sketch.load("designs/twitter.py")  # a .py, .yaml or .json design
    problems = sketch.check(design)  # framework limits and cross-references
    findings = sketch.lint(design)  # the interviewer's review, check problems first
    figures = sketch.estimate(design)  # back-of-the-envelope numbers with their derivation
    written = sketch.render(design, Path("output"), ["svg", "md"])

Design files import the model from here: `from sketch import Design, Entity, Field, ...`.

Each name is imported on first use (PEP 562), so `import sketch` costs nothing that a
command does not use: `sketch --version` and `sketch --help` never import pydantic.
"""

import importlib as _importlib
import typing as _typing

from sketch.version import __version__

if _typing.TYPE_CHECKING:
    from sketch.checking import check
    from sketch.errors import LoadError, Problem, Severity, SketchError
    from sketch.estimating import estimate
    from sketch.linting import lint
    from sketch.loading import load
    from sketch.model import (
        DATA_STORE_KINDS,
        STATEFUL_KINDS,
        Api,
        Approach,
        Bottleneck,
        Capacity,
        Clarification,
        Component,
        Consistency,
        Declared,
        DeepDive,
        Design,
        Entity,
        Feature,
        Field,
        Flow,
        Index,
        ItemSize,
        Kind,
        LatencyTarget,
        Limits,
        Link,
        Location,
        Model,
        NodeCapacity,
        Requirements,
        Scale,
        Step,
        Suppression,
        Workload,
    )
    from sketch.rendering import render_design as render

#: Where each public name lives: (module, name in it).
_SOURCES: dict[str, tuple[str, str]] = {
    "check": ("sketch.checking", "check"),
    "estimate": ("sketch.estimating", "estimate"),
    "lint": ("sketch.linting", "lint"),
    "load": ("sketch.loading", "load"),
    "render": ("sketch.rendering", "render_design"),
    "LoadError": ("sketch.errors", "LoadError"),
    "Problem": ("sketch.errors", "Problem"),
    "Severity": ("sketch.errors", "Severity"),
    "SketchError": ("sketch.errors", "SketchError"),
    "DATA_STORE_KINDS": ("sketch.model", "DATA_STORE_KINDS"),
    "STATEFUL_KINDS": ("sketch.model", "STATEFUL_KINDS"),
    "Api": ("sketch.model", "Api"),
    "Approach": ("sketch.model", "Approach"),
    "Bottleneck": ("sketch.model", "Bottleneck"),
    "Capacity": ("sketch.model", "Capacity"),
    "Clarification": ("sketch.model", "Clarification"),
    "Component": ("sketch.model", "Component"),
    "Consistency": ("sketch.model", "Consistency"),
    "Declared": ("sketch.model", "Declared"),
    "DeepDive": ("sketch.model", "DeepDive"),
    "Design": ("sketch.model", "Design"),
    "Entity": ("sketch.model", "Entity"),
    "Feature": ("sketch.model", "Feature"),
    "Field": ("sketch.model", "Field"),
    "Flow": ("sketch.model", "Flow"),
    "Index": ("sketch.model", "Index"),
    "ItemSize": ("sketch.model", "ItemSize"),
    "Kind": ("sketch.model", "Kind"),
    "LatencyTarget": ("sketch.model", "LatencyTarget"),
    "Limits": ("sketch.model", "Limits"),
    "Link": ("sketch.model", "Link"),
    "Location": ("sketch.model", "Location"),
    "Model": ("sketch.model", "Model"),
    "NodeCapacity": ("sketch.model", "NodeCapacity"),
    "Requirements": ("sketch.model", "Requirements"),
    "Scale": ("sketch.model", "Scale"),
    "Step": ("sketch.model", "Step"),
    "Suppression": ("sketch.model", "Suppression"),
    "Workload": ("sketch.model", "Workload"),
}

__all__ = [
    "DATA_STORE_KINDS",
    "STATEFUL_KINDS",
    "Api",
    "Approach",
    "Bottleneck",
    "Capacity",
    "Clarification",
    "Component",
    "Consistency",
    "Declared",
    "DeepDive",
    "Design",
    "Entity",
    "Feature",
    "Field",
    "Flow",
    "Index",
    "ItemSize",
    "Kind",
    "LatencyTarget",
    "Limits",
    "Link",
    "LoadError",
    "Location",
    "Model",
    "NodeCapacity",
    "Problem",
    "Requirements",
    "Scale",
    "Severity",
    "SketchError",
    "Step",
    "Suppression",
    "Workload",
    "__version__",
    "check",
    "estimate",
    "lint",
    "load",
    "render",
]


def __getattr__(name: str) -> object:
    if name not in _SOURCES:
        raise AttributeError(f"module 'sketch' has no attribute {name!r}")
    module, attribute = _SOURCES[name]
    value = getattr(_importlib.import_module(module), attribute)
    globals()[name] = value  # found once, then an ordinary module attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
