"""Paths inside a design (`entities[1].fields[0].references`) and the source lines behind them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sketch.errors import Location
from sketch.model.base import Model

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def walk(model: Model, prefix: str = "") -> Iterator[tuple[str, Model]]:
    """Every model object in the tree with its path, parents before children."""
    yield prefix, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = f"{prefix}.{name}" if prefix else name
        if isinstance(value, Model):
            yield from walk(value, here)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, Model):
                    yield from walk(item, f"{here}[{index}]")


def resolve(root: Model, path: str) -> list[object]:
    """The chain of objects from the root along `path`; stops where the path stops matching."""
    chain: list[object] = [root]
    current: object = root
    for name, index in _TOKEN.findall(path):
        try:
            current = getattr(current, name) if name else current[int(index)]  # type: ignore[index]
        except (AttributeError, IndexError, TypeError):
            break
        chain.append(current)
    return chain


def locate(root: Model, path: str) -> Location | None:
    """The declaration line of the deepest object on `path` that knows where it was written."""
    for obj in reversed(resolve(root, path)):
        if isinstance(obj, Model) and obj.source is not None:
            return obj.source
    return None
