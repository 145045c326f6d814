#!/usr/bin/env python3
"""Check the heldout37 gold files against their texts.

For every pgN.yaml next to this script (or the files given on the command line) with its text
pgN.txt, check that
  - every headline (and sub-headline) is a line of the text, and the articles are in page order;
  - `starts_with` is the first 12 characters of the body (after headline, sub-headline and byline
    lines, page furniture skipped, line breaks removed), and the body has 450-900 characters;
  - the byline's reporters, date and place occur in the byline line ("原创 ..." / "□ ...");
  - every entity has a known type, its name and aliases are exact substrings of the article text
    (line breaks removed), no name or alias is used twice, and its `articles` list is exactly the set
    of articles whose text contains the name or an alias, nested occurrences included;
  - every relation has a known name, the argument keys of its kind, canonical entity names of the
    right types, and an article in which those entities occur;
  - the `reporter` relations of each article are exactly its byline reporters;
  - `uncertain` items are consistent: in_gold items list gold entities and exact copies of gold
    relations; also_accept answers and rejected candidates are not gold relations; rejected
    entities are not gold entities and occur in the text;
  - the file loads with `load_gold` of the reference scorer (--scorer), which resolves every
    scored relation to gold entities.
Page furniture (lines that belong to no article) is defined by FURNITURE below; lines above the
first headline are furniture too.

Usage (from the repository root):
    python benchmarks/heldout37/check_gold.py [--scorer ../shared/gold/score.py] [pgN.yaml ...]
Prints per-file and total counts; exit status 0 iff no problem is found.
Needs PyYAML; OpenCC is optional (used by the scorer's normalisation when installed).
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
REPO = HERE.parent.parent

# Lines that are page furniture: they belong to no article and are skipped in article texts.
FURNITURE = [re.compile(p) for p in (
    r"^点击蓝字",                 # WeChat: "点击蓝字 关注我们"
    r"^\[图片\]$",               # WeChat: image placeholder (the ▲ caption below it is article text)
    r"^往期推荐$",               # WeChat: "往期推荐" block ...
    r"^▶",                       # ... and its linked headlines
    r"^阅读原文$",               # WeChat: footer
    r"^分享\s+收藏",             # WeChat: "分享 收藏 点赞 在看"
    r"^光明日报\s+\d{4}年",      # newspaper page header ("光明日报 2022年11月15日 星期二 第11版 理论")
)]
# Lines between a headline and its body: sub-headline, byline, author line.
HEADER = [re.compile(p) for p in (r"^——", r"^原创\s", r"^□\s")]
BYLINE = [re.compile(p) for p in (r"^原创\s", r"^□\s")]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
ANY = TYPES
# relation -> {argument: allowed types (None = free text / year)}; `rel` and `article` always present
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": ANY, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative", "Award"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
OPTIONAL_ARGS = {"receivedAward": {"category", "year"}}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}


def is_furniture(line: str) -> bool:
    s = line.strip()
    return any(p.search(s) for p in FURNITURE)


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave the scorer's directory untouched
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def segment(lines: list[str], arts: list[dict], problems: list[str]):
    """Article spans by headline lines: (texts, bodies, byline lines) keyed by article id."""
    stripped = [ln.strip() for ln in lines]
    starts = []
    for a in arts:
        t = a.get("title")
        idx = [i for i, s in enumerate(stripped) if t and s == str(t).strip()]
        if not idx:
            problems.append(f"{a['id']}: headline not found as a line: {t!r}")
            starts.append(None)
            continue
        starts.append(idx[0])
    known = [s for s in starts if s is not None]
    if known != sorted(known):
        problems.append("articles are not in page order")
    texts, bodies, bylines = {}, {}, {}
    for n, a in enumerate(arts):
        s = starts[n]
        if s is None:
            texts[a["id"]] = bodies[a["id"]] = bylines[a["id"]] = ""
            continue
        e = min([x for x in starts[n + 1:] if x is not None] + [len(lines)])
        span = [ln for ln in lines[s:e] if not is_furniture(ln)]
        texts[a["id"]] = "".join(ln.rstrip("\n") for ln in span)
        body, i = [], 1
        byl = ""
        while i < len(span) and (not span[i].strip() or any(p.search(span[i].strip()) for p in HEADER)):
            st = span[i].strip()
            if any(p.search(st) for p in BYLINE):
                byl = st
            if st.startswith("——") and a.get("subtitle") and st != str(a["subtitle"]).strip():
                problems.append(f"{a['id']}: sub-headline differs: {st!r}")
            i += 1
        body = span[i:]
        bodies[a["id"]] = "".join(ln.rstrip("\n") for ln in body)
        bylines[a["id"]] = byl
    return texts, bodies, bylines


def check_file(ypath: Path, scorer) -> tuple[list[str], dict]:
    problems: list[str] = []
    tpath = ypath.with_suffix(".txt")
    g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    raw = tpath.read_text(encoding="utf-8")
    lines = raw.splitlines()
    flat = raw.replace("\r", "").replace("\n", "")
    if g.get("source") != tpath.name:
        problems.append(f"source is {g.get('source')!r}, expected {tpath.name!r}")

    # ---------------------------------------------------------------- articles
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        problems.append("duplicate article ids")
    texts, bodies, bylines = segment(lines, arts, problems)
    body_len = {}
    for a in arts:
        aid = a["id"]
        body = bodies[aid]
        if a.get("subtitle") and str(a["subtitle"]).strip() not in [ln.strip() for ln in lines]:
            problems.append(f"{aid}: sub-headline not found: {a['subtitle']!r}")
        sw = a.get("starts_with")
        if sw is None or body[:12] != str(sw):
            problems.append(f"{aid}: starts_with {sw!r} but the body begins {body[:12]!r}")
        n = len(re.sub(r"\s", "", body))
        body_len[aid] = n
        b = a.get("byline") or {}
        byl = bylines[aid]
        reps = b.get("reporters") or []
        for r in reps:
            if r not in byl:
                problems.append(f"{aid}: byline reporter {r!r} not in the byline line {byl!r}")
        if b.get("date") is not None and str(b["date"]) not in byl:
            problems.append(f"{aid}: byline date {b['date']} not in the byline line {byl!r}")
        if b.get("place") is not None and str(b["place"]) not in byl:
            problems.append(f"{aid}: byline place {b['place']!r} not in the byline line {byl!r}")
    total_body = sum(body_len.values())
    if not 450 <= total_body <= 900:
        problems.append(f"body has {total_body} characters (expected 450-900)")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_forms: dict[str, str] = {}
    for e in ents:
        nm = e.get("name")
        if e.get("type") not in TYPES:
            problems.append(f"entity {nm!r}: unknown type {e.get('type')!r}")
        if nm in by_name:
            problems.append(f"entity {nm!r} listed twice")
        by_name[nm] = e
        forms = [nm] + list(e.get("aliases") or [])
        for f in forms:
            f = str(f)
            if f in seen_forms and seen_forms[f] != nm:
                problems.append(f"form {f!r} used by {seen_forms[f]!r} and {nm!r}")
            seen_forms[f] = nm
            if f not in flat:
                problems.append(f"entity {nm!r}: {f!r} does not occur in the text")
        computed = [aid for aid in ids if any(str(f) in texts[aid] for f in forms)]
        listed = list(e.get("articles") or [])
        if not computed:
            problems.append(f"entity {nm!r} occurs in no article (only in furniture?)")
        if sorted(listed) != sorted(computed):
            problems.append(f"entity {nm!r}: articles {listed} but occurs in {computed}")

    # ---------------------------------------------------------------- relations
    rels = g.get("relations") or []
    gold_keys = set()
    for r in rels:
        kind = r.get("rel")
        spec = REL_ARGS.get(kind)
        if spec is None:
            problems.append(f"unknown relation {kind!r}")
            continue
        k = rel_key(r)
        if k in gold_keys:
            problems.append(f"duplicate relation {r}")
        gold_keys.add(k)
        keys = set(r) - {"rel", "article"}
        if "article" not in r or r["article"] not in ids:
            problems.append(f"{kind}: bad article in {r}")
        need = set(spec) - OPTIONAL_ARGS.get(kind, set())
        if not need <= keys <= set(spec):
            problems.append(f"{kind}: arguments {sorted(keys)} (expected {sorted(spec)}) in {r}")
        for arg, types in spec.items():
            v = r.get(arg)
            if types is None:
                if arg == "title" and not v:
                    problems.append(f"{kind}: empty title in {r}")
                if arg == "year" and v is not None and not (isinstance(v, int) and 1990 < v < 2100):
                    problems.append(f"{kind}: bad year in {r}")
                continue
            if v is None:
                if arg not in OPTIONAL_ARGS.get(kind, set()):
                    problems.append(f"{kind}: missing {arg} in {r}")
                continue
            e = by_name.get(v)
            if e is None:
                problems.append(f"{kind}: {arg} {v!r} is not a canonical entity name")
                continue
            if e.get("type") not in types:
                problems.append(f"{kind}: {arg} {v!r} has type {e.get('type')} (allowed {sorted(types)})")
            if r.get("article") not in (e.get("articles") or []):
                problems.append(f"{kind}: {v!r} does not occur in article {r.get('article')}")
        if kind == "holdsPosition" and r.get("title") and str(r["title"]) not in flat:
            problems.append(f"holdsPosition: title {r['title']!r} does not occur in the text")
    for a in arts:
        reps = sorted((a.get("byline") or {}).get("reporters") or [])
        rr = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if reps != rr:
            problems.append(f"{a['id']}: reporter relations {rr} differ from byline reporters {reps}")

    # ---------------------------------------------------------------- uncertain
    unc = g.get("uncertain") or []
    opt_names = set()
    for u in unc:
        if not isinstance(u, dict):
            problems.append(f"uncertain item is not a mapping: {u!r}")
            continue
        label = str(u.get("item", ""))[:50]
        for f in ("item", "in_gold", "decision", "why"):
            if f not in u:
                problems.append(f"uncertain {label!r}: no {f}")
        ig = u.get("in_gold")
        if not isinstance(ig, bool):
            problems.append(f"uncertain {label!r}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if ig:
                if n not in by_name:
                    problems.append(f"uncertain {label!r}: {n!r} is not a gold entity")
                elif not label.startswith(("aliases", "segment")):
                    opt_names.add(n)
                if label.startswith("aliases") and n in by_name and not by_name[n].get("aliases"):
                    problems.append(f"uncertain {label!r}: {n!r} has no aliases")
            else:
                if n in by_name:
                    problems.append(f"uncertain {label!r}: rejected entity {n!r} is a gold entity")
                if str(n) not in flat:
                    problems.append(f"uncertain {label!r}: rejected entity {n!r} does not occur in the text")
        for r in u.get("relations") or []:
            if r.get("rel") not in REL_ARGS:
                problems.append(f"uncertain {label!r}: unknown relation {r}")
            if ig and rel_key(r) not in gold_keys:
                problems.append(f"uncertain {label!r}: relation is not a copy of a gold relation: {r}")
            if not ig and rel_key(r) in gold_keys:
                problems.append(f"uncertain {label!r}: rejected relation is in the gold: {r}")
        for r in u.get("also_accept") or []:
            if r.get("rel") not in REL_ARGS:
                problems.append(f"uncertain {label!r}: unknown relation {r}")
            if rel_key(r) in gold_keys:
                problems.append(f"uncertain {label!r}: also_accept answer is in the gold: {r}")
        for r in (u.get("relations") or []) + (u.get("also_accept") or []):
            for arg, v in r.items():
                if arg in ("rel", "article", "title", "year") or v is None:
                    continue
                if v not in by_name and str(v) not in flat:
                    problems.append(f"uncertain {label!r}: {arg} {v!r} does not occur in the text")

    # ---------------------------------------------------------------- reference scorer
    stats = {"articles": len(arts), "body": total_body, "entities": len(ents),
             "optional": len(opt_names), "relations": len(rels), "scored": 0, "required": 0}
    try:
        gents, alias_to_key, grels, optional, neutral = scorer.load_gold([ypath])
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold failed: {err!r}")
        return problems, stats
    if len(gents) != len(ents):
        problems.append(f"load_gold sees {len(gents)} entities, the file lists {len(ents)} "
                        "(two names normalise alike?)")
    for kind, tuples in grels.items():
        for t in tuples:
            for x in t:
                if kind == "positions" and x is t[2]:
                    continue
                if kind == "awards" and (x is t[3]):
                    continue
                if x is not None and x not in gents:
                    problems.append(f"load_gold: {kind} {t} refers to {x!r}, not a gold entity")
    opt_keys = {scorer.norm(n) for n in opt_names}
    if not opt_keys <= set(optional):
        problems.append("load_gold: optional entities differ from the in_gold uncertain items")
    stats["optional"] = len(set(gents) & set(optional))
    stats["scored"] = sum(1 for r in rels if r.get("rel") in SCORED)
    stats["required"] = sum(len(v) for v in grels.values())
    stats["by_type"] = {}
    for e in ents:
        stats["by_type"][e["type"]] = stats["by_type"].get(e["type"], 0) + 1
    stats["by_rel"] = {}
    for r in rels:
        stats["by_rel"][r["rel"]] = stats["by_rel"].get(r["rel"], 0) + 1
    return problems, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=REPO / ".." / "shared" / "gold" / "score.py",
                    help="reference scorer providing load_gold (default ../shared/gold/score.py "
                         "relative to the repository root)")
    ap.add_argument("gold", nargs="*", type=Path)
    a = ap.parse_args()
    files = a.gold or sorted(HERE.glob("pg*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    total_problems = 0
    tot = {"articles": 0, "body": 0, "entities": 0, "optional": 0, "relations": 0, "scored": 0, "required": 0}
    for y in files:
        problems, st = check_file(y, scorer)
        for k in tot:
            tot[k] += st.get(k, 0)
        total_problems += len(problems)
        print(f"{y.name}: {st['articles']} article(s), body {st['body']} chars, entities {st['entities']} "
              f"(req {st['entities'] - st['optional']} / opt {st['optional']}), relations {st['relations']} "
              f"annotated / {st['scored']} scored ({st.get('required', 0)} required), {len(problems)} problem(s)")
        for p in problems:
            print(f"  - {p}")
    try:
        gents, _, grels, optional, _ = scorer.load_gold(files)
        joint = (f"; jointly {len(gents)} distinct entities, "
                 f"{sum(len(v) for v in grels.values())} distinct required relation tuples")
    except Exception as err:  # noqa: BLE001
        joint = f"; joint load_gold failed: {err!r}"
        total_problems += 1
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, body {tot['body']} chars, entities "
          f"{tot['entities']} (req {tot['entities'] - tot['optional']} / opt {tot['optional']}), relations "
          f"{tot['relations']} annotated / {tot['scored']} scored ({tot['required']} required){joint}; "
          f"{total_problems} problem(s)")
    return 0 if total_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
