"""Number types every design figure uses: finite, and bounded so arithmetic on them stays finite.

A scale field that accepts `.inf`, NaN or `1e308` passes `check` and then breaks every
command that multiplies it (estimates multiply users by actions by bytes by days by years by
replicas). So every number a design states is refused at load, with the field's path, unless
it is finite and at most `MAX_FIGURE`. Six such figures multiplied stay below 1e108, far from
the 1.8e308 where floats overflow, and every count stays exact as a float (below 2**63).

Use these instead of pydantic's `PositiveFloat`/`PositiveInt`, with `Field(...)` for a default
and a description as usual:

    dau: PositiveCount | None = Field(default=None, description="Daily active users.")
    peak_factor: Factor | None = None
"""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import Field

#: A quintillion: above any real figure (8e9 people, 1e18 bytes is an exabyte per node),
#: and low enough that products of several figures cannot overflow.
MAX_FIGURE: Final = 10**18

#: A whole number of things (users, servers, replicas, shards): 1 to MAX_FIGURE.
PositiveCount = Annotated[int, Field(gt=0, le=MAX_FIGURE)]
#: A whole number that may be zero (standby replicas, limits): 0 to MAX_FIGURE.
NonNegativeCount = Annotated[int, Field(ge=0, le=MAX_FIGURE)]
#: A measured amount (bytes, requests per second, milliseconds, years): above 0, finite.
PositiveAmount = Annotated[float, Field(gt=0, le=MAX_FIGURE, allow_inf_nan=False)]
#: An amount that may be zero.
NonNegativeAmount = Annotated[float, Field(ge=0, le=MAX_FIGURE, allow_inf_nan=False)]
#: A multiplier of at least 1, e.g. peak / average.
Factor = Annotated[float, Field(ge=1, le=MAX_FIGURE, allow_inf_nan=False)]
#: A share in (0, 1], e.g. the fraction of writes that carry an item.
Fraction = Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)]
#: A share in [0, 1], e.g. a cache hit ratio (0 and 1 are both meaningful).
Share = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
#: A percentage strictly between 0 and 100, e.g. availability 99.99.
Percent = Annotated[float, Field(gt=0, lt=100, allow_inf_nan=False)]
