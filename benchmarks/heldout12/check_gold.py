#!/usr/bin/env python3
"""Self-check of the heldout12 gold files. It never runs `kg` or the scorer.

For each gold file (default: every u*.yaml beside this script) and its text (`source:`):
  - the text is 550-850 characters once line breaks are removed;
  - article titles are found in order, each `starts_with` inside its article; articles are cut
    at their titles (text before the first title belongs to no article);
  - every entity name and alias is a substring of the text (line breaks removed), names and
    aliases are unique across entities after the scorer's normalisation, types are known;
  - each entity's `articles` equals the set of articles whose text contains its name or an alias;
  - relation arguments are entities of fitting types and occur in the relation's article;
    holdsPosition titles are printed with their atomic split;
  - byline reporters match the `reporter` relations;
  - `uncertain`: in_gold true items list gold entities / exact gold relations, in_gold false
    items and all also_accept answers are not in the gold;
then loads the file with `load_gold` from the reference scorer (../../../shared/gold/score.py,
relative to this file; --score overrides) and prints counts. Exit 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {field: allowed types}; a None value means a literal field
SIG = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": AGENT, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_FIELDS = {("receivedAward", "category")}


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(gpath: Path, score, out: list[str]) -> dict:
    problems: list[str] = []

    def bad(msg: str) -> None:
        problems.append(f"{gpath.name}: {msg}")

    g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    tpath = gpath.parent / g["source"]
    text = flat(tpath.read_text(encoding="utf-8"))
    n_chars = len(text)
    if not 550 <= n_chars <= 850:
        bad(f"text has {n_chars} characters (want 550-850)")

    # ---- articles
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        bad("duplicate article ids")
    starts, pos = [], 0
    for a in arts:
        anchor = a.get("title") or a.get("starts_with")
        i = text.find(str(anchor), pos)
        if i < 0:
            bad(f"{a['id']}: title/anchor {anchor!r} not found (in order)")
            i = pos
        starts.append(i)
        pos = i + 1
    spans = {}
    for k, a in enumerate(arts):
        end = starts[k + 1] if k + 1 < len(arts) else len(text)
        spans[a["id"]] = text[starts[k]:end]
    for a in arts:
        sw = a.get("starts_with")
        if not sw or sw not in spans[a["id"]]:
            bad(f"{a['id']}: starts_with {sw!r} not in the article")
        elif len(sw) != 12:
            bad(f"{a['id']}: starts_with is {len(sw)} characters, not 12")
        elif a.get("title") and spans[a["id"]].find(sw) < len(a["title"]):
            bad(f"{a['id']}: starts_with found inside the title")
    out.append(f"{gpath.name}: {n_chars} chars, articles " + ", ".join(
        f"{a['id']}={len(spans[a['id']])}" for a in arts))

    # ---- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for e in ents:
        nm = str(e["name"])
        if nm in by_name:
            bad(f"duplicate entity {nm}")
        by_name[nm] = e
        if e.get("type") not in TYPES:
            bad(f"{nm}: unknown type {e.get('type')}")
        forms = [nm] + [str(x) for x in e.get("aliases") or []]
        for f in forms:
            if f not in text:
                bad(f"{nm}: form {f!r} is not a substring of the text")
            nf = score.norm(f)
            if nf in seen_norm and seen_norm[nf] != nm:
                bad(f"form {f!r} of {nm} collides with {seen_norm[nf]} after normalisation")
            seen_norm[nf] = nm
        want = sorted((aid for aid in ids if any(f in spans[aid] for f in forms)), key=ids.index)
        got = list(e.get("articles") or [])
        if got != want:
            bad(f"{nm}: articles {got} but the text gives {want}")
    names_all = set(by_name)
    # aliases as references in relations
    ref: dict[str, str] = {}
    for nm, e in by_name.items():
        ref[nm] = nm
        for a_ in e.get("aliases") or []:
            ref.setdefault(str(a_), nm)

    # ---- relations
    rels = g.get("relations") or []
    keys = Counter(rel_key(r) for r in rels)
    for k, c in keys.items():
        if c > 1:
            bad(f"duplicate relation {dict(k)}")
    titles = []
    for r in rels:
        rt = r.get("rel")
        sig = SIG.get(rt)
        if sig is None:
            bad(f"unknown relation {r}")
            continue
        if r.get("article") not in ids:
            bad(f"relation {r} names an unknown article")
        for field, allowed in sig.items():
            v = r.get(field)
            if allowed is None:
                if v in (None, ""):
                    bad(f"relation {r}: empty {field}")
                continue
            if v is None:
                if (rt, field) not in OPTIONAL_FIELDS:
                    bad(f"relation {r}: missing {field}")
                continue
            nm = ref.get(str(v))
            if nm is None:
                bad(f"relation {r}: {field} {v!r} is not an entity")
                continue
            if nm != str(v):
                bad(f"relation {r}: {field} uses alias {v!r}; use the name {nm}")
            if by_name[nm]["type"] not in allowed:
                bad(f"relation {r}: {field} {v} has type {by_name[nm]['type']}, want {sorted(allowed)}")
            if r.get("article") not in (by_name[nm].get("articles") or []):
                bad(f"relation {r}: {v} does not occur in {r.get('article')}")
        extra = set(r) - set(sig) - {"rel", "article"}
        if extra:
            bad(f"relation {r}: unexpected fields {sorted(extra)}")
        if rt == "holdsPosition":
            titles.append(f"  {r['person']} | {r['org']} | {r['title']} -> {score.atomic_titles(r['title'])}")
            if str(r["title"]) not in text:
                bad(f"holdsPosition title {r['title']!r} is not in the text")
        if rt == "receivedAward" and not isinstance(r.get("year"), int):
            bad(f"relation {r}: year should be an integer")
    out.append("  holdsPosition titles:")
    out.extend(titles)

    # byline reporters vs reporter relations
    by_rep = {(p, a["id"]) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
    rel_rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    for p, aid in by_rep - rel_rep:
        bad(f"byline reporter {p} of {aid} has no reporter relation")
    for p, aid in rel_rep - by_rep:
        out.append(f"  note: reporter {p} ({aid}) is not in the byline's reporters")
    for p, aid in by_rep:
        if p not in spans.get(aid, ""):
            bad(f"byline reporter {p} not in the text of {aid}")

    # ---- uncertain
    gold_rel_keys = set(keys)
    optional_ents, optional_rels = set(), set()
    for u in g.get("uncertain") or []:
        item = u.get("item")
        for f in ("item", "in_gold", "decision", "why"):
            if f not in u:
                bad(f"uncertain item {item!r} lacks {f}")
        if not isinstance(u.get("in_gold"), bool):
            bad(f"uncertain item {item!r}: in_gold is not true/false")
            continue
        for nm in u.get("entities") or []:
            if u["in_gold"] and nm not in names_all:
                bad(f"uncertain {item!r}: entity {nm} is not a gold entity")
            if not u["in_gold"] and (nm in names_all or score.norm(nm) in seen_norm):
                bad(f"uncertain {item!r} (in_gold false): {nm} is a gold entity")
            if u["in_gold"]:
                optional_ents.add(nm)
        for r in u.get("relations") or []:
            k = rel_key(r)
            if u["in_gold"] and k not in gold_rel_keys:
                bad(f"uncertain {item!r}: relation {r} is not an exact copy of a gold relation")
            if not u["in_gold"] and k in gold_rel_keys:
                bad(f"uncertain {item!r} (in_gold false): relation {r} is in the gold")
            if u["in_gold"]:
                optional_rels.add(k)
            if r.get("rel") not in SIG:
                bad(f"uncertain {item!r}: unknown relation {r}")
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rel_keys:
                bad(f"uncertain {item!r}: also_accept {r} is in the gold")
            if r.get("rel") not in SIG:
                bad(f"uncertain {item!r}: unknown relation {r}")
        # arguments of candidates and alternatives must at least be written in the text
        for r in (u.get("relations") or []) + (u.get("also_accept") or []):
            for field, allowed in (SIG.get(r.get("rel")) or {}).items():
                v = r.get(field)
                if allowed is not None and v is not None and str(v) not in text:
                    bad(f"uncertain {item!r}: {field} {v!r} is not in the text")

    # ---- the scorer's view
    s_ents, alias_to_key, s_rels, s_opt, s_neutral = score.load_gold([gpath])
    for r in rels:  # every entity argument resolves to a gold entity key
        for field, allowed in (SIG.get(r.get("rel")) or {}).items():
            if allowed is not None and r.get(field) is not None:
                k = alias_to_key.get(score.norm(r[field]), score.norm(r[field]))
                if k not in s_ents:
                    bad(f"scorer: {r[field]} does not resolve to a gold entity")
    n_req = len([k for k in s_ents if k not in s_opt])
    n_opt = len([k for k in s_ents if k in s_opt])
    n_neutral_ents = len([k for k in s_opt if k not in s_ents])
    n_opt = len([k for k in s_ents if k in s_opt])
    n_neutral_ents = len([k for k in s_opt if k not in s_ents])
    scored_names = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
    scored_n = sum(len(s_rels.get(n, ())) for n in scored_names)
    type_counts = Counter(e["type"] for e in ents)
    rel_counts = Counter(r["rel"] for r in rels)
    out.append(f"  load_gold: {len(s_ents)} entities ({n_req} required, {n_opt} optional; "
               f"{n_neutral_ents} rejected candidates neutral); "
               f"{len(rels)} relations annotated ({len(optional_rels)} optional), {scored_n} scored tuples: "
               + ", ".join(f"{n}={len(s_rels.get(n, ()))}" for n in scored_names)
               + f"; neutral tuples {sum(len(v) for v in s_neutral.values())}")
    for p in problems:
        out.append("  PROBLEM " + p)
    return {"file": gpath.name, "problems": problems, "articles": len(arts), "entities": len(ents),
            "required": n_req, "optional": n_opt, "relations": len(rels), "scored": scored_n,
            "types": type_counts, "rels": rel_counts, "chars": n_chars}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: u*.yaml beside this script)")
    ap.add_argument("--score", type=Path, default=HERE / ".." / ".." / ".." / "shared" / "gold" / "score.py",
                    help="the reference scorer, for load_gold (default: ../../../shared/gold/score.py)")
    a = ap.parse_args()
    score = load_score(a.score)
    files = a.gold or sorted(HERE.glob("u*.yaml"))
    results, out = [], []
    for f in files:
        try:
            results.append(check_file(f, score, out))
        except Exception as err:  # a malformed file is a problem, not a crash
            out.append(f"  PROBLEM {f.name}: {type(err).__name__}: {err}")
            results.append({"file": f.name, "problems": [str(err)]})
    print("\n".join(out))
    ok = [r for r in results if "types" in r]
    types, relc = Counter(), Counter()
    for r in ok:
        types.update(r["types"])
        relc.update(r["rels"])
    print("entities by type: " + ", ".join(f"{t}={n}" for t, n in sorted(types.items())))
    print("relations by type: " + ", ".join(f"{t}={n}" for t, n in sorted(relc.items())))
    print("file | articles | entities required/optional | relations annotated/scored")
    for r in ok:
        print(f"{r['file']} | {r['articles']} | {r['required']}/{r['optional']} | {r['relations']}/{r['scored']}")
    n_prob = sum(len(r["problems"]) for r in results)
    print(f"{len(results)} files, {n_prob} problems")
    return 0 if n_prob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
