"""Loading a design file into a `Design`, with one-screen errors that say file:line and the fix."""

from __future__ import annotations

import hashlib
import sys
import traceback
import types
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from sketch.errors import LoadError, did_you_mean
from sketch.model import Design


@dataclass(frozen=True)
class LoadedDesign:
    path: Path
    design: Design


def load_design(path: Path) -> LoadedDesign:
    """Load a `.py` design (or a data file, when a loader for its suffix is installed)."""
    if not path.exists():
        raise LoadError(str(path), None, "no such file", help="check the path and spelling")
    if path.is_dir():
        raise LoadError(
            str(path),
            None,
            "is a folder, not a design file",
            help="name a design file, e.g. designs/twitter.py",
        )
    suffix = path.suffix.lower()
    if suffix == ".py":
        return LoadedDesign(path, _load_python(path))
    if suffix in DATA_SUFFIXES:
        from sketch.load.data import load_data_design  # only data files need YAML

        return LoadedDesign(path, load_data_design(path))
    raise LoadError(
        str(path),
        None,
        f"unknown design file type '{suffix or '(none)'}'",
        help="a design is a .py file" + (" or " + "/".join(DATA_SUFFIXES) if DATA_SUFFIXES else ""),
    )


# Filled in by the data-file loader's issue; kept here so the CLI's help lists what it takes.
DATA_SUFFIXES: tuple[str, ...] = (".yaml", ".yml", ".json")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(str(path), None, f"cannot read: {exc}") from exc


def _load_python(path: Path) -> Design:
    source = _read(path)
    filename = str(path)
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise _syntax_error(filename, source, exc) from exc
    module = _run(code, path, source)
    return _find_design(module, filename)


def _syntax_error(filename: str, source: str, exc: SyntaxError) -> LoadError:
    details = []
    if exc.lineno:
        text = source.splitlines()[exc.lineno - 1] if exc.lineno <= len(source.splitlines()) else ""
        details = [f"{exc.lineno:>4} | {text}"]
        if exc.offset:
            details.append(" " * (7 + exc.offset - 1) + "^")
    return LoadError(
        filename,
        exc.lineno,
        f"syntax error: {exc.msg}",
        details,
        help="fix the Python syntax at that line",
    )


def _run(code: types.CodeType, path: Path, source: str) -> types.ModuleType:
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
    module = types.ModuleType(f"sketch_design_{digest}")
    module.__file__ = str(path)
    # Registered so pydantic and dataclasses in the design can resolve their module.
    sys.modules[module.__name__] = module
    folder = str(path.resolve().parent)
    sys.path.insert(0, folder)  # lets a design import helpers that sit beside it
    try:
        exec(code, module.__dict__)
    except ValidationError as exc:
        raise _invalid(str(path), source, exc) from exc
    except Exception as exc:
        line = _line_in(str(path), exc)
        raise LoadError(
            str(path),
            line,
            f"{type(exc).__name__} while running the design: {exc}",
            _excerpt(source, line),
            help=_hint_for(exc),
        ) from exc
    finally:
        if sys.path and sys.path[0] == folder:
            del sys.path[0]
    return module


def _line_in(filename: str, exc: BaseException) -> int | None:
    """The deepest line of the traceback that is in the design file itself."""
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == filename:
            line = lineno
    return line


def _excerpt(source: str, line: int | None) -> list[str]:
    lines = source.splitlines()
    if line is None or not 0 < line <= len(lines):
        return []
    return [f"{line:>4} | {lines[line - 1]}"]


def _hint_for(exc: Exception) -> str:
    if isinstance(exc, ImportError):
        return "check the module name; design files import their classes from `sketch`"
    if isinstance(exc, NameError):
        return "is it imported? e.g. `from sketch import Design, Entity, Field`"
    return "fix the code at that line (rerun with --debug for the full traceback)"


def _invalid(filename: str, source: str, exc: ValidationError) -> LoadError:
    line = _line_in(filename, exc)
    model = _model_named(exc.title)
    errors = exc.errors()
    # A failed item also makes its list "too short"; that echo only hides the real error.
    locs = [tuple(err["loc"]) for err in errors]
    errors = [
        e
        for e in errors
        if not any(
            len(other) > len(e["loc"]) and other[: len(e["loc"])] == tuple(e["loc"])
            for other in locs
        )
    ]
    details = [_describe_error(model, err) for err in errors]
    details += _excerpt(source, line)
    return LoadError(
        filename,
        line,
        f"invalid {exc.title}: {len(errors)} problem(s)",
        details,
        help="fix the fields named above; `sketch schema` lists every field and its type",
    )


def _model_named(name: str) -> type[BaseModel] | None:
    import sketch.model

    candidate = getattr(sketch.model, name, None)
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None


def describe_location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the object itself)"


def _describe_error(model: type[BaseModel] | None, err: typing.Any) -> str:
    loc = tuple(err["loc"])
    where = describe_location(loc)
    if err["type"] == "extra_forbidden" and loc:
        owner = _model_at(model, loc[:-1])
        known = list(owner.model_fields) if owner else []
        return f"{where}: unknown field '{loc[-1]}' ({did_you_mean(str(loc[-1]), known)})"
    if err["type"] == "missing":
        return f"{where}: required field is missing"
    given = err.get("input")
    shown = repr(given) if not isinstance(given, (dict, BaseModel)) else type(given).__name__
    return f"{where}: {err['msg']} (got {shown[:60]})"


def _model_at(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that owns the field at `loc`, following field annotations."""
    current = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _first_model(info.annotation) if info else None
    return current


def _first_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found:
            return found
    return None


def _find_design(module: types.ModuleType, filename: str) -> Design:
    named = module.__dict__.get("design")
    if isinstance(named, Design):
        return named
    if named is not None:
        raise LoadError(
            filename,
            None,
            f"`design` is a {type(named).__name__}, not a Design",
            help="assign `design = Design(...)` at module level",
        )
    found = [(k, v) for k, v in module.__dict__.items() if isinstance(v, Design)]
    if len(found) == 1:
        return found[0][1]
    if not found:
        raise LoadError(
            filename,
            None,
            "no design found in this file",
            help="define `design = Design(name=..., ...)` at module level",
        )
    names = ", ".join(k for k, _ in found)
    raise LoadError(
        filename,
        None,
        f"{len(found)} designs found ({names}); which one?",
        help="name the one to use `design`, or split them into files",
    )
