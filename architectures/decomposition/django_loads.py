"""Models and modules loaded by name: `apps.get_model("app", "Model")`, `get_user_model()`,
django-oscar's `get_class("catalogue.views", "X")`, `import_string` and `import_module`.

A module named by a dotted label is the project module of that exact name, else the
shortest one ending with it (`catalogue.views` is `oscar.apps.catalogue.views` rather
than `oscar.apps.dashboard.catalogue.views`, as oscar's own loader prefers). A name
assigned from such a load (`Product = get_model("catalogue", "Product")`) is bound to
what it loads, so later uses of `Product` resolve like an import.
"""

import ast
from collections import defaultdict
from collections.abc import Sequence

from architectures.decomposition.bindings import Bindings, string_value
from architectures.decomposition.django_models import ModelClass, ModelIndex
from architectures.decomposition.source_tree import SourceFile

MODEL_LOADERS = frozenset({"get_model", "load_model"})
CLASS_LOADERS = frozenset({"get_class", "get_classes"})
MODULE_LOADERS = frozenset({"import_string", "import_module", "get_callable"})


class DynamicLoads:
    def __init__(self, files: Sequence[SourceFile], index: ModelIndex) -> None:
        self.index = index
        self.modules = {f.module for f in files}
        self.by_tail: dict[str, list[str]] = defaultdict(list)
        for module in sorted(self.modules, key=lambda m: (m.count("."), m)):
            parts = module.split(".")
            for start in range(1, len(parts)):
                self.by_tail[".".join(parts[start:])].append(module)
        self.user_model = self._user_model(files)
        self.resolved = 0
        self.unresolved = 0

    def _user_model(self, files: Sequence[SourceFile]) -> ModelClass | None:
        for file in files:
            if "settings" not in file.module.split(".")[-1]:
                continue
            for node in ast.walk(file.tree):
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "AUTH_USER_MODEL" for t in node.targets
                ):
                    label = string_value(node.value) or ""
                    if "." in label:
                        return self.index.by_label(*label.rsplit(".", 1))
        return None

    def module_named(self, label: str) -> str | None:
        if label in self.modules:
            return label
        found = self.by_tail.get(label, [])
        if len(found) > 1 and found[0].count(".") == found[1].count("."):
            return None
        return found[0] if found else None

    def resolve_call(self, name: str, args: Sequence[ast.expr]) -> ModelClass | str | None:
        """What a call named `name` with these arguments loads, if it loads anything."""
        if name == "get_user_model":
            return self.user_model
        if name not in MODEL_LOADERS | CLASS_LOADERS | MODULE_LOADERS or not args:
            return None
        texts = [string_value(a) for a in args[:2]]
        loaded = self._loaded(name, texts)
        if loaded is None:
            self.unresolved += 1
        else:
            self.resolved += 1
        return loaded

    def _loaded(self, name: str, texts: list[str | None]) -> ModelClass | str | None:
        first = texts[0] if texts else None
        if first is None:
            return None
        if name in MODEL_LOADERS:
            if len(texts) > 1 and texts[1] is not None:
                return self.index.by_label(first, texts[1])
            return self.index.by_label(*first.rsplit(".", 1)) if "." in first else None
        if name in CLASS_LOADERS or name == "import_module":
            return self.module_named(first)
        return self.module_named(first.rsplit(".", 1)[0]) if "." in first else None

    def bind_loaded_names(self, files: Sequence[SourceFile], bindings: Bindings) -> None:
        """Bind names assigned from a load, in every module, to what they load."""
        for file in files:
            for node in ast.walk(file.tree):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    self._bind(file.module, node, bindings)

    def _bind(self, module: str, node: ast.Assign, bindings: Bindings) -> None:
        call = node.value
        assert isinstance(call, ast.Call)
        name = (
            call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        )
        texts = [string_value(a) for a in call.args[:2]]
        target = node.targets[0]
        if name in MODEL_LOADERS or name == "get_user_model":
            model = self.user_model if name == "get_user_model" else self._loaded(name, texts)
            if isinstance(model, ModelClass) and isinstance(target, ast.Name):
                bindings.bind(module, target.id, model.qualified)
        elif (
            name in CLASS_LOADERS and texts and texts[0] and (source := self.module_named(texts[0]))
        ):
            self._bind_classes(module, source, target, call, bindings)

    def _bind_classes(
        self, module: str, source: str, target: ast.expr, call: ast.Call, bindings: Bindings
    ) -> None:
        if (
            isinstance(target, ast.Name)
            and len(call.args) > 1
            and (cls := string_value(call.args[1]))
        ):
            bindings.bind(module, target.id, f"{source}.{cls}")
        elif isinstance(target, ast.Tuple | ast.List) and len(call.args) > 1:
            names = call.args[1]
            if isinstance(names, ast.List | ast.Tuple):
                for element, value in zip(target.elts, names.elts, strict=False):
                    if isinstance(element, ast.Name) and (cls := string_value(value)):
                        bindings.bind(module, element.id, f"{source}.{cls}")
