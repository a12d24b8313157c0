"""Step 1 of the framework: what the system must do, and at what scale and quality."""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from sketch.model.base import Declared, Model
from sketch.model.numbers import Factor, Fraction, Percent, PositiveAmount, PositiveCount
from sketch.model.workload import ItemSize, Workload

#: Words that name a quality of the whole system rather than something a user does: a scope
#: item made of them ("the service has high availability") is non-functional.
_QUALITY_WORDS = re.compile(
    r"\b(availab\w*|uptime|latency|latencies|fast|faster|quick\w*|low[- ]latency|scal\w*|"
    r"durab\w*|reliab\w*|resilien\w*|fault[- ]toleran\w*|redundan\w*|consisten\w*|"
    r"throughput|performan\w*|p50|p9\d+|nines|sla|secure|security|observab\w*|"
    r"\d+(\.\d+)?\s*(ms|%|milliseconds?|seconds?))\b",
    re.IGNORECASE,
)
#: What a user-facing feature says: it starts with someone doing something ("Users can
#: post", "Drivers see", "A rider requests").
_ACTOR = re.compile(
    r"^\s*(the\s+|a\s+|an\s+)?(users?|customers?|clients?|admins?|drivers?|riders?|buyers?|"
    r"sellers?|viewers?|creators?|members?|people|visitors?|guests?|anyone|someone|authors?|"
    r"senders?|recipients?|players?|hosts?|guests?|owners?|followers?)\s+\w+",
    re.IGNORECASE,
)

FeatureKind = Literal["functional", "non_functional"]


class Feature(Declared):
    """A requirement in scope. Give it a `key` so APIs can say which features they serve."""

    text: str = Field(min_length=1, description="The requirement as a person would say it.")
    key: str | None = Field(default=None, description="Short id that `Api.serves` refers to.")
    kind: FeatureKind | None = Field(
        default=None,
        description="functional (something users do, served by an API) or non_functional (a "
        "quality such as availability); unset: inferred from the text (see `functional`).",
    )

    @property
    def functional(self) -> bool:
        """Declared `kind` wins. Otherwise a scope item is non-functional when it names a
        quality of the system (availability, latency, scalability, durability, consistency,
        a figure in ms or %) and no actor doing something ("Users can ...", "Drivers see");
        everything else is functional, so an unclear item still asks for its API."""
        if self.kind is not None:
            return self.kind == "functional"
        return not (_QUALITY_WORDS.search(self.text) and not _ACTOR.search(self.text))


class Capacity(Model):
    """What one node serves, for sizing servers and shards (the guide's ~10K QPS per database)."""

    qps_per_server: PositiveAmount | None = None
    """Requests per second one app server handles."""
    qps_per_database: PositiveAmount | None = None
    """Queries per second one database node handles (guide: ~10K for PostgreSQL)."""
    storage_per_shard_bytes: PositiveAmount | None = None
    """Bytes one shard holds, for the shard count."""


class Scale(Model):
    """The numbers the guide asks for: users, actions, ratios, sizes and retention."""

    dau: PositiveCount | None = Field(default=None, description="Daily active users.")
    mau: PositiveCount | None = Field(default=None, description="Monthly active users.")
    total_users: PositiveCount | None = None
    """Registered users."""
    write_name: str = Field(default="write", description="What one write is, e.g. `tweet`.")
    writes_per_user_per_day: PositiveAmount | None = None
    """Writes each daily user makes."""
    reads_per_user_per_day: PositiveAmount | None = None
    """Reads each daily user makes (or give `read_write_ratio`)."""
    read_write_ratio: PositiveAmount | None = Field(
        default=None, description="Reads per write: 100 means 100:1."
    )
    writes_per_second: PositiveAmount | None = Field(default=None, description="Declared average.")
    writes_per_day: PositiveAmount | None = Field(
        default=None, description="Writes per day, in total."
    )
    writes_per_month: PositiveAmount | None = Field(
        default=None, description="Writes per month, in total (the month convention's length)."
    )
    reads_per_second: PositiveAmount | None = Field(default=None, description="Declared average.")
    reads_per_day: PositiveAmount | None = Field(
        default=None, description="Reads per day, in total."
    )
    reads_per_month: PositiveAmount | None = Field(
        default=None, description="Reads per month, in total."
    )
    peak_factor: Factor | None = Field(default=None, description="Peak / average, e.g. 3.")
    item_sizes: tuple[ItemSize, ...] = ()
    """What one write stores, for storage per day."""
    read_response_bytes: PositiveAmount | None = Field(
        default=None, description="Bytes returned per read, for egress bandwidth."
    )
    retention_years: PositiveAmount | None = None
    """How long data is kept, for total storage."""
    retention_months: PositiveAmount | None = Field(
        default=None, description="The horizon in months, e.g. 36 for `in 3 years`."
    )
    replication_factor: PositiveCount | None = None
    """Copies of each byte, for raw storage."""
    cache_hot_fraction: Fraction = Field(
        default=0.2, description="Share of a day's reads worth caching (80/20 rule)."
    )
    capacity: Capacity | None = None
    """What one node serves, for node counts."""
    workloads: tuple[Workload, ...] = Field(
        default=(),
        description="Named kinds of traffic (post tweet, home timeline, search); flows name "
        "the one they serve. Without any, the writes and reads above are the workloads.",
    )
    online_fraction: Fraction | None = Field(
        default=None,
        description="Share of DAU connected at once, for WebSocket and push gateways.",
    )

    @model_validator(mode="after")
    def _one_horizon(self) -> Scale:
        if self.retention_years is not None and self.retention_months is not None:
            raise ValueError("give the horizon once: `retention_years` or `retention_months`")
        return self


Percentile = Literal["p50", "p90", "p95", "p99", "p999"]


#: The fraction of requests each percentile covers.
PERCENTILE_FRACTION: dict[str, float] = {
    "p50": 0.50,
    "p90": 0.90,
    "p95": 0.95,
    "p99": 0.99,
    "p999": 0.999,
}


class LatencyTarget(Declared):
    """e.g. timeline reads under 200 ms at p99: `LatencyTarget(flows=["Get timeline"], ms=200,
    percentile="p99")`. `flows` names the flows the target governs (`sketch check` says when
    a name matches no flow); `operation` is how a person says it, by default the flow names."""

    operation: str | None = Field(default=None, min_length=1)
    """What the user waits for: `timeline read`."""
    flows: tuple[str, ...] = Field(
        default=(), description="Names of the flows this target governs, e.g. ['Get timeline']."
    )
    ms: PositiveAmount
    """The target in milliseconds."""
    percentile: Percentile | None = None
    """Where it holds: p50, p90, p95, p99 or p999."""

    @model_validator(mode="after")
    def _says_what(self) -> LatencyTarget:
        if self.operation is None and not self.flows:
            raise ValueError(
                "say what the target is for: `flows=['Get timeline']` (or `operation=...`)"
            )
        return self

    @property
    def label(self) -> str:
        """What the target is for, as a person says it."""
        return self.operation or ", ".join(self.flows)

    @property
    def fraction(self) -> float | None:
        """The share of requests the target holds for (0.99 at p99); None without percentile."""
        return PERCENTILE_FRACTION[self.percentile] if self.percentile else None


class Consistency(Model):
    """Strong or eventual, for some part of the system, with the staleness users accept."""

    level: Literal["strong", "eventual"]
    """`strong` or `eventual`."""
    applies_to: str | None = None
    """Which data or operation it applies to."""
    staleness: str | None = Field(default=None, description="e.g. `a few seconds`.")


#: Availability said in words, and the uptime each means. "High availability" is taken at its
#: usual floor, three nines (99.9%: under 9 hours down a year); "very high" at four nines.
AVAILABILITY_WORDS: dict[str, float] = {
    "high": 99.9,
    "highly available": 99.9,
    "high availability": 99.9,
    "very high": 99.99,
    "two nines": 99.0,
    "three nines": 99.9,
    "four nines": 99.99,
    "five nines": 99.999,
}


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
    availability: Percent | None = Field(
        default=None,
        description="Uptime target in percent, e.g. 99.99, or in words: 'high' (99.9), "
        "'very high' (99.99), 'three nines' ... 'five nines' (see AVAILABILITY_WORDS).",
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
            words = " ".join(value.lower().replace("-", " ").split())
            if words in AVAILABILITY_WORDS:
                return AVAILABILITY_WORDS[words]
            number = value.strip().removesuffix("%").strip()
            try:
                float(number)
            except ValueError:
                known = ", ".join(f"'{w}'" for w in AVAILABILITY_WORDS)
                raise ValueError(
                    f"availability '{value}' is neither a percentage (99.99) nor one of {known}"
                ) from None
            return number
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("availability is NaN: give a percentage such as 99.99")
        return value
