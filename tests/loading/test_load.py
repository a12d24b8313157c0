"""Loading design files: every way a file can be wrong gives one located, readable error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sketch.loading import LoadError, load_design
from tests.helpers.cli import Sketch

GOOD = """\
from sketch import Design

design = Design(name="tiny")
"""


def write(tmp_path: Path, text: str, name: str = "d.py") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "line", "what", "detail"),
    [
        ("from sketch import Design\ndesign = Design(name='x'\n", 2, "syntax error", "^"),
        ("import no_such_module_here\n", 1, "ModuleNotFoundError", "no_such_module_here"),
        ("design = Design(name='x')\n", 1, "NameError", "Design"),
        (
            "from sketch import Design\n\ndesign = Design(nme='x')\n",
            3,
            "invalid Design",
            "unknown field 'nme' (did you mean 'name'?)",
        ),
        (
            "from sketch import Component\nc = Component(name='db', kind='databse')\n",
            2,
            "invalid Component",
            "kind: Input should be",
        ),
        (
            "from sketch import Design, Entity, Field\n"
            "design = Design(name='x', entities=[Entity(name='A', fields=[\n"
            "    dict(name='id', type='INT', primry_key=True)])])\n",
            2,
            "invalid Entity: 1 problem",
            "fields[0].primry_key: unknown field 'primry_key' (did you mean 'primary_key'?)",
        ),
        ("x = 1\n", None, "no design found", "design = Design"),
        (
            "from sketch import Design\na = Design(name='a')\nb = Design(name='b')\n",
            None,
            "2 designs found (a, b)",
            "name the one",
        ),
        ("design = 42\n", None, "`design` is a int", "design = Design"),
        ("raise RuntimeError('boom')\n", 1, "RuntimeError while running the design: boom", ""),
    ],
)
def test_load_errors_say_where_and_what(
    tmp_path: Path, text: str, line: int | None, what: str, detail: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(LoadError) as caught:
        load_design(path)
    error = caught.value
    assert error.line == line
    message = str(error)
    assert message.startswith(f"{path}:{line}: " if line else f"{path}: ")
    assert what in message
    assert detail in message
    assert "help:" in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("name", "what"), [("missing.py", "no such file"), ("d.txt", "unknown design file type")]
)
def test_paths_that_are_not_design_files(tmp_path: Path, name: str, what: str) -> None:
    if name.endswith(".txt"):
        write(tmp_path, "x", name)
    with pytest.raises(LoadError, match=what):
        load_design(tmp_path / name)
    with pytest.raises(LoadError, match="is a folder"):
        load_design(tmp_path)


def test_a_design_may_import_a_helper_beside_it(tmp_path: Path) -> None:
    write(tmp_path, "NAME = 'shared'\n", "helpers_for_design.py")
    path = write(
        tmp_path,
        "from sketch import Design\nfrom helpers_for_design import NAME\n"
        "design = Design(name=NAME)\n",
    )
    assert load_design(path).design.name == "shared"
    assert str(tmp_path) not in sys.path


def test_the_design_variable_wins_over_other_designs(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "other = Design(name='other')\n")
    assert load_design(path).design.name == "tiny"


def test_check_as_a_real_process_reports_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "from sketch import Design, Entity, Field\n"
        "design = Design(\n    name='x',\n"
        "    entities=[Entity(name='A', fields=[Field(name='id', type='INT',\n"
        "        references='B.id')])],\n)\n",
    )
    done = subprocess.run(
        [sys.executable, "-m", "sketch", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{path}:4: C302 foreign key 'B.id': no entity 'B'" in done.stdout
    assert done.stderr == ""


def test_check_goes_on_past_a_file_that_does_not_load(sketch: Sketch, tmp_path: Path) -> None:
    broken = write(tmp_path, "design = (\n", "broken.py")
    dangling = write(tmp_path, GOOD, "good.py")  # loads, but has no entities or APIs
    result = sketch("check", str(broken), str(dangling))
    assert result.exit_code == 2  # a load error outranks the problems found
    assert "syntax error" in result.output
    assert "C101" in result.output and "C103" in result.output
    assert "1 of 2 designs could not be loaded; 2 problems in the others" in result.output
