"""Reading designs: Python files, YAML/JSON data files, and `[tool.sketch]` project settings.

The names below are imported on first use (PEP 562): the guarded writer needs only
`sketch.loading.inputs`, and `sketch new` must not build the design model to write a file.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from sketch.errors import LoadError
    from sketch.loading.python import DATA_SUFFIXES, LoadedDesign, load, load_design

_SOURCES = {
    "DATA_SUFFIXES": "sketch.loading.python",
    "LoadError": "sketch.errors",
    "LoadedDesign": "sketch.loading.python",
    "load": "sketch.loading.python",
    "load_design": "sketch.loading.python",
}

__all__ = ["DATA_SUFFIXES", "LoadError", "LoadedDesign", "load", "load_design"]


def __getattr__(name: str) -> object:
    if name not in _SOURCES:
        raise AttributeError(f"module 'sketch.loading' has no attribute {name!r}")
    value = getattr(_importlib.import_module(_SOURCES[name]), name)
    globals()[name] = value
    return value
