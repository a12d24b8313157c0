"""The load a design states: named workloads, their rates and sizes, and what one node takes.

A workload is one kind of traffic ("post tweet", "home timeline", "search"). Its rate may be
given the way the numbers were said: a total per second, day, week or month, a rate per user
per day (times DAU, MAU or all users), or a ratio to another workload ("100 reads per tweet").
Flows name the workload they serve (`Flow(workload=...)`), and `sketch estimate` carries each
workload's rate along its flow's steps to every component.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from sketch.model.base import Declared, Model
from sketch.model.numbers import Factor, Fraction, PositiveAmount, PositiveCount

UserCount = Literal["dau", "mau", "total"]
WorkloadKind = Literal["read", "write"]

#: The fields that give a workload's rate, in the order a reader checks them.
RATE_FIELDS = ("per_second", "per_day", "per_week", "per_month", "per_user_per_day", "ratio")


class ItemSize(Model):
    """Bytes stored per write, e.g. tweet text: 280 chars x 2 bytes, or metadata: 190 bytes.

    Part of the writes may carry an item of another size to another destination: 5% of
    messages carry a 100 KB photo that goes to the object store (`fraction=0.05,
    store="media"`), while the text rows go to the database."""

    name: str = Field(min_length=1)
    """What is stored: `tweet text`, `media`."""
    bytes: PositiveAmount | None = Field(default=None, description="Size in bytes.")
    chars: PositiveCount | None = Field(
        default=None, description="Characters, with bytes_per_char."
    )
    bytes_per_char: Annotated[int, Field(gt=0, le=8)] = 2
    """Bytes per character (2 for UTF-16-ish text, the guide's figure)."""
    fraction: Fraction = Field(
        default=1.0, description="Share of writes that carry this item (0-1]."
    )
    store: str | None = Field(
        default=None,
        description="Component that stores it; by default the stores the flow writes to.",
    )
    retention_days: PositiveAmount | None = Field(
        default=None,
        description="How long this item is kept, when not for the design's whole retention: "
        "idempotency keys for 1 day, sessions for 30. The store then holds this many days of "
        "it, not the years of the horizon.",
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


class Workload(Declared):
    """One kind of traffic with its rate, sizes and multipliers.

    Give one rate: `per_second`, `per_day`, `per_week` or `per_month` (totals), `per_user_per_day`
    (times the `users` count), or `ratio` with `ratio_of` (this many per request of another
    workload). A total and a per-user rate may both be given; they must agree.
    """

    name: str = Field(min_length=1, description="e.g. `post tweet`; flows refer to it.")
    kind: WorkloadKind = Field(
        default="read", description="`write` stores data (and feeds fanout); `read` does not."
    )
    per_second: PositiveAmount | None = Field(
        default=None, description="Average requests per second."
    )
    per_day: PositiveAmount | None = Field(default=None, description="Requests per day, in total.")
    per_week: PositiveAmount | None = Field(
        default=None, description="Requests per week, e.g. 1B pages re-crawled weekly."
    )
    per_month: PositiveAmount | None = Field(
        default=None, description="Requests per month (the month convention decides its length)."
    )
    per_user_per_day: PositiveAmount | None = Field(
        default=None, description="Requests per user per day, times `users`."
    )
    users: UserCount = Field(
        default="dau", description="Which user count `per_user_per_day` multiplies."
    )
    ratio: PositiveAmount | None = Field(
        default=None, description="Requests of this workload per request of `ratio_of`."
    )
    ratio_of: str | None = Field(default=None, description="The workload `ratio` refers to.")
    peak_factor: Factor | None = Field(
        default=None, description="Peak / average for this workload; scale.peak_factor if unset."
    )
    items: tuple[ItemSize, ...] = Field(
        default=(), description="What one write stores: sizes, shares and destinations."
    )
    request_bytes: PositiveAmount | None = Field(
        default=None, description="Bytes sent per request; for writes, the items by default."
    )
    response_bytes: PositiveAmount | None = Field(
        default=None, description="Bytes returned per request."
    )
    fanout: PositiveAmount | None = Field(
        default=None,
        description="Deliveries per write (e.g. 200 followers); a step with `fanout=True` "
        "carries them.",
    )

    def stated_rates(
        self, users: int | None, seconds_per_day: float, seconds_per_month: float
    ) -> list[tuple[str, float, float, float]]:
        """Each rate the workload states as (field, requests/s, amount, seconds per period);
        `per_user_per_day` counts only when `users` (the count it multiplies) is known. A
        ratio needs the other workload's rate and is not among them."""
        found = []
        for name, seconds in (
            ("per_second", 1.0),
            ("per_day", float(seconds_per_day)),
            ("per_week", 7.0 * seconds_per_day),
            ("per_month", float(seconds_per_month)),
        ):
            amount = getattr(self, name)
            if amount is not None:
                found.append((name, amount / seconds, amount, seconds))
        if self.per_user_per_day is not None and users is not None:
            amount = users * self.per_user_per_day
            found.append(("per_user_per_day", amount / seconds_per_day, amount, seconds_per_day))
        return found

    @model_validator(mode="after")
    def _rate_given(self) -> Workload:
        if (self.ratio is None) != (self.ratio_of is None):
            raise ValueError("give `ratio` and `ratio_of` together")
        if not any(getattr(self, name) is not None for name in RATE_FIELDS):
            raise ValueError(
                "a workload needs a rate: per_second, per_day, per_week, per_month, "
                "per_user_per_day, or ratio with ratio_of"
            )
        if self.fanout is not None and self.kind != "write":
            raise ValueError(
                "`fanout` is deliveries per write, and this workload is a read: "
                "set kind='write', or put the multiplier on the flow's step (`Step(fanout=N)`)"
            )
        return self


class NodeCapacity(Model):
    """What one node (instance) of a component takes; overrides the default for its kind and
    technology. Say where the figures come from in `reference`."""

    requests_per_second: PositiveAmount | None = Field(
        default=None, description="Requests (queries, messages) per second one node serves."
    )
    writes_per_second: PositiveAmount | None = Field(
        default=None, description="Writes per second one node takes, when lower than requests."
    )
    storage_bytes: PositiveAmount | None = Field(default=None, description="Bytes one node holds.")
    memory_bytes: PositiveAmount | None = Field(
        default=None, description="Memory of one node, for caches."
    )
    connections: PositiveAmount | None = Field(
        default=None, description="Concurrent long-lived connections one node holds."
    )
    distributed_writes: bool | None = Field(
        default=None,
        description="For a database: True when every node takes writes and holds its own part "
        "of the data (a leaderless or multi-leader store: a Dynamo-style ring, Cassandra); "
        "False for one primary a shard. Unset: the technology's default (relational: False).",
    )
    reference: str | None = Field(default=None, description="Where these figures come from.")
