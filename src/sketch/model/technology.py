"""How a technology is named in a design, normalised once for icons and capacity defaults."""

from __future__ import annotations

import re


def technology_key(technology: str) -> str:
    """`PostgreSQL 16` -> `postgresql`, `Amazon S3` -> `s3`, `Redis (RedisBloom)` -> `redis`:
    lower case, letters and digits, without vendor prefixes, versions or a note in brackets."""
    named = re.sub(r"\([^)]*\)", " ", technology).strip() or technology
    words = re.findall(r"[a-z0-9]+", named.lower())
    # Vendor prefixes and versions do not pick the icon.
    words = [w for w in words if w not in {"amazon", "aws", "google", "gcp", "apache", "azure"}]
    while words and words[-1].isdigit():
        words.pop()
    return "".join(words)
