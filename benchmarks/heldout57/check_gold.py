#!/usr/bin/env python3
"""Check the heldout57 gold files (qa*.yaml) against their texts (qa*.txt).

Self-contained: Python 3 + PyYAML (OpenCC optional, used only by the reference scorer).
Checks, for every qaN.yaml next to this script:
  - the file loads with `load_gold` of the reference scorer (--scorer, default
    ../shared/gold/score.py relative to the repository root);
  - the yaml keys follow the seed schema (source, articles, entities, relations, uncertain);
  - every entity name and alias is a substring of the text with line breaks removed, and no
    name or alias belongs to two entities;
  - each entity's `articles` equals the set of articles whose text (headline, byline, body)
    contains the name or an alias, nested occurrences included; page furniture (the lines
    matched by FURNITURE below, and everything after a related-links marker) belongs to no
    article;
  - headlines occur as lines of the text, `starts_with` is 12 characters and begins the body
    right after the headline and the byline, byline reporters / place / date occur in the
    article, and each article's body is counted;
  - relation argument shapes and types, argument names are canonical entity names that occur
    in the relation's article, no duplicate relations;
  - `reporter` relations of an article = its byline reporters;
  - `uncertain`: in_gold true items name gold entities and copy gold relations exactly;
    in_gold false candidates and also_accept answers are not gold relations; a required
    relation is never neutralised by an optional one (the scorer compares some relations on
    one argument only);
  - the body of each text (non-white-space characters outside furniture) has 450-900 characters.
Prints per-file and total counts; exit status 0 iff no problem is found.

Usage (from the repository root):  python benchmarks/heldout57/check_gold.py [--scorer PATH]
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
ROOT = HERE.parent.parent

# Page furniture: newspaper name lines, page/date headers, navigation, breadcrumbs, QR prompts.
FURNITURE = [re.compile(p) for p in (
    r"^(解放日报|钱江晚报|香港經濟日報 hket\.com|钱江晚报·小时新闻)$",
    r"^\d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]$",
    r"^第\d+版：",
    r"^A\d+ ",
    r"(上一版|下一版|上一篇|下一篇|返回目录)",
    r"^主頁 > ",
    r"^扫码看",
)]
# a related-links block: this line and every line after it are furniture
TAIL_MARKERS = [re.compile(r"^(相關文章|延伸閱讀)")]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
ANY = set(TYPES)
# relation -> {argument: allowed types}; None in a set means the argument may be null
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": "str"},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory", None}, "year": "year"},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": ANY - {"Person"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"} | ORG, "event": {"Event"}},
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def is_furniture(line: str) -> bool:
    return any(p.search(line.strip()) for p in FURNITURE)


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the lines that are not furniture."""
    out, tail = [], False
    for i, line in enumerate(text.split("\n")):
        if any(p.search(line.strip()) for p in TAIL_MARKERS):
            tail = True
        if tail or is_furniture(line):
            continue
        out.append((i, line))
    return out


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(yp: Path, scorer, counts: dict) -> list[str]:
    probs: list[str] = []
    P = probs.append
    try:
        g = yaml.safe_load(yp.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        P(f"not valid YAML: {str(e).splitlines()[0]}")
        return probs
    if set(g) - {"source", "articles", "entities", "relations", "uncertain"}:
        P(f"unknown top-level keys {set(g) - {'source', 'articles', 'entities', 'relations', 'uncertain'}}")
    tp = yp.with_name(g.get("source", ""))
    if g.get("source") != yp.with_suffix(".txt").name or not tp.exists():
        P(f"source {g.get('source')!r} is not {yp.with_suffix('.txt').name}")
        return probs
    text = tp.read_text(encoding="utf-8")
    flat = text.replace("\n", "")
    try:
        scorer.load_gold([yp])
    except Exception as e:  # noqa: BLE001
        P(f"load_gold failed: {e!r}")

    # ---------------------------------------------------------------- articles
    lines = content_lines(text)
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    anchors = []
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P(f"{a.get('id')}: missing key {k}")
        t, sw = a.get("title"), a.get("starts_with") or ""
        pos = None
        for j, (_, line) in enumerate(lines):
            if t and line.strip() == t:
                pos = j
                break
            if not t and line.strip().startswith(sw):
                pos = j
                break
        if pos is None:
            P(f"{a['id']}: headline {t!r} not found as a line" if t else f"{a['id']}: no line starts with {sw!r}")
        anchors.append(pos)
    if any(x is None for x in anchors):
        return probs
    if anchors != sorted(anchors):
        P("articles are not in page order")
    spans = {}
    for n, a in enumerate(arts):
        end = anchors[n + 1] if n + 1 < len(arts) else len(lines)
        spans[a["id"]] = "".join(line for _, line in lines[anchors[n]:end])
    body_chars = sum(len("".join(line.split())) for _, line in lines)
    if not 450 <= body_chars <= 900:
        P(f"body has {body_chars} characters (450-900 wanted)")
    for a in arts:
        s, t, sw = spans[a["id"]], a.get("title"), a.get("starts_with") or ""
        rest = s[len(t):] if t else s
        if len(sw) != 12:
            P(f"{a['id']}: starts_with {sw!r} has {len(sw)} characters, not 12")
        i = rest.find(sw)
        if i < 0:
            P(f"{a['id']}: starts_with {sw!r} not in the article")
        else:
            prefix = rest[:i]
            if len(prefix) > 45 or "。" in prefix:
                P(f"{a['id']}: starts_with is not at the start of the body (prefix {prefix!r})")
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            P(f"{a['id']}: byline keys {sorted(b)}")
        for r in b.get("reporters") or []:
            if r not in s:
                P(f"{a['id']}: byline reporter {r} not in the article")
        if b.get("place") and b["place"] not in s:
            P(f"{a['id']}: byline place {b['place']} not in the article")
        if b.get("date"):
            d = b["date"] if isinstance(b["date"], dt.date) else dt.date.fromisoformat(str(b["date"]))
            if f"{d.month}月{d.day}日" not in s and f"{d.month}月{d.day:02d}日" not in s:
                P(f"{a['id']}: byline date {d} not in the article")

    # ---------------------------------------------------------------- entities
    ents = {}
    seen_names = {}
    for e in g.get("entities") or []:
        n = e["name"]
        if e.get("type") not in TYPES:
            P(f"{n}: bad type {e.get('type')}")
        if n in ents:
            P(f"duplicate entity {n}")
        ents[n] = e
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            if not isinstance(x, str) or x not in flat:
                P(f"{n}: name/alias {x!r} not in the text")
            k = scorer.norm(x)
            if k in seen_names and seen_names[k] != n:
                P(f"{x!r} is a name of both {seen_names[k]} and {n}")
            seen_names[k] = n
        want = sorted(aid for aid in ids if any(x in spans[aid] for x in names))
        got = sorted(e.get("articles") or [])
        if want != got:
            P(f"{n}: articles {got} should be {want}")

    # ---------------------------------------------------------------- relations
    rels = g.get("relations") or []
    keys = [rel_key(r) for r in rels]
    if len(set(keys)) != len(keys):
        P("duplicate relations")

    def check_rel(r: dict, where: str, strict_article: bool = True):
        shape = SHAPES.get(r.get("rel"))
        if shape is None:
            P(f"{where}: unknown relation {r.get('rel')}")
            return
        if set(r) != set(shape) | {"rel", "article"}:
            P(f"{where}: {r['rel']} has keys {sorted(set(r) - {'rel'})}")
        aid = r.get("article")
        if aid not in spans:
            P(f"{where}: unknown article {aid}")
            return
        for arg, allowed in shape.items():
            v = r.get(arg)
            if allowed == "str":
                if not isinstance(v, str) or not v or v not in spans[aid]:
                    P(f"{where}: {r['rel']} {arg} {v!r} not in article {aid}")
                continue
            if allowed == "year":
                if v is not None and not (isinstance(v, int) and 1990 <= v <= 2030):
                    P(f"{where}: bad year {v!r}")
                continue
            if v is None:
                if None not in allowed:
                    P(f"{where}: {r['rel']} {arg} is null")
                continue
            e = ents.get(v)
            if e is None:
                P(f"{where}: {r['rel']} {arg} {v!r} is not a canonical entity name")
                continue
            if e["type"] not in allowed:
                P(f"{where}: {r['rel']} {arg} {v} has type {e['type']}")
            if strict_article and aid not in (e.get("articles") or []):
                P(f"{where}: {v} does not occur in article {aid}")

    for r in rels:
        check_rel(r, "relation")
    for a in arts:
        want = sorted((a.get("byline") or {}).get("reporters") or [])
        got = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if want != got:
            P(f"{a['id']}: reporter relations {got} != byline reporters {want}")

    # ---------------------------------------------------------------- uncertain
    rel_set = set(keys)
    optional_ents, optional_rels, neutral = set(), set(), set()
    for u in g.get("uncertain") or []:
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P(f"uncertain {u.get('item')!r}: missing {k}")
        for n in u.get("entities") or []:
            if (n in ents) != bool(u.get("in_gold")):
                P(f"uncertain {u.get('item')!r}: entity {n} {'missing from' if u.get('in_gold') else 'present in'} entities")
            if u.get("in_gold") and not str(u.get("item", "")).startswith(("aliases", "segment")):
                optional_ents.add(n)
        for r in u.get("relations") or []:
            k = rel_key(r)
            if u.get("in_gold"):
                if k not in rel_set:
                    P(f"uncertain {u.get('item')!r}: relation {r} is not a copy of a gold relation")
                optional_rels.add(k)
            else:
                if k in rel_set:
                    P(f"uncertain {u.get('item')!r}: rejected relation {r} is in relations")
                check_rel(r, f"uncertain {u.get('item')!r}", strict_article=False)
            neutral.add(k)
        for r in u.get("also_accept") or []:
            if rel_key(r) in rel_set:
                P(f"uncertain {u.get('item')!r}: also_accept {r} is a gold relation")
            check_rel(r, f"uncertain {u.get('item')!r} also_accept", strict_article=False)

    # a required relation must keep its scored tuple after the scorer removes neutral tuples
    from collections import defaultdict
    alias_of = {}
    for n, e in ents.items():
        for x in [n] + list(e.get("aliases") or []):
            alias_of[scorer.norm(x)] = scorer.norm(n)

    def _canon(n):
        k = scorer.norm(n)
        return alias_of.get(k, k)
    neutral_t = defaultdict(set)
    for u in g.get("uncertain") or []:
        for r in (u.get("relations") or []) + (u.get("also_accept") or []):
            scorer._add_rel(neutral_t, r, lambda n: None if n is None else _canon(n))
    scored_required = 0
    for r, k in zip(rels, keys):
        if r.get("rel") not in SCORED or k in optional_rels:
            continue
        t = defaultdict(set)
        scorer._add_rel(t, r, lambda n: None if n is None else _canon(n))
        for name, tuples in t.items():
            if tuples & neutral_t.get(name, set()):
                P(f"required relation {r} is neutralised by an uncertain item")
        scored_required += 1

    req = [n for n in ents if n not in optional_ents]
    counts.update(articles=len(arts), body=body_chars, ents=len(ents), ents_req=len(req),
                  ents_opt=len(ents) - len(req), rels=len(rels),
                  rels_scored=sum(1 for r in rels if r.get("rel") in SCORED),
                  rels_scored_req=scored_required,
                  uncertain=len(g.get("uncertain") or []))
    return probs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = sorted(HERE.glob("qa*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    total_probs = 0
    tot = {}
    for yp in files:
        c: dict = {}
        probs = check_file(yp, scorer, c)
        for k, v in c.items():
            tot[k] = tot.get(k, 0) + v
        print(f"{yp.name}: {c.get('articles', 0)} articles, body {c.get('body', 0)} chars, "
              f"entities {c.get('ents', 0)} ({c.get('ents_req', 0)} required / {c.get('ents_opt', 0)} optional), "
              f"relations {c.get('rels', 0)} ({c.get('rels_scored', 0)} of scored types, "
              f"{c.get('rels_scored_req', 0)} required), uncertain {c.get('uncertain', 0)}: "
              f"{'OK' if not probs else f'{len(probs)} problem(s)'}")
        for p in probs:
            print("   -", p)
        total_probs += len(probs)
    try:
        scorer.load_gold(files)
    except Exception as e:  # noqa: BLE001
        print(f"load_gold of all files failed: {e!r}")
        total_probs += 1
    print(f"TOTAL {len(files)} files: {tot.get('articles', 0)} articles, entities {tot.get('ents', 0)} "
          f"({tot.get('ents_req', 0)} required / {tot.get('ents_opt', 0)} optional), relations {tot.get('rels', 0)} "
          f"({tot.get('rels_scored', 0)} of scored types, {tot.get('rels_scored_req', 0)} required); "
          f"{total_probs} problem(s)")
    return 0 if total_probs == 0 and files else 1


if __name__ == "__main__":
    sys.exit(main())
