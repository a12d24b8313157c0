"""What the load model costs: `sketch estimate` and `sketch lint` on designs of 10, 100 and 300
components, against the commit before the load model (issue 11's target: no worse than 2x).

    .venv/bin/python benchmarks/bench_load.py [--runs 15] [--base c491117~1]

The designs are `synthetic.py`'s, as the scaling benchmarks use (the same file for both
trees, so only the code differs): a client, a load balancer, then services, caches,
databases, queues, workers and object stores in turn, half the flows writing and half
reading, with the scale figures the estimate and the load model read. The base tree is
`git archive`d into a temporary folder, so no worktree or checkout is touched.

Each tree runs in its own process, its `src/` first on the path, and times `--runs`
in-process runs of each command (the CLI's click command, built once, after one warm-up:
imports are `bench_lint.py`'s concern), so the ratio is the work's, not start-up's. The two
trees take turns for `--rounds` rounds, so a busy machine slows both alike; the medians are of
CPU time (`time.process_time`), which other processes on a shared machine disturb least, with
the wall-time medians beside them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from steady import steady_bytecode
from synthetic import generate

REPO = Path(__file__).resolve().parents[1]
SIZES = (10, 100, 300)
BASE = "c491117~1"  # the commit before the load model's fields and route_load
TARGET = 2.0

_CHILD = """
import contextlib, io, json, sys, time
from typer.main import get_command
from sketch.cli import app

# Built once: typer rebuilds the click group on every `invoke(app)`, a cost that grows with
# the number of commands (main has more than the base) and is no part of the command's work.
command = get_command(app)
runs, paths = int(sys.argv[1]), sys.argv[2:]

def run(args):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return command.main(args, prog_name="sketch", standalone_mode=False)
        except SystemExit as exit:
            return exit.code

def samples(args):
    found = []
    for i in range(runs + 1):
        cpu, wall = time.process_time(), time.perf_counter()
        code = run(args)
        took = [(time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000]
        if code not in (0, 1, None):
            raise SystemExit(f"{args}: exit {code}")
        if i:  # the first run warms the imports
            found.append(took)
    return found

print(json.dumps({p: {"estimate": samples(["estimate", p]),
                      "lint": samples(["lint", "--exit-zero", p])} for p in paths}))
"""
Samples = dict[str, dict[str, list[list[float]]]]


def timings(src: Path, runs: int, paths: list[Path]) -> Samples:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(runs), *map(str, paths)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark in {src} failed:\n{done.stdout}{done.stderr}")
    result: Samples = json.loads(done.stdout.splitlines()[-1])
    return result


def pooled(rounds: list[Samples]) -> dict[str, dict[str, tuple[float, float]]]:
    """(CPU, wall) medians per design and command over every round's samples."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for path, commands in rounds[0].items():
        out[path] = {}
        for command in commands:
            every = [sample for r in rounds for sample in r[path][command]]
            out[path][command] = (
                statistics.median(s[0] for s in every),
                statistics.median(s[1] for s in every),
            )
    return out


def base_tree(commit: str, folder: Path) -> Path:
    """`commit`'s src/ unpacked into `folder`, without touching any checkout."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def main() -> None:
    steady_bytecode()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per round")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each tree")
    parser.add_argument("--base", default=BASE, help="the commit to compare with")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for n in SIZES:
            path = folder / f"synth{n}.py"
            path.write_text(generate(n), encoding="utf-8")
            paths.append(path)
        base_src = base_tree(options.base, folder / "base")
        base_rounds, now_rounds = [], []
        for _ in range(options.rounds):
            base_rounds.append(timings(base_src, options.runs, paths))
            now_rounds.append(timings(REPO / "src", options.runs, paths))
        base, now = pooled(base_rounds), pooled(now_rounds)
    total = options.runs * options.rounds
    print(f"medians of {total} in-process runs, ms (CPU; wall in brackets); base = {options.base}")
    print(f"{'components':>10} {'command':>9} {'base':>17} {'now':>17} {'ratio':>7}")
    worst = 0.0
    for n, path in zip(SIZES, paths, strict=True):
        rows = [(c, base[str(path)][c], now[str(path)][c]) for c in ("estimate", "lint")]
        both = (
            "both",
            tuple(sum(r[1][i] for r in rows) for i in (0, 1)),
            tuple(sum(r[2][i] for r in rows) for i in (0, 1)),
        )
        for command, before, after in [*rows, both]:
            ratio = after[0] / before[0]
            worst = max(worst, ratio)
            print(
                f"{n:>10} {command:>9} {before[0]:>7.1f} [{before[1]:>7.1f}]"
                f" {after[0]:>7.1f} [{after[1]:>7.1f}] {ratio:>6.2f}x"
            )
    verdict = "within" if worst <= TARGET else "OVER"
    print(f"worst CPU ratio {worst:.2f}x: {verdict} the target of {TARGET:g}x (issue 11)")


if __name__ == "__main__":
    main()
