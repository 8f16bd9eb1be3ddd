"""Draw the home-screen icons (192 and 512 px PNG) into src/amends/web/static/amends/icons/.

Two linked rings, white on the app's accent colour: two people, joined again. Drawn with the standard
library alone (zlib + struct), so no imaging package joins the dependencies for two small files. The
square is full-bleed and the rings sit inside the central 80 % circle, so one file serves both as a
plain icon and as a "maskable" one that a phone may crop to a circle or a squircle.

Run: .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "amends" / "web" / "static" / "amends" / "icons"
ACCENT = (0x1D, 0x5F, 0x6B)  # --accent in app.css
WHITE = (0xFF, 0xFF, 0xFF)
SUBSAMPLES = 3  # per axis: smooth edges without an imaging library


def _ring_coverage(x: float, y: float, size: int) -> bool:
    radius, width, offset = 0.2 * size, 0.055 * size, 0.11 * size
    centre = size / 2
    for cx in (centre - offset, centre + offset):
        if abs(math.hypot(x - cx, y - centre) - radius) <= width / 2:
            return True
    return False


def _pixel(px: int, py: int, size: int) -> bytes:
    step = 1 / SUBSAMPLES
    hits = sum(
        _ring_coverage(px + (i + 0.5) * step, py + (j + 0.5) * step, size)
        for i in range(SUBSAMPLES)
        for j in range(SUBSAMPLES)
    )
    share = hits / SUBSAMPLES**2
    return bytes(round(a + (w - a) * share) for a, w in zip(ACCENT, WHITE, strict=True))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(size: int) -> bytes:
    rows = b"".join(b"\x00" + b"".join(_pixel(x, y, size) for x in range(size)) for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB, no alpha
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b"")
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        path = OUT / f"icon-{size}.png"
        path.write_bytes(png(size))
        print(f"{path.relative_to(OUT.parents[5])}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
