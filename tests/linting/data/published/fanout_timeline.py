"""A social timeline as published solutions state it: 500M posts a month (200/s under a
2.5M-second month), each delivered to 300 followers (60K deliveries/s) by a fanout service
that writes the home timelines into the SQL database.

A reviewer raises: 60K timeline writes/s overwhelm the database the fanout writes to.
"""

from sketch import Component, Design, Flow, Requirements, Scale, Step, Workload

design = Design(
    name="fanout-timeline",
    requirements=Requirements(
        scale=Scale(
            workloads=[
                Workload(name="post", kind="write", per_month=500_000_000, fanout=300),
            ],
        ),
    ),
    components=[
        Component(name="client", kind="client"),
        Component(name="api", kind="service", instances=2),
        Component(name="fanout", kind="worker", instances=2),
        Component(name="queue", kind="stream", technology="Kafka", instances=3),
        Component(name="db", kind="database", technology="PostgreSQL", replicas=1),
    ],
    flows=[
        Flow(
            name="Post",
            workload="post",
            steps=[
                Step(from_="client", to="api", action="POST /api/v1/posts"),
                Step(from_="api", to="db", action="INSERT INTO posts"),
                Step(from_="api", to="queue", action="publish the post"),
                Step(from_="fanout", to="queue", action="consume the post"),
                Step(
                    from_="fanout",
                    to="db",
                    action="INSERT INTO home_timeline per follower",
                    fanout=True,
                ),
            ],
        ),
    ],
)
