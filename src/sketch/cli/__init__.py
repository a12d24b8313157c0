"""The `sketch` command: `main`, and the typer app with the commands registered.

Each command is a plain function in `sketch.cli.commands`; `COMMANDS` adds them to the app,
explicitly and in the order `sketch --help` lists them. `main` answers `--version` and runs
`check PATH...` (`sketch.cli.fast`) before importing typer, and registers only the command
being run when the command line names one, so no other command's module is imported.
Command modules keep heavy imports (diagrams, graphviz, YAML, pydantic) inside their bodies.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

#: Command name -> (module in sketch.cli.commands, function), in `--help` order.
COMMANDS: dict[str, tuple[str, str]] = {
    "capacity": ("capacity", "capacity"),
    "check": ("check", "check"),
    "checklist": ("checklist", "checklist"),
    "convert": ("convert", "convert"),
    "drill": ("drill", "drill"),
    "embed": ("embed", "embed"),
    "estimate": ("estimate", "estimate"),
    "export": ("export", "export"),
    "lint": ("lint", "lint"),
    "rules": ("lint", "rules"),
    "rule": ("lint", "rule_doc"),
    "new": ("new", "new"),
    "render": ("render", "render"),
    "schema": ("schema", "schema"),
    "talk": ("talk", "talk"),
    "watch": ("watch", "watch"),
}

__all__ = ["COMMANDS", "app", "main", "registered_app"]


def registered_app(names: list[str] | None = None) -> typer.Typer:
    """The app with the named commands registered (all of them when `names` is None)."""
    from sketch.cli.application import app
    from sketch.cli.conventions import ConventionalCommand

    registered = {info.name for info in app.registered_commands}
    for name in COMMANDS if names is None else names:
        if name in registered:
            continue
        module, function = COMMANDS[name]
        body = getattr(importlib.import_module(f"sketch.cli.commands.{module}"), function)
        app.command(name=name, cls=ConventionalCommand)(body)
    if names is None:  # `--help` order, whatever was registered first
        app.registered_commands.sort(key=lambda info: list(COMMANDS).index(str(info.name)))
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # tests and embedders get every command
        return registered_app()
    raise AttributeError(f"module 'sketch.cli' has no attribute {name!r}")


def _invoked_command(argv: list[str]) -> str | None:
    """The command the command line runs, when its first word names one (after `--debug`)."""
    words = [word for word in argv if word != "--debug"]
    return words[0] if words and words[0] in COMMANDS else None


def main(argv: list[str] | None = None) -> None:
    """The console script's entry point. `--debug` may come anywhere before a `--`, as
    ruff's `--verbose` may; it is moved before the command, where the app reads it."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered before any CLI framework is imported
        from sketch.version import __version__

        print(f"sketch {__version__}")
        return
    end = args.index("--") if "--" in args else len(args)
    if "--debug" in args[1:end]:
        args.remove("--debug")
        args.insert(0, "--debug")
    from sketch.cli import fast

    if fast.handles(args):  # `sketch check PATH...`: no CLI framework needed
        sys.exit(fast.run(args))
    command = _invoked_command(args)
    registered_app(None if command is None else [command])(args=args, prog_name="sketch")
