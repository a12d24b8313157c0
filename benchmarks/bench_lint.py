"""How fast `sketch lint` is, cold, as a user runs it.

    .venv/bin/python benchmarks/bench_lint.py [--runs 7]

Prints the median wall time of:
- `sketch lint designs/twitter.py` in a fresh process (and `sketch check` for comparison);
- one `sketch lint` call over 200 design files (variants of twitter.py in a temp folder).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from steady import steady_bytecode

REPO = Path(__file__).resolve().parents[1]
TWITTER = REPO / "designs" / "twitter.py"
SKETCH = [sys.executable, "-m", "sketch"]


def timed(args: list[str], runs: int) -> float:
    """Median seconds of `runs` fresh processes; exit codes 0 and 1 (findings) are fine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, cwd=REPO, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return statistics.median(times)


def variants(folder: Path, count: int) -> None:
    """Twitter at different scales and names, so each file is a distinct design."""
    source = TWITTER.read_text(encoding="utf-8")
    for i in range(count):
        text = source.replace('name="twitter"', f'name="twitter_{i:03d}"')
        text = re.sub(r"dau=200_000_000", f"dau={1_000 * (i + 1) ** 3}", text)
        (folder / f"twitter_{i:03d}.py").write_text(text, encoding="utf-8")


def main() -> None:
    steady_bytecode()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--designs", type=int, default=200)
    options = parser.parse_args()

    startup = timed([sys.executable, "-c", "import sketch.cli"], options.runs)
    check = timed([*SKETCH, "check", str(TWITTER)], options.runs)
    lint = timed([*SKETCH, "lint", str(TWITTER)], options.runs)
    with tempfile.TemporaryDirectory() as tmp:
        variants(Path(tmp), options.designs)
        many = timed([*SKETCH, "lint", "--exit-zero", tmp], max(3, options.runs // 2))
    per_design = (many - lint) / (options.designs - 1)
    print(f"import sketch.cli (cold)           median {startup * 1000:7.0f} ms")
    print(f"sketch check designs/twitter.py    median {check * 1000:7.0f} ms")
    print(
        f"sketch lint designs/twitter.py     median {lint * 1000:7.0f} ms "
        f"({lint / check:.2f}x check)"
    )
    print(
        f"sketch lint {options.designs} designs (one call)  median {many * 1000:7.0f} ms "
        f"(~{per_design * 1000:.1f} ms per extra design)"
    )


if __name__ == "__main__":
    main()
