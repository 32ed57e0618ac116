"""Benchmark of monolith decomposition (no Django needed).

Synthetic monoliths of 1,000, 5,000 and 10,000 modules, about five calls each and one
table per five modules, with planted communities (85% of calls and accesses stay inside
a community of about 40 modules). For each size: the end-to-end time of validating the
JSON and `decompose` (clustering, ownership, naming, plan, metrics, `to_dict`), the time
of networkx `louvain_communities` alone on the same weighted graph, their ratio, and the
peak memory of the decomposition measured in a separate tracemalloc run.

Target: 10,000 modules / 50,000 calls / 1,000+ tables end to end in at most 5 s. The
ratio to networkx Louvain alone is printed, not required: the decomposition runs Louvain
a dozen times or more (the granularity search and a consensus over eight seeds), so it
takes one to two times as long as one networkx run.
"""

import random
import sys
import time
import tracemalloc
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from architectures.decomposition import decompose, parse_monolith  # noqa: E402
from architectures.decomposition.graph import coupling_graph  # noqa: E402

SIZES = (1_000, 5_000, 10_000)
COMMUNITY = 40
CALLS_PER_MODULE = 5
MODULES_PER_TABLE = 5
INSIDE = 0.85
TARGET_SECONDS = 5.0


def synthetic(n: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    names = [f"domain{i // COMMUNITY}.module{i}" for i in range(n)]
    tables = [
        f"domain{t * MODULES_PER_TABLE // COMMUNITY}_table{t}"
        for t in range(n // MODULES_PER_TABLE)
    ]
    modules = []
    for i, name in enumerate(names):
        calls: dict[str, int] = {}
        while len(calls) < CALLS_PER_MODULE:
            j = _partner(rng, i, n)
            if j != i:
                calls[names[j]] = rng.randint(1, 20)
        owned = tables[i // MODULES_PER_TABLE]
        access = {owned: "rw"}
        other = tables[_partner(rng, i, n) // MODULES_PER_TABLE]
        access.setdefault(other, rng.choice(("r", "r", "w")))
        modules.append({"name": name, "tables": access, "calls": calls})
    return {"modules": modules}


def _partner(rng: random.Random, i: int, n: int) -> int:
    if rng.random() < INSIDE:
        start = i - i % COMMUNITY
        return min(start + rng.randrange(COMMUNITY), n - 1)
    return rng.randrange(n)


def end_to_end(data: dict) -> tuple[float, int]:
    start = time.perf_counter()
    result = decompose(parse_monolith(data))
    result.to_dict()
    return time.perf_counter() - start, len(result.candidates)


def networkx_louvain(data: dict) -> float:
    graph = coupling_graph(parse_monolith(data))
    nx_graph = nx.Graph()
    nx_graph.add_nodes_from(range(graph.size))
    for (a, b), weight in zip(graph.edges, graph.weights, strict=True):
        previous = nx_graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        nx_graph.add_edge(a, b, weight=previous + weight)
    start = time.perf_counter()
    nx.community.louvain_communities(nx_graph, weight="weight", seed=1)
    return time.perf_counter() - start


def peak_memory(data: dict) -> float:
    tracemalloc.start()
    decompose(parse_monolith(data)).to_dict()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    header = f"{'modules':>8} {'calls':>7} {'tables':>6} {'cands':>5} {'decompose s':>11} "
    print(header + f"{'nx louvain s':>12} {'ratio':>6} {'peak MiB':>8}")
    ok = True
    for n in SIZES:
        data = synthetic(n)
        calls = sum(len(m["calls"]) for m in data["modules"])
        tables = len({t for m in data["modules"] for t in m["tables"]})
        ours, candidates = end_to_end(data)
        theirs = networkx_louvain(data)
        peak = peak_memory(data)
        print(
            f"{n:>8,} {calls:>7,} {tables:>6,} {candidates:>5,} {ours:>11.3f} "
            f"{theirs:>12.3f} {ours / theirs:>6.2f} {peak:>8.1f}"
        )
        ok = ok and (n < 10_000 or ours <= TARGET_SECONDS)
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
