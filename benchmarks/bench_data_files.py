"""Benchmark loading designs as data (YAML, JSON) against Python, and the loader's limits.

Run: .venv/bin/python benchmarks/bench_data_files.py [--runs 20]

For every design in designs/: the median time to load the .py file, and its YAML and JSON
conversions (written to a temporary folder), with the ratios to Python. Then the median time
to refuse an alias bomb (9 levels of 9 aliases: 387M values once expanded) and a 2 MiB file
of nesting, which must stay far below a second; and the median time of the exports.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sketch.loading import LoadError, load_design
from sketch.rendering.data_file import to_json, to_yaml
from sketch.rendering.openapi import openapi_document
from sketch.rendering.sql import sql_ddl

REPO = Path(__file__).resolve().parents[1]


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def refused(path: Path) -> None:
    try:
        load_design(path)
    except LoadError:
        return
    raise AssertionError(f"{path} loaded")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="bench-data-") as folder:
        out = Path(folder)
        print(
            f"{'design':<16} {'py ms':>8} {'yaml ms':>8} {'json ms':>8} {'yaml/py':>8} "
            f"{'json/py':>8}"
        )
        for path in sorted((REPO / "designs").glob("*.py")):
            design = load_design(path).design
            yaml_path, json_path = out / f"{path.stem}.yaml", out / f"{path.stem}.json"
            yaml_path.write_text(to_yaml(design))
            json_path.write_text(to_json(design))
            py, yml, jsn = (
                median_ms(lambda p=p: load_design(p), runs) for p in (path, yaml_path, json_path)
            )
            print(
                f"{path.stem:<16} {py:8.2f} {yml:8.2f} {jsn:8.2f} {yml / py:8.2f} {jsn / py:8.2f}"
            )
        bomb = ["l0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
        bomb += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
        (out / "bomb.yaml").write_text("\n".join(bomb) + "\n")
        (out / "deep.yaml").write_text("[" * (2 * 1024 * 1024 - 1))
        for name in ("bomb.yaml", "deep.yaml"):
            print(f"refuse {name:<12} {median_ms(lambda n=name: refused(out / n), runs):8.2f} ms")
        twitter = load_design(REPO / "designs" / "twitter.py").design
        print(f"openapi twitter     {median_ms(lambda: openapi_document(twitter), runs):8.2f} ms")
        print(f"sql twitter         {median_ms(lambda: sql_ddl(twitter), runs):8.2f} ms")


if __name__ == "__main__":
    main()
