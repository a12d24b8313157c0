"""The talk track's sizing sentence comes from the load model: the store's own capacity
figure and its source, the dimension that binds (queries, writes, stored bytes), and "one
instance is enough" only when nothing already needs more than one node."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sketch import Component, Design, Flow, ItemSize, NodeCapacity, Requirements, Scale, Step
from sketch.estimating.catalogue import (
    CASSANDRA_BENCH,
    DYNAMO_LIMITS,
    GUIDE_QPS,
    RDS_STORAGE,
    WRITES_RULE,
)
from sketch.practice.talk import as_text, talk_track
from tests.helpers.cli import Sketch


def _design(scale: Scale, db: Component, cache: bool = False, read_from: str = "db") -> Design:
    components = [
        Component(name="client", kind="client"),
        Component(name="app", kind="service", instances=200),
        db,
    ]
    if cache:
        components.append(Component(name="cache", kind="cache", technology="Redis"))
    return Design(
        name="sized",
        requirements=Requirements(scale=scale),
        components=components,
        flows=[
            Flow(
                name="Write",
                steps=[
                    Step(from_="client", to="app", action="POST /items", api="POST /items"),
                    Step(from_="app", to="db", action="INSERT INTO items"),
                ],
            ),
            Flow(
                name="Read",
                steps=[
                    Step(from_="client", to="app", action="GET /items/{id}"),
                    Step(from_="app", to=read_from, action="SELECT item"),
                ],
            ),
        ],
    )


def _scale_line(design: Design) -> str:
    text = as_text(talk_track(design), design.display_title)
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("With ")]
    assert len(lines) == 1, text
    return lines[0]


def _postgres(**given: Any) -> Component:
    return Component(name="db", kind="database", technology="PostgreSQL", **given)


def test_a_write_bound_design_is_told_to_shard_the_writes_not_to_add_replicas() -> None:
    # 5K writes/s x 2 at peak = 10K writes/s against ~1K per primary: 10 shards
    scale = Scale(writes_per_second=5_000, read_write_ratio=0.2, peak_factor=2)
    line = _scale_line(_design(scale, _postgres()))
    assert line.startswith("With 10K writes/s at peak, a single PostgreSQL instance can handle")
    assert "we'd need sharding" in line and "read replicas or sharding" not in line
    assert "Writes bind harder: db takes 10K writes/s at peak against ~1K writes/s per" in line
    assert "the writes need 10 shards; read replicas add no write capacity" in line
    assert WRITES_RULE in line
    assert "we can start with a single" not in line


def test_the_store_s_own_capacity_figure_is_quoted_with_its_source() -> None:
    scale = Scale(reads_per_second=90_000, writes_per_second=1, peak_factor=1)
    db = _postgres(capacity=NodeCapacity(requests_per_second=20_000))
    line = _scale_line(_design(scale, db))
    assert "a single PostgreSQL instance can handle ~20K QPS" in line
    assert "can handle ~10K QPS, so" not in line
    assert "components.db.capacity" in line
    assert "db takes 90K requests/s at peak, 5 nodes' worth" in line
    assert "read replicas or sharding" in line  # the writes fit one primary


def test_storage_that_outgrows_one_node_is_said_and_no_single_instance_is_offered() -> None:
    # 10 writes/s x 1 MB x 10 years = 3.2 PB, against 64 TiB on one RDS instance
    scale = Scale(
        writes_per_second=10,
        read_write_ratio=1,
        peak_factor=2,
        item_sizes=[ItemSize(name="scan", bytes=1_000_000)],
        retention_years=10,
    )
    line = _scale_line(_design(scale, _postgres()))
    assert "we can start with a single" not in line
    assert "Storage binds, though: db holds 3.2 PB against 70 TB per node" in line
    assert "so the data needs 45 shards" in line
    assert RDS_STORAGE in line


def _stored_scale() -> Scale:
    # 10 writes/s x 100 KB x 5 years = 158 TB
    return Scale(
        writes_per_second=10,
        read_write_ratio=1,
        peak_factor=2,
        item_sizes=[ItemSize(name="row", bytes=100_000)],
        retention_years=5,
    )


def test_data_no_figure_sizes_is_never_called_small_enough_for_one_node() -> None:
    # Bigtable's published figure is per-node requests; nothing here says how much one holds
    db = Component(name="db", kind="database", technology="Bigtable", instances=3)
    line = _scale_line(_design(_stored_scale(), db))
    assert "we can start with a single" not in line
    assert "handles the queries (~10K QPS, and db takes 40 requests/s at peak)" in line
    assert "It must also hold 158 TB, so we size its nodes by disk as well." in line
    assert "Google Cloud Bigtable documentation" in line


def test_a_ring_s_data_is_spread_over_nodes() -> None:
    db = Component(name="db", kind="database", technology="Cassandra", instances=3)
    line = _scale_line(_design(_stored_scale(), db))
    assert "we can start with a single" not in line
    assert "Storage binds, though: db holds 158 TB against 2 TB per node" in line
    assert "so the data needs 79 nodes." in line
    assert CASSANDRA_BENCH in line


def test_a_small_routed_design_still_starts_with_one_instance_and_its_cache() -> None:
    scale = Scale(dau=10_000, writes_per_user_per_day=5, read_write_ratio=10, peak_factor=3)
    line = _scale_line(_design(scale, _postgres(), cache=True))
    assert line.startswith(
        "With 10K DAU and 17 reads/s at peak, we can start with a single PostgreSQL instance "
        "and a Redis cache: one PostgreSQL node handles ~10K QPS, and db takes"
    )
    assert GUIDE_QPS in line
    # the reads reach the database: replicas are how it grows
    assert "db takes 19 requests/s at peak" in line  # 17 reads + 1.7 writes
    assert "As we scale, we'd add read replicas and consider sharding." in line


def test_a_store_behind_a_cache_that_only_takes_writes_grows_by_sharding() -> None:
    scale = Scale(dau=10_000, writes_per_user_per_day=5, read_write_ratio=10, peak_factor=3)
    line = _scale_line(_design(scale, _postgres(), cache=True, read_from="cache"))
    assert "we can start with a single PostgreSQL instance and a Redis cache" in line
    assert "As we scale, we'd shard the writes." in line


def test_a_small_write_heavy_design_grows_by_sharding_the_writes() -> None:
    scale = Scale(writes_per_second=100, read_write_ratio=0.1, peak_factor=2)
    line = _scale_line(_design(scale, _postgres()))
    assert "we can start with a single PostgreSQL instance" in line
    assert "As we scale, we'd shard the writes." in line


DESIGN_YAML = """\
name: store
requirements:
  scale:
    reads_per_second: 90000
    writes_per_second: 1
    peak_factor: 1
components:
- {name: client, kind: client}
- {name: app, kind: service, instances: 200}
- {name: db, kind: database, technology: PostgreSQL}
flows:
- name: Read
  steps:
  - {from: client, to: app, action: GET /items}
  - {from: app, to: db, action: SELECT item}
"""


def test_the_command_uses_the_project_s_capacity_figures(sketch: Sketch, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sketch.capacity.PostgreSQL]\nrequests_per_second = 30000\n", encoding="utf-8"
    )
    design = tmp_path / "store.yaml"
    design.write_text(DESIGN_YAML, encoding="utf-8")
    result = sketch("talk", design)
    assert result.exit_code == 0, result.output
    assert "a single PostgreSQL instance can handle ~30K QPS" in result.stdout
    assert "db takes 90K requests/s at peak, 3 nodes' worth" in result.stdout
    assert "[tool.sketch.capacity.postgresql] (requests_per_second)" in result.stdout


def test_a_managed_store_is_never_one_instance() -> None:
    scale = Scale(writes_per_second=5_000, read_write_ratio=2, peak_factor=2)
    db = Component(name="db", kind="database", technology="DynamoDB")
    line = _scale_line(_design(scale, db))
    assert line.startswith("With 20K reads/s at peak, DynamoDB scales with the load on its own")
    assert "db takes 30K requests/s at peak" in line
    assert "single" not in line
    assert DYNAMO_LIMITS in line


def test_a_cache_one_node_cannot_hold_is_sized() -> None:
    # 1M reads/s at peak through one Redis node of ~100K/s: 10 nodes
    scale = Scale(writes_per_second=10, reads_per_second=500_000, peak_factor=2)
    line = _scale_line(_design(scale, _postgres(), cache=True, read_from="cache"))
    assert "and a Redis cache of 10 nodes (requests: 1M/s at 100K/s each)" in line
