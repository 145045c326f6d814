"""kg.explore.network on the bundled page: the entity graph, finding by label, paths, neighbours,
centrality; and the `kg path`, `kg neighbors`, `kg rank` commands."""

import math

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import QueryError
from kg.explore import network
from kg.explore.queries import named_queries, run
from kg.graph.vocab import ID

ALLOWED_RELATIONS = {"position", "conferment", "category", "presentedAt", "publishedBy", "releasedAt", "locatedIn",
                     "basedIn", "heldIn", "organizedBy", "participatedIn", "exhibitedAt", "memberOf"}


@pytest.fixture(scope="module")
def seed_dataset(seed_graph):
    from kg.store import load

    return load(seed_graph)


@pytest.fixture(scope="module")
def G(seed_dataset):
    return network.build_network(seed_dataset)


def _edges(G, relation=None):
    return [(u, v, d) for u, v, d in G.edges(data=True) if relation is None or d["relation"] == relation]


def test_network_has_a_node_for_every_entity_of_the_articles(G, seed_dataset):
    table = run(seed_dataset, named_queries()["entities"].text)
    assert set(G.nodes) == {str(row[0]) for row in table.rows}
    for _, data in G.nodes(data=True):
        assert data["label"] == data["labels"][0]
        assert data["articles"], data["label"]


def test_network_reads_the_article_graphs_only(G, seed_dataset):
    reference_only = {str(s) for s, in seed_dataset.query(
        "SELECT ?s WHERE { GRAPH <https://w3id.org/summit-kg/graph/reference> { ?s a ?c } "
        "FILTER NOT EXISTS { GRAPH ?g { ?s a ?c2 } ?g a <https://w3id.org/summit-kg/ontology#Article> } }")}
    assert reference_only, "the bundled page should have regions known only from the lexicon"
    assert not reference_only & set(G.nodes)
    for u, v, data in _edges(G):
        assert data["articles"], (G.nodes[u]["label"], data["relation"], G.nodes[v]["label"])


def test_network_edges_are_relations_never_co_mentions(G):
    assert {d["relation"] for *_, d in _edges(G)} <= ALLOWED_RELATIONS
    assert not any(u == v for u, v, _ in _edges(G))


@pytest.mark.parametrize("holder,org,label", [("韦韬", "蚂蚁密算", "董事长"), ("韦韬", "蚂蚁集团", "副总裁兼首席技术安全官")])
def test_network_position_edge_is_labelled_with_the_title(G, holder, org, label):
    u, v = network.find(G, holder), network.find(G, org)
    labels = {d["label"] for d in G.get_edge_data(u, v).values() if d["relation"] == "position"}
    assert labels == {label}


def test_network_award_edge_shows_category_and_year(G):
    u, v = network.find(G, "宇树科技"), network.find(G, "世界互联网大会杰出贡献奖")
    (data,) = [d for d in G.get_edge_data(u, v).values() if d["relation"] == "conferment"]
    assert data["label"] == "won (成长潜力类, 2025)"
    assert (data["category"], data["year"]) == ("成长潜力类", "2025")
    assert data["text"] == "宇树科技 won 世界互联网大会杰出贡献奖 (成长潜力类, 2025)"
    assert any("宇树科技" in sentence for _, sentence in data["sentences"])


def test_network_node_has_its_sentences_with_their_article(G, seed_dataset):
    data = G.nodes[network.find(G, "韦韬")]
    assert data["type"] == "Person"
    titles = G.graph["articles"]
    assert any("韦韬" in sentence and titles.get(article) for article, sentence in data["sentences"])


@pytest.mark.parametrize("name", ["韦韬", "韋韜", " 韦 韬 ", "拉蒂纳科恩", "拉蒂纳·科恩", "id:wei-tao-d26927",
                                  ID + "wei-tao-d26927"])
def test_network_find_by_any_label_or_id(G, name):
    expected = "拉蒂纳·科恩" if "拉蒂纳" in name else "韦韬"
    assert G.nodes[network.find(G, name)]["label"] == expected


def test_network_find_unknown_name_gives_the_closest_labels(G):
    with pytest.raises(QueryError) as err:
        network.find(G, "不存在的人")
    closest = network.closest_labels(G, "不存在的人")
    assert len(closest) == 3
    assert str(err.value) == f"no entity named '不存在的人'; closest: {', '.join(closest)}"


def test_network_closest_labels_prefers_a_label_that_contains_the_name(G):
    assert network.closest_labels(G, "韦")[0] == "韦韬"
    assert network.closest_labels(G, "宇树")[0] == "宇树科技"


def test_network_shortest_paths_are_explained_in_words(G):
    paths = network.shortest_paths(G, network.find(G, "韦韬"), network.find(G, "宇树科技"))
    assert paths and len({len(p) for p in paths}) == 1
    words = [[rel for step in p for rel in step.relations] for p in paths]
    assert any(w[0] == "韦韬 is 董事长 of 蚂蚁密算" and "宇树科技 won 世界互联网大会杰出贡献奖 (成长潜力类, 2025)" in w
               for w in words)
    for p in paths:
        assert p[0].source == "韦韬" and p[-1].target == "宇树科技"
        assert all(a.target == b.source for a, b in zip(p, p[1:]))


def test_network_shortest_paths_of_one_entity_is_an_error(G):
    with pytest.raises(QueryError, match="same entity"):
        network.shortest_paths(G, network.find(G, "韦韬"), network.find(G, "韦韬"))


def test_network_neighbors_in_words(G):
    rows = network.neighbors(G, network.find(G, "蚂蚁集团"))
    assert [text for *_, text in rows] == ["韦韬 is 副总裁兼首席技术安全官 of 蚂蚁集团", "韩歆毅 is 首席执行官 of 蚂蚁集团"]


def test_network_ego_keeps_the_neighbourhood(G):
    focus = network.find(G, "蚂蚁集团")
    sub = network.ego(G, focus, hops=2)
    labels = {d["label"] for _, d in sub.nodes(data=True)}
    assert labels == {"蚂蚁集团", "韦韬", "韩歆毅", "蚂蚁密算"}
    assert sub.graph["focus"] == focus
    assert network.ego(G, focus, hops=0).number_of_nodes() == 1


@pytest.mark.parametrize("by", network.RANK_MEASURES)
def test_network_rank_puts_the_award_first(G, by):
    ranked = network.rank(G, by=by, top=5)
    assert len(ranked) == 5
    assert ranked[0].label == "世界互联网大会杰出贡献奖"
    values = [getattr(r, by) for r in ranked]
    assert values == sorted(values, reverse=True)


def test_network_rank_filters_types_and_rejects_unknown_ones(G):
    assert {r.type for r in network.rank(G, top=50, types=["person"])} == {"Person"}
    with pytest.raises(QueryError, match="unknown entity type 'Foo'"):
        network.rank(G, types=["Foo"])
    with pytest.raises(QueryError, match="unknown measure"):
        network.rank(G, by="closeness")


def test_network_cap_keeps_the_most_connected_and_the_focus(G):
    capped = network.cap(G, 10)
    assert capped.number_of_nodes() == 10
    assert capped.graph["total_nodes"] == G.number_of_nodes()
    assert network.find(capped, "世界互联网大会杰出贡献奖")
    sub = network.ego(G, network.find(G, "韦韬"), hops=3)
    assert network.find(G, "韦韬") in network.cap(sub, 1)


def test_network_initial_layout_places_every_node_apart(G):
    pos = network.initial_layout(G)
    assert set(pos) == set(G.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)


# ----------------------------------------------------------------------------- the commands

def test_cli_path_explains_each_step(seed_graph):
    result = CliRunner().invoke(cli, ["path", "韦韬", "宇树科技", "--data", str(seed_graph)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("韦韬 → 宇树科技: ") and "of 3 steps" in lines[0]
    assert "   韦韬 is 董事长 of 蚂蚁密算" in lines


def test_cli_path_unknown_name_is_one_line_and_exit_2(seed_graph, G):
    result = CliRunner().invoke(cli, ["path", "不存在的人", "宇树科技", "--data", str(seed_graph)])
    assert result.exit_code == 2
    closest = ", ".join(network.closest_labels(G, "不存在的人"))
    assert result.stderr == f"Error: no entity named '不存在的人'; closest: {closest}\n"


def test_cli_path_not_connected_exits_1(seed_graph):
    result = CliRunner().invoke(cli, ["path", "韦韬", "习近平", "--data", str(seed_graph)])
    assert result.exit_code == 1
    assert result.output == "韦韬 and 习近平 are not connected in the graph\n"


def test_cli_neighbors(seed_graph):
    result = CliRunner().invoke(cli, ["neighbors", "蚂蚁集团", "--data", str(seed_graph)])
    assert result.exit_code == 0, result.output
    assert result.output == ("蚂蚁集团 (Company): 2 relations with 2 entities\n"
                             "  韦韬 is 副总裁兼首席技术安全官 of 蚂蚁集团\n"
                             "  韩歆毅 is 首席执行官 of 蚂蚁集团\n")


@pytest.mark.parametrize("by", network.RANK_MEASURES)
def test_cli_rank_prints_a_table(seed_graph, by):
    result = CliRunner().invoke(cli, ["rank", "--by", by, "--top", "3", "--data", str(seed_graph)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["rank", "entity", "type", "degree", "pagerank", "betweenness"]
    assert lines[2].split()[:3] == ["1", "世界互联网大会杰出贡献奖", "Award"]
    assert lines[-1] == "(3 rows)"


def test_cli_rank_unknown_type_is_one_line(seed_graph):
    result = CliRunner().invoke(cli, ["rank", "--type", "Foo", "--data", str(seed_graph)])
    assert result.exit_code == 2
    assert result.stderr == ("Error: unknown entity type 'Foo'; choose from Person, Organization, Company, "
                             "GovernmentBody, Award, AwardCategory, Report, Initiative, Region, Event, Product\n")


def test_network_find_in_a_part_finds_only_what_the_part_holds(G):
    network.find(G, "韦韬")  # the whole graph's index is built first
    people = network.of_types(G, ["Company"])
    with pytest.raises(QueryError, match="no entity named '韦韬'"):
        network.find(people, "韦韬")
    assert G.nodes[network.find(people, "蚂蚁集团")]["type"] == "Company"
