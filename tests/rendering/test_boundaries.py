"""What the render modules pull in: only `render.diagram` may import diagrams/graphviz."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sketch.loading import load_design
from sketch.rendering import render_design

LIGHT = [
    "sketch.rendering",
    "sketch.rendering.escape",
    "sketch.rendering.icons",
    "sketch.rendering.scene",
    "sketch.rendering.markdown",
    "sketch.rendering.dot",
    "sketch.cli.commands.render",
    "sketch.cli.render_files",
    "sketch.cli.lint_files",
]


@pytest.mark.parametrize("module", LIGHT)
def test_module_imports_neither_diagrams_nor_graphviz(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'diagrams', 'graphviz'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_render_design_and_its_arguments_pickle(tmp_path: Path, repo_root: Path) -> None:
    # Worker processes receive (function, loaded design, folder, formats) by pickling.
    loaded = load_design(repo_root / "designs" / "twitter.py")
    function, copy = pickle.loads(pickle.dumps((render_design, loaded)))
    assert copy.design == loaded.design
    written = function(copy, tmp_path, ("md",))
    assert [p.name for p in written] == ["design.md"]
