"""An import scan of kg/: the stages depend on each other one way only, and each third-party
library has one home (STYLE.md, "Imports flow one way")."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

# model/errors/resources <- read <- extract <- graph <- store <- explore <- pipeline <- cli
LAYERS = {
    "kg.model": 0, "kg.errors": 0, "kg.resources": 0,
    "kg.read": 1, "kg.extract": 2, "kg.graph": 3, "kg.store": 4, "kg.explore": 5, "kg.pipeline": 6,
    "kg": 7,  # kg/__init__.py: the public API may gather any stage
    "kg.cli": 8, "kg.__main__": 9,
}
HOMES = {
    "jieba": {"kg/extract/segment.py"},
    "click": {"kg/cli.py"},
    "networkx": {"kg/explore/network.py"},
    "pyvis": {"kg/explore/viz.py"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _layer(module: str) -> int:
    """The layer of kg.x.y is that of its longest listed prefix."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in LAYERS:
            return LAYERS[prefix]
    raise KeyError(module)


def _imports(path: Path) -> list[tuple[str, int]]:
    return _imports_of(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def _imports_of(source: str, here: str, is_package: bool) -> list[tuple[str, int]]:
    """(absolute module name, line) of every import in a module's source, function-level ones
    included and relative ones resolved; a name imported from a package counts as the submodule
    when one of that name exists."""
    tree = ast.parse(source)
    package = here if is_package else here.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                rel = Path(*sub.split("."))
                if (PACKAGE.parent / rel).is_dir() or (PACKAGE.parent / rel).with_suffix(".py").exists():
                    out.append((sub, node.lineno))
                else:
                    out.append((module, node.lineno))
    return sorted(out, key=lambda x: x[1])


def _later_stages(imports: list[tuple[str, int]], own: int) -> list[str]:
    return [f"line {line}: {module}" for module, line in imports
            if (module == "kg" or module.startswith("kg.")) and _layer(module) > own]


SOURCES = sorted(PACKAGE.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_layering_scan_sees_the_package():
    names = {_rel(p) for p in SOURCES}
    assert {"kg/cli.py", "kg/pipeline.py", "kg/extract/segment.py", "kg/read/sources.py"} <= names
    imports = {m for p in SOURCES for m, _ in _imports(p)}
    assert {"jieba", "click", "kg.model", "kg.errors"} <= imports


@pytest.mark.parametrize("path", SOURCES, ids=_rel)
def test_layering_imports_flow_one_way(path):
    own = _layer(_module_name(path))
    assert _later_stages(_imports(path), own) == [], f"{_rel(path)} (layer {own}) imports a later stage"


@pytest.mark.parametrize("library", sorted(HOMES))
def test_layering_each_library_has_one_home(library):
    importers = {_rel(p) for p in SOURCES for m, _ in _imports(p) if m == library or m.startswith(library + ".")}
    assert importers <= HOMES[library], importers - HOMES[library]


def test_layering_scan_resolves_relative_and_local_imports():
    source = ("from ..model import Page\n"
              "from . import articles\n"
              "import jieba.posseg as posseg\n"
              "def f():\n"
              "    from kg import errors\n"
              "    from kg.pipeline import extract\n")
    assert _imports_of(source, "kg.read.sources", False) == [
        ("kg.model", 1), ("kg.read.articles", 2), ("jieba.posseg", 3), ("kg.errors", 5), ("kg.pipeline", 6)]


@pytest.mark.parametrize(
    ("module", "source", "flagged"),
    [
        ("kg.extract.facts", "from kg.pipeline import extract\n", ["line 1: kg.pipeline"]),
        ("kg.read.articles", "def f():\n    from ..graph import ids\n", ["line 2: kg.graph.ids"]),
        ("kg.graph.rdf", "from kg.extract.lexicon import Lexicon\nfrom kg.model import Span\n", []),
        ("kg.cli", "from kg.explore import queries\nfrom kg import __version__\n", []),
    ],
)
def test_layering_scan_flags_imports_of_later_stages(module, source, flagged):
    assert _later_stages(_imports_of(source, module, False), _layer(module)) == flagged
