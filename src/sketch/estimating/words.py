"""The words of an action or a name, as a reader sees them: `GetItem` is "get item",
`put_object` "put object", `BF.MADD` "bf madd", `feed:{follower_id}` "feed follower id"."""

from __future__ import annotations

import re

_LOWER_THEN_UPPER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: `HTTPGet` is "http get"; `UPDATEs` stays "updates" (a word needs two lower-case letters).
_ACRONYM_THEN_WORD = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z]{2})")
_JOINERS = re.compile(r"[_\-.:/{}\[\]()<>=,;|]+")


def words_of(text: str) -> str:
    """Lower-case words split at case changes (CamelCase, `HTTPGet`) and at the joiners of
    identifiers (snake_case, kebab-case, dots, colons, braces). An all-capitals command such
    as `HGETALL` stays one word."""
    split = _ACRONYM_THEN_WORD.sub(" ", _LOWER_THEN_UPPER.sub(" ", text))
    return " ".join(_JOINERS.sub(" ", split).lower().split())
