"""`estimate(design)`: every figure the requirements allow, each with its derivation."""

from __future__ import annotations

from sketch.estimating.capacity import derive_capacity
from sketch.estimating.conventions import Conventions
from sketch.estimating.figures import Estimates
from sketch.estimating.rates import derive_rates
from sketch.estimating.volumes import derive_volumes
from sketch.estimating.worksheet import Worksheet
from sketch.model import Design

NO_SCALE = (
    "every figure: needs requirements.scale, e.g. Scale(dau=..., writes_per_user_per_day=..., "
    "read_write_ratio=..., peak_factor=..., item_sizes=[...])"
)


def estimate(design: Design, conventions: Conventions | None = None) -> Estimates:
    """Derive what the design's requirements allow; None (and a `missing` message) otherwise.

    Pure: no I/O and no printing. Declared figures more than 2x away from derived ones are
    listed in `mismatches`; the derived figure is the one used downstream.
    """
    conventions = conventions or Conventions()
    scale = design.requirements.scale
    if scale is None:
        return Estimates(missing=[NO_SCALE], conventions=conventions)
    sheet = Worksheet(scale, conventions)
    rates = derive_rates(sheet)
    volumes = derive_volumes(sheet, rates)
    capacity = derive_capacity(sheet, {**rates, **volumes})
    return Estimates(
        derived={**rates, **volumes, **capacity},
        storage_by_item=tuple(sheet.storage_by_item),
        missing=sheet.missing,
        mismatches=sheet.mismatches,
        conventions=conventions,
        writes_noun=sheet.noun,
    )
