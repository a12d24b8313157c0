"""A small PNG decoder (standard library only) so tests can compare pixels, not file bytes.

Handles what Graphviz, Chromium and PNG optimisers write: grey, grey+alpha, RGB and RGBA (8 or
16 bits) and palette images (1-8 bits, with `tRNS`), not interlaced. Pure Python: meant for
icons and small screenshots, about a second per megapixel.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    #: One `bytes` of RGBA per row: 4 bytes a pixel, or 8 (big-endian) for 16-bit images.
    rows: tuple[bytes, ...]
    depth: int = 8

    def pixel(self, x: int, y: int) -> tuple[int, ...]:
        size = self.depth // 2
        return tuple(self.rows[y][size * x : size * x + size])

    def wide(self) -> Image:
        """The same pixels with 16 bits a channel (8-bit value v is 257 v)."""
        if self.depth == 16:
            return self
        return Image(
            self.width,
            self.height,
            tuple(bytes(b for v in row for b in (v, v)) for row in self.rows),
            16,
        )

    def visible(self) -> tuple[bytes, ...]:
        """Rows with every fully transparent pixel as all zeros: its colour is never drawn,
        and optimisers may change it."""
        size = self.depth // 2
        clear = bytes(size)
        out = []
        for row in self.rows:
            line = bytearray(row)
            for at in range(0, len(line), size):
                if line[at + size - size // 4 : at + size] == clear[: size // 4]:
                    line[at : at + size] = clear
            out.append(bytes(line))
        return tuple(out)


def decode(data: bytes | Path) -> Image:
    raw = data.read_bytes() if isinstance(data, Path) else data
    assert raw.startswith(_SIGNATURE), "not a PNG"
    pos, idat, palette, transparency = 8, bytearray(), b"", b""
    header = (0, 0, 0, 0, 0)
    while pos < len(raw):
        length, kind = struct.unpack(">I4s", raw[pos : pos + 8])
        body = raw[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            fields = struct.unpack(">IIBBBBB", body)
            header = fields[:5]
            assert fields[6] == 0, "interlaced PNGs are not supported"
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            transparency = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour = header[0], header[1], header[2], header[3]
    assert depth in (1, 2, 4, 8, 16), f"bit depth {depth} is not supported"
    assert depth >= 8 or colour in (0, 3), "sub-byte depths are grey or palette only"
    channels = _CHANNELS[colour]
    bits = depth * channels
    step = max(1, bits // 8)  # the filter's "bytes per pixel"
    stride = (width * bits + 7) // 8
    scanlines = _unfilter(zlib.decompress(bytes(idat)), height, stride, step)
    if depth == 16:
        rows = tuple(_to_rgba16(line, width, colour, transparency) for line in scanlines)
        return Image(width, height, rows, 16)
    rows = tuple(_to_rgba(line, width, depth, colour, palette, transparency) for line in scanlines)
    return Image(width, height, rows)


def _unfilter(raw: bytes, height: int, stride: int, step: int) -> list[bytes]:
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        if kind == 1:
            for i in range(step, stride):
                line[i] = (line[i] + line[i - step]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                line[i] = (line[i] + (left + previous[i]) // 2) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - step] if i >= step else 0
                b = previous[i]
                c = previous[i - step] if i >= step else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def _to_rgba(
    line: bytes, width: int, depth: int, colour: int, palette: bytes, transparency: bytes
) -> bytes:
    if colour == 6:
        return line
    out = bytearray()
    if colour == 2:
        key = struct.unpack(">HHH", transparency) if transparency else None
        for x in range(width):
            rgb = line[3 * x : 3 * x + 3]
            out += rgb + (b"\0" if key and tuple(rgb) == key else b"\xff")
        return bytes(out)
    if colour == 4:
        for x in range(width):
            grey, alpha = line[2 * x], line[2 * x + 1]
            out += bytes((grey, grey, grey, alpha))
        return bytes(out)
    per_byte, mask = 8 // depth, (1 << depth) - 1
    for x in range(width):
        value = (line[x // per_byte] >> (8 - depth * (x % per_byte + 1))) & mask
        if colour == 3:
            alpha = transparency[value] if value < len(transparency) else 255
            out += palette[3 * value : 3 * value + 3] + bytes((alpha,))
        else:  # grey, scaled to 8 bits
            grey = value * 255 // mask
            key = struct.unpack(">H", transparency)[0] if transparency else None
            out += bytes((grey, grey, grey, 0 if value == key else 255))
    return bytes(out)


def _to_rgba16(line: bytes, width: int, colour: int, transparency: bytes) -> bytes:
    channels = _CHANNELS[colour]
    out = bytearray()
    opaque = b"\xff\xff"
    for x in range(width):
        sample = line[2 * channels * x : 2 * channels * (x + 1)]
        if colour == 6:
            out += sample
        elif colour == 2:
            out += sample + (b"\0\0" if sample == transparency else opaque)
        elif colour == 4:
            out += sample[:2] * 3 + sample[2:]
        else:
            out += sample * 3 + (b"\0\0" if sample == transparency else opaque)
    return bytes(out)


def same_pixels(a: Image, b: Image) -> bool:
    """Whether two images show the same visible pixels, whatever their bit depths."""
    if a.depth != b.depth:
        a, b = a.wide(), b.wide()
    return (a.width, a.height) == (b.width, b.height) and a.visible() == b.visible()


def differences(a: Image, b: Image) -> tuple[int, int]:
    """How many pixels differ, and by how much at most (0-255), comparing visible colour
    (8-bit images)."""
    assert (a.width, a.height) == (b.width, b.height), "the images differ in size"
    assert a.depth == b.depth == 8, "differences() compares 8-bit images"
    count, largest = 0, 0
    for row_a, row_b in zip(a.visible(), b.visible(), strict=True):
        if row_a == row_b:
            continue
        for x in range(0, len(row_a), 4):
            pa, pb = row_a[x : x + 4], row_b[x : x + 4]
            if pa != pb:
                count += 1
                largest = max(largest, *(abs(p - q) for p, q in zip(pa, pb, strict=True)))
    return count, largest
