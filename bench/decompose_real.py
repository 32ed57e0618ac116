"""Decider against plain Louvain on real Django projects, scored against their app structure.

Each project is a wheel from PyPI, downloaded at bench time with pip into a cache folder
(`~/.cache/decider-bench/`, or `DECIDER_BENCH_CACHE`) and never committed. It is read
with `import_django_project` (nothing of it is imported or run). The reference split is
its app structure: each module belongs to the deepest Django app holding it, and a
module outside every app to the package right under the root (`oscar.core`).

Compared, on the same modules:
- plain Louvain: igraph's `community_multilevel` on the undirected static import graph,
  unweighted, resolution 1, averaged over ten seeds;
- Decider on imports only: `decompose` with the static imports and no tables, at its
  default settings (what the clustering alone adds);
- Decider: `decompose` at its default settings on what the Django reader found (imports,
  loads by name, tables).
Modules Decider leaves unplaced, and modules Louvain leaves alone, count as groups of one.
Each figure is printed beside its ratio to plain Louvain from the same run.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import igraph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from architectures.decomposition import decompose, parse_monolith  # noqa: E402
from architectures.decomposition.agreement import adjusted_rand_index, mojo_fm  # noqa: E402
from architectures.decomposition.archive import ArchiveLimits, extract_archive  # noqa: E402
from architectures.decomposition.django_models import find_apps  # noqa: E402
from architectures.decomposition.django_project import django_monolith  # noqa: E402
from architectures.decomposition.import_graph import import_counts  # noqa: E402
from architectures.decomposition.monolith import Monolith  # noqa: E402
from architectures.decomposition.source_tree import SourceTree, read_source_tree  # noqa: E402

# Pinned so that a rerun measures the same code. Licences: wagtail BSD-3-Clause,
# django-oscar BSD-3-Clause, django-cms BSD-3-Clause, pretalx Apache-2.0, kiwitcms GPL-2.0,
# misago GPL-2.0 (each wheel carries its licence in its dist-info folder).
PROJECTS = (
    ("wagtail", "8.0.1"),
    ("django-oscar", "4.2.1"),
    ("django-cms", "5.1.3"),
    ("pretalx", "2026.2.1"),
    ("kiwitcms", "12.4"),
    ("misago", "0.39.6"),
)
SEEDS = range(10)
CACHE = Path(os.environ.get("DECIDER_BENCH_CACHE", Path.home() / ".cache" / "decider-bench"))
WHEEL_LIMITS = ArchiveLimits(files=20_000, total_bytes=400 * 2**20, ratio=200)


def fetch(name: str, version: str) -> Path:
    """The unpacked wheel of `name==version`, downloaded once into the cache."""
    folder = CACHE / f"{name}-{version}"
    if folder.is_dir():
        return folder
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--no-deps",
            "--only-binary=:all:",
            f"{name}=={version}",
            "-d",
            str(CACHE),
        ],
        check=True,
    )
    wheel = next(CACHE.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    extract_archive(wheel.read_bytes(), folder, limits=WHEEL_LIMITS, kind="zip")
    return folder


def reference(tree: SourceTree) -> dict[str, str]:
    apps = sorted(find_apps(tree.files), key=len, reverse=True)
    labels = {}
    for module in tree.modules:
        app = next((a for a in apps if module == a or module.startswith(f"{a}.")), None)
        labels[module] = app or ".".join(module.split(".")[:2])
    return labels


def imports_only(tree: SourceTree) -> Monolith:
    counts, _ = import_counts(tree)
    modules = [{"name": f.module, "calls": dict(counts.get(f.module, {}))} for f in tree.files]
    return parse_monolith({"modules": modules})


def louvain_labels(monolith: Monolith, seed: int) -> dict[str, int]:
    names = [m.name for m in monolith.modules]
    index = {n: i for i, n in enumerate(names)}
    edges = {tuple(sorted((index[m.name], index[c]))) for m in monolith.modules for c in m.calls}
    graph = igraph.Graph(n=len(names), edges=sorted(edges))
    igraph.set_random_number_generator(__import__("random").Random(seed))
    membership = graph.community_multilevel().membership
    return dict(zip(names, membership, strict=True))


def decider_labels(monolith: Monolith) -> tuple[dict[str, str], int, float]:
    start = time.perf_counter()
    result = decompose(monolith)
    elapsed = time.perf_counter() - start
    labels = {m: c.name for c in result.candidates for m in c.modules}
    labels |= {m: f"unplaced:{m}" for m in result.unplaced}
    return labels, len(result.candidates), elapsed


def score(labels: dict, truth: dict) -> tuple[float, float]:
    return mojo_fm(labels, truth), adjusted_rand_index(labels, truth)


def main() -> int:
    print(
        f"{'project':<22} {'modules':>7} {'apps':>4}  {'method':<22} {'groups':>6} "
        f"{'MoJoFM':>7} {'ratio':>6} {'ARI':>6} {'ratio':>6}"
    )
    wins = []
    for name, version in PROJECTS:
        tree = read_source_tree(fetch(name, version))
        truth = reference(tree)
        plain = imports_only(tree)
        runs = [louvain_labels(plain, seed) for seed in SEEDS]
        base = [score(r, truth) for r in runs]
        base_mojo = statistics.mean(b[0] for b in base)
        base_ari = statistics.mean(b[1] for b in base)
        base_groups = statistics.mean(len(set(r.values())) for r in runs)
        rows = [("plain Louvain (imports)", base_groups, base_mojo, base_ari)]
        for method, monolith in (
            ("Decider, imports only", plain),
            ("Decider", django_monolith(tree)),
        ):
            labels, candidates, _ = decider_labels(monolith)
            rows.append((method, candidates, *score(labels, truth)))
        label = f"{name} {version}"
        for method, groups, mojo, ari in rows:
            print(
                f"{label:<22} {len(tree.files):>7,} {len(set(truth.values())):>4}  {method:<22} "
                f"{groups:>6.0f} {mojo:>7.1f} {mojo / base_mojo:>6.2f} {ari:>6.3f} "
                f"{ari / base_ari if base_ari else float('nan'):>6.2f}"
            )
            label = ""
        wins.append((base_mojo, rows[-1][2], base_ari, rows[-1][3]))
    # Ratios of the means over the projects: one project's near-zero baseline ARI would
    # dominate a mean of ratios.
    means = [statistics.mean(w[k] for w in wins) for k in range(4)]
    print(
        f"mean over {len(wins)} projects: MoJoFM {means[1]:.1f} against {means[0]:.1f} "
        f"(ratio {means[1] / means[0]:.2f}); ARI {means[3]:.3f} against {means[2]:.3f} "
        f"(ratio {means[3] / means[2]:.2f}); MoJoFM higher on "
        f"{sum(w[1] > w[0] for w in wins)} of {len(wins)}"
    )
    ok = means[1] > 1.1 * means[0] and means[3] > means[2]
    print("Decider clearly beats plain Louvain" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
