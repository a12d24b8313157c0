"""Write losslessly optimised copies of the icons sketch maps into sketch/rendering/icon_files/.

    PYTHONPATH=src .venv/bin/python scripts/optimise_icons.py [--force]

Why: every self-contained SVG embeds its icons as base64, so icon bytes are most of its size;
`diagrams` ships its PNGs unoptimised. Each copy is made once, here, with zopflipng (Debian's
`zopfli` package; the sketch package itself needs nothing), and kept only when it decodes to
the same visible pixels as the original (a fully transparent pixel's colour is never drawn, so
zopflipng may change it), with the original's colour chunks (gAMA, cHRM, sRGB, iCCP) put
back. SOURCES.json records the SHA-256 of each original: a test fails
when diagrams ships a different icon, or the mapping gains one, until this script is rerun.
An icon already optimised from the same original is kept as it is (--force redoes all).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.helpers.png, the decoder the tests use too

from sketch.rendering.diagram import icon_relative_path, original_icon_file  # noqa: E402
from sketch.rendering.icon_data import ICON_FILES, SOURCES_FILE  # noqa: E402
from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS  # noqa: E402
from tests.helpers import png  # noqa: E402

# How the browser maps the pixels to colours: zopflipng drops these, and Chromium then draws
# an icon that had a gAMA or cHRM chunk a level or two of 255 apart.
COLOUR_CHUNKS = (b"iCCP", b"sRGB", b"gAMA", b"cHRM")


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    found, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        found.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return found


def with_colour_chunks(original: bytes, optimised: bytes) -> bytes:
    """`optimised` with the original's colour chunks, right after IHDR (before PLTE and IDAT)."""
    colour = [(k, b) for k, b in chunks(original) if k in COLOUR_CHUNKS]
    rest = [(k, b) for k, b in chunks(optimised) if k not in COLOUR_CHUNKS]
    out = bytearray(optimised[:8])
    for kind, body in rest[:1] + colour + rest[1:]:
        out += struct.pack(">I", len(body)) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="optimise every icon again")
    args = parser.parse_args()
    zopflipng = shutil.which("zopflipng")
    if zopflipng is None:
        raise SystemExit("zopflipng is missing: apt-get install zopfli")
    sources = {}
    refs = sorted({*KIND_ICONS.values(), *TECHNOLOGY_ICONS.values()})
    old = json.loads(SOURCES_FILE.read_text()) if SOURCES_FILE.exists() else {}
    ICON_FILES.mkdir(exist_ok=True)
    before = after = 0
    for ref in refs:
        name = Path(icon_relative_path(ref)).name
        original = original_icon_file(ref)
        digest = hashlib.sha256(original.read_bytes()).hexdigest()
        target = ICON_FILES / name
        if args.force or old.get(name) != digest or not target.exists():
            with tempfile.TemporaryDirectory() as temp:
                made = Path(temp) / name
                subprocess.run(
                    [zopflipng, "-y", "-m", "--lossy_transparent", str(original), str(made)],
                    check=True,
                    capture_output=True,
                )
                best = made if made.stat().st_size < original.stat().st_size else original
                shutil.copyfile(best, target)
        target.write_bytes(with_colour_chunks(original.read_bytes(), target.read_bytes()))
        if not png.same_pixels(png.decode(original), png.decode(target)):
            raise SystemExit(f"{name}: the optimised copy's pixels differ; not kept")
        sources[name] = digest
        before += original.stat().st_size
        after += target.stat().st_size
    for stale in set(p.name for p in ICON_FILES.glob("*.png")) - set(sources):
        (ICON_FILES / stale).unlink()
    SOURCES_FILE.write_text(json.dumps(dict(sorted(sources.items())), indent=1) + "\n")
    print(f"{len(sources)} icons: {before:,} -> {after:,} bytes ({after / before:.2f}x)")


if __name__ == "__main__":
    main()
