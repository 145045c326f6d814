#!/usr/bin/env python3
"""Consistency check of the heldout10 gold files (s1.yaml ... s4.yaml).

It never runs `kg` or the extractor. For each gold file it checks, against its text:
  - every entity name and alias is an exact substring of the text once line breaks are removed;
  - each entity's `articles` equals the set of articles whose text contains the name or an alias
    (articles are cut at their titles, in order; nested occurrences count);
  - each article's title and `starts_with` are in the text, and the byline reporters are Persons;
  - every relation's arguments are entities of this file, of a fitting type, in a known article;
    holdsPosition titles are printed in the text; receivedAward categories are AwardCategories;
  - `uncertain`: in_gold: true entities and relations are in the gold; in_gold: false ones and
    also_accept answers are not (so that listing them cannot hide a gold item by accident);
and then loads all files through the reference scorer's own `load_gold` (score.py) and prints the
counts that README.md reports.

Usage (from this folder or anywhere):  python check_gold.py [--score PATH/TO/score.py]
Default score.py: ../../../shared/gold/score.py relative to this file.
Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FILES = ["s1", "s2", "s3", "s4"]
TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {field: allowed entity types (None = any entity type)}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"}, "category": {"AwardCategory"}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": None, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "organizedBy": {"event": {"Event", "Initiative", "Award"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
}


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(stem: str, problems: list[str]) -> dict:
    gpath, tpath = HERE / f"{stem}.yaml", HERE / f"{stem}.txt"
    g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    text = flat(tpath.read_text(encoding="utf-8"))

    def bad(msg):
        problems.append(f"{stem}: {msg}")

    if g.get("source") != tpath.name:
        bad(f"source is {g.get('source')!r}, expected {tpath.name!r}")

    # articles, cut at their titles in order
    arts = g.get("articles") or []
    starts, pos = [], 0
    for a in arts:
        t = a.get("title")
        i = text.find(t, pos) if t else -1
        if i < 0:
            bad(f"title of {a['id']} not found in order: {t!r}")
            i = pos
        starts.append(i)
        pos = i + (len(t) if t else 0)
    segs = {}
    for n, a in enumerate(arts):
        end = starts[n + 1] if n + 1 < len(arts) else len(text)
        segs[a["id"]] = text[starts[n]:end]
        sw = a.get("starts_with")
        if not sw or len(sw) != 12:
            bad(f"starts_with of {a['id']} is not 12 characters: {sw!r}")
        elif sw not in segs[a["id"]]:
            bad(f"starts_with of {a['id']} not in its article: {sw!r}")

    # entities
    ents, names = {}, {}
    for e in g.get("entities") or []:
        nm = e["name"]
        if nm in ents:
            bad(f"duplicate entity {nm}")
        ents[nm] = e
        if e.get("type") not in TYPES:
            bad(f"{nm}: unknown type {e.get('type')}")
        forms = [nm] + list(e.get("aliases") or [])
        for f in forms:
            if f not in text:
                bad(f"{nm}: {f!r} is not a substring of the text")
            if f in names and names[f] != nm:
                bad(f"{f!r} names both {names[f]} and {nm}")
            names[f] = nm
        want = sorted(a for a, s in segs.items() if any(f in s for f in forms))
        got = sorted(e.get("articles") or [])
        if want != got:
            bad(f"{nm}: articles {got} but the text gives {want}")

    for a in arts:
        for r in (a.get("byline") or {}).get("reporters") or []:
            if ents.get(names.get(r, ""), {}).get("type") != "Person":
                bad(f"byline reporter {r} of {a['id']} is not a Person entity")

    # relations
    art_ids = {a["id"] for a in arts}

    def check_rel(r: dict, where: str):
        spec = REL_ARGS.get(r.get("rel"))
        if spec is None:
            bad(f"{where}: unknown relation {r.get('rel')}")
            return
        if r.get("article") not in art_ids:
            bad(f"{where}: unknown article {r.get('article')}")
        for field, allowed in spec.items():
            v = r.get(field)
            if v is None:
                if not (r["rel"] == "receivedAward" and field == "category"):
                    bad(f"{where}: {r['rel']} without {field}")
                continue
            if v not in names:
                bad(f"{where}: {r['rel']}.{field} {v!r} is not an entity name or alias")
                continue
            t = ents[names[v]]["type"]
            if allowed is not None and t not in allowed:
                bad(f"{where}: {r['rel']}.{field} {v} has type {t}")
        if r["rel"] == "holdsPosition" and r.get("title") and r["title"] not in text:
            bad(f"{where}: title {r['title']!r} not printed")
        if r["rel"] == "receivedAward" and r.get("year") is not None and not isinstance(r["year"], int):
            bad(f"{where}: year {r['year']!r} is not an integer")
        if r["rel"] == "reporter":
            art = next((a for a in arts if a["id"] == r.get("article")), None)
            if art and r["person"] not in ((art.get("byline") or {}).get("reporters") or []):
                bad(f"{where}: reporter {r['person']} not in the byline of {art['id']}")

    gold_rels = {rel_key(r) for r in g.get("relations") or []}
    for n, r in enumerate(g.get("relations") or []):
        check_rel(r, f"relation {n}")
    for n, u in enumerate(g.get("uncertain") or []):
        ing = u.get("in_gold")
        if ing not in (True, False):
            bad(f"uncertain {n}: in_gold must be true or false")
        for nm in u.get("entities") or []:
            if ing and nm not in ents:
                bad(f"uncertain {n}: {nm} is not a gold entity")
            if not ing and nm in names:
                bad(f"uncertain {n}: rejected entity {nm} is a gold name or alias")
        for r in u.get("relations") or []:
            if ing:
                check_rel(r, f"uncertain {n}")
                if rel_key(r) not in gold_rels:
                    bad(f"uncertain {n}: relation not in the gold relations: {r}")
            elif rel_key(r) in gold_rels:
                bad(f"uncertain {n}: rejected relation is in the gold relations: {r}")
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rels:
                bad(f"uncertain {n}: also_accept answer is already gold: {r}")
            if r.get("rel") not in REL_ARGS:
                bad(f"uncertain {n}: unknown relation in also_accept {r}")
    return {"doc": g, "text": text}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", type=Path, default=HERE / ".." / ".." / ".." / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    problems: list[str] = []
    for stem in FILES:
        check_file(stem, problems)

    score = load_score(a.score.resolve())
    print(f"{'file':5} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} "
          f"{'scored':>6} {'neutral':>7}")
    tot_types_req, tot_types_opt, tot_rels = Counter(), Counter(), Counter()
    for stem in FILES:
        gpath = HERE / f"{stem}.yaml"
        ents, alias_to_key, rels, optional, neutral = score.load_gold([gpath])
        doc = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        for k in optional:
            if k not in ents:
                # a rejected candidate; it must not collide with a gold name
                if k in alias_to_key:
                    problems.append(f"{stem}: rejected candidate {k} resolves to a gold entity")
        req = {k: v for k, v in ents.items() if k not in optional}
        opt = {k: v for k, v in ents.items() if k in optional}
        for v in req.values():
            tot_types_req[v["type"]] += 1
        for v in opt.values():
            tot_types_opt[v["type"]] += 1
        for r in doc.get("relations") or []:
            tot_rels[r["rel"]] += 1
        n_scored = sum(len(v) for v in rels.values())
        n_neutral = sum(len(v) for v in neutral.values())
        chars = len("".join((HERE / f"{stem}.txt").read_text(encoding="utf-8").split()))
        print(f"{stem:5} {chars:5} {len(doc['articles']):4} {len(ents):4} {len(req):4} {len(opt):4} "
              f"{len(doc.get('relations') or []):4} {n_scored:6} {n_neutral:7}")
        by_q = ", ".join(f"{q} {len(v)}" for q, v in sorted(rels.items()))
        print(f"      scored tuples by query: {by_q}")
    # all four together: the same normalised name must not carry two types
    allents: dict = {}
    for stem in FILES:
        for e in yaml.safe_load((HERE / f"{stem}.yaml").read_text(encoding="utf-8"))["entities"]:
            k = score.norm(e["name"])
            if k in allents and allents[k] != e["type"]:
                problems.append(f"{stem}: {e['name']} typed {e['type']} here and {allents[k]} elsewhere")
            allents.setdefault(k, e["type"])
    score.load_gold([HERE / f"{s}.yaml" for s in FILES])
    print("entity types, required / optional (summed over files):")
    for t in sorted(TYPES):
        if tot_types_req[t] or tot_types_opt[t]:
            print(f"  {t:15} {tot_types_req[t]:3} / {tot_types_opt[t]}")
    print("relations annotated (summed over files):", ", ".join(f"{k} {v}" for k, v in sorted(tot_rels.items())))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nno problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
