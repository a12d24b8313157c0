"""How many app servers, database nodes and shards, at the capacity one node is stated to have."""

from __future__ import annotations

import math
from collections.abc import Mapping

from sketch.estimating.figures import Derived, Figure, FigureName
from sketch.estimating.spoken import Said, count, count_in_steps, relation, round_significant
from sketch.estimating.worksheet import Worksheet, merged_steps


def derive_capacity(sheet: Worksheet, figures: Mapping[FigureName, Figure]) -> Derived:
    """Nodes for the peak load and shards for the storage, from the figures derived so far."""
    capacity = sheet.scale.capacity
    load = _load(sheet, figures)
    derived: Derived = {}
    for name, per_node, field_name, noun, why in (
        (
            FigureName.servers,
            capacity and capacity.qps_per_server,
            "qps_per_server",
            "servers",
            "requests/s one app server handles",
        ),
        (
            FigureName.database_nodes,
            capacity and capacity.qps_per_database,
            "qps_per_database",
            "database nodes",
            "queries/s one database node handles; the guide uses ~10K",
        ),
    ):
        if not per_node:
            sheet.need(name, f"scale.capacity.{field_name} ({why})")
        elif load is None:
            sheet.need(name, "reads or writes per second (see above)")
        else:
            derived[name] = _nodes(load, per_node, noun)
    shards = _shards(sheet, figures.get(FigureName.storage_total))
    if shards is not None:
        derived[FigureName.shards] = shards
    return derived


def nodes_needed(load: float, per_node: float) -> int:
    # Rounded first so that 3.0000000001 (float noise) is 3 nodes, not 4.
    return max(1, math.ceil(round(load / per_node, 9)))


def _ratio(value: float) -> Said:
    """Three digits before rounding up, so `36.7 -> 37 servers` shows why it is 37."""
    shown = round_significant(value, 3)
    if shown >= 1000:
        return count_in_steps(value)
    return Said(f"{shown:g}", math.isclose(shown, value, rel_tol=1e-9))


def _count_text(value: int) -> str:
    return f"{value:,}" if value < 10_000 else str(count(value))


def _nodes(load: Figure, per_node: float, noun: str) -> Figure:
    needed = nodes_needed(load.value, per_node)
    shown = (
        count_in_steps(load.value),
        count_in_steps(per_node),
        _ratio(load.value / per_node),
    )
    per = "server" if noun == "servers" else "node"
    step = (
        f"{shown[0]} requests/s ÷ {shown[1]} requests/s per {per} {relation(*shown)} {shown[2]}"
        f" → {_count_text(needed)} {noun}"
    )
    return Figure(float(needed), noun, f"{_count_text(needed)} {noun}", (*load.steps, step))


def _load(sheet: Worksheet, figures: Mapping[FigureName, Figure]) -> Figure | None:
    """Peak requests per second (reads + writes); the average when no peak factor is given."""
    peak = sheet.scale.peak_factor is not None
    if peak:
        reads = figures.get(FigureName.peak_reads_per_second)
        writes = figures.get(FigureName.peak_writes_per_second)
    else:
        reads = figures.get(FigureName.reads_per_second)
        writes = figures.get(FigureName.writes_per_second)
    parts: list[tuple[Said, str]] = [
        (count_in_steps(figure.value), noun)
        for figure, noun in ((reads, "reads/s"), (writes, f"{sheet.noun}/s"))
        if figure is not None
    ]
    if not parts:
        return None
    value = sum(figure.value for figure in (reads, writes) if figure is not None)
    total = count_in_steps(value)
    added = " + ".join(f"{said} {noun}" for said, noun in parts)
    what = "peak load" if peak else "average load (no scale.peak_factor)"
    step = f"{what}: {added} {relation(*(s for s, _ in parts), total)} {total} requests/s"
    if len(parts) == 1:
        step = f"{what}: {added}" + (
            " (no reads figure)" if reads is None else " (no writes figure)"
        )
    return Figure(value, "/s", f"{count(value)}/s", (*merged_steps(reads, writes), step))


def _shards(sheet: Worksheet, stored: Figure | None) -> Figure | None:
    capacity = sheet.scale.capacity
    per_shard = capacity.storage_per_shard_bytes if capacity else None
    if per_shard is None:
        sheet.need(
            FigureName.shards, "scale.capacity.storage_per_shard_bytes (bytes one shard holds)"
        )
        return None
    if stored is None:
        sheet.need(FigureName.shards, "storage over retention (see above)")
        return None
    needed = nodes_needed(stored.value, per_shard)
    shown = (sheet.size(stored.value), sheet.size(per_shard))
    ratio = _ratio(stored.value / per_shard)
    step = (
        f"{shown[0]} ÷ {shown[1]} per shard {relation(*shown, ratio)} {ratio} "
        f"→ {_count_text(needed)} shards"
    )
    return Figure(float(needed), "shards", f"{_count_text(needed)} shards", (*stored.steps, step))
