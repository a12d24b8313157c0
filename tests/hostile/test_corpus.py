"""The hostile-input corpus (corpus.yaml): every bad or hostile input gets a located error,
the right exit code, no traceback, and touches nothing it should not. See runner.py."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers.cli import Sketch
from tests.hostile.runner import Case, run_case

CORPUS = Path(__file__).with_name("corpus.yaml")


def _cases() -> list[Case]:
    data: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return [Case.from_data(item) for item in data]


CASES = _cases()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_the_corpus_is_big_and_covers_every_family() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "case ids are unique"
    assert len(CASES) >= 150
    families = Counter(case.family for case in CASES)
    for family in (
        "outputs",
        "python-box",
        "numbers",
        "injection",
        "exit-codes",
        "messages",
        "embed",
        "model",
    ):
        assert families[family] >= 5, families


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case, sketch: Sketch, tmp_path: Path) -> None:
    if case.root and not IS_ROOT:
        pytest.skip("needs root (device nodes); CI runs as root")
    wrong = run_case(case, sketch, tmp_path)
    assert not wrong, "\n".join(wrong)
