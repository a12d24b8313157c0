"""A personal-finance aggregator (Mint-like) as published solutions state it: 5B transactions
a month (2,000 writes/s under a 2.5M-second month) into one SQL primary with read replicas,
kept 3 years.

A reviewer raises: one primary cannot take 2,000 writes/s, and 36 months of 5 KB
transactions (900 TB) do not fit one node.
"""

from sketch import Component, Design, Flow, ItemSize, Requirements, Scale, Step, Workload

design = Design(
    name="mint",
    requirements=Requirements(
        scale=Scale(
            retention_months=36,
            workloads=[
                Workload(
                    name="import transaction",
                    kind="write",
                    per_month=5_000_000_000,
                    items=[ItemSize(name="transaction", bytes=5_000)],
                ),
                Workload(name="view budget", per_month=500_000_000),
            ],
        ),
    ),
    components=[
        Component(name="client", kind="client"),
        Component(name="queue", kind="queue", technology="RabbitMQ", instances=2),
        Component(name="extractor", kind="worker", instances=4),
        Component(name="api", kind="service", instances=2),
        Component(name="db", kind="database", technology="PostgreSQL", replicas=2),
    ],
    flows=[
        Flow(
            name="Import transactions",
            workload="import transaction",
            steps=[
                Step(from_="client", to="queue", action="enqueue an account to refresh"),
                Step(from_="extractor", to="queue", action="consume the refresh job"),
                Step(from_="extractor", to="db", action="INSERT INTO transactions"),
            ],
        ),
        Flow(
            name="View the budget",
            workload="view budget",
            steps=[
                Step(from_="client", to="api", action="GET /api/v1/budget"),
                Step(from_="api", to="db", action="SELECT the month's totals"),
            ],
        ),
    ],
)
