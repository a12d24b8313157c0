"""`sketch lint`: the framework's review as rules, each with a stable code, doc and examples.

Importing this package registers the catalogue in `REGISTRY`. Lint never imports the
rendering stack (diagrams, graphviz): a test proves it.
"""

from sketch.linting import rules as _rules  # noqa: F401  (registers the catalogue)
from sketch.linting.engine import RuleCrashed, lint_design
from sketch.linting.registry import REGISTRY, FrameworkStep, Hit, Registry, Rule, rule
from sketch.linting.run import lint

__all__ = [
    "REGISTRY",
    "FrameworkStep",
    "Hit",
    "Registry",
    "Rule",
    "RuleCrashed",
    "lint",
    "lint_design",
    "rule",
]
