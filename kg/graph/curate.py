"""Curation that survives rebuilds: an editor's decisions, applied on every build and add.

``data/curation.yaml`` lists decisions, each with a reason:

    decisions:
      - merge: [蚂蚁金服, 蚂蚁集团]        # the last name is kept; the others become its aliases
        reason: the same company under its former name
      - type: {entity: 中国移动研究院, as: Company}
        reason: a company's research arm
      - reject: {entity: 乌镇时间}         # a name that is no actor, with every fact about it
        reason: a column label
      - reject: {relation: basedIn, subject: 省委网信办, object: 浙江}
        reason: not stated
      - add: {relation: basedIn, subject: 省委网信办, object: 浙江}
        reason: the paper's province

Entities are named by any of their labels. Every applied decision is recorded in the named graph
``graph/curation`` with its reason and the entities it touched; a decision that matches nothing
is reported, never silently dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.errors import KgError
from kg.extract.normalize import normalize
from kg.graph import ids
from kg.graph.consolidate import article_graphs, consolidate
from kg.graph.vocab import BASE, BINARY_RELATIONS, ENTITY_TYPES, SKG

CURATION_GRAPH = URIRef(BASE + "graph/curation")
ACTIONS = ("merge", "type", "reject", "add")
RELATIONS = {name: spec[0] for name, spec in BINARY_RELATIONS.items()}


class CurationError(KgError):
    """The curation file is malformed or names what the graph does not hold."""


@dataclass(frozen=True, slots=True)
class Decision:
    action: str
    args: dict
    reason: str
    index: int  # its place in the file, from 1

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha1(repr((self.action, sorted(self.args.items()), self.reason)).encode()).hexdigest()[:12]
        return URIRef(f"{ids.ID}curation/{digest}")


def load_curation(path: Path) -> list[Decision]:
    """Read the decisions of a curation file.

    :raises CurationError: the file is not YAML or a decision is malformed.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise CurationError(f"{path}: cannot be read ({err.strerror})") from None
    except yaml.YAMLError as err:
        raise CurationError(f"{path}: not valid YAML ({str(err).splitlines()[0]})") from None
    raw = data.get("decisions") if isinstance(data, dict) else None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CurationError(f"{path}: 'decisions' must be a list")
    out = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise CurationError(f"{path}: decision {n} is not a mapping")
        actions = [a for a in ACTIONS if a in item]
        if len(actions) != 1:
            raise CurationError(f"{path}: decision {n} needs exactly one of {', '.join(ACTIONS)}")
        reason = str(item.get("reason") or "").strip()
        if not reason:
            raise CurationError(f"{path}: decision {n} ({actions[0]}) needs a reason")
        value = item[actions[0]]
        args = {"names": [str(v) for v in value]} if actions[0] == "merge" else value
        if actions[0] == "merge" and (not isinstance(value, list) or len(value) < 2):
            raise CurationError(f"{path}: decision {n}: merge takes a list of two or more names")
        if actions[0] != "merge" and not isinstance(value, dict):
            raise CurationError(f"{path}: decision {n}: {actions[0]} takes a mapping")
        if actions[0] == "type" and args.get("as") not in ENTITY_TYPES:
            raise CurationError(f"{path}: decision {n}: type 'as' must be one of {', '.join(ENTITY_TYPES)}")
        if actions[0] in ("add",) or actions[0] == "reject" and "relation" in args:
            if args.get("relation") not in RELATIONS:
                raise CurationError(f"{path}: decision {n}: relation must be one of {', '.join(RELATIONS)}")
        out.append(Decision(actions[0], {k: v for k, v in args.items()}, reason, n))
    return out


def apply_curation(ds: Dataset, decisions: list[Decision]) -> list[str]:
    """Apply the decisions to the graph; return a note for each that matched nothing."""
    notes: list[str] = []
    if not decisions:
        return notes
    record = ds.graph(CURATION_GRAPH)
    record.add((CURATION_GRAPH, RDF.type, SKG.CurationGraph))
    for d in (d for d in decisions if d.action in ("merge", "reject")):
        touched = _merge(ds, d) if d.action == "merge" else _reject(ds, d)
        _record(record, d, touched, notes)
    consolidate(ds)
    for d in (d for d in decisions if d.action in ("type", "add")):
        touched = _retype(ds, d) if d.action == "type" else _add(ds, record, d)
        _record(record, d, touched, notes)
    return notes


def _record(record, d: Decision, touched: list[URIRef], notes: list[str]) -> None:
    if not touched:
        notes.append(f"curation decision {d.index} ({d.action}) matched nothing in the graph")
        return
    record.add((d.iri, RDF.type, SKG.CurationDecision))
    record.add((d.iri, SKG.action, Literal(d.action)))
    record.add((d.iri, SKG.reason, Literal(d.reason)))
    for node in touched:
        record.add((d.iri, SKG.curates, node))


def _entities(ds: Dataset, name: str) -> list[URIRef]:
    """The entities that have this label (normalised): those with it as preferred label first."""
    wanted = normalize(name)
    found: dict[URIRef, int] = {}
    for g in article_graphs(ds):
        for rank, p in enumerate((SKOS.prefLabel, SKOS.altLabel)):
            for s, o in g.subject_objects(p):
                if normalize(str(o)) == wanted:
                    found[s] = min(found.get(s, rank), rank)
    return sorted(found, key=lambda s: (found[s], str(s)))


def _entity(ds: Dataset, name: str) -> URIRef | None:
    """The entity that has this label (any label, normalised), in the article graphs."""
    found = _entities(ds, name)
    return found[0] if found else None


def _rename(ds: Dataset, old: URIRef, new: URIRef) -> None:
    for g in article_graphs(ds):
        for s, p, o in list(g.triples((old, None, None))):
            g.remove((s, p, o))
            g.add((new, p, o))
        for s, p, o in list(g.triples((None, None, old))):
            g.remove((s, p, o))
            g.add((s, p, new))


def _merge(ds: Dataset, d: Decision) -> list[URIRef]:
    keep = _entity(ds, d.args["names"][-1])
    others = {n for name in d.args["names"][:-1] for n in _entities(ds, name)} - {keep}
    if keep is None or not others:
        return []
    for node in sorted(others):
        _rename(ds, node, keep)
    return [keep]


def _reject(ds: Dataset, d: Decision) -> list[URIRef]:
    if "entity" in d.args:
        node = _entity(ds, str(d.args["entity"]))
        if node is None:
            return []
        for g in article_graphs(ds):
            dependants = {s for s, p, o in g.triples((None, None, node))}
            for s in dependants | {node}:
                for t in list(g.triples((s, None, None))):
                    g.remove(t)
                for t in list(g.triples((None, None, s))):
                    g.remove(t)
        return [node]
    s, o = _entity(ds, str(d.args.get("subject"))), _entity(ds, str(d.args.get("object")))
    predicate = RELATIONS[d.args["relation"]]
    removed = []
    for g in article_graphs(ds):
        if s is not None and o is not None and (s, predicate, o) in g:
            g.remove((s, predicate, o))
            for stmt in list(g.subjects(RDF.subject, s)):
                if (stmt, RDF.predicate, predicate) in g and (stmt, RDF.object, o) in g:
                    for t in list(g.triples((stmt, None, None))):
                        g.remove(t)
            removed = [s, o]
    return removed


def _retype(ds: Dataset, d: Decision) -> list[URIRef]:
    node = _entity(ds, str(d.args.get("entity")))
    if node is None:
        return []
    for g in article_graphs(ds):
        if (node, SKOS.prefLabel, None) in g:
            for t in ENTITY_TYPES:
                g.remove((node, RDF.type, SKG[t]))
            g.add((node, RDF.type, SKG[d.args["as"]]))
    return [node]


def _add(ds: Dataset, record, d: Decision) -> list[URIRef]:
    s, o = _entity(ds, str(d.args.get("subject"))), _entity(ds, str(d.args.get("object")))
    if s is None or o is None:
        return []
    predicate = RELATIONS[d.args["relation"]]
    record.add((s, predicate, o))
    stmt = ids.fact_iri("statement", (d.args["relation"], str(s), str(o), "curation"))
    record.add((stmt, RDF.type, RDF.Statement))
    record.add((stmt, RDF.subject, s))
    record.add((stmt, RDF.predicate, predicate))
    record.add((stmt, RDF.object, o))
    record.add((stmt, SKG.rule, Literal("curation")))
    record.add((stmt, PROV.wasDerivedFrom, d.iri))
    return [s, o]
