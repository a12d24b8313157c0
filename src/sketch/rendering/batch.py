"""Rendering many designs at once, in parallel across cores; one broken design spoils nothing.

Each worker process loads, checks and renders one design with `sketch.rendering.render_design`,
and sends back a `DesignOutcome` (files written, or the one-screen problems that stopped it).
Outcomes come back in the order the paths were given, whatever order the workers finish in.

The terminal report (a progress bar, every problem, a summary line) is `sketch.cli.progress`.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sketch.errors import ConfigError, ExitCode, LoadError, Problem, SketchError, plural
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

if TYPE_CHECKING:  # the pool's modules (~15 ms) load only when several designs render
    import multiprocessing.context
    from concurrent.futures import Future


class Status(StrEnum):
    rendered = "rendered"
    load_error = "load error"  # syntax error, invalid design, no design in the file
    draft = "draft"  # `sketch check` finds problems: drawn with a banner, exit code 1
    render_error = "render error"  # e.g. Graphviz failed or a bad design name
    internal_error = "internal error"  # a bug in sketch: exit code 3

    @property
    def exit_code(self) -> ExitCode:
        """The exit code of one design in this state: the same as `sketch render` of it alone."""
        return _EXIT_CODES[self]


_EXIT_CODES = {
    Status.rendered: ExitCode.OK,
    Status.draft: ExitCode.PROBLEMS,
    Status.load_error: ExitCode.USAGE,
    Status.render_error: ExitCode.USAGE,
    Status.internal_error: ExitCode.INTERNAL,
}


@dataclass(frozen=True)
class DesignOutcome:
    """What happened to one design file."""

    path: Path
    status: Status
    name: str | None = None
    files: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()  # what `sketch check` found: the design is a draft
    error: str | None = None  # the one-screen message of what else stopped it
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether its files were written (a draft's too)."""
        return self.status in (Status.rendered, Status.draft)

    @property
    def messages(self) -> tuple[str, ...]:
        """One-screen messages, each starting with file:line: the error, or every problem."""
        shown = (self.error,) if self.error else ()
        return shown + tuple(p.report(str(p.source or self.path)) for p in self.problems)


@dataclass(frozen=True)
class BatchResult:
    """Every design's outcome, in the order the paths were given, and the wall time."""

    outcomes: tuple[DesignOutcome, ...]
    seconds: float
    jobs: int

    @property
    def rendered(self) -> tuple[DesignOutcome, ...]:
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[DesignOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def drafts(self) -> tuple[DesignOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status is Status.draft)

    @property
    def exit_code(self) -> ExitCode:
        """The worst design's: internal error (3) > could not load or draw (2) > problems (1)."""
        return max((o.status.exit_code for o in self.outcomes), default=ExitCode.OK)

    def summary(self) -> str:
        """`8 designs: 7 rendered (1 a draft with problems), 1 failed in 2.31 s (2 jobs)`."""
        drafts = len(self.drafts)
        rendered = f"{len(self.rendered)} rendered"
        if drafts:
            rendered += f" ({drafts} {'a draft' if drafts == 1 else 'drafts'} with problems)"
        return (
            f"{plural(len(self.outcomes), 'design')}: {rendered}, {len(self.failed)} failed "
            f"in {self.seconds:.2f} s ({plural(self.jobs, 'job')})"
        )


Progress = Callable[[int, int, DesignOutcome], None]  # (done, total, the outcome just in)


def default_jobs() -> int:
    """The cores this process may use (affinity-aware where the platform tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def render_many(
    paths: Sequence[Path],
    out_dir: Path,
    formats: Iterable[str] = (),
    jobs: int | None = None,
    progress: Progress | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> BatchResult:
    """Load, check and render every design in `paths` into `out_dir/<name>/`.

    `jobs=None` uses every core, `jobs=1` renders in this process (no pool). `formats=()`
    means every registered format. A design that fails is reported in its outcome; the
    others still render.
    """
    paths = [Path(p) for p in paths]
    wanted = tuple(formats)
    workers = max(1, min(jobs or default_jobs(), len(paths) or 1))
    start = time.perf_counter()
    by_index: dict[int, DesignOutcome] = {}
    outcomes = _outcomes(paths, out_dir, wanted, workers, options)
    for done, (index, outcome) in enumerate(outcomes, 1):
        by_index[index] = outcome
        if progress is not None:
            progress(done, len(paths), outcome)
    ordered = _flag_shared_names([by_index[i] for i in range(len(paths))])
    return BatchResult(tuple(ordered), time.perf_counter() - start, workers)


def _outcomes(
    paths: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    workers: int,
    options: RenderOptions,
) -> Iterator[tuple[int, DesignOutcome]]:
    if workers == 1:
        for index, path in enumerate(paths):
            yield index, render_one(path, out_dir, formats, options)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_pool_context(),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        futures: dict[Future[DesignOutcome], int] = {
            pool.submit(render_one, path, out_dir, formats, options): index
            for index, path in enumerate(paths)
        }
        for future in as_completed(futures):
            index = futures[future]
            yield index, _result_of(future, paths[index])
    finally:
        # On Ctrl-C (or a failing progress callback) drop the designs not started yet
        # instead of rendering them all before the error surfaces.
        pool.shutdown(wait=True, cancel_futures=True)


# Imported once before the pool starts, so forked workers inherit them instead of each
# paying ~0.4 s to import pydantic models, diagrams and graphviz again.
_WARM_MODULES = (
    "sketch.checking",
    "sketch.loading",
    "sketch.rendering",
    "sketch.rendering.diagram",
)


def _pool_context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        for module in _WARM_MODULES:
            importlib.import_module(module)
        return multiprocessing.get_context("fork")
    # Forking a process that runs threads can deadlock (and Python 3.12+ warns about it):
    # forkserver forks workers from a clean single-threaded server instead.
    method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(list(_WARM_MODULES))
    return context


_PR_SET_PDEATHSIG = 1
#: How often a worker looks for its parent where the kernel cannot tell it (not Linux).
PARENT_POLL_S = 0.5


def die_with_parent(sketch_pid: int) -> None:
    """Make this worker process end when `sketch_pid` (the process that made the pool) dies.

    A `sketch render` killed with SIGKILL runs no cleanup, so its pool's workers would live on
    forever. On Linux the kernel sends the worker SIGKILL when its parent dies
    (`prctl(PR_SET_PDEATHSIG)`); everywhere, a daemon thread also watches for the worker
    being handed to another parent or for `sketch_pid` to be gone, and exits at once (with
    forkserver the worker's parent is the server, which ends when sketch does).
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util
        import signal

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    threading.Thread(target=_watch_parent, args=(parent, sketch_pid), daemon=True).start()


def _watch_parent(parent: int, sketch_pid: int) -> None:
    # Checked once at once: sketch may have died before prctl above took effect.
    while os.getppid() == parent and _alive(sketch_pid):
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _result_of(future: Future[DesignOutcome], path: Path) -> DesignOutcome:
    try:
        return future.result()
    except Exception as exc:  # the worker process died (killed, out of memory)
        return DesignOutcome(
            path,
            Status.internal_error,
            error=f"{path}: worker failed: {type(exc).__name__}: {exc}",
        )


def render_one(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = (),
    options: RenderOptions = DEFAULT_OPTIONS,
) -> DesignOutcome:
    """Load, check and render one design; never raises. Runs in a worker process."""
    start = time.perf_counter()
    outcome = _attempt(path, out_dir, formats, options)
    return replace(outcome, seconds=time.perf_counter() - start)


def render_path(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = (),
    options: RenderOptions = DEFAULT_OPTIONS,
) -> DesignOutcome:
    """Load, check and render one design. Raises what stops it (`SketchError`, `OSError`).

    A design with check problems is still drawn, as a draft: every output carries a banner
    with the problems, and the outcome lists them (its exit code is 1)."""
    from sketch.checking import load_checked
    from sketch.rendering.formats import render_design

    checked = load_checked(path)
    name = checked.design.name
    drawn = replace(options, problems=checked.problems)
    files = tuple(render_design(checked.loaded, out_dir, formats, checked.settings, drawn))
    status = Status.draft if checked.problems else Status.rendered
    return DesignOutcome(path, status, name, files=files, problems=checked.problems)


def _attempt(
    path: Path, out_dir: Path, formats: tuple[str, ...], options: RenderOptions
) -> DesignOutcome:
    try:
        return render_path(path, out_dir, formats, options)
    except (LoadError, ConfigError) as exc:
        return DesignOutcome(path, Status.load_error, error=str(exc))
    except SketchError as exc:  # a renderer's error: Graphviz, a name unfit for a folder
        return DesignOutcome(path, Status.render_error, error=f"{path}: {exc}")
    except OSError as exc:
        where = exc.filename or path
        message = f"{path}: cannot write or read {where}: {exc.strerror or exc}"
        return DesignOutcome(path, Status.render_error, error=message)
    except Exception as exc:  # a bug in sketch: reported, and the exit code says so
        message = f"{path}: internal error: {type(exc).__name__}: {exc}"
        return DesignOutcome(path, Status.internal_error, error=message)


def _flag_shared_names(outcomes: list[DesignOutcome]) -> list[DesignOutcome]:
    """Two designs with one `name` render into the same folder: the later one is a problem."""
    counts = Counter(o.name for o in outcomes if o.ok)
    first: dict[str, Path] = {}
    flagged = []
    for outcome in outcomes:
        name = outcome.name
        if outcome.ok and name is not None and counts[name] > 1:
            if name in first:
                message = (
                    f"{outcome.path}: design name '{name}' is also used by "
                    f"{first[name]}; both rendered into the same folder\n"
                    "help: give each design its own `name=`"
                )
                outcome = replace(outcome, status=Status.render_error, error=message)
            else:
                first[name] = outcome.path
        flagged.append(outcome)
    return flagged
