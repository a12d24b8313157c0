"""For every lint rule a design that triggers it and one that does not, usually the fix applied
to the same change of the clean design (tests/helpers/factories.py). One module per step, as
src/sketch/linting/rules/ has; tests/linting/test_rules.py runs them all.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Design
from tests.linting.examples import deep_dives, entities_apis, high_level, load, requirements

Example = Callable[[], Design]
#: The step modules, in the framework's order (load.py: step 3's numbers).
STEPS = (requirements, entities_apis, high_level, load, deep_dives)
#: code -> (a design the rule flags, a design it passes), of every step.
EXAMPLES: dict[str, tuple[Example, Example]] = {
    code: pair for step in STEPS for code, pair in step.EXAMPLES.items()
}
