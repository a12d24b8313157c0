"""A small valid design for tests to vary: within the framework's limits, every reference good."""

from __future__ import annotations

from typing import Any

from sketch import Api, Component, Design, Entity, Feature, Field, Flow, Requirements, Step


def entity(name: str, *extra: Field, **kwargs: Any) -> Entity:
    return Entity(
        name=name, fields=[Field(name="id", type="BIGINT", primary_key=True), *extra], **kwargs
    )


def api(method: str, path: str, **kwargs: Any) -> Api:
    return Api(method=method, path=path, purpose=f"{method} {path}", **kwargs)


def small_design(**overrides: Any) -> Design:
    """Three entities, five APIs, three components and one flow: `sketch check` finds nothing."""
    fields: dict[str, Any] = dict(
        name="shop",
        requirements=Requirements(in_scope=[Feature(key="order", text="Users place orders")]),
        entities=[
            entity("User"),
            entity("Item"),
            entity("Order", Field(name="user_id", type="BIGINT", references="User.id")),
        ],
        apis=[
            api("POST", "/api/v1/orders", serves=["order"]),
            api("GET", "/api/v1/orders/{id}"),
            api("GET", "/api/v1/items"),
            api("GET", "/api/v1/users/{id}"),
            api("DELETE", "/api/v1/orders/{id}"),
        ],
        components=[
            Component(name="client", kind="client"),
            Component(name="app", kind="service"),
            Component(name="db", kind="database", technology="PostgreSQL"),
        ],
        flows=[
            Flow(
                name="Place order",
                steps=[
                    Step(from_="client", to="app", action="place order", api="POST /api/v1/orders"),
                    Step(from_="app", to="db", action="INSERT INTO orders"),
                ],
            ),
        ],
    )
    fields.update(overrides)
    return Design(**fields)
