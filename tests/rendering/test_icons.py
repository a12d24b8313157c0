"""The icon mapping: data that resolves to real diagrams classes and icon files."""

from __future__ import annotations

import pytest

from sketch import Component, Kind
from sketch.model.technology import technology_key
from sketch.rendering.diagram import icon_class, icon_file, icon_relative_path
from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS, IconRef, icon_for

ALL_REFS = sorted({*KIND_ICONS.values(), *TECHNOLOGY_ICONS.values()})


def test_every_kind_has_a_generic_icon() -> None:
    assert set(KIND_ICONS) == set(Kind)


@pytest.mark.parametrize("ref", ALL_REFS, ids=lambda r: r.qualname)
def test_each_icon_is_a_diagrams_class_with_a_png(ref: IconRef) -> None:
    from diagrams import Node  # type: ignore[import-untyped]

    assert issubclass(icon_class(ref), Node)
    path = icon_file(ref)
    assert path.is_file()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert icon_relative_path(ref).startswith("icons/")


def test_icon_files_get_distinct_relative_names() -> None:
    files = {icon_file(ref): icon_relative_path(ref) for ref in ALL_REFS}
    assert len(set(files.values())) == len(files)


@pytest.mark.parametrize(
    ("kind", "technology", "expected"),
    [
        ("cache", "Redis", "diagrams.onprem.inmemory.Redis"),
        ("database", "PostgreSQL", "diagrams.onprem.database.Postgresql"),
        ("database", "PostgreSQL 16", "diagrams.onprem.database.Postgresql"),
        ("database", "MySQL", "diagrams.onprem.database.Mysql"),
        ("database", "Apache Cassandra", "diagrams.onprem.database.Cassandra"),
        ("database", "MongoDB", "diagrams.onprem.database.Mongodb"),
        ("queue", "Kafka", "diagrams.onprem.queue.Kafka"),
        ("queue", "RabbitMQ", "diagrams.onprem.queue.Rabbitmq"),
        ("load_balancer", "nginx", "diagrams.onprem.network.Nginx"),
        ("search_index", "Elasticsearch", "diagrams.elastic.elasticsearch.Elasticsearch"),
        ("object_store", "Amazon S3", "diagrams.aws.storage.S3"),
        ("cdn", "CloudFront", "diagrams.aws.network.CloudFront"),
        # unknown technology or none: the kind's generic icon
        ("database", "SomeNewDB", "diagrams.generic.database.SQL"),
        ("cache", None, "diagrams.gcp.database.Memorystore"),
        ("client", None, "diagrams.onprem.client.Users"),
        ("service", "Go", "diagrams.onprem.compute.Server"),
    ],
)
def test_icon_for_prefers_the_technology(kind: str, technology: str | None, expected: str) -> None:
    component = Component(name="x", kind=kind, technology=technology)
    assert icon_for(component).qualname == expected


@pytest.mark.parametrize(
    ("technology", "key"),
    [
        ("PostgreSQL", "postgresql"),
        ("Amazon S3", "s3"),
        ("Redis 7", "redis"),
        ("Google Cloud Pub/Sub", "cloudpubsub"),
        ("HAProxy", "haproxy"),
        ("Redis (RedisBloom)", "redis"),  # a note in brackets names no other technology
        ("(our own)", "ourown"),
    ],
)
def test_technology_key_normalises_names(technology: str, key: str) -> None:
    assert technology_key(technology) == key
