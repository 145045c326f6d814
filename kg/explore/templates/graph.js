// The summit-kg graph page. Reads its data from the JSON blocks of the page and shows every text
// through textContent or DOM elements, never as HTML. window.network is the vis Network.
(function () {
  "use strict";
  var scriptStart = performance.now();

  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  var rawNodes = json("kg-nodes"), rawEdges = json("kg-edges"), data = json("kg-data"), options = json("kg-options");
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function norm(s) {  // as kg.extract.normalize, less the traditional -> simplified mapping
    return String(s).normalize("NFKC").replace(/[\s\u00b7\u30fb\u2022\u2027\u2024\u22c5\u2219]+/g, "")
      .replace(/^[《》〈〉“”"'‘’「」『』]+|[《》〈〉“”"'‘’「」『』]+$/g, "").toLowerCase();
  }
  var statusEl = document.getElementById("kg-status");
  function setStatus(text) { statusEl.textContent = text; }

  document.getElementById("kg-title").textContent = data.title;
  document.getElementById("kg-note").textContent = data.note || "";

  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.name] = t; });
  function articleTitle(i) { return i >= 0 && data.articles[i] ? data.articles[i].title : ""; }

  // ------------------------------------------------------------------ tooltips (DOM, text only)
  function sentenceList(sentences, more) {
    var ul = el("ul");
    sentences.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("span", "“" + s[1] + "”"));
      var t = articleTitle(s[0]);
      if (t) li.appendChild(el("span", " — 《" + t + "》", "src"));
      ul.appendChild(li);
    });
    if (more > 0) ul.appendChild(el("li", "… and " + more + " more", "src"));
    return ul;
  }
  function nodeTip(n) {
    var div = el("div", null, "kg-tip");
    div.appendChild(el("div", n.label, "kg-tip-label"));
    var zh = typeInfo[n.type] ? typeInfo[n.type].zh : "";
    div.appendChild(el("div", n.type + (zh ? " · " + zh : ""), "kg-tip-meta"));
    var other = n.labels.filter(function (l) { return n.english.indexOf(l) < 0; });
    div.appendChild(el("div", "zh: " + other.join(" · ")));
    if (n.english.length) div.appendChild(el("div", "en: " + n.english.join(" · ")));
    if (n.sentences.length) {
      div.appendChild(sentenceList(n.sentences, n.more));
    } else if (n.articles.length) {
      div.appendChild(el("div", "named in: " + n.articles.map(function (a) { return "《" + articleTitle(a) + "》"; }).join(" "), "src"));
    }
    return div;
  }
  function edgeTip(e) {
    var div = el("div", null, "kg-tip");
    div.appendChild(el("div", e.text, "kg-tip-label"));
    if (e.sentences.length) div.appendChild(sentenceList(e.sentences, 0));
    else if (e.articles.length) div.appendChild(el("div", "from: " + e.articles.map(function (a) { return "《" + articleTitle(a) + "》"; }).join(" "), "src"));
    return div;
  }

  // ------------------------------------------------------------------ the network
  var nodes = new vis.DataSet(rawNodes.map(function (n) {
    var node = { id: n.id, label: n.label, shape: n.shape, color: n.color, size: n.size, borderWidth: n.borderWidth,
                 title: nodeTip(n), type: n.type, hidden: false };
    if (typeof n.x === "number" && typeof n.y === "number") { node.x = n.x; node.y = n.y; }  // starting point
    return node;
  }));
  var edges = new vis.DataSet(rawEdges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: e.label, relation: e.relation, title: edgeTip(e), hidden: false };
  }));
  var container = document.getElementById("mynetwork");
  var layoutStart = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.network = network;

  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({ physics: false });
    window.kgTimings = { scriptStart: scriptStart, layoutStart: layoutStart, settled: performance.now() };
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
    if (/^laying out/.test(statusEl.textContent)) setStatus("");
  }
  network.on("stabilizationProgress", function (p) {
    setStatus("laying out … " + Math.round(100 * p.iterations / p.total) + "%");
    // a time budget on top of the step count: a big graph stops where it got to, and stays usable
    if (performance.now() - layoutStart > data.settleMs) network.stopSimulation();
  });
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  if (rawNodes.length === 0) { setStatus("the graph is empty"); settle(); }

  // ------------------------------------------------------------------ filters: types and articles
  var typeOn = {}, articleOn = {}, hiddenNode = {}, hiddenEdge = {};
  data.types.forEach(function (t) { typeOn[t.name] = true; });
  data.articles.forEach(function (a, i) { articleOn[i] = true; });

  function anyOn(list) {
    if (!list.length) return true;
    for (var i = 0; i < list.length; i++) if (articleOn[list[i]]) return true;
    return false;
  }
  var countsEl = document.getElementById("kg-counts");
  function showCounts(visibleNodes, visibleEdges) {
    var all = visibleNodes === rawNodes.length && visibleEdges === rawEdges.length;
    countsEl.textContent = all
      ? rawNodes.length.toLocaleString() + " entities · " + rawEdges.length.toLocaleString() + " relations"
      : "showing " + visibleNodes.toLocaleString() + " of " + rawNodes.length.toLocaleString() + " entities · " +
        visibleEdges.toLocaleString() + " of " + rawEdges.length.toLocaleString() + " relations";
  }
  function apply() {
    var nodeChanges = [], edgeChanges = [], visibleNodes = 0, visibleEdges = 0;
    rawNodes.forEach(function (n) {
      var hide = !typeOn[n.type] || !anyOn(n.articles);
      if (!hide) visibleNodes++;
      if (hide !== !!hiddenNode[n.id]) { hiddenNode[n.id] = hide; nodeChanges.push({ id: n.id, hidden: hide }); }
    });
    rawEdges.forEach(function (e) {
      var hide = !!hiddenNode[e.from] || !!hiddenNode[e.to] || !anyOn(e.articles);
      if (!hide) visibleEdges++;
      if (hide !== !!hiddenEdge[e.id]) { hiddenEdge[e.id] = hide; edgeChanges.push({ id: e.id, hidden: hide }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    showCounts(visibleNodes, visibleEdges);
  }

  function swatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg"), s;
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var polygons = {
      diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      star: "8,1 9.9,6 15,6 10.9,9.2 12.5,14.5 8,11.3 3.5,14.5 5.1,9.2 1,6 6.1,6",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"
    };
    if (shape === "square") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", "2"); s.setAttribute("width", "12"); s.setAttribute("height", "12");
    } else if (polygons[shape]) {
      s = document.createElementNS(SVG, "polygon"); s.setAttribute("points", polygons[shape]);
    } else {
      s = document.createElementNS(SVG, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6.5");
    }
    s.setAttribute("fill", color);
    svg.appendChild(s);
    return svg;
  }
  function checkbox(kind, value, onChange) {
    var box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.setAttribute("data-" + kind, String(value));
    box.addEventListener("change", function () { onChange(box.checked); apply(); });
    return box;
  }
  var legend = document.getElementById("kg-legend");
  data.types.forEach(function (t) {
    var label = el("label");
    label.appendChild(checkbox("type", t.name, function (on) { typeOn[t.name] = on; }));
    label.appendChild(swatch(t.shape, t.color));
    label.appendChild(el("span", (t.zh ? t.zh + " " : "") + t.name));
    label.appendChild(el("span", t.count, "count"));
    legend.appendChild(label);
  });
  var articleCounts = data.articles.map(function () { return 0; });
  rawNodes.forEach(function (n) { n.articles.forEach(function (a) { articleCounts[a]++; }); });
  var articleList = document.getElementById("kg-articles");
  data.articles.forEach(function (a, i) {
    var label = el("label");
    label.title = a.title;  // a plain attribute: shown as text by the browser
    label.appendChild(checkbox("article", i, function (on) { articleOn[i] = on; }));
    label.appendChild(el("span", a.title, "title"));
    label.appendChild(el("span", articleCounts[i], "count"));
    articleList.appendChild(label);
  });
  function setAll(kind, on) {
    var boxes = document.querySelectorAll("input[data-" + (kind === "types" ? "type" : "article") + "]");
    Array.prototype.forEach.call(boxes, function (b) { b.checked = on; });
    if (kind === "types") data.types.forEach(function (t) { typeOn[t.name] = on; });
    else data.articles.forEach(function (a, i) { articleOn[i] = on; });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-all]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-all"), true); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-none]"), function (b) {
    b.addEventListener("click", function () { setAll(b.getAttribute("data-none"), false); });
  });

  // ------------------------------------------------------------------ search by any label
  var byKey = {}, byId = {};
  rawNodes.forEach(function (n) {
    byId[n.id] = n;
    n.keys.concat(n.labels.map(norm)).forEach(function (k) {
      if (!k) return;
      var list = byKey[k] || (byKey[k] = []);
      if (list.indexOf(n.id) < 0) list.push(n.id);
    });
  });
  var datalist = document.getElementById("kg-labels"), seen = {};
  rawNodes.forEach(function (n) {
    n.labels.forEach(function (l) {
      if (seen[l]) return;
      seen[l] = true;
      var option = document.createElement("option");
      option.value = l;
      datalist.appendChild(option);
    });
  });
  function search(query) {
    var key = norm(query);
    if (!key) { setStatus(""); return null; }
    var hits = byKey[key] || [];
    if (!hits.length) {
      rawNodes.forEach(function (n) {
        if (n.keys.some(function (k) { return k.indexOf(key) >= 0; })) hits.push(n.id);
      });
      hits.sort(function (a, b) { return byId[a].label.length - byId[b].label.length || (byId[a].label < byId[b].label ? -1 : 1); });
    }
    if (!hits.length) { setStatus("no entity named “" + query + "”"); return null; }
    var n = byId[hits[0]], changed = false;
    if (!typeOn[n.type]) {
      typeOn[n.type] = true; changed = true;
      var box = document.querySelector('input[data-type="' + CSS.escape(n.type) + '"]');
      if (box) box.checked = true;
    }
    if (!anyOn(n.articles)) {
      n.articles.forEach(function (a) {
        articleOn[a] = true;
        var box = document.querySelector('input[data-article="' + a + '"]');
        if (box) box.checked = true;
      });
      changed = true;
    }
    if (changed) apply();
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.4, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    setStatus("found " + n.label + " (" + n.type + ")" + (hits.length > 1 ? "; " + (hits.length - 1) + " more match" : ""));
    return n.id;
  }
  var input = document.getElementById("kg-search");
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });

  window.kg = { search: search, apply: apply, nodes: nodes, edges: edges,
                visibleNodeIds: function () { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); } };
  apply();
})();
