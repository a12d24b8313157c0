"""The design model: typed, immutable objects for each step of the framework."""

from sketch.errors import Location
from sketch.model.analysis import Approach, Bottleneck, DeepDive
from sketch.model.architecture import (
    DATA_STORE_KINDS,
    STATEFUL_KINDS,
    Component,
    Flow,
    Kind,
    Link,
    Step,
)
from sketch.model.base import Declared, Model, Suppression
from sketch.model.data import Api, Entity, Field, Index
from sketch.model.design import Design, Limits
from sketch.model.requirements import (
    Capacity,
    Clarification,
    Consistency,
    Feature,
    LatencyTarget,
    Requirements,
    Scale,
)
from sketch.model.workload import ItemSize, NodeCapacity, Workload

__all__ = [
    "DATA_STORE_KINDS",
    "STATEFUL_KINDS",
    "Api",
    "Approach",
    "Bottleneck",
    "Capacity",
    "Clarification",
    "Component",
    "Consistency",
    "Declared",
    "DeepDive",
    "Design",
    "Entity",
    "Feature",
    "Field",
    "Flow",
    "Index",
    "ItemSize",
    "Kind",
    "LatencyTarget",
    "Limits",
    "Link",
    "Location",
    "Model",
    "NodeCapacity",
    "Requirements",
    "Scale",
    "Step",
    "Suppression",
    "Workload",
]
