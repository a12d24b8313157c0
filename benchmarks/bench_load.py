"""What the load model costs: `sketch estimate` and `sketch lint` on designs of 10, 100 and 300
components, against the commit before the load model (issue 11's target: no worse than 2x).

    .venv/bin/python benchmarks/bench_load.py [--runs 15] [--base c491117~1]

The designs are built here (the same file for both trees, so only the code differs): a
client, a load balancer, then services, caches, databases, queues, workers and object stores
in turn; half the flows write (POST through a service to a store and a queue) and half read
(GET through a cache, the misses to a database). The base tree is `git archive`d into a
temporary folder, so no worktree or checkout is touched.

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

REPO = Path(__file__).resolve().parents[1]
SIZES = (10, 100, 300)
BASE = "c491117~1"  # the commit before the load model's fields and route_load
TARGET = 2.0

_KINDS = (  # (prefix, kind, tier, technology) after the fixed head of the design
    ("svc", "service", "Service", None),
    ("cache", "cache", "Data", "Redis"),
    ("db", "database", "Data", "PostgreSQL"),
    ("queue", "queue", "Async", "Kafka"),
    ("worker", "worker", "Async", None),
    ("store", "object_store", "Data", "S3"),
)


def design_source(n: int) -> str:
    """A `sketch check`-clean design with `n` components that loads on both trees."""
    comps = [
        ("client", "client", "Clients", None),
        ("lb", "load_balancer", "Edge", "Nginx"),
        ("app", "service", "Service", None),
        ("cache", "cache", "Data", "Redis"),
        ("db", "database", "Data", "PostgreSQL"),
    ]
    i = 0
    while len(comps) < n:
        prefix, kind, tier, tech = _KINDS[i % len(_KINDS)]
        comps.append((f"{prefix}{i}", kind, tier, tech))
        i += 1
    comps = comps[:n]
    of = {k: [c[0] for c in comps if c[1] == k] for k in {c[1] for c in comps}}
    services, caches, dbs = of["service"], of["cache"], of["database"]
    queues, workers = of.get("queue", []), of.get("worker", [])
    entities, apis, flows = max(5, n // 5), max(8, n // 3), max(2, n // 10)
    out = [
        "from sketch import *",
        "",
        "design = Design(",
        f'    name="synth{n}",',
        f"    limits=Limits(min_entities=3, max_entities={entities}, min_apis=5, max_apis={apis}),",
        "    requirements=Requirements(",
        "        in_scope=[Feature(key='post', text='Users post items'),",
        "                  Feature(key='read', text='Users read a feed')],",
        "        out_of_scope=['Search'],",
        "        scale=Scale(dau=10_000_000, write_name='item', writes_per_user_per_day=2,",
        "                    read_write_ratio=50, peak_factor=3,",
        "                    item_sizes=[ItemSize(name='body', bytes=1000)],",
        "                    retention_years=3, replication_factor=3,",
        "                    capacity=Capacity(qps_per_server=2000, qps_per_database=10000)),",
        "        latency=[LatencyTarget(operation='feed read', ms=200, percentile='p99')],",
        "        consistency=[Consistency(level='eventual', applies_to='feed')],",
        "        availability=99.9,",
        "    ),",
        "    entities=[",
    ]
    stores = dbs + caches
    for e in range(entities):
        ref = "" if e == 0 else ", references='E0.id'"
        out.append(
            f"        Entity(name='E{e}', stored_in='{stores[e % len(stores)]}', fields=["
            "Field(name='id', type='BIGINT', primary_key=True), "
            f"Field(name='owner_id', type='BIGINT'{ref}), Field(name='body', type='TEXT')]),"
        )
    out += ["    ],", "    apis=["]
    for a in range(apis):
        method = ("POST", "GET")[a % 2]
        serves = "['post']" if method == "POST" else "['read']"
        out.append(
            f"        Api(method='{method}', path='/api/v1/r{a}/{{id}}', purpose='Operation {a}',"
            f" request=['id'], response=['ok'], serves={serves}),"
        )
    out += ["    ],", "    components=["]
    for name, kind, tier, tech in comps:
        extra = f", technology='{tech}'" if tech else ""
        extra += ", instances=3" if kind in ("service", "load_balancer", "worker") else ""
        extra += ", replicas=2" if kind in ("cache", "database", "queue") else ""
        out.append(f"        Component(name='{name}', kind='{kind}', tier='{tier}'{extra}),")
    out += ["    ],", "    flows=["]
    reached = {"client", "lb"}
    for f in range(flows):
        svc, cache, db = services[f % len(services)], caches[f % len(caches)], dbs[f % len(dbs)]
        if f % 2 == 0:
            queue = queues[f % len(queues)] if queues else db
            worker = workers[f % len(workers)] if workers else svc
            api = f"POST /api/v1/r{(2 * f) % apis}/{{id}}"
            steps = [
                ("client", "lb", f"post item {f}", api, ""),
                ("lb", svc, "route", None, ""),
                (svc, db, "INSERT row", None, ""),
                (svc, queue, "publish event", None, ""),
                (queue, worker, "deliver", None, ""),
                (svc, "client", "return ok", None, ""),
            ]
            reached |= {svc, db, queue, worker}
        else:
            api = f"GET /api/v1/r{(2 * f + 1) % apis}/{{id}}"
            steps = [
                ("client", "lb", f"read feed {f}", api, ""),
                ("lb", svc, "route", None, ""),
                (svc, cache, "GET feed", None, ""),
                (svc, db, "SELECT rows", None, "miss"),
                (svc, "client", "return feed", None, ""),
            ]
            reached |= {svc, cache, db}
        out.append(f"        Flow(name='Flow {f}', steps=[")
        for source, target, action, call, condition in steps:
            extra = f", api='{call}'" if call else ""
            extra += f", condition='{condition}'" if condition else ""
            extra += ", asynchronous=True" if source in queues else ""
            out.append(
                f"            Step(from_='{source}', to='{target}', action='{action}'{extra}),"
            )
        out.append("        ]),")
    out += ["    ],", "    links=["]
    for k, name in enumerate(c[0] for c in comps):
        if name not in reached:
            source = services[k % len(services)] if name not in services else "lb"
            out.append(f"        Link(from_='{source}', to='{name}', label='l{k}'),")
    out += ["    ],", "    bottlenecks=["]
    for b in range(max(4, n // 25)):
        name = comps[2 + b % (n - 2)][0]
        out.append(
            f"        Bottleneck(title='Hot spot {b}', problem='Load on {name}',"
            f" components=['{name}'], solution='Shard {name}'),"
        )
    out += ["    ],", "    deep_dives=["]
    for d in range(2):
        out.append(
            f"        DeepDive(topic='Topic {d}', problem='Problem {d}', components=['app'],"
            " approaches=[Approach(name='A', how=['x'], pros=['p'], cons=['c']),"
            " Approach(name='B', how=['y'], pros=['p'], cons=['c'])],"
            " decision='A', justification='because'),"
        )
    out += ["    ],", ")"]
    return "\n".join(out) + "\n"


# Run in each tree's own interpreter: argv = runs, then the design paths. Prints JSON:
# {path: {"estimate": [[cpu ms, wall ms], ...], "lint": [...]}}; exit codes 0 and 1 are fine.
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
            path.write_text(design_source(n), encoding="utf-8")
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
