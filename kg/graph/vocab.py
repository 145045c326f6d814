"""The summit-kg vocabulary as a closed namespace: a typo in a term fails at import time.

Every term here is declared in ``ontology/summit.ttl``; ``tests/test_ontology.py`` checks that
the two lists are the same.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

BASE = "https://w3id.org/summit-kg/"
ONTOLOGY = BASE + "ontology#"
ID = BASE + "id/"
SCHEMA = Namespace("http://schema.org/")  # schema.org terms the graph uses beside its own


class SKG(DefinedNamespace):
    _fail = True
    _NS = Namespace(ONTOLOGY)

    # entity classes (the eleven types a user sees)
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Award: URIRef
    AwardCategory: URIRef
    Report: URIRef
    Initiative: URIRef
    Region: URIRef
    Event: URIRef
    Product: URIRef

    # sources and provenance
    Document: URIRef
    Article: URIRef
    ReferenceGraph: URIRef
    CurationGraph: URIRef
    CurationDecision: URIRef
    TextSpan: URIRef
    Mention: URIRef

    # n-ary facts
    Position: URIRef
    AwardConferment: URIRef
    Quote: URIRef

    # documents and articles
    encoding: URIRef
    sha256: URIRef
    kind: URIRef
    section: URIRef
    datelinePlace: URIRef
    dateSource: URIRef
    reporter: URIRef
    startChar: URIRef
    endChar: URIRef

    # mentions and evidence
    anchorOf: URIRef
    repairedText: URIRef
    inArticle: URIRef
    mentionOf: URIRef
    method: URIRef
    resolvedBy: URIRef
    statedType: URIRef

    # curation
    action: URIRef
    reason: URIRef
    curates: URIRef
    rule: URIRef
    evidence: URIRef

    # position
    holder: URIRef
    organization: URIRef
    title: URIRef
    former: URIRef

    # award conferment
    recipient: URIRef
    award: URIRef
    category: URIRef
    year: URIRef
    atEvent: URIRef

    # quote
    speaker: URIRef
    quoteText: URIRef

    # binary relations
    publishedBy: URIRef
    releasedAt: URIRef
    locatedIn: URIRef
    basedIn: URIRef
    heldIn: URIRef
    organizedBy: URIRef
    participatedIn: URIRef
    exhibitedAt: URIRef
    memberOf: URIRef


# The entity types in the order the CLI lists them.
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Company",
    "GovernmentBody",
    "Award",
    "AwardCategory",
    "Report",
    "Initiative",
    "Region",
    "Event",
    "Product",
)

# Binary relations: fact kind -> (predicate, subject role, object role).
BINARY_RELATIONS: dict[str, tuple[URIRef, str, str]] = {
    "publishedBy": (SKG.publishedBy, "report", "organization"),
    "releasedAt": (SKG.releasedAt, "report", "event"),
    "locatedIn": (SKG.locatedIn, "entity", "region"),
    "basedIn": (SKG.basedIn, "organization", "region"),
    "heldIn": (SKG.heldIn, "event", "region"),
    "organizedBy": (SKG.organizedBy, "event", "organization"),
    "participatedIn": (SKG.participatedIn, "participant", "event"),
    "exhibitedAt": (SKG.exhibitedAt, "product", "event"),
    "memberOf": (SKG.memberOf, "member", "parent"),
}
