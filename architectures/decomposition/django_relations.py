"""The relation fields of Django models, read with `ast`: `ForeignKey`, `OneToOneField`,
`ManyToManyField` and the `Parental*`/`Tree*` variants, on a model and on its abstract
ancestors. Each relation reads its target's table; a target written as a string
(`"app.Model"`) is a load by name; a many-to-many field without `through` has a join
table, `<table>_<field>` unless `db_table` names it.
"""

import ast
from dataclasses import dataclass

from architectures.decomposition.bindings import Bindings, last_name, string_value
from architectures.decomposition.django_loads import DynamicLoads
from architectures.decomposition.django_models import ModelClass, ModelIndex

RELATIONS = frozenset(
    {
        "ForeignKey",
        "OneToOneField",
        "ManyToManyField",
        "ParentalKey",
        "ParentalManyToManyField",
        "TreeForeignKey",
        "TreeOneToOneField",
        "TreeManyToManyField",
    }
)


@dataclass(frozen=True)
class Relation:
    field: str
    target: ModelClass | None  # None: a model outside the project, or not found
    by_name: bool  # written as a string ("app.Model"): a load by name
    join_table: str | None  # a many-to-many field without `through`
    through: ModelClass | None


def relations(
    model: ModelClass, index: ModelIndex, bindings: Bindings, loads: DynamicLoads
) -> list[Relation]:
    """The relation fields of `model` and of its abstract ancestors."""
    found = []
    for owner in _with_abstract_ancestors(model, index):
        for statement in owner.node.body:
            if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)):
                continue
            call, target = statement.value, statement.targets[0]
            kind = last_name(call.func)
            if kind not in RELATIONS or not isinstance(target, ast.Name):
                continue
            to = call.args[0] if call.args else _keyword(call, "to")
            through = _keyword(call, "through")
            join = None
            if kind.endswith("ManyToManyField") and through is None:
                join = string_value(_keyword(call, "db_table")) or f"{model.table}_{target.id}"
            found.append(
                Relation(
                    target.id,
                    _target(to, owner, model, index, bindings, loads),
                    string_value(to) is not None,
                    join,
                    _target(through, owner, model, index, bindings, loads),
                )
            )
    return found


def _target(
    node: ast.expr | None,
    owner: ModelClass,
    model: ModelClass,
    index: ModelIndex,
    bindings: Bindings,
    loads: DynamicLoads,
) -> ModelClass | None:
    if node is None:
        return None
    text = string_value(node)
    if text is None:
        qualified = bindings.qualify(owner.module, node)
        if qualified and qualified.endswith("AUTH_USER_MODEL"):
            return loads.user_model
        return index.models.get(bindings.resolve(qualified)) if qualified else None
    if text == "self":
        return model
    if "." not in text:
        return index.by_label(model.app_label, text)
    return index.by_label(*text.rsplit(".", 1))


def _with_abstract_ancestors(model: ModelClass, index: ModelIndex) -> list[ModelClass]:
    found, queue = [model], [model]
    while queue:
        current = queue.pop()
        for base in current.bases:
            parent = index.models.get(base)
            if parent is not None and parent.abstract and parent not in found:
                found.append(parent)
                queue.append(parent)
    return found


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)
