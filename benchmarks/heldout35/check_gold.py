#!/usr/bin/env python3
"""Check the heldout35 gold files (pe*.yaml) against their texts (pe*.txt).

Self-contained (Python 3 + PyYAML; OpenCC optional, only through the scorer). Run from the
repository root:

    python benchmarks/heldout35/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]

Checks, for every gold file:
  - the schema keys (source, articles, entities, relations, uncertain) and the types;
  - headlines: each article title is a line of the text; articles appear in that order;
  - `starts_with`: 12 characters, found at the start of a body line of its article, after the
    title and the byline;
  - bylines: the date occurs in the file (as YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 or M月D日 with
    the year elsewhere), the place and the reporters occur before `starts_with`;
  - body length: 450-900 characters per text (furniture, titles and byline lines excluded);
  - entity names and aliases occur in the text with line breaks removed; no name or alias is
    used by two entities (after the scorer's normalisation);
  - `articles` of every entity = exactly the articles whose text (title, byline and body, page
    furniture excluded) contains its name or an alias, nested occurrences included;
  - relations: known relation names, argument keys, argument entities exist with the right types,
    the article id exists and lists every argument entity; no duplicates;
  - reporter relations = byline reporters of each article;
  - `uncertain`: in_gold true items list existing entities and exact copies of gold relations;
    also_accept and in_gold false relations are not gold relations; in_gold false entities are
    not gold entities;
  - the file loads with `load_gold` of the reference scorer.
Prints per-file and total counts; exit status 0 iff no problem is found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the repository root (benchmarks/heldout35/..)

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
ANY = TYPES
# relation -> {argument: allowed entity types}; "title" / "year" / "category" handled apart
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": ANY, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG | {"Person"}},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
REL_EXTRA = {"holdsPosition": {"title"}, "receivedAward": {"category", "year"}}

# Page furniture: lines that belong to no article (site controls, source/date lines of the page,
# page headers, credits). A line matching FURNITURE_STOP starts furniture up to the end of the file.
FURNITURE = re.compile(
    r"^\s*(【(字体|字號|字号|打印|关闭|關閉)|扫一扫|來源：|来源：|发布时间：|發布時間：|聯合報／|联合报／|（编译/|（編譯/)")
FURNITURE_STOP = re.compile(r"^\s*(相关新闻|相關新聞)")
BODY_MIN, BODY_MAX = 450, 900


def strip_nl(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(ypath: Path, scorer) -> tuple[list[str], dict]:
    problems: list[str] = []
    P = problems.append
    g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    stats = {"articles": 0, "body": 0, "entities": 0, "ent_opt": 0, "relations": 0, "scored": 0}
    if not isinstance(g, dict):
        return [f"{ypath.name}: not a mapping"], stats
    for k in ("source", "articles", "entities", "relations", "uncertain"):
        if k not in g:
            P(f"missing key `{k}`")
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        P(f"unknown top-level keys {sorted(extra)}")
    tpath = ypath.parent / str(g.get("source"))
    if not tpath.exists():
        return problems + [f"text {tpath.name} not found"], stats
    raw = tpath.read_text(encoding="utf-8")
    if raw.startswith("\ufeff"):
        P("text starts with a byte-order mark")
    lines = raw.replace("\r", "").split("\n")
    flat = strip_nl(raw)

    # furniture lines
    furn = [False] * len(lines)
    stop = False
    for i, ln in enumerate(lines):
        if FURNITURE_STOP.search(ln):
            stop = True
        furn[i] = stop or bool(FURNITURE.search(ln))

    # articles: locate titles (a whole line), spans up to the next title
    arts = g.get("articles") or []
    stats["articles"] = len(arts)
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    starts: list[int] = []
    pos = 0
    for a in arts:
        title = a.get("title")
        if not title:
            P(f"{a.get('id')}: no title (this set needs one to locate the article)")
            starts.append(pos)
            continue
        idx = next((i for i in range(pos, len(lines)) if lines[i].strip() == title.strip()), None)
        if idx is None:
            P(f"{a.get('id')}: headline {title!r} is not a line of the text (in order)")
            starts.append(pos)
            continue
        starts.append(idx)
        pos = idx + 1
    spans = {}
    for j, a in enumerate(arts):
        end = starts[j + 1] if j + 1 < len(arts) else len(lines)
        spans[a.get("id")] = (starts[j], end)
    art_text = {aid: "".join(lines[i] for i in range(s, e) if not furn[i]) for aid, (s, e) in spans.items()}

    body_total = 0
    for a in arts:
        aid = a.get("id")
        s, e = spans[aid]
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P(f"{aid}: missing article key `{k}`")
        if a.get("subtitle") and not any(lines[i].strip() == a["subtitle"].strip() for i in range(s, e)):
            P(f"{aid}: subtitle not found as a line of the article")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P(f"{aid}: starts_with {sw!r} has {len(sw)} characters, not 12")
        body_line = None
        for i in range(s + 1, e):
            if furn[i]:
                continue
            ln = lines[i].lstrip(" \u3000")
            if ln.startswith(sw):
                body_line, col = i, 0
                break
            # a dateline run into the body ("参考消息网11月10日报道　据外媒报道...")
            k = ln.find(sw)
            if k > 0 and a.get("dateline") and ln[:k].strip(" \u3000") == a["dateline"]:
                body_line, col = i, k
                break
        if body_line is None:
            P(f"{aid}: starts_with {sw!r} does not begin a line of the article")
            continue
        pre = "".join(lines[i] for i in range(s, body_line) if not furn[i]) + lines[body_line][:col]
        body = "".join(lines[i] for i in range(body_line, e) if not furn[i])[col:]
        body_total += len(body)
        by = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                P(f"{aid}: byline lacks `{k}`")
        if by.get("place") and by["place"] not in pre:
            P(f"{aid}: byline place {by['place']!r} not found before the body")
        for rp in by.get("reporters") or []:
            if rp not in pre:
                P(f"{aid}: byline reporter {rp!r} not found before the body")
        d = by.get("date")
        if d:
            d = str(d)
            m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", d)
            if not m:
                P(f"{aid}: byline date {d!r} is not YYYY-MM-DD")
            else:
                y, mo, da = m.group(1), int(m.group(2)), int(m.group(3))
                forms = [f"{y}-{mo:02d}-{da:02d}", f"{y}/{mo:02d}/{da:02d}", f"{y}年{mo}月{da}日"]
                ok = any(f in flat for f in forms) or (f"{mo}月{da}日" in flat and y in flat)
                if not ok:
                    P(f"{aid}: byline date {d} not found in the text")
    stats["body"] = body_total
    if not BODY_MIN <= body_total <= BODY_MAX:
        P(f"body has {body_total} characters, outside {BODY_MIN}-{BODY_MAX}")

    # entities
    ents = {}
    seen_norm: dict[str, str] = {}
    for e in g.get("entities") or []:
        n = e.get("name")
        if n in ents:
            P(f"duplicate entity {n!r}")
        ents[n] = e
        if e.get("type") not in TYPES:
            P(f"{n}: unknown type {e.get('type')!r}")
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            if not isinstance(x, str) or x not in flat:
                P(f"{n}: name/alias {x!r} does not occur in the text")
            k = scorer.norm(x)
            if k in seen_norm and seen_norm[k] != n:
                P(f"{n}: name/alias {x!r} also belongs to {seen_norm[k]!r}")
            seen_norm[k] = n
        want = sorted(aid for aid, txt in art_text.items() if any(x in txt for x in names if isinstance(x, str)))
        have = sorted(e.get("articles") or [])
        if want != have:
            P(f"{n}: articles {have} but occurs in {want}")
    stats["entities"] = len(ents)

    # relations
    rels = g.get("relations") or []
    stats["relations"] = len(rels)
    keys = set()
    for r in rels:
        rk = rel_key(r)
        if rk in keys:
            P(f"duplicate relation {r}")
        keys.add(rk)
    byline_rep = {(a.get("id"), p) for a in arts for p in ((a.get("byline") or {}).get("reporters") or [])}

    def check_rel(r: dict, where: str, known: set[str]):
        name = r.get("rel")
        if name not in REL_ARGS:
            P(f"{where}: unknown relation {name!r}")
            return
        spec = REL_ARGS[name]
        allowed = set(spec) | REL_EXTRA.get(name, set()) | {"rel", "article"}
        if set(r) - allowed or set(spec) - set(r):
            P(f"{where}: {name} has keys {sorted(r)}; expected {sorted(allowed)}")
        if r.get("article") not in spans:
            P(f"{where}: article {r.get('article')!r} unknown")
        for arg, types in spec.items():
            v = r.get(arg)
            if v in ents:
                if ents[v]["type"] not in types:
                    P(f"{where}: {name}.{arg} = {v} has type {ents[v]['type']}, expected {sorted(types)}")
                if r.get("article") not in (ents[v].get("articles") or []):
                    P(f"{where}: {v} does not occur in {r.get('article')}")
            elif v not in known:
                P(f"{where}: {name}.{arg} = {v!r} is not an entity")
        if name == "holdsPosition" and not r.get("title"):
            P(f"{where}: holdsPosition without a title")
        if name == "receivedAward":
            c = r.get("category")
            if c is not None and (c not in ents or ents[c]["type"] != "AwardCategory"):
                P(f"{where}: category {c!r} is not an AwardCategory")
            if r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
                P(f"{where}: year {r['year']!r}")

    for r in rels:
        check_rel(r, f"relation {r.get('rel')}({r.get('article')})", set())
    rep_rels = {(r.get("article"), r.get("person")) for r in rels if r.get("rel") == "reporter"}
    if rep_rels != byline_rep:
        P(f"reporter relations {sorted(rep_rels)} != byline reporters {sorted(byline_rep)}")

    # uncertain
    for u in g.get("uncertain") or []:
        item = u.get("item")
        if not item or not isinstance(u.get("in_gold"), bool):
            P(f"uncertain item {item!r}: needs `item` and a boolean `in_gold`")
            continue
        for k in ("decision", "why"):
            if not u.get(k):
                P(f"uncertain {item!r}: no `{k}`")
        cand = set(u.get("entities") or [])
        for n in cand:
            if u["in_gold"] and n not in ents:
                P(f"uncertain {item!r}: entity {n!r} is not a gold entity")
            if not u["in_gold"] and n in ents:
                P(f"uncertain {item!r} (in_gold false): entity {n!r} is a gold entity")
            if not u["in_gold"] and n not in flat:
                P(f"uncertain {item!r}: candidate {n!r} does not occur in the text")
        for r in u.get("relations") or []:
            check_rel(r, f"uncertain {item!r}", cand)
            if u["in_gold"] and rel_key(r) not in keys:
                P(f"uncertain {item!r}: relation {r} is not a gold relation")
            if not u["in_gold"] and rel_key(r) in keys:
                P(f"uncertain {item!r} (in_gold false): relation {r} is a gold relation")
        for r in u.get("also_accept") or []:
            check_rel(r, f"uncertain {item!r} also_accept", cand)
            if rel_key(r) in keys:
                P(f"uncertain {item!r}: also_accept {r} is a gold relation")

    # the reference scorer's view
    try:
        gents, _alias, grels, optional, neutral = scorer.load_gold([ypath])
        stats["ent_opt"] = len(optional & set(gents))
        stats["scored"] = sum(len(v) for v in grels.values())
        req_in_opt = {scorer.norm(n) for u in g.get("uncertain") or [] if u.get("in_gold")
                      for n in u.get("entities") or []} - optional
        for k in sorted(req_in_opt):
            if not any(str(u.get("item", "")).startswith(("aliases", "segment"))
                       for u in g.get("uncertain") or [] if k in {scorer.norm(n) for n in u.get("entities") or []}):
                P(f"load_gold: {k!r} should be optional but is not")
    except Exception as err:  # noqa: BLE001
        P(f"load_gold failed: {err!r}")
    return problems, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="gold files (default: pe*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py",
                    help="the reference scorer (default ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("pe*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    total = {"articles": 0, "body": 0, "entities": 0, "ent_opt": 0, "relations": 0, "scored": 0}
    n_prob = 0
    for f in files:
        probs, st = check_file(f, scorer)
        for k in total:
            total[k] += st[k]
        n_prob += len(probs)
        print(f"{f.name}: {st['articles']} articles, body {st['body']} chars, "
              f"{st['entities']} entities ({st['entities'] - st['ent_opt']} required, {st['ent_opt']} optional), "
              f"{st['relations']} relations ({st['scored']} scored) - "
              f"{'OK' if not probs else f'{len(probs)} problem(s)'}")
        for p in probs:
            print(f"  - {p}")
    print(f"TOTAL: {len(files)} files, {total['articles']} articles, {total['entities']} entities "
          f"({total['entities'] - total['ent_opt']} required, {total['ent_opt']} optional), "
          f"{total['relations']} relations ({total['scored']} scored), {n_prob} problem(s)")
    return 0 if n_prob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
