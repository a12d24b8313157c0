"""`sketch lint` as a ruff user expects it: concise and full output, statistics, extend-* and
per-file-ignores settings, typos caught with the closest key, the pre-commit hook."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.helpers.cli import Sketch
from tests.linting.helpers import WEAK

CONCISE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[RADXC]\d{3}) \[")


def test_concise_is_one_line_per_finding_with_a_column(sketch: Sketch) -> None:
    result = sketch("lint", WEAK, "--output-format", "concise")
    lines = result.stdout.splitlines()
    findings, summary = lines[:-1], lines[-1]
    total = len(json.loads(sketch("lint", WEAK, "-f", "json").stdout)["findings"])
    assert summary.startswith(f"Found {total} findings in 1 design")
    assert len(findings) == total
    source = WEAK.read_text(encoding="utf-8").splitlines()
    for line in findings:
        match = CONCISE.match(line)
        assert match, line
        text = source[int(match["line"]) - 1]
        column = int(match["col"])
        # the column is where the declaration's text starts on that line
        assert text[column - 1] != " " and not text[: column - 1].strip()


def test_full_and_show_source_print_the_line_with_a_caret(sketch: Sketch) -> None:
    full = sketch("lint", WEAK, "-f", "full").stdout
    assert full == sketch("lint", WEAK, "--show-source").stdout
    lines = full.splitlines()
    head = next(i for i, line in enumerate(lines) if " A210 [error] " in line)
    number = int(lines[head].split(":")[1])
    frame = lines[head + 3 : head + 6]  # after `at:` and `help:`
    source = WEAK.read_text(encoding="utf-8").splitlines()[number - 1]
    assert frame[1] == f"   {number} | {source.rstrip()}"
    caret = frame[2].index("^") - frame[1].index("|") - 2
    assert source[caret] == "A" and not source[:caret].strip()  # under `Api(method="DELETE"`


def test_statistics_count_findings_per_rule(sketch: Sketch) -> None:
    stats = sketch("lint", WEAK, "--statistics")
    rows = [line.split() for line in stats.stdout.splitlines()]
    total = len(json.loads(sketch("lint", WEAK, "-f", "json").stdout)["findings"])
    assert sum(int(row[0]) for row in rows) == total
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(re.fullmatch(r"[RADXC]\d{3}", row[1]) for row in rows)
    assert stats.exit_code == 1  # statistics change the output, not the verdict


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "drafts").mkdir()
    shutil.copy(WEAK, tmp_path / "drafts" / "weak.py")
    shutil.copy(WEAK, tmp_path / "weak.py")
    return tmp_path


def codes(text: str) -> set[str]:
    return {m["code"] for line in text.splitlines() if (m := CONCISE.match(line))}


def test_extend_ignore_and_per_file_ignores(sketch: Sketch, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.sketch.lint]\n"
        'select = ["D3", "X4"]\n'
        'extend-select = ["R102"]\n'
        'extend-ignore = ["D304"]\n'
        'per-file-ignores = { "drafts/*" = ["X4"], "weak.py" = ["D301"] }\n',
        encoding="utf-8",
    )
    top = codes(sketch("lint", project / "weak.py", "-f", "concise").stdout)
    draft = codes(sketch("lint", project / "drafts" / "weak.py", "-f", "concise").stdout)
    assert "R102" in top and "D304" not in top  # extend-select adds, extend-ignore drops
    assert "D301" not in top and "D301" not in draft  # a pattern without `/`: any folder
    assert any(c.startswith("X4") for c in top)
    assert not any(c.startswith("X4") for c in draft) and "D303" in draft
    extra = codes(
        sketch("lint", project / "weak.py", "-f", "concise", "--extend-select", "A2").stdout
    )
    assert any(c.startswith("A2") for c in extra)


def test_a_misspelt_setting_names_its_line_and_the_closest_key(
    sketch: Sketch, project: Path
) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.sketch.lint]\nselect = ["ALL"]\nextend-ignroe = ["D304"]\n', encoding="utf-8"
    )
    result = sketch("lint", project / "weak.py")
    assert result.exit_code == 2
    assert "pyproject.toml:3: [tool.sketch.lint.extend-ignroe]: unknown setting" in result.stderr
    assert "(did you mean 'extend-ignore'?)" in result.stderr


def test_a_load_error_comes_before_the_summary(sketch: Sketch, tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("design = (\n", encoding="utf-8")
    result = sketch("lint", WEAK, bad, "-f", "concise")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    error = next(i for i, line in enumerate(lines) if "syntax error" in line)
    summary = next(i for i, line in enumerate(lines) if line.startswith("Found "))
    assert error < summary == len(lines) - 1
    assert "; 1 design could not be loaded (the error is above)." in lines[summary]


@pytest.mark.parametrize("others", [[], [WEAK]], ids=["alone", "beside a design"])
def test_a_design_that_did_not_load_is_never_all_clear(
    sketch: Sketch, tmp_path: Path, others: list[Path]
) -> None:
    result = sketch("lint", tmp_path / "missing.py", *others)
    assert result.exit_code == 2
    assert "missing.py: no such file" in result.stderr
    last = result.stdout.splitlines()[-1]
    assert "All clear" not in result.stdout
    assert last.startswith("Nothing linted" if not others else "Found ")
    assert last.endswith("1 design could not be loaded (the error is above).")


def test_the_pre_commit_hooks_run_as_declared(
    sketch: Sketch, repo_root: Path, tmp_path: Path
) -> None:
    hooks = {
        h["id"]: h
        for h in yaml.safe_load((repo_root / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    assert {"sketch-embed", "sketch-lint", "sketch-check"} <= set(hooks)
    files = re.compile(hooks["sketch-lint"]["files"])
    assert files.search("designs/twitter.py") and files.search("notes/designs/x.yaml")
    assert not files.search("src/sketch/cli/__init__.py")
    assert re.search(hooks["sketch-lint"]["exclude"], "designs/_sketch.schema.json")
    for hook in ("sketch-lint", "sketch-check"):
        program, *args = hooks[hook]["entry"].split()
        assert program == "sketch"
        result = sketch(*args, repo_root / "designs" / "twitter.py")
        assert result.exit_code == 0, result.output
