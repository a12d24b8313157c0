"""A deliberately weak design: one database, no cache, no bottlenecks, one deep dive."""

from sketch import (
    Api,
    Approach,
    Component,
    DeepDive,
    Design,
    Entity,
    Field,
    Flow,
    Requirements,
    Scale,
    Step,
)

design = Design(
    name="weak-shop",
    requirements=Requirements(
        in_scope=["Users browse products", "Users place orders"],
        scale=Scale(dau=50_000_000, writes_per_user_per_day=4, read_write_ratio=50, peak_factor=3),
        availability=99.99,
    ),
    entities=[
        Entity(name="User", fields=[Field(name="user_id", type="BIGINT", primary_key=True)]),
        Entity(name="Product", fields=[Field(name="product_id", type="BIGINT", primary_key=True)]),
        Entity(
            name="Order",
            fields=[
                Field(name="order_id", type="BIGINT"),
                Field(name="user_id", type="BIGINT", references="User.user_id"),
            ],
        ),
    ],
    apis=[
        Api(method="GET", path="/products", purpose="List products"),
        Api(method="GET", path="/api/v1/product/{product_id}", purpose="Get a product"),
        Api(method="POST", path="/api/v1/createOrder", purpose="Place an order"),
        Api(method="GET", path="/api/v1/orders", purpose="Search orders", request=["user_id"]),
        Api(method="DELETE", path="/api/v1/orders/{order_id}", purpose="Cancel an order"),
    ],
    components=[
        Component(name="client", kind="client"),
        Component(name="app", kind="service", instances=4),
        Component(name="db", kind="database", technology="PostgreSQL"),
    ],
    flows=[
        Flow(
            name="Place an order",
            steps=[
                Step(from_="client", to="app", action="POST /api/v1/createOrder"),
                Step(from_="app", to="db", action="INSERT INTO orders"),
            ],
        ),
    ],
    deep_dives=[
        DeepDive(
            topic="Checkout",
            problem="Orders must not be lost",
            approaches=[Approach(name="Write to the database", pros=["simple"])],
        ),
    ],
)
