"""Where each object was declared: the right line, in linear time, however long the file."""

from __future__ import annotations

from pathlib import Path

from sketch.loading import load_design


def _long_design(count: int) -> str:
    """One `Design(...)` expression declaring `count` components, some over several lines,
    and one built by a helper function (a second code object)."""
    lines = ["from sketch import Component, Design", "", "def helper():"]
    lines += ["    return Component(name='helped', kind='service')", "", "design = Design("]
    lines += ["    name='long',", "    components=["]
    for index in range(count):
        if index % 3:
            lines.append(f"        Component(name='c{index}', kind='service'),")
        else:  # the call spans lines: its line is the one the call starts on
            lines += ["        Component(", f"            name='c{index}',"]
            lines += ["            kind='cache',", "        ),"]
    lines += ["        helper(),", "    ],", ")", ""]
    return "\n".join(lines)


def test_every_object_of_a_long_file_gets_the_line_it_was_written_on(tmp_path: Path) -> None:
    path = tmp_path / "long.py"
    text = _long_design(400)
    path.write_text(text, encoding="utf-8")
    design = load_design(path).design
    source_lines = text.splitlines()
    for component in design.components:
        assert component.source is not None
        assert component.source.file == str(path)
        assert component.source.line is not None
        line = component.source.line
        written = source_lines[line - 1]
        if component.name == "helped":
            assert "return Component(name='helped'" in written
        elif f"name='{component.name}'" in written:
            assert written.strip().startswith("Component(name=")
        else:  # a call over several lines: the next line names it
            assert written.strip() == "Component("
            assert f"name='{component.name}'" in source_lines[line]
    # loading it again (as `sketch watch` does) gives the same lines from a new code object
    again = load_design(path).design
    assert [c.source for c in again.components] == [c.source for c in design.components]
