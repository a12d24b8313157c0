"""`sketch rule CODE` says where the rule is written, so a newcomer finds it in one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from sketch.linting import REGISTRY, Rule
from sketch.linting.docs import rule_source, rule_text


@pytest.mark.parametrize("rule", list(REGISTRY), ids=lambda r: r.code)
def test_each_rule_names_the_file_and_line_it_is_written_on(rule: Rule, repo_root: Path) -> None:
    file, line = rule_source(rule).rsplit(":", 1)
    source = (repo_root / "src" / file).read_text(encoding="utf-8").splitlines()
    assert source[int(line) - 1].lstrip().startswith("@rule(")
    assert f'"{rule.code}"' in "\n".join(source[int(line) - 1 : int(line) + 2])
    assert f"defined in: src/{file}:{line}\n" in rule_text(rule)
