#!/usr/bin/env python3
"""Check the heldout49 gold files (ps*.yaml) against their texts.

Usage (from the repository root):
    python benchmarks/heldout49/check_gold.py [--scorer PATH] [--stats] [FILE.yaml ...]

Checks, for every gold file:
  - the file loads with `load_gold` of the reference scorer (--scorer, default
    ../shared/gold/score.py relative to the repository root);
  - `source` exists; every article title occurs in the text; `starts_with` occurs after the title,
    is 12 characters long, and articles appear in page order;
  - bylines: place and reporters occur in the article, the date occurs on the page
    (YYYY-MM-DD, YYYY年M月D日 or M月D日), reporter relations equal the byline reporters;
  - every entity name and alias is a substring of the text with line breaks removed, types are
    from the schema, no name or alias belongs to two entities;
  - `articles` lists: an entity is in an article iff its name or an alias occurs in the article's
    text (nested occurrences count); page furniture (FURNITURE_LINES / FURNITURE_BLOCKS) is
    excluded;
  - relations: known relation names, required arguments, argument entity types, arguments are
    canonical entity names that occur in the relation's article;
  - uncertain: each item has item / in_gold / decision / why; in_gold items name gold entities and
    copy gold relations exactly; in_gold: false candidates and also_accept answers are not gold
    relations, and their names occur in the text;
  - body length (characters without white space, from `starts_with` to the end of each article,
    furniture excluded) is 450-900.
Prints one line per file and a total line; exit 0 iff no problem is found.
Needs PyYAML; OpenCC is not needed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
ANY = TYPES
# relation -> {argument: allowed types}; None = free value
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": ANY, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}

# Page furniture: whole lines, and blocks running to the end of the page.
FURNITURE_LINES = [
    r".*\s>\s.*",                          # breadcrumbs: 首页 > 新闻频道 > 新闻联播
    r"\d{4}年\d{1,2}月\d{1,2}日\s*(\d{1,2}:\d{2}|星期).*",  # time / share line, paper date line
    r"(来源|來源)[：:].*",                   # 来源：央视网
    r"(发布时间|發布時間)[：:].*",            # 发布时间：... 来源：... 浏览次数：...
    r"【字体[：:].*",                         # 【字体：大 中 小】【打印本页】【关闭窗口】
    r"\+?\s*关注",                            # follow button
    r"▶\s*\d{1,2}:\d{2}",                     # video duration
    r"\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}.*",     # post time and place
    r"👍.*",                                   # like / comment / share counts
]
FURNITURE_BLOCKS = [
    r"^相关新闻\s*$.*\Z",                      # related-news list at the bottom
    r"^全部评论.*\Z",                           # user comments with handles and IP属地 tags
]


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def clean(text: str) -> str:
    """The page text without furniture, line breaks kept."""
    for b in FURNITURE_BLOCKS:
        text = re.sub(b, "", text, flags=re.M | re.S)
    lines = text.split("\n")
    keep = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if any(re.fullmatch(p, s) for p in FURNITURE_LINES):
            continue
        if re.fullmatch(FURNITURE_LINES[5], nxt) and s:  # an account name above the follow button
            continue
        keep.append(ln)
    return "\n".join(keep)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def date_forms(d) -> list[str]:
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return [d.isoformat(), f"{d.year}年{d.month}月{d.day}日", f"{d.month}月{d.day}日"]


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(path: Path, scorer, stats: dict) -> list[str]:
    P: list[str] = []
    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    for k in ("source", "articles", "entities", "relations"):
        if k not in g:
            P.append(f"missing key {k}")
    src = path.parent / g.get("source", "")
    if not src.is_file():
        return P + [f"source {src.name} not found"]
    raw = src.read_text(encoding="utf-8")
    full = flat(raw)
    body_txt = flat(clean(raw))

    # -- articles: segment the cleaned page by titles (or starts_with) in page order
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    starts, pos = [], 0
    for a in arts:
        anchor = a.get("title") or a.get("starts_with")
        if a.get("title") and a["title"] not in full:
            P.append(f"{a['id']}: title not in text: {a['title']}")
        i = body_txt.find(anchor, pos) if anchor else -1
        if i < 0:
            P.append(f"{a['id']}: title/anchor not found in page order in the cleaned text")
            i = pos
        starts.append(i)
        pos = i + 1
    starts[0:1] = [0] if starts else []
    spans = {}
    for n, a in enumerate(arts):
        end = starts[n + 1] if n + 1 < len(arts) else len(body_txt)
        spans[a["id"]] = body_txt[starts[n]:end]
    body_len = 0
    for a in arts:
        t, sw = spans[a["id"]], a.get("starts_with") or ""
        after = len(a["title"]) if a.get("title") and t.find(a["title"]) >= 0 else 0
        j = t.find(sw, t.find(a["title"]) + after if after else 0) if sw else -1
        if len(sw) != 12:
            P.append(f"{a['id']}: starts_with is not 12 characters: {sw!r}")
        if j < 0:
            P.append(f"{a['id']}: starts_with not found after the title: {sw!r}")
        else:
            body_len += len(re.sub(r"\s", "", t[j:]))
        by = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                P.append(f"{a['id']}: byline lacks {k}")
        if by.get("place") and by["place"] not in t:
            P.append(f"{a['id']}: byline place {by['place']} not in the article")
        if by.get("date") and not any(f in raw for f in date_forms(by["date"])):
            P.append(f"{a['id']}: byline date {by['date']} not on the page")
        for r in by.get("reporters") or []:
            if r not in t:
                P.append(f"{a['id']}: reporter {r} not in the article")
        rep = {r["person"] for r in g.get("relations") or [] if r.get("rel") == "reporter" and r.get("article") == a["id"]}
        if rep != set(by.get("reporters") or []):
            P.append(f"{a['id']}: reporter relations {sorted(rep)} != byline reporters {by.get('reporters')}")
    if not 450 <= body_len <= 900:
        P.append(f"body length {body_len} outside 450-900")

    # -- entities
    ents = {}
    owner = {}
    for e in g.get("entities") or []:
        nm = e.get("name")
        if nm in ents:
            P.append(f"duplicate entity {nm}")
        ents[nm] = e
        if e.get("type") not in TYPES:
            P.append(f"{nm}: unknown type {e.get('type')}")
        names = [nm] + list(e.get("aliases") or [])
        for n in names:
            if not isinstance(n, str) or n not in full:
                P.append(f"{nm}: name/alias not in text: {n!r}")
            if n in owner and owner[n] != nm:
                P.append(f"{n!r} is a name of both {owner[n]} and {nm}")
            owner[n] = nm
        want = [a["id"] for a in arts if any(n in spans[a["id"]] for n in names)]
        if list(e.get("articles") or []) != want:
            P.append(f"{nm}: articles {e.get('articles')} != computed {want}")

    def occurs(name, art):
        e = ents[name]
        return any(n in spans.get(art, "") for n in [name] + list(e.get("aliases") or []))

    # -- relations
    def check_rel(r, where, must_be_entities=True):
        rel = r.get("rel")
        if rel not in SHAPES:
            P.append(f"{where}: unknown relation {rel}")
            return
        if r.get("article") not in spans:
            P.append(f"{where}: {rel} has unknown article {r.get('article')}")
        extra = set(r) - set(SHAPES[rel]) - {"rel", "article"}
        if extra:
            P.append(f"{where}: {rel} has unknown arguments {sorted(extra)}")
        for arg, allowed in SHAPES[rel].items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS:
                    P.append(f"{where}: {rel} lacks {arg}")
                continue
            if allowed is None:
                if arg == "title" and str(v) not in full:
                    P.append(f"{where}: title {v!r} not in text")
                if arg == "year" and str(v) not in full:
                    P.append(f"{where}: year {v} not in text")
                continue
            if v in ents:
                if ents[v]["type"] not in allowed:
                    P.append(f"{where}: {rel}.{arg} {v} has type {ents[v]['type']}, expected {sorted(allowed)}")
                if r.get("article") in spans and not occurs(v, r["article"]):
                    P.append(f"{where}: {rel}.{arg} {v} does not occur in {r['article']}")
            elif must_be_entities:
                P.append(f"{where}: {rel}.{arg} {v!r} is not an entity name")
            elif str(v) not in full:
                P.append(f"{where}: {rel}.{arg} {v!r} not in text")

    gold_rels = set()
    for r in g.get("relations") or []:
        check_rel(r, "relations")
        k = rel_key(r)
        if k in gold_rels:
            P.append(f"duplicate relation {r}")
        gold_rels.add(k)

    # -- uncertain
    opt_ents = set()
    for u in g.get("uncertain") or []:
        it = str(u.get("item", "?"))[:40]
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P.append(f"uncertain {it}: lacks {k}")
        ing = u.get("in_gold")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                P.append(f"uncertain {it}: {n} is not a gold entity")
            if not ing and n in ents:
                P.append(f"uncertain {it}: rejected {n} is a gold entity")
            if n not in full:
                P.append(f"uncertain {it}: {n} not in text")
            if ing and not it.startswith(("aliases", "segment")):
                opt_ents.add(n)
        for r in u.get("relations") or []:
            if ing and rel_key(r) not in gold_rels:
                P.append(f"uncertain {it}: relation not copied from gold: {r}")
            if not ing and rel_key(r) in gold_rels:
                P.append(f"uncertain {it}: rejected relation is in gold: {r}")
            check_rel(r, f"uncertain {it}", must_be_entities=bool(ing))
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rels:
                P.append(f"uncertain {it}: also_accept relation is in gold: {r}")
            check_rel(r, f"uncertain {it} also_accept", must_be_entities=False)

    # -- the reference scorer's loader
    try:
        gents, _alias, grels, gopt, _neutral = scorer.load_gold([path])
        n_scored = sum(len(v) for v in grels.values())
        n_opt = sum(1 for k in gents if k in gopt)
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err}")
        n_scored, n_opt, gents = 0, 0, {}
    n_ent = len(ents)
    stats[path.name] = {
        "articles": len(arts), "body": body_len, "entities": n_ent, "optional": n_opt,
        "required": n_ent - n_opt, "relations": len(g.get("relations") or []), "scored": n_scored,
        "by_type": Counter(e["type"] for e in ents.values()),
        "by_rel": Counter(r["rel"] for r in g.get("relations") or []),
    }
    return P


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("--stats", action="store_true", help="print entity and relation counts by type")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("ps*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    try:
        scorer = load_scorer(a.scorer.resolve())
    except Exception as err:  # noqa: BLE001
        print(f"cannot load the scorer {a.scorer}: {err}")
        return 2
    stats: dict = {}
    total = 0
    for f in files:
        probs = check_file(f, scorer, stats)
        total += len(probs)
        s = stats.get(f.name, {})
        print(f"{f.name}: {s.get('articles', 0)} articles, body {s.get('body', 0)} chars, "
              f"{s.get('entities', 0)} entities ({s.get('required', 0)} req / {s.get('optional', 0)} opt), "
              f"{s.get('relations', 0)} relations ({s.get('scored', 0)} scored tuples), {len(probs)} problems")
        for p in probs:
            print(f"  - {p}")
    if a.stats:
        ts = sorted({t for s in stats.values() for t in s["by_type"]})
        rs = sorted({t for s in stats.values() for t in s["by_rel"]})
        print("entities by type: " + "; ".join(f"{t} " + "/".join(str(stats[f.name]['by_type'][t]) for f in files) for t in ts))
        print("relations by type: " + "; ".join(f"{t} " + "/".join(str(stats[f.name]['by_rel'][t]) for f in files) for t in rs))
    E = sum(s["entities"] for s in stats.values())
    O = sum(s["optional"] for s in stats.values())
    R = sum(s["relations"] for s in stats.values())
    S = sum(s["scored"] for s in stats.values())
    print(f"TOTAL: {len(files)} files, {sum(s['articles'] for s in stats.values())} articles, "
          f"{E} entities ({E - O} req / {O} opt), {R} relations ({S} scored tuples), "
          f"{total} problems -> {'OK' if total == 0 else 'FAIL'}")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
