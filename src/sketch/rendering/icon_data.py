"""Icon bytes for the outputs: optimised copies of diagrams' PNGs, each embedded once per SVG.

Icons are most of a self-contained SVG (89-94 % of its bytes before this), so:

- `icon_files/` holds a losslessly optimised copy of every icon sketch maps (made once by
  `scripts/optimise_icons.py`; same visible pixels, 0.68x the bytes). An icon without a
  copy (a mapping extended since) is used as diagrams ships it.
- `embed_icons` stores each distinct icon once, in `<defs>`, and draws every node's icon with
  `<use>`: a 300-component diagram repeats a handful of icons 300 times.
- Each icon's data URI is built once per process (`sketch watch` re-renders reuse it).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

ICON_FILES = Path(__file__).resolve().parent / "icon_files"
#: name -> SHA-256 of the diagrams original the copy was made from (checked by a test).
SOURCES_FILE = ICON_FILES / "SOURCES.json"

_IMAGE = re.compile(r"<image\b([^>]*?)/>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def optimised_copy(name: str) -> Path | None:
    """The optimised copy of the icon file `name`, when there is one."""
    path = ICON_FILES / name
    return path if path.is_file() else None


@functools.lru_cache(maxsize=256)
def data_uri(path: Path) -> str:
    """`data:image/png;base64,...` for an icon file, encoded once per process."""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def embed_icons(svg: bytes, icons: Mapping[str, Path]) -> bytes:
    """dot's SVG, made self-contained: each `<image xlink:href="icons/x.png" .../>` of an icon
    in `icons` becomes a `<use>` of one `<image>` per distinct icon, kept in `<defs>`.

    The ids name the icon and hash its data and size, so two diagrams inlined in one page
    (HTML, a notebook) that share an id share the very same image. Other images stay as
    they are.
    """
    text = svg.decode("utf-8")
    defs: dict[str, str] = {}

    def use(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        href = attributes.pop("xlink:href", None)
        if href not in icons:
            return match.group(0)
        x, y = attributes.pop("x", "0"), attributes.pop("y", "0")
        uri = data_uri(icons[href])
        rest = " ".join(f'{key}="{value}"' for key, value in attributes.items())
        digest = hashlib.sha256(f"{uri} {rest}".encode()).hexdigest()[:10]
        ident = f"sketch-icon-{Path(href).stem}-{digest}"
        defs.setdefault(ident, f'<image id="{ident}" xlink:href="{uri}" {rest}/>')
        return f'<use xlink:href="#{ident}" x="{x}" y="{y}"/>'

    body = _IMAGE.sub(use, text)
    if not defs:
        return svg
    block = "\n<defs>\n" + "\n".join(defs.values()) + "\n</defs>"
    opening = _SVG_OPEN.search(body)
    assert opening is not None, "dot wrote an SVG without an <svg> element"
    return (body[: opening.end()] + block + body[opening.end() :]).encode("utf-8")
