"""Benchmark `sketch render` against raw Graphviz `dot` on the same graph.

Run: .venv/bin/python benchmarks/bench_render.py [--runs 7] [DESIGN]

Prints the median wall time of `sketch render DESIGN` (a subprocess, into a temp folder), of
`sketch check DESIGN`, and of raw `dot -Tsvg`, `dot -Tpng` and one `dot` writing both, on the
DOT file sketch produced; then the ratios render / raw dot. Target: render <= 2x raw dot (the
one-call time is the fair comparison: render itself calls dot once for both images).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from steady import steady_bytecode

REPO = Path(__file__).resolve().parents[1]
SKETCH = [sys.executable, "-m", "sketch"]


def median_seconds(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process_render_seconds(design_path: str, runs: int, out: Path) -> float:
    """`render_design` alone: the rendering work without interpreter and import start-up."""
    from sketch.loading import load_design
    from sketch.rendering import render_design

    loaded = load_design(Path(design_path))
    render_design(loaded, out)  # imports diagrams and graphviz once, as the CLI does
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_design(loaded, out)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    steady_bytecode()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("design", nargs="?", default=str(REPO / "designs" / "twitter.py"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    design = str(Path(args.design).resolve())
    with tempfile.TemporaryDirectory(prefix="bench-render-") as temp:
        work = Path(temp)
        subprocess.run(
            [*SKETCH, "render", design, "-o", "out"], cwd=work, check=True, capture_output=True
        )  # also warms the OS file cache
        folder = next((work / "out").iterdir())  # out/<design name>, holding the DOT + icons
        dot = ["dot", "architecture.dot"]
        timings = {
            "sketch render (png,svg,dot,md)": median_seconds(
                [*SKETCH, "render", design, "-o", str(work / "again")], args.runs, work
            ),
            "sketch check": median_seconds([*SKETCH, "check", design], args.runs, work),
            "dot -Tsvg": median_seconds([*dot, "-Tsvg", "-o", "x.svg"], args.runs, folder),
            "dot -Tpng": median_seconds([*dot, "-Tpng", "-o", "x.png"], args.runs, folder),
            "dot -Tsvg -Tpng (one call)": median_seconds(
                [*dot, "-Tsvg", "-o", "x.svg", "-Tpng", "-o", "x.png"], args.runs, folder
            ),
            "render_design() in process": in_process_render_seconds(
                design, args.runs, work / "in-process"
            ),
        }
    print(f"{Path(design).name}: median of {args.runs} runs")
    for name, seconds in timings.items():
        print(f"  {name:<32} {seconds * 1000:8.1f} ms")
    render = timings["sketch render (png,svg,dot,md)"]
    separate = timings["dot -Tsvg"] + timings["dot -Tpng"]
    one_call = timings["dot -Tsvg -Tpng (one call)"]
    print(f"  render / raw dot (one call)      {render / one_call:8.2f}x   (target <= 2x)")
    print(f"  render / raw dot (svg + png)     {render / separate:8.2f}x")
    in_process = timings["render_design() in process"]
    print(f"  render_design() / raw dot        {in_process / one_call:8.2f}x   (rendering work)")
    startup = render - in_process
    print(f"  render start-up (CLI - in proc.) {startup * 1000:8.1f} ms  (python, imports, load)")
    print(
        f"  sketch check                     {timings['sketch check'] * 1000:8.1f} ms"
        "   (target < 300 ms)"
    )


if __name__ == "__main__":
    main()
