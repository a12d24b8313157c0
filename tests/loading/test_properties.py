"""Properties of the readers and the writer, over generated input (hypothesis).

Whatever text a data file holds, loading it either works or raises a LoadError: never
another exception. Whatever plain data the writer gets, the YAML reader reads it back equal.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sketch.loading import LoadError
from sketch.loading.data import load_data_design
from sketch.loading.json_reader import read_json
from sketch.loading.nodes import to_python
from sketch.loading.yaml_reader import read_yaml
from sketch.rendering.data_file import dump_yaml

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,  # tests write only under tmp_path
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "no",
            "yes",
            "on",
            "~",
            "1e3",
            "0x10",
            "0x_",
            "1_e5",
            "00",
            "1_000",
            "<<",
            "- x",
            "a: b",
            "",
        ]
    )
)
data = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _equal(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@SETTINGS
@given(value=data)
def test_yaml_writer_and_reader_agree(value: object) -> None:
    assert _equal(to_python(read_yaml(dump_yaml({"value": value}))), {"value": value})


@SETTINGS
@given(value=data)
def test_json_reader_agrees_with_the_standard_library(value: object) -> None:
    text = json.dumps({"value": value}, indent=1)
    assert _equal(to_python(read_json(text)), json.loads(text))


yaml_like = st.text(
    alphabet=st.sampled_from(list("abc:-[]{},&*!|>'\"#%@` \n\t0123456789.~<")), max_size=120
)


@SETTINGS
@given(text=yaml_like | st.text(max_size=120))
def test_any_text_loads_or_fails_with_a_load_error(tmp_path: Path, text: str) -> None:
    for name in ("any.yaml", "any.json"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        try:
            load_data_design(path)
        except LoadError as exc:
            assert str(exc).startswith(str(path))
