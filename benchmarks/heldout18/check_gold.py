#!/usr/bin/env python3
"""Self-check of the heldout18 gold files (k1.yaml ... k4.yaml against k1.txt ... k4.txt).

It never runs the extractor. It checks that
  - each text is 500-650 characters once its line breaks are removed;
  - every entity name and alias is a substring of the text (line breaks removed), names and
    aliases are unique after the scorer's normalisation, types are of the schema;
  - each entity's `articles` is exactly the set of articles whose segment contains the name or
    an alias (nested occurrences included);
  - `starts_with` is 12 characters and begins the body after the title and the byline;
  - relation arguments are entities of the allowed types, present in the relation's article;
  - byline reporters and `reporter` relations agree;
  - `uncertain` items are well formed: in_gold true items copy gold relations and name gold
    entities, in_gold false candidates are not in the gold, also_accept answers are not in the
    gold, items about aliases are labelled "aliases ...";
and loads every file with `load_gold` from the reference scorer (../shared/gold/score.py
relative to the repository root, or --score PATH). Prints counts; exits 0 iff no problem.

Usage (from the repository root): python benchmarks/heldout18/check_gold.py [--score PATH]
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
FILES = ["k1", "k2", "k3", "k4"]

ORG = {"Organization", "Company", "GovernmentBody"}
TYPES = ORG | {"Person", "Region", "Event", "Award", "AwardCategory", "Product", "Initiative", "Report"}
# relation -> {argument: allowed types}; None = free value
SIGNATURES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
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


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(text: str) -> str:
    lines = text.splitlines()
    if lines and lines[0].startswith("# http"):
        lines = lines[1:]
    return "".join(lines)


def segments(text: str, articles: list[dict], problems: list[str], tag: str) -> dict[str, str]:
    """Article id -> its text: from its title (or its starts_with) to the next article's start."""
    starts = []
    pos = 0
    for a in articles:
        anchor = a.get("title") or a.get("starts_with")
        i = text.find(anchor, pos) if anchor else -1
        if i < 0:
            problems.append(f"{tag}: article {a.get('id')}: title/starts_with {anchor!r} not found in order")
            i = pos
        starts.append(i)
        pos = i + 1
    starts[0] = 0 if len(articles) == 1 else starts[0]
    out = {}
    for n, a in enumerate(articles):
        end = starts[n + 1] if n + 1 < len(articles) else len(text)
        out[a["id"]] = text[starts[n]:end]
    return out


def body_start(seg: str, art: dict) -> str:
    """The segment from where the body begins: after the last byline reporter's name and the rest
    of its byline (a closing parenthesis, or the end of the byline line), else after the title."""
    reps = (art.get("byline") or {}).get("reporters") or []
    lines = seg.splitlines(keepends=True)
    if reps:
        last = max(seg.find(r) + len(r) for r in reps if r in seg) if any(r in seg for r in reps) else 0
        rest = seg[last:]
        stripped = rest.lstrip(" \u3000")
        if stripped[:1] in (")", "）", "】"):
            rest = stripped[1:]
        else:
            nl = rest.find("\n")
            rest = rest[nl + 1:] if nl >= 0 else ""
        return flat(rest).lstrip()
    title = art.get("title")
    if title and lines and lines[0].strip() == title:
        return flat("".join(lines[1:])).lstrip()
    return flat(seg).lstrip()


def check_file(stem: str, score) -> tuple[list[str], dict]:
    problems: list[str] = []
    tag = stem
    raw = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
    text = flat(raw)
    g = yaml.safe_load((HERE / f"{stem}.yaml").read_text(encoding="utf-8"))
    if g.get("source") != f"{stem}.txt":
        problems.append(f"{tag}: source is {g.get('source')!r}, expected {stem}.txt")
    if not 500 <= len(text) <= 650:
        problems.append(f"{tag}: text has {len(text)} characters without line breaks (want 500-650)")

    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if not arts or len(set(ids)) != len(ids):
        problems.append(f"{tag}: articles missing or ids not unique")
        return problems, {}
    raw_noheader = "\n".join(l for n, l in enumerate(raw.splitlines()) if not (n == 0 and l.startswith("# http")))
    segs_raw = segments(raw_noheader, arts, problems, tag)
    segs = {k: flat(v) for k, v in segs_raw.items()}
    for a in arts:
        for key in ("id", "title", "kind", "byline", "starts_with"):
            if key not in a:
                problems.append(f"{tag}: article {a.get('id')} lacks {key}")
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            problems.append(f"{tag}: article {a['id']} byline keys {sorted(b)}")
        if a.get("title") and a["title"] not in segs[a["id"]]:
            problems.append(f"{tag}: title of {a['id']} not in its text")
        if b.get("place") and b["place"] not in segs[a["id"]]:
            problems.append(f"{tag}: byline place {b['place']} of {a['id']} not in its text")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            problems.append(f"{tag}: starts_with of {a['id']} has {len(sw)} characters, not 12")
        if not body_start(segs_raw[a["id"]], a).startswith(sw):
            problems.append(f"{tag}: starts_with {sw!r} does not begin the body of {a['id']}")

    # entities
    ents: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for e in g.get("entities") or []:
        name, typ = e.get("name"), e.get("type")
        if not name or typ not in TYPES:
            problems.append(f"{tag}: bad entity {e}")
            continue
        if name in ents:
            problems.append(f"{tag}: duplicate entity {name}")
        ents[name] = e
        forms = [name] + list(e.get("aliases") or [])
        for f in forms:
            if not isinstance(f, str) or f not in text:
                problems.append(f"{tag}: {typ} {name}: {f!r} is not a substring of the text")
            n = score.norm(f)
            if n in seen_norm and seen_norm[n] != name:
                problems.append(f"{tag}: {f!r} of {name} normalises like a form of {seen_norm[n]}")
            seen_norm.setdefault(n, name)
        want = sorted(aid for aid in ids if any(isinstance(f, str) and f in segs[aid] for f in forms))
        got = sorted(e.get("articles") or [])
        if want != got:
            problems.append(f"{tag}: {name}: articles {got}, text gives {want}")

    # relations
    def check_rel(r: dict, where: str) -> None:
        rel = r.get("rel")
        sig = SIGNATURES.get(rel)
        if sig is None:
            problems.append(f"{tag}: {where}: unknown relation {rel}")
            return
        keys = set(r) - {"rel", "article"}
        if keys != set(sig):
            problems.append(f"{tag}: {where}: {rel} has arguments {sorted(keys)}, expected {sorted(sig)}")
        art = r.get("article")
        if art not in ids:
            problems.append(f"{tag}: {where}: {rel} names unknown article {art}")
        for arg, allowed in sig.items():
            v = r.get(arg)
            if allowed is None:
                if rel == "holdsPosition" and (not v or v not in segs.get(art, "")):
                    problems.append(f"{tag}: {where}: title {v!r} not in article {art}")
                if rel == "receivedAward" and not (isinstance(v, int) and 1990 < v < 2100):
                    problems.append(f"{tag}: {where}: award year {v!r}")
                continue
            if v is None and (rel, arg) in OPTIONAL_ARGS:
                continue
            e = ents.get(v)
            if e is None:
                problems.append(f"{tag}: {where}: {rel}.{arg} {v!r} is not an entity name")
                continue
            if e["type"] not in allowed:
                problems.append(f"{tag}: {where}: {rel}.{arg} {v} has type {e['type']}")
            if art not in (e.get("articles") or []):
                problems.append(f"{tag}: {where}: {rel}.{arg} {v} does not occur in article {art}")

    def canon(r: dict) -> tuple:
        return tuple(sorted((k, str(v)) for k, v in r.items()))

    gold_rels = set()
    for n, r in enumerate(g.get("relations") or []):
        check_rel(r, f"relation {n + 1}")
        c = canon(r)
        if c in gold_rels:
            problems.append(f"{tag}: duplicate relation {r}")
        gold_rels.add(c)

    # bylines vs reporter relations
    for a in arts:
        by = set((a.get("byline") or {}).get("reporters") or [])
        rel_reps = {r["person"] for r in g.get("relations") or [] if r.get("rel") == "reporter" and r.get("article") == a["id"]}
        if by != rel_reps:
            problems.append(f"{tag}: article {a['id']}: byline reporters {sorted(by)} vs reporter relations {sorted(rel_reps)}")
        for p in by:
            if p not in ents or ents[p]["type"] != "Person":
                problems.append(f"{tag}: reporter {p} is not a Person entity")

    # uncertain
    for n, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain {n + 1}"
        if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
            problems.append(f"{tag}: {where}: needs item, in_gold, decision, why")
            continue
        item = str(u["item"])
        if "alias" in item.lower() and not item.startswith("aliases"):
            problems.append(f"{tag}: {where}: an item about aliases must start with 'aliases'")
        if item.startswith("aliases"):
            for name in u.get("entities") or []:
                if not (ents.get(name) or {}).get("aliases"):
                    problems.append(f"{tag}: {where}: {name} has no aliases")
        for name in u.get("entities") or []:
            if u["in_gold"] and name not in ents:
                problems.append(f"{tag}: {where}: entity {name} is not in the gold")
            if not u["in_gold"] and name in ents:
                problems.append(f"{tag}: {where}: rejected entity {name} is in the gold")
        for r in u.get("relations") or []:
            check_rel(r, where) if u["in_gold"] else None
            inside = canon(r) in gold_rels
            if u["in_gold"] and not inside:
                problems.append(f"{tag}: {where}: relation {r} is not a copy of a gold relation")
            if not u["in_gold"] and inside:
                problems.append(f"{tag}: {where}: rejected relation {r} is in the gold")
        for r in u.get("also_accept") or []:
            if canon(r) in gold_rels:
                problems.append(f"{tag}: {where}: also_accept {r} is already in the gold")
            if r.get("rel") not in SIGNATURES:
                problems.append(f"{tag}: {where}: also_accept has unknown relation {r.get('rel')}")

    # the reference loader
    try:
        gents, _alias, grels, optional, neutral = score.load_gold([HERE / f"{stem}.yaml"])
    except Exception as err:  # noqa: BLE001
        problems.append(f"{tag}: load_gold failed: {err!r}")
        return problems, {}
    if len(gents) != len(ents):
        problems.append(f"{tag}: load_gold sees {len(gents)} entities, the file has {len(ents)}")
    for k in optional:
        if k not in gents:
            problems.append(f"{tag}: optional key {k} is not a gold entity")
    types = Counter(e["type"] for e in ents.values())
    required = Counter(gents[k]["type"] for k in gents if k not in optional)
    scored = {k: len(v) for k, v in grels.items() if v}
    stats = {
        "chars": len(text),
        "articles": len(arts),
        "entities": len(ents),
        "required": sum(required.values()),
        "optional": len(ents) - sum(required.values()),
        "relations": len(gold_rels),
        "scored": sum(scored.values()),
        "types": types,
        "rel_types": Counter(r["rel"] for r in g.get("relations") or []),
        "scored_by_query": scored,
    }
    return problems, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--score", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py",
                    help="path to the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.score.exists():
        print(f"scorer not found: {a.score}")
        return 1
    score = load_score(a.score)
    all_problems: list[str] = []
    total_types: Counter = Counter()
    total_rels: Counter = Counter()
    print(f"{'file':5} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6}")
    for stem in FILES:
        problems, s = check_file(stem, score)
        all_problems += problems
        if s:
            print(f"{stem:5} {s['chars']:5} {s['articles']:4} {s['entities']:4} {s['required']:4} "
                  f"{s['optional']:4} {s['relations']:4} {s['scored']:6}  "
                  + " ".join(f"{k}={v}" for k, v in sorted(s["scored_by_query"].items())))
            total_types += s["types"]
            total_rels += s["rel_types"]
    print("entities by type:", ", ".join(f"{t} {n}" for t, n in sorted(total_types.items())))
    print("relations by type:", ", ".join(f"{t} {n}" for t, n in sorted(total_rels.items())))
    for p in all_problems:
        print("PROBLEM", p)
    print(f"{len(all_problems)} problem(s)")
    return 0 if not all_problems else 1


if __name__ == "__main__":
    sys.exit(main())
