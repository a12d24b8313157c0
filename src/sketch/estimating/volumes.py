"""Storage per day, month, year and over the retention period; bandwidth; the cache."""

from __future__ import annotations

from collections.abc import Mapping

from sketch.estimating.figures import Derived, Figure, FigureName, known
from sketch.estimating.spoken import (
    X,
    count,
    count_in_steps,
    exact_number,
    factor,
    percent,
    period,
    relation,
)
from sketch.estimating.worksheet import Worksheet
from sketch.model import ItemSize

#: The guide's 80/20 rule: 20% of the data serves 80% of the reads.
PARETO_FRACTION = 0.2


def derive_volumes(sheet: Worksheet, rates: Mapping[FigureName, Figure]) -> Derived:
    """Storage, bandwidth and cache from the rates `derive_rates` found."""
    # In the whiteboard's order, which is also the order of the missing inputs' messages.
    per_day = _storage_per_day(sheet, rates.get(FigureName.writes_per_day))
    per_month, per_year, total = _storage_over_time(sheet, per_day)
    ingress = _ingress(sheet, rates.get(FigureName.writes_per_second))
    reads = rates.get(FigureName.reads_per_second)
    egress = _egress(sheet, reads)
    cache = _cache(sheet, reads)
    return known(
        {
            FigureName.storage_per_day: per_day,
            FigureName.storage_per_month: per_month,
            FigureName.storage_per_year: per_year,
            FigureName.storage_total: total,
            FigureName.ingress_bandwidth: ingress,
            FigureName.egress_bandwidth: egress,
            FigureName.cache_size: cache,
        }
    )


def bytes_per_write(sheet: Worksheet) -> float:
    return sum(item.size_bytes * item.fraction for item in sheet.item_sizes)


def _item_line(sheet: Worksheet, item: ItemSize, writes_per_day: float, value: float) -> str:
    day = count(writes_per_day)
    parts = [f"{day} {sheet.noun}/day"]
    if item.fraction < 1:
        parts.append(f"{percent(item.fraction)} of {sheet.noun}")
    if item.chars is not None:
        parts += [f"{item.chars:,} chars", f"{item.bytes_per_char} B"]
        shown = [day]
    else:
        each = sheet.size(item.size_bytes)
        parts.append(str(each))
        shown = [day, each]
    said = sheet.size(value)
    product = f" {X} ".join(parts)
    return f"{item.name}: {product} {relation(*shown, said)} {said}/day"


def _storage_per_day(sheet: Worksheet, writes: Figure | None) -> Figure | None:
    items = sheet.item_sizes
    if not items:
        sheet.need(
            FigureName.storage_per_day,
            f"scale.item_sizes (bytes stored per {sheet.singular}, "
            "e.g. ItemSize(name='text', chars=280, bytes_per_char=2))",
        )
        return None
    if writes is None:
        sheet.need(FigureName.storage_per_day, "writes per day (see above)")
        return None
    lines = []
    for item in items:
        value = writes.value * item.size_bytes * item.fraction
        line = _item_line(sheet, item, writes.value, value)
        lines.append(line)
        sheet.storage_by_item.append(
            (item.name, Figure(value, "B/day", f"{sheet.size(value)}/day", (*writes.steps, line)))
        )
    total = writes.value * bytes_per_write(sheet)
    said = sheet.size(total)
    if len(items) > 1:
        parts = [sheet.size(figure.value) for _, figure in sheet.storage_by_item]
        added = " + ".join(f"{part}/day" for part in parts)
        lines.append(f"total per day: {added} {relation(*parts, said)} {said}/day")
    return Figure(total, "B/day", f"{said}/day", (*writes.steps, *lines))


def _storage_over_time(
    sheet: Worksheet, day: Figure | None
) -> tuple[Figure | None, Figure | None, Figure | None]:
    """Storage per month, per year and over the retention period."""
    if day is None:
        for name in (
            FigureName.storage_per_month,
            FigureName.storage_per_year,
            FigureName.storage_total,
        ):
            sheet.need(name, "storage per day (see above)")
        return None, None, None
    conventions = sheet.conventions
    daily = sheet.size(day.value)
    if conventions.month == "2.5Ms":
        month_value = day.value / conventions.seconds_per_day * conventions.seconds_per_month
        how = f"{daily}/day ÷ {exact_number(conventions.seconds_per_day)} s {X} 2.5M s"
    else:
        month_value = day.value * 30  # not via seconds: 30 days is exact in days
        how = f"{daily}/day {X} 30 days"
    month = sheet.size(month_value)
    step = f"per month: {how} {relation(daily, month)} {month}/month"
    month_figure = Figure(month_value, "B/month", f"{month}/month", (*day.steps, step))
    if conventions.year_in_months:
        year_value = month_value * 12
        year = sheet.size(year_value)
        step = f"per year: {month}/month {X} 12 months {relation(month, year)} {year}/year"
        year_steps = (*month_figure.steps, step)
    else:
        year_value = day.value * conventions.days_per_year
        year = sheet.size(year_value)
        step = (
            f"per year: {daily}/day {X} {conventions.days_per_year} days "
            f"{relation(daily, year)} {year}/year"
        )
        year_steps = (*day.steps, step)
    year_figure = Figure(year_value, "B/year", f"{year}/year", year_steps)
    return month_figure, year_figure, _storage_total(sheet, month_figure, year_figure)


def _storage_total(sheet: Worksheet, month: Figure, year: Figure) -> Figure | None:
    years, copies = sheet.scale.retention_years, sheet.scale.replication_factor
    months = sheet.scale.retention_months
    if months is not None:  # "in 3 years" said as 36 months: per month x months, exactly
        monthly = sheet.size(month.value)
        kept = month.value * months
        said = sheet.size(kept)
        kept_for = f"{months:g} month{'' if months == 1 else 's'}"
        steps = [
            f"over {kept_for}: {monthly}/month {X} {kept_for} {relation(monthly, said)} {said}"
        ]
        base = month
    elif years is None:
        sheet.need(
            FigureName.storage_total,
            "scale.retention_years or scale.retention_months (how long data is kept)",
        )
        return None
    else:
        yearly = sheet.size(year.value)
        kept = year.value * years
        said = sheet.size(kept)
        kept_for = period(years, sheet.conventions.days_per_year)
        steps = [f"over {kept_for}: {yearly}/year {X} {kept_for} {relation(yearly, said)} {said}"]
        base = year
    if copies is None:
        steps.append("one copy: scale.replication_factor is not given")
    else:
        total = sheet.size(kept * copies)
        steps.append(
            f"with replication: {said} {X} {copies} copies {relation(said, total)} {total}"
        )
    value = kept * (copies or 1)
    return Figure(value, "B", str(sheet.size(value)), (*base.steps, *steps))


def _bandwidth(
    sheet: Worksheet, rate: Figure, each: float, per: str, noun: str, way: str
) -> Figure:
    value = rate.value * each
    shown = (count_in_steps(rate.value), sheet.size(each), sheet.size(value))
    steps = [f"{way}: {shown[0]} {noun}/s {X} {shown[1]} {per} {relation(*shown)} {shown[2]}/s"]
    if sheet.scale.peak_factor is not None:
        peak = sheet.size(value * sheet.scale.peak_factor)
        steps.append(
            f"peak {way} ({factor(sheet.scale.peak_factor)}{X} average) {relation(peak)} {peak}/s"
        )
    return Figure(value, "B/s", f"{shown[2]}/s", (*rate.steps, *steps))


def _ingress(sheet: Worksheet, writes: Figure | None) -> Figure | None:
    if not sheet.item_sizes or writes is None:
        sheet.need(FigureName.ingress_bandwidth, "writes per second and scale.item_sizes")
        return None
    each = bytes_per_write(sheet)
    figure = _bandwidth(sheet, writes, each, f"per {sheet.singular}", sheet.noun, "ingress")
    items = sheet.item_sizes
    if len(items) > 1 or items[0].fraction < 1:
        parts = [sheet.size(item.size_bytes * item.fraction) for item in items]
        said = sheet.size(each)
        line = (
            f"per {sheet.singular}: {' + '.join(map(str, parts))} {relation(*parts, said)} {said}"
        )
        at = len(figure.steps) - (2 if sheet.scale.peak_factor is not None else 1)
        figure = Figure(
            figure.value, figure.unit, figure.text, (*figure.steps[:at], line, *figure.steps[at:])
        )
    return figure


def _egress(sheet: Worksheet, reads: Figure | None) -> Figure | None:
    each = sheet.response_bytes
    if reads is None or each is None:
        needed = "reads per second and " if reads is None else ""
        sheet.need(
            FigureName.egress_bandwidth,
            f"{needed}scale.read_response_bytes (bytes returned per read)",
        )
        return None
    return _bandwidth(sheet, reads, each, "per read", "reads", "egress")


def _cache(sheet: Worksheet, reads: Figure | None) -> Figure | None:
    each = sheet.response_bytes
    if reads is None or each is None:
        needed = "reads per second and " if reads is None else ""
        sheet.need(
            FigureName.cache_size, f"{needed}scale.read_response_bytes (bytes returned per read)"
        )
        return None
    daily = reads.value * sheet.seconds_per_day
    rate, seconds, day = (
        count_in_steps(reads.value),
        exact_number(sheet.seconds_per_day),
        count(daily),
    )
    hot = sheet.scale.cache_hot_fraction
    value = daily * each * hot
    shown = (day, sheet.size(each), sheet.size(value))
    rule = "the 80/20 rule" if hot == PARETO_FRACTION else "the hot set"
    steps = (
        f"{rate} reads/s {X} {seconds} s {relation(rate, day)} {day} reads/day",
        f"{percent(hot)} of a day's reads ({rule}): {day} reads/day {X} {shown[1]} {X} "
        f"{percent(hot)} {relation(*shown)} {shown[2]}",
    )
    return Figure(value, "B", str(shown[2]), (*reads.steps, *steps))
