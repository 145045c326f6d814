#!/usr/bin/env python3
"""Check the gold files of heldout52 against their texts.

Usage (from the repository root):
    python benchmarks/heldout52/check_gold.py [--scorer PATH] [GOLD.yaml ...]

Without GOLD files, every *.yaml beside this script is checked. For each gold file:
  - the schema keys of ../shared/gold/seed.yaml are present; types and relation names are known;
  - every entity name and alias occurs in the text with its line breaks removed; no name or
    alias (normalised as the scorer does) belongs to two entities;
  - every entity's `articles` list equals the articles whose text contains the name or an alias,
    nested occurrences included, page furniture (FURNITURE below) excluded;
  - every headline occurs in the text; `starts_with` is 12 characters and begins a line of the
    article; the byline's date, place and reporters occur; reporters are Person entities and
    equal the article's `reporter` relations;
  - relation arguments are canonical entity names of the right types, mentioned in the
    relation's article; holdsPosition titles occur in the text; no relation is listed twice;
  - `uncertain`: items with in_gold true list gold entities and gold relations, and their
    also_accept answers are not gold relations; items with in_gold false list names that occur
    in the text but are not gold entities, and relations that are not gold relations;
  - the body (from `starts_with` to the end of the article, furniture and white space excluded)
    has 450-900 characters;
  - the file loads with `load_gold` of the reference scorer.
Prints one line per file and a total line; exits 0 iff no problem was found.
Needs PyYAML; OpenCC is used by the scorer's normalisation when installed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_SCORER = REPO / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types (None: a literal)}; `article` is required in every relation
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    # decision of this set: the `product` slot also takes a Company named by its booth
    "exhibitedAt": {"product": {"Product", "Company"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}

# Page furniture: whole lines (stripped) that belong to the platform, not to the article.
FURNITURE = [re.compile(p) for p in (
    r"^关注$",                              # 小红书: follow button
    r"^编辑于 \d{2}-\d{2}( \S+)?$",          # 小红书: edit stamp with IP location
    r"^共 \d+ 条评论$",                      # 小红书: comment count
    r"^\d{2}-\d{2} \S+ 回复$",               # 小红书: comment date, IP location, reply button
    r"^[\d,]+$",                            # bare like / collect / comment counters
    r"^说点什么",                            # 小红书: comment box
    r"^36氪 \| ",                            # 36氪: site slogan
    r"^首页(\s|\|)",                         # site navigation bars
    r"^36氪首页 > ",                         # 36氪: breadcrumb
    r"^本文由「36氪」",                        # 36氪: copyright footer
    r"^该文观点仅代表作者本人",
    r"^扫码下载",
    r"^— [ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ\d]+ —$",              # page number of a PDF
    r"^阅读\([\d,]+\)",                       # blog footer: read / comment counters
    r"^分类：",
    r"^标签：",
    r"^« 上一篇",
)]
BODY_MIN, BODY_MAX = 450, 900


def is_furniture(line: str) -> bool:
    s = line.strip()
    return any(p.search(s) for p in FURNITURE)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def date_forms(d) -> list[str]:
    if isinstance(d, dt.date):
        y, m, dd = d.year, d.month, d.day
    else:
        mm = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(d))
        if not mm:
            return []
        y, m, dd = map(int, mm.groups())
    return [f"{y}-{m:02d}-{dd:02d}", f"{m:02d}-{dd:02d}", f"{y}年{m}月{dd}日", f"{m}月{dd}日"]


def check_file(gpath: Path, scorer) -> tuple[list[str], dict]:
    probs: list[str] = []
    P = probs.append
    stats = {"articles": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0, "body": 0}
    try:
        g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        return [f"not valid YAML: {err}"], stats
    for k in ("source", "articles", "entities", "relations"):
        if k not in g:
            P(f"missing key {k}")
    if probs:
        return probs, stats
    tpath = gpath.parent / g["source"]
    if not tpath.exists():
        return [f"text {g['source']} not found"], stats
    raw = tpath.read_text(encoding="utf-8").replace("\r", "")
    lines = raw.split("\n")
    joined = "".join(lines)
    kept = [ln for ln in lines if not is_furniture(ln)]
    content = "".join(kept)
    norm = scorer.norm

    # ---- articles and their spans in the furniture-free text
    arts = g["articles"] or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    starts, pos = [], 0
    for a in arts:
        t = a.get("title")
        anchor = t if t else a.get("starts_with", "")
        p = content.find(anchor, pos) if anchor else -1
        if p < 0:
            P(f"{a.get('id')}: {'title' if t else 'starts_with'} {anchor!r} not found in order")
            p = pos
        starts.append(p)
        pos = p + 1
    spans = {a["id"]: content[s:(starts[i + 1] if i + 1 < len(arts) else len(content))]
             for i, (a, s) in enumerate(zip(arts, starts))}
    for a in arts:
        aid, span = a["id"], spans[a["id"]]
        if a.get("title") and a["title"] not in joined:
            P(f"{aid}: headline not in text")
        for k in ("kind", "byline", "starts_with"):
            if k not in a:
                P(f"{aid}: missing {k}")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P(f"{aid}: starts_with has {len(sw)} characters, not 12")
        line_start = any("".join(kept[i:]).lstrip().startswith(sw) and kept[i].strip()
                         and sw.startswith(kept[i].strip()[:len(sw)]) for i in range(len(kept)))
        bpos = span.find(sw, len(a.get("title") or ""))
        if not sw or bpos < 0 or not line_start:
            P(f"{aid}: starts_with {sw!r} does not begin a line of the article body")
        else:
            body = re.sub(r"\s", "", span[bpos:])
            stats["body"] += len(body)
            if not BODY_MIN <= len(body) <= BODY_MAX:
                P(f"{aid}: body has {len(body)} characters, not {BODY_MIN}-{BODY_MAX}")
        by = a.get("byline") or {}
        if set(by) != {"place", "date", "reporters"}:
            P(f"{aid}: byline keys {sorted(by)}")
        if by.get("place") and by["place"] not in span:
            P(f"{aid}: byline place {by['place']} not in the article")
        if by.get("date") is not None:
            forms = date_forms(by["date"])
            if not forms or not any(f in joined for f in forms):
                P(f"{aid}: byline date {by['date']} not on the page")
        for r in by.get("reporters") or []:
            if r not in span:
                P(f"{aid}: reporter {r} not in the article")
    stats["articles"] = len(arts)

    # ---- entities
    ents: dict[str, dict] = {}
    owner: dict[str, str] = {}
    for e in g["entities"] or []:
        n = e.get("name")
        if not n or n in ents:
            P(f"entity {n!r}: missing or duplicate name")
            continue
        ents[n] = e
        if e.get("type") not in TYPES:
            P(f"{n}: unknown type {e.get('type')}")
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            if not isinstance(x, str) or x not in joined:
                P(f"{n}: name or alias {x!r} not in text")
            k = norm(x)
            if k in owner and owner[k] != n:
                P(f"{n}: {x!r} also names {owner[k]}")
            owner.setdefault(k, n)
        if n in (e.get("aliases") or []):
            P(f"{n}: alias equals the name")
        want = [aid for aid in ids if any(isinstance(x, str) and x in spans[aid] for x in names)]
        got = list(e.get("articles") or [])
        if sorted(got) != sorted(want):
            P(f"{n}: articles {got}, text gives {want}")
    stats["entities"] = len(ents)

    # ---- relations
    def check_rel(r: dict, where: str, strict: bool = True) -> None:
        rel = r.get("rel")
        if rel not in SHAPES:
            P(f"{where}: unknown relation {rel}")
            return
        shape = SHAPES[rel]
        keys = set(r) - {"rel", "article"}
        if keys != set(shape):
            P(f"{where}: {rel} arguments {sorted(keys)}, expected {sorted(shape)}")
        aid = r.get("article")
        if aid not in ids:
            P(f"{where}: unknown article {aid}")
        for arg, allowed in shape.items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS and strict:
                    P(f"{where}: {rel}.{arg} is empty")
                continue
            if allowed is None:
                if arg == "title" and str(v) not in joined:
                    P(f"{where}: title {v!r} not in text")
                if arg == "year" and not isinstance(v, int):
                    P(f"{where}: year {v!r} is not an integer")
                continue
            e = ents.get(v)
            if e is None:
                if strict:
                    P(f"{where}: {rel}.{arg} {v!r} is not a canonical entity name")
                elif v not in joined:
                    P(f"{where}: {rel}.{arg} {v!r} not in text")
                continue
            if strict and e["type"] not in allowed:
                P(f"{where}: {rel}.{arg} {v} has type {e['type']}, expected {sorted(allowed)}")
            if aid in ids and aid not in (e.get("articles") or []):
                P(f"{where}: {v} is not mentioned in {aid}")

    def key(r: dict):
        return tuple(sorted((k, str(v)) for k, v in r.items()))

    gold_rels = set()
    for i, r in enumerate(g["relations"] or []):
        check_rel(r, f"relation {i + 1} ({r.get('rel')})")
        if key(r) in gold_rels:
            P(f"relation {i + 1} listed twice")
        gold_rels.add(key(r))
    stats["relations"] = len(g["relations"] or [])
    for a in arts:
        rep = sorted(r["person"] for r in g["relations"] if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if rep != sorted((a.get("byline") or {}).get("reporters") or []):
            P(f"{a['id']}: reporter relations {rep} differ from the byline")
        for p in (a.get("byline") or {}).get("reporters") or []:
            if (ents.get(p) or {}).get("type") != "Person":
                P(f"{a['id']}: reporter {p} is not a Person entity")

    # ---- uncertain
    gold_names = {norm(x) for n, e in ents.items() for x in [n] + list(e.get("aliases") or [])}
    for j, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain {j + 1}"
        if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
            P(f"{where}: needs item, in_gold, decision, why")
            continue
        if not isinstance(u["in_gold"], bool):
            P(f"{where}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if u["in_gold"] and n not in ents:
                P(f"{where}: entity {n} is not a gold entity")
            if not u["in_gold"]:
                if norm(n) in gold_names:
                    P(f"{where}: rejected entity {n} is a gold name")
                if n not in joined:
                    P(f"{where}: rejected entity {n} not in text")
        for r in u.get("relations") or []:
            if u["in_gold"] and key(r) not in gold_rels:
                P(f"{where}: relation {r} is not a gold relation")
            if not u["in_gold"]:
                if key(r) in gold_rels:
                    P(f"{where}: rejected relation {r} is a gold relation")
                check_rel(r, where, strict=False)
        for r in u.get("also_accept") or []:
            if key(r) in gold_rels:
                P(f"{where}: also_accept {r} is a gold relation")
            check_rel(r, where + " also_accept")

    # ---- the reference scorer's loader
    try:
        gents, _alias, grels, optional, _neutral = scorer.load_gold([gpath])
        stats["opt"] = len(set(gents) & set(optional))
        stats["req"] = len(gents) - stats["opt"]
        stats["scored"] = sum(len(v) for v in grels.values())
        if len(gents) != len(ents):
            P(f"load_gold sees {len(gents)} entities, the file lists {len(ents)}")
    except Exception as err:  # noqa: BLE001
        P(f"load_gold failed: {err!r}")
    return probs, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.gold or sorted(HERE.glob("*.yaml"))
    tot = {"articles": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0, "body": 0}
    nprob = 0
    for f in files:
        probs, st = check_file(f, scorer)
        for k in tot:
            tot[k] += st[k]
        nprob += len(probs)
        print(f"{f.name}: {st['articles']} article(s), body {st['body']} chars, {st['entities']} entities "
              f"({st['req']} required / {st['opt']} optional), {st['relations']} relations "
              f"({st['scored']} scored): {'OK' if not probs else f'{len(probs)} problem(s)'}")
        for p in probs:
            print(f"  - {p}")
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['req']} required / {tot['opt']} optional), {tot['relations']} relations "
          f"({tot['scored']} scored), {nprob} problem(s)")
    return 0 if nprob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
