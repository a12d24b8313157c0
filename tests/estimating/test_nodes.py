"""One reading of `instances`, `shards` and `replicas` for the load and availability models:
instances are the nodes in all (at least one a shard), replicas are copies on top."""

from __future__ import annotations

from typing import Any

import pytest

from sketch import Component, Design, Flow, Requirements, Scale, Step, Workload
from sketch.estimating import route_load
from sketch.estimating.availability import copies_of
from sketch.estimating.nodes import all_nodes, copies_per_key, primaries


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # (primaries, all nodes, copies of one key)
        ({}, (1, 1, 1)),
        ({"instances": 20}, (20, 20, 20)),  # a stateless pool: any node serves
        ({"replicas": 2}, (1, 3, 3)),  # a primary and two standbys
        ({"shards": 48, "replicas": 48}, (48, 96, 2)),  # instances left at 1: one a shard
        ({"instances": 10, "shards": 10, "replicas": 20}, (10, 30, 3)),
        ({"instances": 8, "shards": 8, "replicas": 16}, (8, 24, 3)),
    ],
)
def test_the_counts(fields: dict[str, Any], expected: tuple[int, int, int]) -> None:
    component = Component(name="x", kind="database", **fields)
    assert (primaries(component), all_nodes(component), copies_per_key(component)) == expected


def _step(action: str) -> Step:
    return Step(from_="client", to="store", action=action)


def _design(*components: Component) -> Design:
    return Design(
        name="nodes",
        requirements=Requirements(
            scale=Scale(
                workloads=[
                    Workload(name="put", kind="write", per_second=1_000),
                    Workload(name="get", ratio=10, ratio_of="put"),
                ]
            )
        ),
        components=[Component(name="client", kind="client"), *components],
        flows=[
            Flow(
                name="Put", workload="put", steps=[Step(from_="client", to="store", action="PUT")]
            ),
            Flow(
                name="Get", workload="get", steps=[Step(from_="client", to="store", action="GET")]
            ),
        ],
    )


def _nodes_by_dimension(design: Design) -> dict[str, int]:
    store = route_load(design).component("store")
    assert store is not None
    return {d.name: d.nodes for d in store.dimensions}


def test_a_sharded_relational_database_reads_on_every_node_and_writes_on_its_primaries() -> None:
    store = Component(
        name="store", kind="database", technology="PostgreSQL", instances=8, shards=8, replicas=16
    )
    design = _design(store)
    assert _nodes_by_dimension(design) == {"requests": 24, "writes": 8}
    assert copies_of(design, store) == 3


def test_a_distributed_store_writes_on_every_node_its_figure_is_after_replication() -> None:
    store = Component(
        name="store", kind="database", technology="Cassandra", instances=12, replicas=24
    )
    assert _nodes_by_dimension(_design(store))["writes"] == 36


def test_a_sharded_cache_holds_one_copy_on_its_primaries() -> None:
    store = Component(
        name="store", kind="cache", technology="Redis", instances=10, shards=10, replicas=20
    )
    design = _design(store)
    nodes = _nodes_by_dimension(design)
    assert nodes["requests"] == 30
    assert copies_of(design, store) == 3
