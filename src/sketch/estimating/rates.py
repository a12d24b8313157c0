"""Writes and reads per second, average and peak: the first lines on the whiteboard."""

from __future__ import annotations

from sketch.estimating.figures import Derived, Figure, FigureName, known
from sketch.estimating.spoken import (
    X,
    count,
    count_in_steps,
    exact_number,
    factor,
    plural,
    relation,
)
from sketch.estimating.worksheet import SCALE_PATH, Worksheet


def derive_rates(sheet: Worksheet) -> Derived:
    writes_per_day, writes_per_second = _writes(sheet)
    peak_writes = _peak(sheet, writes_per_second, FigureName.peak_writes_per_second, sheet.noun)
    reads = _reads(sheet, writes_per_second)
    peak_reads = _peak(sheet, reads, FigureName.peak_reads_per_second, "reads")
    return known(
        {
            FigureName.writes_per_day: writes_per_day,
            FigureName.writes_per_second: writes_per_second,
            FigureName.peak_writes_per_second: peak_writes,
            FigureName.reads_per_second: reads,
            FigureName.peak_reads_per_second: peak_reads,
        }
    )


def _per_day(sheet: Worksheet, users: int, each: float, noun: str, singular: str) -> Figure:
    total = users * each
    shown = (count(users), count(each), count(total))
    step = (
        f"{shown[0]} users {X} {shown[1]} {plural(singular, each)}/day "
        f"{relation(*shown)} {shown[2]} {noun}/day"
    )
    return Figure(total, "/day", f"{shown[2]}/day", (step,))


def _per_second(sheet: Worksheet, per_day: Figure, noun: str) -> Figure:
    value = per_day.value / sheet.seconds_per_day
    day, seconds, said = (
        count(per_day.value),
        exact_number(sheet.seconds_per_day),
        count_in_steps(value),
    )
    step = f"{day} {noun}/day ÷ {seconds} s {relation(day, said)} {said} {noun}/s"
    return Figure(value, "/s", f"{count(value)}/s", (*per_day.steps, step))


def _writes(sheet: Worksheet) -> tuple[Figure | None, Figure | None]:
    """Writes per day and per second: from DAU, or from a declared rate; both or neither."""
    scale, noun = sheet.scale, sheet.noun
    declared = scale.writes_per_second
    if scale.dau is not None and scale.writes_per_user_per_day is not None:
        per_day = _per_day(sheet, scale.dau, scale.writes_per_user_per_day, noun, sheet.singular)
        per_second = _per_second(sheet, per_day, noun)
        if declared is not None:
            sheet.compare(
                FigureName.writes_per_second,
                declared,
                per_second,
                f"{SCALE_PATH}.writes_per_second",
                f"scale.dau {X} writes_per_user_per_day",
            )
    elif (total := _total(sheet, scale.writes_per_day, scale.writes_per_month, noun)) is not None:
        per_day, per_second = total
    elif (summed := _summed(sheet, "write", noun)) is not None:
        per_second = summed
        value = per_second.value * sheet.seconds_per_day
        said, day = count_in_steps(per_second.value), count(value)
        step = (
            f"{said} {noun}/s {X} {exact_number(sheet.seconds_per_day)} s "
            f"{relation(said, day)} {day} {noun}/day"
        )
        per_day = Figure(value, "/day", f"{day}/day", (*per_second.steps, step))
    elif declared is not None:
        said = count_in_steps(declared)
        per_second = Figure(declared, "/s", f"{count(declared)}/s", (f"declared: {said} {noun}/s",))
        value = declared * sheet.seconds_per_day
        day = count(value)
        step = (
            f"{said} {noun}/s {X} {exact_number(sheet.seconds_per_day)} s "
            f"{relation(said, day)} {day} {noun}/day"
        )
        per_day = Figure(value, "/day", f"{day}/day", (*per_second.steps, step))
    else:
        needed = (
            "scale.dau and scale.writes_per_user_per_day, scale.writes_per_day, "
            "scale.writes_per_month or scale.writes_per_second"
        )
        sheet.need(FigureName.writes_per_day, needed)
        sheet.need(FigureName.writes_per_second, needed)
        return None, None
    return per_day, per_second


def _reads(sheet: Worksheet, writes: Figure | None) -> Figure | None:
    scale = sheet.scale
    candidates: list[tuple[Figure, str, str]] = []  # figure, the input it rests on, how
    if writes is not None and scale.read_write_ratio is not None:
        ratio = scale.read_write_ratio
        value = writes.value * ratio
        shown = (count_in_steps(writes.value), count_in_steps(value))
        step = (
            f"{shown[0]} {sheet.noun}/s {X} {factor(ratio)} reads per {sheet.singular} "
            f"{relation(*shown)} {shown[1]} reads/s"
        )
        figure = Figure(value, "/s", f"{count(value)}/s", (*writes.steps, step))
        candidates.append((figure, "read_write_ratio", f"writes per second {X} read_write_ratio"))
    if scale.dau is not None and scale.reads_per_user_per_day is not None:
        per_day = _per_day(sheet, scale.dau, scale.reads_per_user_per_day, "reads", "read")
        candidates.append(
            (
                _per_second(sheet, per_day, "reads"),
                "reads_per_user_per_day",
                f"scale.dau {X} reads_per_user_per_day",
            )
        )
    total = _total(sheet, scale.reads_per_day, scale.reads_per_month, "reads")
    if total is not None:
        field_name = "reads_per_day" if scale.reads_per_day is not None else "reads_per_month"
        candidates.append((total[1], field_name, f"scale.{field_name}"))
    summed = _summed(sheet, "read", "reads")
    if summed is not None and not candidates:
        candidates.append((summed, "workloads", "the read workloads"))
    if scale.reads_per_second is not None:
        declared = scale.reads_per_second
        said = count_in_steps(declared)
        figure = Figure(declared, "/s", f"{count(declared)}/s", (f"declared: {said} reads/s",))
        candidates.append((figure, "reads_per_second", "declared"))
    if not candidates:
        sheet.need(
            FigureName.reads_per_second,
            "scale.read_write_ratio (with the writes), "
            "scale.dau and scale.reads_per_user_per_day, scale.reads_per_day, "
            "scale.reads_per_month or scale.reads_per_second",
        )
        return None
    chosen, _, how = candidates[0]
    for other, field_name, _ in candidates[1:]:
        path = f"{SCALE_PATH}.{field_name}"
        sheet.compare(FigureName.reads_per_second, other.value, chosen, path, how)
    return chosen


def _peak(sheet: Worksheet, average: Figure | None, name: FigureName, noun: str) -> Figure | None:
    if average is None:
        return None  # the average's own message already says what is missing
    peak_factor = sheet.scale.peak_factor
    if peak_factor is None:
        sheet.need(name, "scale.peak_factor (peak ÷ average, e.g. 3)")
        return None
    value = average.value * peak_factor
    said = count(value)
    step = f"peak ({factor(peak_factor)}{X} average) {relation(said)} {said} {noun}/s"
    return Figure(value, "/s", f"{said}/s", (*average.steps, step))


def _total(
    sheet: Worksheet, per_day: float | None, per_month: float | None, noun: str
) -> tuple[Figure, Figure] | None:
    """Per day and per second from a total per day or per month (the month convention's
    length: 10M/month over a 2.5M-second month is exactly 4/s)."""
    if per_day is not None:
        day = count(per_day)
        day_figure = Figure(per_day, "/day", f"{day}/day", (f"declared: {day} {noun}/day",))
        return day_figure, _per_second(sheet, day_figure, noun)
    if per_month is None:
        return None
    seconds = sheet.conventions.seconds_per_month
    value = per_month / seconds
    month, said = count(per_month), count_in_steps(value)
    step = (
        f"{month} {noun}/month ÷ {exact_number(seconds)} s/month "
        f"{relation(month, said)} {said} {noun}/s"
    )
    per_second = Figure(value, "/s", f"{count(value)}/s", (f"declared: {month} {noun}/month", step))
    daily = value * sheet.seconds_per_day
    day = count(daily)
    step = (
        f"{said} {noun}/s {X} {exact_number(sheet.seconds_per_day)} s "
        f"{relation(said, day)} {day} {noun}/day"
    )
    return Figure(daily, "/day", f"{day}/day", (*per_second.steps, step)), per_second


def _summed(sheet: Worksheet, kind: str, noun: str) -> Figure | None:
    """The named workloads of one kind, added up: `post 4,630/s + like 9,260/s = 13.9K/s`."""
    chosen = [w for w in sheet.workloads if w.kind == kind]
    if not chosen:
        return None
    value = sum(w.average for w in chosen)
    steps = [step for w in chosen for step in w.steps]
    if len(chosen) > 1:
        parts = [count_in_steps(w.average) for w in chosen]
        total = count_in_steps(value)
        added = " + ".join(f"{w.name} {p}/s" for w, p in zip(chosen, parts, strict=True))
        steps.append(f"{noun}: {added} {relation(*parts, total)} {total} {noun}/s")
    return Figure(value, "/s", f"{count(value)}/s", tuple(steps))
