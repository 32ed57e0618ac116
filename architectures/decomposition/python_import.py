"""Build a Monolith from the import graph of a folder of Python packages, with grimp.

The folder is read like `source_tree` reads it: one or more packages (a project with
sibling apps, an unpacked wheel, or a folder that is itself a package), with
migrations, tests and empty `__init__` modules left out and namespace packages read.
An import is a call, and the call count is the number of import statements from one
module of the other. Tables come from an optional mapping of module name to
{table: "r" | "w" | "rw"}; a key also covers every module beneath it (`shop.orders`
maps `shop.orders.models` too).
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from architectures.decomposition.import_graph import import_counts
from architectures.decomposition.monolith import Monolith, MonolithInvalid, Problem, parse_monolith
from architectures.decomposition.source_tree import SourceTree, read_source_tree


def import_python_package(
    path: str | Path,
    *,
    tables: Mapping[str, Mapping[str, Any]] | None = None,
    exclude: Sequence[str] = (),
    include_tests: bool = False,
) -> Monolith:
    """Read the packages under `path` into a `Monolith`; nothing is imported or run."""
    tree = read_source_tree(path, exclude=exclude, include_tests=include_tests)
    return python_monolith(tree, tables=tables)


def python_monolith(
    tree: SourceTree, *, tables: Mapping[str, Mapping[str, Any]] | None = None
) -> Monolith:
    names = sorted(tree.modules)
    mapping = dict(tables or {})
    _check_mapping(mapping, names)
    imports, import_notes = import_counts(tree)
    modules = [
        {
            "name": f.module,
            "tables": _tables(f.module, mapping),
            "calls": dict(sorted(imports.get(f.module, {}).items())),
            "loc": f.lines,
        }
        for f in sorted(tree.files, key=lambda f: f.module)
    ]
    return parse_monolith({"modules": modules, "notes": [*tree.notes, *import_notes]})


def _check_mapping(mapping: Mapping[str, Any], names: list[str]) -> None:
    known = set(names)
    covered = known | {
        ".".join(n.split(".")[:k]) for n in names for k in range(1, n.count(".") + 1)
    }
    problems = [
        Problem(("tables", str(key)), f"No module {key!r} in the package.")
        for key in mapping
        if key not in covered
    ]
    problems += [
        Problem(("tables", key), "Must be an object of table name to r, w or rw.", "dict_type")
        for key, value in mapping.items()
        if key in covered and not isinstance(value, Mapping)
    ]
    if problems:
        raise MonolithInvalid(problems)


def _tables(name: str, mapping: Mapping[str, Any]) -> dict[str, str]:
    tables: dict[str, str] = {}
    for key, access in mapping.items():
        if name == key or name.startswith(f"{key}."):
            tables.update(access)
    return tables
