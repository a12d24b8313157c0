"""A Pastebin as published solutions state it: monthly totals under a 2.5M-second month.

10M pastes a month (4/s), 10 reads per paste (40/s), 1,271 B a paste, kept 3 years (36
months): 12.7 GB a month, 457.6 GB in all. Small numbers on a modest design: a reviewer
raises no capacity problem here.
"""

from sketch import Component, Design, Flow, ItemSize, Requirements, Scale, Step, Workload

design = Design(
    name="pastebin",
    requirements=Requirements(
        scale=Scale(
            retention_months=36,
            workloads=[
                Workload(
                    name="create paste",
                    kind="write",
                    per_month=10_000_000,
                    items=[ItemSize(name="paste", bytes=1_271)],
                ),
                Workload(name="read paste", ratio=10, ratio_of="create paste"),
            ],
        ),
    ),
    components=[
        Component(name="client", kind="client"),
        Component(name="web", kind="load_balancer", technology="Nginx", instances=2),
        Component(name="write_api", kind="service", instances=2),
        Component(name="read_api", kind="service", instances=2),
        Component(name="cache", kind="cache", technology="Memcached", instances=2),
        Component(name="db", kind="database", technology="MySQL", replicas=1),
    ],
    flows=[
        Flow(
            name="Create a paste",
            workload="create paste",
            steps=[
                Step(from_="client", to="web", action="POST /api/v1/paste"),
                Step(from_="web", to="write_api", action="route"),
                Step(from_="write_api", to="db", action="INSERT INTO pastes"),
            ],
        ),
        Flow(
            name="Read a paste",
            workload="read paste",
            steps=[
                Step(from_="client", to="web", action="GET /api/v1/paste"),
                Step(from_="web", to="read_api", action="route"),
                Step(from_="read_api", to="cache", action="GET paste", hit_ratio=0.8),
                Step(from_="read_api", to="db", action="SELECT paste", condition="cache miss"),
            ],
        ),
    ],
)
