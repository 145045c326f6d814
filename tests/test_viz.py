"""kg.explore.viz and `kg graph`: a self-contained page whose every text is data, never markup.
(What the page does in a browser is tests/test_browser.py.)"""

import json
import re
from html import unescape

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.explore import network, viz

PAYLOADS = ["<img src=x onerror=window.__xss=1>", "</script><script>window.__xss=2</script>",
            '<a href="javascript:window.__xss=3">链接</a>', "'; window.__xss=4; '", "&lt;b&gt;&amp;"]


def _graph(labels, title="文章 <i>标题</i>"):
    G = nx.MultiDiGraph(articles={"https://example.org/a/1": title})
    for i, label in enumerate(labels):
        G.add_node(f"https://example.org/id/{i}", label=label, labels=(label, f"alt {label}"), english=("E",),
                   type="Person" if i % 2 else "Company", articles=("https://example.org/a/1",),
                   sentences=(("https://example.org/a/1", f"句子 {label} href"),))
    for i in range(1, len(labels)):
        G.add_edge(f"https://example.org/id/{i}", f"https://example.org/id/{i - 1}", key=f"r{i}", relation="position",
                   label=labels[i], text=f"{labels[i]} is {labels[i - 1]}", articles=("https://example.org/a/1",),
                   sentences=())
    return G


def _json_blocks(html: str) -> dict[str, object]:
    blocks = re.findall(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', html, re.S)
    return {name: json.loads(text) for name, text in blocks}


@pytest.fixture(scope="module")
def seed_page(seed_graph):
    from kg.store import load

    G = network.build_network(load(seed_graph))
    return G, viz.render(G, title="summit-kg")


def test_viz_page_loads_nothing_from_outside(seed_page):
    html = seed_page[1].html
    assert not re.search(r"<(script|link|img|iframe|embed|object)\b[^>]*\s(src|href|data)=", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.I)
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'none'"
    assert "unsafe" not in directives["script-src"]  # only the page's own two scripts, by hash


def test_viz_page_inlines_vis_network_from_pyvis(seed_page):
    js, css = viz.vis_files()
    assert "vis-network" in js[:400]
    assert js in seed_page[1].html and css in seed_page[1].html


def test_viz_page_holds_every_node_and_edge(seed_page):
    G, page = seed_page
    blocks = _json_blocks(page.html)
    assert len(blocks["kg-nodes"]) == G.number_of_nodes() == page.nodes
    assert len(blocks["kg-edges"]) == G.number_of_edges() == page.edges
    types = {t["name"]: t for t in blocks["kg-data"]["types"]}
    assert sum(t["count"] for t in types.values()) == G.number_of_nodes()
    assert len({(t["color"], t["shape"]) for t in types.values()}) == len(types)
    award = next(e for e in blocks["kg-edges"] if e["label"] == "won (成长潜力类, 2025)")
    assert award["relation"] == "conferment"


def test_viz_every_type_has_its_own_colour_and_shape():
    assert len({(c, s) for _, c, s in viz.STYLES.values()}) == len(viz.STYLES)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_viz_text_never_becomes_markup(payload):
    G = _graph([payload, "普通", payload + "2"], title=payload)
    html = viz.render(G, title=payload).html
    js, css = viz.vis_files()
    ours = html.replace(js, "").replace(css, "")
    assert payload not in ours
    assert ours.count("<script") == 6  # four JSON blocks, vis-network, the page's script
    blocks = _json_blocks(html)  # the text round-trips exactly, as data
    assert blocks["kg-nodes"][0]["label"] == payload
    assert blocks["kg-nodes"][0]["sentences"][0][1] == f"句子 {payload} href"
    assert blocks["kg-edges"][1]["label"] == payload + "2"
    assert blocks["kg-data"]["title"] == payload
    assert blocks["kg-data"]["articles"][0]["title"] == payload


def test_viz_render_does_not_use_the_quadratic_add_edge(monkeypatch):
    from pyvis.network import Network

    def refuse(*args, **kwargs):
        raise AssertionError("add_node/add_edge are quadratic; fill the lists")

    monkeypatch.setattr(Network, "add_edge", refuse)
    monkeypatch.setattr(Network, "add_node", refuse)
    page = viz.render(_graph([f"n{i}" for i in range(50)]))
    assert (page.nodes, page.edges) == (50, 49)


def test_viz_render_caps_big_graphs_and_says_so():
    G = _graph([f"n{i}" for i in range(40)])
    page = viz.render(G, max_nodes=10)
    assert (page.nodes, page.total_nodes, page.capped) == (10, 40, True)
    assert "most connected of 40" in _json_blocks(page.html)["kg-data"]["note"]


def test_viz_big_graphs_get_starting_positions_and_fewer_steps():
    G = _graph([f"n{i}" for i in range(viz.LAYOUT_ABOVE + 1)])
    blocks = _json_blocks(viz.render(G).html)
    assert all("x" in n and "y" in n for n in blocks["kg-nodes"])
    assert blocks["kg-data"]["settleMs"] == viz.SETTLE_SECONDS * 1000
    assert viz.options(5000)["physics"]["stabilization"]["iterations"] < 1000
    small = _json_blocks(viz.render(_graph(["a", "b"])).html)
    assert not any("x" in n for n in small["kg-nodes"])


def test_viz_iframe_for_notebooks_escapes_the_page():
    page = viz.render(_graph(['"><script>window.__xss=1</script>', "b"]))
    frame = page._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    srcdoc = frame.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert '"' not in srcdoc and "<" not in srcdoc


def test_cli_graph_writes_the_page(seed_graph, tmp_path):
    out = tmp_path / "summit.html"
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: ")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_graph_focus_writes_the_neighbourhood(seed_graph, tmp_path):
    out = tmp_path / "ant.html"
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "--focus", "蚂蚁集团", "--hops", "2",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 4 entities, 3 relations; open it in a browser\n"
    data = _json_blocks(out.read_text(encoding="utf-8"))["kg-data"]
    assert data["title"].startswith("蚂蚁集团 · 2 hops")


def test_cli_graph_unknown_focus_is_one_line(seed_graph, tmp_path):
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "--focus", "不存在的人",
                                      "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no entity named '不存在的人'; closest: ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_cli_graph_hops_needs_focus(seed_graph):
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "--hops", "3"])
    assert result.exit_code == 2
    assert "Error: --hops goes with --focus NAME" in result.stderr


def test_cli_graph_focus_left_out_by_type_is_one_line(seed_graph, tmp_path):
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "--focus", "韦韬", "--type", "Company",
                                      "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert result.stderr == "Error: --focus '韦韬' is a Person, which --type leaves out\n"
