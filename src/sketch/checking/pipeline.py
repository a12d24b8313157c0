"""The one pipeline every command starts with: load a design, read its project's settings,
check it. What comes next (lint, estimate, an output) is the caller's.

A design that loads may still have problems; `Checked` says which kind, so a command can
refuse what it must (rendering needs every problem fixed, a note's picture only the broken
references) and go on where it can.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sketch.checking.checks import (
    FOREIGN_APPROACH,
    LONE_PARALLEL_STEP,
    TOO_FEW_APIS,
    TOO_FEW_ENTITIES,
    TOO_MANY_APIS,
    TOO_MANY_ENTITIES,
    UNKNOWN_FLOW,
    check,
)
from sketch.errors import Problem
from sketch.loading import LoadedDesign, load_design
from sketch.loading.settings import Config, load_config
from sketch.model import Design

#: The framework's size limits (3-5 entities, 5-8 APIs): a design over or under them is still
#: whole, so it can be linted and drawn; every other check problem is a broken reference.
SIZE_LIMIT_CODES = frozenset({TOO_FEW_ENTITIES, TOO_MANY_ENTITIES, TOO_FEW_APIS, TOO_MANY_APIS})
#: Problems of the budgets and decisions that leave the design whole: a latency target naming a
#: flow not walked yet (written in step 1, before the flows of step 3), a parallel group of one,
#: a decision naming another dive's approach. The budgets skip what they cannot use, and the
#: lint rules still run, so a design in progress keeps its findings.
WHOLE_DESIGN_CODES = SIZE_LIMIT_CODES | {UNKNOWN_FLOW, LONE_PARALLEL_STEP, FOREIGN_APPROACH}


def broken_references(problems: tuple[Problem, ...] | list[Problem]) -> list[Problem]:
    """The problems that make a design unsafe to reason about or draw: all but size limits
    and the budget and decision problems above."""
    return [p for p in problems if p.code not in WHOLE_DESIGN_CODES]


@dataclass(frozen=True)
class Checked:
    """A loaded design, the settings that apply to it, and every problem `check` found."""

    loaded: LoadedDesign
    settings: Config
    problems: tuple[Problem, ...]

    @property
    def design(self) -> Design:
        return self.loaded.design

    @property
    def broken_references(self) -> list[Problem]:
        return broken_references(self.problems)


def load_checked(path: Path, settings_for: Callable[[Path], Config] = load_config) -> Checked:
    """Load `path`, then read its project's settings (`settings_for`: the nearest
    `[tool.sketch]`, or a caller's cache of them), then check the design.

    Raises `LoadError` (first) or `ConfigError`; the design's own problems are in the result.
    """
    loaded = load_design(path)
    settings = settings_for(path)
    return Checked(loaded, settings, tuple(check(loaded.design, settings.limits)))
