"""Where the graph lives: a TriG file on disk, loaded into an in-memory rdflib Dataset.

Writes are atomic (a temporary file in the same folder, then a rename), so a failed run never
leaves a half-written graph or destroys the previous one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import RDF, Dataset, Graph, Literal
from rdflib.namespace import DCTERMS
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import StoreError
from kg.graph.rdf import PREFIXES
from kg.graph.vocab import SKG

DEFAULT_OUTPUT = Path("build") / "summit.trig"
LAST_BUILD = Path("build") / ".last-build"


def save(ds: Dataset, path: Path) -> None:
    """Serialise the dataset as TriG to ``path``, atomically; remember it as the last build.

    :raises StoreError: the folder cannot be created or written.
    """
    write_atomically(path, to_trig(ds))
    try:
        LAST_BUILD.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(LAST_BUILD, str(path.resolve()).encode("utf-8"))
    except (OSError, StoreError):
        pass  # remembering the last build is a convenience, never a reason to fail


def to_trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in IRI order and each graph's triples in rdflib's sorted Turtle
    order, so that the same graph always gives the same bytes (rdflib's own TriG writer lists the
    graphs in hash order, which changes from one process to the next)."""
    prefixes = sorted((p, str(ns)) for p, ns in PREFIXES.items()) + _other_namespaces(ds)
    head = [f"@prefix {p}: <{ns}> ." for p, ns in prefixes]
    blocks = []
    for graph in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        g = Graph(bind_namespaces="none")
        for p, ns in prefixes:
            g.bind(p, ns, override=True, replace=True)
        for triple in graph:
            g.add(triple)
        body = g.serialize(format="turtle")
        lines = [line for line in body.splitlines() if not line.startswith(("@prefix", "@base", "PREFIX", "BASE"))]
        text = "\n".join(lines).strip("\n")  # not indented: a literal may span lines
        name = graph.identifier
        label = f"<{name}>" if str(name) != str(DATASET_DEFAULT_GRAPH_ID) else ""
        blocks.append(f"{label} {{\n{text}\n}}" if label else f"{{\n{text}\n}}")
    return ("\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def _other_namespaces(ds: Dataset) -> list[tuple[str, str]]:
    """Namespaces of predicates and classes that PREFIXES does not name (a term added from some
    other vocabulary), each with a prefix of its own, so that every graph block can use it."""
    known = {str(ns) for ns in PREFIXES.values()}
    found = set()
    for _, p, o, _ in ds.quads((None, None, None, None)):
        for term in (p, o) if p == RDF.type else (p,):
            iri = str(term)
            cut = max(iri.rfind("#"), iri.rfind("/")) + 1
            if 0 < cut < len(iri) and iri[:cut] not in known:
                found.add(iri[:cut])
    return [(f"ns{n}", ns) for n, ns in enumerate(sorted(found), start=1)]


def write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # readable like any new file, not mkstemp's 0600
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise StoreError(f"{path}: cannot be written ({err.strerror})") from None


def last_build() -> Path:
    """The graph file of the last build from this folder (build/summit.trig by default)."""
    try:
        remembered = Path(LAST_BUILD.read_text(encoding="utf-8").strip())
        if remembered.exists():
            return remembered
    except OSError:
        pass
    return DEFAULT_OUTPUT


def load(path: Path | None = None) -> Dataset:
    """Read a TriG file into a Dataset whose default graph is the union of its named graphs.

    :raises StoreError: the file is missing or is not TriG.
    """
    path = path or last_build()
    if not path.exists():
        hint = " (run `kg build` first)" if path == DEFAULT_OUTPUT else ""
        raise StoreError(f"{path}: no such graph file{hint}")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format="trig")
    except Exception as err:  # rdflib raises many kinds; all mean the same thing here
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise StoreError(f"{path}: not a readable TriG graph ({first})") from None
    return ds


def documents(ds: Dataset) -> dict[str, str]:
    """The source files in a graph: file name -> sha256 of its bytes."""
    out = {}
    for doc in set(ds.subjects(RDF.type, SKG.Document)):
        name, digest = ds.value(doc, DCTERMS.identifier), ds.value(doc, SKG.sha256)
        if name is not None and digest is not None:
            out[str(name)] = str(digest)
    return out


def remove_document(ds: Dataset, source: str) -> None:
    """Drop the named graphs of every article of one source file."""
    docs = {d for d in ds.subjects(DCTERMS.identifier, Literal(source)) if (d, RDF.type, SKG.Document) in ds}
    articles = {a for d in docs for a in ds.subjects(DCTERMS.isPartOf, d)}
    for article in articles:
        ds.remove_graph(article)
