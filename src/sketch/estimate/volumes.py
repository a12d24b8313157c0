"""Storage per day, month, year and over the retention period; bandwidth; the cache."""

from __future__ import annotations

from sketch.estimate.figures import Figure
from sketch.estimate.numbers import (
    X,
    count,
    count_in_steps,
    exact_number,
    factor,
    percent,
    period,
    relation,
)
from sketch.estimate.work import Work
from sketch.model import ItemSize

#: The guide's 80/20 rule: 20% of the data serves 80% of the reads.
PARETO_FRACTION = 0.2


def derive_volumes(work: Work) -> None:
    _storage_per_day(work)
    _storage_over_time(work)
    _ingress(work)
    _egress(work)
    _cache(work)


def bytes_per_write(work: Work) -> float:
    return sum(item.size_bytes * item.fraction for item in work.scale.item_sizes)


def _item_line(work: Work, item: ItemSize, writes_per_day: float, value: float) -> str:
    day = count(writes_per_day)
    parts = [f"{day} {work.noun}/day"]
    if item.fraction < 1:
        parts.append(f"{percent(item.fraction)} of {work.noun}")
    if item.chars is not None:
        parts += [f"{item.chars:,} chars", f"{item.bytes_per_char} B"]
        shown = [day]
    else:
        each = work.size(item.size_bytes)
        parts.append(str(each))
        shown = [day, each]
    said = work.size(value)
    product = f" {X} ".join(parts)
    return f"{item.name}: {product} {relation(*shown, said)} {said}/day"


def _storage_per_day(work: Work) -> None:
    writes = work.figures.get("writes_per_day")
    items = work.scale.item_sizes
    if not items:
        work.need(
            "storage_per_day",
            f"scale.item_sizes (bytes stored per {work.singular}, "
            "e.g. ItemSize(name='text', chars=280, bytes_per_char=2))",
        )
        return
    if writes is None:
        work.need("storage_per_day", "writes per day (see above)")
        return
    lines = []
    for item in items:
        value = writes.value * item.size_bytes * item.fraction
        line = _item_line(work, item, writes.value, value)
        lines.append(line)
        work.storage_by_item.append(
            (item.name, Figure(value, "B/day", f"{work.size(value)}/day", (*writes.steps, line)))
        )
    total = writes.value * bytes_per_write(work)
    said = work.size(total)
    if len(items) > 1:
        parts = [work.size(figure.value) for _, figure in work.storage_by_item]
        added = " + ".join(f"{part}/day" for part in parts)
        lines.append(f"total per day: {added} {relation(*parts, said)} {said}/day")
    work.figures["storage_per_day"] = Figure(total, "B/day", f"{said}/day", (*writes.steps, *lines))


def _storage_over_time(work: Work) -> None:
    day = work.figures.get("storage_per_day")
    if day is None:
        for name in ("storage_per_month", "storage_per_year", "storage_total"):
            work.need(name, "storage per day (see above)")
        return
    conventions = work.conventions
    daily = work.size(day.value)
    if conventions.month == "2.5Ms":
        month_value = day.value / conventions.seconds_per_day * conventions.seconds_per_month
        how = f"{daily}/day ÷ {exact_number(conventions.seconds_per_day)} s {X} 2.5M s"
    else:
        month_value = day.value * 30  # not via seconds: 30 days is exact in days
        how = f"{daily}/day {X} 30 days"
    month = work.size(month_value)
    step = f"per month: {how} {relation(daily, month)} {month}/month"
    work.figures["storage_per_month"] = Figure(
        month_value, "B/month", f"{month}/month", (*day.steps, step)
    )
    year_value = day.value * conventions.days_per_year
    year = work.size(year_value)
    step = (
        f"per year: {daily}/day {X} {conventions.days_per_year} days "
        f"{relation(daily, year)} {year}/year"
    )
    year_figure = Figure(year_value, "B/year", f"{year}/year", (*day.steps, step))
    work.figures["storage_per_year"] = year_figure
    _storage_total(work, year_figure)


def _storage_total(work: Work, year: Figure) -> None:
    years, copies = work.scale.retention_years, work.scale.replication_factor
    if years is None:
        work.need("storage_total", "scale.retention_years (how long data is kept)")
        return
    yearly = work.size(year.value)
    kept = year.value * years
    said = work.size(kept)
    kept_for = period(years, work.conventions.days_per_year)
    steps = [f"over {kept_for}: {yearly}/year {X} {kept_for} {relation(yearly, said)} {said}"]
    if copies is None:
        steps.append("one copy: scale.replication_factor is not given")
    else:
        total = work.size(kept * copies)
        steps.append(
            f"with replication: {said} {X} {copies} copies {relation(said, total)} {total}"
        )
    value = kept * (copies or 1)
    work.figures["storage_total"] = Figure(value, "B", str(work.size(value)), (*year.steps, *steps))


def _bandwidth(work: Work, rate: Figure, each: float, per: str, noun: str, way: str) -> Figure:
    value = rate.value * each
    shown = (count_in_steps(rate.value), work.size(each), work.size(value))
    steps = [f"{way}: {shown[0]} {noun}/s {X} {shown[1]} {per} {relation(*shown)} {shown[2]}/s"]
    if work.scale.peak_factor is not None:
        peak = work.size(value * work.scale.peak_factor)
        steps.append(
            f"peak {way} ({factor(work.scale.peak_factor)}{X} average) {relation(peak)} {peak}/s"
        )
    return Figure(value, "B/s", f"{shown[2]}/s", (*rate.steps, *steps))


def _ingress(work: Work) -> None:
    writes = work.figures.get("writes_per_second")
    if not work.scale.item_sizes or writes is None:
        work.need("ingress_bandwidth", "writes per second and scale.item_sizes")
        return
    each = bytes_per_write(work)
    figure = _bandwidth(work, writes, each, f"per {work.singular}", work.noun, "ingress")
    items = work.scale.item_sizes
    if len(items) > 1 or items[0].fraction < 1:
        parts = [work.size(item.size_bytes * item.fraction) for item in items]
        said = work.size(each)
        line = f"per {work.singular}: {' + '.join(map(str, parts))} {relation(*parts, said)} {said}"
        at = len(figure.steps) - (2 if work.scale.peak_factor is not None else 1)
        figure = Figure(
            figure.value, figure.unit, figure.text, (*figure.steps[:at], line, *figure.steps[at:])
        )
    work.figures["ingress_bandwidth"] = figure


def _egress(work: Work) -> None:
    reads = work.figures.get("reads_per_second")
    each = work.scale.read_response_bytes
    if reads is None or each is None:
        needed = "reads per second and " if reads is None else ""
        work.need(
            "egress_bandwidth", f"{needed}scale.read_response_bytes (bytes returned per read)"
        )
        return
    work.figures["egress_bandwidth"] = _bandwidth(work, reads, each, "per read", "reads", "egress")


def _cache(work: Work) -> None:
    reads = work.figures.get("reads_per_second")
    each = work.scale.read_response_bytes
    if reads is None or each is None:
        needed = "reads per second and " if reads is None else ""
        work.need("cache_size", f"{needed}scale.read_response_bytes (bytes returned per read)")
        return
    daily = reads.value * work.seconds_per_day
    rate, seconds, day = (
        count_in_steps(reads.value),
        exact_number(work.seconds_per_day),
        count(daily),
    )
    hot = work.scale.cache_hot_fraction
    value = daily * each * hot
    shown = (day, work.size(each), work.size(value))
    rule = "the 80/20 rule" if hot == PARETO_FRACTION else "the hot set"
    steps = (
        f"{rate} reads/s {X} {seconds} s {relation(rate, day)} {day} reads/day",
        f"{percent(hot)} of a day's reads ({rule}): {day} reads/day {X} {shown[1]} {X} "
        f"{percent(hot)} {relation(*shown)} {shown[2]}",
    )
    work.figures["cache_size"] = Figure(value, "B", str(shown[2]), (*reads.steps, *steps))
