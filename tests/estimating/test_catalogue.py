"""The capacity catalogue: every default names its source, and docs/capacity.md is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch.errors import ConfigError
from sketch.estimating.catalogue import (
    KIND_DEFAULTS,
    TECHNOLOGY_DEFAULTS,
    catalogue_from_settings,
)
from sketch.model import Kind
from tests.helpers.cli import Sketch


def test_every_kind_has_a_default_and_every_figure_a_source() -> None:
    assert set(KIND_DEFAULTS) == set(Kind)
    for name, figures in [*KIND_DEFAULTS.items(), *TECHNOLOGY_DEFAULTS.items()]:
        assert len(figures.source) > 10, f"{name}: no source"
        given = [figures.requests_per_second, figures.writes_per_second, figures.connections]
        assert all(value is None or value > 0 for value in given), name


def test_the_guide_figure_is_the_relational_default() -> None:
    database = KIND_DEFAULTS[Kind.database]
    assert database.requests_per_second == 10_000
    assert "the guide" in database.source


def test_docs_capacity_is_current(repo_root: Path, sketch: Sketch) -> None:
    generated = sketch("capacity", "--format", "markdown").stdout
    committed = (repo_root / "docs" / "capacity.md").read_text(encoding="utf-8")
    assert committed == generated, (
        "docs/capacity.md is stale: run `sketch capacity --format markdown > docs/capacity.md`"
    )
    for kind in Kind:
        assert f"| {kind.value} |" in committed


def test_sketch_capacity_text_names_sources(sketch: Sketch) -> None:
    result = sketch("capacity")
    assert result.exit_code == 0
    assert "database: 10K requests/s, 1K writes/s, 70 TB storage" in result.stdout
    assert result.stdout.count("source: ") == len(KIND_DEFAULTS) + len(TECHNOLOGY_DEFAULTS)
    lines = result.stdout.splitlines()
    cassandra = lines.index(next(line for line in lines if line.startswith("  cassandra:")))
    assert lines[cassandra].endswith("(writes on every node)")
    assert lines[cassandra + 1].startswith("      source: Netflix tech blog")
    dns = lines.index("  dns: no figure (managed)")
    assert lines[dns + 1] == "      source: " + KIND_DEFAULTS[Kind.dns].source


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"PostgreSQL": 5}, "must be a table"),
        ({"PostgreSQL": {"qps": 5}}, "qps"),
        # Worded as the same figure on a component is (`NodeCapacity`), at its line.
        ({"PostgreSQL": {"requests_per_second": -1}}, "greater than 0"),
        ({"PostgreSQL": {"requests_per_second": float("inf")}}, "finite number"),
    ],
)
def test_bad_capacity_settings_are_config_errors(settings: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ConfigError, match=message):
        catalogue_from_settings(settings, "pyproject.toml")


def test_cassandra_holds_what_datastax_sizes_a_node_for_and_scylla_claims_nothing() -> None:
    from sketch.estimating.catalogue import TECHNOLOGY_DEFAULTS as TECH

    assert TECH["cassandra"].storage_bytes == 2e12
    assert "DataStax" in TECH["cassandra"].source and "2 TB" in TECH["cassandra"].source
    assert TECH["scylla"].storage_bytes is None and TECH["scylla"].distributed_writes


@pytest.mark.parametrize(
    ("kind", "technology", "said"),
    [
        ("cache", "Unbound", "the cache default (no figure for Unbound): redis.io"),
        ("load_balancer", "Nginx", "the load_balancer default (no figure for Nginx): HAProxy"),
        ("database", "PostgreSQL", "the guide: 'a single PostgreSQL instance"),  # named there
        ("load_balancer", "HAProxy", "HAProxy Technologies blog"),
        ("cache", None, "redis.io"),
    ],
)
def test_a_kind_figure_standing_in_for_a_technology_says_so(
    kind: str, technology: str | None, said: str
) -> None:
    from sketch import Component
    from sketch.estimating.catalogue import Catalogue

    component = Component(name="x", kind=kind, technology=technology)
    assert Catalogue().figures(component).source.startswith(said)
