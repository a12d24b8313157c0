"""Entry point of the `sketch` command: the app plus every module in `sketch.cli.commands`.

Command modules register themselves on import; they keep heavy imports (diagrams, graphviz,
YAML) inside their function bodies, so importing all of them here stays cheap.
"""

from __future__ import annotations

import importlib
import pkgutil

import sketch.cli.commands
from sketch.cli.app import app


def _register_commands() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(sketch.cli.commands.__path__)):
        importlib.import_module(f"sketch.cli.commands.{module}")


def main() -> None:
    _register_commands()
    app()
