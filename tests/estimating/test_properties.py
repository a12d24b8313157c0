"""Properties every estimate keeps, whatever the inputs."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sketch import Capacity, ItemSize
from sketch.estimating import FigureName, estimate
from tests.helpers.factories import design_with_scale

# Counts of nodes are whole numbers (rounded up), so they do not scale linearly.
_LINEAR = tuple(name for name in FigureName if name not in ("servers", "database_nodes", "shards"))

positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False, allow_infinity=False)
items = st.lists(
    st.builds(
        ItemSize,
        name=st.sampled_from(["text", "metadata", "photo"]),
        bytes=st.floats(min_value=1, max_value=1e7),
        fraction=st.floats(min_value=0.01, max_value=1),
    ),
    min_size=1,
    max_size=3,
)
scales = st.fixed_dictionaries(
    {
        "dau": st.integers(min_value=1, max_value=10**9),
        "writes_per_user_per_day": positive,
        "read_write_ratio": positive,
        "peak_factor": st.floats(min_value=1, max_value=20),
        "item_sizes": items,
        "read_response_bytes": st.floats(min_value=1, max_value=1e6),
        "retention_years": st.floats(min_value=0.1, max_value=20),
        "replication_factor": st.integers(min_value=1, max_value=5),
        "cache_hot_fraction": st.floats(min_value=0.01, max_value=1),
        "capacity": st.just(
            Capacity(qps_per_server=1000, qps_per_database=10_000, storage_per_shard_bytes=1e12)
        ),
    }
)


@settings(max_examples=60, deadline=None)
@given(scales, st.integers(min_value=2, max_value=1000))
def test_scaling_dau_by_k_scales_every_rate_and_volume_by_k(scale: dict[str, Any], k: int) -> None:
    base = estimate(design_with_scale(**scale))
    scaled = estimate(design_with_scale(**{**scale, "dau": scale["dau"] * k}))
    assert base.missing == scaled.missing == []
    for name in _LINEAR:
        before, after = base.figure(name), scaled.figure(name)
        assert before is not None and after is not None
        assert math.isclose(after.value, before.value * k, rel_tol=1e-9), name


@settings(max_examples=60, deadline=None)
@given(scales)
def test_peak_is_never_below_average_and_nodes_cover_the_load(scale: dict[str, Any]) -> None:
    estimates = estimate(design_with_scale(**scale))
    for average, peak in (
        (
            estimates.figure(FigureName.writes_per_second),
            estimates.figure(FigureName.peak_writes_per_second),
        ),
        (
            estimates.figure(FigureName.reads_per_second),
            estimates.figure(FigureName.peak_reads_per_second),
        ),
    ):
        assert average is not None and peak is not None
        assert peak.value >= average.value
    assert (
        estimates.figure(FigureName.servers) is not None
        and estimates.figure(FigureName.shards) is not None
    )
    assert estimates.figure(FigureName.peak_reads_per_second) is not None
    assert (
        estimates[FigureName.servers].value * 1000
        >= estimates[FigureName.peak_reads_per_second].value
    )
    assert estimates.figure(FigureName.storage_total) is not None
    assert estimates[FigureName.shards].value * 1e12 >= estimates[FigureName.storage_total].value


@settings(max_examples=30, deadline=None)
@given(scales)
def test_every_figure_has_text_steps_and_a_finite_value(scale: dict[str, Any]) -> None:
    for name, figure in estimate(design_with_scale(**scale)).figures():
        assert math.isfinite(figure.value) and figure.value > 0, name
        assert figure.text and figure.steps, name
        assert "{" not in figure.text and all("{" not in step for step in figure.steps)
