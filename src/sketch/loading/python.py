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

from sketch.errors import LoadError, plural, relative_path
from sketch.loading.box import DesignBox, printed_lines, shorten, user_frame
from sketch.loading.inputs import remember_input
from sketch.loading.messages import describe_error, excerpt, root_causes
from sketch.loading.nodes import MAX_FILE_BYTES
from sketch.loading.reading import read_design_text
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


def _load_python(path: Path) -> Design:
    source = read_design_text(path)
    filename = str(path)
    if "\0" in source:  # compile() would say "null bytes" with no line
        line = source.count("\n", 0, source.index("\0")) + 1
        raise LoadError(
            filename, line, "the file holds a NUL byte", help="save the design as plain text"
        )
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:  # ValueError: a NUL byte (Python < 3.11.4)
        raise _syntax_error(filename, source, exc) from exc
    module = _run(code, path, source)
    return _find_design(module, filename)


def _syntax_error(filename: str, source: str, exc: SyntaxError | ValueError) -> LoadError:
    if not isinstance(exc, SyntaxError):
        line = source.count("\n", 0, source.find("\0")) + 1 if "\0" in source else None
        return LoadError(
            filename, line, "the file holds a NUL byte", help="save the design as plain text"
        )
    return LoadError(
        filename,
        exc.lineno,
        f"syntax error: {shorten(exc.msg)}",
        excerpt(source, exc.lineno, exc.offset) if exc.lineno else [],
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
    already = set(sys.modules)
    box = DesignBox()
    try:
        with box:
            exec(code, module.__dict__)
    except ValidationError as exc:
        raise _invalid(str(path), source, exc, box.printed) from exc
    except KeyboardInterrupt:  # the user's Ctrl-C stops sketch, as anywhere else
        raise
    except BaseException as exc:  # SystemExit too: a design never ends or exits sketch
        raise _crashed(str(path), source, exc, box.printed) from exc
    finally:
        if sys.path and sys.path[0] == folder:
            del sys.path[0]
        _remember_helpers(set(sys.modules) - already, folder)
    return module


def _remember_helpers(names: set[str], folder: str) -> None:
    """Helper modules the design imported from its folder are inputs too: never overwritten."""
    for name in names:
        file = getattr(sys.modules.get(name), "__file__", None)
        if file and os.path.abspath(file).startswith(folder + os.sep):
            remember_input(file)


def _crashed(filename: str, source: str, exc: BaseException, printed: str) -> LoadError:
    """An exception (or `sys.exit`) while running the design, at the user's own line."""
    where = user_frame(exc, filename)
    file, line = where if where else (filename, None)
    text = source if file == filename else _source_of(file)
    if isinstance(exc, SystemExit):
        what = f"the design called sys.exit({exc.code!r}); a design may not end sketch"
        help = "remove the exit: a design file only defines `design = Design(...)`"
    else:
        what = f"{type(exc).__name__} while running the design: {shorten(_text_of(exc))}"
        help = _hint_for(exc)
    if file != filename:
        what += f" (in {relative_path(file)}, imported by {relative_path(filename)})"
    shown = file if file == filename else relative_path(file)
    return LoadError(shown, line, what, [*excerpt(text, line), *printed_lines(printed)], help=help)


def _text_of(exc: BaseException) -> str:
    try:  # a design's own exception class may fail even to say what it is
        return str(exc)
    except Exception as inner:
        return f"(its message cannot be shown: {type(inner).__name__})"


def _source_of(file: str) -> str:
    try:
        with open(file, "rb") as handle:
            return handle.read(MAX_FILE_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


def _line_in(filename: str, exc: BaseException) -> int | None:
    """The deepest line of the traceback that is in the design file itself."""
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == filename:
            line = lineno
    return line


def _hint_for(exc: BaseException) -> str:
    if isinstance(exc, ImportError):
        return "check the module name; design files import their classes from `sketch`"
    if isinstance(exc, NameError):
        return "is it imported? e.g. `from sketch import Design, Entity, Field`"
    return "fix the code at that line (rerun with --debug for the full traceback)"


def _invalid(filename: str, source: str, exc: ValidationError, printed: str) -> LoadError:
    where = user_frame(exc, filename)
    file, line = where if where else (filename, _line_in(filename, exc))
    text = source if file == filename else _source_of(file)
    model = _model_named(exc.title)
    errors = root_causes(exc.errors())
    details = [describe_error(model, err) for err in errors]
    details += excerpt(text, line)
    details += printed_lines(printed)
    return LoadError(
        file if file == filename else relative_path(file),
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
