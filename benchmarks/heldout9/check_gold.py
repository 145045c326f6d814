#!/usr/bin/env python3
"""Self-check of the heldout9 gold files (no extractor involved).

For every rN.yaml given (default: all r*.yaml beside this script) it checks that
  - the yaml loads through the reference scorer's own loader (score.load_gold);
  - every entity name and alias is an exact substring of the text once line breaks are removed,
    entity types are the scorer's types, and no name is annotated twice;
  - each entity's `articles` list equals the articles whose text contains the name or an alias
    (articles are cut at their headline, or at starts_with for untitled ones);
  - each article's starts_with occurs in its segment;
  - every relation has a known type, a known article id, arguments that are gold entities
    (names or aliases) of a fitting type; for also_accept / in_gold: false candidates an argument
    may instead be any substring of the text;
  - `uncertain` in_gold: true relations are exact copies of gold relations and its entities are gold;
  - no also_accept / rejected candidate collides (as the scorer compares them) with a gold
    relation that is meant to stay required;
  - no person of the seed page is reused and no sentence of the seed page is copied.
Prints per-file counts and exits non-zero on any error.

Usage (from the repository root or from this folder):
    python benchmarks/heldout9/check_gold.py [benchmarks/heldout9/r1.yaml ...]
Paths to the scorer and seed are relative to this script: ../../../shared/gold and ../../../shared/seeds.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SHARED = HERE / ".." / ".." / ".." / "shared"
SCORE_PY = SHARED / "gold" / "score.py"
SEED_YAML = SHARED / "gold" / "seed.yaml"
SEED_DIR = SHARED / "seeds"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types}
SIG = {
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


def load_score_module():
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def segments(text: str, articles: list[dict]) -> dict[str, str]:
    """Cut the flattened text into articles: each starts at its headline (or starts_with)."""
    starts, pos = [], 0
    for a in articles:
        anchor = a.get("title") or a.get("starts_with")
        i = text.find(anchor, pos)
        if i < 0:
            raise ValueError(f"article {a['id']}: anchor {anchor!r} not found in order")
        starts.append((i, a["id"]))
        pos = i + 1
    out = {}
    for n, (i, aid) in enumerate(starts):
        j = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        out[aid] = text[i:j]
    return out


def check(path: Path, score, seed_people: set[str], seed_sentences: list[str]) -> int:
    errors: list[str] = []
    warn: list[str] = []
    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    src = path.parent / g["source"]
    raw = src.read_text(encoding="utf-8")
    text = flat(raw)
    arts = g.get("articles") or []
    art_ids = [a["id"] for a in arts]
    try:
        segs = segments(text, arts)
    except ValueError as e:
        errors.append(str(e))
        segs = {}
    for a in arts:
        sw = a.get("starts_with")
        if sw and a["id"] in segs and sw not in segs[a["id"]]:
            errors.append(f"article {a['id']}: starts_with {sw!r} not in its segment")
        if sw and len(sw) != 12:
            errors.append(f"article {a['id']}: starts_with has {len(sw)} characters, not 12")
        for r in (a.get("byline") or {}).get("reporters") or []:
            if r not in text:
                errors.append(f"article {a['id']}: reporter {r!r} not in text")

    # entities
    names: dict[str, dict] = {}
    for e in g.get("entities") or []:
        if e["type"] not in TYPES:
            errors.append(f"entity {e['name']}: unknown type {e['type']}")
        forms = [e["name"], *(e.get("aliases") or [])]
        for f in forms:
            f = str(f)
            if f not in text:
                errors.append(f"entity {e['name']}: {f!r} is not a substring of the text")
            if f in names:
                errors.append(f"name {f!r} annotated twice ({names[f]['name']} and {e['name']})")
            names[f] = e
        want = sorted(aid for aid, s in segs.items() if any(str(f) in s for f in forms))
        got = sorted(e.get("articles") or [])
        if segs and want != got:
            errors.append(f"entity {e['name']}: articles {got} but the text gives {want}")
        if e["type"] == "Person" and e["name"] in seed_people:
            errors.append(f"person {e['name']} is reused from the seed page")

    def arg_ok(rel: dict, where: str, loose: bool):
        kind = rel.get("rel")
        if kind not in SIG:
            errors.append(f"{where}: unknown relation {kind!r}")
            return
        if rel.get("article") not in art_ids:
            errors.append(f"{where}: unknown article {rel.get('article')!r} in {rel}")
        for arg, allowed in SIG[kind].items():
            v = rel.get(arg)
            if v is None:
                if arg == "category":
                    continue
                errors.append(f"{where}: {kind} lacks {arg}: {rel}")
                continue
            e = names.get(str(v))
            if e is None:
                if loose and str(v) in text:
                    continue
                errors.append(f"{where}: {kind}.{arg} {v!r} is not a gold entity name or alias")
            elif e["type"] not in allowed:
                (warn if loose else errors).append(
                    f"{where}: {kind}.{arg} {v!r} has type {e['type']}, expected {sorted(allowed)}")
        if kind == "holdsPosition" and not rel.get("title"):
            errors.append(f"{where}: holdsPosition without title: {rel}")
        if kind == "receivedAward" and not rel.get("year"):
            warn.append(f"{where}: receivedAward without year: {rel}")

    gold_rels = g.get("relations") or []
    for r in gold_rels:
        arg_ok(r, "relations", loose=False)
    canon = lambda r: tuple(sorted((k, str(v)) for k, v in r.items()))  # noqa: E731
    gold_set = {canon(r) for r in gold_rels}
    intended_optional, neutral_only = [], []
    for u in g.get("uncertain") or []:
        where = f"uncertain[{u.get('item')}]"
        if "in_gold" not in u:
            errors.append(f"{where}: no in_gold")
        for n in u.get("entities") or []:
            if n not in names:
                errors.append(f"{where}: entity {n!r} is not a gold entity")
        for r in u.get("relations") or []:
            if u.get("in_gold"):
                arg_ok(r, where, loose=False)
                if canon(r) not in gold_set:
                    errors.append(f"{where}: in_gold relation is not an exact copy of a gold relation: {r}")
                intended_optional.append(r)
            else:
                arg_ok(r, where, loose=True)
                if canon(r) in gold_set:
                    errors.append(f"{where}: rejected candidate is also in relations: {r}")
                neutral_only.append(r)
        for r in u.get("also_accept") or []:
            arg_ok(r, where + " also_accept", loose=True)
            neutral_only.append(r)

    # collisions in the scorer's own terms: a neutral tuple must not remove a required gold fact
    ents, alias_to_key, s_rels, optional_ents, neutral = score.load_gold([path])

    def key(name):
        if name is None:
            return None
        n = score.norm(name)
        return alias_to_key.get(n, n)

    def tuples(rels):
        d = defaultdict(set)
        for r in rels:
            score._add_rel(d, r, key)
        return d

    all_gold = tuples(gold_rels)
    opt = tuples(intended_optional)
    neu = tuples(neutral_only)
    for grp, tset in neu.items():
        clash = (tset & all_gold.get(grp, set())) - opt.get(grp, set())
        for t in sorted(map(str, clash)):
            errors.append(f"neutral candidate {grp} {t} removes a required gold fact")

    # seed reuse
    for s in seed_sentences:
        if s in text:
            errors.append(f"sentence copied from the seed page: {s[:30]}…")

    # counts
    req = {k: v for k, v in ents.items() if k not in optional_ents}
    by_type = Counter(v["type"] for v in req.values())
    opt_by_type = Counter(v["type"] for k, v in ents.items() if k in optional_ents)
    rel_counts = Counter(r["rel"] for r in gold_rels)
    scored = {k: len(v) for k, v in s_rels.items()}
    print(f"{path.name}: {len(text)} chars, {len(arts)} article(s), {len(ents)} entities "
          f"({len(req)} required, {len(ents) - len(req)} optional), {len(gold_rels)} relations")
    print("  required by type:", dict(sorted(by_type.items())))
    print("  optional by type:", dict(sorted(opt_by_type.items())))
    print("  relations by type:", dict(sorted(rel_counts.items())))
    print("  scored (required) tuples:", dict(sorted(scored.items())),
          "| neutral:", {k: len(v) for k, v in sorted(neutral.items())})
    for w in warn:
        print("  warning:", w)
    for e in errors:
        print("  ERROR:", e)
    return len(errors)


def main(argv: list[str]) -> int:
    score = load_score_module()
    seed = yaml.safe_load(SEED_YAML.read_text(encoding="utf-8"))
    seed_people = {e["name"] for e in seed.get("entities") or [] if e.get("type") == "Person"}
    for e in seed.get("entities") or []:
        if e.get("type") == "Person":
            seed_people.update(e.get("aliases") or [])
    seed_sentences = []
    for p in sorted(SEED_DIR.glob("*.txt")):
        t = flat(p.read_text(encoding="utf-8"))
        seed_sentences += [s for s in re.split(r"(?<=[。！？])", t) if len(s) >= 12]
    paths = [Path(a) for a in argv] or sorted(HERE.glob("r*.yaml"))
    n_err = sum(check(p, score, seed_people, seed_sentences) for p in paths)
    # across files: one normalised name, one type (the files may be scored together)
    seen: dict[str, tuple[str, str]] = {}
    for p in paths:
        for e in yaml.safe_load(p.read_text(encoding="utf-8")).get("entities") or []:
            for f in [e["name"], *(e.get("aliases") or [])]:
                k = score.norm(f)
                if k in seen and seen[k][0] != e["type"]:
                    print(f"ERROR: {f!r} is {e['type']} in {p.name} but {seen[k][0]} in {seen[k][1]}")
                    n_err += 1
                seen.setdefault(k, (e["type"], p.name))
    print("OK" if not n_err else f"{n_err} error(s)")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
