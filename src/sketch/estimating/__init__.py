"""Back-of-the-envelope estimates from a design's requirements, with their derivation.

    from sketch.estimating import FigureName, estimate
    figures = estimate(design)
    peak = figures.figure(FigureName.peak_writes_per_second)
    peak.text   # "14K/s"
    peak.steps  # ("200M users x 2 tweets/day = 400M tweets/day", ...)

Pure functions: no rendering, no printing, no I/O. The reports (text, JSON, Markdown) are
in `sketch.rendering.estimates`.
"""

from sketch.estimating.conventions import Conventions, conventions_from_settings
from sketch.estimating.derive import estimate
from sketch.estimating.figures import Estimates, Figure, FigureName, Mismatch
from sketch.estimating.load import ComponentLoad, LoadModel, route_load

__all__ = [
    "ComponentLoad",
    "Conventions",
    "Estimates",
    "Figure",
    "FigureName",
    "LoadModel",
    "Mismatch",
    "conventions_from_settings",
    "estimate",
    "route_load",
]
