"""`[tool.sketch.lint]` in pyproject.toml: selection, severities, thresholds, typos."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import Sketch
from tests.linting.helpers import WEAK, DesignFile


def _project(tmp_path: Path, table: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.sketch.lint]\n{table}\n", encoding="utf-8")
    return Path(shutil.copy(WEAK, tmp_path / "weak.py"))


def _codes(text: str) -> set[str]:
    return set(re.findall(r": ([RADXC]\d{3}) \[", text))


def test_configured_select_ignore_and_severity(sketch: Sketch, tmp_path: Path) -> None:
    design = _project(
        tmp_path,
        'select = ["D3", "X401"]\nignore = ["D32"]\n'
        'severity = { D301 = "warning", X401 = "info", D303 = "warning" }',
    )
    result = sketch("lint", design)
    assert _codes(result.stdout) == {"D301", "D303", "D304", "D305", "D313", "X401"}
    assert " D301 [warning] " in result.stdout and " X401 [info] " in result.stdout
    assert result.exit_code == 0  # every remaining finding was lowered below error
    # the command line's --select replaces the configured one; --ignore adds to it
    cli = sketch("lint", "--select", "X4", "--ignore", "X408", design)
    assert _codes(cli.stdout) == {"X401", "X403", "X404", "X405", "X407"}


def test_thresholds(sketch: Sketch, tmp_path: Path) -> None:
    design = _project(
        tmp_path, "thresholds = { deep_dives = 1, min_flows = 1, read_heavy_ratio = 100 }"
    )
    result = sketch("lint", "--select", "X401,D305,D304", design)
    assert result.exit_code == 0
    assert _codes(result.stdout) == set()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'selct = ["D3"]',
            ":2: [tool.sketch.lint.selct]: unknown setting (did you mean 'select'?)",
        ),
        ('ignore = ["D399"]', "unknown rule code or prefix 'D399'"),
        ('severity = { D399 = "error" }', "unknown rule code or prefix 'D399'"),
        ('severity = { D301 = "fatal" }', "[tool.sketch.lint.severity.D301]"),
        ("thresholds = { deep_dive = 3 }", "[tool.sketch.lint.thresholds.deep_dive]"),
        ("thresholds = { deep_dives = 0 }", "[tool.sketch.lint.thresholds.deep_dives]"),
    ],
)
def test_bad_settings_are_usage_errors(
    sketch: Sketch, tmp_path: Path, table: str, message: str
) -> None:
    result = sketch("lint", _project(tmp_path, table))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "pyproject.toml" in result.stderr


def test_lint_does_not_import_the_rendering_stack(repo_root: Path) -> None:
    """`sketch lint` must start fast: no diagrams, no graphviz (checked with -X importtime)."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "sketch",
            "lint",
            str(repo_root / "designs" / "twitter.py"),
        ],
        capture_output=True,
        text=True,
        cwd=repo_root,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "sketch.linting.rules.high_level" in imported  # the probe sees lint's own modules
    heavy = sorted(m for m in imported if m.split(".")[0] in {"diagrams", "graphviz", "yaml"})
    assert heavy == []


def test_capacity_rules_use_the_projects_estimate_conventions(
    sketch: Sketch, design_file: DesignFile, tmp_path: Path
) -> None:
    # 31M writes a day at 3x peak: 1,076/s with 86,400 s a day, 930/s with 100,000, on one
    # primary that takes ~1K writes/s.
    path = design_file(
        "design = busy_design(replicas=0).model_copy(update={'requirements': requirements("
        "scale=scale(dau=31_000_000, writes_per_user_per_day=1, read_write_ratio=1))})\n"
    )
    assert " D321 [error] " in sketch("lint", "--select", "D321", path).stdout
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sketch.estimate]\nseconds_per_day = 100000\n", encoding="utf-8"
    )
    assert sketch("lint", "--select", "D321", path).exit_code == 0
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sketch.estimate]\nseconds_per_dya = 100000\n", encoding="utf-8"
    )
    bad = sketch("lint", path)
    assert bad.exit_code == 2
    assert "seconds_per_dya" in bad.stderr


def test_load_rules_use_the_projects_capacity_figures(
    sketch: Sketch, design_file: DesignFile, tmp_path: Path
) -> None:
    # 1,076 peak writes/s on one PostgreSQL primary: over ~1K, within a measured 2K.
    path = design_file(
        "design = busy_design(replicas=0).model_copy(update={'requirements': requirements("
        "scale=scale(dau=31_000_000, writes_per_user_per_day=1, read_write_ratio=1))})\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sketch.capacity.PostgreSQL]\nwrites_per_second = 2000\n", encoding="utf-8"
    )
    assert sketch("lint", "--select", "D321", path).exit_code == 0
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sketch.capacity.PostgreSQL]\nwrites_per_secnd = 2000\n", encoding="utf-8"
    )
    bad = sketch("lint", path)
    assert bad.exit_code == 2
    assert "writes_per_secnd" in bad.stderr


def test_the_retired_database_threshold_is_refused(sketch: Sketch, tmp_path: Path) -> None:
    # D308's threshold is gone: a node's figures are [tool.sketch.capacity] now, and a
    # threshold nothing reads must not pass silently.
    design = _project(tmp_path, "thresholds = { single_database_qps = 20000 }")
    result = sketch("lint", design)
    assert result.exit_code == 2
    assert "single_database_qps" in result.stderr
