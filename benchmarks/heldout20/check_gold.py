#!/usr/bin/env python3
"""Self-check of the heldout20 gold files (n1.yaml ... n4.yaml against n1.txt ... n4.txt).

Checks, per file:
  - the schema of seed.yaml: source, articles, entities, relations, uncertain;
  - articles: unique ids, the headline is the first line of the text, the byline's reporters
    (and place) occur between the headline and `starts_with`, `starts_with` is the first 12
    characters of the body after the byline, the body is 500-800 characters long;
  - entities: known types, unique names, every name and alias an exact substring of the text
    (line breaks removed), no alias shared by two entities, `articles` equal to the articles
    whose text contains the name or an alias;
  - relations: known kinds with their fields, arguments that are canonical entity names of the
    right types, a valid article, no duplicates, summit years 2023-2025;
  - bylines against reporter relations (the same persons, all of type Person);
  - uncertain: complete items, listed entities exist, `in_gold: true` relations are copies of
    gold relations, `in_gold: false` and `also_accept` relations are not in the gold, labels of
    items about aliases begin with "aliases", and a relation that involves an entity made
    optional for a reason other than its type is itself listed under `uncertain`;
then loads every file with load_gold() of the reference scorer and prints the counts.
Exit status 0 iff no problem was found.

Usage (from the repository root): python benchmarks/heldout20/check_gold.py [--score PATH]
--score defaults to ../shared/gold/score.py relative to the repository root.
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
ROOT = HERE.parent.parent  # the repository root (benchmarks/heldout20/ -> ./)
FILES = ["n1", "n2", "n3", "n4"]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory",
         "Report", "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "caption", "continuation"}

# relation kind -> {field: allowed entity types (None: not an entity)}; "?" marks optional fields
REL_SPEC = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"},
                      "?category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(stem: str, score, problems: list[str]) -> dict:
    def bad(msg: str) -> None:
        problems.append(f"{stem}: {msg}")

    ypath, tpath = HERE / f"{stem}.yaml", HERE / f"{stem}.txt"
    if not ypath.exists() or not tpath.exists():
        bad("missing .yaml or .txt")
        return {}
    raw = tpath.read_text(encoding="utf-8")
    if raw.startswith("\ufeff"):
        bad("text starts with a byte-order mark")
    text = flat(raw)
    try:
        g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        bad(f"YAML error: {err}")
        return {}
    if not isinstance(g, dict):
        bad("gold is not a mapping")
        return {}
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        bad(f"unknown top-level keys {sorted(extra)}")
    if g.get("source") != tpath.name:
        bad(f"source is {g.get('source')!r}, expected {tpath.name!r}")
    if "2026" in raw:
        bad("the text mentions 2026")

    # ------------------------------------------------------------------ articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if ids != ["a1"]:
        bad(f"articles are {ids}, expected a single article a1")
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    byline_reporters: dict[str, list] = {}
    for a in arts:
        aid = a.get("id")
        for k in ("title", "kind", "byline", "starts_with"):
            if k not in a:
                bad(f"{aid}: no {k}")
        if a.get("kind") not in KINDS:
            bad(f"{aid}: kind {a.get('kind')!r}")
        title, sw = a.get("title"), a.get("starts_with") or ""
        if not lines or lines[0] != title:
            bad(f"{aid}: title {title!r} is not the first line of the text")
        by = a.get("byline") or {}
        if set(by) != {"place", "date", "reporters"}:
            bad(f"{aid}: byline keys {sorted(by)}")
        reps = by.get("reporters") or []
        byline_reporters[aid] = list(reps)
        if len(sw) != 12:
            bad(f"{aid}: starts_with {sw!r} is not 12 characters")
        if raw.count(sw) != 1:
            bad(f"{aid}: starts_with {sw!r} occurs {raw.count(sw)} times in the text")
            continue
        p = raw.index(sw)
        t_end = raw.index(title) + len(title) if title and title in raw else 0
        head = raw[t_end:p]
        if p == 0 or raw[p - 1] not in "\n）】)":
            bad(f"{aid}: starts_with does not begin a line or follow a closing bracket of the byline")
        if len(re.sub(r"\s", "", head)) > 40:
            bad(f"{aid}: more than a byline between the title and starts_with: {head.strip()[:60]!r}")
        for r in reps:
            if r not in head:
                bad(f"{aid}: byline reporter {r!r} not in the byline text {head.strip()!r}")
        if by.get("place") and by["place"] not in head:
            bad(f"{aid}: byline place {by['place']!r} not in the byline text")
        if not reps and by.get("place") is None and head.strip():
            bad(f"{aid}: text {head.strip()!r} before the body but an empty byline")
        body = re.sub(r"\s", "", raw[p:])
        if not 500 <= len(body) <= 800:
            bad(f"{aid}: body is {len(body)} characters, expected 500-800")

    # ------------------------------------------------------------------ entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    owner: dict[str, str] = {}  # normalised name or alias -> canonical name
    for e in ents:
        n, t = e.get("name"), e.get("type")
        if not n or not isinstance(n, str):
            bad(f"entity without a string name: {e}")
            continue
        extra = set(e) - {"name", "type", "aliases", "articles"}
        if extra:
            bad(f"{n}: unknown keys {sorted(extra)}")
        if t not in TYPES:
            bad(f"{n}: type {t!r}")
        if n in by_name:
            bad(f"{n}: duplicate entity")
        by_name[n] = e
        aliases = e.get("aliases") or []
        if len(set(aliases)) != len(aliases) or n in aliases:
            bad(f"{n}: repeated alias")
        for s in [n, *aliases]:
            if not isinstance(s, str):
                bad(f"{n}: non-string alias {s!r}")
                continue
            if s not in text:
                bad(f"{n}: {s!r} is not a substring of {tpath.name}")
            k = score.norm(s)
            if k in owner and owner[k] != n:
                bad(f"{s!r} ({n}) normalises like a name of {owner[k]}")
            owner.setdefault(k, n)
        found = ["a1"] if any(isinstance(s, str) and s in text for s in [n, *aliases]) else []
        if e.get("articles") != found:
            bad(f"{n}: articles {e.get('articles')} but found in {found}")

    # ------------------------------------------------------------------ relations
    def check_rel(r: dict, where: str) -> bool:
        kind = r.get("rel")
        spec = REL_SPEC.get(kind)
        if spec is None:
            bad(f"{where}: unknown relation {kind!r}")
            return False
        ok = True
        fields = {f.lstrip("?") for f in spec}
        extra = set(r) - fields - {"rel", "article"}
        if extra:
            bad(f"{where}: {kind} has unknown fields {sorted(extra)}: {r}")
            ok = False
        if r.get("article") not in ids:
            bad(f"{where}: {kind} with article {r.get('article')!r}: {r}")
            ok = False
        for f, allowed in spec.items():
            opt = f.startswith("?")
            f = f.lstrip("?")
            v = r.get(f)
            if v is None:
                if not opt:
                    bad(f"{where}: {kind} lacks {f}: {r}")
                    ok = False
                continue
            if allowed is None:
                continue
            e = by_name.get(v)
            if e is None:
                bad(f"{where}: {kind}.{f} {v!r} is not a canonical entity name")
                ok = False
            elif e.get("type") not in allowed:
                bad(f"{where}: {kind}.{f} {v!r} has type {e.get('type')}, expected {sorted(allowed)}")
                ok = False
        if kind == "receivedAward":
            y = r.get("year")
            if y is not None and not (isinstance(y, int) and 2014 <= y <= 2025):
                bad(f"{where}: award year {y!r}")
        if kind == "holdsPosition" and not r.get("title"):
            bad(f"{where}: holdsPosition without a title: {r}")
        return ok

    rels = g.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, c in gold_keys.items():
        if c > 1:
            bad(f"duplicate relation {dict(k)}")
    for r in rels:
        check_rel(r, "relations")
    # summit editions: 2023-2025 only
    for n, e in by_name.items():
        if e.get("type") == "Event":
            for y in re.findall(r"(20\d\d)年", n):
                if not 2023 <= int(y) <= 2025 and "届" not in n:
                    bad(f"{n}: edition year {y} outside 2023-2025")

    # ------------------------------------------------------------------ bylines vs reporters
    rel_reporters = defaultdict(list)
    for r in rels:
        if r.get("rel") == "reporter":
            rel_reporters[r.get("article")].append(r.get("person"))
    for aid in ids:
        if sorted(rel_reporters.get(aid, [])) != sorted(byline_reporters.get(aid, [])):
            bad(f"{aid}: reporter relations {rel_reporters.get(aid, [])} != byline {byline_reporters.get(aid)}")
        for p in byline_reporters.get(aid, []):
            if (by_name.get(p) or {}).get("type") != "Person":
                bad(f"{aid}: byline reporter {p!r} is not a Person entity")

    # ------------------------------------------------------------------ uncertain
    unc = g.get("uncertain") or []
    optional_for_existence: set[str] = set()
    uncertain_rel_keys: set[tuple] = set()
    for u in unc:
        label = str(u.get("item", ""))
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                bad(f"uncertain {label!r}: no {k}")
        extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
        if extra:
            bad(f"uncertain {label!r}: unknown keys {sorted(extra)}")
        if not isinstance(u.get("in_gold"), bool):
            bad(f"uncertain {label!r}: in_gold is not a boolean")
        if "alias" in label.lower() and not label.startswith("aliases"):
            bad(f"uncertain {label!r}: an item about aliases must begin with 'aliases'")
        for n in u.get("entities") or []:
            if n not in by_name:
                bad(f"uncertain {label!r}: entity {n!r} not in entities")
            elif label.startswith("aliases") and not by_name[n].get("aliases"):
                bad(f"uncertain {label!r}: entity {n!r} has no aliases")
        if u.get("entities") and u.get("in_gold") is False:
            bad(f"uncertain {label!r}: in_gold false items must not list gold entities")
        if u.get("in_gold") is True and not label.startswith(("aliases", "segment", "type of")):
            optional_for_existence.update(u.get("entities") or [])
        for r in u.get("relations") or []:
            check_rel(r, f"uncertain {label!r}")
            k = rel_key(r)
            uncertain_rel_keys.add(k)
            if u.get("in_gold") is True and k not in gold_keys:
                bad(f"uncertain {label!r} (in_gold: true): relation not in the gold: {r}")
            if u.get("in_gold") is False and k in gold_keys:
                bad(f"uncertain {label!r} (in_gold: false): relation is in the gold: {r}")
        for r in u.get("also_accept") or []:
            check_rel(r, f"uncertain {label!r} also_accept")
            if rel_key(r) in gold_keys:
                bad(f"uncertain {label!r}: also_accept relation is in the gold: {r}")
        if u.get("also_accept") and u.get("in_gold") is not True:
            bad(f"uncertain {label!r}: also_accept on an item that is not in_gold")
    for r in rels:
        args = {v for f, v in r.items() if f not in ("rel", "article", "title", "year")}
        hit = args & optional_for_existence
        if hit and rel_key(r) not in uncertain_rel_keys:
            bad(f"relation {r} involves optional {sorted(hit)} but is not listed under uncertain")

    return {"entities": len(ents), "relations": len(rels), "uncertain": len(unc),
            "types": Counter(e.get("type") for e in ents),
            "rels": Counter(r.get("rel") for r in rels)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--score", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py",
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    score_path = a.score if a.score.is_absolute() else (Path.cwd() / a.score)
    if not score_path.exists():
        score_path = ROOT / a.score if not a.score.is_absolute() else score_path
    if not score_path.exists():
        print(f"reference scorer not found: {a.score}")
        return 2
    score = load_scorer(score_path.resolve())

    problems: list[str] = []
    stats = {}
    for stem in FILES:
        stats[stem] = check_file(stem, score, problems)

    print(f"reference scorer: {score_path.resolve()}")
    print(f"{'file':6} {'ents':>5} {'req':>5} {'opt':>5} {'rels':>5}  scored (positions awards reports "
          f"reports_at locations quotes reporters)  neutral  uncertain")
    tot = Counter()
    for stem in FILES:
        try:
            ents, alias_to_key, rels, optional, neutral = score.load_gold([HERE / f"{stem}.yaml"])
        except Exception as err:  # noqa: BLE001
            problems.append(f"{stem}: load_gold failed: {err!r}")
            continue
        st = stats.get(stem) or {}
        req = len([k for k in ents if k not in optional])
        scored = [len(rels.get(n, ())) for n in ("positions", "awards", "reports", "reports_at",
                                                  "locations", "quotes", "reporters")]
        n_neutral = sum(len(v) for v in neutral.values())
        print(f"{stem:6} {len(ents):5} {req:5} {len(optional):5} {st.get('relations', 0):5}  "
              f"{' '.join(f'{x:3}' for x in scored)} = {sum(scored):3}             {n_neutral:5}  "
              f"{st.get('uncertain', 0):5}")
        tot.update({"ents": len(ents), "req": req, "opt": len(optional),
                    "rels": st.get("relations", 0), "scored": sum(scored)})
        if len(ents) != st.get("entities"):
            problems.append(f"{stem}: load_gold sees {len(ents)} entities, the file lists {st.get('entities')}")
    print(f"{'total':6} {tot['ents']:5} {tot['req']:5} {tot['opt']:5} {tot['rels']:5}  scored {tot['scored']}")
    types, kinds = Counter(), Counter()
    for st in stats.values():
        types.update(st.get("types", {}))
        kinds.update(st.get("rels", {}))
    print("entities by type:", ", ".join(f"{t} {c}" for t, c in sorted(types.items())))
    print("relations by kind:", ", ".join(f"{t} {c}" for t, c in sorted(kinds.items())))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nOK: no problem found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
