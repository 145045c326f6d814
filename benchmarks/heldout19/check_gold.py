#!/usr/bin/env python3
"""Self-check of the heldout19 gold files (m1.yaml ... m4.yaml, schema of seed.yaml).

Checks, for every gold file:
  - the text named by `source` exists beside the gold file (UTF-8, no byte-order mark);
  - articles: unique ids, known kinds, headlines found in page order, `starts_with` is 12
    characters and is where the body begins after the byline, byline reporters and place are
    printed in the byline (for a caption: "X 摄" inside the caption), dates are dates or null;
  - entities: known types, unique names and aliases (after the scorer's normalisation), every
    name and alias an exact substring of the text, and `articles` equal to the articles whose
    text (headline, byline and body; nested occurrences included) contains the name or an alias;
  - relations: known relation types, arguments that are gold entity names of the right types and
    that occur in the relation's article, known article ids, no duplicates, printed title chains;
  - bylines against reporter relations: every byline reporter has a `reporter` relation for that
    article and every `reporter` relation a byline;
  - uncertain: every item has item / in_gold / decision / why; in_gold items only list gold
    entities and exact copies of gold relations; in_gold: false items list no gold entity or
    relation, and their names occur in the text; also_accept answers are not gold relations;
    items about aliases begin with "aliases" and list entities that have aliases; items about
    segments begin with "segment" and name an article id;
then loads each file with load_gold of the reference scorer (--score, default
../shared/gold/score.py relative to the repository root) and prints counts.
Exit 0 iff no problem was found.

Usage: python benchmarks/heldout19/check_gold.py [--score PATH] [GOLD.yaml ...]
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
ROOT = HERE.parents[1]  # the repository root
DEFAULT_SCORE = (ROOT / ".." / "shared" / "gold" / "score.py").resolve()

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORGS = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "continuation", "caption"}

# relation -> {argument: allowed entity types}; None = a literal (title, year) checked apart
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORGS, "title": None},
    "receivedAward": {"recipient": ORGS | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORGS},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORGS, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORGS},
    "participatedIn": {"org_or_person": ORGS | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORGS, "parent": ORGS},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    """A relation as a comparable tuple (the `article` included)."""
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def segments(text: str, arts: list[dict], err) -> dict[str, tuple[int, int, int]]:
    """article id -> (start, body_start, end): start at the headline (or the first character of an
    untitled segment or of a continuation whose headline is printed inside it), body_start where `starts_with` is found, end at the next segment's start."""
    starts, pos = [], 0
    for a in arts:
        title, sw = a.get("title"), a.get("starts_with") or ""
        ts, bs = (text.find(title, pos) if title else -1), (text.find(sw, pos) if sw else -1)
        if title and 0 <= bs < ts and a.get("kind") == "continuation":
            title = None  # a continued story whose headline the layout printed inside its body
        if title:
            s = text.find(title, pos)
            if s < 0:
                err(f"article {a['id']}: headline {title!r} not found after offset {pos}")
                s = pos
            head_end = s + len(title)
        else:
            s = text.find(sw, pos)
            if s < 0:
                err(f"article {a['id']}: starts_with {sw!r} not found after offset {pos}")
                s = pos
            head_end = s
        b = text.find(sw, head_end) if sw else -1
        if b < 0:
            err(f"article {a['id']}: starts_with {sw!r} not found after its headline")
            b = head_end
        starts.append((a["id"], s, head_end, b))
        pos = b + 1
    out = {}
    for i, (aid, s, head_end, b) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        out[aid] = (s, head_end, b, end)
    return out


def check_file(gold_path: Path, score) -> tuple[list[str], dict]:
    problems: list[str] = []

    def err(msg: str) -> None:
        problems.append(f"{gold_path.name}: {msg}")

    raw = gold_path.read_bytes()
    g = yaml.safe_load(raw.decode("utf-8"))
    for k in ("source", "articles", "entities", "relations"):
        if k not in g:
            err(f"missing top-level key {k!r}")
    unknown = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if unknown:
        err(f"unknown top-level keys {sorted(unknown)}")
    tpath = gold_path.parent / g.get("source", "")
    if not tpath.is_file():
        err(f"text {tpath} not found")
        return problems, {}
    tbytes = tpath.read_bytes()
    if tbytes.startswith(b"\xef\xbb\xbf"):
        err("text starts with a byte-order mark")
    text = tbytes.decode("utf-8")

    # ---------------------------------------------------------------- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        err(f"duplicate article ids {ids}")
    art_by_id = {a["id"]: a for a in arts}
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                err(f"article {a.get('id')}: missing {k!r}")
        if a.get("kind") not in KINDS:
            err(f"article {a['id']}: unknown kind {a.get('kind')!r}")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            err(f"article {a['id']}: starts_with {sw!r} has {len(sw)} characters, not 12")
        by = a.get("byline") or {}
        if set(by) != {"place", "date", "reporters"}:
            err(f"article {a['id']}: byline keys {sorted(by)} are not place/date/reporters")
        d = by.get("date")
        if d is not None and not isinstance(d, dt.date):
            err(f"article {a['id']}: byline date {d!r} is not a date (YYYY-MM-DD) or null")
    segs = segments(text, arts, err)
    seg_text = {aid: text[s:e] for aid, (s, _h, _b, e) in segs.items()}

    for a in arts:
        aid = a["id"]
        if aid not in segs:
            continue
        s, head_end, b, e = segs[aid]
        by = a.get("byline") or {}
        reps = by.get("reporters") or []
        zone = text[head_end:b]  # between headline and body: the byline
        if a.get("kind") == "caption":
            if zone.strip():
                err(f"article {aid}: caption has text before starts_with: {zone.strip()[:40]!r}")
            for r in reps:
                if not re.search(re.escape(r) + r"\s*摄", seg_text[aid]):
                    err(f"article {aid}: photographer {r!r} not credited as '{r} 摄' in the caption")
        else:
            if len(zone) > 80:
                err(f"article {aid}: {len(zone)} characters between headline and starts_with; is starts_with the body start?")
            z = zone.strip()
            note = a.get("author_note")
            if reps or by.get("place") or by.get("date"):
                if not z:
                    err(f"article {aid}: byline given but nothing printed between headline and body")
                for r in reps:
                    if r not in zone:
                        err(f"article {aid}: byline reporter {r!r} not printed in the byline {z!r}")
                if by.get("place") and by["place"] not in zone:
                    err(f"article {aid}: byline place {by['place']!r} not printed in the byline {z!r}")
                d = by.get("date")
                if isinstance(d, dt.date) and f"{d.month}月{d.day}日" not in zone:
                    err(f"article {aid}: byline date {d} not printed ('{d.month}月{d.day}日') in {z!r}")
            elif z and not (note and note in z):
                err(f"article {aid}: text {z[:40]!r} before the body but no byline or author_note")
            if not text.startswith(a.get("starts_with") or "\0", b):
                err(f"article {aid}: body does not begin with starts_with")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    ent_by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for en in ents:
        name, typ = en.get("name"), en.get("type")
        if not name:
            err(f"entity without a name: {en}")
            continue
        if typ not in TYPES:
            err(f"entity {name!r}: unknown type {typ!r}")
        if name in ent_by_name:
            err(f"entity {name!r} listed twice")
        ent_by_name[name] = en
        aliases = en.get("aliases") or []
        if name in aliases:
            err(f"entity {name!r}: the name is repeated among its aliases")
        for n in [name, *aliases]:
            if not isinstance(n, str):
                err(f"entity {name!r}: name or alias {n!r} is not a string")
                continue
            if n not in text:
                err(f"entity {name!r}: {n!r} is not a substring of {tpath.name}")
            k = score.norm(n)
            if k in seen_norm and seen_norm[k] != name:
                err(f"entity {name!r}: {n!r} normalises like a name of {seen_norm[k]!r}")
            seen_norm.setdefault(k, name)
        want = [aid for aid in ids if any(n in seg_text.get(aid, "") for n in [name, *aliases])]
        got = en.get("articles") or []
        if got != want:
            err(f"entity {name!r}: articles {got} but its names occur in {want}")
        for aid in got:
            if aid not in art_by_id:
                err(f"entity {name!r}: unknown article {aid!r}")

    # ---------------------------------------------------------------- relations
    def check_rel(r: dict, where: str, in_text_only: bool = False) -> None:
        rel = r.get("rel")
        if rel not in REL_ARGS:
            err(f"{where}: unknown relation {rel!r}")
            return
        spec = REL_ARGS[rel]
        aid = r.get("article")
        if aid not in art_by_id:
            err(f"{where}: {rel} with unknown article {aid!r}")
        extra = set(r) - set(spec) - {"rel", "article"}
        if extra:
            err(f"{where}: {rel} has unknown arguments {sorted(extra)}")
        for arg, types in spec.items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS or arg not in r:
                    err(f"{where}: {rel} lacks {arg!r}")
                continue
            if types is None:
                if arg == "title":
                    if not isinstance(v, str) or str(v) not in seg_text.get(aid, text):
                        err(f"{where}: title {v!r} is not printed in article {aid}")
                elif arg == "year" and not (isinstance(v, int) and 1900 < v < 2100):
                    err(f"{where}: year {v!r} is not a year")
                continue
            v = str(v)
            if in_text_only:
                # a rejected candidate: its arguments need only occur in the text
                if v not in text and v not in ent_by_name:
                    err(f"{where}: {rel}.{arg} {v!r} does not occur in the text")
                continue
            en = ent_by_name.get(v)
            if en is None:
                err(f"{where}: {rel}.{arg} {v!r} is not a gold entity name")
                continue
            if en["type"] not in types:
                err(f"{where}: {rel}.{arg} {v!r} has type {en['type']}, expected {sorted(types)}")
            if aid and aid not in (en.get("articles") or []):
                err(f"{where}: {rel}.{arg} {v!r} does not occur in article {aid}")

    rels = g.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, n in gold_keys.items():
        if n > 1:
            err(f"relation listed {n} times: {dict(k)}")
    for i, r in enumerate(rels):
        check_rel(r, f"relation #{i + 1} ({r.get('rel')})")

    # bylines against reporter relations
    rep_rel = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    rep_by = {(p, a["id"]) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
    for p, aid in sorted(rep_by - rep_rel):
        err(f"byline reporter {p!r} of {aid} has no reporter relation")
    for p, aid in sorted(rep_rel - rep_by):
        err(f"reporter relation {p!r} for {aid} is not in that article's byline")
    for p, _aid in rep_by:
        if p not in ent_by_name or ent_by_name[p]["type"] != "Person":
            err(f"byline reporter {p!r} is not a Person entity")

    # ---------------------------------------------------------------- uncertain
    gold_norm_names = {score.norm(n) for en in ents for n in [en["name"], *(en.get("aliases") or [])]}
    for j, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain #{j + 1} ({str(u.get('item', ''))[:40]})"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                err(f"{where}: missing {k!r}")
        extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
        if extra:
            err(f"{where}: unknown keys {sorted(extra)}")
        item = str(u.get("item", ""))
        in_gold = u.get("in_gold")
        if in_gold not in (True, False):
            err(f"{where}: in_gold must be true or false")
        if "alias" in item.lower() and not item.startswith("aliases"):
            err(f"{where}: an item about aliases must begin with 'aliases'")
        if item.startswith("aliases"):
            for n in u.get("entities") or []:
                if not (ent_by_name.get(n) or {}).get("aliases"):
                    err(f"{where}: {n!r} has no aliases")
        if item.startswith("segment") and not any(re.search(rf"\b{re.escape(a)}\b", item) for a in ids):
            err(f"{where}: a segment item must name an article id")
        for n in u.get("entities") or []:
            if in_gold is True:
                if n not in ent_by_name:
                    err(f"{where}: entity {n!r} is not a gold entity name")
            else:
                if score.norm(n) in gold_norm_names:
                    err(f"{where}: rejected entity {n!r} is a gold entity")
                if n not in text:
                    err(f"{where}: rejected entity {n!r} does not occur in the text")
        for r in u.get("relations") or []:
            if in_gold is True:
                if rel_key(r) not in gold_keys:
                    err(f"{where}: relation is not an exact copy of a gold relation: {r}")
            else:
                if rel_key(r) in gold_keys:
                    err(f"{where}: rejected relation is in the gold: {r}")
                check_rel(r, where, in_text_only=True)
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                err(f"{where}: also_accept relation is in the gold: {r}")
            check_rel(r, where + " also_accept")

    # ---------------------------------------------------------------- the reference scorer
    stats: dict = {}
    try:
        gents, alias_to_key, grels, optional, neutral = score.load_gold([gold_path])
    except Exception as exc:  # noqa: BLE001
        err(f"load_gold failed: {exc!r}")
        return problems, stats
    if len(gents) != len(ents):
        err(f"load_gold keeps {len(gents)} entities of {len(ents)} (names collide after normalisation)")
    rejected = {score.norm(n) for u in g.get("uncertain") or [] if u.get("in_gold") is False
                for n in u.get("entities") or []}
    for k in optional:
        if k not in gents and k not in rejected:
            err(f"optional entity key {k!r} is neither a gold entity nor a rejected candidate")
    for fam, tuples in grels.items():
        for t in tuples:
            for x in t:
                if x is None or fam == "positions" and x == t[2] or fam == "awards" and x == t[3]:
                    continue
                if x not in gents:
                    err(f"load_gold: {fam} {t} refers to {x!r}, not a gold entity")
    stats = {
        "articles": len(arts),
        "entities": len(ents),
        "optional": len([k for k in optional if k in gents]),
        "by_type": Counter(en["type"] for en in ents),
        "rels": len(rels),
        "by_rel": Counter(r["rel"] for r in rels),
        "scored": {fam: len(v) for fam, v in grels.items() if v},
        "neutral": sum(len(v) for v in neutral.values()),
        "uncertain": len(g.get("uncertain") or []),
    }
    return problems, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: m*.yaml beside this script)")
    a = ap.parse_args()
    if not a.score.is_file():
        print(f"reference scorer not found: {a.score}")
        return 2
    score = load_scorer(a.score)
    files = a.gold or sorted(HERE.glob("m*.yaml"))
    all_problems: list[str] = []
    totals: dict = defaultdict(Counter)
    print(f"{'file':10} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6} {'neutral':>7} {'uncert':>6}")
    for f in files:
        problems, st = check_file(f, score)
        all_problems += problems
        if st:
            scored = sum(st["scored"].values())
            print(f"{f.name:10} {st['articles']:4} {st['entities']:4} {st['entities'] - st['optional']:4} "
                  f"{st['optional']:4} {st['rels']:4} {scored:6} {st['neutral']:7} {st['uncertain']:6}")
            print("    types:", ", ".join(f"{t} {n}" for t, n in sorted(st["by_type"].items())))
            print("    relations:", ", ".join(f"{t} {n}" for t, n in sorted(st["by_rel"].items())))
            print("    scored:", ", ".join(f"{t} {n}" for t, n in sorted(st["scored"].items())))
            totals["by_type"].update(st["by_type"])
            totals["by_rel"].update(st["by_rel"])
            totals["scored"].update(st["scored"])
            totals["n"].update({"entities": st["entities"], "optional": st["optional"], "rels": st["rels"],
                                "scored": scored, "neutral": st["neutral"], "articles": st["articles"]})
    n = totals["n"]
    print(f"total: {n['articles']} articles, {n['entities']} entities ({n['entities'] - n['optional']} required, "
          f"{n['optional']} optional), {n['rels']} relations ({n['scored']} scored tuples, {n['neutral']} neutral)")
    print("  types:", ", ".join(f"{t} {c}" for t, c in sorted(totals["by_type"].items())))
    print("  relations:", ", ".join(f"{t} {c}" for t, c in sorted(totals["by_rel"].items())))
    print("  scored:", ", ".join(f"{t} {c}" for t, c in sorted(totals["scored"].items())))
    for p in all_problems:
        print("PROBLEM:", p)
    print("OK" if not all_problems else f"{len(all_problems)} problem(s)")
    return 0 if not all_problems else 1


if __name__ == "__main__":
    sys.exit(main())
