"""What if traffic were k times today's: the design with every traffic figure multiplied.

`route_load(design, scale=k)` scales the load along the flows; `sketch estimate --scale k`
also shows the back-of-the-envelope figures (DAU, reads/s, storage) at that multiple, and
those come from `estimate(scaled_design(design, k))`. What is multiplied: user counts, every
total (per second, day, week, month) of the scale and of each workload, and each entity's
declared row count. What is not: ratios, per-user rates, sizes, peak factors, hit ratios and
capacities, which describe the design rather than how much traffic it has.
"""

from __future__ import annotations

import math
from typing import Any

from sketch.model import Design, Entity, Scale, Workload

#: `Scale` fields that count users: whole numbers, so a scaled count is rounded.
_USER_FIELDS = ("dau", "mau", "total_users")
#: `Scale` fields that are totals of traffic.
_SCALE_TOTALS = (
    "writes_per_second",
    "writes_per_day",
    "writes_per_month",
    "reads_per_second",
    "reads_per_day",
    "reads_per_month",
)
_WORKLOAD_TOTALS = ("per_second", "per_day", "per_week", "per_month")


def check_scale(k: float) -> float:
    """`k` itself when it is a usable multiple of today's traffic, else ValueError."""
    if not (k > 0 and math.isfinite(k)):
        raise ValueError(f"scale must be a positive finite number, not {k!r}")
    return k


def scaled_design(design: Design, k: float) -> Design:
    """The design at `k` times its traffic; the design itself when `k` is 1."""
    check_scale(k)
    scale = design.requirements.scale
    if k == 1 or scale is None:
        return design
    requirements = design.requirements.model_copy(update={"scale": _scaled_scale(scale, k)})
    entities = tuple(_scaled_entity(entity, k) for entity in design.entities)
    return design.model_copy(update={"requirements": requirements, "entities": entities})


def _scaled_scale(scale: Scale, k: float) -> Scale:
    update: dict[str, Any] = {}
    for name in _USER_FIELDS:
        value = getattr(scale, name)
        if value is not None:
            update[name] = max(1, round(value * k))
    update.update(_times(scale, _SCALE_TOTALS, k))
    update["workloads"] = tuple(_scaled_workload(w, k) for w in scale.workloads)
    return scale.model_copy(update=update)


def _scaled_workload(workload: Workload, k: float) -> Workload:
    return workload.model_copy(update=_times(workload, _WORKLOAD_TOTALS, k))


def _scaled_entity(entity: Entity, k: float) -> Entity:
    return entity.model_copy(update=_times(entity, ("rows",), k))


def _times(model: object, names: tuple[str, ...], k: float) -> dict[str, float]:
    return {name: value * k for name in names if (value := getattr(model, name, None)) is not None}
