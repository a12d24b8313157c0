"""Loading a design file into a `Design`, with one-screen errors that say file:line and the fix."""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
import types
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from sketch.errors import LoadError, plural
from sketch.loading.messages import describe_error, excerpt, root_causes
from sketch.model import Design


@dataclass(frozen=True)
class LoadedDesign:
    path: Path
    design: Design


def load(path: str | os.PathLike[str]) -> Design:
    """The design in a `.py`, `.yaml`, `.yml` or `.json` file; `LoadError` says why not."""
    return load_design(Path(path)).design


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
        from sketch.loading.data import load_data_design  # only data files need YAML

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
    details = excerpt(source, exc.lineno, exc.offset) if exc.lineno else []
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
            excerpt(source, line),
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


def _hint_for(exc: Exception) -> str:
    if isinstance(exc, ImportError):
        return "check the module name; design files import their classes from `sketch`"
    if isinstance(exc, NameError):
        return "is it imported? e.g. `from sketch import Design, Entity, Field`"
    return "fix the code at that line (rerun with --debug for the full traceback)"


def _invalid(filename: str, source: str, exc: ValidationError) -> LoadError:
    line = _line_in(filename, exc)
    model = _model_named(exc.title)
    errors = root_causes(exc.errors())
    details = [describe_error(model, err) for err in errors]
    details += excerpt(source, line)
    return LoadError(
        filename,
        line,
        f"invalid {exc.title}: {plural(len(errors), 'problem')}",
        details,
        help="fix the fields named above; `sketch schema` lists every field and its type",
    )


def _model_named(name: str) -> type[BaseModel] | None:
    import sketch.model

    candidate = getattr(sketch.model, name, None)
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None


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
