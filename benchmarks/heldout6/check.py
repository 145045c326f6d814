#!/usr/bin/env python3
"""Self-check of the heldout6 gold files (no extractor involved).

For each nK.yaml: it parses; `source:` names the text; every entity name and alias is an exact
substring of the text with line breaks removed; each entity's `articles` equals the articles whose
span (from its headline to the next headline) contains the name or an alias; `starts_with` (12
characters) lies in its article; relations use the fields of seed.yaml and refer to canonical
entity names of the right types, in articles that mention them; `uncertain:` items refer to gold
entities. Prints counts per file.

Usage (from this folder or anywhere): python check.py [n1.yaml ...]
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORGS = {"Organization", "Company", "GovernmentBody"}
# relation -> {field: allowed entity types (None = not an entity)}
SCHEMA = {
    "holdsPosition": {"person": {"Person"}, "org": ORGS, "title": None},
    "receivedAward": {"recipient": ORGS | {"Person", "Product"}, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORGS},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": TYPES - {"Person"}, "region": {"Region"}},
    "basedIn": {"org": ORGS, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORGS},
    "participatedIn": {"org_or_person": ORGS | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORGS, "parent": ORGS},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
}


def check(path: Path) -> tuple[int, Counter, Counter]:
    errors = 0

    def err(msg):
        nonlocal errors
        errors += 1
        print(f"  ERROR {path.name}: {msg}")

    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    src = path.parent / g["source"]
    raw = src.read_text(encoding="utf-8")
    text = raw.replace("\r", "").replace("\n", "")
    n_chars = sum(1 for c in raw if not c.isspace())

    # article spans: from the headline (or starts_with when untitled) to the next article's start
    starts = []
    for a in g["articles"]:
        anchor = a.get("title") or a["starts_with"]
        pos = text.find(anchor)
        if pos < 0:
            err(f"article {a['id']}: anchor {anchor!r} not in text")
            continue
        starts.append((pos, a["id"]))
    starts.sort()
    spans = {aid: (p, starts[i + 1][0] if i + 1 < len(starts) else len(text))
             for i, (p, aid) in enumerate(starts)}
    for a in g["articles"]:
        sw = a["starts_with"]
        if len(sw) != 12:
            err(f"article {a['id']}: starts_with has {len(sw)} characters")
        b, e = spans.get(a["id"], (0, 0))
        if sw not in text[b:e]:
            err(f"article {a['id']}: starts_with {sw!r} not in its span")
        for r in (a.get("byline") or {}).get("reporters") or []:
            if r not in text[b:e]:
                err(f"article {a['id']}: reporter {r} not in its span")

    ents = {}
    seen_names = {}
    for e in g["entities"]:
        if e["type"] not in TYPES:
            err(f"{e['name']}: bad type {e['type']}")
        names = [e["name"], *(e.get("aliases") or [])]
        for n in names:
            if n not in text:
                err(f"{e['name']}: {n!r} is not a substring of the text")
            if n in seen_names:
                err(f"{n!r} used by two entities ({seen_names[n]}, {e['name']})")
            seen_names[n] = e["name"]
        found = sorted(aid for aid, (b, en) in spans.items() if any(n in text[b:en] for n in names))
        if sorted(e.get("articles") or []) != found:
            err(f"{e['name']}: articles {e.get('articles')} but found in {found}")
        ents[e["name"]] = e

    def check_rel(r, where, alternative=False):
        """alternative: an also_accept answer, whose arguments may be typed differently."""
        rel = r.get("rel")
        if rel not in SCHEMA:
            err(f"{where}: unknown relation {rel}")
            return
        fields = SCHEMA[rel]
        extra = set(r) - set(fields) - {"rel", "article"}
        missing = set(fields) - set(r)
        if extra or missing:
            err(f"{where}: {rel} fields extra={extra} missing={missing}")
        art = r.get("article")
        if art not in spans:
            err(f"{where}: bad article {art}")
        for f, types in fields.items():
            v = r.get(f)
            if types is None or v is None:
                continue
            e = ents.get(v)
            if e is None:
                err(f"{where}: {rel}.{f} = {v!r} is not a canonical entity name")
                continue
            if e["type"] not in types and not alternative:
                err(f"{where}: {rel}.{f} = {v} has type {e['type']}")
            if art not in (e.get("articles") or []):
                err(f"{where}: {v} is not mentioned in {art}")
        if rel == "holdsPosition" and art in spans:
            b, en = spans[art]
            for t in str(r["title"]).replace("兼", "、").split("、"):
                if t and t not in text[b:en]:
                    err(f"{where}: title part {t!r} not in {art}")
        if rel == "receivedAward" and r.get("year") is not None and not isinstance(r["year"], int):
            err(f"{where}: year {r['year']!r} is not an integer")

    rel_count = Counter()
    gold_rels = set()
    for i, r in enumerate(g["relations"]):
        check_rel(r, f"relation {i}")
        rel_count[r["rel"]] += 1
        key = tuple(sorted((k, str(v)) for k, v in r.items()))
        if key in gold_rels:
            err(f"relation {i} duplicated: {r}")
        gold_rels.add(key)
    for u in g.get("uncertain") or []:
        item = u.get("item", "?")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                err(f"uncertain {item!r}: no {k}")
        for n in u.get("entities") or []:
            if n not in ents:
                err(f"uncertain {item!r}: entity {n!r} is not in gold")
        for r in u.get("relations") or []:
            check_rel(r, f"uncertain {item!r}")
            key = tuple(sorted((k, str(v)) for k, v in r.items()))
            if u.get("in_gold") and key not in gold_rels:
                err(f"uncertain {item!r}: in_gold relation not in gold: {r}")
            if not u.get("in_gold") and key in gold_rels:
                err(f"uncertain {item!r}: rejected relation is in gold: {r}")
        for r in u.get("also_accept") or []:
            check_rel(r, f"uncertain {item!r} also_accept", alternative=True)
    type_count = Counter(e["type"] for e in g["entities"])
    print(f"{path.name}: {n_chars} characters, {len(g['articles'])} article(s), "
          f"{len(g['entities'])} entities, {len(g['relations'])} relations, "
          f"{len(g.get('uncertain') or [])} uncertain items, {errors} error(s)")
    print("   entities:", ", ".join(f"{t} {n}" for t, n in sorted(type_count.items())))
    print("   relations:", ", ".join(f"{t} {n}" for t, n in sorted(rel_count.items())))
    return errors, type_count, rel_count


if __name__ == "__main__":
    files = [Path(a) for a in sys.argv[1:]] or sorted(HERE.glob("n*.yaml"))
    total = sum(check(f)[0] for f in files)
    sys.exit(1 if total else 0)
