#!/usr/bin/env python3
"""Check the heldout46 gold files (pp*.yaml) against their texts (pp*.txt).

Self-contained (Python 3 + PyYAML; OpenCC is used by the reference scorer when installed).
Run from the repository root:

    python benchmarks/heldout46/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]

Checks, per gold file:
  - the file loads, has the keys of seed.yaml, and `source` names the text beside it;
  - every article headline occurs in the text; `starts_with` is 12 characters and begins a line of
    the article; the byline has a date (or null), a place that is a Region of the file (or null), and
    reporters that are Persons occurring in the article;
  - every entity has a known type, a unique name, names and aliases that occur in the text with line
    breaks removed, no alias shared with another entity (after the scorer's normalisation), and an
    `articles` list equal to the articles whose text contains the name or an alias (nested occurrences
    counted; page furniture, matched by FURNITURE below, excluded);
  - every relation has a known name, its argument keys, arguments that are entity names of the
    expected types occurring in the relation's article, a title that occurs in the article
    (holdsPosition), an integer year or null (receivedAward); no duplicates;
  - `reporter` relations equal the byline reporters;
  - `uncertain`: in_gold items name existing entities and copy gold relations exactly; also_accept
    answers and rejected candidates (in_gold: false) are not gold relations and use known entities;
  - each file loads with `load_gold` of the reference scorer;
  - the body (from `starts_with` to the end of the article, furniture excluded, white space removed)
    has 450-900 characters.
Prints one line per file and a total line; exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed entity types (None = free value)}
SIGNATURES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG | {"Person"}, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year"), ("holdsPosition", "org")}

# Page furniture: lines that belong to no article (breadcrumbs, column lines, end marks, contact
# telephone lines, copyright footers). Occurrences there do not count in `articles`.
FURNITURE = re.compile(
    r"^\s*(?:"
    r"\S+(?:\s*>\s*\S+)+"            # breadcrumb: 首页 > 通知公告 > 正文
    r"|封面故事"                      # magazine column line
    r"|新闻稿\s*\|.*"                 # press-release label
    r"|—\s*完\s*—"                    # end mark
    r"|媒体联系.*"                    # media-contact heading
    r"|(?:联系)?电话.*"               # telephone lines
    r"|版权所有.*"                    # copyright footer
    r")\s*$")

DOTS = "·・•‧․⋅∙‧・"


def norm(s) -> str:
    """The reference scorer's normalisation, without the optional traditional->simplified step."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in DOTS:
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s)
    s = s.strip("《》〈〉“”\"'‘’「」『』")
    return s.lower()


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def segment(lines: list[str], articles: list[dict]) -> tuple[dict, dict]:
    """Article id -> (first line, end line) and article id -> text (furniture removed, no line breaks)."""
    starts = []
    for art in articles:
        key = art.get("title") or art.get("starts_with") or ""
        idx = next((i for i, ln in enumerate(lines) if key and key in ln), None)
        if idx is None:  # a title split over lines: search cumulatively
            joined = ""
            for i, ln in enumerate(lines):
                joined += ln
                if key and key in joined:
                    idx = i
                    break
        starts.append(idx)
    spans, texts = {}, {}
    for k, art in enumerate(articles):
        s = starts[k]
        if s is None:
            continue
        e = min([x for x in starts[k + 1:] if x is not None and x > s] or [len(lines)])
        spans[art["id"]] = (s, e)
        texts[art["id"]] = "".join(ln for ln in lines[s:e] if not FURNITURE.match(ln))
    return spans, texts


def check_file(gpath: Path, scorer) -> tuple[list[str], dict]:
    probs: list[str] = []
    P = probs.append
    stats = {"articles": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0, "body": 0}
    try:
        g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    except Exception as err:  # noqa: BLE001
        return [f"does not load: {err}"], stats
    for k in ("source", "articles", "entities", "relations", "uncertain"):
        if k not in g:
            P(f"missing key {k}")
    tpath = gpath.with_name(g.get("source") or "")
    if g.get("source") != gpath.with_suffix(".txt").name or not tpath.is_file():
        P(f"source {g.get('source')!r} is not {gpath.with_suffix('.txt').name}")
        return probs, stats
    raw = tpath.read_text(encoding="utf-8")
    lines = raw.splitlines()
    full = "".join(lines)
    articles = g.get("articles") or []
    stats["articles"] = len(articles)
    ids = [a.get("id") for a in articles]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    spans, atext = segment(lines, articles)

    # ---------------------------------------------------------------- entities
    ents = {}
    for e in g.get("entities") or []:
        n = e.get("name")
        if n in ents:
            P(f"duplicate entity {n}")
        ents[n] = e
        if e.get("type") not in TYPES:
            P(f"{n}: unknown type {e.get('type')}")
    stats["entities"] = len(ents)
    owner = {}
    for n, e in ents.items():
        forms = [n] + list(e.get("aliases") or [])
        for f in forms:
            if not isinstance(f, str) or f not in full:
                P(f"{n}: name/alias {f!r} not in the text")
            k = norm(f)
            if k in owner and owner[k] != n:
                P(f"{n}: alias {f!r} also names {owner[k]}")
            owner.setdefault(k, n)
        found = [a for a in ids if a in atext and any(f in atext[a] for f in forms)]
        declared = list(e.get("articles") or [])
        if not declared:
            P(f"{n}: empty articles")
        if set(found) != set(declared):
            P(f"{n}: articles {declared} but occurs in {found}")
        if any(a not in ids for a in declared):
            P(f"{n}: unknown article in {declared}")
    ent_articles = {n: set(e.get("articles") or []) for n, e in ents.items()}

    # ---------------------------------------------------------------- articles
    for art in articles:
        aid = art.get("id")
        t = art.get("title")
        if t is not None and t not in full:
            P(f"{aid}: headline {t!r} not in the text")
        if aid not in spans:
            P(f"{aid}: cannot locate the article")
            continue
        sw = art.get("starts_with") or ""
        s, e = spans[aid]
        body_lines = [ln for ln in lines[s:e] if not FURNITURE.match(ln)]
        if len(sw) != 12:
            P(f"{aid}: starts_with {sw!r} has {len(sw)} characters, not 12")
        pos = None
        for i, ln in enumerate(body_lines):
            rest = "".join(body_lines[i:])
            if ln.strip() and rest.startswith(sw):
                pos = i
                break
        if pos is None:
            P(f"{aid}: no line of the article starts with {sw!r}")
        else:
            body = re.sub(r"\s", "", "".join(body_lines[pos:]))
            stats["body"] += len(body)
            if not 450 <= len(body) <= 900:
                P(f"{aid}: body has {len(body)} characters (450-900 wanted)")
        if t is not None and pos is not None and body_lines and t not in "".join(body_lines[:pos]):
            P(f"{aid}: headline is not before the body")
        b = art.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            P(f"{aid}: byline keys {sorted(b)}")
        if b.get("date") is not None and not isinstance(b.get("date"), date):
            P(f"{aid}: byline date {b.get('date')!r} is not a date")
        if b.get("place") is not None:
            pl = b["place"]
            if pl not in ents or ents[pl].get("type") != "Region":
                P(f"{aid}: byline place {pl} is not a Region entity")
            if pl not in atext.get(aid, "") and not any(x in atext.get(aid, "") for x in ents.get(pl, {}).get("aliases") or []):
                P(f"{aid}: byline place {pl} not in the article")
        for r in b.get("reporters") or []:
            if r not in ents or ents[r].get("type") != "Person":
                P(f"{aid}: reporter {r} is not a Person entity")
            if r not in "".join(body_lines[:pos] if pos is not None else body_lines):
                P(f"{aid}: reporter {r} is not in the lines before the body")
        rep_rel = {r.get("person") for r in g.get("relations") or []
                   if r.get("rel") == "reporter" and r.get("article") == aid}
        if rep_rel != set(b.get("reporters") or []):
            P(f"{aid}: reporter relations {sorted(rep_rel)} != byline reporters {b.get('reporters')}")

    # ---------------------------------------------------------------- relations
    def check_rel(r: dict, where: str, strict: bool = True) -> bool:
        ok = True
        rel = r.get("rel")
        if rel not in SIGNATURES:
            P(f"{where}: unknown relation {rel}")
            return False
        sig = SIGNATURES[rel]
        keys = set(r) - {"rel", "article"}
        if keys != set(sig):
            P(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(sig)}")
            ok = False
        aid = r.get("article")
        if aid not in ids:
            P(f"{where}: unknown article {aid}")
            ok = False
        for arg, types in sig.items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS:
                    P(f"{where}: {rel} lacks {arg}")
                    ok = False
                continue
            if types is None:
                continue
            if v not in ents:
                P(f"{where}: {rel}.{arg} {v!r} is not an entity name")
                ok = False
                continue
            if strict and ents[v].get("type") not in types:
                P(f"{where}: {rel}.{arg} {v} has type {ents[v].get('type')}, expected {sorted(types)}")
                ok = False
            if aid in ids and aid not in ent_articles[v]:
                P(f"{where}: {rel}.{arg} {v} does not occur in {aid}")
                ok = False
        if rel == "holdsPosition" and aid in atext and str(r.get("title")) not in atext[aid]:
            P(f"{where}: title {r.get('title')!r} not in {aid}")
            ok = False
        if rel == "receivedAward" and r.get("year") is not None and not isinstance(r.get("year"), int):
            P(f"{where}: year {r.get('year')!r} is not an integer")
            ok = False
        return ok

    def rkey(r: dict):
        return tuple(sorted((k, str(v)) for k, v in r.items()))

    gold = set()
    for i, r in enumerate(g.get("relations") or []):
        check_rel(r, f"relation {i + 1}")
        k = rkey(r)
        if k in gold:
            P(f"relation {i + 1}: duplicate {r}")
        gold.add(k)
    stats["relations"] = len(g.get("relations") or [])

    # ---------------------------------------------------------------- uncertain
    for j, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain {j + 1} ({str(u.get('item'))[:40]})"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P(f"{where}: missing {k}")
        ing = u.get("in_gold")
        if ing not in (True, False):
            P(f"{where}: in_gold must be true or false")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                P(f"{where}: entity {n} is not annotated")
            if ing is False and n in ents:
                P(f"{where}: rejected entity {n} is annotated")
        for r in u.get("relations") or []:
            if ing:
                if rkey(r) not in gold:
                    P(f"{where}: relation {r} is not a copy of a gold relation")
            else:
                if rkey(r) in gold:
                    P(f"{where}: rejected relation {r} is in the gold relations")
                check_rel(r, where, strict=False)
        for r in u.get("also_accept") or []:
            if rkey(r) in gold:
                P(f"{where}: also_accept {r} is a gold relation")
            check_rel(r, where + " also_accept", strict=False)
        if u.get("also_accept") and not ing:
            P(f"{where}: also_accept on a rejected item")

    # ---------------------------------------------------------------- reference scorer
    if scorer is not None:
        try:
            gents, _alias, grels, optional, _neutral = scorer.load_gold([gpath])
            stats["opt"] = len(optional)
            stats["req"] = len([k for k in gents if k not in optional])
            stats["scored"] = sum(len(v) for v in grels.values())
            if len(gents) != len(ents):
                P(f"load_gold sees {len(gents)} entities, the file has {len(ents)} (normalised names collide)")
        except Exception as err:  # noqa: BLE001
            P(f"load_gold failed: {err!r}")
    return probs, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=Path("../shared/gold/score.py"),
                    help="reference scorer (default ../shared/gold/score.py, relative to the repository root)")
    a = ap.parse_args()
    scorer_path = a.scorer
    if not scorer_path.is_absolute() and not scorer_path.exists():
        scorer_path = HERE.parent.parent / a.scorer  # relative to the repository root
    scorer = None
    if scorer_path.is_file():
        scorer = load_scorer(scorer_path)
    files = a.files or sorted(HERE.glob("pp*.yaml"))
    total = {"files": 0, "problems": 0, "articles": 0, "entities": 0, "req": 0, "opt": 0,
             "relations": 0, "scored": 0}
    if scorer is None:
        print(f"problem: reference scorer not found at {a.scorer}")
        total["problems"] += 1
    for f in files:
        probs, st = check_file(f, scorer)
        total["files"] += 1
        total["problems"] += len(probs)
        for k in ("articles", "entities", "req", "opt", "relations", "scored"):
            total[k] += st[k]
        print(f"{f.name}: {st['articles']} article(s), body {st['body']} chars, {st['entities']} entities "
              f"({st['req']} required / {st['opt']} optional), {st['relations']} relations "
              f"({st['scored']} scored) - {'OK' if not probs else f'{len(probs)} problem(s)'}")
        for p in probs:
            print(f"  - {p}")
    print(f"TOTAL: {total['files']} files, {total['articles']} articles, {total['entities']} entities "
          f"({total['req']} required / {total['opt']} optional), {total['relations']} relations "
          f"({total['scored']} scored), {total['problems']} problem(s)")
    return 0 if total["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
