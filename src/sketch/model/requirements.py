"""Step 1 of the framework: what the system must do, and at what scale and quality."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveFloat, PositiveInt, field_validator, model_validator

from sketch.model.base import Declared, Model


class Feature(Declared):
    """A functional requirement. Give it a `key` so APIs can say which features they serve."""

    text: str = Field(min_length=1, description="The requirement as a person would say it.")
    key: str | None = Field(default=None, description="Short id that `Api.serves` refers to.")


class ItemSize(Model):
    """Bytes stored per write, e.g. tweet text: 280 chars x 2 bytes, or metadata: 190 bytes."""

    name: str = Field(min_length=1)
    """What is stored: `tweet text`, `media`."""
    bytes: PositiveFloat | None = Field(default=None, description="Size in bytes.")
    chars: PositiveInt | None = Field(default=None, description="Characters, with bytes_per_char.")
    bytes_per_char: PositiveInt = 2
    """Bytes per character (2 for UTF-16-ish text, the guide's figure)."""
    fraction: float = Field(
        default=1.0, gt=0, le=1, description="Share of writes that carry this item (0-1]."
    )

    @model_validator(mode="after")
    def _one_size(self) -> ItemSize:
        if (self.bytes is None) == (self.chars is None):
            raise ValueError("give exactly one of `bytes` or `chars` (with `bytes_per_char`)")
        return self

    @property
    def size_bytes(self) -> float:
        return (
            self.bytes if self.bytes is not None else float(self.chars or 0) * self.bytes_per_char
        )


class Capacity(Model):
    """What one node serves, for sizing servers and shards (the guide's ~10K QPS per database)."""

    qps_per_server: PositiveFloat | None = None
    """Requests per second one app server handles."""
    qps_per_database: PositiveFloat | None = None
    """Queries per second one database node handles (guide: ~10K for PostgreSQL)."""
    storage_per_shard_bytes: PositiveFloat | None = None
    """Bytes one shard holds, for the shard count."""


class Scale(Model):
    """The numbers the guide asks for: users, actions, ratios, sizes and retention."""

    dau: PositiveInt | None = Field(default=None, description="Daily active users.")
    mau: PositiveInt | None = Field(default=None, description="Monthly active users.")
    total_users: PositiveInt | None = None
    """Registered users."""
    write_name: str = Field(default="write", description="What one write is, e.g. `tweet`.")
    writes_per_user_per_day: PositiveFloat | None = None
    """Writes each daily user makes."""
    reads_per_user_per_day: PositiveFloat | None = None
    """Reads each daily user makes (or give `read_write_ratio`)."""
    read_write_ratio: PositiveFloat | None = Field(
        default=None, description="Reads per write: 100 means 100:1."
    )
    writes_per_second: PositiveFloat | None = Field(default=None, description="Declared average.")
    reads_per_second: PositiveFloat | None = Field(default=None, description="Declared average.")
    peak_factor: float | None = Field(default=None, ge=1, description="Peak / average, e.g. 3.")
    item_sizes: tuple[ItemSize, ...] = ()
    """What one write stores, for storage per day."""
    read_response_bytes: PositiveFloat | None = Field(
        default=None, description="Bytes returned per read, for egress bandwidth."
    )
    retention_years: PositiveFloat | None = None
    """How long data is kept, for total storage."""
    replication_factor: PositiveInt | None = None
    """Copies of each byte, for raw storage."""
    cache_hot_fraction: float = Field(
        default=0.2, gt=0, le=1, description="Share of a day's reads worth caching (80/20 rule)."
    )
    capacity: Capacity | None = None
    """What one node serves, for node counts."""


Percentile = Literal["p50", "p90", "p95", "p99", "p999"]


class LatencyTarget(Model):
    """e.g. timeline reads under 200 ms at p99."""

    operation: str = Field(min_length=1)
    """What the user waits for: `timeline read`."""
    ms: PositiveFloat
    """The target in milliseconds."""
    percentile: Percentile | None = None
    """Where it holds: p50, p90, p95, p99 or p999."""


class Consistency(Model):
    """Strong or eventual, for some part of the system, with the staleness users accept."""

    level: Literal["strong", "eventual"]
    """`strong` or `eventual`."""
    applies_to: str | None = None
    """Which data or operation it applies to."""
    staleness: str | None = Field(default=None, description="e.g. `a few seconds`.")


class Requirements(Declared):
    """Functional scope and the non-functional targets."""

    in_scope: tuple[Feature, ...] = ()
    """The features the system must have (3-5); plain strings are fine."""
    out_of_scope: tuple[str, ...] = ()
    """What you deliberately leave out."""
    scale: Scale | None = None
    """The numbers that size the system."""
    latency: tuple[LatencyTarget, ...] = ()
    """Latency targets."""
    consistency: tuple[Consistency, ...] = ()
    """Consistency choices."""
    availability: float | None = Field(
        default=None, gt=0, lt=100, description="Uptime target in percent, e.g. 99.99."
    )

    @field_validator("in_scope", mode="before")
    @classmethod
    def _features_from_text(cls, value: object) -> object:
        # Plain strings are the quick way to write scope; they become key-less features.
        if isinstance(value, (list, tuple)):
            return [Feature(text=item) if isinstance(item, str) else item for item in value]
        return value

    @field_validator("availability", mode="before")
    @classmethod
    def _percent_text(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().removesuffix("%").strip()
        return value
