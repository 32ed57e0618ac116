"""Which tables a module reads and writes, and which modules it loads by name, from its ORM
use. Each rule, as `ast` sees it (an approximation, counted in the notes where it guesses):

- Reads: a model's relation fields read their target's table (`django_relations`); any
  call chain or
  manager attribute on a model class (`Order.objects.filter(...)`, `Order.objects`)
  that writes nothing, `get_object_or_404(Order, ...)`, and a signal receiver's
  `sender=Order`.
- Writes: a module defining a concrete model writes its tables (its methods and managers
  do), and so does an abstract base of the same app; a chain on a model holding
  `create`, `update`, `delete`, `bulk_create`, `bulk_update`, `get_or_create`,
  `update_or_create` (only a write, unless the chain also fetches rows: `get`,
  `first`, `get_or_create`...); `.save()` or `.delete()` on a name bound in the same function to
  an instance (`x = Order(...)`, `x = Order.objects.get(...)`); `model = Order` in a
  class body or its `Meta` (ModelForms, ModelAdmins, serializers, generic views; a
  `ListView` or `DetailView` only reads); `admin.site.register(Order)` and
  `@admin.register(Order)`. A many-to-many field's join table is written by its model.
- Calls by name: `apps.get_model("app", "Model")` or `("app.Model")`, string model
  references in relation fields, `get_class`/`get_classes` (django-oscar), and
  `import_string`/`import_module` of a project module: each is a call to the module
  defining the model, or to the module named.
"""

import ast
from collections import Counter
from dataclasses import dataclass, field

from architectures.decomposition.bindings import Bindings, dotted, last_name
from architectures.decomposition.django_loads import DynamicLoads
from architectures.decomposition.django_models import ModelClass, ModelIndex

WRITES = frozenset(
    {
        "create",
        "update",
        "delete",
        "bulk_create",
        "bulk_update",
        "get_or_create",
        "update_or_create",
    }
)
MANAGERS = frozenset({"objects", "_default_manager", "_base_manager"})
INSTANCE_SOURCES = frozenset(
    {"get", "create", "first", "last", "get_or_create", "update_or_create", "earliest", "latest"}
)
# Calls in a writing chain that also hand rows back to the caller: a read as well.
ROW_FETCHES = INSTANCE_SOURCES - {"create"}
READ_ONLY_VIEWS = ("ListView", "DetailView")


@dataclass
class ModuleAccess:
    tables: dict[str, set[str]] = field(default_factory=dict)  # table to {"r", "w"}
    calls: Counter[str] = field(default_factory=Counter)  # module loaded by name
    unresolved_saves: int = 0

    def touch(self, model: ModelClass | None, mode: str) -> None:
        if model is not None:
            for table in model.tables:
                self.tables.setdefault(table, set()).add(mode)

    def touch_table(self, table: str, mode: str) -> None:
        self.tables.setdefault(table, set()).add(mode)


class AccessReader(ast.NodeVisitor):
    """Reads one module; `models_of` resolves an expression to a model of the project."""

    def __init__(self, module: str, bindings: Bindings, index: ModelIndex, loads: DynamicLoads):
        self.module = module
        self.bindings = bindings
        self.index = index
        self.loads = loads
        self.access = ModuleAccess()
        self.scopes: list[dict[str, ModelClass]] = [{}]
        self.classes: list[ast.ClassDef] = []
        # Manager attributes already counted as part of a call chain.
        self.counted: set[int] = set()

    def model(self, node: ast.expr) -> ModelClass | None:
        parts = dotted(node)
        return None if parts is None else self._model_of(parts)

    def _model_of(self, parts: list[str]) -> ModelClass | None:
        qualified = self.bindings.qualify_parts(self.module, parts)
        if qualified is None:
            return None
        model = self.index.models.get(self.bindings.resolve(qualified))
        return model if model is not None and model.tables else None

    def _chain_model(self, func: ast.expr) -> tuple[ModelClass | None, list[str]]:
        """The model a call chain starts from, and the names called or read after it:
        `models.Order.objects.filter(...).update` gives Order, [objects, filter, update]."""
        segments = _segments(func)
        for end in range(1, len(segments)):
            if (model := self._model_of(segments[:end])) is not None:
                return model, segments[end:]
        return None, []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node)
        for statement in node.body:
            self._model_declaration(node, statement)
            if isinstance(statement, ast.ClassDef) and statement.name == "Meta":
                for item in statement.body:
                    self._model_declaration(node, item)
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and last_name(decorator.func) == "register":
                for arg in decorator.args:
                    self.access.touch(self.model(arg), "w")
        self.generic_visit(node)
        self.classes.pop()

    def _model_declaration(self, cls: ast.ClassDef, statement: ast.stmt) -> None:
        if not isinstance(statement, ast.Assign) or not any(
            isinstance(t, ast.Name) and t.id == "model" for t in statement.targets
        ):
            return
        read_only = any(last_name(b).endswith(READ_ONLY_VIEWS) for b in cls.bases)
        self.access.touch(self.model(statement.value), "r" if read_only else "w")

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        instance = self._instance_of(node.value)
        if instance is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.scopes[-1][target.id] = instance
        self.generic_visit(node)

    def _instance_of(self, value: ast.expr) -> ModelClass | None:
        if not isinstance(value, ast.Call):
            return None
        if (model := self.model(value.func)) is not None:
            return model
        if last_name(value.func) in ("get_object_or_404",) and value.args:
            return self.model(value.args[0])
        model, chain = self._chain_model(value.func)
        return model if chain and chain[-1] in INSTANCE_SOURCES else None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in MANAGERS and id(node) not in self.counted:
            self.access.touch(self.model(node.value), "r")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = last_name(node.func)
        model, chain = self._chain_model(node.func)
        if id(node) in self.counted:
            pass  # a link of a longer chain, counted with it
        elif model is not None:
            self._chain_access(model, set(chain))
            self.counted.update(id(n) for n in _chain_links(node.func))
        elif name in ("save", "delete") and isinstance(node.func, ast.Attribute):
            self._instance_write(node.func.value)
        elif name in ("get_object_or_404", "get_list_or_404") and node.args:
            self.access.touch(self.model(node.args[0]), "r")
        elif name == "register" and node.args:
            self.access.touch(self.model(node.args[0]), "w")
        for keyword in node.keywords:
            if keyword.arg == "sender":
                self.access.touch(self.model(keyword.value), "r")
        self._load(node, name)
        self.generic_visit(node)

    def _chain_access(self, model: ModelClass, chain: set[str]) -> None:
        if not WRITES & chain:
            self.access.touch(model, "r")
            return
        self.access.touch(model, "w")
        if ROW_FETCHES & chain:
            self.access.touch(model, "r")

    def _instance_write(self, target: ast.expr) -> None:
        if isinstance(target, ast.Name):
            for scope in reversed(self.scopes):
                if target.id in scope:
                    self.access.touch(scope[target.id], "w")
                    return
            if target.id in ("self", "cls") and self.classes:
                return  # a model's own save(): its module already writes its table
        self.access.unresolved_saves += 1

    def _load(self, node: ast.Call, name: str) -> None:
        loaded = self.loads.resolve_call(name, node.args)
        if isinstance(loaded, ModelClass):
            self.access.touch(loaded, "r")
            self.access.calls[loaded.module] += 1
        elif isinstance(loaded, str) and loaded != self.module:
            self.access.calls[loaded] += 1


def _segments(func: ast.expr) -> list[str]:
    """The names of a call chain from its root, calls skipped: `a.b(x).c` is [a, b, c];
    empty when the root is not a plain name."""
    names: list[str] = []
    node = func
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
        else:
            names.append(node.attr)
            node = node.value
    if not isinstance(node, ast.Name):
        return []
    names.append(node.id)
    return names[::-1]


def _chain_links(func: ast.expr) -> list[ast.expr]:
    """The attributes and calls of a call chain below its last call."""
    links: list[ast.expr] = []
    node = func
    while isinstance(node, ast.Attribute | ast.Call):
        links.append(node)
        node = node.func if isinstance(node, ast.Call) else node.value
    return links
