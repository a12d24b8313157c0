"""One reading of `instances`, `shards` and `replicas` for the load and availability models:
instances are the nodes in all (at least one a shard), replicas are copies on top."""

from __future__ import annotations

from typing import Any

import pytest

from sketch import (
    Component,
    Design,
    NodeCapacity,
)
from sketch.estimating import route_load
from sketch.estimating.availability import copies_of
from sketch.estimating.catalogue import catalogue_from_settings
from sketch.estimating.nodes import all_nodes, copies_per_key, primaries
from tests.helpers.factories import one_store_design


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


def _nodes_by_dimension(design: Design) -> dict[str, int]:
    store = route_load(design).component("store")
    assert store is not None
    return {d.name: d.nodes for d in store.dimensions}


def test_a_sharded_relational_database_reads_on_every_node_and_writes_on_its_primaries() -> None:
    store = Component(
        name="store", kind="database", technology="PostgreSQL", instances=8, shards=8, replicas=16
    )
    design = one_store_design(store)
    assert _nodes_by_dimension(design) == {"requests": 24, "writes": 8}
    assert copies_of(design, store) == 3


def test_a_distributed_store_writes_on_every_node_its_figure_is_after_replication() -> None:
    store = Component(
        name="store", kind="database", technology="Cassandra", instances=12, replicas=24
    )
    assert _nodes_by_dimension(one_store_design(store))["writes"] == 36


def test_a_sharded_cache_holds_one_copy_on_its_primaries() -> None:
    store = Component(
        name="store", kind="cache", technology="Redis", instances=10, shards=10, replicas=20
    )
    design = one_store_design(store)
    nodes = _nodes_by_dimension(design)
    assert nodes["requests"] == 30
    assert copies_of(design, store) == 3


def _ring(**capacity: Any) -> Component:
    """A Dynamo-style ring of an engine the catalogue does not know."""
    return Component(
        name="store",
        kind="database",
        technology="RocksDB",
        instances=30,
        capacity=NodeCapacity(writes_per_second=1_000, **capacity),
    )


def test_an_unlisted_engine_is_one_primary_and_says_so() -> None:
    store = route_load(one_store_design(_ring())).component("store")
    assert store is not None
    assert {d.name: d.nodes for d in store.dimensions}["writes"] == 1
    assert any("its other 29 instances taken as standbys" in line for line in store.why)


def test_a_design_can_say_every_node_takes_writes() -> None:
    store = route_load(one_store_design(_ring(distributed_writes=True))).component("store")
    assert store is not None
    assert {d.name: d.nodes for d in store.dimensions}["writes"] == 30
    assert not any("standbys" in line for line in store.why)


def test_a_project_can_say_it_for_a_technology() -> None:
    catalogue = catalogue_from_settings({"RocksDB": {"distributed_writes": True}})
    store = route_load(one_store_design(_ring()), catalogue=catalogue).component("store")
    assert store is not None
    assert {d.name: d.nodes for d in store.dimensions}["writes"] == 30


def test_a_distributed_store_keeps_its_replication_factor_of_copies_of_a_key() -> None:
    store = Component(
        name="store", kind="database", technology="Cassandra", instances=12, replicas=24
    )
    assert copies_of(one_store_design(store), store) == 3  # RF 3, not 36 copies of every key
    relational = Component(name="store", kind="database", technology="PostgreSQL", instances=2)
    assert copies_of(one_store_design(relational), relational) == 2  # primary and standby


@pytest.mark.parametrize(
    ("fields", "limit"),
    [
        # Amazon API Gateway's 10K/s is the account's, however many `instances` are drawn
        ({"kind": "api_gateway", "technology": "Amazon API Gateway", "instances": 4}, 10_000),
        # Kinesis takes 1,000 records/s per shard
        ({"kind": "stream", "technology": "Kinesis", "instances": 3, "shards": 8}, 8_000),
    ],
)
def test_a_managed_services_limit_is_the_services_or_its_shards(
    fields: dict[str, Any], limit: float
) -> None:
    store = route_load(one_store_design(Component(name="store", **fields))).component("store")
    assert store is not None
    assert {d.name: d.capacity for d in store.dimensions}["requests"] == limit
