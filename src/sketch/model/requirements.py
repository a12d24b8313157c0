"""Step 1 of the framework: what the system must do, and at what scale and quality."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PositiveFloat, PositiveInt, field_validator, model_validator

from sketch.model.base import Declared, Model
from sketch.model.workload import ItemSize, Positive, Workload


class Feature(Declared):
    """A functional requirement. Give it a `key` so APIs can say which features they serve."""

    text: str = Field(min_length=1, description="The requirement as a person would say it.")
    key: str | None = Field(default=None, description="Short id that `Api.serves` refers to.")


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
    writes_per_day: Positive | None = Field(default=None, description="Writes per day, in total.")
    writes_per_month: Positive | None = Field(
        default=None, description="Writes per month, in total (the month convention's length)."
    )
    reads_per_second: PositiveFloat | None = Field(default=None, description="Declared average.")
    reads_per_day: Positive | None = Field(default=None, description="Reads per day, in total.")
    reads_per_month: Positive | None = Field(default=None, description="Reads per month, in total.")
    peak_factor: float | None = Field(default=None, ge=1, description="Peak / average, e.g. 3.")
    item_sizes: tuple[ItemSize, ...] = ()
    """What one write stores, for storage per day."""
    read_response_bytes: PositiveFloat | None = Field(
        default=None, description="Bytes returned per read, for egress bandwidth."
    )
    retention_years: PositiveFloat | None = None
    """How long data is kept, for total storage."""
    retention_months: Positive | None = Field(
        default=None, description="The horizon in months, e.g. 36 for `in 3 years`."
    )
    replication_factor: PositiveInt | None = None
    """Copies of each byte, for raw storage."""
    cache_hot_fraction: float = Field(
        default=0.2, gt=0, le=1, description="Share of a day's reads worth caching (80/20 rule)."
    )
    capacity: Capacity | None = None
    """What one node serves, for node counts."""
    workloads: tuple[Workload, ...] = Field(
        default=(),
        description="Named kinds of traffic (post tweet, home timeline, search); flows name "
        "the one they serve. Without any, the writes and reads above are the workloads.",
    )
    online_fraction: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] | None = Field(
        default=None,
        description="Share of DAU connected at once, for WebSocket and push gateways.",
    )

    @model_validator(mode="after")
    def _one_horizon(self) -> Scale:
        if self.retention_years is not None and self.retention_months is not None:
            raise ValueError("give the horizon once: `retention_years` or `retention_months`")
        return self


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


class Clarification(Declared):
    """A question asked at the start, the interviewer's answer, and what it decided."""

    question: str = Field(min_length=1, description="As asked: `How many users?`")
    answer: str = Field(min_length=1, description="The interviewer's answer: `200M DAU`.")
    decides: str | None = Field(
        default=None, description="What the answer settled, e.g. `eventual consistency`."
    )


class Requirements(Declared):
    """Functional scope and the non-functional targets.

    The guide's three tiers of scope are `in_scope` (must-have), `nice_to_have` and
    `out_of_scope`; `clarifications` and `assumptions` record how the scope was settled.
    """

    in_scope: tuple[Feature, ...] = ()
    """The features the system must have (3-5); plain strings are fine."""
    nice_to_have: tuple[str, ...] = Field(
        default=(), description="Features worth naming but not designed for now."
    )
    out_of_scope: tuple[str, ...] = ()
    """What you deliberately leave out."""
    clarifications: tuple[Clarification, ...] = Field(
        default=(), description="Questions asked, their answers and what they decided."
    )
    assumptions: tuple[str, ...] = Field(
        default=(), description="What was assumed instead of asked (`state assumptions`)."
    )
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
