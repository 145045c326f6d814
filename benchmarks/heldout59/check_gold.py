#!/usr/bin/env python3
"""Check the heldout59 gold files against their texts.

For every *.yaml in this folder (schema of the shared seed.yaml) it checks:
  - the text named by `source` exists; every entity name and alias occurs in it (line breaks removed);
  - each article's headline occurs as a line of the text, in order; articles are the spans from one
    headline to the next, minus the page furniture defined below (FURNITURE_LINES, FURNITURE_INLINE,
    FURNITURE_TAIL);
  - `articles` of each entity = the articles whose span contains the name or an alias (nested
    occurrences counted), and [] only for names that occur in the furniture alone;
  - `starts_with` is 12 characters and is where the body begins after the headline and the byline;
  - bylines: reporters occur in their article, a date is printed in the article, a place occurs;
  - relations: known relation names, argument keys and types, arguments resolve to entities of the
    file that occur in the relation's article; reporter relations = byline reporters;
  - `uncertain`: well-formed items; in_gold: true items copy gold entities / relations exactly;
    in_gold: false candidates and also_accept answers are not in the gold;
  - the file loads with load_gold of the reference scorer (--scorer), and every relation argument
    resolves there to a gold entity;
  - the body (byline + body text of all articles, white space excluded) has 450-900 characters.
Prints one line per file and a total line; exit 0 iff no problem was found.
Needs PyYAML; OpenCC is used by the scorer when installed, and is not needed here.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import yaml

sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed entity types (None = free value)}
RELS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report", "Initiative"}, "org": ORG},
    "releasedAt": {"report": {"Report", "Initiative"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"} | ORG, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
OPTIONAL_ARGS = {"category", "year"}

# Page furniture: whole lines (after stripping), text inside lines, and markers after which the rest
# of an article span is furniture (a list of links, for instance).
FURNITURE_LINES = [
    r"四川日报", r"今日桐乡", r"SICHUAN DAILY", r"\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]",
    r"第\s*\d+\s*版.*", r"链接", r"本版责编.*", r"编辑 本报编辑部", r"今日桐乡 桐乡市融媒体中心主办",
    r"聯合新聞網 > .*", r"聯合新聞網 版權所有.*", r"澎湃新闻报料：.*", r"澎湃新闻，未经授权不得转载",
]
FURNITURE_INLINE = [r"（下转第\d+版）", r"（上接第\d+版）"]
FURNITURE_TAIL = [r"延伸閱讀"]


def is_furniture(line: str) -> bool:
    s = line.strip()
    return any(re.fullmatch(p, s) for p in FURNITURE_LINES)


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(yp: Path, scorer) -> tuple[list[str], dict]:
    P: list[str] = []
    g = yaml.safe_load(yp.read_text(encoding="utf-8"))
    stats = {"articles": 0, "body": 0, "ent_req": 0, "ent_opt": 0, "rel_ann": 0, "rel_scored": 0}
    src = HERE / str(g.get("source", ""))
    if not src.exists():
        return [f"source {g.get('source')!r} not found"], stats
    text = src.read_text(encoding="utf-8")
    whole = flat(text)
    lines = text.splitlines()

    # ---- articles and their spans
    arts = g.get("articles") or []
    stats["articles"] = len(arts)
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    starts, pos = [], 0
    for a in arts:
        t = a.get("title")
        if not t:
            P.append(f"{a.get('id')}: no title (untitled articles are not used in this set)")
            starts.append(pos)
            continue
        if flat(t) not in whole:
            P.append(f"{a['id']}: headline not in text: {t}")
        idx = next((i for i in range(pos, len(lines)) if lines[i].strip() == t), None)
        if idx is None:
            P.append(f"{a['id']}: headline is not a line of the text (in order): {t}")
            idx = pos
        starts.append(idx)
        pos = idx + 1
    spans: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for i, a in enumerate(arts):
        end = starts[i + 1] if i + 1 < len(arts) else len(lines)
        seg = []
        for ln in lines[starts[i]:end]:
            if any(re.fullmatch(p, ln.strip()) for p in FURNITURE_TAIL):
                break
            if is_furniture(ln):
                continue
            for p in FURNITURE_INLINE:
                ln = re.sub(p, "", ln)
            seg.append(ln)
        spans[a["id"]] = "".join(seg)
        bodies[a["id"]] = "".join(seg[1:])  # after the headline line
    stats["body"] = sum(len(re.sub(r"\s", "", b)) for b in bodies.values())
    if not 450 <= stats["body"] <= 900:
        P.append(f"body has {stats['body']} characters, outside 450-900")

    for a in arts:
        aid, body = a["id"], bodies[a["id"]]
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P.append(f"{aid}: starts_with has {len(sw)} characters, not 12")
        k = body.find(sw) if sw else -1
        if k < 0:
            P.append(f"{aid}: starts_with not found: {sw}")
        else:
            prefix = body[:k]
            if len(prefix.strip()) > 60 or "。" in prefix:
                P.append(f"{aid}: starts_with is not where the body begins (prefix {prefix[:40]!r}...)")
        by = a.get("byline") or {}
        for rp in by.get("reporters") or []:
            if rp not in spans[aid]:
                P.append(f"{aid}: byline reporter {rp} not in the article")
        if by.get("place") and by["place"] not in spans[aid]:
            P.append(f"{aid}: byline place {by['place']} not in the article")
        d = by.get("date")
        if d:
            if isinstance(d, str):
                d = dt.date.fromisoformat(d)
            forms = [d.isoformat(), f"{d.month}月{d.day}日"]
            if not any(f in spans[aid] for f in forms):
                P.append(f"{aid}: byline date {d} not printed in the article")
        if a.get("kind") not in {"news", "editorial", "caption", "continuation", "sidebar", "brief"}:
            P.append(f"{aid}: unknown kind {a.get('kind')}")

    # ---- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    for e in ents:
        if e.get("type") not in TYPES:
            P.append(f"{e.get('name')}: unknown type {e.get('type')}")
        names = [e["name"]] + list(e.get("aliases") or [])
        for n in names:
            n = str(n)
            if n in by_name:
                P.append(f"name or alias {n} used twice")
            by_name[n] = e
            if flat(n) != n or n not in whole:
                P.append(f"{e['name']}: name or alias not in text: {n}")
        got = [aid for aid in ids if any(str(n) in spans[aid] for n in names)]
        want = list(e.get("articles") or [])
        if sorted(got) != sorted(want) or len(set(want)) != len(want):
            P.append(f"{e['name']}: articles {want} should be {got}")
        if e.get("title") is not None:
            P.append(f"{e['name']}: entities carry no title")

    # ---- relations
    def check_rel(r: dict, where: str, strict: bool):
        rel = r.get("rel")
        if rel not in RELS:
            P.append(f"{where}: unknown relation {rel}")
            return
        spec = RELS[rel]
        keys = set(r) - {"rel", "article"}
        missing = set(spec) - keys - OPTIONAL_ARGS
        if keys - set(spec) or missing:
            P.append(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
        if r.get("article") not in ids:
            P.append(f"{where}: {rel} has unknown article {r.get('article')}")
            return
        for arg, types in spec.items():
            v = r.get(arg)
            if types is None or v is None:
                continue
            v = str(v)
            e = by_name.get(v)
            if e is None:
                if strict:
                    P.append(f"{where}: {rel}.{arg} = {v} is not an entity name or alias")
                elif v not in whole:
                    P.append(f"{where}: {rel}.{arg} = {v} does not occur in the text")
                continue
            if strict and e["type"] not in types:
                P.append(f"{where}: {rel}.{arg} = {v} has type {e['type']}, expected {sorted(types)}")
            if strict and r["article"] not in (e.get("articles") or []):
                P.append(f"{where}: {rel}.{arg} = {v} does not occur in article {r['article']}")

    rels = g.get("relations") or []
    stats["rel_ann"] = len(rels)
    gold_keys = set()
    for r in rels:
        check_rel(r, "relations", True)
        if rel_key(r) in gold_keys:
            P.append(f"duplicate relation {r}")
        gold_keys.add(rel_key(r))
    for aid in ids:
        a = next(x for x in arts if x["id"] == aid)
        want = sorted((a.get("byline") or {}).get("reporters") or [])
        got = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == aid)
        if want != got:
            P.append(f"{aid}: reporter relations {got} != byline reporters {want}")

    # ---- uncertain
    for u in g.get("uncertain") or []:
        if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
            P.append(f"uncertain item malformed: {u}")
            continue
        it = u["item"][:40]
        if not isinstance(u["in_gold"], bool):
            P.append(f"uncertain {it}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if u["in_gold"] and n not in by_name:
                P.append(f"uncertain {it}: entity {n} is not in the gold")
            if not u["in_gold"] and n in by_name:
                P.append(f"uncertain {it}: rejected entity {n} is in the gold")
            if n not in whole:
                P.append(f"uncertain {it}: entity {n} does not occur in the text")
        for r in u.get("relations") or []:
            check_rel(r, f"uncertain {it}", bool(u["in_gold"]))
            if u["in_gold"] and rel_key(r) not in gold_keys:
                P.append(f"uncertain {it}: relation is not a copy of a gold relation: {r}")
            if not u["in_gold"] and rel_key(r) in gold_keys:
                P.append(f"uncertain {it}: rejected relation is in the gold: {r}")
        for r in u.get("also_accept") or []:
            check_rel(r, f"uncertain {it} (also_accept)", False)
            if rel_key(r) in gold_keys:
                P.append(f"uncertain {it}: also_accept answer is already gold: {r}")

    # ---- the reference scorer's loader
    try:
        gents, alias_to_key, grels, optional, _neutral = scorer.load_gold([yp])
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err!r}")
        return P, stats
    for k in optional:
        if k is not None and k not in gents and k not in alias_to_key:
            pass  # a rejected candidate entity: neutral, not a gold entity
    req = [k for k in gents if k not in optional]
    stats["ent_req"], stats["ent_opt"] = len(req), len(gents) - len(req)
    if len(gents) != len(ents):
        P.append(f"load_gold sees {len(gents)} entities, the file lists {len(ents)} (name collision?)")
    for name, tuples in grels.items():
        for tup in tuples:
            for x in tup:
                if name == "positions" and x is tup[2]:
                    continue
                if name == "awards" and x is tup[3]:
                    continue
                if x is not None and x not in gents:
                    P.append(f"load_gold: {name} argument {x} is not a gold entity")
    stats["rel_scored"] = sum(len(v) for v in grels.values())
    return P, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=REPO / ".." / "shared" / "gold" / "score.py",
                    help="reference score.py (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("files", nargs="*", type=Path, help="gold files (default: every *.yaml here)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("*.yaml"))
    tot = {"files": 0, "articles": 0, "body": 0, "ent_req": 0, "ent_opt": 0, "rel_ann": 0,
           "rel_scored": 0, "problems": 0}
    for yp in files:
        probs, st = check_file(yp, scorer)
        for p in probs:
            print(f"  {yp.name}: {p}")
        print(f"{yp.name}: {st['articles']} articles, body {st['body']} chars, entities "
              f"{st['ent_req'] + st['ent_opt']} ({st['ent_req']} required / {st['ent_opt']} optional), "
              f"relations {st['rel_ann']} annotated / {st['rel_scored']} scored, {len(probs)} problems")
        tot["files"] += 1
        tot["problems"] += len(probs)
        for k in st:
            tot[k] += st[k]
    print(f"TOTAL: {tot['files']} files, {tot['articles']} articles, body {tot['body']} chars, entities "
          f"{tot['ent_req'] + tot['ent_opt']} ({tot['ent_req']} required / {tot['ent_opt']} optional), "
          f"relations {tot['rel_ann']} annotated / {tot['rel_scored']} scored, {tot['problems']} problems"
          f" -> {'OK' if tot['problems'] == 0 else 'FAIL'}")
    return 0 if tot["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
