"""A Django project into a Monolith, read statically: no code of the project is imported
or run, and its settings are not needed, so an untrusted upload is safe to read.

Modules come from `source_tree` (migrations, tests and empty `__init__` modules left
out), calls from static imports (`import_graph`) and loads by name (`django_loads`),
tables from the models (`django_models`) and the ORM use of each module
(`django_access`). What is approximate is said in the monolith's `notes`.
"""

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from architectures.decomposition.bindings import Bindings
from architectures.decomposition.django_access import AccessReader, ModuleAccess
from architectures.decomposition.django_loads import DynamicLoads
from architectures.decomposition.django_models import ModelClass, ModelIndex, find_models
from architectures.decomposition.django_relations import relations
from architectures.decomposition.import_graph import ImportCounts, import_counts
from architectures.decomposition.monolith import Monolith, MonolithInvalid, Problem, parse_monolith
from architectures.decomposition.source_tree import (
    SourceTree,
    read_source_tree,
    without_deep_files,
)

APPROXIMATIONS = (
    "Tables are named as Django names them by default (<app_label>_<model>) unless "
    "Meta.db_table says otherwise; many-to-many join tables are <table>_<field> (Django "
    "shortens names past the database's length limit, which is not reproduced).",
    "A module defining a concrete model, or an abstract base of it in the same app, is "
    "taken to write its table; reads and writes elsewhere come from ORM calls on model "
    "classes, relation fields and `model = X` declarations. Relations followed through "
    "instances (order.lines.all()) are not seen.",
)


def import_django_project(
    path: str | Path, *, exclude: Sequence[str] = (), include_tests: bool = False
) -> Monolith:
    """Read the Django project (or app, or unpacked wheel) at `path` into a `Monolith`."""
    return django_monolith(read_source_tree(path, exclude=exclude, include_tests=include_tests))


def django_monolith(tree: SourceTree) -> Monolith:
    try:
        return _read(tree)
    except RecursionError:
        pass  # a file nests too deeply for the recursive readers; leave it out
    shallow = without_deep_files(tree)
    try:
        return _read(shallow)
    except RecursionError:
        raise MonolithInvalid(
            [Problem((), "The code nests too deeply to read, even without its deepest files.")]
        ) from None


def _read(tree: SourceTree) -> Monolith:
    bindings = Bindings(tree.files)
    index = find_models(tree.files, bindings)
    loads = DynamicLoads(tree.files, index)
    loads.bind_loaded_names(tree.files, bindings)
    accesses: dict[str, ModuleAccess] = {}
    for file in tree.files:
        reader = AccessReader(file.module, bindings, index, loads)
        reader.visit(file.tree)
        accesses[file.module] = reader.access
    by_name = _model_definitions(index, bindings, loads, accesses)
    imports, import_notes = import_counts(tree)
    modules = [_module(f.module, f.lines, imports, accesses[f.module]) for f in tree.files]
    notes = [*tree.notes, *import_notes, *_notes(index, loads, accesses, by_name)]
    return parse_monolith({"modules": modules, "notes": notes})


def _model_definitions(
    index: ModelIndex, bindings: Bindings, loads: DynamicLoads, accesses: dict[str, ModuleAccess]
) -> int:
    """Record what defining each model reads and writes; return the string references."""
    by_name = 0
    for model in index.models.values():
        if not model.table:
            continue
        access = accesses[model.module]
        _write(access, model)
        for base in _same_app_abstract_bases(model, index):
            _write(accesses[base.module], model)
        for relation in relations(model, index, bindings, loads):
            access.touch(relation.target, "r")
            if relation.join_table:
                access.touch_table(relation.join_table, "r")
                access.touch_table(relation.join_table, "w")
            if relation.by_name and relation.target is not None:
                by_name += 1
                if relation.target.module != model.module:
                    access.calls[relation.target.module] += 1
    return by_name


def _write(access: ModuleAccess, model: ModelClass) -> None:
    access.touch(model, "r")
    access.touch(model, "w")


def _same_app_abstract_bases(model: ModelClass, index: ModelIndex) -> list[ModelClass]:
    app = index.app_of(model.module)
    parents = [index.models[b] for b in model.bases if b in index.models]
    return [
        p
        for p in parents
        if p.abstract and p.module != model.module and app and index.app_of(p.module) == app
    ]


def _module(name: str, lines: int, imports: ImportCounts, access: ModuleAccess) -> dict[str, Any]:
    calls: Counter[str] = Counter(imports.get(name, {}))
    calls.update(access.calls)
    calls.pop(name, None)
    tables = {
        t: "".join(m for m in "rw" if m in modes) for t, modes in sorted(access.tables.items())
    }
    return {"name": name, "tables": tables, "calls": dict(sorted(calls.items())), "loc": lines}


def _notes(
    index: ModelIndex, loads: DynamicLoads, accesses: dict[str, ModuleAccess], by_name: int
) -> list[str]:
    models = index.models.values()
    tables = {t for a in accesses.values() for t in a.tables}
    abstract = sum(1 for m in models if m.abstract)
    notes = [
        f"Found {len(index.app_labels):,} apps and {len(index.models):,} models "
        f"({abstract:,} abstract) using {len(tables):,} tables.",
        *APPROXIMATIONS,
        f"Loads by name: {loads.resolved + by_name:,} resolved (get_model, get_class, "
        f"import_string, string model references); {loads.unresolved:,} not (their "
        "argument is not a literal, or names nothing in the project).",
    ]
    if index.external_bases:
        notes.append(
            f"{index.external_bases:,} classes are taken for models because they derive "
            "from a class of another package's models module."
        )
    unresolved = sum(a.unresolved_saves for a in accesses.values())
    if unresolved:
        notes.append(
            f"{unresolved:,} .save()/.delete() calls on objects whose model is not known "
            "statically are not counted as writes."
        )
    notes.append(
        "Models of other packages (django.contrib.auth and the like) are not tables of this project and are left out."
    )
    return notes
