"""The entity graph -> one self-contained HTML page (vis-network, drawn in the browser).

The page works offline and from ``file://``: it loads nothing. It uses a template of our own
(``templates/graph.html``) rather than pyvis's, whose page loads Bootstrap from a CDN in every
mode; the vis-network script and style shipped inside the installed pyvis package are inlined.

Nothing from an article is ever parsed as HTML. The nodes, edges and every text go into the page
as JSON in ``<script type="application/json">`` blocks (``<``, ``>``, ``&`` and ``'`` escaped by
Jinja's ``tojson``), which the page's script reads with ``JSON.parse`` and shows through
``textContent`` and DOM elements only (tooltips included); the title goes through Jinja's HTML
autoescaping. A Content-Security-Policy
allows no request and no script but the page's own two (by hash), so even a mistake here could
not run injected script.

The pyvis ``Network`` is filled directly (its ``nodes`` and ``edges`` lists): ``add_node`` and
``add_edge`` scan the lists built so far on every call, which is quadratic (seconds for ten
thousand nodes).

This module is the only one that imports pyvis.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.errors import QueryError
from kg.explore import network
from kg.extract.normalize import normalize
from kg.graph.vocab import ENTITY_TYPES

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_MAX_NODES = 5000
SETTLE_SECONDS = 3.0  # the page stops the layout after this long (vis's stopSimulation), however far it got
LAYOUT_ABOVE = 300  # entities: bigger graphs start from network.initial_layout, and take fewer physics steps
MAX_SENTENCES = 5  # per node tooltip; the count of the others is shown
FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

# type -> (Chinese name, colour, vis shape); no two types share a colour and shape.
STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("人物", "#e15759", "dot"),
    "Organization": ("组织", "#4e79a7", "square"),
    "Company": ("企业", "#f28e2b", "diamond"),
    "GovernmentBody": ("政府机构", "#76b7b2", "triangle"),
    "Award": ("奖项", "#edc948", "star"),
    "AwardCategory": ("奖项类别", "#b07aa1", "triangleDown"),
    "Report": ("报告", "#9c755f", "square"),
    "Initiative": ("倡议", "#59a14f", "hexagon"),
    "Region": ("地区", "#86bcb6", "dot"),
    "Event": ("活动", "#ff9da7", "diamond"),
    "Product": ("产品", "#bab0ac", "triangle"),
}


@dataclass(frozen=True, slots=True)
class Page:
    """A rendered page: its HTML, and how many entities and relations it shows of how many.

    In Jupyter it shows itself inline, as an ``<iframe srcdoc=…>`` (pyvis's ``show()`` needs a
    Jupyter server to serve a file).
    """

    html: str
    nodes: int
    edges: int
    total_nodes: int

    @property
    def capped(self) -> bool:
        return self.nodes < self.total_nodes

    def iframe(self, height: int = 650) -> str:
        return iframe(self.html, height)

    def _repr_html_(self) -> str:
        return self.iframe()

    def write(self, path: Path) -> Path:
        """Write the page to ``path`` (its folder is created).

        :raises QueryError: the file cannot be written.
        """
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.html, encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{path}: cannot be written ({err.strerror})") from None
        return path


def iframe(page_html: str, height: int = 650) -> str:
    """The page as an ``<iframe srcdoc=…>``, for a notebook: the whole page is one escaped
    attribute, and the frame runs scripts in an origin of its own (``sandbox``)."""
    return (f'<iframe srcdoc="{html.escape(page_html, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe>')


@lru_cache(maxsize=1)
def vis_files() -> tuple[str, str]:
    """The vis-network script and style shipped inside the installed pyvis (newest version).

    :raises QueryError: pyvis ships none (an unexpected pyvis version).
    """
    lib = Path(pyvis.__file__).resolve().parent / "lib"

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name))

    scripts = sorted(lib.glob("vis-*/vis-network.min.js"), key=version)
    if not scripts or not (scripts[-1].parent / "vis-network.css").exists():
        raise QueryError(f"no vis-network files in {lib}; reinstall pyvis (pip install 'pyvis>=0.3.2')")
    js = scripts[-1].read_text(encoding="utf-8")
    css = (scripts[-1].parent / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise QueryError(f"{scripts[-1].parent}: cannot be inlined (it contains a closing tag)")
    return js, css


def _environment(**page_globals) -> Environment:
    """A Jinja environment for our template: HTML autoescaping on, JSON kept compact."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False, "separators": (",", ":")}
    env.globals.update(page_globals)
    return env


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def options(n_nodes: int) -> dict:
    """vis-network options: physics that settles in a bounded number of steps (and the page stops
    it after SETTLE_SECONDS at most, then switches it off); cheaper drawing for big graphs."""
    big = n_nodes > 1000
    iterations = 1000 if n_nodes <= LAYOUT_ABOVE else max(100, min(1000, 500_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "nodes": {"size": 14, "borderWidth": 1,
                  "font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 5 if big else 1}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#9aa5b1", "highlight": "#1f2d3d", "hover": "#1f2d3d"},
                  "font": {"face": FONT, "size": 11, "color": "#3d4852", "strokeWidth": 3, "align": "middle"},
                  "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "width": 1},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.015, "springLength": 90,
                                         "springConstant": 0.08, "damping": 0.4, "avoidOverlap": 0.5,
                                         "theta": 1.0 if big else 0.5},
                    "minVelocity": 1.0, "timestep": 0.5, "adaptiveTimestep": not big,
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 5 if big else 25,
                                      "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


def _keys(labels) -> list[str]:
    return sorted({normalize(x) for x in labels} - {""})


def page_data(G, title: str, layout: bool = True) -> tuple[list[dict], list[dict], dict]:
    """The page's nodes, edges and the rest of its data (types, articles, title). With ``layout``,
    a graph of more than LAYOUT_ABOVE entities gets starting positions (network.initial_layout)."""
    positions = network.initial_layout(G) if layout and G.number_of_nodes() > LAYOUT_ABOVE else {}
    article_titles = G.graph.get("articles", {})
    order = {a: i for i, a in enumerate(article_titles)}
    used_articles = sorted({a for _, data in G.nodes(data=True) for a in data.get("articles", ())}
                           | {a for *_, data in G.edges(data=True) for a in data.get("articles", ())},
                           key=lambda a: (order.get(a, len(order)), a))
    article_index = {a: i for i, a in enumerate(used_articles)}
    articles = [{"id": a, "title": article_titles.get(a) or a.rsplit("/", 2)[-2] + "/" + a.rsplit("/", 1)[-1]}
                for a in used_articles]

    counts: dict[str, int] = {}
    nodes = []
    focus = G.graph.get("focus")
    for node, data in G.nodes(data=True):
        t = data.get("type", "Entity")
        counts[t] = counts.get(t, 0) + 1
        _zh, color, shape = STYLES.get(t, ("", "#999999", "dot"))
        sentences = list(data.get("sentences", ()))
        labels = list(data.get("labels", ())) or [data.get("label", node)]
        nodes.append({
            "id": node, "label": data.get("label", node), "type": t, "shape": shape,
            "color": {"background": color, "border": "#1f2d3d" if node == focus else color,
                      "highlight": {"background": color, "border": "#1f2d3d"},
                      "hover": {"background": color, "border": "#1f2d3d"}},
            "borderWidth": 3 if node == focus else 1,
            "size": 22 if node == focus else (18 if shape in ("star", "triangle", "triangleDown") else 14),
            "labels": labels, "english": list(data.get("english", ())), "keys": _keys(labels),
            "articles": [article_index[a] for a in data.get("articles", ()) if a in article_index],
            "sentences": [[article_index.get(a, -1), s] for a, s in sentences[:MAX_SENTENCES]],
            "more": max(0, len(sentences) - MAX_SENTENCES),
        })
        if node in positions:
            nodes[-1]["x"], nodes[-1]["y"] = positions[node]
    edges = []
    for i, (u, v, data) in enumerate(G.edges(data=True)):
        edges.append({
            "id": f"e{i}", "from": u, "to": v, "label": data.get("label", ""), "relation": data.get("relation", ""),
            "text": data.get("text", ""),
            "articles": [article_index[a] for a in data.get("articles", ()) if a in article_index],
            "sentences": [[article_index.get(a, -1), s] for a, s in list(data.get("sentences", ()))[:MAX_SENTENCES]],
        })
    types = [{"name": t, "zh": STYLES.get(t, ("",))[0], "color": STYLES.get(t, ("", "#999999"))[1],
              "shape": STYLES.get(t, ("", "", "dot"))[2], "count": counts[t]}
             for t in [*ENTITY_TYPES, *sorted(set(counts) - set(ENTITY_TYPES))] if t in counts]
    total = G.graph.get("total_nodes", len(nodes))
    note = ""
    if total > len(nodes):
        note = (f"showing the {len(nodes):,} most connected of {total:,} entities; "
                "`kg graph --focus NAME` or `--type TYPE` shows a part of the graph in full")
    return nodes, edges, {"title": title, "types": types, "articles": articles, "note": note,
                          "focus": focus or None, "settleMs": int(SETTLE_SECONDS * 1000)}


def render(G, *, title: str = "summit-kg", max_nodes: int = DEFAULT_MAX_NODES, vis_options: dict | None = None,
           layout: bool = True) -> Page:
    """The page of the entity graph ``G`` (a graph from ``network.build_network``, or a part of
    it), with at most ``max_nodes`` entities (the most connected; see ``network.cap``).
    ``vis_options`` replace the vis-network options, and ``layout=False`` leaves out the starting
    positions (both for benchmarks).

    :raises QueryError: the vis-network files cannot be found in pyvis.
    """
    G = network.cap(G, max_nodes)
    nodes, edges, data = page_data(G, title, layout)
    vis_js, vis_css = vis_files()
    app_js = (TEMPLATES / "graph.js").read_text(encoding="utf-8")
    csp = ("default-src 'none'; " f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "form-action 'none'; base-uri 'none'")

    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    net.nodes = nodes  # filled directly: add_node / add_edge are quadratic
    net.edges = edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.options = vis_options if vis_options is not None else options(len(nodes))
    net.templateEnv = _environment(kg_data=data, kg_options=net.options, csp=csp, vis_js=Markup(vis_js),
                                   vis_css=Markup(vis_css), app_js=Markup(app_js))
    net.path = "graph.html"
    text = net.generate_html()
    return Page(text, len(nodes), len(edges), G.graph.get("total_nodes", len(nodes)))
