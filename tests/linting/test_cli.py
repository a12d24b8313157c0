"""`sketch lint`, `sketch rules`, `sketch rule`: output, selection, suppression, exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sketch.errors import Severity
from sketch.linting import REGISTRY, Hit, Rule
from sketch.linting.registry import FrameworkStep
from tests.helpers.cli import Sketch
from tests.helpers.paths import committed_designs
from tests.linting.helpers import WEAK, DesignFile


def codes_in(text: str) -> set[str]:
    return set(re.findall(r": ([RADXC]\d{3}) \[", text))


def test_twitter_lints_clean(sketch: Sketch, repo_root: Path) -> None:
    result = sketch("lint", repo_root / "designs" / "twitter.py")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "All clear: 1 design linted, no findings.\n"


def test_weak_design_prints_located_findings_with_help(sketch: Sketch) -> None:
    result = sketch("lint", WEAK)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "tests/linting/data/weak_design.py: design 'weak-shop'"
    source = WEAK.read_text().splitlines()
    d301 = next(line for line in lines if " D301 [error] " in line)
    file, line = re.match(r"^(.*?):(\d+): ", d301).groups()  # type: ignore[union-attr]
    assert file == "tests/linting/data/weak_design.py"
    assert source[int(line) - 1].startswith("design = Design(")
    a210 = lines.index(next(x for x in lines if " A210 [error] " in x))
    assert source[int(lines[a210].split(":")[1]) - 1].strip().startswith('Api(method="DELETE"')
    assert lines[a210 + 1] == "  at: apis[4].auth"
    assert lines[a210 + 2] == "  help: require authentication: `Api(..., auth=True)`"
    assert {"D301", "D303", "D304", "D320", "D321", "X401", "R102"} <= codes_in(result.stdout)
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert lines[-1].startswith("Found 31 findings in 1 design: 8 errors, 17 warnings, 6 info")


def test_exit_zero_and_warning_only(sketch: Sketch) -> None:
    assert sketch("lint", "--exit-zero", WEAK).exit_code == 0
    warnings_only = sketch("lint", "--select", "R102,D304", WEAK)
    assert warnings_only.exit_code == 0
    assert codes_in(warnings_only.stdout) == {"R102", "D304"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "X4"], {"X401", "X403", "X404", "X405", "X407", "X408"}),
        (["--select", "X4", "--ignore", "X408,X407"], {"X401", "X403", "X404", "X405"}),
        (["--select", "D301", "--select", "no-decision"], {"D301", "X405"}),
        (
            ["--select", "D3", "--ignore", "single-point-of-failure"],
            {"D301", "D304", "D305", "D313", "D320", "D321"},
        ),
    ],
)
def test_select_and_ignore(sketch: Sketch, args: list[str], expected: set[str]) -> None:
    result = sketch("lint", *args, WEAK)
    assert codes_in(result.stdout) == expected


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_is_a_usage_error(sketch: Sketch, option: str) -> None:
    result = sketch("lint", option, "D399", WEAK)
    assert result.exit_code == 2
    assert "unknown rule code or prefix 'D399'" in result.stderr
    assert result.stdout == ""


def test_suppression_per_design_and_per_object(sketch: Sketch, design_file: DesignFile) -> None:
    path = design_file("""
        db = Component(name="db", kind="database", technology="PostgreSQL", suppress=[
            Suppression(code="D303", reason="managed database with automatic failover")])
        design = clean_design(
            bottlenecks=[],
            components=components(db=db),
            suppress=[Suppression(code="D3", reason="bottlenecks are covered in the notes")],
        )
    """)
    quiet = sketch("lint", path)
    assert quiet.exit_code == 0
    assert quiet.stdout.endswith(
        "All clear: 1 design linted, no findings; 3 suppressed (--show-suppressed lists them).\n"
    )
    shown = sketch("lint", "--show-suppressed", path).stdout
    assert "D301 [error] no bottlenecks identified" in shown
    assert "  suppressed: bottlenecks are covered in the notes" in shown
    assert "  suppressed: managed database with automatic failover" in shown


def test_suppression_needs_a_reason(sketch: Sketch, design_file: DesignFile) -> None:
    path = design_file('design = clean_design(suppress=[Suppression(code="D301")])\n')
    result = sketch("lint", path)
    assert result.exit_code == 2
    assert "reason" in result.stderr and "required field is missing" in result.stderr


def test_suppression_of_an_unknown_code_is_an_error(
    sketch: Sketch, design_file: DesignFile
) -> None:
    path = design_file(
        'design = clean_design(suppress=[Suppression(code="D399", reason="typo")])\n'
    )
    result = sketch("lint", path)
    assert result.exit_code == 2
    assert "suppression of unknown rule 'D399' at suppress[0]" in result.stderr


def test_check_problems_are_errors_and_hold_the_rules_back(
    sketch: Sketch, design_file: DesignFile
) -> None:
    path = design_file("""
        design = clean_design(bottlenecks=[Bottleneck(title="t", problem="p", components=["dbb"])])
    """)
    result = sketch("lint", path)
    assert result.exit_code == 1
    assert codes_in(result.stdout) == {"C301"}
    assert "note: lint rules not run: fix the broken references first (C301)" in result.stdout


def test_json_output(sketch: Sketch) -> None:
    result = sketch("lint", "--format", "json", WEAK)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {
        "designs": 1,
        "error": 8,
        "warning": 17,
        "info": 6,
        "suppressed": 0,
    }
    assert document["designs"] == [
        {"file": "tests/linting/data/weak_design.py", "design": "weak-shop", "rules_skipped": None}
    ]
    first = document["findings"][0]
    assert set(first) == {
        "design",
        "design_file",
        "code",
        "name",
        "severity",
        "message",
        "help",
        "path",
        "file",
        "line",
        "suppressed",
        "suppression_reason",
    }
    d303 = next(f for f in document["findings"] if f["code"] == "D303")
    assert (d303["name"], d303["path"], d303["severity"]) == (
        "single-point-of-failure",
        "components[2]",
        "error",
    )
    assert sketch("lint", "--format", "json", WEAK).stdout == result.stdout  # deterministic


def test_crashing_rule_is_an_internal_error_naming_it(sketch: Sketch) -> None:
    with _extra_rule() as code:
        result = sketch("lint", WEAK)
        assert result.exit_code == 3
        assert f"rule {code} (always-crashes) crashed: ZeroDivisionError" in result.stderr
        assert "weak_design.py" in result.stderr
        assert "Traceback" not in result.stderr
        ignored = sketch("lint", "--ignore", code, "--select", "D301", WEAK)
        assert ignored.exit_code == 1


class _extra_rule:
    """Registers a crashing rule in the default registry for the duration of a test."""

    code = "X499"

    def __enter__(self) -> str:
        def always_crashes(ctx: object) -> Iterator[Hit]:
            """Crashes."""
            yield Hit("", str(1 / 0))

        REGISTRY.add(
            Rule(
                self.code,
                "always-crashes",
                Severity.info,
                FrameworkStep.deep_dives,
                "none",
                always_crashes,
            )
        )
        return self.code

    def __exit__(self, *exc: object) -> None:
        REGISTRY.remove(self.code)


def test_rules_lists_every_rule(sketch: Sketch) -> None:
    text = sketch("rules")
    assert text.exit_code == 0
    assert [line.split()[0] for line in text.stdout.splitlines()] == [r.code for r in REGISTRY]
    assert "D301  no-bottlenecks " in text.stdout
    listed = json.loads(sketch("rules", "--format", "json").stdout)
    assert len(listed) == len(REGISTRY)
    assert listed[0] == {
        "code": "R101",
        "name": "no-functional-requirements",
        "severity": "error",
        "step": "requirements",
        "summary": "The design lists no in-scope features.",
        "thresholds": [],
    }


@pytest.mark.parametrize("name", ["D301", "d301", "no-bottlenecks"])
def test_rule_explains_itself(sketch: Sketch, name: str) -> None:
    result = sketch("rule", name)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("D301 no-bottlenecks [error] step: high-level-design\n")
    for section in ("What it checks:", "Why it matters:", "Bad:", "Fix:", "help: "):
        assert f"\n{section}" in out


def test_unknown_rule_is_a_usage_error(sketch: Sketch) -> None:
    result = sketch("rule", "D399")
    assert result.exit_code == 2
    assert "no rule 'D399'" in result.stderr


def test_colour_only_on_a_terminal() -> None:
    from pathlib import Path

    import typer

    from sketch.linting.report import text
    from sketch.linting.run import Linter, Options

    report = Linter(Options(select=("D301",))).lint_file(Path(WEAK))
    coloured = text([report], style=typer.style)
    plain = text([report])
    assert "\x1b[31m" in coloured and "\x1b[" not in plain
    assert plain == "\n".join(
        [
            "tests/linting/data/weak_design.py: design 'weak-shop'",
            f"tests/linting/data/weak_design.py:{_design_line()}: "
            "D301 [error] no bottlenecks identified",
            "  at: bottlenecks",
            "  help: name what breaks first: `bottlenecks=[Bottleneck(title=..., problem=..., "
            "solution=...)]`",
            "",
            "Found 1 finding in 1 design: 1 error.",
            "",
        ]
    )


def _design_line() -> int:
    lines = WEAK.read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("design = Design("))


def test_every_example_design_lints_without_errors(sketch: Sketch) -> None:
    """The committed designs/ are the product's showcase: no error may stand (warnings may)."""
    result = sketch("lint", *committed_designs())
    assert result.exit_code == 0, result.stdout


def test_limit_problems_are_errors_but_the_rules_still_run(
    sketch: Sketch, design_file: DesignFile
) -> None:
    path = design_file("design = clean_design(entities=entities()[:2], bottlenecks=[])\n")
    result = sketch("lint", path)
    assert result.exit_code == 1
    assert codes_in(result.stdout) == {"C101", "D301"}
    assert "note:" not in result.stdout


def test_debug_shows_the_crashing_rule_traceback(sketch: Sketch) -> None:
    with _extra_rule() as code:
        result = sketch("--debug", "lint", "--select", code, WEAK)
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_yaml_designs_are_located_in_the_yaml(sketch: Sketch, tmp_path: Path) -> None:
    data = tmp_path / "weak.yaml"
    assert sketch("convert", WEAK, "-o", data).exit_code == 0
    result = sketch("lint", "--select", "D303", data)
    assert result.exit_code == 1
    d303 = next(line for line in result.stdout.splitlines() if " D303 " in line)
    line = int(d303.split(":")[1])
    yaml_lines = data.read_text(encoding="utf-8").splitlines()
    assert "db" in yaml_lines[line - 1], (line, yaml_lines[line - 3 : line + 1])


def test_a_design_that_does_not_load_is_reported_and_the_others_still_linted(
    sketch: Sketch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("design = (\n")
    result = sketch("lint", "--format", "json", "--exit-zero", broken, WEAK)
    assert result.exit_code == 2  # a load error, even with --exit-zero
    assert "syntax error" in result.stderr
    document = json.loads(result.stdout)  # stdout stays a valid report of the others
    assert len(document["designs"]) == 1
