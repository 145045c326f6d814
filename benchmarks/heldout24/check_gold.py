#!/usr/bin/env python3
"""Self-check of the heldout24 gold files (b1.yaml ... b4.yaml beside their texts).

Checks, per file:
  - articles: headline, sub-heading and kicker are lines of the text; `starts_with` is 12 characters
    found in the article; byline reporters, place and date occur in the article; the body
    (`starts_with` ... `body_ends_with`) of the file is 500-900 characters (white space not counted);
  - entities: known type; name and aliases are exact substrings of the text with line breaks removed;
    no name or alias is used twice; `articles` equals the articles whose text contains the name or an
    alias (nested occurrences included);
  - relations: known relation; arguments are entity names of the file, of the right types, named in
    the relation's article; a position title occurs in the article; no duplicates;
  - reporter relations equal the byline reporters;
  - `uncertain`: in_gold true items list gold entities and exact copies of gold relations; in_gold false
    items and also_accept answers are not gold relations; items about aliases start with "aliases";
  - across files (and against the seed gold, when found): one type and one entity per name or alias;
  - no path of a particular machine is written in the files of the set;
then loads each file with `load_gold` of the reference scorer and prints counts.
Exit 0 iff no problem is found.

Usage (from the repository root):
    python benchmarks/heldout24/check_gold.py [--scorer ../shared/gold/score.py] [--seed ../shared/gold/seed.yaml]
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]  # benchmarks/heldout24 -> repository root
FILES = ["b1", "b2", "b3", "b4"]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
SPEC = {  # relation -> {argument: allowed types}
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category")}
BODY_MIN, BODY_MAX = 500, 900

problems: list[str] = []


def problem(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def flat(s: str) -> str:
    """The text with line breaks removed (names may be split by a page break)."""
    return s.replace("\r", "").replace("\n", "")


def nows(s: str) -> str:
    return re.sub(r"\s", "", s)


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def load_text(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if lines and lines[0].startswith("# http"):  # as the scorer does
        lines = lines[1:]
    return "".join(lines)


def segment(tag: str, raw: str, arts: list[dict]) -> dict[str, tuple[int, int]]:
    """Article spans in the flat text: from the first of kicker/title/sub-heading (or `starts_with` for an
    untitled segment) to the start of the next article."""
    text = flat(raw)
    lines = {ln.strip() for ln in raw.splitlines()}
    starts, cursor = [], 0
    for a in arts:
        where = f"{tag}/{a.get('id')}"
        heads = [a[k] for k in ("kicker", "title", "subtitle") if a.get(k)]
        for h in heads:
            if h not in lines:
                problem(where, f"heading {h!r} is not a line of the text")
        probe = heads[0] if heads else a.get("starts_with", "")
        pos = text.find(probe, cursor) if probe else -1
        if pos < 0:
            problem(where, f"cannot locate the article start {probe!r} after position {cursor}")
            pos = cursor
        starts.append(pos)
        cursor = pos + 1
    spans = {}
    for i, a in enumerate(arts):
        end = starts[i + 1] if i + 1 < len(arts) else len(text)
        spans[a["id"]] = (starts[i], end)
    return spans


def check_file(tag: str, gold: dict, raw: str) -> dict:
    text = flat(raw)
    arts = gold.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        problem(tag, "duplicate article ids")
    spans = segment(tag, raw, arts)
    art_text = {i: text[s:e] for i, (s, e) in spans.items()}

    # ---- articles, bylines, bodies
    body_total = 0
    for a in arts:
        where = f"{tag}/{a['id']}"
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                problem(where, f"missing key {k}")
        span = art_text[a["id"]]
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            problem(where, f"starts_with {sw!r} has {len(sw)} characters, not 12")
        if sw not in span:
            problem(where, f"starts_with {sw!r} not in the article")
        bl = a.get("byline") or {}
        if set(bl) != {"place", "date", "reporters"}:
            problem(where, "byline must have exactly place, date, reporters")
        for p in bl.get("reporters") or []:
            if p not in span:
                problem(where, f"byline reporter {p} not in the article")
        for p in a.get("correspondents") or []:
            if p not in span:
                problem(where, f"correspondent {p} not in the article")
        if bl.get("place") and bl["place"] not in span:
            problem(where, f"byline place {bl['place']} not in the article")
        if bl.get("date"):
            d = bl["date"]
            forms = [str(d), f"{d.month}月{d.day}日"] if hasattr(d, "month") else [str(d)]
            if not any(f in span for f in forms):
                problem(where, f"byline date {d} not printed in the article ({' / '.join(forms)})")
        be = a.get("body_ends_with")
        if be:
            s = span.find(sw)
            e = span.find(be, max(s, 0))
            if s < 0 or e < 0:
                problem(where, f"body_ends_with {be!r} not found after starts_with")
            else:
                n = len(nows(span[s:e + len(be)]))
                a["_body_chars"] = n
                body_total += n
        else:
            problem(where, "missing body_ends_with (needed for the body length)")
    if not BODY_MIN <= body_total <= BODY_MAX:
        problem(tag, f"body length {body_total} outside {BODY_MIN}-{BODY_MAX}")

    # ---- entities
    ents = gold.get("entities") or []
    by_name: dict[str, dict] = {}
    surface_owner: dict[str, str] = {}
    for e in ents:
        where = f"{tag}/entity {e.get('name')}"
        if e.get("type") not in TYPES:
            problem(where, f"unknown type {e.get('type')}")
        if e["name"] in by_name:
            problem(where, "duplicate entity name")
        by_name[e["name"]] = e
        surfaces = [e["name"], *(e.get("aliases") or [])]
        for s in surfaces:
            if s in surface_owner and surface_owner[s] != e["name"]:
                problem(where, f"{s!r} is also a name/alias of {surface_owner[s]}")
            surface_owner[s] = e["name"]
            if s not in text:
                problem(where, f"{s!r} is not a substring of the text")
        found = [i for i in ids if any(s in art_text[i] for s in surfaces)]
        listed = e.get("articles") or []
        if sorted(listed, key=ids.index if set(listed) <= set(ids) else str) != found:
            problem(where, f"articles {listed} but the name/aliases occur in {found}")

    def mentioned(name: str, art: str) -> bool:
        e = by_name.get(name)
        surfaces = [name, *(e.get("aliases") or [])] if e else [name]
        return any(s in art_text.get(art, "") for s in surfaces)

    # ---- relations
    rels = gold.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, n in gold_keys.items():
        if n > 1:
            problem(tag, f"duplicate relation {dict(k)}")
    for r in rels:
        where = f"{tag}/{r.get('rel')} {r}"
        spec = SPEC.get(r.get("rel"))
        if spec is None:
            problem(where, "unknown relation")
            continue
        if r.get("article") not in ids:
            problem(where, "unknown article")
            continue
        for arg, allowed in spec.items():
            v = r.get(arg)
            if v is None:
                if (r["rel"], arg) not in OPTIONAL_ARGS:
                    problem(where, f"missing argument {arg}")
                elif arg not in r:
                    problem(where, f"argument {arg} must be given (null when absent)")
                continue
            e = by_name.get(v)
            if e is None:
                problem(where, f"{arg} {v!r} is not an entity name of the file")
                continue
            if e["type"] not in allowed:
                problem(where, f"{arg} {v} has type {e['type']}, expected {sorted(allowed)}")
            if not mentioned(v, r["article"]):
                problem(where, f"{arg} {v} is not named in article {r['article']}")
        extra = set(r) - set(spec) - {"rel", "article", "title", "year"}
        if extra:
            problem(where, f"unexpected keys {sorted(extra)}")
        if r["rel"] == "holdsPosition":
            t = r.get("title") or ""
            if not t or t not in art_text[r["article"]]:
                problem(where, f"title {t!r} not in the article")
        if r["rel"] == "receivedAward" and not isinstance(r.get("year"), int):
            problem(where, "year must be an integer")

    # ---- reporters = byline reporters
    byline = {(p, a["id"]) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
    rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if byline != rep:
        problem(tag, f"reporter relations {sorted(rep)} differ from byline reporters {sorted(byline)}")

    # ---- uncertain
    gold_set = set(gold_keys)
    for u in gold.get("uncertain") or []:
        where = f"{tag}/uncertain {str(u.get('item'))[:50]!r}"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problem(where, f"missing key {k}")
        if not isinstance(u.get("in_gold"), bool):
            problem(where, "in_gold must be true or false")
        item = str(u.get("item", ""))
        is_alias = item.startswith("aliases")
        if not is_alias and "alias" in item.lower():
            problem(where, "an item about aliases must begin with 'aliases'")
        for n in u.get("entities") or []:
            if is_alias or u.get("in_gold"):
                if n not in by_name:
                    problem(where, f"entity {n} is not in the gold entities")
            else:
                if n in by_name:
                    problem(where, f"rejected entity {n} is in the gold entities")
                if n not in text:
                    problem(where, f"rejected entity {n} is not in the text")
        for r in u.get("relations") or []:
            k = rel_key(r)
            if u.get("in_gold") and k not in gold_set:
                problem(where, f"in_gold relation {r} is not an exact copy of a gold relation")
            if not u.get("in_gold") and k in gold_set:
                problem(where, f"rejected relation {r} is among the gold relations")
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_set:
                problem(where, f"also_accept {r} is a gold relation")
        if not u.get("in_gold") and u.get("also_accept"):
            problem(where, "also_accept belongs to in_gold true items")
        for r in (u.get("relations") or []) + (u.get("also_accept") or []):
            if r.get("rel") not in SPEC or r.get("article") not in ids:
                problem(where, f"candidate {r}: unknown relation or article")
                continue
            for arg in SPEC[r["rel"]]:
                v = r.get(arg)
                if v is not None and v not in by_name and v not in text:
                    problem(where, f"candidate {r}: {arg} {v!r} is neither an entity nor in the text")
    return {"by_name": by_name, "articles": arts}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=REPO.parent / "shared" / "gold" / "score.py")
    ap.add_argument("--seed", type=Path, default=REPO.parent / "shared" / "gold" / "seed.yaml")
    a = ap.parse_args()

    golds, results = {}, {}
    for f in FILES:
        gp, tp = HERE / f"{f}.yaml", HERE / f"{f}.txt"
        gold = yaml.safe_load(gp.read_text(encoding="utf-8"))
        if gold.get("source") != tp.name:
            problem(f, f"source is {gold.get('source')!r}, expected {tp.name!r}")
        golds[f] = gold
        results[f] = check_file(f, gold, load_text(tp))

    # ---- no machine paths in the set
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = p.read_text(encoding="utf-8")
            if re.search(r"(?<![\w.])/(work|tmp|home|root|Users)/", s):
                problem(p.name, "contains an absolute path of a machine")

    # ---- scorer's load_gold
    spec = importlib.util.spec_from_file_location("kg_score", a.scorer)
    if spec is None or not a.scorer.exists():
        problem("scorer", f"reference scorer not found at {a.scorer} (use --scorer)")
        load_gold = norm = None
    else:
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        load_gold, norm = mod.load_gold, mod.norm

    # ---- across files (and the seed): one type and one entity per normalised name/alias
    if norm is not None:
        owner: dict[str, tuple[str, str, str]] = {}  # norm surface -> (file, canonical, type)
        sources = [(f, golds[f]) for f in FILES]
        if a.seed.exists():
            sources.append(("seed", yaml.safe_load(a.seed.read_text(encoding="utf-8"))))
        for f, g in sources:
            for e in g.get("entities") or []:
                canon = norm(e["name"])
                for s in [e["name"], *(e.get("aliases") or [])]:
                    k = norm(s)
                    if k in owner:
                        f0, c0, t0 = owner[k]
                        if c0 != canon:
                            problem(f, f"{s!r} names {e['name']} here but {c0} in {f0}")
                        elif t0 != e["type"]:
                            problem(f, f"{e['name']} is {e['type']} here but {t0} in {f0}")
                    else:
                        owner[k] = (f, canon, e["type"])

    # ---- counts via load_gold
    print(f"{'file':5} {'art':>3} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6}  scored by query")
    tot_types, tot_rels = Counter(), Counter()
    for f in FILES:
        g = golds[f]
        body = sum(x.get("_body_chars", 0) for x in results[f]["articles"])
        for e in g.get("entities") or []:
            tot_types[e["type"]] += 1
        for r in g.get("relations") or []:
            tot_rels[r["rel"]] += 1
        if load_gold is None:
            continue
        try:
            ents, _alias, rels, optional, _neutral = load_gold([HERE / f"{f}.yaml"])
        except Exception as err:  # noqa: BLE001
            problem(f, f"load_gold failed: {err}")
            continue
        opt = len([k for k in ents if k in optional])
        scored = {k: len(v) for k, v in rels.items() if v}
        print(f"{f:5} {len(g['articles']):3} {body:5} {len(ents):5} {len(ents) - opt:4} {opt:4} "
              f"{len(g.get('relations') or []):5} {sum(scored.values()):6}  "
              + ", ".join(f"{k} {v}" for k, v in sorted(scored.items())))
        req_types = Counter(v["type"] for k, v in ents.items() if k not in optional)
        print("      required entities by type: " + ", ".join(f"{t} {n}" for t, n in sorted(req_types.items())))
    if load_gold is not None:
        try:
            ents, _alias, rels, optional, _neutral = load_gold([HERE / f"{f}.yaml" for f in FILES])
            print(f"all four loaded together: {len(ents)} entities ({len(ents) - len([k for k in ents if k in optional])}"
                  f" required), {sum(len(v) for v in rels.values())} scored relation tuples")
        except Exception as err:  # noqa: BLE001
            problem("all", f"load_gold failed: {err}")
    print("entities by type (annotated, all files): " + ", ".join(f"{t} {n}" for t, n in sorted(tot_types.items())))
    print("relations by type (annotated, all files): " + ", ".join(f"{t} {n}" for t, n in sorted(tot_rels.items())))

    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nOK: no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
