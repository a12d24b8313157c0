"""A project's estimating settings in one value: the conventions of `[tool.sketch.estimate]`
and the capacity catalogue of `[tool.sketch.capacity]`, each checked where it is written.

Every command and output that estimates (`sketch estimate`, design.md, the HTML page, notes)
reads them through `project_estimating`, so one pyproject.toml gives one set of figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sketch.estimating.catalogue import Catalogue, catalogue_from_settings
from sketch.estimating.conventions import Conventions, conventions_from_settings

if TYPE_CHECKING:
    from sketch.loading.settings import Config


@dataclass(frozen=True)
class Estimating:
    conventions: Conventions = field(default_factory=Conventions)
    catalogue: Catalogue = field(default_factory=Catalogue)


def project_estimating(settings: Config | None) -> Estimating:
    """The project's conventions and catalogue; the guide's defaults without settings.
    A bad table raises ConfigError at its pyproject.toml line."""
    if settings is None:
        return Estimating()
    return Estimating(
        conventions_from_settings(settings.estimate, settings.source),
        catalogue_from_settings(settings.capacity, settings.source),
    )
