"""The table of figures: one member per figure, each with its label and whiteboard section."""

from __future__ import annotations

from itertools import groupby

from sketch.estimating import FigureName


def test_each_member_is_its_own_json_key_and_has_a_label() -> None:
    for name in FigureName:
        assert name == name.name == name.value
        assert name.label and name.label[0].isupper()
    assert len({name.label for name in FigureName}) == len(FigureName)


def test_a_section_lists_its_figures_together_in_whiteboard_order() -> None:
    # Reports group the derivation by section with groupby: a section must not come back.
    sections = [group for group, _ in groupby(FigureName, key=lambda name: name.group)]
    assert sections == ["Writes", "Reads", "Storage", "Bandwidth", "Cache", "Capacity"]
