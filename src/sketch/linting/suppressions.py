"""Which suppression silences a finding: the nearest one on the way down to the object."""

from __future__ import annotations

from dataclasses import dataclass

from sketch.model import Declared, Design, Suppression
from sketch.model.paths import resolve, walk


@dataclass(frozen=True)
class Site:
    """A suppression and where it is written: the path of its object and its index there."""

    path: str  # of the object carrying it ("" for the design)
    index: int
    suppression: Suppression
    owner: Declared

    @property
    def at(self) -> str:
        return f"{self.path}.suppress[{self.index}]" if self.path else f"suppress[{self.index}]"


def covers(suppression: Suppression, code: str) -> bool:
    return code.startswith(suppression.code.upper())


def suppressing(design: Design, path: str, code: str) -> Site | None:
    """The nearest suppression covering `code` from the object at `path` up to the design."""
    chain = resolve(design, path)
    paths = _prefixes(path, len(chain))
    for obj, here in zip(reversed(chain), reversed(paths), strict=True):
        if isinstance(obj, Declared):
            for k, s in enumerate(obj.suppress):
                if covers(s, code):
                    return Site(here, k, s, obj)
    return None


def every_site(design: Design) -> list[Site]:
    return [
        Site(path, k, s, obj)
        for path, obj in walk(design)
        if isinstance(obj, Declared)
        for k, s in enumerate(obj.suppress)
    ]


def _prefixes(path: str, count: int) -> list[str]:
    """The paths of the first `count` objects along `path`: "", "flows", "flows[0]" ..."""
    import re

    tokens = re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\[\d+\]", path)
    found, here = [""], ""
    for token in tokens:
        here = here + token if token.startswith("[") else (f"{here}.{token}" if here else token)
        found.append(here)
    return found[:count]
