"""The `sketch` command: the typer app with every command registered, and `main`.

Each command is a plain function in `sketch.cli.commands`; they are added to the app here,
explicitly and in the order `sketch --help` lists them. Command modules keep heavy imports
(diagrams, graphviz, YAML, pydantic) inside their bodies, so importing them all stays cheap.
"""

from __future__ import annotations

import sys

from sketch.cli.application import app
from sketch.cli.commands import (
    capacity,
    check,
    checklist,
    convert,
    drill,
    embed,
    estimate,
    export,
    lint,
    new,
    render,
    schema,
    talk,
    watch,
)
from sketch.cli.conventions import ConventionalCommand

app.command(cls=ConventionalCommand)(capacity.capacity)
app.command(cls=ConventionalCommand)(check.check)
app.command(cls=ConventionalCommand)(checklist.checklist)
app.command(cls=ConventionalCommand)(convert.convert)
app.command(cls=ConventionalCommand)(drill.drill)
app.command(cls=ConventionalCommand)(embed.embed)
app.command(cls=ConventionalCommand)(estimate.estimate)
app.command(cls=ConventionalCommand)(export.export)
app.command(cls=ConventionalCommand)(lint.lint)
app.command(cls=ConventionalCommand)(lint.rules)
app.command(name="rule", cls=ConventionalCommand)(lint.rule_doc)
app.command(cls=ConventionalCommand)(new.new)
app.command(cls=ConventionalCommand)(render.render)
app.command(cls=ConventionalCommand)(schema.schema)
app.command(cls=ConventionalCommand)(talk.talk)
app.command(cls=ConventionalCommand)(watch.watch)

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """The console script's entry point. `--debug` may come anywhere before a `--`, as
    ruff's `--verbose` may; it is moved before the command, where the app reads it."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)
    if "--debug" in args[1:end]:
        args.remove("--debug")
        args.insert(0, "--debug")
    app(args=args, prog_name="sketch")
