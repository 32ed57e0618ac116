"""Static imports between the modules of a source tree, counted with grimp's scanner.

grimp's `build_graph` finds packages with `importlib.util.find_spec`, which answers from
the running interpreter: a project package named like one Decider itself has (`django`)
would resolve to Decider's copy. So the packages are handed to grimp's scanner as found
on disk (the files the source tree kept), and nothing is looked up, imported or run.
The count of a pair is the number of import statements from one module of the other.

grimp parses with its own (Rust) parser, which refuses a few files `ast` accepts (a
repeated keyword argument) and panics on a relative import that climbs above its top
package. When the whole tree fails, the batch is halved around the files that fail,
and those are left out of the import counts and named in the notes.
"""

from collections import Counter, defaultdict

from grimp.application.ports.modulefinder import FoundPackage, ModuleFile
from grimp.application.scanning import scan_imports
from grimp.domain.valueobjects import Module
from grimp.exceptions import SourceSyntaxError

from architectures.decomposition.source_tree import SourceTree, listed

ImportCounts = dict[str, Counter[str]]


def import_counts(tree: SourceTree) -> tuple[ImportCounts, list[str]]:
    """Per importing module, the modules of the tree it imports and how many times; and
    the notes naming the files whose imports could not be read."""
    module_files: dict[str, set[ModuleFile]] = defaultdict(set)
    for file in tree.files:
        top = file.module.split(".")[0]
        module_files[top].add(ModuleFile(module=Module(file.module), mtime=0.0))
    found = {
        FoundPackage(
            name=p.name,
            directory=str(p.directory),
            module_files=frozenset(module_files[p.name]),
            namespace_packages=frozenset(p.namespaces),
        )
        for p in tree.packages
        if module_files[p.name]
    }
    files = {f for fs in module_files.values() for f in fs}
    scanned, failed = _scan_apart(sorted(files, key=lambda f: f.module.name), found)
    known = tree.modules
    counts: ImportCounts = defaultdict(Counter)
    for module_file, imports in scanned.items():
        for direct in imports:
            imported = direct.imported.name
            if imported in known and imported != module_file.module.name:
                counts[module_file.module.name][imported] += 1
    paths = {f.module: f.relative for f in tree.files}
    unread = sorted(paths[f.module.name] for f in failed)
    notes = [f"Imports not read (grimp cannot parse them): {listed(unread)}."] if unread else []
    return counts, notes


Scanned = dict[ModuleFile, set]


def _scan_apart(files: list[ModuleFile], found: set[FoundPackage]) -> tuple[Scanned, list]:
    """Scan `files`, halving the batch around the files grimp fails on: a few bad files
    cost a few more scans, never one scan per file."""
    try:
        return _scan(set(files), found), []
    except BaseException as error:
        if not _scanner_failure(error):
            raise
    if len(files) == 1:
        return {}, files
    half = len(files) // 2
    first, first_failed = _scan_apart(files[:half], found)
    second, second_failed = _scan_apart(files[half:], found)
    return first | second, first_failed + second_failed


def _scan(files: set[ModuleFile], found: set[FoundPackage]) -> Scanned:
    return scan_imports(
        files,
        found_packages=found,
        include_external_packages=False,
        exclude_type_checking_imports=False,
    )


def _scanner_failure(error: BaseException) -> bool:
    # A panic in grimp's Rust code arrives as pyo3's PanicException: a BaseException,
    # so that `except Exception` would let it through, and not importable by name.
    return isinstance(error, SourceSyntaxError) or type(error).__name__ == "PanicException"
