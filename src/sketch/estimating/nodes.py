"""How many nodes a component runs, read one way by the load model and the availability model.

`instances` are the nodes that run a component, in all, and at least one for each shard: a
design that says `shards=48` and leaves `instances` at 1 runs 48 primaries, and
`instances=10, shards=10` runs 10. `replicas` are copies on top of those, in all, spread over
the shards: `shards=10, replicas=20` keeps three copies of each shard, on 30 nodes. Two user
reviews had found three readings of these fields in three places (for a trie of 30 nodes: 120
answering requests, 100 holding memory, 12 copies of each shard), so every count is here.
"""

from __future__ import annotations

from sketch.model import Component, Kind


def shard_count(component: Component) -> int:
    return component.shards or 1


def primaries(component: Component) -> int:
    """The nodes that each hold their own part of the data (or serve, when stateless)."""
    return max(component.instances, shard_count(component))


def all_nodes(component: Component) -> int:
    """The primaries and the replicas: every node that can answer a read."""
    return primaries(component) + component.replicas


def copies_per_key(component: Component, read_replicas: int = 0, distributed: bool = False) -> int:
    """The copies that can answer a request for one key (read replicas declared as their own
    components included). Shards are not copies of each other: a request needs the one that
    holds its key, with its share of the replicas. A relational database's instances beyond
    one a shard are its standbys, so copies; a `distributed` store (every node takes writes,
    Cassandra) spreads its data over its primaries, so a key has all nodes / primaries copies:
    its replication factor."""
    parts = primaries(component) if distributed else shard_count(component)
    return max(1, (all_nodes(component) + read_replicas) // parts)


def standby_instances(component: Component, distributed: bool) -> int:
    """Instances beyond one primary a shard that a single-primary database leaves idle for
    writes and storage (0 for a `distributed` store, whose every node takes writes, and for
    anything but a database): said, since a ring of equal nodes would otherwise look like one."""
    if component.kind != Kind.database or distributed:
        return 0
    return primaries(component) - shard_count(component)
