"""Rendering a folder in parallel: good designs render, broken ones are reported, not fatal."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sketch.cli.progress import report_many
from sketch.loading.discover import design_files
from sketch.rendering import batch
from sketch.rendering.batch import BatchResult, DesignOutcome, Status, render_many
from tests.helpers.paths import REPO_ROOT

GOOD = ["url_shortener", "rate_limiter", "ticket_booking"]
# Text formats only: rendering PNGs is the gallery test's job, these tests stay quick.
FORMATS = ("dot", "md")

BROKEN = '''"""A design with a syntax error on line 4."""
from sketch import Design

design = Design(name="broken"
x = 1
'''

TOO_SMALL = """from sketch import Design, Entity, Field

design = Design(
    name="too_small",
    entities=[Entity(name="Only", fields=[Field(name="id", type="INT", primary_key=True)])],
)
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three gallery designs, one syntax error and one design `sketch check` rejects."""
    here = tmp_path_factory.mktemp("designs")
    for name in GOOD:
        shutil.copy(REPO_ROOT / "designs" / f"{name}.py", here / f"{name}.py")
    (here / "broken.py").write_text(BROKEN, encoding="utf-8")
    (here / "too_small.py").write_text(TOO_SMALL, encoding="utf-8")
    return here


@pytest.fixture(scope="module")
def parallel(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[BatchResult, Path]:
    out = tmp_path_factory.mktemp("out-parallel")
    return render_many(design_files([folder]), out, FORMATS, jobs=2), out


def by_stem(result: BatchResult) -> dict[str, DesignOutcome]:
    return {o.path.stem: o for o in result.outcomes}


def test_good_designs_render_although_one_is_broken(parallel: tuple[BatchResult, Path]) -> None:
    result, out = parallel
    finished = [o.name for o in result.rendered if not o.problems]
    assert sorted(finished) == sorted(GOOD)  # type: ignore[type-var]
    for name in GOOD:
        assert sorted(p.name for p in (out / name).iterdir()) == [
            "architecture.dot",
            "design.md",
            "icons",
        ]
        outcome = by_stem(result)[name]
        assert all(path.is_file() for path in outcome.files)


def test_syntax_error_is_reported_with_file_and_line(parallel: tuple[BatchResult, Path]) -> None:
    broken = by_stem(parallel[0])["broken"]
    assert broken.status is Status.load_error
    assert not broken.files
    (message,) = broken.messages
    assert message.startswith(f"{broken.path}:4: syntax error")
    assert "help:" in message


def test_a_design_with_check_problems_is_drawn_as_a_draft(
    parallel: tuple[BatchResult, Path],
) -> None:
    result, out = parallel
    small = by_stem(result)["too_small"]
    assert small.status is Status.draft and small.status.exit_code == 1
    assert any("C101" in p and "too_small.py:3: C101" in p for p in small.messages)
    note = (out / "too_small" / "design.md").read_text(encoding="utf-8")
    assert f"> **draft: {len(small.problems)} problems**" in note
    assert "> - C101 " in note
    dot = (out / "too_small" / "architecture.dot").read_text(encoding="utf-8")
    assert f"draft: {len(small.problems)} problems" in dot


def test_exit_status_and_summary_say_problems(parallel: tuple[BatchResult, Path]) -> None:
    result, _ = parallel
    # broken.py does not load: exit 2, as `sketch render broken.py` alone exits (not 1)
    assert result.exit_code == 2
    assert result.summary().startswith(
        "5 designs: 4 rendered (1 a draft with problems), 1 failed in "
    )
    assert result.summary().endswith("(2 jobs)")


def test_outcomes_come_in_the_order_given(parallel: tuple[BatchResult, Path]) -> None:
    result, _ = parallel
    assert [o.path.stem for o in result.outcomes] == sorted(["broken", "too_small", *GOOD])


def test_serial_and_parallel_write_identical_bytes(
    folder: Path, parallel: tuple[BatchResult, Path], tmp_path: Path
) -> None:
    serial = render_many(design_files([folder]), tmp_path, FORMATS, jobs=1)
    assert serial.jobs == 1
    assert [(o.path, o.status) for o in serial.outcomes] == [
        (o.path, o.status) for o in parallel[0].outcomes
    ]
    for name in GOOD:
        for file in ("architecture.dot", "design.md"):
            assert (tmp_path / name / file).read_bytes() == (parallel[1] / name / file).read_bytes()


def test_progress_is_called_once_per_design(folder: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    paths = design_files([folder])[:2]
    render_many(
        paths,
        tmp_path,
        ("md",),
        jobs=2,
        progress=lambda done, total, o: calls.append((done, total, o.path.stem)),
    )
    assert [(done, total) for done, total, _ in calls] == [(1, 2), (2, 2)]
    assert sorted(stem for _, _, stem in calls) == sorted(p.stem for p in paths)


def test_report_prints_problems_plain_lines_and_a_summary(folder: Path, tmp_path: Path) -> None:
    stream = io.StringIO()  # not a terminal: plain lines, no progress bar
    code = report_many(design_files([folder]), tmp_path, ("md",), jobs=2, stream=stream)
    lines = stream.getvalue().splitlines()
    assert code == 2  # the worst design's code: broken.py does not load
    assert sum(line.startswith("[") and "/5] " in line for line in lines) == 5
    assert any(line.endswith("broken.py: load error") for line in lines)
    assert any(":4: syntax error" in line for line in lines)
    assert any("too_small.py: rendered" in line and "as a draft" in line for line in lines)
    assert lines[-1].startswith("5 designs: 4 rendered (1 a draft with problems), 1 failed in ")


def test_two_designs_with_one_name_are_a_problem(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    text = (REPO_ROOT / "designs" / "rate_limiter.py").read_text(encoding="utf-8")
    for copy in ("a.py", "b.py"):
        (src / copy).write_text(text, encoding="utf-8")
    result = render_many(design_files([src]), tmp_path / "out", ("md",), jobs=2)
    first, second = result.outcomes
    assert first.ok
    assert second.status is Status.render_error
    assert "also used by" in second.messages[0]
    assert result.exit_code == 2  # as `sketch render` refusing the two names exits


def test_an_empty_list_renders_nothing(tmp_path: Path) -> None:
    result = render_many([], tmp_path, FORMATS)
    assert result.outcomes == ()
    assert result.exit_code == 0


def test_renders_while_the_caller_runs_threads(folder: Path, tmp_path: Path) -> None:
    # A progress bar or an embedding app may run threads; forking then is unsafe, so the
    # pool starts its workers from a clean forkserver instead. It must still work.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert batch._pool_context().get_start_method() in ("forkserver", "spawn")
        paths = [folder / f"{name}.py" for name in GOOD[:2]]
        result = render_many(paths, tmp_path, ("md",), jobs=2)
    finally:
        stop.set()
        thread.join()
    assert [o.status for o in result.outcomes] == [Status.rendered, Status.rendered]
    assert all((tmp_path / name / "design.md").is_file() for name in GOOD[:2])


def test_a_fresh_process_reports_and_exits_with_problems(folder: Path, tmp_path: Path) -> None:
    # What the CLI hook does, in a real interpreter: no test runner state to lean on.
    program = (
        "import sys\nfrom pathlib import Path\n"
        "from sketch.cli.progress import report_many\n"
        "from sketch.loading.discover import design_files\n"
        "sys.exit(report_many(design_files([Path(sys.argv[1])]), Path(sys.argv[2]), ('md',)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, str(folder), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr  # broken.py does not load
    assert ":4: syntax error" in done.stdout
    assert done.stdout.splitlines()[-1].startswith(
        "5 designs: 4 rendered (1 a draft with problems), 1 failed"
    )
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*GOOD, "too_small"])


def test_an_error_in_the_progress_callback_is_not_swallowed(folder: Path, tmp_path: Path) -> None:
    def fail(done: int, total: int, outcome: DesignOutcome) -> None:
        raise KeyboardInterrupt  # what Ctrl-C looks like from inside the loop

    with pytest.raises(KeyboardInterrupt):
        render_many(design_files([folder]), tmp_path, ("md",), jobs=2, progress=fail)
