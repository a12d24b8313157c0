"""The design file's hygiene (H1xx): each rule's bad and good design, as in
src/sketch/linting/rules/hygiene.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sketch import Component, Design, Feature, Suppression
from tests.helpers.factories import clean_design, components, requirements

_STALE = Suppression(code="D303", reason="managed RDS with Multi-AZ failover")


#: code -> (a design the rule flags, a design it passes).
EXAMPLES: dict[str, tuple[Callable[[], Design], Callable[[], Design]]] = {
    # The database has a replica, so the D303 suppression silences nothing ...
    "H101": (
        lambda: clean_design(
            components=components(
                db=Component(
                    name="db",
                    kind="database",
                    technology="PostgreSQL",
                    replicas=1,
                    suppress=[_STALE],
                )
            )
        ),
        # ... while on a single database it silences the finding it was written for.
        lambda: clean_design(
            components=components(
                db=Component(name="db", kind="database", technology="PostgreSQL", suppress=[_STALE])
            ),
            suppress=[Suppression(code="D313", reason="RDS Multi-AZ is 99.95%, above 99.9%")],
        ),
    ),
    "H102": (
        lambda: clean_design(
            requirements=requirements(
                in_scope=[
                    Feature(key="post", text="TODO: users can create an item"),
                    Feature(key="feed", text="Users see a feed of people they follow"),
                ]
            )
        ),
        clean_design,
    ),
}
