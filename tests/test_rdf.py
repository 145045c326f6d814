"""kg/graph: IRIs, the named graphs of a build, mention provenance, and the ontology."""

import csv
import io
import os
import subprocess
import sys

import pytest
from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.compare import isomorphic

from kg.graph import ids
from kg.graph.vocab import ENTITY_TYPES, ONTOLOGY, SCHEMA, SKG
from kg.resources import resource_path

VOCAB = {SKG[name] for name in SKG.__annotations__}


# ----------------------------------------------------------------------------- IRIs

@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("韦韬", "wei-tao"),
        ("乌镇", "wu-zhen"),
        ("罗伯特·卡恩", "luo-bo-te-ka-en"),
        ("AgriPredict Solutions", "agripredict-solutions"),
        ("GSMA Ltd.", "gsma-ltd"),
        ("中国移动研究院", "zhong-guo-yi-dong-yan-jiu-yuan"),
    ],
)
def test_rdf_slug_is_readable_pinyin(name, expected):
    assert ids.slug(name) == expected


@pytest.mark.parametrize("key", ["韦韬", "lex:浙江省", "2025年世界互联网大会乌镇峰会", "agripredictsolutions"])
def test_rdf_entity_iri_is_stable(key):
    assert ids.entity_iri(key) == ids.entity_iri(key)
    assert str(ids.entity_iri(key)).startswith(ids.ID)


@pytest.mark.parametrize(("a", "b"), [("韦韬", "魏涛"), ("韦韬", "韦韬2"), ("乌镇峰会", "乌镇"), ("lex:浙江省", "浙江省")])
def test_rdf_different_keys_have_different_iris(a, b):
    assert ids.entity_iri(a) != ids.entity_iri(b)


def test_rdf_homophones_share_the_slug_not_the_iri():
    wei_tao, wei_tao_2 = ids.entity_iri("韦韬"), ids.entity_iri("魏涛")
    assert str(wei_tao).startswith(ids.ID + "wei-tao-")
    assert str(wei_tao_2).startswith(ids.ID + "wei-tao-")
    assert wei_tao != wei_tao_2


def _entity_by_label(ds, label):
    from rdflib.namespace import SKOS

    found = {s for s, _, _, _ in ds.quads((None, SKOS.prefLabel, Literal(label, lang="zh"), None))}
    assert len(found) == 1, found
    return found.pop()


def test_rdf_entity_iri_depends_only_on_the_name(seed_dataset, extract_text):
    """韦韬 read from another text gets the IRI the seed graph gives him."""
    corpus = extract_text("论坛举行\n\n本报杭州9月1日电（记者 王五）蚂蚁集团副总裁韦韬出席论坛并致辞。会议讨论了数据安全。\n")
    (key,) = {k for k, e in corpus.resolution.entities.items() if e.name == "韦韬"}
    assert ids.entity_iri(key) == _entity_by_label(seed_dataset, "韦韬")


# ----------------------------------------------------------------------------- builds

@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, seed_path):
    """The bundled page built twice by `python -m kg build`, in two processes with different hash
    seeds (run side by side)."""
    folder = tmp_path_factory.mktemp("twice")
    outs = [folder / "seed1.trig", folder / "seed2.trig"]
    procs = [subprocess.Popen([sys.executable, "-m", "kg", "build", str(seed_path), "-o", str(out)],
                              cwd=folder, env={**os.environ, "PYTHONHASHSEED": seed},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for seed, out in zip(("1", "2"), outs)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    return outs


def test_rdf_two_builds_are_byte_identical(two_builds):
    first, second = two_builds
    assert first.read_bytes() == second.read_bytes()


def _graphs(path):
    ds = Dataset()
    ds.parse(path, format="trig")
    return {g.identifier: g for g in ds.graphs() if len(g)}


def test_rdf_two_builds_are_the_same_graphs(two_builds):
    first, second = (_graphs(p) for p in two_builds)
    assert set(first) == set(second)
    for name in first:
        assert isomorphic(first[name], second[name]), name


def test_rdf_one_named_graph_per_article_plus_reference(seed_dataset, seed_corpus):
    names = {g.identifier for g in seed_dataset.graphs() if len(g)}
    expected = {ids.article_iri(a.article_id) for a in seed_corpus.articles} | {ids.REFERENCE_GRAPH}
    assert names == expected
    assert len(expected) == 7
    for a in seed_corpus.articles:
        g = seed_dataset.graph(ids.article_iri(a.article_id))
        assert (ids.article_iri(a.article_id), RDF.type, SKG.Article) in g


def test_rdf_mentions_anchor_the_file_text(seed_dataset, seed_page):
    mentions = list(seed_dataset.quads((None, RDF.type, SKG.Mention, None)))
    assert len(mentions) > 100
    for node, _, _, graph in mentions:
        g = seed_dataset.graph(graph)
        (start,) = list(g.objects(node, SKG.startChar))
        (end,) = list(g.objects(node, SKG.endChar))
        (anchor,) = list(g.objects(node, SKG.anchorOf))
        assert str(anchor) == seed_page.text[int(start):int(end)], node
        (article,) = list(g.objects(node, SKG.inArticle))
        assert article == graph  # a mention lives in its article's graph


def test_rdf_mention_of_a_repaired_name_keeps_the_break(write_file, kg):
    text = ("网络安全周开幕\n\n"
            "本报杭州9月1日电（记者 王五）华为技术有限公司董事长梁华表示，从“互联网+”到人工智能，安全始终是底线。"
            "阿联酋迪拜国际自由\n\n区管理局中国区商务代表杜晶说，希望加强合作。\n")
    page = write_file("split.txt", text)
    out = page.with_suffix(".trig")
    assert kg("build", page, "-o", out).exit_code == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    anchors = {str(o): s for s, _, o, _ in ds.quads((None, SKG.anchorOf, None, None))}
    node = anchors["阿联酋迪拜国际自由\n\n区管理局"]
    repaired = [str(o) for _, _, o, _ in ds.quads((node, SKG.repairedText, None, None))]
    assert repaired == ["阿联酋迪拜国际自由区管理局"]


def test_rdf_subtitle_is_an_alternative_headline(write_file, kg):
    text = ("数据论坛在杭州举行\n\n《数据要素发展报告（2025）》同步发布\n\n"
            "本报杭州9月1日电（记者 王五）数据论坛1日在杭州举行。会上发布了《数据要素发展报告（2025）》。\n")
    page = write_file("subtitle.txt", text)
    out = page.with_suffix(".trig")
    assert kg("build", page, "-o", out).exit_code == 0
    ds = Dataset()
    ds.parse(out, format="trig")  # every namespace the graph uses is declared
    titles = [str(o) for _, _, o, _ in ds.quads((None, DCTERMS.title, None, None))]
    subtitles = [str(o) for _, _, o, _ in ds.quads((None, SCHEMA.alternativeHeadline, None, None))]
    assert (titles, subtitles) == (["数据论坛在杭州举行"], ["《数据要素发展报告（2025）》同步发布"])


def test_rdf_only_vocabulary_terms_are_used(seed_dataset):
    used = set()
    for s, p, o, _ in seed_dataset.quads((None, None, None, None)):
        used.update(t for t in (s, p, o) if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY))
    assert used
    assert used <= VOCAB, used - VOCAB


def test_rdf_entities_have_one_type_among_eleven(seed_dataset):
    classes = {SKG[t] for t in ENTITY_TYPES}
    types: dict = {}
    for s, _, o, g in seed_dataset.quads((None, RDF.type, None, None)):
        if o in classes:
            types.setdefault(s, set()).add(o)
    assert len(types) > 50
    assert {s: t for s, t in types.items() if len(t) != 1} == {}


# ----------------------------------------------------------------------------- reference graph

def _csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_rdf_reference_hierarchy_is_not_in_the_locations_query(seed_dataset, seed_graph, kg):
    ref = seed_dataset.graph(ids.REFERENCE_GRAPH)
    stated = {(s, o) for s, _, o, g in seed_dataset.quads((None, SKG.locatedIn, None, None))
              if g != ids.REFERENCE_GRAPH}
    hierarchy = {(s, o) for s, o in ref.subject_objects(SKG.locatedIn)} - stated
    assert len(hierarchy) >= 5  # e.g. 乌镇 in 桐乡市 in 嘉兴市 in 浙江省 in 中国
    result = kg("query", "locations", "--data", seed_graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {(URIRef(r["entity"]), URIRef(r["region"])) for r in _csv_rows(result.stdout)}
    assert rows, "the articles state some locations"
    assert rows & hierarchy == set()


def test_rdf_reference_graph_places_wuzhen_in_zhejiang(seed_dataset):
    ref = seed_dataset.graph(ids.REFERENCE_GRAPH)
    wuzhen = _entity_by_label(seed_dataset, "乌镇")
    zhejiang = _entity_by_label(seed_dataset, "浙江")
    ancestors = set(ref.transitive_objects(wuzhen, SKG.locatedIn))
    assert zhejiang in ancestors


# ----------------------------------------------------------------------------- ontology

@pytest.fixture(scope="module")
def ontology():
    g = Graph()
    g.parse(resource_path("ontology/summit.ttl"), format="turtle")
    return g


def test_rdf_ontology_declares_exactly_the_vocabulary(ontology):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    declared = {s for s, _, o in ontology.triples((None, RDF.type, None))
                if o in kinds and str(s).startswith(ONTOLOGY)}
    mentioned = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY)}
    assert declared == VOCAB, (sorted(VOCAB - declared), sorted(declared - VOCAB))
    assert mentioned == VOCAB, sorted(mentioned - VOCAB)


def test_rdf_shapes_speak_the_vocabulary(ontology):
    from rdflib.namespace import SH

    shapes = Graph()
    shapes.parse(resource_path("ontology/shapes.ttl"), format="turtle")
    used = {o for p in (SH.path, SH["class"], SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
            for o in shapes.objects(None, p) if isinstance(o, URIRef) and str(o).startswith(ONTOLOGY)}
    assert used
    assert used <= VOCAB, used - VOCAB
