"""Machine formats: SARIF 2.1.0 valid against its schema, GitHub annotations escaped."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]

from sketch.errors import relative_path
from sketch.linting import REGISTRY
from sketch.linting.report import escape_data, escape_property
from tests.helpers.cli import Sketch
from tests.linting.helpers import DATA, WEAK, DesignFile

# The official schema as Microsoft ships it (npm @microsoft/jest-sarif 1.0.0-beta.0, MIT):
# SARIF 2.1.0 rtm.5, the version OASIS published as the 2.1.0 standard.
SCHEMA = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def _validate(log: object) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_and_complete(sketch: Sketch, design_file: DesignFile) -> None:
    suppressed = design_file(
        "design = clean_design(\n"
        '    bottlenecks=[], suppress=[Suppression(code="D301", reason="later")]\n'
        ")\n"
    )
    result = sketch("lint", "--format", "sarif", WEAK, suppressed)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    _validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in REGISTRY]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = run["results"]
    assert len(results) == 32
    d303 = next(r for r in results if r["ruleId"] == "D303")
    assert rules[d303["ruleIndex"]]["id"] == "D303"
    assert d303["level"] == "error"
    location = d303["locations"][0]
    DB_LINE = _line_of('name="db"')
    assert location["physicalLocation"]["artifactLocation"]["uri"] == (
        "tests/linting/data/weak_design.py"
    )
    assert location["physicalLocation"]["region"]["startLine"] == DB_LINE
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "weak-shop.components[2]"
    [quiet] = [r for r in results if "suppressions" in r]
    assert quiet["suppressions"] == [{"kind": "inSource", "justification": "later"}]
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    prints = [r["partialFingerprints"]["sketchFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)  # one alert per finding
    assert all("**Why it matters**" in r["help"]["markdown"] for r in rules)


def test_sarif_of_a_clean_design_is_valid(sketch: Sketch, repo_root: Path) -> None:
    log = json.loads(sketch("lint", "--format", "sarif", repo_root / "designs/twitter.py").stdout)
    _validate(log)
    assert log["runs"][0]["results"] == []


def test_github_annotations(sketch: Sketch) -> None:
    result = sketch("lint", "--format", "github", WEAK)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 31
    d303 = next(line for line in lines if "D303" in line)
    DB_LINE = _line_of('name="db"')
    assert d303 == (
        f"::error file=tests/linting/data/weak_design.py,line={DB_LINE},"
        "title=D303 single-point-of-failure::database 'db' is a single point of failure: one "
        "instance (~99.5%25 up) on the request path of 'Place an order'; the target is 99.99%25 "
        "(at components[2])%0Ahelp: run two or more instances, or add "
        "a replica (`instances=2` or `replicas=1`)"
    )
    assert {line.split(" ", 1)[0] for line in lines} == {"::error", "::warning", "::notice"}


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_escapes_user_text_in_messages(sketch: Sketch, design_file: DesignFile) -> None:
    path = design_file(
        'odd = DeepDive(topic="100% up,\\r\\nno: loss", problem="p 1", components=["db"],'
        ' approaches=[approach("A")], decision="d", justification="j")\n'
        'design = clean_design(deep_dives=[odd, dive("Ids")])\n',
        name="odd,name:1.py",
    )
    out = sketch("lint", "--format", "github", "--select", "X403", path).stdout
    [line] = out.splitlines()
    assert line.startswith("::warning file=")
    assert "odd%2Cname%3A1.py,line=" in line
    assert "deep dive '100%25 up,%0D%0Ano: loss' has 1 approach(es)" in line


def _line_of(text: str) -> int:
    return next(n for n, line in enumerate(WEAK.read_text().splitlines(), 1) if text in line)


def test_sarif_with_check_problems_is_valid(sketch: Sketch, design_file: DesignFile) -> None:
    path = design_file(
        "design = clean_design(\n"
        '    bottlenecks=[Bottleneck(title="t", problem="p", components=["dbb"])]\n'
        ")\n"
    )
    log = json.loads(sketch("lint", "--format", "sarif", path).stdout)
    _validate(log)
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("C301", "error")
    assert "ruleIndex" not in result  # check problems are not lint rules
    [note] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == (
        "photos: lint rules not run: fix the broken references first (C301)"
    )
    github = sketch("lint", "--format", "github", path).stdout.splitlines()
    assert github[-1] == (
        f"::warning file={escape_property(relative_path(path))},title=sketch lint::"
        "lint rules not run: fix the broken references first (C301)"
    )
