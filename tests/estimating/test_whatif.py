"""`scaled_design(design, k)`: the design with k times its traffic, which `sketch estimate
--scale k` estimates. Its load along the flows is `route_load(design, scale=k)`'s, for every
gallery design and any k: the two ways of asking "what if k times the traffic" agree."""

from __future__ import annotations

import math
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sketch.estimating import FigureName, estimate, route_load
from sketch.estimating.load import LoadModel
from sketch.estimating.whatif import check_scale, scaled_design
from sketch.loading import load_design
from sketch.model import Design
from tests.helpers.paths import REPO_ROOT

GALLERY = sorted(p.stem for p in (REPO_ROOT / "designs").glob("*.py"))
_AMOUNTS = ("reads", "writes", "bytes_in", "bytes_out", "stored_bytes", "memory_bytes")


@cache
def _design(name: str) -> Design:
    return load_design(REPO_ROOT / "designs" / f"{name}.py").design


def _amounts(model: LoadModel) -> dict[tuple[str, str], float]:
    return {(c.name, a): getattr(c, a) for c in model.components for a in _AMOUNTS}


# DAU and MAU are whole numbers, so a scaled count is rounded: whole and tenfold factors keep
# them exact, and the comparison allows the rounding of a user count in the millions.
factors = st.one_of(
    st.integers(min_value=1, max_value=1000).map(float),
    st.floats(min_value=0.05, max_value=50, allow_nan=False, allow_infinity=False),
)


@pytest.mark.parametrize("name", GALLERY)
@settings(max_examples=15, deadline=None)
@given(k=factors)
def test_the_scaled_design_carries_the_load_at_that_scale(name: str, k: float) -> None:
    design = _design(name)
    direct = _amounts(route_load(design, scale=k))
    via_design = _amounts(route_load(scaled_design(design, k)))
    today = _amounts(route_load(design))
    for key, value in direct.items():
        assert math.isclose(via_design[key], value, rel_tol=1e-6, abs_tol=1e-9), key
        assert math.isclose(value, k * today[key], rel_tol=1e-9, abs_tol=1e-9), key


@pytest.mark.parametrize("name", GALLERY)
def test_ratios_sizes_and_capacities_are_the_designs(name: str) -> None:
    design, tenfold = _design(name), scaled_design(_design(name), 10)
    assert tenfold.components == design.components and tenfold.flows == design.flows
    before, after = design.requirements.scale, tenfold.requirements.scale
    assert before is not None and after is not None
    for field in ("read_write_ratio", "peak_factor", "item_sizes", "capacity", "online_fraction"):
        assert getattr(after, field) == getattr(before, field), field
    for old, new in zip(before.workloads, after.workloads, strict=True):
        assert (new.ratio, new.peak_factor, new.items) == (old.ratio, old.peak_factor, old.items)
    for figure in (FigureName.peak_writes_per_second, FigureName.storage_per_year):
        now, then = estimate(design).figure(figure), estimate(tenfold).figure(figure)
        assert (now is None) == (then is None), figure
        if now is not None and then is not None:
            assert math.isclose(then.value, 10 * now.value, rel_tol=1e-6), figure


def test_one_is_the_design_itself() -> None:
    design = _design("twitter")
    assert scaled_design(design, 1) is design


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf, -math.inf])
def test_a_bad_factor_is_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="positive finite"):
        check_scale(bad)
    with pytest.raises(ValueError, match="positive finite"):
        scaled_design(_design("twitter"), bad)
