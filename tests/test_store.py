"""kg/store: the graph written as TriG that any reader can parse back, whatever vocabulary a
term comes from."""

from rdflib import Dataset, Literal, Namespace, URIRef

from kg.store import to_trig

OTHER = Namespace("http://example.org/vocab#")


def test_store_a_term_of_another_vocabulary_is_declared():
    ds = Dataset()
    graph = ds.graph(URIRef("https://w3id.org/summit-kg/id/article/page/1"))
    graph.add((URIRef("https://w3id.org/summit-kg/id/person/x"), OTHER.note, Literal("备注", lang="zh")))
    data = to_trig(ds)
    back = Dataset()
    back.parse(data=data, format="trig")
    assert [(str(p), str(o)) for _, p, o, _ in back.quads((None, None, None, None))] == [(str(OTHER.note), "备注")]
    assert to_trig(back) == data  # the same graph, the same bytes
