"""What a rule sees: the design, the thresholds, and facts several rules derive from it."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sketch.errors import Problem
from sketch.estimating.availability import FlowAvailability, flow_availabilities
from sketch.estimating.latency import FlowLatency, flow_latencies, judged_latencies
from sketch.estimating.request_path import on_request_path
from sketch.linting.capacity import Load, load_of
from sketch.linting.settings import Thresholds
from sketch.model import Component, Design, Kind

if TYPE_CHECKING:
    from sketch.estimating import Conventions, LoadModel
    from sketch.estimating.catalogue import Catalogue


class Context:
    def __init__(
        self,
        design: Design,
        thresholds: Thresholds | None = None,
        conventions: Conventions | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.design = design
        self.thresholds = thresholds or Thresholds()
        self.conventions = conventions  # from [tool.sketch.estimate]; None: the guide's
        self.catalogue = catalogue  # from [tool.sketch.capacity]; None: the defaults
        #: Facts a family of rules derives once and shares (e.g. the load rules' overloads).
        self.memo: dict[str, object] = {}
        self.ran: frozenset[str] = frozenset()  # codes of the rules in this run
        self.findings: tuple[Problem, ...] = ()  # the others', for rules that run after them

    @cached_property
    def load(self) -> Load:
        """Computed on first use only, so rules that need no numbers never pay for them."""
        return load_of(self.design, self.conventions)

    @cached_property
    def load_model(self) -> LoadModel:
        """The load along the flows, as `sketch estimate` routes it with the project's
        conventions and capacity figures; computed once, on first use."""
        from sketch.estimating import route_load

        return route_load(self.design, self.conventions, catalogue=self.catalogue)

    def latencies(self) -> list[FlowLatency]:
        return flow_latencies(self.design)

    @cached_property
    def judged_latencies(self) -> list[FlowLatency]:
        """Each latency target on each flow it names."""
        return judged_latencies(self.design)

    @cached_property
    def availabilities(self) -> list[FlowAvailability]:
        return flow_availabilities(self.design)

    @cached_property
    def on_request_path(self) -> dict[str, list[int]]:
        """Component name -> the request flows whose path it is on."""
        return on_request_path(self.design)

    def of_kind(self, *kinds: Kind) -> list[tuple[int, Component]]:
        return [(i, c) for i, c in enumerate(self.design.components) if c.kind in kinds]

    @cached_property
    def replicated(self) -> set[str]:
        """Components with a replica: `replicas > 0`, or a read replica pointing at them."""
        names = {c.name for c in self.design.components if c.replicas > 0}
        return names | {c.replica_of for c in self.design.components if c.replica_of}

    @cached_property
    def read_write_ratio(self) -> float | None:
        scale = self.design.requirements.scale
        if scale is not None and scale.read_write_ratio is not None:
            return scale.read_write_ratio
        return self.load.read_write_ratio

    @cached_property
    def texts(self) -> list[tuple[str, str]]:
        """What the author wrote about components, flows, bottlenecks and deep dives, by path,
        lower-cased, for rules that look for a technique being mentioned."""
        d = self.design
        found = [
            (f"components[{i}]", f"{c.name} {c.label or ''} {c.notes or ''}")
            for i, c in enumerate(d.components)
        ]
        for i, flow in enumerate(d.flows):
            steps = " ".join(f"{s.action} {s.condition or ''}" for s in flow.steps)
            found.append((f"flows[{i}]", f"{flow.name} {flow.description or ''} {steps}"))
        for i, b in enumerate(d.bottlenecks):
            found.append((f"bottlenecks[{i}]", f"{b.title} {b.problem} {b.solution or ''}"))
        for i, dive in enumerate(d.deep_dives):
            approaches = " ".join(
                " ".join([a.name, *a.how, *a.pros, *a.cons, *a.when_to_use])
                for a in dive.approaches
            )
            found.append(
                (
                    f"deep_dives[{i}]",
                    f"{dive.topic} {dive.problem} {approaches} "
                    f"{dive.decision or ''} {dive.justification or ''}",
                )
            )
        return [(path, text.lower()) for path, text in found]
