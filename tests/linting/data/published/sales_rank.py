"""A sales-rank service as published solutions state it: 1B transactions a month (400 writes/s
under a 2.5M-second month) on one SQL primary, 100B reads a month (40K/s) behind a cache that
states no hit ratio, with two read replicas. No peak factor.

A reviewer raises: the replicas cannot absorb the reads that miss the cache (every read is
assumed to miss when no hit ratio is given), and the primary's 400 writes/s leave no room
for a 3x peak.
"""

from sketch import Component, Design, Flow, Requirements, Scale, Step, Workload

design = Design(
    name="sales-rank",
    requirements=Requirements(
        scale=Scale(
            workloads=[
                Workload(name="purchase", kind="write", per_month=1_000_000_000),
                Workload(name="view rank", per_month=100_000_000_000),
            ],
        ),
    ),
    components=[
        Component(name="client", kind="client"),
        Component(name="lb", kind="load_balancer", technology="HAProxy", instances=2),
        Component(name="api", kind="service", instances=60),
        Component(name="cache", kind="cache", technology="Memcached", instances=2),
        Component(name="db", kind="database", technology="MySQL"),
        Component(
            name="replica", kind="read_replica", technology="MySQL", instances=2, replica_of="db"
        ),
    ],
    flows=[
        Flow(
            name="Record a purchase",
            workload="purchase",
            steps=[
                Step(from_="client", to="lb", action="POST /api/v1/purchases"),
                Step(from_="lb", to="api", action="route"),
                Step(from_="api", to="db", action="INSERT INTO transactions"),
            ],
        ),
        Flow(
            name="View a category's ranks",
            workload="view rank",
            steps=[
                Step(from_="client", to="lb", action="GET /api/v1/ranks"),
                Step(from_="lb", to="api", action="route"),
                Step(from_="api", to="cache", action="GET ranks:{category}", condition="cache hit"),
                Step(
                    from_="api",
                    to="replica",
                    action="SELECT ... ORDER BY rank",
                    condition="cache miss",
                ),
            ],
        ),
    ],
)
