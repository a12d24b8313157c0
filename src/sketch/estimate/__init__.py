"""Back-of-the-envelope estimates from a design's requirements, with their derivation.

    from sketch.estimate import estimate
    figures = estimate(design)
    figures.peak_writes_per_second.text   # "14K/s"
    figures.peak_writes_per_second.steps  # ("200M users x 2 tweets/day = 400M tweets/day", ...)

Pure functions: no rendering, no printing, no I/O.
"""

from sketch.estimate.conventions import Conventions, conventions_from_settings
from sketch.estimate.derive import estimate
from sketch.estimate.figures import FIGURE_NAMES, GROUPS, LABELS, Estimates, Figure, Mismatch
from sketch.estimate.findings import ESTIMATE_MISMATCH, estimate_problems
from sketch.estimate.markdown import estimates_markdown, estimates_section

__all__ = [
    "ESTIMATE_MISMATCH",
    "FIGURE_NAMES",
    "GROUPS",
    "LABELS",
    "Conventions",
    "Estimates",
    "Figure",
    "Mismatch",
    "conventions_from_settings",
    "estimate",
    "estimate_problems",
    "estimates_markdown",
    "estimates_section",
]
