"""The rule catalogue, one module per step of the framework; importing registers the rules."""

from sketch.linting.rules import deep_dives, entities_apis, high_level, load, requirements

__all__ = ["deep_dives", "entities_apis", "high_level", "load", "requirements"]
