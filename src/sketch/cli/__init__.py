"""The `sketch` command: the typer app with every command registered, and `main`.

Each command is a plain function in `sketch.cli.commands`; they are added to the app here,
explicitly and in the order `sketch --help` lists them. Command modules keep heavy imports
(diagrams, graphviz, YAML, pydantic) inside their bodies, so importing them all stays cheap.
"""

from __future__ import annotations

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

app.command()(capacity.capacity)
app.command()(check.check)
app.command()(checklist.checklist)
app.command()(convert.convert)
app.command()(drill.drill)
app.command()(embed.embed)
app.command()(estimate.estimate)
app.command()(export.export)
app.command()(lint.lint)
app.command()(lint.rules)
app.command(name="rule")(lint.rule_doc)
app.command()(new.new)
app.command()(render.render)
app.command()(schema.schema)
app.command()(talk.talk)
app.command()(watch.watch)

__all__ = ["app", "main"]


def main() -> None:
    """The console script's entry point."""
    app()
