#!/usr/bin/env python3
"""Check the heldout45 gold files (po*.yaml) against their texts (po*.txt).

Self-contained: Python 3 and PyYAML (OpenCC is optional; it is only used by the reference
scorer's normalisation when installed). Run from the repository root:

    python benchmarks/heldout45/check_gold.py [--scorer PATH] [--tables]

For every pair it checks:
  - the yaml keys follow the seed schema (source, articles, entities, relations, uncertain);
  - every entity name and alias is an exact substring of the text once line breaks are removed;
    no name or alias belongs to two entities;
  - the articles: headlines occur (as a line of their own), `starts_with` is the first 12
    characters of the body, bylines (date, place and reporters occur in the article);
  - every entity's `articles` list is exactly the set of articles whose text (headline, byline
    and body, page furniture excluded, nested occurrences counted) contains the name or an alias;
  - relations: known relation names, the argument keys of the seed, each argument resolves to an
    entity of an allowed type, its name occurs in the relation's article or in the text read
    before it (page header, earlier articles), titles occur in the article, reporters are exactly
    the byline reporters;
  - `uncertain`: in_gold items copy gold entities/relations exactly; also_accept and rejected
    candidates are well-typed and are not gold relations;
  - each file loads with `load_gold` of the reference scorer.
Prints per-file and total counts; exits 0 iff no problem is found.
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
ROOT = HERE.parents[1]

# Layout of each page: how its articles open, which lines are headings/bylines (not body) and
# which lines are page furniture (excluded from every article's text).
#   opener:    regex of the first line of an article that has no headline (an article with a
#              headline opens at the line equal to its headline)
#   head:      regex of lines inside an article that are labels, bylines or subtitles, not body
#   furniture: regex of lines that belong to no article (navigation, page numbers, running
#              headers, client tags, footers)
LAYOUTS = {
    "po1": dict(  # investor Q&A page (互动易)
        opener=r"^投资者提问：$",
        head=r"^(投资者提问：$|提问者：|董秘回复：$|公司回答：$|回复时间：)",
        furniture=r"^(免责声明：|深圳证券交易所 版权所有$)",
    ),
    "po2": dict(  # procurement result announcement
        opener=None,
        head=r"^发布时间：",
        furniture=r"^(附件：|【打印】【关闭】$|主办单位：)",
    ),
    "po3": dict(  # award citations booklet (PDF dump)
        opener=None,
        head=r"^(.+(顾问|教授|研究员)|先锋企业 · .+类)$",
        furniture=r"^(2024年世界互联网大会杰出贡献奖 · 颁奖词|— \d+ —)$",
    ),
    "po4": dict(  # forum thread (贴吧)
        opener=r"^\d+楼　",
        head=r"^(楼主　|\d+楼　)",
        furniture=r"^(只看楼主|来自(Android|iPhone)客户端$|发表回复$|贴吧热议榜$)",
    ),
}

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types | "title" | "year" | "category"}
RELS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": "title"},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"}, "category": "category",
                      "year": "year"},
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
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def segment(text: str, arts: list[dict], lay: dict, problems: list[str]):
    """Return (header_text, [(art, art_text, body_text, head_text)])."""
    lines = text.replace("\r", "").split("\n")
    fur = re.compile(lay["furniture"])
    head = re.compile(lay["head"]) if lay.get("head") else None
    opener = re.compile(lay["opener"]) if lay.get("opener") else None
    starts, prev = [], -1
    for a in arts:
        idx = None
        for i in range(prev + 1, len(lines)):
            if a.get("title"):
                if lines[i].strip() == a["title"]:
                    idx = i
                    break
            elif opener and opener.search(lines[i]):
                idx = i
                break
        if idx is None:
            problems.append(f"article {a.get('id')}: opening line not found "
                            f"({'headline ' + repr(a['title']) if a.get('title') else 'opener'})")
            return "", []
        starts.append(idx)
        prev = idx
    header = "".join(l for l in lines[: starts[0]] if not fur.search(l)) if starts else ""
    out = []
    for k, a in enumerate(arts):
        s = starts[k]
        e = starts[k + 1] if k + 1 < len(arts) else len(lines)
        seg = [l for l in lines[s:e] if not fur.search(l)]
        art_text = "".join(seg)
        body_lines, head_lines = [], []
        for j, l in enumerate(seg):
            if (j == 0 and a.get("title")) or (head and head.search(l)):
                head_lines.append(l)
            else:
                body_lines.append(l)
        out.append((a, art_text, "".join(body_lines).strip(), "".join(head_lines)))
    return header, out


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(yml: Path, scorer, tables: dict) -> tuple[list[str], dict]:
    problems: list[str] = []
    stem = yml.stem
    try:
        g = yaml.safe_load(yml.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        return [f"not valid YAML: {err}"], {}
    txt = yml.with_suffix(".txt")
    if not txt.exists():
        return [f"{txt.name} missing"], {}
    text = txt.read_text(encoding="utf-8")
    whole = flat(text)
    lay = LAYOUTS.get(stem)
    if lay is None:
        return [f"no layout defined for {stem}"], {}

    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        problems.append(f"unknown top-level keys {sorted(extra)}")
    if g.get("source") != txt.name:
        problems.append(f"source is {g.get('source')!r}, expected {txt.name!r}")

    # ---------------------------------------------------------------- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(ids) != len(set(ids)):
        problems.append("duplicate article ids")
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                problems.append(f"article {a.get('id')}: key {k} missing")
        if a.get("title") and a["title"] not in whole:
            problems.append(f"article {a['id']}: headline {a['title']!r} not in the text")
    header, segs = segment(text, arts, lay, problems)
    art_text = {a["id"]: t for a, t, _, _ in segs}
    before = {}  # text read before (and including) each article: header + earlier articles
    acc = header
    for a, t, _, _ in segs:
        acc += t
        before[a["id"]] = acc
    body_chars = 0
    for a, t, body, head in segs:
        body_chars += len(re.sub(r"\s", "", body))
        sw = body[:12]
        if a.get("starts_with") != sw:
            problems.append(f"article {a['id']}: starts_with {a.get('starts_with')!r}, body begins {sw!r}")
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            problems.append(f"article {a['id']}: byline keys {sorted(b)}")
        if b.get("place") and b["place"] not in t:
            problems.append(f"article {a['id']}: byline place {b['place']!r} not in the article")
        if b.get("date") is not None and str(b["date"]) not in t:
            problems.append(f"article {a['id']}: byline date {b['date']} not printed in the article")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    for e in ents:
        if set(e) - {"name", "type", "aliases", "articles"}:
            problems.append(f"entity {e.get('name')}: unknown keys {sorted(set(e) - {'name', 'type', 'aliases', 'articles'})}")
        if e.get("type") not in TYPES:
            problems.append(f"entity {e.get('name')}: bad type {e.get('type')}")
        names = [str(e["name"])] + [str(x) for x in e.get("aliases") or []]
        for n in names:
            if "\n" in n:
                problems.append(f"entity {e['name']}: name/alias {n!r} has a line break")
            if n not in whole:
                problems.append(f"entity {e['name']}: {n!r} not in the text")
            if n in by_name:
                problems.append(f"name/alias {n!r} used by two entities")
            by_name[n] = e
        expected = [a["id"] for a, t, _, _ in segs if any(n in t for n in names)]
        if list(e.get("articles") or []) != expected:
            problems.append(f"entity {e['name']}: articles {e.get('articles')} but the text gives {expected}")
    names_of = {id(e): [str(e["name"])] + [str(x) for x in e.get("aliases") or []] for e in ents}

    # ---------------------------------------------------------------- relations
    def check_rel(r: dict, where: str, context: bool = True) -> None:
        rel = r.get("rel")
        spec = RELS.get(rel)
        if spec is None:
            problems.append(f"{where}: unknown relation {rel!r}")
            return
        keys = set(r) - {"rel", "article"}
        if keys != set(spec):
            problems.append(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
        aid = r.get("article")
        if aid not in art_text:
            problems.append(f"{where}: unknown article {aid!r}")
            return
        for arg, allowed in spec.items():
            v = r.get(arg)
            if allowed == "title":
                if not v or str(v) not in art_text[aid]:
                    problems.append(f"{where}: title {v!r} not in article {aid}")
                continue
            if allowed == "year":
                if v is not None and not isinstance(v, int):
                    problems.append(f"{where}: year {v!r} is not an integer")
                continue
            if allowed == "category":
                if v is None:
                    continue
                allowed = {"AwardCategory"}
            e = by_name.get(str(v)) if v is not None else None
            if e is None:
                problems.append(f"{where}: {arg} {v!r} is not an entity name or alias")
                continue
            if e["type"] not in allowed:
                problems.append(f"{where}: {arg} {v!r} has type {e['type']}, expected {sorted(allowed)}")
            if context and not any(n in before[aid] for n in names_of[id(e)]):
                problems.append(f"{where}: {arg} {v!r} is not named in {aid} or before it")

    rels = g.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, c in gold_keys.items():
        if c > 1:
            problems.append(f"duplicate relation {dict(k)}")
    for i, r in enumerate(rels):
        check_rel(r, f"relation {i + 1} ({r.get('rel')})")
    rep_rel = {(r["article"], r["person"]) for r in rels if r.get("rel") == "reporter"}
    rep_byl = {(a["id"], p) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
    if rep_rel != rep_byl:
        problems.append(f"reporter relations {sorted(rep_rel)} differ from byline reporters {sorted(rep_byl)}")
    for aid, p in rep_byl:
        e = by_name.get(p)
        if e is None or e["type"] != "Person":
            problems.append(f"byline reporter {p!r} is not a Person entity")

    # ---------------------------------------------------------------- uncertain
    ent_names = {str(e["name"]) for e in ents}
    for j, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain {j + 1} ({str(u.get('item'))[:30]})"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problems.append(f"{where}: key {k} missing")
        if set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}:
            problems.append(f"{where}: unknown keys")
        if not isinstance(u.get("in_gold"), bool):
            problems.append(f"{where}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if u.get("in_gold") and n not in ent_names:
                problems.append(f"{where}: entity {n!r} is not a gold entity name")
            if not u.get("in_gold") and n in by_name:
                problems.append(f"{where}: rejected entity {n!r} is a gold entity")
        for r in u.get("relations") or []:
            if u.get("in_gold") and gold_keys[rel_key(r)] == 0:
                problems.append(f"{where}: relation {r} is not a copy of a gold relation")
            if not u.get("in_gold") and gold_keys[rel_key(r)]:
                problems.append(f"{where}: rejected relation {r} is in the gold relations")
            if u.get("in_gold"):
                check_rel(r, where)
            else:
                check_rel(r, where, context=False)
        for r in u.get("also_accept") or []:
            if gold_keys[rel_key(r)]:
                problems.append(f"{where}: also_accept {r} is itself a gold relation")
            check_rel(r, where + " also_accept", context=False)

    # ---------------------------------------------------------------- reference scorer
    stats = {"articles": len(arts), "body": body_chars, "entities": len(ents), "relations": len(rels)}
    try:
        gents, _alias, grels, optional, _neutral = scorer.load_gold([yml])
        opt = {k for k in optional if k in gents}
        stats["req"] = len(gents) - len(opt)
        stats["opt"] = len(opt)
        stats["scored"] = sum(len(v) for v in grels.values())
        if len(gents) != len(ents):
            problems.append(f"load_gold merged entities: {len(ents)} annotated, {len(gents)} after normalisation")
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold failed: {err!r}")
    tables.setdefault("etype", Counter()).update(Counter((stem, e["type"]) for e in ents))
    tables.setdefault("rtype", Counter()).update(Counter((stem, r["rel"]) for r in rels))
    return problems, stats


def print_tables(tables: dict, stems: list[str]) -> None:
    for key, title in (("etype", "type"), ("rtype", "relation")):
        c = tables.get(key, Counter())
        kinds = sorted({k for _, k in c})
        print(f"\n| {title} | " + " | ".join(stems) + " | total |")
        print("|---|" + "---:|" * (len(stems) + 1))
        for k in kinds:
            row = [c[(s, k)] for s in stems]
            print(f"| {k} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        tot = [sum(c[(s, k)] for k in kinds) for s in stems]
        print("| total | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="reference scorer (default ../shared/gold/score.py from the repository root)")
    ap.add_argument("--tables", action="store_true", help="also print entity/relation tables by type")
    ap.add_argument("files", nargs="*", type=Path, help="gold files (default: all po*.yaml here)")
    a = ap.parse_args()
    try:
        scorer = load_scorer(a.scorer)
    except Exception as err:  # noqa: BLE001
        print(f"cannot load the reference scorer {a.scorer}: {err!r}")
        return 2
    files = a.files or sorted(HERE.glob("po*.yaml"))
    tables: dict = {}
    total = Counter()
    n_prob = 0
    for f in files:
        problems, st = check_file(f, scorer, tables)
        n_prob += len(problems)
        total.update(st)
        print(f"{f.name}: {st.get('articles', 0)} articles, body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('req', 0)} required / {st.get('opt', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored tuples) - "
              f"{len(problems)} problem(s)")
        for p in problems:
            print("   -", p)
    if a.tables:
        print_tables(tables, [f.stem for f in files])
    print(f"TOTAL {len(files)} files: {total['articles']} articles, {total['entities']} entities "
          f"({total['req']} required / {total['opt']} optional), {total['relations']} relations "
          f"({total['scored']} scored tuples); {n_prob} problem(s) -> {'OK' if n_prob == 0 else 'FAIL'}")
    return 0 if n_prob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
