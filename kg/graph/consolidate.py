"""The merged view of many article graphs: one type and one preferred label per entity.

Each article graph names its entities with IRIs that depend on the name alone, so the same
actor read from two files is one node. Their types and preferred labels are decided again over
all article graphs together, from what every mention says (``skg:statedType`` and the method
that found it, the same votes resolution uses), so that the result depends on the set of
articles only, never on the order in which they were added or on articles since replaced.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.extract.resolve import METHOD_WEIGHT, preferred_label, winning_type
from kg.graph.vocab import ENTITY_TYPES, SKG

ENTITY_CLASSES = {SKG[t]: t for t in ENTITY_TYPES}


def article_graphs(ds: Dataset) -> list:
    return [g for g in ds.graphs() if (g.identifier, RDF.type, SKG.Article) in g]


def consolidate(ds: Dataset) -> None:
    """Give every entity of the article graphs one type and one Chinese preferred label."""
    graphs = article_graphs(ds)
    votes: dict[URIRef, Counter] = defaultdict(Counter)
    labels: dict[URIRef, Counter] = defaultdict(Counter)
    for g in graphs:
        for mention, entity in g.subject_objects(SKG.mentionOf):
            stated = g.value(mention, SKG.statedType)
            method = str(g.value(mention, SKG.method) or "")
            text = g.value(mention, SKG.repairedText) or g.value(mention, SKG.anchorOf)
            if stated in ENTITY_CLASSES:
                votes[entity][ENTITY_CLASSES[stated]] += METHOD_WEIGHT.get(method, 1)
            if text is not None and method != "pattern:alias":
                labels[entity][str(text)] += 1
    for g in graphs:
        for entity in set(g.subjects(SKOS.prefLabel)):
            stated_types = [ENTITY_CLASSES[t] for t in g.objects(entity, RDF.type) if t in ENTITY_CLASSES]
            if entity not in votes:  # named only in a fact of this graph: keep what it states
                votes[entity].update(stated_types)
            typ = winning_type(votes[entity])
            for t in stated_types:
                if t != typ:
                    g.remove((entity, RDF.type, SKG[t]))
            g.add((entity, RDF.type, SKG[typ]))
            current = [str(x) for x in g.objects(entity, SKOS.prefLabel)]
            name = preferred_label(labels[entity], typ, current)
            for old in current:
                if old != name:
                    g.remove((entity, SKOS.prefLabel, Literal(old, lang="zh")))
                    g.add((entity, SKOS.altLabel, Literal(old, lang="zh")))
            g.remove((entity, SKOS.altLabel, Literal(name, lang="zh")))
            g.add((entity, SKOS.prefLabel, Literal(name, lang="zh")))
