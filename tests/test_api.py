"""The public API: `from sketch import load, check, lint, estimate, render` plus the model.

As httpx checks its `__all__`: it is sorted, every name in it resolves, and nothing public
is left out of it. Names are imported on first use, so `import sketch` stays cheap.
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import sketch
from sketch.estimating import FigureName


def _isort_style(name: str) -> tuple[bool, bool, str]:
    # ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest, each alphabetical.
    return (not name.isupper(), not name[0].isupper(), name)


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert sketch.__all__ == sorted(sketch.__all__, key=_isort_style)
    for name in sketch.__all__:
        assert getattr(sketch, name) is not None, name


def test_every_public_attribute_is_in_all() -> None:
    public = {
        name
        for name in dir(sketch)
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(getattr(sketch, name), types.ModuleType)
    }
    assert public == set(sketch.__all__)


def test_the_model_is_public_and_is_the_models_own() -> None:
    import sketch.model

    for name in sketch.model.__all__:
        assert getattr(sketch, name) is getattr(sketch.model, name), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        sketch.Desing  # noqa: B018
    except AttributeError as exc:
        assert "Desing" in str(exc)
    else:
        raise AssertionError("sketch.Desing resolved")


def test_the_pipeline_through_the_api(repo_root: Path, tmp_path: Path) -> None:
    design = sketch.load(repo_root / "designs" / "twitter.py")
    assert isinstance(design, sketch.Design)
    assert sketch.check(design) == []
    findings = sketch.lint(design)
    assert all(isinstance(f, sketch.Problem) for f in findings)
    assert [f.code for f in findings if f.severity is sketch.Severity.error] == []
    figures = sketch.estimate(design)
    assert figures[FigureName.writes_per_day].value == 400e6  # the guide's 400M tweets a day
    written = sketch.render(design, tmp_path, ["md"])
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["twitter/design.md"]


def test_lint_through_the_api_reports_check_problems_and_skips_the_rules() -> None:
    design = sketch.Design(
        name="x",
        components=[sketch.Component(name="a", kind="service")],
        links=[sketch.Link(from_="a", to="ghost")],
    )
    findings = sketch.lint(design)
    assert {f.rule for f in findings} == {"check"}
    assert "C301" in {f.code for f in findings}


def test_a_load_error_is_a_sketch_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.py"
    try:
        sketch.load(missing)
    except sketch.SketchError as exc:
        assert isinstance(exc, sketch.LoadError) and exc.exit_code == 2
        assert str(exc).startswith(f"{missing}: no such file")
    else:
        raise AssertionError("loaded a missing file")


def test_importing_sketch_imports_no_pydantic() -> None:
    code = "import sys, sketch; print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
