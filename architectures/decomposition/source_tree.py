"""The Python modules of a folder, found and parsed without importing any of them.

The folder holds one or more packages: a project with sibling apps, a package unpacked
from a wheel, or a folder that is itself a package. Its import root is the folder, or
the one holding `manage.py` below it, or its `src/`; a wrapper folder holding nothing but
one folder (as archives often do) is stepped into. Every module is parsed with `ast`; a
file that does not parse is left out and named in the notes.

Left out by default, each with a count in the notes: migrations, tests (`tests`, `test`,
`testing` and `test_utils` folders, `test_*.py`, `*_test.py`, `tests.py`,
`conftest.py`), and empty `__init__` modules (nothing but a docstring, `pass` or dunder
constants). Folders without `__init__.py` that hold modules are read as namespace
packages (PEP 420) and named in the notes; a folder whose name is no identifier cannot be
imported, and is named too. Nothing is dropped silently.
"""

import ast
import fnmatch
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from architectures.decomposition.monolith import MonolithInvalid, Problem

SKIPPED_FOLDERS = frozenset(
    {"__pycache__", "node_modules", "site-packages", "venv", "build", "dist", "htmlcov"}
)
TEST_FOLDERS = frozenset({"tests", "test", "testing", "test_utils", "testutils"})
TEST_FILES = ("test_*.py", "*_test.py", "tests.py", "conftest.py")
# Larger files are generated code or data, not a module a team maintains.
FILE_SIZE_MAX = 4 * 1024 * 1024
# The readers walk syntax trees recursively, a few Python frames per level, so a file
# nesting hundreds of levels (a generated 600-term sum, a long elif chain) exhausts the
# stack. Code people write stays far below this: 63 levels at most over the 5,181 files
# of Decider's own dependencies.
NESTING_MAX = 150
ROOT_SEARCH_DEPTH = 3


@dataclass(frozen=True)
class SourceFile:
    module: str
    path: Path
    relative: str  # the path below the import root, with `/`
    is_package: bool  # an `__init__.py`
    tree: ast.Module
    lines: int


@dataclass(frozen=True)
class Package:
    name: str
    directory: Path
    namespaces: tuple[str, ...]  # dotted names of its folders without `__init__.py`


@dataclass(frozen=True)
class SourceTree:
    root: Path
    packages: tuple[Package, ...]
    files: tuple[SourceFile, ...]
    notes: tuple[str, ...]

    @property
    def modules(self) -> set[str]:
        return {f.module for f in self.files}


def without_deep_files(tree: SourceTree, limit: int = NESTING_MAX) -> SourceTree:
    """The tree without the files nesting more than `limit` levels, named in its notes.
    Measuring the depth costs about as much as parsing, so a reader calls this only
    after one of its walks ran out of stack."""
    kept: list[SourceFile] = []
    deep: list[SourceFile] = []
    for file in tree.files:
        (deep if _deeper_than(file.tree, limit) else kept).append(file)
    if not deep:
        return tree
    note = f"Nested over {limit} levels, left out: {listed(f.relative for f in deep)}."
    return SourceTree(tree.root, tree.packages, tuple(kept), (*tree.notes, note))


def _deeper_than(tree: ast.AST, limit: int) -> bool:
    """Whether the tree nests more than `limit` levels, found without recursing."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return False


def read_source_tree(
    path: str | Path, *, exclude: Sequence[str] = (), include_tests: bool = False
) -> SourceTree:
    """Find and parse the modules under `path`; raises `MonolithInvalid` when none is found.

    `exclude` holds glob patterns matched against each file's path below the import root
    (`shop/legacy/*`) and against its module name (`shop.legacy.*`).
    """
    start = Path(path).resolve()
    if not start.is_dir():
        raise MonolithInvalid([Problem(("path",), f"{path} is not a folder.")])
    root, only, notes = _import_root(start)
    reader = _Reader(root, tuple(exclude), include_tests, notes)
    packages = [reader.package(d) for d in _top_folders(root, only, notes)]
    found = [p for p in packages if p is not None]
    if not reader.files:
        msg = f"No Python module found under {path} (after leaving out {reader.left_out()})."
        raise MonolithInvalid([Problem(("path",), msg)])
    reader.drop_shadowed()
    return SourceTree(root, tuple(found), tuple(reader.files), tuple(reader.summary()))


def _import_root(start: Path) -> tuple[Path, str | None, list[str]]:
    """The folder modules are imported from, and the one package to read if `start` is one."""
    if (start / "__init__.py").is_file():
        return start.parent, start.name, []
    root = start
    while (inner := _only_folder(root)) is not None:
        root = inner
    notes = []
    manage = _shallowest_manage_py(root)
    if manage is not None and manage != root:
        notes.append(f"Imports are read from {manage.relative_to(start)}/, where manage.py is.")
        root = manage
    elif manage is None and (root / "src").is_dir() and not _python_files(root):
        notes.append("Imports are read from src/.")
        root = root / "src"
    return root, None, notes


def _only_folder(folder: Path) -> Path | None:
    entries = [e for e in folder.iterdir() if not e.name.startswith(".")]
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        inner = entries[0]
        # `shop-main/` wraps a project; `shop/` may be a namespace package itself.
        return None if inner.name.isidentifier() else inner
    return None


def _shallowest_manage_py(root: Path) -> Path | None:
    for depth in range(ROOT_SEARCH_DEPTH + 1):
        pattern = "/".join(["*"] * depth + ["manage.py"])
        found = sorted(p.parent for p in root.glob(pattern) if _plain_path(p, root))
        if found:
            return found[0]
    return None


def _plain_path(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts[:-1]
    return not any(p.startswith(".") or p in SKIPPED_FOLDERS or p in TEST_FOLDERS for p in parts)


def _python_files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*.py") if p.is_file()]


def _top_folders(root: Path, only: str | None, notes: list[str]) -> list[Path]:
    if only is not None:
        return [root / only]
    scripts = sorted(p.name for p in _python_files(root))
    if scripts:
        notes.append(f"Scripts at the import root left out: {', '.join(scripts[:10])}.")
    folders = sorted(e for e in root.iterdir() if e.is_dir() and not e.is_symlink())
    return [f for f in folders if not _skipped_folder(f.name)]


def _skipped_folder(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS or name.endswith(".dist-info")


class _Reader:
    def __init__(
        self, root: Path, exclude: tuple[str, ...], include_tests: bool, notes: list[str]
    ) -> None:
        self.root = root
        self.exclude = exclude
        self.include_tests = include_tests
        self.notes = notes
        self.files: list[SourceFile] = []
        self.counts: Counter[str] = Counter()
        self.namespaces: list[str] = []
        self.unimportable: list[str] = []
        self.unreadable: list[str] = []
        self.shadowed: list[str] = []

    def drop_shadowed(self) -> None:
        """`shop/a.py` beside `shop/a/__init__.py`: Python imports the package, so the
        module file is left out and named."""
        packages = {f.module for f in self.files if f.is_package}
        self.shadowed = [f.relative for f in self.files
                         if not f.is_package and f.module in packages]  # fmt: skip
        self.files = [f for f in self.files if f.is_package or f.module not in packages]

    def package(self, directory: Path) -> Package | None:
        if not directory.name.isidentifier():
            if any(_walk(directory)):
                self.unimportable.append(f"{directory.name}/")
            return None
        before = len(self.files)
        namespaces = [ns for folder in _walk(directory) for ns in self._folder(*folder)]
        if len(self.files) == before:
            return None
        return Package(directory.name, directory, tuple(namespaces))

    def _folder(self, folder: Path, names: list[str]) -> Iterator[str]:
        relative = folder.relative_to(self.root)
        if not all(part.isidentifier() for part in relative.parts):
            self.unimportable.append(f"{relative.as_posix()}/")
            return
        module = ".".join(relative.parts)
        if self._left_out_folder(relative, len(names)):
            return
        if "__init__.py" not in names:
            self.namespaces.append(module)
            yield module
        for name in sorted(names):
            if name.endswith(".py") and name[:-3].isidentifier():
                self._file(folder / name, module, relative)

    def _left_out_folder(self, relative: Path, files: int) -> bool:
        if "migrations" in relative.parts:
            self.counts["migration modules"] += files
            return True
        if not self.include_tests and TEST_FOLDERS & set(relative.parts):
            self.counts["test modules"] += files
            return True
        return False

    def _file(self, path: Path, package: str, folder: Path) -> None:
        relative = (folder / path.name).as_posix()
        is_package = path.name == "__init__.py"
        module = package if is_package else f"{package}.{path.stem}"
        if self._excluded(relative, module, path.name):
            return
        if path.is_symlink() or path.stat().st_size > FILE_SIZE_MAX:
            self.unreadable.append(f"{relative} (a link or over 4 MiB)")
            return
        data = path.read_bytes()
        try:
            # The project's own sloppiness (an invalid escape such as "\.") is not the
            # reader's to report on the server's stderr.
            with warnings.catch_warnings(action="ignore", category=SyntaxWarning):
                tree = ast.parse(data, filename=relative)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            self.unreadable.append(f"{relative} ({type(error).__name__})")
            return
        if is_package and _empty(tree):
            self.counts["empty __init__ modules"] += 1
            return
        lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        self.files.append(SourceFile(module, path, relative, is_package, tree, lines))

    def _excluded(self, relative: str, module: str, name: str) -> bool:
        if any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(module, g) for g in self.exclude):
            self.counts["excluded by --exclude"] += 1
            return True
        if not self.include_tests and any(fnmatch.fnmatch(name, g) for g in TEST_FILES):
            self.counts["test modules"] += 1
            return True
        return False

    def left_out(self) -> str:
        parts = [f"{n:,} {what}" for what, n in sorted(self.counts.items())]
        return ", ".join(parts) or "nothing"

    def summary(self) -> list[str]:
        notes = list(self.notes)
        notes.append(f"Read {len(self.files):,} modules; left out {self.left_out()}.")
        if not self.include_tests:
            notes.append("Test folders (tests, test, testing, test_utils) are left out.")
        if self.namespaces:
            notes.append(f"Read as namespace packages (no __init__.py): {listed(self.namespaces)}.")
        if self.unimportable:
            notes.append(
                f"Not importable (not identifiers), left out: {listed(self.unimportable)}."
            )
        if self.unreadable:
            notes.append(f"Not parsed, left out: {listed(self.unreadable)}.")
        if self.shadowed:
            notes.append(
                f"Shadowed by a package of the same name, left out: {listed(self.shadowed)}."
            )
        return notes


def _readable(name: str) -> str:
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(directory: Path) -> Iterator[tuple[Path, list[str]]]:
    """Each folder holding Python files, with their names; links are not followed."""
    for current, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not _skipped_folder(f))
        python = [f for f in files if f.endswith(".py")]
        if python:
            yield Path(current), python


def _empty(tree: ast.Module) -> bool:
    return all(_trivial(statement, i) for i, statement in enumerate(tree.body))


def _trivial(statement: ast.stmt, index: int) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return index == 0
    if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant):
        return all(
            isinstance(t, ast.Name) and _dunder_or_app_config(t.id) for t in statement.targets
        )
    return False


def _dunder_or_app_config(name: str) -> bool:
    return (name.startswith("__") and name.endswith("__")) or name == "default_app_config"


def listed(items: Iterable[str], shown: int = 12, characters: int = 1200) -> str:
    """The first `shown` items, within `characters` so that a note stays within a
    monolith's limit on notes, and readable: a file name that is not UTF-8 reaches Python
    with surrogates, which no page or database can hold, so those bytes show as U+FFFD."""
    items = [_readable(item) for item in items]
    kept: list[str] = []
    length = 0
    for item in items[:shown]:
        if kept and length + len(item) > characters:
            break
        kept.append(item[:characters])
        length += len(item) + 2  # and its ", "
    more = len(items) - len(kept)
    return ", ".join(kept) + (f" and {more:,} more" if more else "")
