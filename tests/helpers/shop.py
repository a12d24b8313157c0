"""A small hand-built design whose load is worked out by hand, for the load reports' tests.

browse: 1,000 reads/s, order: 100 writes/s, both with a peak factor of 2.
- app (2 nodes x 1,000/s): 1,100/s, peak 2,200/s against 2,000/s: 110%, full at 0.91x;
- cache (1 node x 100K/s): 1,000 reads/s, peak 2,000/s: 2%, full at 50x;
- db (1 primary, 1,000 writes/s): the 10% misses (100 reads/s) and 100 writes/s; peak
  writes 200/s against 1,000/s: 20%, full at 5x (writes).
"""

from __future__ import annotations

from pathlib import Path

SHOP = """\
from sketch import Component, Design, Flow, Requirements, Scale, Step, Workload

design = Design(
    name="shop",
    requirements=Requirements(
        in_scope=["Browse products", "Place orders"],
        scale=Scale(
            workloads=[
                Workload(name="browse", kind="read", per_second=1000, peak_factor=2),
                Workload(name="order", kind="write", per_second=100, peak_factor=2),
            ]
        ),
    ),
    components=[
        Component(name="client", kind="client"),
        Component(name="app", kind="service", instances=2),
        Component(name="cache", kind="cache"),
        Component(name="db", kind="database"),
    ],
    flows=[
        Flow(
            name="Browse",
            workload="browse",
            steps=[
                Step(from_="client", to="app", action="GET /products"),
                Step(from_="app", to="cache", action="GET product", hit_ratio=0.9),
                Step(from_="app", to="db", action="SELECT product", condition="miss"),
            ],
        ),
        Flow(
            name="Order",
            workload="order",
            steps=[
                Step(from_="client", to="app", action="POST /orders"),
                Step(from_="app", to="db", action="INSERT order"),
            ],
        ),
    ],
)
"""

#: The "breaks first" line of the shop at 1x.
SHOP_LINE = (
    "app saturates at 0.91x (requests); db at 5x (writes); cache at 50x (requests)"
    " — multiples of today's traffic, at the peak"
)


#: The shop has no entities or APIs: a project that allows that, so it renders.
LIMITS = "[tool.sketch.limits]\nmin_entities = 0\nmin_apis = 0\n"


def write_shop(folder: Path, pyproject: str = "") -> Path:
    """`folder/shop.py`, with `folder/pyproject.toml` holding `pyproject` after the
    LIMITS (so the project settings are the test's, not the repository's)."""
    path = folder / "shop.py"
    path.write_text(SHOP, encoding="utf-8")
    (folder / "pyproject.toml").write_text(LIMITS + pyproject, "utf-8")
    return path
