"""Reading designs: Python files, YAML/JSON data files, and `[tool.sketch]` project settings."""

from sketch.errors import LoadError
from sketch.loading.python import DATA_SUFFIXES, LoadedDesign, load, load_design

__all__ = ["DATA_SUFFIXES", "LoadError", "LoadedDesign", "load", "load_design"]
