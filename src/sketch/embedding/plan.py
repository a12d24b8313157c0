"""`sketch embed`: regenerate the marker regions of Markdown notes from their designs.

A note is planned in memory first: every marker checked, every design loaded, every region
and image produced. Only a note without problems is written, atomically, so a bad marker or
a broken design leaves the note exactly as it was. Design paths in markers are relative to
the note's own folder, so a note and its designs can move together.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sketch.checking import Checked
from sketch.embedding import markers
from sketch.embedding.sections import (
    SECTIONS,
    Request,
    validate_options,
)
from sketch.errors import (
    ConfigError,
    EmbedError,
    LoadError,
    Location,
    Problem,
    RenderError,
    SectionError,
    SketchError,
    UndrawableDesign,
    relative_path,
)
from sketch.model import Design
from sketch.rendering.files import write_bytes_atomic
from sketch.rendering.formats import render_image


@dataclass
class NotePlan:
    """What a note and its images should contain; nothing is written until `apply`."""

    path: Path
    display: str
    old: str
    new: str
    images: dict[Path, bytes] = field(default_factory=dict)
    #: False: an existing image counts as current. Graphviz versions draw slightly different
    #: bytes, so a CI machine may want to check the notes' text and only that images exist.
    compare_images: bool = True

    def stale_images(self) -> list[Path]:
        return sorted(
            p
            for p, data in self.images.items()
            if not p.is_file() or (self.compare_images and p.read_bytes() != data)
        )

    @property
    def stale(self) -> bool:
        return self.old != self.new or bool(self.stale_images())

    def diff(self) -> str:
        """A unified diff of the note, then one line per image that is missing or outdated."""
        lines = difflib.unified_diff(
            markers.split_lines(self.old),
            markers.split_lines(self.new),
            f"a/{self.display}",
            f"b/{self.display}",
        )
        text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        for image in self.stale_images():
            state = "is missing" if not image.exists() else "is out of date"
            text += f"image {_relative_to(image, self.path.parent)} {state} (from {self.display})\n"
        return text

    def apply(self) -> list[Path]:
        """Write the stale images, then the note when it changed; returns what was written."""
        written = []
        root = project_root(self.path)
        for image in self.stale_images():
            write_bytes_atomic(image, self.images[image], within=root)
            written.append(image)
        if self.old != self.new:
            write_bytes_atomic(self.path, self.new.encode("utf-8"))
            written.append(self.path)
        return written


def _relative_to(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


class Designs:
    """Designs and images shared by all notes of one run: each is loaded or drawn once."""

    def __init__(
        self,
        image_renderer: Callable[[Design, str], bytes] = render_image,
        *,
        allow_outside: bool = False,
    ) -> None:
        #: Whether markers may name designs outside the note's project (see `confined`).
        self.allow_outside = allow_outside
        self._designs: dict[Path, Checked | SketchError] = {}
        self._images: dict[tuple[int, str], bytes] = {}
        self._owners: dict[Path, Path] = {}  # image file -> the design file it is drawn from
        self._render = image_renderer

    def load(self, path: Path) -> Checked:
        """The design at `path`, loaded and checked once per run, with its project settings."""
        from sketch.checking import load_checked

        key = path.resolve()
        if key not in self._designs:
            try:
                self._designs[key] = load_checked(path)
            except (LoadError, ConfigError) as exc:
                self._designs[key] = exc
        found = self._designs[key]
        if isinstance(found, Exception):
            raise found
        return found

    def claim(self, image: Path, design_path: Path) -> None:
        """Refuse to draw two designs into one image file: notes would flip between them."""
        owner = self._owners.setdefault(image.resolve(), design_path.resolve())
        if owner != design_path.resolve():
            raise SectionError(
                f"image {image.name} is also drawn from another design ({owner})",
                "two designs in notes of one folder need different `Design(name=...)`",
            )

    def image(self, design: Design, fmt: str) -> bytes:
        key = (id(design), fmt)
        if key not in self._images:
            self._images[key] = self._render(design, fmt)
        return self._images[key]


def plan_note(path: Path, display: str, designs: Designs) -> NotePlan:
    """Everything the note should contain, or an `EmbedError` listing every problem in it."""
    old = _read(path, display)
    parsed = markers.parse(old, display)
    problems = list(parsed.errors)
    if problems:
        raise EmbedError(problems)
    bodies: list[str] = []
    images: dict[Path, bytes] = {}
    for region in parsed.regions:
        try:
            body, region_images = _generate(path, region, designs)
        except SectionError as exc:
            problems.append(
                markers.marker_problem(display, region.line, exc.message, exc.help or "")
            )
            continue
        bodies.append(body)
        images.update(region_images)
    if problems:
        raise EmbedError(problems)
    return NotePlan(path, display, old, markers.splice(parsed, bodies), images)


def _read(path: Path, display: str) -> str:
    if not path.is_file():  # a FIFO or a device could block or never end
        what = (
            "is a folder, not a note"
            if path.is_dir()
            else "not a regular file (a FIFO or a device cannot be a note)"
            if os.path.lexists(path)
            else "no such file"
        )
        raise EmbedError([_note_problem(display, what, "name a Markdown note, e.g. notes.md")])
    try:
        # Bytes, not text mode: the note's own line endings must survive untouched.
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EmbedError(
            [
                _note_problem(
                    display,
                    f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                    "save the note as UTF-8",
                )
            ]
        ) from exc


def _note_problem(display: str, message: str, help: str) -> Problem:
    return Problem("", message, help=help, source=Location(display))


def _generate(
    note: Path, region: markers.Region, designs: Designs
) -> tuple[str, dict[Path, bytes]]:
    design_path = _design_path(note, region)
    if not designs.allow_outside:
        confined(note, region.design, design_path)
    with _as_region_problem(region):
        validate_options(region.section, region.options)
        checked = designs.load(design_path)
        if checked.problems:  # as `sketch render`: a design with problems is not drawn
            shown = [f"{_where(p, design_path)}: {p.code} {p.message}" for p in checked.problems]
            if len(shown) > 8:
                shown[8:] = [f"... and {len(shown) - 8} more"]
            raise SectionError(
                f"design '{region.design}' has {len(checked.problems)} check problem(s); "
                "nothing was embedded from it:\n  " + "\n  ".join(shown),
                f"run `sketch check {region.design}` and fix them",
            )
        request = Request(checked.design, region.options, checked.settings)
        generated = SECTIONS[region.section].build(request)
        images = {}
        for relative, (image_design, fmt) in generated.images.items():
            designs.claim(note.parent / relative, design_path)
            images[note.parent / relative] = designs.image(image_design, fmt)
    return generated.body, images


def _design_path(note: Path, region: markers.Region) -> Path:
    """The region's design file, once its section is known to exist: relative to the note."""
    if region.section not in SECTIONS:
        from sketch.errors import did_you_mean

        raise SectionError(
            f"unknown section '{region.section}' ({did_you_mean(region.section, SECTIONS)})",
            "sections: " + ", ".join(SECTIONS),
        )
    design_path = note.parent / region.design
    if not design_path.is_file():
        raise SectionError(
            f"design file '{region.design}' not found (looked for {design_path})",
            "design paths in markers are relative to the note's folder",
        )
    return design_path


def _where(problem: Problem, design_path: Path) -> str:
    src = problem.source
    return (
        f"{relative_path(src.file)}:{src.line}" if src and src.line else relative_path(design_path)
    )


def project_root(note: Path) -> Path:
    """The project a note belongs to: the nearest folder above it holding `.git` or a
    `pyproject.toml`; else the working folder when the note is inside it; else the note's
    own folder."""
    folder = note.resolve().parent
    for candidate in [folder, *folder.parents]:
        if (candidate / ".git").exists() or (candidate / "pyproject.toml").is_file():
            return candidate
    here = Path.cwd().resolve()
    return here if folder.is_relative_to(here) else folder


def confined(note: Path, written: str, design_path: Path) -> None:
    """Refuse a marker's design outside the note's project: embedding runs a `.py` design,
    so a Markdown-only change must not make `sketch embed` (or its pre-commit hook) run a
    file elsewhere. Links are followed before comparing, so a symlink cannot lead out."""
    root = project_root(note)
    real = design_path.resolve()
    if Path(written).is_absolute() or not real.is_relative_to(root):
        raise SectionError(
            f"design '{written}' is outside the note's project ({relative_path(root)}/); "
            "sketch embed runs only designs inside it",
            "move the design into the project, or pass --allow-outside-project",
        )


@contextmanager
def _as_region_problem(region: markers.Region) -> Iterator[None]:
    """Known failures of loading, drawing or configuring become the region's problem."""
    try:
        yield
    except SectionError:
        raise
    except ConfigError as exc:
        raise SectionError(exc.message, "fix [tool.sketch] in that pyproject.toml") from exc
    except LoadError as exc:
        raise SectionError(
            f"cannot load design '{region.design}':\n  " + str(exc).replace("\n", "\n  "),
            "fix the design (`sketch check` shows its problems)",
        ) from exc
    except UndrawableDesign as exc:  # already says what it cannot draw, and why
        raise SectionError(exc.message, exc.help) from exc
    except RenderError as exc:
        raise SectionError(
            f"cannot draw design '{region.design}': {exc.message}",
            exc.help or "run `sketch check` on the design",
        ) from exc
