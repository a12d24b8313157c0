"""Rule documentation: thresholds documented, and docs/rules/README.md up to date."""

from __future__ import annotations

from pathlib import Path

from sketch.linting import REGISTRY
from sketch.linting.docs import catalogue_markdown
from sketch.linting.settings import Thresholds
from tests.helpers.cli import Sketch


def test_every_threshold_is_read_by_a_rule_and_named_in_its_doc() -> None:
    used = {name for rule in REGISTRY for name in rule.thresholds}
    assert used == set(Thresholds.model_fields)
    for rule in REGISTRY:
        for name in rule.thresholds:
            assert f"`{name}`" in rule.doc, f"{rule.code} reads {name} but its doc never says so"
    for name, field in Thresholds.model_fields.items():
        assert field.description, f"threshold {name} is undocumented"


def test_rule_prints_its_thresholds(sketch: Sketch) -> None:
    out = sketch("rule", "D324").stdout
    assert "\nThresholds ([tool.sketch.lint.thresholds] in pyproject.toml):\n" in out
    assert "    over_provisioned_factor = 4: Declared nodes above this many times" in out


def test_docs_rules_catalogue_is_current(repo_root: Path, sketch: Sketch) -> None:
    committed = (repo_root / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    generated = sketch("rules", "--format", "markdown").stdout
    assert generated == catalogue_markdown(REGISTRY)
    assert committed == generated, (
        "docs/rules/README.md is stale: run `sketch rules --format markdown > docs/rules/README.md`"
    )
    for rule in REGISTRY:
        assert f"### {rule.code} {rule.name}" in committed
