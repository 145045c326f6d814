"""Articles, entities and facts -> RDF quads: one named graph per article.

Each article's graph (named by the article's IRI) holds what that article states: the article
node, the source document, every mention (a span with start/end offsets into the decoded file,
the text as printed, the method that found it and why it was resolved as it was), the entities
it mentions with their labels and type, and its facts. An n-ary fact (position, conferment,
quote) is a node; a binary relation is a direct triple plus an ``rdf:Statement`` that carries
its rule and provenance. Every fact points with ``prov:wasDerivedFrom`` to the sentence it was
read from (a span) and with ``skg:evidence`` to the mentions it was read from.

The reference graph holds lexicon knowledge (the region hierarchy above the places mentioned);
named queries read only the article graphs.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.extract.lexicon import Lexicon
from kg.graph import ids
from kg.graph.vocab import BINARY_RELATIONS, ENTITY_TYPES, SCHEMA, SKG
from kg.read.script import to_simplified
from kg.model import Article, Entity, Fact, Mention, Page, Resolution, Span

PREFIXES = {"skg": SKG._NS, "schema": SCHEMA, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "id": ids.ID,
            "rdf": RDF._NS, "rdfs": RDFS._NS, "xsd": XSD._NS}


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def build_dataset(pages: dict[str, Page], articles: list[Article], mentions: dict[str, list[Mention]],
                  resolution: Resolution, facts: list[Fact], lexicon: Lexicon) -> Dataset:
    ds = new_dataset()
    by_article: dict[str, list[Fact]] = {}
    for f in facts:
        by_article.setdefault(f.article_id, []).append(f)
    for article in articles:
        add_article(ds, pages[article.source], article, mentions.get(article.article_id, []), resolution,
                    by_article.get(article.article_id, []))
    add_reference(ds, resolution, lexicon)
    return ds


def add_article(ds: Dataset, page: Page, article: Article, mentions: list[Mention], resolution: Resolution,
                facts: list[Fact]) -> Graph:
    """Write one article's named graph (replacing any earlier one of the same article)."""
    a = ids.article_iri(article.article_id)
    ds.remove_graph(a)
    g = ds.graph(a)
    doc = ids.document_iri(page.source)
    g.add((doc, RDF.type, SKG.Document))
    g.add((doc, DCTERMS.identifier, Literal(page.source)))
    g.add((doc, SKG.encoding, Literal(page.encoding)))
    g.add((doc, SKG.sha256, Literal(page.sha256)))
    if page.url:
        g.add((doc, DCTERMS.source, URIRef(page.url) if "://" in page.url else Literal(page.url)))
    if page.outlet:
        g.add((doc, DCTERMS.publisher, _zh(page.outlet)))
    if page.published:
        g.add((doc, DCTERMS.issued, Literal(page.published.isoformat(), datatype=XSD.date)))
    g.add((a, RDF.type, SKG.Article))
    g.add((a, DCTERMS.isPartOf, doc))
    g.add((a, PROV.wasDerivedFrom, doc))
    g.add((a, SKG.kind, Literal(article.kind)))
    g.add((a, SKG.startChar, _int(article.start)))
    g.add((a, SKG.endChar, _int(article.end)))
    if article.title_text:
        g.add((a, DCTERMS.title, _zh(article.title_text)))
    for line in article.subtitles:
        g.add((a, SCHEMA.alternativeHeadline, _zh(line.repaired)))
    if article.published:
        g.add((a, DCTERMS.date, Literal(article.published.isoformat(), datatype=XSD.date)))
        g.add((a, SKG.dateSource, Literal(article.date_source)))
    if article.byline and article.byline.place:
        g.add((a, SKG.datelinePlace, _zh(article.byline.place)))
    for section in article.sections:
        g.add((a, SKG.section, _zh(section)))

    entities_here: set[str] = set()
    for m in mentions:
        link = resolution.links.get(m)
        if link is None:
            continue
        key, why = link
        entities_here.add(key)
        node = ids.mention_iri(article.article_id, m.start, m.end)
        g.add((node, RDF.type, SKG.Mention))
        g.add((node, SKG.mentionOf, ids.entity_iri(key)))
        g.add((node, SKG.inArticle, a))
        g.add((node, SKG.startChar, _int(m.start)))
        g.add((node, SKG.endChar, _int(m.end)))
        g.add((node, SKG.anchorOf, Literal(page.text[m.start:m.end])))
        if m.text != page.text[m.start:m.end]:
            g.add((node, SKG.repairedText, Literal(m.text)))
        g.add((node, SKG.method, Literal(m.method)))
        g.add((node, SKG.statedType, SKG[resolution.typed_by_full.get(m, m.type)]))
        g.add((node, SKG.resolvedBy, Literal(why)))
    for f in facts:
        entities_here.update(v for k, v in f.roles if k not in _LITERAL_ROLES)
    for key in sorted(entities_here):
        entity = resolution.entities.get(key)
        if entity is not None:
            add_entity(g, entity)
    for f in facts:
        add_fact(g, a, article, f)
    return g


def add_entity(g: Graph, entity: Entity) -> None:
    node = ids.entity_iri(entity.key)
    if entity.type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {entity.type}")
    g.add((node, RDF.type, SKG[entity.type]))
    g.add((node, SKOS.prefLabel, _zh(entity.name)))
    labels = set(entity.aliases)
    simplified = to_simplified(entity.name)
    if simplified != entity.name:
        g.add((node, SKOS.altLabel, Literal(simplified, lang="zh-Hans")))
    for alias in sorted(labels - {entity.name}):
        g.add((node, SKOS.altLabel, _zh(alias)))
    for english in entity.english:
        g.add((node, SKOS.altLabel, Literal(english, lang="en")))


_LITERAL_ROLES = {"title", "former", "year", "text", "article"}


def _span_node(g: Graph, article_iri: URIRef, article: Article, span: Span, text: str) -> URIRef:
    node = ids.span_iri(article.article_id, span.start, span.end)
    g.add((node, RDF.type, SKG.TextSpan))
    g.add((node, SKG.inArticle, article_iri))
    g.add((node, SKG.startChar, _int(span.start)))
    g.add((node, SKG.endChar, _int(span.end)))
    g.add((node, SKG.anchorOf, Literal(text)))
    return node


def add_fact(g: Graph, article_iri: URIRef, article: Article, fact: Fact) -> None:
    e = ids.entity_iri
    roles = dict(fact.roles)
    if fact.kind == "reporter":
        g.add((article_iri, SKG.reporter, e(roles["person"])))
        return
    if fact.kind == "position":
        node = ids.fact_iri("position", (roles["holder"], roles.get("organization"), roles["title"]))
        g.add((node, RDF.type, SKG.Position))
        g.add((node, SKG.holder, e(roles["holder"])))
        if roles.get("organization"):
            g.add((node, SKG.organization, e(roles["organization"])))
        g.add((node, SKG.title, _zh(roles["title"])))
        g.add((node, SKG.former, Literal(roles.get("former") == "true")))
    elif fact.kind == "conferment":
        node = ids.fact_iri("conferment", (roles["recipient"], roles["award"], roles.get("category"),
                                           roles.get("year")))
        g.add((node, RDF.type, SKG.AwardConferment))
        g.add((node, SKG.recipient, e(roles["recipient"])))
        g.add((node, SKG.award, e(roles["award"])))
        if roles.get("category"):
            g.add((node, SKG.category, e(roles["category"])))
        if roles.get("year"):
            g.add((node, SKG.year, Literal(roles["year"], datatype=XSD.gYear)))
        if roles.get("event"):
            g.add((node, SKG.atEvent, e(roles["event"])))
    elif fact.kind == "quote":
        node = ids.fact_iri("quote", (article.article_id, fact.sentence.start, roles["speaker"]))
        g.add((node, RDF.type, SKG.Quote))
        g.add((node, SKG.speaker, e(roles["speaker"])))
        g.add((node, SKG.quoteText, _zh(roles["text"])))
        g.add((node, SKG.inArticle, article_iri))
    elif fact.kind in BINARY_RELATIONS:
        predicate, subject_role, object_role = BINARY_RELATIONS[fact.kind]
        s, o = e(roles[subject_role]), e(roles[object_role])
        g.add((s, predicate, o))
        node = ids.fact_iri("statement", (fact.kind, roles[subject_role], roles[object_role], article.article_id))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, predicate))
        g.add((node, RDF.object, o))
    else:
        raise ValueError(f"unknown fact kind {fact.kind}")
    g.add((node, SKG.rule, Literal(fact.rule)))
    span = _span_node(g, article_iri, article, fact.sentence, fact.sentence.repaired)
    g.add((node, PROV.wasDerivedFrom, span))
    for m in fact.evidence:
        g.add((node, SKG.evidence, ids.mention_iri(article.article_id, m.start, m.end)))


def add_reference(ds: Dataset, resolution: Resolution, lexicon: Lexicon) -> None:
    """The region hierarchy above the places the articles mention, from the lexicon."""
    ref = ds.graph(ids.REFERENCE_GRAPH)
    ref.add((ids.REFERENCE_GRAPH, RDF.type, SKG.ReferenceGraph))
    ref.add((ids.REFERENCE_GRAPH, RDFS.label, Literal("reference knowledge from the lexicon", lang="en")))
    for entity in sorted(resolution.entities.values(), key=lambda x: x.key):
        if not entity.lexicon_key or entity.lexicon_key not in lexicon.entries:
            continue
        child = ids.entity_iri(entity.key)
        entry = lexicon.entries[entity.lexicon_key]
        ref.add((child, DCTERMS.source, Literal(entry.source)))
        for parent in lexicon.ancestors(entity.lexicon_key):
            parent_key = "lex:" + parent.name
            p = ids.entity_iri(parent_key)
            ref.add((child, SKG.locatedIn, p))
            if parent_key not in resolution.entities:
                add_entity(ref, Entity(key=parent_key, type="Region", name=parent.aliases[0] if parent.aliases
                                       else parent.name, aliases=tuple(a for a in (parent.name, *parent.aliases)
                                                                       if a != (parent.aliases[0] if parent.aliases else parent.name)),
                                       english=(parent.english,) if parent.english else (), lexicon_key=parent.name))
                ref.add((p, DCTERMS.source, Literal(parent.source)))
            child = p
