"""Designs that carry only what an estimate reads: a name and the requirements' scale."""

from __future__ import annotations

from typing import Any

from sketch import Design, Requirements, Scale


def design_with(**scale: Any) -> Design:
    return Design(name="estimate-test", requirements=Requirements(scale=Scale(**scale)))
