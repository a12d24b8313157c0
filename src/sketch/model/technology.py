"""How a technology is named in a design, normalised once for icons and capacity defaults."""

from __future__ import annotations

import re


def technology_key(technology: str) -> str:
    """`PostgreSQL 16` -> `postgresql`, `Amazon S3` -> `s3`: lower case, letters and digits."""
    words = re.findall(r"[a-z0-9]+", technology.lower())
    # Vendor prefixes and versions do not pick the icon.
    words = [w for w in words if w not in {"amazon", "aws", "google", "gcp", "apache", "azure"}]
    while words and words[-1].isdigit():
        words.pop()
    return "".join(words)
