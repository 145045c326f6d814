"""The graph page in a real browser: Debian's headless Chromium (/usr/bin/chromium), driven by
Playwright for Python. Playwright's own browser download is never used (`playwright install`
downloads); `make test` installs Debian's chromium and a Chinese font when they are missing.

Without /usr/bin/chromium these tests are skipped on a developer's machine and fail in CI
(CI=true), where they must run.

Every request the page makes is routed: anything that is not file: or data: is recorded and
refused, and a test fails on it. So does any console error. The bundled page's screenshot is
saved to the test's tmp folder (an artifact) and to docs/graph.png, which the README shows
(rewritten when the picture changes beyond a few antialiased pixels).
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.explore import network, viz

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
SCREENSHOT = ROOT / "docs" / "graph.png"
VIEWPORT = {"width": 1400, "height": 900}
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")


def _pixels(png: bytes) -> bytes:
    """The decompressed image data of a PNG (its IDAT chunks)."""
    data, i = b"", 8
    while i < len(png):
        (size,) = struct.unpack(">I", png[i:i + 4])
        if png[i + 4:i + 8] == b"IDAT":
            data += png[i + 8:i + 8 + size]
        i += 12 + size
    return zlib.decompress(data)


def _same_picture(a: bytes, b: bytes) -> bool:
    """Two screenshots that differ in at most a few antialiased pixels are the same picture:
    docs/graph.png is rewritten only when the picture changes, not on every run."""
    pa, pb = _pixels(a), _pixels(b)
    return len(pa) == len(pb) and sum(x != y for x, y in zip(pa, pb)) <= len(pa) // 10_000


def _browser_or_skip():
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing in CI; `make test` installs it as root "
                        "(apt-get install chromium fonts-wqy-microhei)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium fonts-wqy-microhei (CI runs these tests)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if IN_CI:
            pytest.fail("playwright is not installed; pip install -e '.[test]'")
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    outside: list[str] = field(default_factory=list)  # requests that would have left the machine
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def node_ids(self, hidden: bool | None = None) -> list[str]:
        return self.js("(h) => window.network.body.data.nodes.get().filter("
                       "n => h === null || !!n.hidden === h).map(n => n.id)", hidden)

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node and return the tooltip's text."""
        box = self.page.locator("#mynetwork").bounding_box()
        x, y = self.js("(id) => { const p = window.network.canvasToDOM(window.network.getPositions([id])[id]);"
                       " return [p.x, p.y]; }", node_id)
        self.page.mouse.move(box["x"] + x + 30, box["y"] + y + 30)
        self.page.mouse.move(box["x"] + x, box["y"] + y, steps=4)
        tooltip = self.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        return tooltip.inner_text()


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(path: Path) -> Opened:
        context = browser.new_context(viewport=VIEWPORT, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(route):
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                opened.outside.append(url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else opened.outside.append(r.url))
        page.on("websocket", lambda ws: opened.outside.append(ws.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return opened

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def seed_network(seed_graph):
    from kg.store import load

    return network.build_network(load(seed_graph))


@pytest.fixture(scope="module")
def seed_page_file(seed_graph, tmp_path_factory) -> Path:
    """The bundled page's graph, written by `kg graph` as a user would."""
    out = tmp_path_factory.mktemp("page") / "summit.html"
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_browser_draws_every_entity_and_relation(open_page, seed_page_file, seed_network, tmp_path):
    opened = open_page(seed_page_file)
    counts = opened.js("[window.network.body.data.nodes.length, window.network.body.data.edges.length,"
                       " window.network.body.nodeIndices.length, window.network.body.edgeIndices.length]")
    n, e = seed_network.number_of_nodes(), seed_network.number_of_edges()
    assert counts == [n, e, n, e]
    assert opened.js("window.network.physics.physicsEnabled") is False  # settled, then stopped
    assert opened.page.locator("#kg-counts").inner_text() == f"{n} entities · {e} relations"
    legend = opened.page.locator("#kg-legend").inner_text()
    assert "人物 Person" in legend and "奖项 Award" in legend
    assert opened.page.locator("h1").inner_text() == "summit-kg"
    opened.page.wait_for_timeout(300)
    opened.page.screenshot(path=str(tmp_path / "graph.png"))
    if not SCREENSHOT.exists() or not _same_picture(SCREENSHOT.read_bytes(), (tmp_path / "graph.png").read_bytes()):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "graph.png", SCREENSHOT)
    assert opened.outside == [] and opened.errors == []


@pytest.mark.parametrize("query,label", [("韦韬", "韦韬"), ("拉蒂纳科恩", "拉蒂纳·科恩"), (" 宇树 科技 ", "宇树科技"),
                                         ("杰出贡献", "世界互联网大会杰出贡献奖")])
def test_browser_search_focuses_a_node_by_any_label(open_page, seed_page_file, seed_network, query, label):
    opened = open_page(seed_page_file)
    opened.page.fill("#kg-search", query)
    opened.page.press("#kg-search", "Enter")
    expected = network.find(seed_network, label)
    assert opened.js("window.network.getSelectedNodes()") == [expected]
    assert opened.page.locator("#kg-status").inner_text().startswith(f"found {label} (")
    assert opened.outside == [] and opened.errors == []


def test_browser_search_says_when_nothing_matches(open_page, seed_page_file):
    opened = open_page(seed_page_file)
    opened.page.fill("#kg-search", "不存在的人")
    opened.page.press("#kg-search", "Enter")
    assert opened.page.locator("#kg-status").inner_text() == "no entity named “不存在的人”"
    assert opened.js("window.network.getSelectedNodes()") == []


def test_browser_type_filter_hides_and_shows_nodes(open_page, seed_page_file, seed_network):
    opened = open_page(seed_page_file)
    people = {n for n, t in seed_network.nodes(data="type") if t == "Person"}
    opened.page.uncheck('input[data-type="Person"]')
    assert set(opened.node_ids(hidden=True)) == people
    assert opened.js("window.network.body.nodeIndices.length") == seed_network.number_of_nodes() - len(people)
    hidden_edges = opened.js("window.network.body.data.edges.get().filter(e => e.hidden).length")
    assert hidden_edges == sum(1 for u, v in seed_network.edges() if u in people or v in people)
    assert opened.page.locator("#kg-counts").inner_text().startswith("showing ")
    opened.page.check('input[data-type="Person"]')
    assert opened.node_ids(hidden=True) == []
    assert opened.errors == []


def test_browser_article_filter_shows_one_article(open_page, seed_page_file, seed_network):
    opened = open_page(seed_page_file)
    articles = opened.js("JSON.parse(document.getElementById('kg-data').textContent).articles")
    first = articles[0]["id"]
    opened.page.click('button[data-none="articles"]')
    assert len(opened.node_ids(hidden=False)) == 0
    opened.page.check('input[data-article="0"]')
    expected = {n for n, a in seed_network.nodes(data="articles") if first in a}
    assert set(opened.node_ids(hidden=False)) == expected
    assert opened.page.locator("#kg-articles label").first.inner_text().startswith(articles[0]["title"][:8])
    assert opened.errors == []


def test_browser_hover_shows_labels_type_and_sentences(open_page, seed_page_file, seed_network):
    opened = open_page(seed_page_file)
    node = network.find(seed_network, "韦韬")
    text = opened.hover(node)
    data = seed_network.nodes[node]
    article, sentence = data["sentences"][0]
    assert text.splitlines()[0] == "韦韬"
    assert "Person · 人物" in text and "zh: 韦韬" in text
    assert sentence[:20] in text and seed_network.graph["articles"][article] in text
    assert opened.errors == []


def test_browser_focus_page_shows_the_neighbourhood(open_page, seed_graph, seed_network, tmp_path):
    out = tmp_path / "ant.html"
    result = CliRunner().invoke(cli, ["graph", "--data", str(seed_graph), "--focus", "蚂蚁集团", "-o", str(out)])
    assert result.exit_code == 0, result.output
    opened = open_page(out)
    sub = network.ego(seed_network, network.find(seed_network, "蚂蚁集团"), 2)
    assert opened.js("[window.network.body.data.nodes.length, window.network.body.data.edges.length]") == [
        sub.number_of_nodes(), sub.number_of_edges()]
    assert opened.outside == [] and opened.errors == []


# ----------------------------------------------------------------------------- hostile text

XSS_TRIG = """
@prefix skg: <https://w3id.org/summit-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix id: <https://w3id.org/summit-kg/id/> .

<https://w3id.org/summit-kg/id/article/x/1> {
  <https://w3id.org/summit-kg/id/article/x/1> a skg:Article ;
      dcterms:title "<img src=x onerror=window.__xss=3> 标题 <a href='javascript:window.__xss=4'>href</a>"@zh .
  id:p1 a skg:Person ;
      skos:prefLabel "<img src=x onerror=window.__xss=1>"@zh ;
      skos:altLabel "</script><script>window.__xss=2</script>"@zh , "x' onmouseover='window.__xss=9"@en .
  id:o1 a skg:Organization ;
      skos:prefLabel "<a href=\\"javascript:window.__xss=5\\">链接 href</a>"@zh .
  id:pos1 a skg:Position ; skg:holder id:p1 ; skg:organization id:o1 ;
      skg:title "<b onmouseover=window.__xss=6>董事长</b> href"@zh ;
      prov:wasDerivedFrom <https://w3id.org/summit-kg/id/article/x/1/span/0-40> .
  <https://w3id.org/summit-kg/id/article/x/1/span/0-40> a skg:TextSpan ;
      skg:inArticle <https://w3id.org/summit-kg/id/article/x/1> ; skg:startChar 0 ; skg:endChar 40 ;
      skg:anchorOf "<script>window.__xss=7</script> 说 <a href=javascript:window.__xss=8>href</a>" .
  <https://w3id.org/summit-kg/id/article/x/1/mention/0-3> a skg:Mention ; skg:mentionOf id:p1 ;
      skg:inArticle <https://w3id.org/summit-kg/id/article/x/1> ; skg:startChar 0 ; skg:endChar 3 .
}
"""


def test_browser_article_text_never_runs_as_script(open_page, tmp_path):
    from kg.store import load

    trig = tmp_path / "hostile.trig"
    trig.write_text(XSS_TRIG, encoding="utf-8")
    G = network.build_network(load(trig))
    assert G.number_of_nodes() == 2 and G.number_of_edges() == 1
    heading = "</title><script>window.__xss=10</script><img src=x onerror=window.__xss=11>"
    out = viz.render(G, title=heading).write(tmp_path / "hostile.html")
    opened = open_page(out)

    person = "https://w3id.org/summit-kg/id/p1"
    tip = opened.hover(person)
    opened.page.click('button[data-none="types"]')
    opened.page.click('button[data-all="types"]')
    opened.page.fill("#kg-search", "</script><script>window.__xss=2</script>")
    opened.page.press("#kg-search", "Enter")
    edge_tip = opened.js("window.network.body.data.edges.get()[0].title.textContent")

    assert opened.js("typeof window.__xss") == "undefined"
    assert opened.js("document.querySelectorAll('img, a, b, iframe').length") == 0
    assert opened.js("document.scripts.length") == 6
    # shown as text, exactly
    assert opened.page.locator("h1").inner_text() == heading
    assert opened.page.title() == heading
    assert "<img src=x onerror=window.__xss=1>" in tip
    assert "</script><script>window.__xss=2</script>" in tip
    assert "<script>window.__xss=7</script> 说 <a href=javascript:window.__xss=8>href</a>" in tip
    assert "<img src=x onerror=window.__xss=3> 标题 <a href='javascript:window.__xss=4'>href</a>" in tip
    assert "<b onmouseover=window.__xss=6>董事长</b> href" in edge_tip
    assert opened.page.locator("#kg-articles").inner_text().startswith("<img src=x onerror=window.__xss=3>")
    assert opened.js("window.network.getSelectedNodes()") == [person]
    assert opened.outside == [] and opened.errors == []
