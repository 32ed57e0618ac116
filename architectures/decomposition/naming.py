"""Name each candidate from the words of its modules and the tables it owns.

First choice: the deepest package (past the root every module shares) that holds at
least half of the candidate's modules, e.g. `payroll` for `payroll.*` plus a few
`web.*` controllers. Otherwise words: names are split on dots, underscores, dashes and
camelCase; a word scores by how often it occurs in the candidate (a written, owned
table counts twice as much as a module, a read one half: data ownership is what the
candidate is about) times the share of all its occurrences that fall inside this
candidate, so `payroll` beats `hr` when `hr` prefixes half the system. Technical words
(`views`, `service`, `impl`...) never name a candidate. Larger candidates choose first;
a taken name gets the runner-up word appended, then a number.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TECHNICAL = frozenset(
    [
        "api",
        "app",
        "apps",
        "base",
        "common",
        "controller",
        "controllers",
        "core",
        "dao",
        "dto",
        "entity",
        "entities",
        "handler",
        "handlers",
        "helper",
        "helpers",
        "impl",
        "init",
        "lib",
        "main",
        "manager",
        "managers",
        "model",
        "models",
        "module",
        "repo",
        "repository",
        "repositories",
        "schema",
        "schemas",
        "serializer",
        "serializers",
        "service",
        "services",
        "src",
        "table",
        "tables",
        "tbl",
        "test",
        "tests",
        "util",
        "utils",
        "view",
        "views",
        "web",
        "admin",
        "forms",
        "urls",
        "signals",
        "tasks",
        "py",
        "java",
        "com",
        "org",
        "net",
        "internal",
        "shared",
        "misc",
        "the",
        "and",
        "of",
        "to",
        "for",
    ]
)
_SEPARATOR = re.compile(r"[./:\\]")
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


@dataclass(frozen=True)
class NamingInput:
    modules: Sequence[str]
    written_tables: Sequence[str]
    read_tables: Sequence[str] = ()
    pin: str | None = None


def words(name: str) -> set[str]:
    found = {w.lower() for w in _WORD.findall(name)}
    return {w for w in found if len(w) > 1 and not w.isdigit() and w not in TECHNICAL}


def name_candidates(candidates: Sequence[NamingInput]) -> list[str]:
    """Return one unique name per candidate, in the order given."""
    skip = _root_depth(candidates)
    root = _root_words(candidates, skip)
    bags = [Counter({w: n for w, n in _bag(c).items() if w not in root}) for c in candidates]
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    taken = {c.pin for c in candidates if c.pin is not None}
    names: list[str | None] = [c.pin for c in candidates]
    order = sorted(range(len(candidates)), key=lambda i: -len(candidates[i].modules))
    for i in order:
        if names[i] is None:
            proposals = _proposals(candidates[i], bags[i], total, skip)
            names[i] = _unique(proposals, taken)
            taken.add(names[i])
    return [n for n in names if n is not None]


def _bag(candidate: NamingInput) -> Counter[str]:
    bag: Counter[str] = Counter()
    weighted = ((2, candidate.modules), (4, candidate.written_tables), (1, candidate.read_tables))
    for weight, names in weighted:
        for name in names:
            for word in words(name):
                bag[word] += weight
    return bag


def _proposals(
    candidate: NamingInput, bag: Counter[str], total: Counter[str], skip: int
) -> list[str]:
    ranked = sorted(bag, key=lambda w: (-bag[w] * bag[w] / total[w], w))
    package = _main_package(candidate.modules, skip)
    if package is not None:
        ranked = [package, *(w for w in ranked if w != package)]
    if not ranked:
        return [_fallback(candidate.modules)]
    return [ranked[0], *(f"{ranked[0]}-{other}" for other in ranked[1:3])]


def _main_package(modules: Sequence[str], skip: int) -> str | None:
    """The deepest package holding at least half of the modules, past the shared root."""
    packages: Counter[tuple[str, ...]] = Counter()
    for module in modules:
        parts = tuple(_SEPARATOR.split(module.lower()))
        packages.update(parts[:k] for k in range(skip + 1, len(parts)))
    covering = [p for p, n in packages.items() if n * 2 >= len(modules)]
    for package in sorted(covering, key=lambda p: (-len(p), -packages[p], p)):
        if package[-1] not in TECHNICAL and words(package[-1]):
            return package[-1]
    return None


def _root_words(candidates: Sequence[NamingInput], skip: int) -> set[str]:
    if skip == 0:
        return set()
    first = next(m for c in candidates for m in c.modules)
    return {w for part in _SEPARATOR.split(first.lower())[:skip] for w in words(part)}


def _root_depth(candidates: Sequence[NamingInput]) -> int:
    """How many leading package names every module of the monolith shares."""
    paths = [_SEPARATOR.split(m.lower()) for c in candidates for m in c.modules]
    shortest = min((len(p) for p in paths), default=0)
    depth = 0
    while depth < shortest and len({p[depth] for p in paths}) == 1:
        depth += 1
    return depth


def _fallback(modules: Iterable[str]) -> str:
    first = min(modules)
    return first[:40]


def _unique(proposals: list[str], taken: set[str]) -> str:
    for proposal in proposals:
        if proposal not in taken:
            return proposal
    number = 2
    while f"{proposals[0]}-{number}" in taken:
        number += 1
    return f"{proposals[0]}-{number}"
