"""SHACL validation of a built graph against ontology/shapes.ttl: problems as data."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, BNode, Dataset, Graph, URIRef
from rdflib.namespace import SH

from kg.resources import resource_path


@dataclass(frozen=True, slots=True)
class Problem:
    focus: str
    shape: str
    path: str
    message: str
    severity: str


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(resource_path("ontology/shapes.ttl"), format="turtle")
    return g


def validate(ds: Dataset) -> list[Problem]:
    """Validate the union of all named graphs; an empty list means the graph conforms."""
    import pyshacl

    data = Graph()
    for prefix, ns in ds.namespaces():
        data.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    shapes = shapes_graph()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                           abort_on_first=False, allow_warnings=True)
    if conforms:
        return []
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        def one(p: URIRef) -> str:
            v = report.value(result, p)
            return "" if v is None else _short(data, v)
        shape = report.value(result, SH.sourceShape)
        if isinstance(shape, BNode):  # a property shape: name the node shape that holds it
            shape = shapes.value(predicate=SH.property, object=shape) or shape
        problems.append(Problem(focus=one(SH.focusNode), shape=_short(shapes, shape), path=one(SH.resultPath),
                                message=one(SH.resultMessage), severity=one(SH.resultSeverity)))
    return sorted(problems, key=lambda p: (p.focus, p.shape, p.path, p.message))


def _short(g: Graph, term) -> str:
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)
