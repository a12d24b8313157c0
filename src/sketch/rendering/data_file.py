"""A `Design` -> YAML or JSON text that loads back into an equal `Design`.

Keys keep the model's field order (stable and in the order the framework reads), aliases are
used (`from`, not `from_`) and defaults are left out, so the file says only what was decided.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `sketch new` needs only the names below: no model, no YAML reader
    from sketch.model import Design

#: Where the YAML modeline points editors; `sketch schema -o` writes it beside the designs.
#: The leading `_` keeps `sketch check FOLDER` from taking the schema for a JSON design.
SCHEMA_FILE = "_sketch.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def design_data(design: Design) -> dict[str, Any]:
    """Plain data for the design, as a data file would hold it."""
    data = design.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    scope = data.get("requirements", {}).get("in_scope", [])
    # A feature with only its text is written as the text: the model reads it back the same.
    data.get("requirements", {})["in_scope"] = [
        item["text"] if set(item) == {"text"} else item for item in scope
    ]
    if not data.get("requirements", {}).get("in_scope"):
        data.get("requirements", {}).pop("in_scope", None)
    if data.get("requirements") == {}:
        del data["requirements"]
    return _whole_numbers(data)  # type: ignore[return-value]


def _whole_numbers(value: object) -> object:
    """`2` rather than `2.0`: float fields read a whole number back as the same float."""
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def to_json(design: Design) -> str:
    return json.dumps(design_data(design), indent=2, ensure_ascii=False) + "\n"


def to_yaml(design: Design, source_name: str | None = None) -> str:
    """YAML with the editor modeline first; `source_name` (a file name) goes in a comment."""
    header = [MODELINE]
    if source_name:
        header.append(f"# Converted from {source_name} by `sketch convert`.")
    return "\n".join(header) + "\n" + dump_yaml(design_data(design))


def dump_yaml(data: object) -> str:
    import yaml

    return yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
        indent=2,
    )


_DUMPER: type | None = None
_ODD_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _dumper() -> type:
    """A SafeDumper that quotes any text a YAML 1.1 *or* 1.2 reader would take as non-text."""
    global _DUMPER
    if _DUMPER is None:
        import yaml

        from sketch.loading.yaml_reader import CORE_RESOLVERS

        class Dumper(yaml.SafeDumper):
            pass

        Dumper.yaml_implicit_resolvers = {
            key: list(value) for key, value in yaml.SafeDumper.yaml_implicit_resolvers.items()
        }
        for kind, pattern, first in CORE_RESOLVERS:
            Dumper.add_implicit_resolver(f"tag:yaml.org,2002:{kind}", pattern, first)

        def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
            style = "|" if "\n" in value else None
            if any(char in value for char in _ODD_BREAKS):
                style = '"'  # PyYAML writes these raw elsewhere, and reads them back as breaks
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

        Dumper.add_representer(str, text)
        _DUMPER = Dumper
    return _DUMPER
