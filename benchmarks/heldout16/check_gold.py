#!/usr/bin/env python3
"""Self-check of the heldout16 gold files. It never runs `kg`.

Usage, from the repository root:
    python benchmarks/heldout16/check_gold.py [--score PATH] [GOLD.yaml ...]

Without GOLD files it checks every y*.yaml beside this script against the text named by its
`source:` field. It checks that
  - each text is 550-700 characters once its line breaks are removed;
  - names and aliases are exact substrings of the text without line breaks, unique after the
    scorer's normalisation, of a known type;
  - each entity's `articles` is exactly the set of articles whose text contains the name or an alias
    (an article runs from its headline, or its first words when it has none, to the next article);
  - `starts_with` is 12 characters and occurs in its article; titles and byline places occur;
  - relations name gold entities of the right types that occur in the article given, titles occur
    in that article, nothing is annotated twice;
  - the reporter relations of each article are exactly its byline reporters;
  - `uncertain` is consistent: in_gold items copy gold entities and relations, rejected candidates
    and `also_accept` answers are not gold and never neutralise a scored gold fact;
  - no file of the set holds an absolute path;
and then loads each file with `load_gold` of the reference scorer (../shared/gold/score.py from
the repository root, or --score PATH) and prints the counts. Exit 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # benchmarks/heldout16 -> repository root

TYPES = ["Person", "Organization", "Company", "GovernmentBody", "Region", "Event", "Award",
         "AwardCategory", "Product", "Initiative", "Report"]
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "caption", "continuation"}
# relation -> {field: allowed entity types (None: a string or null that is not an entity)}
SIGNATURES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"},
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
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
SCORED = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
ABS = "/" + "work/"  # written in two parts so that this file does not flag itself


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def segment(doc_flat: str, articles: list[dict], problems: list[str], tag: str) -> dict[str, tuple[int, int]]:
    """Article id -> (start, end) in the text without line breaks."""
    anchors, pos = [], 0
    for art in articles:
        title, sw = art.get("title"), art.get("starts_with") or ""
        key = title if title else sw
        i = doc_flat.find(key, pos) if key else -1
        if i < 0:
            problems.append(f"{tag} {art.get('id')}: {'title' if title else 'starts_with'} {key!r} not found in page order")
            i = pos
        anchors.append(i)
        pos = i + max(len(key), 1)
    spans = {}
    for n, art in enumerate(articles):
        end = anchors[n + 1] if n + 1 < len(articles) else len(doc_flat)
        spans[art.get("id")] = (anchors[n], end)
    return spans


def check_file(gp: Path, sc, problems: list[str], stats: dict) -> None:
    tag = gp.name
    raw_yaml = gp.read_text(encoding="utf-8")
    g = yaml.safe_load(raw_yaml)
    if not isinstance(g, dict):
        problems.append(f"{tag}: not a mapping")
        return
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        problems.append(f"{tag}: unknown top-level keys {sorted(extra)}")
    src = g.get("source")
    tp = gp.parent / str(src)
    if not src or Path(str(src)).is_absolute() or not tp.exists():
        problems.append(f"{tag}: source {src!r} is not a relative path to an existing text")
        return
    text = tp.read_text(encoding="utf-8")
    F = flat(text)
    n_chars = len(F)
    if not 550 <= n_chars <= 700:
        problems.append(f"{tag}: {src} has {n_chars} characters without line breaks (want 550-700)")

    # ---- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if not arts or len(set(ids)) != len(ids):
        problems.append(f"{tag}: articles missing or ids not unique: {ids}")
    spans = segment(F, arts, problems, tag)
    seg = {aid: F[s:e] for aid, (s, e) in spans.items()}
    outside = F[: min(s for s, _ in spans.values())] if spans else F
    for a in arts:
        aid = a.get("id")
        if a.get("kind") not in KINDS:
            problems.append(f"{tag} {aid}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
        sw = a.get("starts_with")
        if not isinstance(sw, str) or len(sw) != 12:
            problems.append(f"{tag} {aid}: starts_with {sw!r} is not 12 characters")
        elif sw not in seg[aid]:
            problems.append(f"{tag} {aid}: starts_with {sw!r} not in the article")
        b = a.get("byline")
        if not isinstance(b, dict) or set(b) != {"place", "date", "reporters"}:
            problems.append(f"{tag} {aid}: byline must be {{place, date, reporters}}")
            continue
        if b["place"] is not None and b["place"] not in seg[aid]:
            problems.append(f"{tag} {aid}: byline place {b['place']!r} not in the article")
        if b["date"] is not None and not isinstance(b["date"], dt.date):
            problems.append(f"{tag} {aid}: byline date {b['date']!r} is not a date")
        if not isinstance(b["reporters"], list):
            problems.append(f"{tag} {aid}: byline reporters is not a list")

    # ---- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for e in ents:
        name, typ = e.get("name"), e.get("type")
        if not isinstance(name, str) or not name:
            problems.append(f"{tag}: entity without a name: {e}")
            continue
        if name in by_name:
            problems.append(f"{tag}: entity {name} listed twice")
        by_name[name] = e
        if typ not in TYPES:
            problems.append(f"{tag}: {name}: type {typ!r} unknown")
        if set(e) - {"name", "type", "aliases", "articles"}:
            problems.append(f"{tag}: {name}: unknown keys {sorted(set(e) - {'name', 'type', 'aliases', 'articles'})}")
        labels = [name] + list(e.get("aliases") or [])
        for lab in labels:
            if not isinstance(lab, str) or lab not in F:
                problems.append(f"{tag}: {name}: {lab!r} is not a substring of {src} without line breaks")
                continue
            k = sc.norm(lab)
            if k in seen_norm and seen_norm[k] != name:
                problems.append(f"{tag}: {lab!r} of {name} normalises like a label of {seen_norm[k]}")
            seen_norm.setdefault(k, name)
        if len(set(labels)) != len(labels):
            problems.append(f"{tag}: {name}: an alias repeats the name or another alias")
        want = sorted(aid for aid, t in seg.items() if any(isinstance(l, str) and l in t for l in labels))
        got = e.get("articles")
        if not isinstance(got, list) or sorted(got) != want:
            problems.append(f"{tag}: {name}: articles {got} should be {want}")
        if not want and not any(isinstance(l, str) and l in outside for l in labels):
            problems.append(f"{tag}: {name}: occurs in no article and not outside them either")

    def check_rel(r: dict, where: str, strict: bool) -> None:
        """strict: a gold relation or an in_gold copy; otherwise a candidate (names only need to occur)."""
        rel = r.get("rel")
        sig = SIGNATURES.get(rel)
        if sig is None:
            problems.append(f"{tag} {where}: unknown relation {rel!r}: {r}")
            return
        missing = set(sig) | {"article"}
        missing -= set(r)
        if missing or set(r) - set(sig) - {"rel", "article"}:
            problems.append(f"{tag} {where}: {rel} must have exactly {sorted(sig)} + article: {r}")
            return
        aid = r.get("article")
        if aid not in seg:
            problems.append(f"{tag} {where}: article {aid!r} unknown: {r}")
            return
        for field, allowed in sig.items():
            v = r.get(field)
            if allowed is None:
                if rel == "holdsPosition" and (not isinstance(v, str) or v not in seg[aid]):
                    problems.append(f"{tag} {where}: title {v!r} not in article {aid}")
                if rel == "receivedAward" and not (isinstance(v, int) and 1990 < v < 2100):
                    problems.append(f"{tag} {where}: year {v!r} is not a year")
                continue
            if v is None and field == "category":
                continue
            if not isinstance(v, str):
                problems.append(f"{tag} {where}: {rel}.{field} is {v!r}")
                continue
            e = by_name.get(v)
            if e is None:
                if strict:
                    problems.append(f"{tag} {where}: {rel}.{field} {v!r} is not a gold entity name")
                elif v not in F:
                    problems.append(f"{tag} {where}: {rel}.{field} {v!r} does not occur in the text")
                continue
            if strict and e.get("type") not in allowed:
                problems.append(f"{tag} {where}: {rel}.{field} {v} is a {e.get('type')}, want {sorted(allowed)}")
            if strict and aid not in (e.get("articles") or []):
                problems.append(f"{tag} {where}: {rel}.{field} {v} does not occur in article {aid}")

    def canon(r: dict) -> tuple:
        return tuple(sorted((k, str(v)) for k, v in r.items()))

    rels = g.get("relations") or []
    gold_set = Counter(canon(r) for r in rels)
    for c, n in gold_set.items():
        if n > 1:
            problems.append(f"{tag}: relation annotated {n} times: {dict(c)}")
    for i, r in enumerate(rels):
        check_rel(r, f"relation {i + 1}", True)

    # bylines vs reporter relations
    rep_rel = defaultdict(set)
    for r in rels:
        if r.get("rel") == "reporter":
            rep_rel[r.get("article")].add(r.get("person"))
    for a in arts:
        want = set((a.get("byline") or {}).get("reporters") or [])
        if want != rep_rel.get(a.get("id"), set()):
            problems.append(f"{tag} {a.get('id')}: byline reporters {sorted(want)} but reporter relations "
                            f"{sorted(rep_rel.get(a.get('id'), set()))}")
        for p in want:
            if p not in seg.get(a.get("id"), ""):
                problems.append(f"{tag} {a.get('id')}: byline reporter {p} not in the article")

    # ---- uncertain
    unc = g.get("uncertain") or []
    in_gold_rels, candidate_rels = [], []
    for j, u in enumerate(unc):
        where = f"uncertain {j + 1}"
        if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
            problems.append(f"{tag} {where}: needs item, in_gold, decision, why")
            continue
        if set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}:
            problems.append(f"{tag} {where}: unknown keys")
        if not isinstance(u["in_gold"], bool):
            problems.append(f"{tag} {where}: in_gold must be true or false")
            continue
        ents_u = u.get("entities") or []
        if str(u["item"]).lower().startswith("alias") and not str(u["item"]).startswith("aliases"):
            problems.append(f"{tag} {where}: an alias item must begin with 'aliases' or the scorer makes its entities optional")
        if u["in_gold"]:
            for n in ents_u:
                if n not in by_name:
                    problems.append(f"{tag} {where}: entity {n!r} is not a gold entity name")
            if str(u["item"]).startswith("aliases"):
                for n in ents_u:
                    if n in by_name and not by_name[n].get("aliases"):
                        problems.append(f"{tag} {where}: {n} has no aliases")
            for r in u.get("relations") or []:
                if canon(r) not in gold_set:
                    problems.append(f"{tag} {where}: in_gold relation is not a copy of a gold relation: {r}")
                in_gold_rels.append(r)
            for r in u.get("also_accept") or []:
                check_rel(r, where + " also_accept", False)
                if canon(r) in gold_set:
                    problems.append(f"{tag} {where}: also_accept relation is already gold: {r}")
                candidate_rels.append(r)
        else:
            if ents_u:
                problems.append(f"{tag} {where}: in_gold false items name no entities (the scorer would ignore them)")
            if u.get("also_accept"):
                problems.append(f"{tag} {where}: also_accept belongs to in_gold items")
            for r in u.get("relations") or []:
                check_rel(r, where, False)
                if canon(r) in gold_set:
                    problems.append(f"{tag} {where}: rejected candidate is annotated as gold: {r}")
                candidate_rels.append(r)

    # a neutral (candidate) answer must not coincide, once scored, with a gold fact that stays required
    def keyf(name):
        return sc.norm(name) if name is not None else None

    def scored_keys(rs):
        out = defaultdict(set)
        for r in rs:
            sc._add_rel(out, r, keyf)
        return out

    optional_keys = scored_keys(in_gold_rels)
    required_keys = scored_keys([r for r in rels if canon(r) not in {canon(x) for x in in_gold_rels}])
    for kind, v in scored_keys(candidate_rels).items():
        clash = (v & required_keys.get(kind, set())) - optional_keys.get(kind, set())
        if clash:
            problems.append(f"{tag}: a candidate answer neutralises scored gold facts {sorted(map(str, clash))}")

    # ---- through the reference scorer
    ents_l, alias_to_key, rels_l, optional, neutral = sc.load_gold([gp])
    for k in optional:
        if k not in ents_l:
            problems.append(f"{tag}: optional entity {k!r} is not a gold entity (the scorer would not neutralise it)")
    if len(ents_l) != len(ents):
        problems.append(f"{tag}: load_gold merged entities ({len(ents_l)} keys for {len(ents)} entities)")
    req = [k for k in ents_l if k not in optional]
    st = stats.setdefault("files", {})
    st[gp.stem] = {
        "chars": n_chars, "articles": len(arts), "entities": len(ents), "required": len(req),
        "optional": len([k for k in optional if k in ents_l]), "relations": len(rels),
        "scored": sum(len(rels_l.get(k, ())) for k in SCORED),
        "uncertain": len(unc),
    }
    for e in ents:
        stats.setdefault("etype", Counter())[e.get("type")] += 1
        if sc.norm(e["name"]) not in optional:
            stats.setdefault("etype_req", Counter())[e.get("type")] += 1
    for r in rels:
        stats.setdefault("rtype", Counter())[r.get("rel")] += 1
    for k in SCORED:
        stats.setdefault("scored", Counter())[k] += len(rels_l.get(k, ()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.score.exists():
        print(f"scorer not found: {a.score} (give --score PATH)")
        return 2
    sc = load_scorer(a.score)
    files = a.gold or sorted(HERE.glob("y*.yaml"))
    problems: list[str] = []
    stats: dict = {}
    for gp in files:
        check_file(gp, sc, problems, stats)
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            if ABS in p.read_text(encoding="utf-8"):
                problems.append(f"{p.name}: contains an absolute path")

    print(f"{'file':6} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6} {'unc':>4}")
    tot = Counter()
    for name, s in stats.get("files", {}).items():
        print(f"{name:6} {s['chars']:5} {s['articles']:4} {s['entities']:4} {s['required']:4} {s['optional']:4}"
              f" {s['relations']:4} {s['scored']:6} {s['uncertain']:4}")
        tot.update(s)
    print(f"{'total':6} {tot['chars']:5} {tot['articles']:4} {tot['entities']:4} {tot['required']:4} {tot['optional']:4}"
          f" {tot['relations']:4} {tot['scored']:6} {tot['uncertain']:4}")
    et, er = stats.get("etype", Counter()), stats.get("etype_req", Counter())
    print("entities by type (all/required):", ", ".join(f"{t} {et[t]}/{er[t]}" for t in TYPES if et[t]))
    rt = stats.get("rtype", Counter())
    print("relations by type:", ", ".join(f"{t} {rt[t]}" for t in SIGNATURES if rt[t]))
    scd = stats.get("scored", Counter())
    print("scored facts by query:", ", ".join(f"{k} {scd[k]}" for k in SCORED if scd[k]))
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(files)} files, {len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
