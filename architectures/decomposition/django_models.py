"""Django apps, models and their tables, read from source as Django would name them.

- An app is a package with a `models` module or package, or an `apps` module. Its label
  is the `label` of the AppConfig in its `apps` module, else the package's last name.
- A model is a class deriving, across files and through abstract bases, from
  `django.db.models.Model`; a base imported from another project's `models` module
  (`django.contrib.auth.models.AbstractUser`, `wagtail.models.Page`) is taken for a model
  base too, and counted in the notes.
- `Meta` is the class's own, or the one it inherits from an abstract parent (Django's rule).
  `abstract` models have no table; a `proxy` uses its concrete parent's; a concrete
  child of a concrete model (multi-table inheritance) also uses its parents' tables.
- A table is `Meta.db_table`, or `<app_label>_<modelname lowercased>`.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from architectures.decomposition.bindings import Bindings, string_value, top_level_statements
from architectures.decomposition.source_tree import SourceFile

MODEL_BASES = frozenset({"django.db.models.Model", "django.db.models.base.Model"})
# Django's ORM module also holds fields, managers and querysets: none of them is a model.
ORM_MODULES = ("django.db.models",)
# Tree libraries whose node classes are abstract models but live outside a `models` module.
TREE_MODULES = ("treebeard.",)
APP_CONFIG_BASES = ("AppConfig", "Config")


@dataclass
class ModelClass:
    qualified: str
    module: str
    name: str
    node: ast.ClassDef
    bases: list[str]  # qualified, resolved
    meta: dict[str, object] = field(default_factory=dict)
    meta_parents: list[str] = field(default_factory=list)
    external_base: bool = False
    app_label: str = ""
    table: str | None = None  # None for abstract models
    parent_tables: tuple[str, ...] = ()

    @property
    def tables(self) -> tuple[str, ...]:
        own = (self.table,) if self.table else ()
        return tuple(dict.fromkeys(own + self.parent_tables))

    @property
    def abstract(self) -> bool:
        return bool(self.meta.get("abstract"))


@dataclass
class ModelIndex:
    models: dict[str, ModelClass]  # by qualified name
    app_labels: dict[str, str]  # app package to label
    external_bases: int = 0
    labelled: dict[tuple[str, str], ModelClass] = field(default_factory=dict)

    def by_label(self, label: str, name: str) -> ModelClass | None:
        """The model a string reference `"label.Name"` names (Django ignores the case)."""
        return self.labelled.get((label, name.lower()))

    def app_of(self, module: str) -> str | None:
        parts = module.split(".")
        for end in range(len(parts), 0, -1):
            if (package := ".".join(parts[:end])) in self.app_labels:
                return package
        return None


def find_apps(files: list[SourceFile] | tuple[SourceFile, ...]) -> dict[str, str]:
    """App package to app label."""
    modules = {f.module for f in files}
    configured = {m.rsplit(".", 1)[0] for m in modules if m.endswith(".apps")}
    with_models = {m.rsplit(".", 1)[0] for m in modules if m.endswith(".models")}
    with_models |= {m.split(".models.")[0] for m in modules if ".models." in m}
    # A package with models inside a configured app is part of that app, as Django sees it.
    packages = configured | {p for p in with_models if not _inside(p, configured)}
    labels = {p: p.rsplit(".", 1)[-1] for p in packages}
    for file in files:
        if file.module.endswith(".apps") and (package := file.module[:-5]) in labels:
            labels[package] = _config_label(file.tree) or labels[package]
    return labels


def _inside(package: str, apps: set[str]) -> bool:
    return any(package.startswith(f"{app}.") for app in apps)


def _config_label(tree: ast.Module) -> str | None:
    for statement in top_level_statements(tree.body):
        if isinstance(statement, ast.ClassDef) and any(
            _name_of(b).endswith(APP_CONFIG_BASES) for b in statement.bases
        ):
            label = _class_constant(statement, "label")
            if isinstance(label, str):
                return label
    return None


def find_models(files: list[SourceFile] | tuple[SourceFile, ...], bindings: Bindings) -> ModelIndex:
    classes = {c.qualified: c for f in files for c in _classes(f, bindings)}
    index = ModelIndex({}, find_apps(files))
    changed = True
    while changed:
        changed = False
        for qualified, cls in classes.items():
            if qualified not in index.models and _derives_from_model(cls, index, bindings):
                index.models[qualified] = cls
                changed = True
    for model in _parents_first(index):
        _settle(model, index)
    index.external_bases = sum(1 for m in index.models.values() if m.external_base)
    for model in index.models.values():
        if model.tables:
            index.labelled.setdefault((model.app_label, model.name.lower()), model)
    return index


def _classes(file: SourceFile, bindings: Bindings) -> Iterator[ModelClass]:
    for statement in top_level_statements(file.tree.body):
        if isinstance(statement, ast.ClassDef):
            bases = [bindings.qualify(file.module, b) for b in statement.bases]
            resolved = [bindings.resolve(b) for b in bases if b]
            meta, parents = _meta(statement, file.module, bindings)
            qualified = f"{file.module}.{statement.name}"
            yield ModelClass(
                qualified, file.module, statement.name, statement, resolved, meta, parents
            )


def _derives_from_model(cls: ModelClass, index: ModelIndex, bindings: Bindings) -> bool:
    for base in cls.bases:
        if base in MODEL_BASES or base in index.models:
            return True
        module = base.rpartition(".")[0]
        foreign = bindings.module_of(base) is None and (
            module.endswith(".models") or module.startswith(TREE_MODULES)
        )
        if foreign and not module.startswith(ORM_MODULES) and _declares_model(cls.node):
            cls.external_base = True
            return True
    return False


def _declares_model(node: ast.ClassDef) -> bool:
    """A `Meta` class or a field: what a model class of another package's base shows."""
    for statement in node.body:
        if isinstance(statement, ast.ClassDef) and statement.name == "Meta":
            return True
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
            name = _name_of(statement.value.func)
            if name.endswith(("Field", "Key")):
                return True
    return False


def _meta(
    cls: ast.ClassDef, module: str, bindings: Bindings
) -> tuple[dict[str, object], list[str]]:
    for statement in cls.body:
        if isinstance(statement, ast.ClassDef) and statement.name == "Meta":
            values = {
                target.id: item.value.value
                for item in statement.body
                if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant)
                for target in item.targets
                if isinstance(target, ast.Name)
            }
            parents = [bindings.qualify(module, b) for b in statement.bases]
            return values, [p.rsplit(".", 1)[0] for p in parents if p and p.endswith(".Meta")]
    return {}, []


def _parents_first(index: ModelIndex) -> list[ModelClass]:
    done: dict[str, ModelClass] = {}

    def visit(model: ModelClass, depth: int = 0) -> None:
        if model.qualified in done or depth > 50:
            return
        for base in model.bases:
            if base in index.models:
                visit(index.models[base], depth + 1)
        done[model.qualified] = model

    for model in index.models.values():
        visit(model)
    return list(done.values())


def _settle(model: ModelClass, index: ModelIndex) -> None:
    """Inherit Meta from abstract parents, then name the tables (parents are settled)."""
    parents = [index.models[b] for b in model.bases if b in index.models]
    declared = bool(model.meta) or any(
        isinstance(s, ast.ClassDef) and s.name == "Meta" for s in model.node.body
    )
    inherited: dict[str, object] = {}
    for parent in [index.models[p] for p in model.meta_parents if p in index.models] or (
        [] if declared else [p for p in parents if p.abstract]
    ):
        inherited = {**parent.meta, **inherited}
    model.meta = {**{k: v for k, v in inherited.items() if k != "abstract"}, **model.meta}
    app = index.app_of(model.module)
    label = model.meta.get("app_label")
    if not isinstance(label, str):
        label = index.app_labels[app] if app else _package_label(model.module)
    model.app_label = label
    concrete = [p for p in parents if p.table]
    if model.abstract:
        return
    if model.meta.get("proxy") and concrete:
        model.table, model.parent_tables = None, concrete[0].tables
        return
    table = model.meta.get("db_table")
    model.table = (
        table if isinstance(table, str) and table else f"{model.app_label}_{model.name.lower()}"
    )
    model.parent_tables = tuple(t for p in concrete for t in p.tables)


def _package_label(module: str) -> str:
    """Outside any app, the label Django would need to be told: the package's name."""
    parts = module.split(".")
    if "models" in parts[1:]:
        return parts[parts.index("models", 1) - 1]
    return parts[-2] if len(parts) > 1 else parts[0]


def _class_constant(cls: ast.ClassDef, name: str) -> object:
    for statement in cls.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in statement.targets
        ):
            return string_value(statement.value)
    return None


def _name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""
