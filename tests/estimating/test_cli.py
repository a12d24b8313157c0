"""`sketch estimate` as a user runs it: text and json, conventions from pyproject and flags."""

# ruff: noqa: RUF001  (the expected derivations use the multiplication sign)

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sketch.estimating import FigureName
from tests.helpers.cli import Sketch

DESIGN = """\
from sketch import Design, ItemSize, Requirements, Scale

design = Design(
    name="shortener",
    requirements=Requirements(
        in_scope=["Shorten a URL", "Redirect to the long URL"],
        scale=Scale(dau=10_000_000, write_name="short URL", writes_per_user_per_day=1,
                    read_write_ratio=100, item_sizes=[ItemSize(name="record", bytes=500)]),
        availability="99.9%",
    ),
)
"""


@pytest.fixture
def shortener(tmp_path: Path) -> Path:
    path = tmp_path / "shortener.py"
    path.write_text(DESIGN, encoding="utf-8")
    return path


def test_text_fills_in_the_template(sketch: Sketch, repo_root: Path) -> None:
    result = sketch("estimate", str(repo_root / "designs" / "twitter.py"))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Design Twitter: requirements and estimates\n")
    for heading in ("FUNCTIONAL REQUIREMENTS", "NON-FUNCTIONAL REQUIREMENTS", "ESTIMATES"):
        assert f"┌─ {heading}" in out
    for line in (
        "│   - Direct messaging",
        "│   - 200M DAU",
        "│   - 463K reads/s, 4.6K tweets/s (peak: 1.4M reads/s, 14K tweets/s)",
        "│   - 110 TB storage per year",
        "│   - < 200 ms (p99): timeline read (flows: Get timeline)",
        "│   - eventual for timeline (stale by up to a few seconds)",
        "│   - 99.99% uptime (≈ 53 min of downtime a year)",
        "│   - 200M users × 2 tweets/day = 400M tweets/day",
        "│   - text: 400M tweets/day × 280 chars × 2 B = 224 GB/day",
        "│   - per year: 300 GB/day × 365 days ≈ 110 TB/year",
        "│   - app servers: needs scale.capacity.qps_per_server "
        "(requests/s one app server handles)",
    ):
        assert f"\n{line}\n" in out, line
    # Each step once, although every figure carries its whole derivation.
    assert out.count("200M users × 2 tweets/day = 400M tweets/day") == 1


def test_json_has_every_figure_with_exact_and_human_values(sketch: Sketch, shortener: Path) -> None:
    result = sketch("estimate", str(shortener), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data["figures"]) == list(FigureName)
    writes = data["figures"]["writes_per_second"]
    assert writes["value"] == pytest.approx(10_000_000 / 86_400)
    assert (writes["unit"], writes["text"]) == ("/s", "116/s")
    assert writes["steps"][-1] == "10M short URLs/day ÷ 86,400 s ≈ 116 short URLs/s"
    assert data["figures"]["peak_writes_per_second"] is None
    assert any(
        m.startswith("peak writes per second: needs scale.peak_factor") for m in data["missing"]
    )
    assert data["requirements"]["availability"] == 99.9
    assert data["conventions"] == {
        "seconds_per_day": 86_400,
        "days_per_year": 365,
        "month": "30d",
        "year": "365 days",
        "units": "decimal",
    }


def test_same_design_same_bytes(sketch: Sketch, shortener: Path) -> None:
    for fmt in ("text", "json"):
        first = sketch("estimate", str(shortener), "-f", fmt).output
        assert sketch("estimate", str(shortener), "-f", fmt).output == first
        assert str(shortener.parent) not in first


def test_pyproject_conventions_apply_and_flags_win(sketch: Sketch, shortener: Path) -> None:
    (shortener.parent / "pyproject.toml").write_text(
        '[tool.sketch.estimate]\nunits = "binary"\nmonth = "2.5Ms"\n', encoding="utf-8"
    )
    configured = sketch("estimate", str(shortener))
    assert configured.exit_code == 0, configured.output
    assert "per month: 4.7 GiB/day ÷ 86,400 s × 2.5M s ≈ 135 GiB/month" in configured.output
    flagged = sketch("estimate", str(shortener), "--units", "decimal", "--month", "30d")
    assert "per month: 5 GB/day × 30 days = 150 GB/month" in flagged.output


def test_a_bad_setting_is_a_usage_error_naming_the_key(sketch: Sketch, shortener: Path) -> None:
    (shortener.parent / "pyproject.toml").write_text(
        '[tool.sketch.estimate]\nunit = "binary"\n', encoding="utf-8"
    )
    result = sketch("estimate", str(shortener))
    assert result.exit_code == 2
    assert (
        ":2: [tool.sketch.estimate.unit]: unknown setting (did you mean 'units'?)" in result.output
    )
    assert "Traceback" not in result.output


def test_a_bad_flag_and_a_missing_file_are_usage_errors(
    sketch: Sketch, shortener: Path, tmp_path: Path
) -> None:
    assert sketch("estimate", str(shortener), "--units", "metric").exit_code == 2
    missing = sketch("estimate", str(tmp_path / "nope.py"))
    assert missing.exit_code == 2
    assert "no such file" in missing.output


def test_a_design_without_scale_says_what_to_add(sketch: Sketch, tmp_path: Path) -> None:
    path = tmp_path / "bare.py"
    path.write_text('from sketch import Design\ndesign = Design(name="bare")\n', encoding="utf-8")
    result = sketch("estimate", str(path))
    assert result.exit_code == 0
    assert "every figure: needs requirements.scale" in result.output
    assert "│   (none given)" in result.output


def test_the_installed_command(repo_root: Path, sketch_command: list[str]) -> None:
    done = subprocess.run(
        [*sketch_command, "estimate", "designs/twitter.py", "--format", "json"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["figures"]["storage_per_year"]["text"] == "110 TB/year"


def test_estimates_import_no_renderer_and_no_cli(sketch_command: list[str]) -> None:
    code = (
        "import sys, sketch.estimating; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'diagrams', 'graphviz', 'typer', 'rich', 'yaml'}))"
    )
    done = subprocess.run(
        [sketch_command[0], "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_json_reports_mismatches_with_both_numbers(sketch: Sketch, tmp_path: Path) -> None:
    path = tmp_path / "declared.py"
    path.write_text(
        DESIGN.replace(
            "writes_per_user_per_day=1,", "writes_per_user_per_day=1, writes_per_second=1_000,"
        ),
        encoding="utf-8",
    )
    result = sketch("estimate", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    [mismatch] = json.loads(result.output)["mismatches"]
    assert mismatch["figure"] == "writes_per_second"
    assert mismatch["declared"] == 1_000
    assert mismatch["derived"] == pytest.approx(10_000_000 / 86_400)
    assert mismatch["path"] == "requirements.scale.writes_per_second"
    assert mismatch["message"].startswith("declared writes per second 1K/s is 8.6x higher than")
