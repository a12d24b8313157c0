"""For every lint rule a design that triggers it and one that does not, usually the fix applied
to the same change of the clean design (tests/helpers/factories.py). One module per step, as
src/sketch/linting/rules/ has; tests/linting/test_rules.py runs them all.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Design
from tests.linting.examples import (
    budgets,
    deep_dives,
    entities_apis,
    high_level,
    hygiene,
    load,
    requirements,
)

Example = Callable[[], Design]
#: The rule modules' example modules: the framework's steps in order (load.py: step 3's
#: numbers), then the budgets along the flows and the file's hygiene.
STEPS = (requirements, entities_apis, high_level, load, deep_dives, budgets, hygiene)
#: code -> (a design the rule flags, a design it passes), of every step.
EXAMPLES: dict[str, tuple[Example, Example]] = {
    code: pair for step in STEPS for code, pair in step.EXAMPLES.items()
}
