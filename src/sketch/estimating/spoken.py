"""Numbers as a person says them at the whiteboard: 4.6K, 14K, 463K, 1.4M, 224 GB, 110 TB.

The rule: two significant digits below 100 (4.6K, 14K), whole numbers from 100 to 999
(463K), and the next unit up once rounding reaches 1,000 (999.96K is "1M", never "1000K").
Every function also says whether the text is exact, so a derivation can write `=` or `≈`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: The multiplication sign of the derivations (a name, so linters do not take it for an x).
X = "\N{MULTIPLICATION SIGN}"
MINUS = "\N{MINUS SIGN}"

_COUNT_UNITS: tuple[tuple[float, str], ...] = (
    (1.0, ""),
    (1e3, "K"),
    (1e6, "M"),
    (1e9, "B"),
    (1e12, "T"),
)
_DECIMAL_BYTES: tuple[tuple[float, str], ...] = tuple(
    (1000.0**i, unit)
    for i, unit in enumerate(("B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"))
)
_BINARY_BYTES: tuple[tuple[float, str], ...] = tuple(
    (1024.0**i, unit)
    for i, unit in enumerate(("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"))
)


@dataclass(frozen=True, slots=True)
class Said:
    """A number as text, and whether the text is the exact value or a rounding of it."""

    text: str
    exact: bool

    def __str__(self) -> str:
        return self.text


def relation(*said: Said) -> str:
    """`=` when every number shown is exact, `≈` as soon as one of them is rounded."""
    return "=" if all(s.exact for s in said) else "≈"


def round_significant(value: float, digits: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def person_round(value: float) -> float:
    """Two significant digits below 100, whole numbers from 100 up."""
    return float(round(value)) if abs(value) >= 100 else round_significant(value, 2)


def _mantissa_text(mantissa: float) -> str:
    if abs(mantissa) >= 1000:
        return f"{mantissa:,.0f}"
    text = f"{mantissa:.6g}"
    return "0" if text in ("0", "-0") else text


def _scaled(value: float, units: Sequence[tuple[float, str]], space: str) -> Said:
    magnitude = abs(value)
    index = 0
    for i, (factor, _) in enumerate(units):
        if magnitude >= factor:
            index = i
    mantissa = person_round(magnitude / units[index][0])
    if mantissa >= 1000 and index + 1 < len(units):
        # Rounding crossed the unit boundary (999.96K): say it in the next unit (1M).
        index += 1
        mantissa = person_round(magnitude / units[index][0])
    factor, unit = units[index]
    exact = math.isclose(mantissa * factor, magnitude, rel_tol=1e-9, abs_tol=1e-12)
    sign = "-" if value < 0 and mantissa else ""
    separator = space if unit else ""
    return Said(f"{sign}{_mantissa_text(mantissa)}{separator}{unit}", exact)


def count(value: float) -> Said:
    """A count or rate as said aloud: 400M, 4.6K, 463K, 1.4M, 40B, 0.023."""
    return _scaled(value, _COUNT_UNITS, "")


def count_in_steps(value: float) -> Said:
    """Like `count`, but 1,000-9,999 keep three digits with a separator, as the guide writes
    "4,630 tweets/s" in a derivation while the headline figure is "4.6K/s"."""
    if 1000 <= abs(value) < 10_000:
        shown = round_significant(value, 3)
        return Said(f"{shown:,.0f}", math.isclose(shown, value, rel_tol=1e-9))
    return count(value)


def size(value: float, *, binary: bool = False) -> Said:
    """Bytes as said aloud: 224 GB (decimal) or 209 GiB (binary)."""
    return _scaled(value, _BINARY_BYTES if binary else _DECIMAL_BYTES, " ")


def exact_number(value: float) -> Said:
    """An input shown as written: 86,400 or 2.5 or 0.2."""
    if float(value).is_integer():
        return Said(f"{value:,.0f}", True)
    return Said(f"{value:,.6g}", True)


def factor(value: float) -> str:
    """A multiplier as written: 3, 2.5."""
    return f"{value:g}"


def period(years: float, days_per_year: float = 365) -> str:
    """A retention as said aloud: 5 years, 1 year, 30 days (not 0.0821918 years)."""
    if years >= 1:
        return f"{years:g} year{'' if years == 1 else 's'}"
    days = years * days_per_year
    shown = f"{days:.3g}"
    return f"{shown} day{'' if shown == '1' else 's'}"


def percent(fraction: float) -> str:
    return f"{fraction * 100:.4g}%"


def plural(noun: str, value: float = 2) -> str:
    """English plural for a write's name: tweet -> tweets, reply -> replies, match -> matches."""
    if value == 1 or not noun:
        return noun
    head, _, last = noun.rpartition(" ")
    word = last or noun
    lower = word.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        word += "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{head} {word}" if head else word
