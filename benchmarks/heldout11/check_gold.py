#!/usr/bin/env python3
"""Self-check of the gold annotations of this set (t*.yaml against t*.txt).

It never runs `kg` or the scorer. It checks that
  - every entity name and alias is an exact substring of its text (line breaks removed);
  - each entity's `articles` equals the set of articles whose text contains its name or an alias
    (articles are cut at their titles, in order; text before the first title belongs to none);
  - titles, starts_with, byline reporters and places are found in their articles;
  - relation arguments are entities of fitting types, and both arguments occur in the relation's article;
  - reporters are byline reporters; holdsPosition titles are printed and found in the text;
  - `uncertain` items are consistent: in_gold true items are in the gold, in_gold false candidates
    and also_accept answers are not;
then loads each file with `load_gold` from the reference scorer and prints counts.

Usage: python check_gold.py [--score PATH_TO_score.py] [t1.yaml ...]
Exit 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ORG = {"Organization", "Company", "GovernmentBody"}
TYPES = ORG | {"Person", "Award", "AwardCategory", "Report", "Initiative", "Region", "Event", "Product"}
# relation -> {role: allowed entity types}; None = a literal (not an entity)
ROLES = {
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
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}
MIN_CHARS, MAX_CHARS = 550, 850


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(path: Path, problems: list[str], stats: Counter, titles_out: list[str]) -> dict:
    def bad(msg: str) -> None:
        problems.append(f"{path.name}: {msg}")

    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    txt_path = path.with_name(g.get("source") or path.with_suffix(".txt").name)
    raw = txt_path.read_text(encoding="utf-8")
    text = flat(raw)
    n_chars = len(re.sub(r"\s", "", raw))
    if not MIN_CHARS <= n_chars <= MAX_CHARS:
        bad(f"text has {n_chars} characters (white space excluded), outside {MIN_CHARS}-{MAX_CHARS}")

    # ---- articles, cut at their titles in order
    arts = g.get("articles") or []
    starts, pos = [], 0
    for a in arts:
        t = a.get("title")
        if not t:
            bad(f"article {a.get('id')} has no title (this set gives every article a title)")
            continue
        i = text.find(t, pos)
        if i < 0:
            bad(f"title of {a['id']} not found in order: {t}")
            continue
        starts.append((a["id"], i))
        pos = i + len(t)
    segs = {}
    for k, (aid, i) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(text)
        segs[aid] = text[i:end]
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        bad("duplicate article ids")
    for a in arts:
        seg = segs.get(a["id"], "")
        sw = a.get("starts_with")
        if not sw or sw not in seg:
            bad(f"starts_with of {a['id']} not found in its article: {sw!r}")
        elif len(sw) != 12:
            bad(f"starts_with of {a['id']} is {len(sw)} characters, not 12")
        by = a.get("byline") or {}
        for rp in by.get("reporters") or []:
            if rp not in seg:
                bad(f"byline reporter {rp} not in article {a['id']}")
        if by.get("place") and by["place"] not in seg:
            bad(f"byline place {by['place']} not in article {a['id']}")
    stats["articles"] += len(arts)

    # ---- entities
    ents: dict[str, dict] = {}
    owner: dict[str, str] = {}
    for e in g.get("entities") or []:
        name = e["name"]
        if name in ents:
            bad(f"duplicate entity {name}")
        ents[name] = e
        if e.get("type") not in TYPES:
            bad(f"{name}: unknown type {e.get('type')}")
        names = [name] + list(e.get("aliases") or [])
        for n in names:
            if not isinstance(n, str) or not n:
                bad(f"{name}: empty or non-string name/alias {n!r}")
                continue
            if n in owner and owner[n] != name:
                bad(f"{n} is a name or alias of both {owner[n]} and {name}")
            owner[n] = name
            if n not in text:
                bad(f"{name}: {n!r} is not a substring of the text")
        expected = sorted(aid for aid, seg in segs.items() if any(n in seg for n in names))
        got = sorted(e.get("articles") or [])
        if expected != got:
            bad(f"{name}: articles {got} but the text gives {expected}")
        for aid in got:
            if aid not in ids:
                bad(f"{name}: unknown article {aid}")
        stats["type:" + e["type"]] += 1

    def names_of(ent: str) -> list[str]:
        e = ents[ent]
        return [e["name"]] + list(e.get("aliases") or [])

    # ---- relations
    def check_rel(r: dict, where: str) -> None:
        rel = r.get("rel")
        if rel not in ROLES:
            bad(f"{where}: unknown relation {rel}")
            return
        aid = r.get("article")
        if aid not in ids:
            bad(f"{where}: {rel} has unknown article {aid}")
        seg = segs.get(aid, "")
        extra = set(r) - set(ROLES[rel]) - {"rel", "article"}
        if extra:
            bad(f"{where}: {rel} has unexpected keys {sorted(extra)}")
        for role, allowed in ROLES[rel].items():
            v = r.get(role)
            if v is None:
                if (rel, role) not in OPTIONAL_ARGS:
                    bad(f"{where}: {rel} lacks {role}")
                continue
            if allowed is None:
                continue
            if v not in ents:
                bad(f"{where}: {rel} {role}={v} is not an entity name")
                continue
            if ents[v]["type"] not in allowed:
                bad(f"{where}: {rel} {role}={v} has type {ents[v]['type']}, expected one of {sorted(allowed)}")
            if aid in ids and aid not in (ents[v].get("articles") or []):
                bad(f"{where}: {rel} {role}={v} does not occur in article {aid}")
        if rel == "holdsPosition":
            t = r.get("title") or ""
            for part in re.split(r"[、兼]", t):
                if part and part not in seg:
                    bad(f"{where}: title {part!r} of {r.get('person')} not found in article {aid}")
        if rel == "receivedAward" and r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
            bad(f"{where}: year {r['year']!r} is not a year")
        if rel == "reporter":
            art = next((a for a in arts if a["id"] == aid), {})
            if r.get("person") not in ((art.get("byline") or {}).get("reporters") or []):
                bad(f"{where}: reporter {r.get('person')} is not a byline reporter of {aid}")

    gold_rels = set()
    for r in g.get("relations") or []:
        check_rel(r, "relations")
        k = rel_key(r)
        if k in gold_rels:
            bad(f"duplicate relation {r}")
        gold_rels.add(k)
        stats["rel:" + r["rel"]] += 1
        if r["rel"] == "holdsPosition":
            titles_out.append(f"{path.stem}: {r['person']} | {r['org']} | {r['title']}")

    # ---- uncertain
    optional = set()
    for u in g.get("uncertain") or []:
        item = u.get("item")
        for key in ("item", "in_gold", "decision", "why"):
            if key not in u:
                bad(f"uncertain {item!r} lacks {key}")
        if not isinstance(u.get("in_gold"), bool):
            bad(f"uncertain {item!r}: in_gold is not true/false")
        for n in u.get("entities") or []:
            if u.get("in_gold") and n not in ents:
                bad(f"uncertain {item!r}: entity {n} is not a gold entity")
            if u.get("in_gold") is False and n in owner:
                bad(f"uncertain {item!r}: rejected entity {n} is in the gold")
            if u.get("in_gold") and not str(item).startswith(("aliases", "segment")):
                optional.add(n)
        for r in u.get("relations") or []:
            if u.get("in_gold"):
                if rel_key(r) not in gold_rels:
                    bad(f"uncertain {item!r}: relation not in the gold: {r}")
            else:
                if rel_key(r) in gold_rels:
                    bad(f"uncertain {item!r}: rejected relation is in the gold: {r}")
                check_rel_soft(r, ents, bad, item)
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rels:
                bad(f"uncertain {item!r}: also_accept relation is in the gold: {r}")
            check_rel(r, f"also_accept of {item!r}")
    stats["entities"] += len(ents)
    stats["optional entities"] += len(optional)
    stats["relations"] += len(gold_rels)
    return {"entities": len(ents), "optional": len(optional), "relations": len(gold_rels),
            "chars": n_chars, "articles": len(arts)}


def check_rel_soft(r: dict, ents: dict, bad, item) -> None:
    """Rejected candidates: the relation name must exist; arguments that are entities need not be gold."""
    if r.get("rel") not in ROLES:
        bad(f"uncertain {item!r}: unknown relation {r.get('rel')}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", type=Path, default=HERE / ".." / ".." / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("gold", nargs="*", type=Path)
    a = ap.parse_args()
    files = a.gold or sorted(HERE.glob("t*.yaml"))
    problems: list[str] = []
    stats: Counter = Counter()
    titles: list[str] = []
    per_file = {}
    for f in files:
        try:
            per_file[f.name] = check_file(f, problems, stats, titles)
        except Exception as err:  # a broken file is a problem, not a crash
            problems.append(f"{f.name}: cannot check ({type(err).__name__}: {err})")

    # no machine-specific absolute paths in the set
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            if re.search(r"(?<![\w.])/(work|home|tmp|root|Users)/", p.read_text(encoding="utf-8")):
                problems.append(f"{p.name}: contains an absolute path")

    print("holdsPosition titles:")
    for t in titles:
        print("  " + t)

    # load with the reference scorer's load_gold
    try:
        spec = importlib.util.spec_from_file_location("score", a.score)
        score = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(score)
    except Exception as err:
        problems.append(f"cannot import load_gold from {a.score}: {err}")
        score = None
    if score is not None:
        print("load_gold (one file at a time; opt = optional or neutral entity keys, rejected candidates included):")
        print(f"  {'file':9} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} "
              + " ".join(f"{k:>10}" for k in ("positions", "awards", "reports", "reports_at",
                                               "locations", "quotes", "reporters")))
        for f in files:
            try:
                ents, _a2k, rels, optional, _neutral = score.load_gold([f])
            except Exception as err:
                problems.append(f"{f.name}: load_gold failed ({type(err).__name__}: {err})")
                continue
            req = sum(1 for k in ents if k not in optional)
            pf = per_file.get(f.name, {})
            # keys in `optional` without a gold entity come from rejected (in_gold: false) items:
            # the scorer treats them as neutral, which is intended
            print(f"  {f.name:9} {pf.get('chars', 0):5} {pf.get('articles', 0):4} {len(ents):4} {req:4} "
                  f"{len(optional):4} "
                  + " ".join(f"{len(rels.get(k, ())):10}" for k in ("positions", "awards", "reports",
                                                                   "reports_at", "locations", "quotes",
                                                                   "reporters")))
    print("entity types:", ", ".join(f"{k[5:]} {v}" for k, v in sorted(stats.items()) if k.startswith("type:")))
    print("relations:", ", ".join(f"{k[4:]} {v}" for k, v in sorted(stats.items()) if k.startswith("rel:")))
    print(f"totals: {len(files)} files, {stats['articles']} articles, {stats['entities']} entities "
          f"({stats['optional entities']} optional), {stats['relations']} relations")
    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    print("OK: no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
