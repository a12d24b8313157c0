"""Practice rounds made without a person: snapshots of a gallery design, grown step by step.

Each stage is the gallery design cut back to what a candidate would have written by then, so
the replays test the drill on the guide's own Twitter rather than on a made-up design.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from sketch.loading import load_design
from sketch.model import Design, Requirements
from sketch.practice.timeline import Entry, Timeline, snapshot_name, timeline_text
from sketch.rendering.data_file import design_data
from tests.helpers.paths import REPO_ROOT

TWITTER = REPO_ROOT / "designs" / "twitter.py"
Stage = Callable[[Design], Design]


def twitter() -> Design:
    return load_design(TWITTER).design


def _cut(design: Design, **keep: object) -> Design:
    empty: dict[str, object] = {
        "requirements": Requirements(),
        "entities": (),
        "deferred_entities": (),
        "apis": (),
        "components": (),
        "flows": (),
        "links": (),
        "bottlenecks": (),
        "deep_dives": (),
    }
    return design.model_copy(update={**empty, **keep})


def start(d: Design) -> Design:
    return _cut(d)


def scope(d: Design) -> Design:
    req = d.requirements
    only = Requirements(
        in_scope=req.in_scope, nice_to_have=req.nice_to_have, out_of_scope=req.out_of_scope
    )
    return _cut(d, requirements=only)


def requirements(d: Design) -> Design:
    return _cut(d, requirements=d.requirements)


def entities(d: Design) -> Design:
    return _cut(
        d,
        requirements=d.requirements,
        entities=d.entities,
        deferred_entities=d.deferred_entities,
    )


def apis(d: Design) -> Design:
    return entities(d).model_copy(update={"apis": d.apis})


def first_flow(d: Design) -> Design:
    return apis(d).model_copy(update={"components": d.components, "flows": d.flows[:1]})


def flows(d: Design) -> Design:
    return first_flow(d).model_copy(update={"flows": d.flows, "links": d.links})


def some_bottlenecks(d: Design) -> Design:
    return flows(d).model_copy(update={"bottlenecks": d.bottlenecks[:2]})


def bottlenecks(d: Design) -> Design:
    return flows(d).model_copy(update={"bottlenecks": d.bottlenecks})


def first_deep_dive(d: Design) -> Design:
    return bottlenecks(d).model_copy(update={"deep_dives": d.deep_dives[:1]})


def whole(d: Design) -> Design:
    return d


#: The guide's plan kept: each step done inside its time box (0-7, 7-15, 15-27, 27-45).
ON_TIME: tuple[tuple[str, Stage | str], ...] = (
    ("00:00", start),
    ("02:30", scope),
    ("05:40", requirements),
    ("09:10", entities),
    ("13:20", apis),
    ("17:00", first_flow),
    ("21:30", flows),
    ("24:10", some_bottlenecks),
    ("26:40", bottlenecks),
    ("29:30", first_deep_dive),
    ("41:00", whole),
)

#: Too long on requirements, bottlenecks late, a deep dive only after 30 minutes.
SLOW: tuple[tuple[str, Stage | str], ...] = (
    ("00:00", start),
    ("04:00", scope),
    ("16:30", requirements),
    ("20:00", apis),
    ("26:00", flows),
    ("29:00", bottlenecks),
    ("33:00", first_deep_dive),
)


def write_round(
    folder: Path,
    plan: Sequence[tuple[str, Stage | str]],
    minutes: float = 45,
    end: str | None = "45:00",
    design: Design | None = None,
) -> Path:
    """Write the snapshots and timeline.txt of `plan` into `folder`; returns `folder`.

    A stage is a function of the design (a JSON snapshot), `deleted`, or raw text written as
    a `.py` snapshot (for a file broken mid-round).
    """
    from sketch.practice.timeline import parse_time

    source = design or twitter()
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for index, (at, stage) in enumerate(plan):
        elapsed = parse_time(at)
        assert elapsed is not None, at
        if stage == "deleted":
            entries.append(Entry(elapsed, None))
            continue
        if isinstance(stage, str):
            name = snapshot_name(index, elapsed, ".py")
            (folder / name).write_text(stage, encoding="utf-8")
        else:
            name = snapshot_name(index, elapsed, ".json")
            data = design_data(stage(source))
            (folder / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        entries.append(Entry(elapsed, name))
    ended = parse_time(end) if end else None
    (folder / "timeline.txt").write_text(
        timeline_text(Timeline(minutes, tuple(entries), ended)), encoding="utf-8"
    )
    return folder
