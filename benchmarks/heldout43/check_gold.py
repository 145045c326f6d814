#!/usr/bin/env python3
"""Consistency check of the heldout43 gold files (pm*.yaml) against their texts (pm*.txt).

Usage (from the repository root):
    python benchmarks/heldout43/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]

Checks, for every pmN.yaml beside this script (or the files given):
  * the file loads as YAML, has the keys of the seed schema, and loads with `load_gold` of the
    reference scorer (--scorer, default ../shared/gold/score.py relative to the repository root);
  * every entity name and alias is an exact substring of the text with line breaks removed, types
    are known, and no name or alias (normalised as the scorer does) belongs to two entities;
  * the articles: ids unique, headlines occur, the segments can be found in page order,
    `starts_with` is the first 12 characters of the body, bylines (date format, place and
    reporters occur in the article), body length;
  * each entity's `articles` equals the articles whose text (page furniture removed, line breaks
    removed) contains its name or an alias, nested occurrences included;
  * relations: known relation names, argument keys and types, arguments are gold entity names
    occurring in the relation's article, titles occur in the text, no duplicates;
  * reporter relations = byline reporters, article by article;
  * `uncertain`: in_gold true items name gold entities and exact copies of gold relations;
    also_accept answers and in_gold false candidates are not gold relations.
Prints per-file and total counts; exits 0 iff no problem is found. Needs PyYAML; OpenCC optional.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument key: allowed types (None = a literal, not an entity)}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
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

# Page furniture: whole lines that belong to no article (site navigation, account header, post
# time, counters, dates and sources, share and paging lines, PDF running headers and footers,
# exhibition-hall headings) and inline tails (the time / IP / reply / like tail of a comment).
FURNITURE_LINES = [
    r"微博|首页|推荐|热门|视频|收起|转发|评论|按热度 按时间|查看更多评论 >|相关新闻",
    r"嘉兴发布( · .*)?",
    r"\d{4}-\d\d-\d\d \d\d:\d\d 来自 微博 weibo\.com",
    r"转发 \d+ +评论 \d+ +赞 \d+",
    r"浙江卫视 > .*",
    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d　来源：.*",
    r"播放 \| 分享",
    r"新华三集团",
    r"首页　.*",
    r"首页 > .*",
    r"发布时间：.*",
    r"分享到：.*",
    r"上一篇：.*|下一篇：.*",
    r"Copyright © .*",
    r"— \d+ —",
    r"互联网之光博览会组委会办公室 编印.*",
    r"2025年世界互联网大会乌镇峰会 · 互联网之光博览会　展商名录",
    r"\d号馆　.*",
]
FURNITURE_INLINE = [r" \d\d-\d\d \d\d:\d\d( 来自\S+)? 回复 赞\d+$"]
# lines skipped before the body when `starts_with` is checked: a byline, a booth number,
# a section marker of a TV script
SKIP_BEFORE_BODY = [r"【[^】]+】", r"展位号：.*", r"本报.*电.*"]
BODY_MIN, BODY_MAX = 450, 900


def norm(s) -> str:
    """The scorer's normalisation, without OpenCC (all texts here are simplified)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in "·・•‧․⋅∙‧・":
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s)
    s = s.strip("《》〈〉“”\"'‘’「」『』")
    return s.lower()


def clean_lines(text: str) -> list[str | None]:
    """The text's lines; furniture lines become None, inline furniture is cut."""
    out: list[str | None] = []
    for line in text.splitlines():
        s = line.strip()
        if any(re.fullmatch(p, s) for p in FURNITURE_LINES):
            out.append(None)
            continue
        for p in FURNITURE_INLINE:
            s = re.sub(p, "", s)
        out.append(s)
    return out


def segment(lines: list[str | None], arts: list[dict], problems: list[str]) -> dict[str, tuple[int, int]]:
    """Line ranges of the articles: an article starts at the first line (after the previous
    article's start) that contains its title, or, without a title, at the line where its
    `starts_with` begins; it ends where the next article starts."""
    starts: list[int] = []
    pos = 0
    for a in arts:
        found = None
        for i in range(pos, len(lines)):
            ln = lines[i]
            if ln is None:
                continue
            if a.get("title"):
                if a["title"] in ln:
                    found = i
                    break
            else:
                rest = "".join(x for x in lines[i:] if x is not None)
                rest = re.sub(r"^【[^】]+】", "", rest)
                if rest.startswith(a.get("starts_with") or "\0"):
                    found = i
                    break
        if found is None:
            problems.append(f"article {a.get('id')}: start not found after line {pos + 1}")
            found = pos
        starts.append(found)
        pos = found + 1
    ranges = {}
    for k, a in enumerate(arts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        ranges[a["id"]] = (starts[k], end)
    return ranges


def body_start(lines: list[str | None], a: dict, rng: tuple[int, int]) -> str:
    """The article's text from its first body line: the title line is skipped when it holds only
    the title (possibly after a 【programme】 tag), then byline, booth and marker lines."""
    i, end = rng
    body = [x for x in lines[i:end] if x is not None]
    if a.get("title") and body and re.sub(r"^【[^】]+】", "", body[0]) == a["title"]:
        body = body[1:]
    while body and any(re.fullmatch(p, body[0]) for p in SKIP_BEFORE_BODY):
        body = body[1:]
    s = "".join(body)
    s = re.sub(r"^【[^】]+】", "", s)
    return s


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def check_file(ypath: Path, scorer) -> tuple[list[str], dict]:
    P: list[str] = []
    stats = {"articles": 0, "body": 0, "entities": 0, "optional": 0, "relations": 0, "scored": 0,
             "uncertain": 0}
    try:
        g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"YAML error: {e}"], stats
    for k in ("source", "articles", "entities", "relations", "uncertain"):
        if k not in g:
            P.append(f"missing key {k}")
    tpath = ypath.parent / g.get("source", "")
    if not tpath.is_file():
        return P + [f"text {tpath} not found"], stats
    raw = tpath.read_text(encoding="utf-8")
    flat = raw.replace("\r", "").replace("\n", "")
    lines = clean_lines(raw)

    # ---- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P.append(f"article {a.get('id')}: missing {k}")
        if a.get("title") and a["title"] not in flat:
            P.append(f"article {a['id']}: headline not in text: {a['title']}")
    ranges = segment(lines, arts, P)
    art_text = {aid: "".join(x for x in lines[s:e] if x is not None) for aid, (s, e) in ranges.items()}
    stats["articles"] = len(arts)
    stats["body"] = sum(len(re.sub(r"\s", "", t)) for t in art_text.values())
    if not BODY_MIN <= stats["body"] <= BODY_MAX:
        P.append(f"body length {stats['body']} outside {BODY_MIN}-{BODY_MAX}")
    byline_reporters: dict[str, set] = {}
    for a in arts:
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P.append(f"article {a['id']}: starts_with is {len(sw)} characters, not 12")
        got = body_start(lines, a, ranges[a["id"]])[:12]
        if got != sw:
            P.append(f"article {a['id']}: starts_with {sw!r} but body begins {got!r}")
        b = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in b:
                P.append(f"article {a['id']}: byline lacks {k}")
        if b.get("date") is not None:
            d = b["date"]
            if not isinstance(d, dt.date):
                try:
                    dt.date.fromisoformat(str(d))
                except ValueError:
                    P.append(f"article {a['id']}: bad byline date {d!r}")
        if b.get("place") and b["place"] not in art_text[a["id"]]:
            P.append(f"article {a['id']}: byline place {b['place']} not in the article")
        reps = b.get("reporters") or []
        for r in reps:
            if r not in art_text[a["id"]]:
                P.append(f"article {a['id']}: reporter {r} not in the article")
        byline_reporters[a["id"]] = set(reps)

    # ---- entities
    ents = {}
    seen_norm: dict[str, str] = {}
    for e in g.get("entities") or []:
        name = e.get("name")
        if name in ents:
            P.append(f"duplicate entity {name}")
        ents[name] = e
        if e.get("type") not in TYPES:
            P.append(f"{name}: unknown type {e.get('type')}")
        forms = [name] + list(e.get("aliases") or [])
        for f in forms:
            if not isinstance(f, str) or f not in flat:
                P.append(f"{name}: name/alias not in text: {f!r}")
            n = norm(f)
            if n in seen_norm and seen_norm[n] != name:
                P.append(f"{name}: form {f!r} also belongs to {seen_norm[n]}")
            seen_norm[n] = name
        expect = [aid for aid in ids if any(f in art_text[aid] for f in forms if isinstance(f, str))]
        if list(e.get("articles") or []) != expect:
            P.append(f"{name}: articles {e.get('articles')} but the text gives {expect}")
    stats["entities"] = len(ents)

    def check_rel(r: dict, where: str, strict: bool, accept: bool = False) -> None:
        """strict: arguments must be gold entity names; otherwise a non-entity argument must occur
        in the text, except in an also_accept answer (a normalised form such as 嘉兴市人民政府)."""
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P.append(f"{where}: unknown relation {rel}")
            return
        if r.get("article") not in ids:
            P.append(f"{where}: {rel} has unknown article {r.get('article')}")
        extra = set(r) - set(REL_ARGS[rel]) - {"rel", "article"}
        if extra:
            P.append(f"{where}: {rel} has unexpected keys {sorted(extra)}")
        for k, types in REL_ARGS[rel].items():
            if k not in r:
                P.append(f"{where}: {rel} lacks {k}")
                continue
            v = r[k]
            if v is None:
                if (rel, k) not in OPTIONAL_ARGS:
                    P.append(f"{where}: {rel}.{k} is null")
                continue
            if types is None:
                if k == "title" and (not isinstance(v, str) or v not in flat):
                    P.append(f"{where}: title {v!r} not in text")
                if k == "year" and not (isinstance(v, int) and 1990 <= v <= 2030):
                    P.append(f"{where}: bad year {v!r}")
                continue
            if v not in ents:
                if strict:
                    P.append(f"{where}: {rel}.{k} {v!r} is not a gold entity name")
                elif v not in flat and not accept:
                    P.append(f"{where}: {rel}.{k} {v!r} is neither a gold entity nor in the text")
                continue
            if ents[v].get("type") not in types:
                P.append(f"{where}: {rel}.{k} {v} has type {ents[v].get('type')}, expected {sorted(types)}")
            if r.get("article") not in (ents[v].get("articles") or []):
                P.append(f"{where}: {rel}.{k} {v} does not occur in article {r.get('article')}")

    rels = g.get("relations") or []
    keyset = []
    for r in rels:
        check_rel(r, "relations", True)
        key = tuple(sorted((k, str(v)) for k, v in r.items()))
        if key in keyset:
            P.append(f"duplicate relation {r}")
        keyset.append(key)
    stats["relations"] = len(rels)
    rep_rel: dict[str, set] = {aid: set() for aid in ids}
    for r in rels:
        if r.get("rel") == "reporter" and r.get("article") in rep_rel:
            rep_rel[r["article"]].add(r.get("person"))
    for aid in ids:
        if rep_rel[aid] != byline_reporters.get(aid, set()):
            P.append(f"article {aid}: reporter relations {sorted(rep_rel[aid])} != byline {sorted(byline_reporters[aid])}")

    # ---- uncertain
    def same(r1, r2):
        return {k: str(v) for k, v in r1.items()} == {k: str(v) for k, v in r2.items()}

    opt_ents = set()
    for u in g.get("uncertain") or []:
        stats["uncertain"] += 1
        where = f"uncertain {u.get('item')!r}"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P.append(f"{where}: lacks {k}")
        ing = u.get("in_gold")
        if not isinstance(ing, bool):
            P.append(f"{where}: in_gold must be true or false")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                P.append(f"{where}: entity {n} is not in the gold")
            if ing is False and n in ents:
                P.append(f"{where}: rejected entity {n} is in the gold")
            if ing and not str(u.get("item", "")).startswith(("aliases", "segment")):
                opt_ents.add(n)
        for r in u.get("relations") or []:
            check_rel(r, where, bool(ing))
            inside = any(same(r, x) for x in rels)
            if ing and not inside:
                P.append(f"{where}: relation not an exact copy of a gold relation: {r}")
            if ing is False and inside:
                P.append(f"{where}: rejected relation is in the gold: {r}")
        for r in u.get("also_accept") or []:
            check_rel(r, where + " also_accept", False, accept=True)
            if any(same(r, x) for x in rels):
                P.append(f"{where}: also_accept answer is a gold relation: {r}")
    stats["optional"] = len(opt_ents)

    # ---- the reference scorer's loader
    if scorer is not None:
        try:
            gents, _a2k, grels, gopt, _neutral = scorer.load_gold([ypath])
            stats["scored"] = sum(len(v) for v in grels.values())
            if len(gents) != len(ents):
                P.append(f"load_gold sees {len(gents)} entities, the file has {len(ents)}")
        except Exception as e:  # noqa: BLE001
            P.append(f"load_gold failed: {e!r}")
    return P, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("pm*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    scorer = None
    if a.scorer.is_file():
        scorer = load_scorer(a.scorer)
    total_problems = 0
    tot = {"articles": 0, "body": 0, "entities": 0, "optional": 0, "relations": 0, "scored": 0, "uncertain": 0}
    if scorer is None:
        print(f"scorer not found at {a.scorer}")
        total_problems += 1
    for f in files:
        problems, st = check_file(f, scorer)
        for k in tot:
            tot[k] += st[k]
        total_problems += len(problems)
        print(f"{f.name}: {st['articles']} articles, body {st['body']} chars, {st['entities']} entities "
              f"({st['entities'] - st['optional']} required / {st['optional']} optional), "
              f"{st['relations']} relations ({st['scored']} scored required), {st['uncertain']} uncertain items, "
              f"{len(problems)} problems")
        for p in problems:
            print("   -", p)
    print(f"TOTAL {len(files)} files: {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['entities'] - tot['optional']} required / {tot['optional']} optional), {tot['relations']} relations "
          f"({tot['scored']} scored required), {tot['uncertain']} uncertain items; "
          f"{total_problems} problems -> {'OK' if total_problems == 0 else 'FAIL'}")
    return 0 if total_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
