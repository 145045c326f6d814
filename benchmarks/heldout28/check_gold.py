#!/usr/bin/env python3
"""Self-check of the heldout28 gold files (l1..l4 .txt/.yaml in this directory).

Checks, per file:
  - every entity name and alias is an exact substring of the text (line breaks removed; a first
    line "# http..." is a scrape header and is dropped, as the reference scorer does);
  - each entity's `articles` equals the set of articles whose text contains the name or an alias;
  - headlines (a whole line of the file; `subtitle` the next non-empty line), `starts_with`
    (12 characters, the first body characters after the byline), bylines (reporters, place and
    month/day before the body);
  - relation fields and argument types; every argument is an entity of the file and occurs in the
    relation's article; no duplicate relations;
  - reporter relations = byline reporters;
  - `uncertain`: in_gold true items list gold entities / gold relations only, also_accept and
    in_gold false relations are not gold; required scored relations do not rest on optional
    entities; items on aliases name entities that have aliases;
  - each file loads with `load_gold` of the reference scorer (counts are printed);
  - body length 500-900 characters;
and, across the set: one type per entity, no alias naming two entities, an entity optional in
one file is not required in another, a relation required in one file is not neutral in another,
no machine path in any file of the directory.

Usage (from the repository root):
    python benchmarks/heldout28/check_gold.py [--scorer ../shared/gold/score.py]
Exit 0 iff no problem was found.
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
FILES = ["l1", "l2", "l3", "l4"]
ORG = {"Organization", "Company", "GovernmentBody"}
TYPES = ORG | {"Person", "Award", "AwardCategory", "Report", "Initiative", "Region", "Event", "Product"}
PERSON_OR_ORG = ORG | {"Person"}
# rel -> {field: allowed types (None: a plain value)}
SIG = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": PERSON_OR_ORG, "award": {"Award"}, "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": PERSON_OR_ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}
MACHINE_ROOTS = ("wo" + "rk", "tm" + "p")  # top-level folders of the machine; never named in a file
NULLABLE = {("receivedAward", "category"), ("receivedAward", "year")}

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)
    print("PROBLEM:", msg)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def page_text(raw: str) -> str:
    lines = raw.splitlines(keepends=True)
    if lines and lines[0].startswith("# http"):
        lines = lines[1:]
    return "".join(lines).lstrip("\n")


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, "" if v is None else str(v)) for k, v in r.items()))


def check_file(stem: str, sc) -> dict:
    f = stem
    txt_path, yml_path = HERE / f"{stem}.txt", HERE / f"{stem}.yaml"
    raw = txt_path.read_text(encoding="utf-8")
    page = page_text(raw)
    T = flat(page)
    lines = [ln.strip() for ln in page.splitlines()]
    g = yaml.safe_load(yml_path.read_text(encoding="utf-8"))
    if g.get("source") != txt_path.name:
        problem(f"{f}: source is {g.get('source')!r}, expected {txt_path.name!r}")

    # ---------------------------------------------------------------- articles and spans
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        problem(f"{f}: duplicate article ids")
    starts, pos = [], 0
    for a in arts:
        anchor = a.get("title") or a.get("starts_with")
        i = T.find(anchor, pos)
        if i < 0:
            problem(f"{f}/{a['id']}: headline/anchor {anchor!r} not found after position {pos}")
            i = pos
        starts.append(i)
        pos = i + 1
    spans = {}
    for k, a in enumerate(arts):
        end = starts[k + 1] if k + 1 < len(arts) else len(T)
        spans[a["id"]] = (starts[k], end)
    span_text = {aid: T[s:e] for aid, (s, e) in spans.items()}

    body_len = 0
    for a in arts:
        aid, st = a["id"], span_text[a["id"]]
        title = a.get("title")
        if title is not None:
            if title.strip() not in lines:
                problem(f"{f}/{aid}: title {title!r} is not a whole line of the text")
            sub = a.get("subtitle")
            if sub is not None:
                try:
                    li = lines.index(title.strip())
                    nxt = next(x for x in lines[li + 1:] if x)
                    if nxt != sub:
                        problem(f"{f}/{aid}: subtitle {sub!r} is not the line after the title ({nxt!r})")
                except (ValueError, StopIteration):
                    problem(f"{f}/{aid}: subtitle {sub!r} not found after the title")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            problem(f"{f}/{aid}: starts_with {sw!r} has {len(sw)} characters, not 12")
        j = st.find(sw)
        if j < 0:
            problem(f"{f}/{aid}: starts_with {sw!r} not in the article")
            continue
        head = st[:j]  # headline, sub-headline, source line, byline
        by = a.get("byline") or {}
        for rp in by.get("reporters") or []:
            if rp not in head:
                problem(f"{f}/{aid}: byline reporter {rp} not in the byline before the body")
        if by.get("place") and by["place"] not in head:
            problem(f"{f}/{aid}: byline place {by['place']} not before the body")
        if by.get("date"):
            d = by["date"]
            md = f"{d.month}月{d.day}日" if hasattr(d, "month") else None
            if md is None or md not in head:
                problem(f"{f}/{aid}: byline date {d} (as {md}) not before the body")
        note = a.get("author_note")
        if note and flat(note) not in head:
            problem(f"{f}/{aid}: author_note {note!r} not before the body")
        # the body begins right after the byline (the printed author_note, else the last reporter)
        marker = flat(note) if note else ((by.get("reporters") or [None])[-1])
        if marker and marker in head:
            gap = head[head.rfind(marker) + len(marker):]
            if gap.strip(" \u3000)）】"):
                problem(f"{f}/{aid}: {gap!r} lies between the byline and starts_with")
        body_len += len(re.sub(r"\s", "", st[j:]))
    if not (500 <= body_len <= 900):
        problem(f"{f}: body length {body_len} outside 500-900")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    label_owner: dict[str, str] = {}
    for e in ents:
        n = e["name"]
        if n in by_name:
            problem(f"{f}: duplicate entity {n}")
        by_name[n] = e
        if e.get("type") not in TYPES:
            problem(f"{f}: {n} has unknown type {e.get('type')}")
        labels = [n] + list(e.get("aliases") or [])
        for lab in labels:
            if not isinstance(lab, str) or not lab:
                problem(f"{f}: {n} has an empty or non-string label {lab!r}")
                continue
            if lab not in T:
                problem(f"{f}: label {lab!r} of {n} is not a substring of the text")
            k = sc.norm(lab)
            if k in label_owner and label_owner[k] != n:
                problem(f"{f}: label {lab!r} of {n} also names {label_owner[k]}")
            label_owner[k] = n
        found = sorted((aid for aid, s in span_text.items() if any(lab in s for lab in labels)),
                       key=ids.index)
        listed = list(e.get("articles") or [])
        if set(listed) - set(ids):
            problem(f"{f}: {n} lists unknown articles {sorted(set(listed) - set(ids))}")
        if sorted(listed, key=lambda x: ids.index(x) if x in ids else 99) != found:
            problem(f"{f}: {n} articles {listed} but its labels occur in {found}")

    def labels_of(n):
        e = by_name[n]
        return [n] + list(e.get("aliases") or [])

    # ---------------------------------------------------------------- relations
    rels = g.get("relations") or []
    seen = Counter(rel_key(r) for r in rels)
    for k, c in seen.items():
        if c > 1:
            problem(f"{f}: duplicate relation {dict(k)}")

    def check_rel(r: dict, strict: bool, where: str):
        rel = r.get("rel")
        if rel not in SIG:
            problem(f"{f}: {where}: unknown relation {rel}")
            return
        aid = r.get("article")
        if aid not in span_text:
            problem(f"{f}: {where}: {rel} has unknown article {aid}")
            return
        for field, allowed in SIG[rel].items():
            if field not in r:
                problem(f"{f}: {where}: {rel} lacks field {field}")
                continue
            v = r[field]
            if allowed is None:
                if field == "title" and not v:
                    problem(f"{f}: {where}: {rel} has an empty title")
                if field == "year" and v is not None and not isinstance(v, int):
                    problem(f"{f}: {where}: {rel} year {v!r} is not an integer")
                continue
            if v is None:
                if (rel, field) not in NULLABLE:
                    problem(f"{f}: {where}: {rel}.{field} is null")
                continue
            if v not in by_name:
                problem(f"{f}: {where}: {rel}.{field} = {v!r} is not a canonical entity name of the file")
                continue
            if strict and by_name[v]["type"] not in allowed:
                problem(f"{f}: {where}: {rel}.{field} = {v} has type {by_name[v]['type']}, "
                        f"expected {sorted(allowed)}")
            if not any(lab in span_text[aid] for lab in labels_of(v)):
                problem(f"{f}: {where}: {rel}.{field} = {v} does not occur in article {aid}")
        extra = set(r) - set(SIG[rel]) - {"rel", "article"}
        if extra:
            problem(f"{f}: {where}: {rel} has unexpected fields {sorted(extra)}")

    for r in rels:
        check_rel(r, True, "relations")

    # reporters = byline reporters
    byline_rep = {(rp, a["id"]) for a in arts for rp in (a.get("byline") or {}).get("reporters") or []}
    rel_rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if byline_rep != rel_rep:
        problem(f"{f}: reporter relations {sorted(rel_rep)} != byline reporters {sorted(byline_rep)}")
    # quoted persons and reporters are Persons of the article
    for r in rels:
        if r.get("rel") in ("quoted", "reporter") and r.get("person") in by_name:
            if by_name[r["person"]]["type"] != "Person":
                problem(f"{f}: {r['rel']} of a non-Person {r['person']}")

    # ---------------------------------------------------------------- uncertain
    gold_keys = {rel_key(r) for r in rels}
    optional_names: set[str] = set()
    neutral_keys: set[tuple] = set()
    for u in g.get("uncertain") or []:
        item = str(u.get("item", ""))
        where = f"uncertain {item[:40]!r}"
        if not isinstance(u.get("in_gold"), bool):
            problem(f"{f}: {where}: in_gold must be true or false")
            continue
        for fld in ("decision", "why"):
            if not u.get(fld):
                problem(f"{f}: {where}: no {fld}")
        for n in u.get("entities") or []:
            if u["in_gold"] and n not in by_name:
                problem(f"{f}: {where}: entity {n} is not a gold entity")
            if not u["in_gold"]:
                problem(f"{f}: {where}: a rejected item lists entities (the scorer would make them optional)")
            if item.startswith("aliases") and n in by_name and not by_name[n].get("aliases"):
                problem(f"{f}: {where}: {n} has no aliases")
        if not item.startswith(("aliases", "segment")):
            optional_names.update(n for n in u.get("entities") or [])
        for r in u.get("relations") or []:
            check_rel(r, u["in_gold"], where)
            if u["in_gold"] and rel_key(r) not in gold_keys:
                problem(f"{f}: {where}: relation {r} is not in `relations`")
            if not u["in_gold"] and rel_key(r) in gold_keys:
                problem(f"{f}: {where}: rejected relation {r} is in `relations`")
            neutral_keys.add(rel_key(r))
        for r in u.get("also_accept") or []:
            check_rel(r, False, where + " also_accept")
            if rel_key(r) in gold_keys:
                problem(f"{f}: {where}: also_accept {r} is a gold relation")
            neutral_keys.add(rel_key(r))
    # required scored relations must not rest on optional entities
    for r in rels:
        if r.get("rel") in SCORED and rel_key(r) not in neutral_keys:
            args = [v for k, v in r.items() if k not in ("rel", "article", "title", "year")]
            opt = [v for v in args if v in optional_names]
            if opt:
                problem(f"{f}: required relation {r} involves optional entities {opt}")

    # ---------------------------------------------------------------- load with the scorer
    g_ents, alias_to_key, g_rels, g_opt, g_neutral = sc.load_gold([yml_path])
    req_types = Counter(v["type"] for k, v in g_ents.items() if k not in g_opt)
    opt_types = Counter(v["type"] for k, v in g_ents.items() if k in g_opt)
    n_scored = sum(len(v) for v in g_rels.values())
    ann_by_rel = Counter(r["rel"] for r in rels)
    print(f"{f}: {len(arts)} article(s), body {body_len} chars; entities {len(g_ents)} "
          f"({len(g_ents) - len(g_opt & set(g_ents))} required, {len(g_opt & set(g_ents))} optional); "
          f"relations annotated {len(rels)}, scored (required, by query key) {n_scored}")
    print(f"    required by type: {dict(sorted(req_types.items()))}")
    print(f"    optional by type: {dict(sorted(opt_types.items()))}")
    print(f"    annotated relations by type: {dict(sorted(ann_by_rel.items()))}")
    print(f"    scored gold by query: {dict(sorted((k, len(v)) for k, v in g_rels.items()))}")
    return {"ents": g_ents, "opt": g_opt, "rels": g_rels, "alias": alias_to_key,
            "types": {sc.norm(e["name"]): e["type"] for e in ents}}


def main() -> int:
    ap = argparse.ArgumentParser()
    default = HERE.parents[1].parent / "shared" / "gold" / "score.py"
    ap.add_argument("--scorer", type=Path, default=default,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"PROBLEM: reference scorer not found ({a.scorer.name}); pass --scorer")
        return 1
    sc = load_scorer(a.scorer)

    per = {}
    for stem in FILES:
        per[stem] = check_file(stem, sc)

    # ---------------------------------------------------------------- across the set
    types: dict[str, tuple[str, str]] = {}
    for stem, d in per.items():
        for k, t in d["types"].items():
            if k in types and types[k][0] != t:
                problem(f"{stem}: {k} typed {t}, but {types[k][0]} in {types[k][1]}")
            types.setdefault(k, (t, stem))
    owner: dict[str, tuple[str, str]] = {}
    for stem, d in per.items():
        for lab, k in d["alias"].items():
            if lab in owner and owner[lab][0] != k:
                problem(f"{stem}: label {lab} names {k}, but {owner[lab][0]} in {owner[lab][1]}")
            owner.setdefault(lab, (k, stem))
    for s1, d1 in per.items():
        for s2, d2 in per.items():
            if s1 == s2:
                continue
            both = set(d1["ents"]) & set(d2["ents"])
            for k in sorted(both & set(d1["opt"]) - set(d2["opt"])):
                problem(f"entity {k} is optional in {s1} but required in {s2}")
    paths = [HERE / f"{s}.yaml" for s in FILES]
    c_ents, _, c_rels, c_opt, _ = sc.load_gold(paths)
    for stem, d in per.items():
        for q, S in d["rels"].items():
            lost = S - c_rels.get(q, set())
            for t in sorted(lost, key=str):
                problem(f"{stem}: required {q} {t} is neutral in another file of the set")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in (".txt", ".yaml", ".md", ".py"):
            s = p.read_text(encoding="utf-8")
            if re.search(r"(?<![\w.])/(" + "|".join(MACHINE_ROOTS) + r")\b", s):
                problem(f"{p.name}: contains an absolute path of this machine")
    req = {k: v for k, v in c_ents.items() if k not in c_opt}
    print(f"set: entities {len(c_ents)} ({len(req)} required, {len(c_opt & set(c_ents))} optional); "
          f"scored relations {sum(len(v) for v in c_rels.values())} "
          f"{dict(sorted((k, len(v)) for k, v in c_rels.items()))}")
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
