"""`sketch convert`: every example design -> YAML/JSON -> an equal Design, byte-stable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sketch.loading.data import load_data_design
from sketch.model import Design
from sketch.rendering.data_file import MODELINE, design_data, to_json, to_yaml
from tests.helpers.cli import Sketch
from tests.rendering.helpers import DESIGN_FILES, DESIGN_IDS, example


@pytest.mark.parametrize("path", DESIGN_FILES, ids=DESIGN_IDS)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip_gives_an_equal_design(
    sketch: Sketch, tmp_path: Path, path: Path, suffix: str
) -> None:
    out = tmp_path / f"{path.stem}{suffix}"
    result = sketch("convert", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    original = example(path)
    again = load_data_design(out)
    assert again.model_dump() == original.model_dump()
    assert again == original
    # And once more from the data file: the conversion is a fixed point.
    writer = to_yaml if suffix == ".yaml" else to_json
    assert writer(again) == writer(original)


def test_yaml_output_is_readable(tmp_path: Path) -> None:
    twitter = example(next(p for p in DESIGN_FILES if p.stem == "twitter"))
    text = to_yaml(twitter, "twitter.py")
    assert text.splitlines()[0] == MODELINE
    assert "# Converted from twitter.py" in text
    assert "from: client" in text and "from_" not in text  # the model's alias is used
    assert "asynchronous: false" not in text and "bytes_per_char: 2" not in text  # defaults
    assert "writes_per_user_per_day: 2\n" in text  # whole numbers without `.0`
    keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert keys == [k for k in Design.model_fields if k in keys]  # the model's order


def test_text_that_looks_like_other_values_stays_text() -> None:
    design = Design(name="no", title="1e3", description="true")
    data = load_data_design_from_text(to_yaml(design))
    assert (data.name, data.title, data.description) == ("no", "1e3", "true")


def load_data_design_from_text(text: str) -> Design:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text)
        return load_data_design(path)


def test_multiline_text_round_trips(tmp_path: Path) -> None:
    design = Design(name="x", description="first line\nsecond: line\n  indented")
    path = tmp_path / "d.yaml"
    path.write_text(to_yaml(design))
    assert "description: |" in path.read_text()
    assert load_data_design(path) == design


def test_stdout_and_json_format(sketch: Sketch) -> None:
    path = DESIGN_FILES[0]
    result = sketch("convert", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == design_data(example(path))


def test_usage_errors(sketch: Sketch, tmp_path: Path) -> None:
    result = sketch("convert", str(DESIGN_FILES[0]), "--format", "toml")
    assert result.exit_code == 2
    assert "unknown format 'toml'" in result.output
    result = sketch("convert", str(tmp_path / "missing.py"))
    assert result.exit_code == 2
    assert "no such file" in result.output
