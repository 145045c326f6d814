#!/usr/bin/env python3
"""Consistency check of the heldout8 gold files (no extractor involved).

For each qN.yaml / qN.txt pair:
  - the YAML loads through the reference scorer's own loader (load_gold of score.py);
  - every entity name and alias is an exact substring of the text once line breaks are removed;
  - every entity's `articles` equals the set of articles whose segment contains the name or an alias
    (segments are cut at the article titles, in file order; a title-less first segment starts the file);
  - every article's `starts_with` occurs in its segment;
  - every entity named in a relation is a gold entity name;
  - `uncertain` relations of in_gold: true items are copies of gold relations, those of in_gold: false
    items and `also_accept` answers are not;
  - entities listed in `uncertain` are gold entities.
Prints counts by type (required / optional) and by relation.

Usage, from the repository root:  python benchmarks/heldout8/check_gold.py [--score ../shared/gold/score.py]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ENT_FIELDS = {"person", "org", "recipient", "award", "category", "report", "event", "entity", "region",
              "org_or_person", "product", "parent"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def segments(text: str, arts: list[dict]) -> dict[str, str]:
    flat = text.replace("\n", "")
    starts, pos = [], 0
    for a in arts:
        if a.get("title"):
            i = flat.find(a["title"].replace("\n", ""), pos)
            if i < 0:
                raise SystemExit(f"title not found in order: {a['title']}")
        else:
            i = pos
        starts.append(i)
        pos = i + 1
    out = {}
    for k, a in enumerate(arts):
        end = starts[k + 1] if k + 1 < len(arts) else len(flat)
        out[a["id"]] = flat[starts[k]:end]
    return out


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", type=Path, default=HERE.parent.parent.parent / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    score = load_scorer(a.score)
    errors = 0
    tot_types, tot_opt, tot_rels = Counter(), Counter(), Counter()

    def err(msg):
        nonlocal errors
        errors += 1
        print("  ERROR", msg)

    for gpath in sorted(HERE.glob("q*.yaml")):
        tpath = gpath.with_suffix(".txt")
        text = tpath.read_text(encoding="utf-8")
        flat = text.replace("\n", "")
        g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        print(f"{gpath.name}: {len(''.join(text.split()))} characters")
        ents, alias_to_key, rels, optional, neutral = score.load_gold([gpath])
        segs = segments(text, g["articles"])
        for art in g["articles"]:
            sw = art.get("starts_with")
            if sw and sw not in segs[art["id"]]:
                err(f"{art['id']}: starts_with {sw!r} not in its segment")
        names = {}
        for e in g["entities"]:
            forms = [e["name"], *(e.get("aliases") or [])]
            for f in forms:
                if str(f) not in flat:
                    err(f"{e['name']}: {f!r} is not a substring of the text")
            found = sorted(aid for aid, s in segs.items() if any(str(f) in s for f in forms))
            if sorted(e["articles"]) != found:
                err(f"{e['name']}: articles {e['articles']} but found in {found}")
            if e["name"] in names:
                err(f"duplicate entity {e['name']}")
            names[e["name"]] = e["type"]
        gold_rels = {rel_key(r) for r in g.get("relations") or []}
        for r in g.get("relations") or []:
            for k, v in r.items():
                if k in ENT_FIELDS and v is not None and v not in names:
                    err(f"relation {r}: {k}={v!r} is not a gold entity name")
            if r.get("article") not in segs:
                err(f"relation {r}: unknown article")
        for u in g.get("uncertain") or []:
            for n in u.get("entities") or []:
                if n not in names:
                    err(f"uncertain {u['item']!r}: entity {n!r} not in gold")
            for r in u.get("relations") or []:
                inside = rel_key(r) in gold_rels
                if u.get("in_gold") and not inside:
                    err(f"uncertain {u['item']!r}: relation {r} is not a gold relation")
                if not u.get("in_gold") and inside:
                    err(f"uncertain {u['item']!r}: rejected relation {r} is in gold")
            for r in u.get("also_accept") or []:
                if rel_key(r) in gold_rels:
                    err(f"uncertain {u['item']!r}: also_accept {r} is a gold relation")
        opt_names = {n for n in names if score.norm(n) in optional}
        types = Counter(names.values())
        opt_types = Counter(names[n] for n in opt_names)
        tot_types.update(types)
        tot_opt.update(opt_types)
        rc = Counter(r["rel"] for r in g.get("relations") or [])
        tot_rels.update(rc)
        print("  entities:", len(names), "required", len(names) - len(opt_names), "optional", len(opt_names))
        print("  by type:", ", ".join(f"{t} {types[t]}" + (f" ({opt_types[t]} opt)" if opt_types[t] else "")
                                      for t in sorted(types)))
        print("  relations:", sum(rc.values()), "|", ", ".join(f"{k} {rc[k]}" for k in sorted(rc)))
        scored = {k: len(v) for k, v in rels.items()}
        print("  scored gold tuples after uncertain removed:", scored)
    print("ALL entities by type:", dict(sorted(tot_types.items())), "optional:", dict(sorted(tot_opt.items())))
    print("ALL relations:", dict(sorted(tot_rels.items())), "total", sum(tot_rels.values()))
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
