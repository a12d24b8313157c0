"""The whole design: the framework's four steps in one value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field, field_validator, model_validator

from sketch.model.analysis import Bottleneck, DeepDive
from sketch.model.architecture import Component, Flow, Link
from sketch.model.base import Declared, Model
from sketch.model.data import Api, Entity
from sketch.model.numbers import NonNegativeCount
from sketch.model.requirements import Requirements

if TYPE_CHECKING:
    from sketch.estimating import Estimates
    from sketch.linting.findings import Findings

_FOLDER_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")


class Limits(Model):
    """The framework's size limits. Defaults are the guide's: 3-5 entities, 5-8 APIs."""

    min_entities: NonNegativeCount = 3
    """Fewest core entities (guide: 3)."""
    max_entities: NonNegativeCount = 5
    """Most core entities (guide: 5)."""
    min_apis: NonNegativeCount = 5
    """Fewest APIs (guide: 5)."""
    max_apis: NonNegativeCount = 8
    """Most APIs (guide: 8)."""

    @model_validator(mode="after")
    def _ordered(self) -> Limits:
        for what in ("entities", "apis"):
            low, high = getattr(self, f"min_{what}"), getattr(self, f"max_{what}")
            if low > high:
                raise ValueError(f"min_{what} ({low}) is greater than max_{what} ({high})")
        return self


class Design(Declared):
    """A system design sketch, following the 4-step framework."""

    name: str = Field(
        min_length=1, max_length=100, description="Short name, used for the output folder."
    )
    title: str | None = None
    """Heading of the note and the diagram; defaults to `name`."""
    description: str | None = None
    """One sentence on what the system does."""
    requirements: Requirements = Field(default_factory=Requirements)
    """Step 1: scope, scale, latency, consistency, availability."""
    entities: tuple[Entity, ...] = ()
    """Step 2: the core entities (3-5)."""
    deferred_entities: tuple[str, ...] = Field(
        default=(), description="Entities left for later: `we can extend with Retweets`."
    )
    apis: tuple[Api, ...] = ()
    """Step 2: the API (5-8 endpoints)."""
    components: tuple[Component, ...] = ()
    """Step 3: the boxes of the diagram."""
    flows: tuple[Flow, ...] = ()
    """Step 3: request flows walked through the components."""
    links: tuple[Link, ...] = Field(
        default=(), description="Edges no flow walks; flows already give most edges."
    )
    bottlenecks: tuple[Bottleneck, ...] = ()
    """Step 3: what breaks first, and the fix."""
    deep_dives: tuple[DeepDive, ...] = ()
    """Step 4: two or three critical pieces in depth."""
    limits: Limits | None = Field(default=None, description="Overrides the project's limits.")

    @field_validator("name")
    @classmethod
    def _folder_name(cls, name: str) -> str:
        # The name is the output folder's and the images' file name: refused here, at the
        # design's line, so `check` and `render` agree on which names are usable.
        if not _FOLDER_NAME.fullmatch(name) or ".." in name:
            raise ValueError(
                "a design name names its output folder: use letters, digits, '_', '-' and "
                "'.', starting with a letter, digit or '_', and no '..'"
            )
        return name

    @property
    def display_title(self) -> str:
        return self.title or self.name

    def component(self, name: str) -> Component | None:
        return next((c for c in self.components if c.name == name), None)

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def api(self, key: str) -> Api | None:
        return next((a for a in self.apis if a.key == key), None)

    def edges(self) -> Iterator[tuple[str, str]]:
        """Distinct architecture edges in first-seen order: flow steps, then explicit links."""
        seen: set[tuple[str, str]] = set()
        for pair in [(s.from_, s.to) for f in self.flows for s in f.steps] + [
            (link.from_, link.to) for link in self.links
        ]:
            if pair not in seen:
                seen.add(pair)
                yield pair

    # Notebook helpers: the same pipeline as `sketch lint` and `sketch estimate`, imported on
    # first use (the model stays light); both results show themselves as tables in Jupyter.
    def lint(self, select: tuple[str, ...] = ("ALL",), ignore: tuple[str, ...] = ()) -> Findings:
        """Check problems first, then the selected lint rules' findings (`sketch lint`)."""
        from sketch.linting.run import lint

        return lint(self, select, ignore)

    def estimate(self) -> Estimates:
        """The back-of-the-envelope figures with their derivation (`sketch estimate`)."""
        from sketch.estimating import estimate

        return estimate(self)

    # Rich display in Jupyter. The rendering lives in sketch.rendering.jupyter and is imported only
    # when a notebook asks, so importing the model stays light (no renderer, no Graphviz).
    def _repr_svg_(self) -> str | None:
        from sketch.rendering.jupyter import repr_svg

        return repr_svg(self)

    def _repr_html_(self) -> str:
        from sketch.rendering.jupyter import repr_html

        return repr_html(self)

    def _repr_markdown_(self) -> str:
        from sketch.rendering.jupyter import repr_markdown

        return repr_markdown(self)
