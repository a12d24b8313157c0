"""How a design is drawn: layout direction, colour theme, and whether it is a draft.

One frozen value passed to every producer, so a new control reaches every output without
changing each producer's signature again. A draft is a design `sketch check` still has
problems with: it is drawn anyway (a sketch in progress is worth seeing), and every output
says so in a banner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sketch.errors import Problem, plural

if TYPE_CHECKING:  # `sketch new` imports the renderers without building the model
    from sketch.loading.settings import Config


class Direction(StrEnum):
    """Which way the architecture reads: left to right (the default) or top to bottom."""

    LR = "LR"
    TB = "TB"


class Theme(StrEnum):
    """The diagram's colours: dark suits dark editors and GitHub's dark mode."""

    light = "light"
    dark = "dark"


@dataclass(frozen=True)
class RenderOptions:
    direction: Direction = Direction.LR
    theme: Theme = Theme.light
    problems: tuple[Problem, ...] = ()  # what `sketch check` found: non-empty means a draft
    flow: int | None = None  # draw only this flow (1-based) and the components it walks
    settings: Config | None = None  # the project's [tool.sketch] (None: the defaults)

    @property
    def draft(self) -> bool:
        return bool(self.problems)

    @property
    def banner(self) -> str | None:
        """`draft: 2 problems`, or None for a finished design."""
        if not self.problems:
            return None
        return f"draft: {plural(len(self.problems), 'problem')}"

    def problem_lines(self, limit: int = 10) -> list[str]:
        """`C101 only 1 entity ...`, one per problem (user text unescaped), at most `limit`."""
        return problem_lines(self.problems, limit)


def problem_lines(problems: Sequence[Problem], limit: int = 10) -> list[str]:
    shown = [f"{p.code} {p.message}".strip() for p in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"... and {len(problems) - limit} more")
    return shown


DEFAULT_OPTIONS = RenderOptions()
