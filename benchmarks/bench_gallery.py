"""Benchmark rendering the whole gallery serially (jobs=1) and in parallel (jobs=cores).

Run: .venv/bin/python benchmarks/bench_gallery.py [--runs 5] [--jobs N] [--formats png,svg,dot,md]

Each run is a fresh Python process that calls `sketch.rendering.batch.render_many` on
designs/ into a temporary folder, as `sketch render designs/` would: interpreter start-up and
imports are
part of what a user waits for. Prints the median wall time of each mode, the median time
inside `render_many` alone, and the speed-up serial / parallel.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from steady import steady_bytecode

REPO = Path(__file__).resolve().parents[1]

# The child prints the time spent inside render_many, so start-up can be told apart.
CHILD = """
import json, sys
from pathlib import Path
from sketch.rendering.batch import render_many
from sketch.loading.discover import design_files

if __name__ == "__main__":
    designs, out, formats, jobs = sys.argv[1:5]
    result = render_many(design_files([Path(designs)]), Path(out),
                         tuple(formats.split(",")), jobs=int(jobs))
    for outcome in result.failed:
        print("\\n".join(outcome.messages), file=sys.stderr)
    print(json.dumps({"seconds": result.seconds, "rendered": len(result.rendered),
                      "failed": len(result.failed), "jobs": result.jobs}))
"""


def one_run(script: Path, designs: Path, formats: str, jobs: int) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory(prefix="bench-gallery-") as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(script), str(designs), out, formats, str(jobs)],
            check=True,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["failed"]:
        raise SystemExit(f"{report['failed']} design(s) failed to render:\n{done.stderr}")
    return wall, report


def measure(script: Path, designs: Path, formats: str, modes: list[int], runs: int) -> list[dict]:
    """Runs alternate between the modes, so a busy neighbour slows both alike."""
    walls: dict[int, list[float]] = {jobs: [] for jobs in modes}
    insides: dict[int, list[float]] = {jobs: [] for jobs in modes}
    reports: dict[int, dict] = {}
    for _ in range(runs):
        for jobs in modes:
            wall, reports[jobs] = one_run(script, designs, formats, jobs)
            walls[jobs].append(wall)
            insides[jobs].append(reports[jobs]["seconds"])
    return [
        {
            "wall": statistics.median(walls[jobs]),
            "inside": statistics.median(insides[jobs]),
            "jobs": reports[jobs]["jobs"],
            "designs": reports[jobs]["rendered"],
        }
        for jobs in modes
    ]


def main() -> None:
    steady_bytecode()
    from sketch.rendering.batch import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--designs", type=Path, default=REPO / "designs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="parallel workers")
    parser.add_argument("--formats", default="png,svg,dot,md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gallery-child-") as temp:
        script = Path(temp) / "render_gallery.py"
        script.write_text(CHILD, encoding="utf-8")
        one_run(script, args.designs, args.formats, 1)  # warm the OS file cache
        serial, parallel = measure(script, args.designs, args.formats, [1, args.jobs], args.runs)
    print(
        f"gallery: {serial['designs']} designs from {args.designs.name}/, formats "
        f"{args.formats}, median of {args.runs} alternating runs, {default_jobs()} cores available"
    )
    for label, row in (
        ("serial (jobs=1)", serial),
        (f"parallel (jobs={parallel['jobs']})", parallel),
    ):
        print(f"  {label:<20} {row['wall']:6.2f} s wall   {row['inside']:6.2f} s in render_many")
    print(
        f"  speed-up            {serial['wall'] / parallel['wall']:6.2f}x wall   "
        f"{serial['inside'] / parallel['inside']:6.2f}x in render_many"
    )


if __name__ == "__main__":
    main()
