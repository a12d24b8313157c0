"""sketch: system-design sketches as typed Python, checked, linted, estimated and rendered.

Design files import what they need from here::

    from sketch import Design, Entity, Field, Api, Component, Flow, Step
"""

from sketch.model import *  # noqa: F403  (the model is the public API of a design file)
from sketch.model import __all__ as _model_all

__all__ = list(_model_all)
__version__ = "0.1.0"
