"""How fast the graph page of `kg graph` settles in a browser, and how fast it is generated.

    .venv/bin/python benchmarks/graph_settle.py [--nodes 5000] [--edges-per-node 1.2] [--runs 1]
                                                [--baseline-timeout 120] [--no-baseline] [--json OUT]

A synthetic entity graph of --nodes entities (the eleven types, Chinese labels, a few sentences
each, relations attached preferentially, as in news: a few hubs, many leaves) is rendered by
``kg.explore.viz.render`` and opened from file:// in headless Debian Chromium (/usr/bin/chromium,
driven by Playwright; nothing is downloaded). Measured side by side, on the same graph and page:

- ``kg``: the page as `kg graph` writes it (bounded stabilisation, then physics off);
- ``pyvis defaults``: the same page with pyvis's default vis options (Barnes-Hut, dynamic
  smooth edges, 1,000 stabilisation iterations, vis's improved layout). It can take minutes on
  5,000 nodes: it is stopped at --baseline-timeout and reported as "more than".

The figure is the time from navigation start to vis-network's ``stabilizationIterationsDone``
(the page's ``window.kgTimings.settled``, page loading and script parsing included), the
median of --runs. The issue's target is 5,000 nodes in at most 5 s.

Generation: filling a pyvis ``Network`` with ``add_node``/``add_edge`` (quadratic: each call
scans the lists built so far) against filling its lists directly, as ``viz.render`` does; and
the time of the whole ``viz.render``.

It prints a table and exits 0; it asserts nothing (speed is read as a ratio against the
baseline, never as a timed assertion in a unit test).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from kg.explore import viz  # noqa: E402
from kg.graph.vocab import ENTITY_TYPES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
SYLLABLES = "华信通达科云智安联创新数网城江海山天星光明中东南西北国际集团研究院"
RELATIONS = ("position", "conferment", "basedIn", "participatedIn", "organizedBy", "memberOf")


def synthetic_graph(n: int, edges_per_node: float, seed: int = 7) -> nx.MultiDiGraph:
    """A graph shaped like build_network's: typed nodes with labels and sentences, labelled edges."""
    rnd = random.Random(seed)
    articles = {f"https://example.org/article/{i}": f"第{i}篇 报道标题" for i in range(40)}
    G = nx.MultiDiGraph(articles=articles)
    article_ids = list(articles)
    for i in range(n):
        label = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 6))) + str(i)
        a = rnd.choice(article_ids)
        G.add_node(f"https://example.org/id/{i}", label=label, labels=(label, f"E{i}"), english=(f"E{i}",),
                   type=rnd.choice(ENTITY_TYPES), articles=(a,),
                   sentences=((a, f"{label}在乌镇峰会上表示,数字经济正在加速发展。"),))
    nodes = list(G.nodes)
    targets = nodes[:1]
    for i, node in enumerate(nodes[1:], 1):  # a tree attached preferentially, then extra edges
        other = rnd.choice(targets)
        relation = rnd.choice(RELATIONS)
        G.add_edge(node, other, key=f"{relation}:{i}", relation=relation, label=relation, text=relation,
                   articles=(G.nodes[node]["articles"][0],), sentences=())
        targets += [node, other]
    for j in range(int(n * max(0.0, edges_per_node - 1))):
        u, v = rnd.choice(targets), rnd.choice(targets)
        if u != v:
            G.add_edge(u, v, key=f"x:{j}", relation="basedIn", label="based in", text="based in", articles=(),
                       sentences=())
    return G


def pyvis_fill(G) -> tuple[float, float]:
    """Seconds to fill a pyvis Network node by node and edge by edge with add_node/add_edge (each
    call scans the lists built so far), and to fill its lists directly, as viz.render does."""
    from pyvis.network import Network

    net = Network(directed=True)
    t = time.perf_counter()
    for node, data in G.nodes(data=True):
        net.add_node(node, label=data["label"])
    for u, v, data in G.edges(data=True):
        net.add_edge(u, v, label=data["label"])
    loop = time.perf_counter() - t
    net = Network(directed=True)
    t = time.perf_counter()
    net.nodes = [{"id": node, "label": data["label"], "shape": "dot"} for node, data in G.nodes(data=True)]
    net.edges = [{"from": u, "to": v, "label": data["label"]} for u, v, data in G.edges(data=True)]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    return loop, time.perf_counter() - t


def settle_seconds(browser, path: Path, timeout_s: float) -> tuple[float | None, int, int]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside = []
    page.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:"))
                                      else (outside.append(route.request.url), route.abort())))
    try:
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout_s * 1000)
        settled, n, e = page.evaluate("[window.kgTimings.settled, window.network.body.data.nodes.length, "
                                      "window.network.body.data.edges.length]")
        if outside:
            raise SystemExit(f"the page made requests: {outside[:3]}")
        return settled / 1000, n, e
    except Exception as err:  # a timeout: the baseline did not settle in time
        if "Timeout" not in type(err).__name__ and "Timeout" not in str(err):
            raise
        return None, 0, 0
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges-per-node", type=float, default=1.2)
    ap.add_argument("--runs", type=int, default=1, help="page loads per variant; the median is shown")
    ap.add_argument("--timeout", type=float, default=60, help="seconds before the kg page counts as not settled")
    ap.add_argument("--baseline-timeout", type=float, default=120)
    ap.add_argument("--no-baseline", action="store_true", help="measure only the kg page")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    args = ap.parse_args(argv)

    G = synthetic_graph(args.nodes, args.edges_per_node)
    t = time.perf_counter()
    page = viz.render(G, title=f"benchmark: {args.nodes:,} entities", max_nodes=max(args.nodes, 1))
    render_s = time.perf_counter() - t
    loop_s, direct_s = pyvis_fill(G) if args.nodes <= 20000 else (None, None)
    baseline_options = json.loads(__import__("pyvis.network", fromlist=["Network"]).Network().options.to_json())
    base_page = viz.render(G, title="baseline", max_nodes=max(args.nodes, 1), vis_options=baseline_options)

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium fonts-wqy-microhei", file=sys.stderr)
        return 2
    results: dict[str, object] = {"nodes": page.nodes, "edges": page.edges, "render_s": round(render_s, 3),
                                  "pyvis_add_edge_loop_s": None if loop_s is None else round(loop_s, 3),
                                  "pyvis_lists_filled_directly_s": None if direct_s is None else round(direct_s, 4)}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            variants = [("kg", page, args.timeout)]
            if not args.no_baseline:
                variants.append(("pyvis defaults", base_page, args.baseline_timeout))
            for name, pg, timeout in variants:
                path = page_file = Path(tmp) / f"{name.replace(' ', '-')}.html"
                page_file.write_text(pg.html, encoding="utf-8")
                times = []
                for _ in range(args.runs):
                    seconds, n, e = settle_seconds(browser, path, timeout)
                    if seconds is not None and (n, e) != (page.nodes, page.edges):
                        raise SystemExit(f"{name}: drew {n} nodes and {e} edges, not {page.nodes} and {page.edges}")
                    times.append(seconds)
                    if seconds is None:
                        break
                done = [x for x in times if x is not None]
                results[name] = round(statistics.median(done), 2) if len(done) == len(times) else None
                results[name + " timeout_s"] = timeout
        finally:
            browser.close()

    print(f"graph: {page.nodes:,} entities, {page.edges:,} relations (synthetic), headless Chromium, "
          f"median of {args.runs} run(s)")
    print(f"{'variant':22} {'settled after':>14}")
    for name in ("kg", "pyvis defaults"):
        if name in results:
            value = results[name]
            shown = f"{value:.2f} s" if value is not None else f"> {results[name + ' timeout_s']:.0f} s"
            print(f"{name:22} {shown:>14}")
    if results.get("kg") and results.get("pyvis defaults"):
        print(f"ratio: the kg page settles {results['pyvis defaults'] / results['kg']:.1f}x faster")
    if loop_s is not None:
        print(f"filling pyvis: add_node/add_edge {loop_s:.3f} s, the lists directly {direct_s:.4f} s "
              f"({loop_s / max(direct_s, 1e-9):.0f}x)")
    print(f"generation of the whole page (viz.render: layout, data, template): {render_s:.3f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
