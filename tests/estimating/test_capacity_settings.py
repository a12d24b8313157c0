"""`[tool.sketch.capacity.<kind or technology>]` in pyproject.toml: what one node takes, as
`sketch estimate` and `sketch render` use it, and a bad table as a located error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch
from tests.helpers.shop import write_shop

OVERRIDES = """\
[tool.sketch.capacity.service]
requests_per_second = 4000
reference = "our load test, 2026-11"

[tool.sketch.capacity.database]
writes_per_second = 500
"""


def test_a_kind_table_overrides_the_default_and_names_its_source(
    sketch: Sketch, tmp_path: Path
) -> None:
    result = sketch("estimate", write_shop(tmp_path, OVERRIDES), "--format", "json")
    assert result.exit_code == 0, result.output
    load = json.loads(result.stdout)["load"]
    app, db = (next(c for c in load["components"] if c["name"] == n) for n in ("app", "db"))
    assert app["per_node"]["requests_per_second"] == 4000
    assert app["per_node"]["source"] == ("[tool.sketch.capacity.service]: our load test, 2026-11")
    assert app["saturates_at"] == pytest.approx(8000 / 2200)
    assert db["per_node"]["writes_per_second"] == 500
    assert db["saturates_at"] == pytest.approx(2.5)  # 500 writes/s against a peak of 200
    assert load["saturation_line"].startswith("db saturates at 2.5x (writes); app at 3.6x")


def test_a_technology_table_applies_to_components_of_that_technology(
    sketch: Sketch, tmp_path: Path
) -> None:
    path = write_shop(
        tmp_path, '[tool.sketch.capacity."Amazon ElastiCache"]\nrequests_per_second = 4000\n'
    )
    path.write_text(
        path.read_text().replace(
            'Component(name="cache", kind="cache")',
            'Component(name="cache", kind="cache", technology="ElastiCache")',
        )
    )
    result = sketch("estimate", path, "--format", "json")
    assert result.exit_code == 0, result.output
    cache = next(c for c in json.loads(result.stdout)["load"]["components"] if c["name"] == "cache")
    assert cache["per_node"]["requests_per_second"] == 4000
    assert cache["saturates_at"] == pytest.approx(2)


def test_render_writes_the_load_under_the_projects_capacities(
    sketch: Sketch, tmp_path: Path
) -> None:
    path = write_shop(tmp_path, OVERRIDES)
    result = sketch("render", path, "-o", tmp_path / "out", "--format", "md,html")
    assert result.exit_code == 0, result.output
    note = (tmp_path / "out" / "shop" / "design.md").read_text(encoding="utf-8")
    page = (tmp_path / "out" / "shop" / "design.html").read_text(encoding="utf-8")
    line = "db saturates at 2.5x (writes); app at 3.6x (requests); cache at 50x (requests)"
    assert line in note and line in page
    assert "per node: \\[tool.sketch.capacity.service\\]: our load test, 2026-11" in note


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        (
            "[tool.sketch.capacity.service]\nrequests_per_second = -5\n",
            5,
            "[tool.sketch.capacity.service.requests_per_second]: Input should be greater than 0",
        ),
        (
            "[tool.sketch.capacity.service]\nrequests_per_second = inf\n",
            5,
            "[tool.sketch.capacity.service.requests_per_second]: Input should be a finite number",
        ),
        (
            "[tool.sketch.capacity.service]\n\nrequests_per_secnd = 5\n",
            6,
            "unknown setting (did you mean 'requests_per_second'?)",
        ),
        (
            "[tool.sketch.capacity]\nservice = 3\n",
            5,
            "[tool.sketch.capacity.service] must be a table",
        ),
        (
            "[tool.sketch.capacity.servce]\nrequests_per_second = 5\n",
            4,
            "no kind is named 'servce' (did you mean 'service'?)",
        ),
    ],
)
def test_a_bad_capacity_table_is_a_located_config_error(
    sketch: Sketch, tmp_path: Path, toml: str, line: int, message: str
) -> None:
    path = write_shop(tmp_path, toml)
    pyproject = tmp_path / "pyproject.toml"
    for args in (("estimate", path), ("render", path, "-o", tmp_path / "out", "-f", "md")):
        result = sketch(*args)
        assert result.exit_code == 2, result.output
        assert f"{pyproject}:{line}: " in result.output, result.output
        assert message in result.output
        assert "help: " in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out" / "shop" / "design.md").exists()
