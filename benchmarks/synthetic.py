"""Write a synthetic, `sketch check`-clean design with N components (the scaling benchmarks).

    python benchmarks/synthetic.py N OUT.py

From the performance review (shared/reviews/perf-scripts/gen_design.py), unchanged in what it
writes, so its figures and these benchmarks' compare.

Scales everything with N: components N (tiers Clients/Edge/Service/Data/Async), entities
max(5, N//5), APIs max(8, N//3) (with `limits` raised to fit), flows max(2, N//10) of 6 steps,
a link to every component no flow reaches, bottlenecks max(4, N//25), two deep dives.
"""

from __future__ import annotations

import sys

KINDS = [  # (name prefix, kind, tier, technology)
    ("svc", "service", "Service", None),
    ("cache", "cache", "Data", "Redis"),
    ("db", "database", "Data", "PostgreSQL"),
    ("queue", "queue", "Async", "Kafka"),
    ("worker", "worker", "Async", None),
    ("store", "object_store", "Data", "S3"),
]


def generate(n: int) -> str:
    comps = [
        ("client", "client", "Clients", None),
        ("lb", "load_balancer", "Edge", "Nginx"),
        ("app", "service", "Service", None),
        ("cache", "cache", "Data", "Redis"),
        ("db", "database", "Data", "PostgreSQL"),
    ]
    i = 0
    while len(comps) < n:
        prefix, kind, tier, tech = KINDS[i % len(KINDS)]
        comps.append((f"{prefix}{i}", kind, tier, tech))
        i += 1
    comps = comps[:n]
    names = [c[0] for c in comps]
    services = [c[0] for c in comps if c[1] == "service"]
    stores = [c[0] for c in comps if c[1] in ("cache", "database", "object_store")]
    queues = [c[0] for c in comps if c[1] == "queue"]
    workers = [c[0] for c in comps if c[1] == "worker"]

    n_ent = max(5, n // 5)
    n_api = max(8, n // 3)
    n_flow = max(2, n // 10)
    out = [
        "from sketch import *",
        "",
        "design = Design(",
        f'    name="synth{n}",',
        f'    title="Synthetic design, {n} components",',
        f"    limits=Limits(min_entities=3, max_entities={n_ent}, min_apis=5, max_apis={n_api}),",
        "    requirements=Requirements(",
        "        in_scope=[Feature(key='post', text='Users post items'),",
        "                  Feature(key='read', text='Users read a feed')],",
        "        out_of_scope=['Search'],",
        "        scale=Scale(dau=10_000_000, write_name='item', writes_per_user_per_day=2,",
        "                    read_write_ratio=50, peak_factor=3,",
        "                    item_sizes=[ItemSize(name='body', bytes=1000)],",
        "                    retention_years=3, replication_factor=3),",
        "        latency=[LatencyTarget(operation='feed read', ms=200, percentile='p99')],",
        "        consistency=[Consistency(level='eventual', applies_to='feed',"
        " staleness='seconds')],",
        "        availability=99.9,",
        "    ),",
        "    entities=[",
    ]
    for e in range(n_ent):
        store = stores[e % len(stores)]
        ref = "" if e == 0 else ", references='E0.id'"
        out.append(
            f"        Entity(name='E{e}', stored_in='{store}', fields=["
            f"Field(name='id', type='BIGINT', primary_key=True), "
            f"Field(name='owner_id', type='BIGINT'{ref}), "
            f"Field(name='body', type='TEXT'), Field(name='created_at', type='TIMESTAMP')]),"
        )
    out.append("    ],")
    out.append("    apis=[")
    for a in range(n_api):
        method = ["POST", "GET", "DELETE", "PUT"][a % 4]
        serves = "['post']" if method != "GET" else "['read']"
        out.append(
            f"        Api(method='{method}', path='/api/v1/r{a}/{{id}}', purpose='Operation {a}',"
            f" request=['id'], response=['ok'], auth=True, serves={serves}),"
        )
    out.append("    ],")
    out.append("    components=[")
    for name, kind, tier, tech in comps:
        t = f", technology='{tech}'" if tech else ""
        extra = ", instances=3" if kind in ("service", "load_balancer", "worker") else ""
        extra += ", replicas=2" if kind in ("cache", "database", "queue", "object_store") else ""
        out.append(
            f"        Component(name='{name}', kind='{kind}', label='{name.title()} node',"
            f" tier='{tier}'{t}{extra}),"
        )
    out.append("    ],")
    reached = {"client", "lb"}
    out.append("    flows=[")
    for f in range(n_flow):
        svc = services[f % len(services)]
        store = stores[f % len(stores)]
        q = queues[f % len(queues)] if queues else store
        w = workers[f % len(workers)] if workers else svc
        api = f"POST /api/v1/r{4 * (f % ((n_api + 3) // 4))}/{{id}}"
        steps = [
            ("client", "lb", f"POST item {f}", api),
            ("lb", svc, "route", None),
            (svc, store, "write row", None),
            (svc, q, "publish event", None),
            (q, w, "consume", None),
            (svc, "client", "return ok", None),
        ]
        reached |= {svc, store, q, w}
        out.append(f"        Flow(name='Flow {f}', steps=[")
        for s, t, action, api_ in steps:
            extra = f", api='{api_}'" if api_ else ""
            extra += ", asynchronous=True" if s == q else ""
            out.append(f"            Step(from_='{s}', to='{t}', action='{action}'{extra}),")
        out.append("        ]),")
    out.append("    ],")
    out.append("    links=[")
    for k, name in enumerate(names):
        if name not in reached:
            src = services[k % len(services)] if name not in services else "lb"
            out.append(f"        Link(from_='{src}', to='{name}', label='l{k}'),")
    out.append("    ],")
    out.append("    bottlenecks=[")
    for b in range(max(4, n // 25)):
        comp = names[2 + b % (n - 2)]
        out.append(
            f"        Bottleneck(title='Hot spot {b}', problem='Load on {comp}',"
            f" components=['{comp}'], solution='Shard {comp}'),"
        )
    out.append("    ],")
    out.append("    deep_dives=[")
    for d in range(2):
        out.append(
            f"        DeepDive(topic='Topic {d}', problem='Problem {d}', components=['app'],"
            " approaches=[Approach(name='A', how=['x'], pros=['p'], cons=['c']),"
            " Approach(name='B', how=['y'], pros=['p'], cons=['c'])],"
            " decision='A', justification='because'),"
        )
    out.append("    ],")
    out.append(")")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    count, target = int(sys.argv[1]), sys.argv[2]
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(generate(count))
