"""`[tool.sketch.limits]` in the nearest pyproject.toml, and `Design(limits=...)` over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch

Check = Callable[[Path], tuple[int, str]]


def write_design(folder: Path, entities: int, limits: str | None = None) -> Path:
    """A design with `entities` entities and five APIs, otherwise free of problems."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "design.py"
    path.write_text(
        "from sketch import Api, Design, Entity, Field, Limits\n\n"
        "design = Design(\n"
        '    name="sized",\n'
        "    entities=[\n"
        '        Entity(name=f"E{i}", fields=[Field(name="id", type="INT", primary_key=True)])\n'
        f"        for i in range({entities})\n"
        "    ],\n"
        '    apis=[Api(method="GET", path=f"/e{i}", purpose="read E") for i in range(5)],\n'
        f"    limits={limits},\n"
        ")\n",
        encoding="utf-8",
    )
    return path


def write_pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text('[project]\nname = "designs"\n\n' + body, encoding="utf-8")
    return path


@pytest.fixture
def check(sketch: Sketch) -> Check:
    """`check(path)`: the exit code and output of `sketch check PATH`."""

    def run(path: Path) -> tuple[int, str]:
        result = sketch("check", path)
        return result.exit_code, result.output

    return run


def test_without_settings_the_guides_limits_apply(check: Check, tmp_path: Path) -> None:
    code, output = check(write_design(tmp_path, entities=6))
    assert code == 1
    assert "C102 6 entities; the framework asks for 3-5" in output


def test_the_nearest_pyproject_changes_the_limits(check: Check, tmp_path: Path) -> None:
    write_pyproject(tmp_path, "[tool.sketch.limits]\nmax_entities = 6\n")
    design = write_design(tmp_path / "designs" / "big", entities=6)
    assert check(design) == (0, "1 design checked: no problems\n")
    write_pyproject(tmp_path, "[tool.sketch.limits]\nmin_entities = 7\nmax_entities = 9\n")
    code, output = check(design)
    assert (code, "C101 6 entities; the framework asks for 7-9" in output) == (1, True)


@pytest.mark.parametrize(
    ("project_max", "design_max", "exit_code"), [(6, 5, 1), (5, 6, 0)], ids=["lower", "higher"]
)
def test_the_designs_own_limits_win(
    check: Check, tmp_path: Path, project_max: int, design_max: int, exit_code: int
) -> None:
    write_pyproject(tmp_path, f"[tool.sketch.limits]\nmax_entities = {project_max}\n")
    design = write_design(tmp_path, entities=6, limits=f"Limits(max_entities={design_max})")
    code, output = check(design)
    assert code == exit_code, output
    assert ("asks for 3-5" in output) == (design_max == 5)


INVALID = {
    "min-above-max": (
        "[tool.sketch.limits]\nmax_entities = 2\n",
        ":4: [tool.sketch.limits]: min_entities (3) is greater than max_entities (2)",
    ),
    "misspelt-setting": (
        "[tool.sketch.limits]\nmin_apis = 4\nmax_entitys = 6\n",
        ":6: [tool.sketch.limits.max_entitys]: unknown setting",
    ),
    "misspelt-table": ("[tool.sketch.limts]\nmax_apis = 9\n", ":4: [tool.sketch.limts]: unknown"),
    "not-a-number": (
        '[tool.sketch.limits]\nmax_apis = "nine"\n',
        ":5: [tool.sketch.limits.max_apis]: Input should be a valid integer",
    ),
    "negative": (
        "[tool.sketch.limits]\nmin_apis = -1\n",
        ":5: [tool.sketch.limits.min_apis]: Input should be greater than or equal to 0",
    ),
    "not-a-table": ("[tool]\nsketch = 3\n", ":5: [tool.sketch] must be a table of settings"),
    "not-toml": ("[tool.sketch.limits\n", "cannot read: Expected ']'"),
}


@pytest.mark.parametrize(("body", "message"), INVALID.values(), ids=INVALID.keys())
def test_invalid_settings_are_a_usage_error_saying_where(
    check: Check, tmp_path: Path, body: str, message: str
) -> None:
    pyproject = write_pyproject(tmp_path, body)
    code, output = check(write_design(tmp_path, entities=3))
    assert code == 2, output
    assert f"error: {pyproject}" in output
    assert message in output
    assert "Traceback" not in output
    if "cannot read" not in message:
        assert "help: the settings are [tool.sketch.limits] min_entities" in output
