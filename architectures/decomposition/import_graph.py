"""Static imports between the modules of a source tree, counted with grimp's scanner.

grimp's `build_graph` finds packages with `importlib.util.find_spec`, which answers from
the running interpreter: a project package named like one Decider itself has (`django`)
would resolve to Decider's copy. So the packages are handed to grimp's scanner as found
on disk (the files the source tree kept), and nothing is looked up, imported or run.
The count of a pair is the number of import statements from one module of the other.
"""

from collections import Counter, defaultdict

from grimp.application.ports.modulefinder import FoundPackage, ModuleFile
from grimp.application.scanning import scan_imports
from grimp.domain.valueobjects import Module

from architectures.decomposition.source_tree import SourceTree

ImportCounts = dict[str, Counter[str]]


def import_counts(tree: SourceTree) -> ImportCounts:
    """Per importing module, the modules of the tree it imports and how many times."""
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
    scanned = scan_imports(
        files,
        found_packages=found,
        include_external_packages=False,
        exclude_type_checking_imports=False,
    )
    known = tree.modules
    counts: ImportCounts = defaultdict(Counter)
    for module_file, imports in scanned.items():
        for direct in imports:
            imported = direct.imported.name
            if imported in known and imported != module_file.module.name:
                counts[module_file.module.name][imported] += 1
    return counts
