"""A real notebook, run by a real Jupyter kernel (nbclient + ipykernel): `sketch.load`,
`design.lint()` and `design.estimate()` each display as HTML, and the design as its diagram."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.paths import REPO_ROOT


def _need(module: str) -> object:
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{module} is missing: CI must run the notebook test (pip install '.[test]')"
            )
        pytest.skip(f"!!! NOTEBOOK TEST NOT RUN !!! {module} is missing: pip install '.[test]'")


CELLS = [
    "import sketch\ndesign = sketch.load({twitter!r})\ndesign",
    "design.lint()",
    "design.estimate()",
    "draft = sketch.load({draft!r})\ndraft.lint()",
]


def _outputs(cell: dict) -> dict[str, str]:  # type: ignore[type-arg]
    shown: dict[str, str] = {}
    for output in cell["outputs"]:
        assert output["output_type"] != "error", "\n".join(output.get("traceback", []))
        for kind, data in output.get("data", {}).items():
            shown[kind] = data if isinstance(data, str) else "".join(data)
    return shown


def test_a_notebook_shows_the_design_its_findings_and_its_estimates(tmp_path: Path) -> None:
    nbformat = _need("nbformat")
    nbclient = _need("nbclient")
    _need("ipykernel")
    from sketch.rendering.skeleton import scaffold

    draft = tmp_path / "draft.py"
    draft.write_text(scaffold("draft", draft), encoding="utf-8")
    names = {"twitter": str(REPO_ROOT / "designs" / "twitter.py"), "draft": str(draft)}
    notebook = nbformat.v4.new_notebook(  # type: ignore[attr-defined]
        cells=[nbformat.v4.new_code_cell(c.format(**names)) for c in CELLS]  # type: ignore[attr-defined]
    )
    client = nbclient.NotebookClient(  # type: ignore[attr-defined]
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    shown = [_outputs(cell) for cell in notebook.cells]
    design, lint, estimate, draft_lint = shown
    assert "<svg" in design["image/svg+xml"] and "Design Twitter" in design["text/html"]
    assert lint["text/html"] == "<p><strong>No findings.</strong></p>"  # the example is clean
    assert "Ingress bandwidth" in estimate["text/html"] and "<table" in estimate["text/html"]
    assert "peak ingress" not in estimate["text/html"]  # the How column gives the figure's line
    assert "<table>" in draft_lint["text/html"] and "H102" in draft_lint["text/html"]
    assert "H102 [warning] placeholder left" in draft_lint["text/plain"]
