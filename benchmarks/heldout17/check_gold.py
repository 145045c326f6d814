#!/usr/bin/env python3
"""Self-check of the heldout17 gold files (z1.yaml ... z4.yaml against z1.txt ... z4.txt).

Never runs the extractor. Checks, for each file:
  - every entity name and alias is an exact substring of its text with line breaks removed;
  - names and aliases are unique within a file;
  - each entity's `articles` equals the set of articles whose segment (title to the next title)
    contains the name or an alias, nested occurrences included;
  - `starts_with` occurs in its article's segment, after the title; texts have 500-650 characters;
  - relation arguments are gold entities (by name or alias) of the right type, the article exists
    and its segment mentions each argument;
  - byline reporters equal the `reporter` relations of each article;
  - `uncertain`: labels, in_gold flags, listed entities/relations present (in_gold: true) or absent
    (in_gold: false, also_accept), an item about aliases starts with the word "aliases";
then loads each file with `load_gold` of the reference scorer and prints counts.
Usage (from the repository root): python benchmarks/heldout17/check_gold.py [--score PATH]
Exit 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FILES = ["z1", "z2", "z3", "z4"]
TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Region", "Event", "Award",
         "AwardCategory", "Product", "Initiative", "Report"}
ORG = {"Organization", "Company", "GovernmentBody"}
ARGS = {  # relation -> {argument: allowed types}
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
ARTICLE_KINDS = {"news", "editorial", "continuation", "caption", "feature", "brief"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(stem: str, problems: list[str]) -> dict:
    def bad(msg):
        problems.append(f"{stem}: {msg}")

    text = (HERE / f"{stem}.txt").read_text(encoding="utf-8").replace("\r", "").replace("\n", "")
    g = yaml.safe_load((HERE / f"{stem}.yaml").read_text(encoding="utf-8"))
    if not 500 <= len(text) <= 650:
        bad(f"text has {len(text)} characters (500-650 wanted)")
    if g.get("source") != f"{stem}.txt":
        bad(f"source is {g.get('source')!r}")

    # ---- articles and their segments
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        bad("duplicate article ids")
    starts = []
    pos = 0
    for a in arts:
        anchor = a.get("title") or a.get("starts_with")
        i = text.find(str(anchor), pos)
        if i < 0:
            bad(f"{a['id']}: title/anchor {anchor!r} not found in page order")
            i = pos
        starts.append(i)
        pos = i + 1
        if a.get("kind") not in ARTICLE_KINDS:
            bad(f"{a['id']}: kind {a.get('kind')!r}")
        b = a.get("byline")
        if not isinstance(b, dict) or set(b) != {"place", "date", "reporters"}:
            bad(f"{a['id']}: byline must have place, date, reporters")
    seg = {}
    for n, a in enumerate(arts):
        end = starts[n + 1] if n + 1 < len(arts) else len(text)
        seg[a["id"]] = text[starts[n]:end]
    for a in arts:
        sw = str(a.get("starts_with") or "")
        s = seg[a["id"]]
        t = str(a.get("title") or "")
        if len(sw) != 12:
            bad(f"{a['id']}: starts_with has {len(sw)} characters, not 12")
        if sw not in s[len(t):]:
            bad(f"{a['id']}: starts_with {sw!r} not in the body")
        b = a.get("byline") or {}
        if b.get("place") and str(b["place"]) not in s:
            bad(f"{a['id']}: byline place {b['place']} not in the article")
        for p in b.get("reporters") or []:
            if p not in s:
                bad(f"{a['id']}: reporter {p} not in the article")

    # ---- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen: Counter = Counter()
    for e in ents:
        names = [e["name"], *(e.get("aliases") or [])]
        if e.get("type") not in TYPES:
            bad(f"entity {e['name']}: type {e.get('type')!r}")
        for nm in names:
            nm = str(nm)
            seen[nm] += 1
            if nm not in text:
                bad(f"entity {e['name']}: {nm!r} is not a substring of the text")
            by_name[nm] = e
        want = sorted(aid for aid in ids if any(str(nm) in seg[aid] for nm in names))
        got = sorted(e.get("articles") or [])
        if want != got:
            bad(f"entity {e['name']}: articles {got} but the text gives {want}")
    for nm, c in seen.items():
        if c > 1:
            bad(f"name or alias {nm!r} used {c} times")

    # ---- relations
    rels = g.get("relations") or []
    keys = Counter(rel_key(r) for r in rels)
    for k, c in keys.items():
        if c > 1:
            bad(f"duplicate relation {dict(k)}")

    def check_rel(r, where):
        spec = ARGS.get(r.get("rel"))
        if spec is None:
            bad(f"{where}: unknown relation {r.get('rel')!r}")
            return
        aid = r.get("article")
        if aid not in seg:
            bad(f"{where}: {r['rel']} article {aid!r} unknown")
        for arg, types in spec.items():
            v = r.get(arg)
            if v is None and arg == "category":
                continue
            e = by_name.get(str(v))
            if e is None:
                bad(f"{where}: {r['rel']} {arg}={v!r} is not a gold entity")
                continue
            if e["type"] not in types:
                bad(f"{where}: {r['rel']} {arg}={v} has type {e['type']}, wants {sorted(types)}")
            if aid in seg and aid not in (e.get("articles") or []):
                bad(f"{where}: {r['rel']} {arg}={v} is not mentioned in {aid}")
        extra = set(r) - set(spec) - {"rel", "article", "title", "year"}
        if extra:
            bad(f"{where}: {r['rel']} has unexpected fields {sorted(extra)}")
        if r["rel"] == "holdsPosition" and not r.get("title"):
            bad(f"{where}: holdsPosition without title")
        if r["rel"] == "holdsPosition" and str(r.get("title")) not in text:
            bad(f"{where}: title {r.get('title')!r} not in the text")
        if r["rel"] == "receivedAward" and r.get("year") is not None and str(r["year"]) not in text:
            bad(f"{where}: award year {r['year']} not in the text")

    for r in rels:
        check_rel(r, "relations")

    # bylines vs reporter relations
    for a in arts:
        byl = sorted((a.get("byline") or {}).get("reporters") or [])
        rep = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if byl != rep:
            bad(f"{a['id']}: byline reporters {byl} but reporter relations {rep}")

    # ---- uncertain
    rel_set = set(keys)
    for n, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain[{n}]"
        if not isinstance(u, dict) or not isinstance(u.get("item"), str):
            bad(f"{where}: needs an `item` label")
            continue
        for f in ("in_gold", "decision", "why"):
            if f not in u:
                bad(f"{where} ({u['item']}): missing {f}")
        if not isinstance(u.get("in_gold"), bool):
            bad(f"{where}: in_gold must be true or false")
        if "alias" in u["item"].lower() and not u["item"].startswith("aliases"):
            bad(f"{where}: an item about aliases must start with 'aliases'")
        for nm in u.get("entities") or []:
            if str(nm) not in by_name:
                bad(f"{where}: entity {nm!r} not in entities")
            elif u.get("in_gold") is True and by_name[str(nm)]["name"] != str(nm):
                bad(f"{where}: entity {nm!r} should be given by its name")
        for r in u.get("relations") or []:
            k = rel_key(r)
            if u.get("in_gold") is True and k not in rel_set:
                bad(f"{where}: in_gold relation {r} is not among the relations")
            if u.get("in_gold") is False and k in rel_set:
                bad(f"{where}: rejected relation {r} is among the relations")
            if u.get("in_gold") is True:
                check_rel(r, where)
        for r in u.get("also_accept") or []:
            if rel_key(r) in rel_set:
                bad(f"{where}: also_accept {r} is among the relations")
            if u.get("in_gold") is not True:
                bad(f"{where}: also_accept belongs to an in_gold item")
        if u.get("in_gold") is False and u.get("entities"):
            bad(f"{where}: an in_gold: false item lists gold entities")

    return {"text": text, "gold": g}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="path of the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    problems: list[str] = []
    try:
        scorer = load_scorer(a.score)
    except Exception as err:  # noqa: BLE001
        print(f"cannot load the scorer {a.score}: {err}")
        return 1
    tot_t, tot_r = Counter(), Counter()
    print(f"{'file':5} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6} {'uncert':>6}")
    for stem in FILES:
        res = check_file(stem, problems)
        g = res["gold"]
        try:
            ents, alias_to_key, rels, optional, neutral = scorer.load_gold([HERE / f"{stem}.yaml"])
        except Exception as err:  # noqa: BLE001
            problems.append(f"{stem}: load_gold failed: {err}")
            continue
        n_ents = len(g.get("entities") or [])
        if len(ents) != n_ents:
            problems.append(f"{stem}: load_gold sees {len(ents)} entities, the file has {n_ents}")
        for name, tuples in rels.items():
            for t in tuples:
                for x in t:
                    if x is not None and not str(x).isdigit() and x not in ents and "_" not in name \
                            and name != "positions":
                        problems.append(f"{stem}: scored {name} argument {x!r} is not a gold entity key")
                if name == "positions" and (t[0] not in ents or t[1] not in ents):
                    problems.append(f"{stem}: scored position {t} does not resolve to gold entities")
                if name == "reports_at" and (t[0] not in ents or t[1] not in ents):
                    problems.append(f"{stem}: scored releasedAt {t} does not resolve to gold entities")
        for k in optional:
            if k not in ents:
                problems.append(f"{stem}: optional entity {k!r} is not a gold entity")
        scored = sum(len(v) for v in rels.values())
        print(f"{stem:5} {len(res['text']):5} {len(g.get('articles') or []):4} {n_ents:4} "
              f"{n_ents - len(optional):4} {len(optional):4} {len(g.get('relations') or []):4} "
              f"{scored:6} {len(g.get('uncertain') or []):6}")
        tot_t.update(e["type"] for e in g.get("entities") or [])
        tot_r.update(r["rel"] for r in g.get("relations") or [])
        for k, v in sorted(rels.items()):
            tot_r["scored:" + k] += len(v)
    print("entities by type:", ", ".join(f"{k} {v}" for k, v in sorted(tot_t.items())),
          f"(total {sum(tot_t.values())})")
    print("relations:", ", ".join(f"{k} {v}" for k, v in sorted(tot_r.items()) if not k.startswith("scored:")),
          f"(total {sum(v for k, v in tot_r.items() if not k.startswith('scored:'))})")
    print("scored tuples:", ", ".join(f"{k[7:]} {v}" for k, v in sorted(tot_r.items()) if k.startswith("scored:")))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
