"""What a name in a module refers to, read from its imports and definitions (no import runs).

Every import in a module is read, at any depth (Django code often imports inside
functions to break cycles), into one table of name to qualified name: `from .models
import Order` in `shop.views` binds `Order` to `shop.models.Order`. `resolve` follows
re-exports (`shop.models` re-exporting `Order` from `shop.models.order`) and star
imports through the project's own modules, a few steps deep.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from architectures.decomposition.source_tree import SourceFile

FOLLOW_DEPTH = 6


@dataclass
class ModuleNames:
    module: str
    is_package: bool
    # Name bound in the module to the qualified name it stands for.
    bound: dict[str, str] = field(default_factory=dict)
    stars: list[str] = field(default_factory=list)  # modules star-imported


class Bindings:
    def __init__(self, files: list[SourceFile] | tuple[SourceFile, ...]) -> None:
        self.modules = {f.module for f in files}
        self.names = {f.module: self._read(f) for f in files}

    def _read(self, file: SourceFile) -> ModuleNames:
        names = ModuleNames(file.module, file.is_package)
        for node in ast.walk(file.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        names.bound[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        names.bound.setdefault(top, top)
            elif isinstance(node, ast.ImportFrom):
                self._read_from(names, node)
            elif isinstance(node, ast.ClassDef):
                names.bound.setdefault(node.name, f"{file.module}.{node.name}")
        return names

    def _read_from(self, names: ModuleNames, node: ast.ImportFrom) -> None:
        source = absolute(names.module, names.is_package, node.module, node.level)
        if source is None:
            return
        for alias in node.names:
            if alias.name == "*":
                names.stars.append(source)
            else:
                names.bound[alias.asname or alias.name] = f"{source}.{alias.name}"

    def bind(self, module: str, name: str, qualified: str) -> None:
        """Record a binding made other than by an import (a dynamic load by name)."""
        self.names[module].bound[name] = qualified

    def qualify(self, module: str, node: ast.expr) -> str | None:
        """The qualified name an expression like `models.Model` or `Order` stands for."""
        parts = dotted(node)
        return None if parts is None else self.qualify_parts(module, parts)

    def qualify_parts(self, module: str, parts: list[str]) -> str | None:
        head = self.names[module].bound.get(parts[0])
        if head is None:
            head = self._from_stars(module, parts[0])
        if head is None:
            return None
        return ".".join([head, *parts[1:]])

    def resolve(self, qualified: str) -> str:
        """Follow re-exports: the qualified name where the thing is defined, as far as the
        project's own modules tell."""
        for _ in range(FOLLOW_DEPTH):
            module, _, name = qualified.rpartition(".")
            if module not in self.names or qualified in self.modules:
                return qualified
            target = self.names[module].bound.get(name) or self._from_stars(module, name)
            if target is None or target == qualified:
                return qualified
            qualified = target
        return qualified

    def _from_stars(self, module: str, name: str) -> str | None:
        for source in self.names[module].stars:
            if source in self.names and name in self.names[source].bound:
                return f"{source}.{name}"
        return None

    def module_of(self, qualified: str) -> str | None:
        """The longest project module that `qualified` lies in."""
        parts = qualified.split(".")
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in self.modules:
                return candidate
        return None


def absolute(module: str, is_package: bool, target: str | None, level: int) -> str | None:
    """The absolute module of a `from ... import`, relative ones resolved from `module`."""
    if level == 0:
        return target
    package = module.split(".") if is_package else module.split(".")[:-1]
    if level - 1 > len(package) - 1:
        return None
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, *([target] if target else [])]) or None


def dotted(node: ast.expr) -> list[str] | None:
    """`a.b.c` as ["a", "b", "c"]; None for anything but names and attributes."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def string_value(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def top_level_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements run at import time: into `if`, `try` and `with` blocks, not into
    functions or classes."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If):
            yield from top_level_statements(statement.body)
            yield from top_level_statements(statement.orelse)
        elif isinstance(statement, ast.Try):
            for block in (statement.body, statement.orelse, statement.finalbody):
                yield from top_level_statements(block)
            for handler in statement.handlers:
                yield from top_level_statements(handler.body)
        elif isinstance(statement, ast.With):
            yield from top_level_statements(statement.body)


def last_name(node: ast.expr) -> str:
    """The last name of `a.b.c` or `c`; empty for anything else."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""
