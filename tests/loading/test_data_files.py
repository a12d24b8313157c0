"""Loading YAML and JSON designs: the model's rules, located errors, sources for findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sketch.checking import check
from sketch.loading import LoadError, load_design
from sketch.loading.data import load_data_design
from sketch.loading.nodes import MAX_FILE_BYTES
from sketch.model import Design
from sketch.rendering.data_file import design_data, to_yaml
from tests.helpers.cli import Sketch
from tests.helpers.factories import small_design


def load_text(tmp_path: Path, text: str, name: str = "design.yaml") -> Design:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_data_design(path)


def load_error(tmp_path: Path, text: str, name: str = "design.yaml") -> LoadError:
    """The LoadError that loading `text` raises; fails the test when it loads."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        load_design(path)
    except LoadError as exc:
        return exc
    raise AssertionError(f"{name} loaded, but it should not have:\n{text}")


GOOD = """\
name: shop
entities:
  - name: User
    fields:
      - name: id
        type: BIGINT
        primary_key: true
"""


def test_a_yaml_design_loads_into_the_model(tmp_path: Path) -> None:
    design = load_text(tmp_path, GOOD)
    assert design.name == "shop"
    assert design.entities[0].key_fields == ("id",)


def test_json_and_yaml_give_the_same_design(tmp_path: Path) -> None:
    expected = small_design()
    from_json = load_text(tmp_path, json.dumps(design_data(expected)), "shop.json")
    from_yaml = load_text(tmp_path, to_yaml(expected), "shop.yml")
    assert from_json.model_dump() == from_yaml.model_dump() == expected.model_dump()


def test_every_object_knows_its_yaml_line(tmp_path: Path) -> None:
    design = load_text(tmp_path, GOOD)
    file = str(tmp_path / "design.yaml")
    assert (design.source.file, design.source.line) == (file, 1)  # type: ignore[union-attr]
    assert design.entities[0].source.line == 3  # type: ignore[union-attr]
    assert design.entities[0].fields[0].source.line == 5  # type: ignore[union-attr]
    assert design.requirements.source is None  # defaulted: not written in the file


def test_check_findings_point_at_the_yaml_line(tmp_path: Path) -> None:
    text = to_yaml(small_design())
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines) if "references: User.id" in line)
    lines[target] = lines[target].replace("User.id", "Usr.id")
    design = load_text(tmp_path, "\n".join(lines) + "\n")
    [problem] = check(design)
    assert problem.code == "C302"
    field_line = max(i for i in range(target) if lines[i].lstrip().startswith("- name:")) + 1
    assert problem.source is not None and problem.source.line == field_line


@pytest.mark.parametrize(
    ("text", "what", "where"),
    [
        ("name: x\nentities: 3\n", "entities: Input should be a list (got 3)", (2, 11)),
        (
            "name: x\ncomponents:\n  - name: db\n    kind: databse\n",
            "components[0].kind: Input should be 'client'",
            (4, 11),
        ),
        ("name: x\ntitel: T\n", "unknown field 'titel' (did you mean 'title'?)", (2, 1)),
        ("title: T\n", "name: required field is missing", (1, 1)),
        (
            "name: x\nflows:\n  - name: f\n    steps:\n      - {from: a, to: b}\n",
            "flows[0].steps[0].action: required field is missing",
            (5, 9),
        ),
        (
            "name: x\nlimits: {min_apis: 9, max_apis: 2}\n",
            "min_apis (9) is greater than max_apis (2)",
            (2, 9),
        ),
    ],
)
def test_model_errors_carry_file_line_column(
    tmp_path: Path, text: str, what: str, where: tuple[int, int]
) -> None:
    problem = load_error(tmp_path, text)
    file = str(tmp_path / "design.yaml")
    located = [d for d in problem.details if d.startswith(f"{file}:")]
    assert any(f"{file}:{where[0]}:{where[1]}: " in d and what in d for d in located), located
    assert problem.line == where[0]


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = "name: x\nentities:\n  - name: 1bad\n    fields: []\napis:\n  - method: GOT\n"
    problem = load_error(tmp_path, text)
    assert "invalid design: 5 problems" in problem.message
    assert "required field is missing" in str(problem)


def test_json_errors_are_located_too(tmp_path: Path) -> None:
    problem = load_error(tmp_path, '{\n  "name": "x",\n  "apis": [{"method": "GET"}]\n}', "d.json")
    assert f"{tmp_path / 'd.json'}:3:12: apis[0].path: required field is missing" in problem.details


@pytest.mark.parametrize(
    ("text", "what", "line"),
    [
        ("- name: x\n", "the top level is a list, not a mapping", 1),
        ("just text\n", "the top level is a single value", 1),
        ("name: a\nname: b\n", "duplicate key 'name'", 2),
        ("name: [\n", "YAML syntax error", 2),
        ("name: !!python/name:os.system x\n", "is not supported", 1),
    ],
)
def test_bad_files_have_located_errors(tmp_path: Path, text: str, what: str, line: int) -> None:
    problem = load_error(tmp_path, text)
    assert what in problem.message
    assert problem.line == line
    assert any(d.startswith(f"at {tmp_path / 'design.yaml'}:{line}:") for d in problem.details)


def test_the_schema_key_is_allowed_for_editors(tmp_path: Path) -> None:
    design = load_text(tmp_path, '{"$schema": "_sketch.schema.json", "name": "x"}', "d.json")
    assert design.name == "x"


def test_huge_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"name: x\ndescription: ")
        handle.truncate(MAX_FILE_BYTES + 1)
    problem = load_error(tmp_path, path.read_text(), "huge.yaml")
    assert f"a design file may be at most {MAX_FILE_BYTES:,}" in problem.message


def test_a_device_or_pipe_is_refused_without_reading(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_design(fifo)
    endless = tmp_path / "zero.yaml"
    endless.symlink_to("/dev/zero")
    with pytest.raises(LoadError, match="not a regular file"):
        load_design(endless)


def test_files_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(LoadError, match="not UTF-8"):
        load_design(path)


def test_cli_check_takes_data_files(sketch: Sketch, tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(to_yaml(small_design()))
    (tmp_path / "ok.json").write_text(json.dumps(design_data(small_design())))
    result = sketch("check", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "2 designs checked: no problems" in result.output


def test_bad_data_file_in_a_real_process_is_one_screen(
    tmp_path: Path, sketch_command: list[str]
) -> None:
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [
        f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    cases = {
        "bomb.yaml": "\n".join(bomb) + "\n",
        "dup.json": '{"name": "x", "name": "y"}',
        "types.yaml": "name: x\ncomponents: [{name: a, kind: service, instances: many}]\n",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        done = subprocess.run(
            [*sketch_command, "check", name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith(f"error: {name}:")
        assert len(done.stderr.splitlines()) < 20


def test_a_long_line_is_shown_around_the_column() -> None:
    from sketch.loading.messages import excerpt

    text = "x: [" + "1, " * 100 + "oops]\n"
    column = text.index("oops") + 1
    shown, caret = excerpt(text, 1, column)
    assert shown.startswith("   1 | ...")
    assert shown[caret.index("^") :].startswith("oops")
