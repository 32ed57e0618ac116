"""Build a Monolith from a Python package's import graph, with grimp.

Each module of the package is a module of the monolith; an import is a call, and the
call count is the number of import statements from one module of the other. Tables come
from an optional mapping of module name to {table: "r" | "w" | "rw"}; a key also covers
every module beneath it (`shop.orders` maps `shop.orders.models` too).
"""

import importlib.util
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import grimp

from architectures.decomposition.monolith import Monolith, MonolithInvalid, Problem, parse_monolith


def import_python_package(
    path: str | Path, *, tables: Mapping[str, Mapping[str, Any]] | None = None
) -> Monolith:
    """Read the package at `path` (a directory with `__init__.py`) into a `Monolith`."""
    package = Path(path).resolve()
    if not (package / "__init__.py").is_file():
        raise MonolithInvalid([Problem(("path",), f"{package} is not a Python package.")])
    with _importable(package):
        graph = grimp.build_graph(package.name, cache_dir=None)
    names = sorted(graph.modules)
    mapping = dict(tables or {})
    _check_mapping(mapping, names)
    modules = [_module(graph, package.parent, name, mapping) for name in names]
    return parse_monolith({"modules": modules})


@contextmanager
def _importable(package: Path) -> Iterator[None]:
    """Put the package's parent first on sys.path, and refuse a name already taken."""
    sys.path.insert(0, str(package.parent))
    try:
        spec = importlib.util.find_spec(package.name)
        locations = (
            [Path(p).resolve() for p in (spec.submodule_search_locations or [])] if spec else []
        )
        if package not in locations:
            msg = f"Another module named {package.name!r} is importable here; rename or move it."
            raise MonolithInvalid([Problem(("path",), msg)])
        yield
    finally:
        sys.path.remove(str(package.parent))


def _check_mapping(mapping: Mapping[str, Any], names: list[str]) -> None:
    known = set(names)
    problems = [
        Problem(("tables", str(key)), f"No module {key!r} in the package.")
        for key in mapping
        if key not in known
    ]
    problems += [
        Problem(("tables", key), "Must be an object of table name to r, w or rw.", "dict_type")
        for key, value in mapping.items()
        if key in known and not isinstance(value, Mapping)
    ]
    if problems:
        raise MonolithInvalid(problems)


def _module(graph: grimp.ImportGraph, root: Path, name: str, mapping: Mapping[str, Any]) -> dict:
    calls = {
        imported: len(graph.get_import_details(importer=name, imported=imported)) or 1
        for imported in sorted(graph.find_modules_directly_imported_by(name))
    }
    tables: dict[str, str] = {}
    for key, access in mapping.items():
        if name == key or name.startswith(f"{key}."):
            tables.update(access)
    data: dict[str, Any] = {"name": name, "tables": tables, "calls": calls}
    lines = _line_count(root, name)
    if lines is not None:
        data["loc"] = lines
    return data


def _line_count(root: Path, name: str) -> int | None:
    base = root.joinpath(*name.split("."))
    for file in (base.with_suffix(".py"), base / "__init__.py"):
        if file.is_file():
            with file.open("rb") as source:
                return sum(1 for _ in source)
    return None
