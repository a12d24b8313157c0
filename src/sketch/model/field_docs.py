"""Field descriptions from the docstrings written under the fields, read only when shown.

A docstring under a field is its description: docs/reference.md and the JSON Schema (editor
tooltips) show it. pydantic's `use_attribute_docstrings` would read them while each class is
created, with `inspect.getsource` and the tokenizer once per class: 40-50 ms of every
command's start-up (about a seventh of importing the model), for text that only `sketch
schema` and the reference generator print. So the classes are built without it, and those
two call `document_fields()` first. It parses each model module once, gives a field its
docstring where the field has no `description=` (pydantic's rule), and rebuilds the schemas,
dependencies first, so the JSON Schema carries them exactly as before.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
import typing
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel

__all__ = ["document_fields", "field_docstrings"]


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """`name -> docstring` for the fields `model` itself declares with a docstring under them."""
    return _module_docstrings(model.__module__).get(model.__qualname__, {})


@cache
def _module_docstrings(module_name: str) -> dict[str, dict[str, str]]:
    """Class qualname -> field docstrings, for every class in the module (one parse)."""
    module = sys.modules[module_name]
    tree = ast.parse(inspect.getsource(module))
    found: dict[str, dict[str, str]] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                qualname = f"{prefix}{node.name}"
                found[qualname] = dict(_annotated_docstrings(node.body))
                visit(node.body, f"{qualname}.")

    visit(tree.body, "")
    return found


def _annotated_docstrings(body: list[ast.stmt]) -> Iterator[tuple[str, str]]:
    """An annotated name followed directly by a string expression, as pydantic reads them."""
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            yield statement.target.id, inspect.cleandoc(following.value.value)


_documented: set[type[BaseModel]] = set()


def document_fields(*roots: type[BaseModel]) -> None:
    """Give every model reachable from `roots` its field docstrings, and rebuild their schemas.

    Idempotent and cheap the second time; only the commands that show descriptions call it.
    """
    for model in _dependencies_first(roots):
        if model in _documented:
            continue
        changed = False
        for name, field in model.model_fields.items():
            doc = _declared_docstring(model, name)
            if field.description is None and doc is not None:
                field.description = doc
                changed = True
        if changed:
            model.model_rebuild(force=True)
        _documented.add(model)


def _declared_docstring(model: type[BaseModel], name: str) -> str | None:
    """The docstring under `name` in the class that declares it last, as pydantic takes it."""
    for klass in model.__mro__:
        if name in inspect.get_annotations(klass):
            return field_docstrings(klass).get(name) if issubclass(klass, BaseModel) else None
    return None


def _dependencies_first(roots: tuple[type[BaseModel], ...]) -> list[type[BaseModel]]:
    """The roots and every model its fields reach, each after the models its own fields use: a
    rebuilt schema embeds the schemas of the models it refers to as they are at that moment."""
    order: list[type[BaseModel]] = []
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for field in model.model_fields.values():
            for used in _models_in(field.annotation):
                visit(used)
        order.append(model)

    for root in roots:
        visit(root)
    return order


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)
