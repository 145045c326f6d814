#!/usr/bin/env python3
"""Check the heldout34 gold files (pd*.yaml) against their texts (pd*.txt).

Usage (from the repository root):
    python benchmarks/heldout34/check_gold.py [--scorer PATH] [--tables] [FILE.yaml ...]

Checks, for each gold file:
  - the schema: top-level keys, article and entity fields, relation names and argument keys;
  - the text: every entity name and alias, every headline, `starts_with` and every printed title
    chain of holdsPosition is an exact substring of the text once line breaks are removed;
  - segmentation: each article is found in page order (its headline line, its 【headline】 opener,
    or, without a headline, its `starts_with`); its span runs to the next article; page furniture
    (FURNITURE_LINES / FURNITURE_INLINE below) is removed from it;
  - `articles` of each entity = the articles whose span contains the name or an alias (nested
    occurrences included), in page order;
  - bylines: the place occurs in the span, the date is printed in the span or the page header,
    each reporter occurs in the span and is a Person; reporter relations = byline reporters;
  - relations: argument types, entity arguments are canonical names whose `articles` include the
    relation's article, no duplicates;
  - `uncertain`: in_gold items list gold entities and exact copies of gold relations; in_gold: false
    items and also_accept list no gold relation and no entity (which the scorer would make optional);
  - the body (from `starts_with` to the end of each span, furniture removed, white space not
    counted) has 450-900 characters;
  - the file loads with `load_gold` of the reference scorer, no alias is shared by two entities
    after the scorer's normalisation, and every relation argument resolves to a gold entity.
Prints per-file and total counts; exits 0 iff no problem is found.
Needs PyYAML; OpenCC (opencc-python-reimplemented), when installed, is used by the scorer's
normalisation (traditional -> simplified).
"""
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_SCORER = ROOT / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "continuation", "caption", "box", "post", "chronology"}

# argument -> allowed entity types; "str" = printed text, "year" = int, a set with None = nullable
REL_ARGS: dict[str, dict] = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": "str"},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
                      "category": {"AwardCategory", None}, "year": "year"},
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
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}

# Page furniture: whole lines (after stripping) and inline artefacts. Not article text.
FURNITURE_LINES = [re.compile(p) for p in (
    r"^字号$", r"^澎湃新闻报料：", r"^澎湃新闻，未经授权不得转载$", r"^\+1$", r"^收藏$",
    r"^我要举报$", r"^#[^#\s]+(\s+#[^#\s]+)*$",             # app furniture, topic-tag line (pd1)
    r"^每日明報 > ",                                          # web-edition breadcrumbs (pd2)
    r"^转发 \d+\s+评论 \d+\s+赞 \d+$",                        # Weibo counters (pd3)
    r"^· \d+ ·$", r"^特别策划( \|.*)?$",                      # folio and running head (pd4)
)]
FURNITURE_INLINE = [re.compile(p) for p in (r"O网页链接", r"L[^\sL]{1,12}的微博视频", r"戳图↓")]
# Lines that head the article below them (a Weibo post's account and time lines).
HEADER_LINES = [re.compile(p) for p in (r"^\S+V$", r"^\d{2}-\d{1,2}-\d{1,2} \d{2}:\d{2} 来自 ")]

BODY_MIN, BODY_MAX = 450, 900


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def clean_line(line: str) -> str:
    s = line.strip()
    if any(p.search(s) for p in FURNITURE_LINES):
        return ""
    for p in FURNITURE_INLINE:
        line = p.sub("", line)
    return line


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class FileCheck:
    def __init__(self, ypath: Path, scorer):
        self.ypath = ypath
        self.scorer = scorer
        self.problems: list[str] = []
        self.stats: dict = {}

    def bad(self, msg: str) -> None:
        self.problems.append(msg)

    # ------------------------------------------------------------------ segmentation
    def segment(self, arts: list[dict]) -> None:
        lines = self.raw.split("\n")
        clean = [clean_line(l) for l in lines]
        self.clean = clean
        offs, pos = [], 0
        for l in clean:
            offs.append(pos)
            pos += len(l)
        flat_clean = "".join(clean)
        anchors: list[int] = []
        cursor = 0
        for a in arts:
            li = None
            title = a.get("title")
            if title:
                for i in range(cursor, len(clean)):
                    s = clean[i].strip()
                    if s == title or f"【{title}】" in s:
                        li = i
                        break
            else:
                sw = a.get("starts_with") or ""
                k = flat_clean.find(sw, offs[cursor] if cursor < len(offs) else len(flat_clean))
                if sw and k >= 0:
                    li = bisect.bisect_right(offs, k) - 1
                    while li > 0 and offs[li - 1] == offs[li] and not clean[li].strip():
                        li -= 1
            if li is None:
                self.bad(f"article {a.get('id')}: headline/start not found in page order")
                anchors.append(None)  # type: ignore[arg-type]
                continue
            # attach header lines (account / time of a post) right above the anchor
            start, k = li, li - 1
            floor = anchors[-1] + 1 if anchors and anchors[-1] is not None else 0
            while k >= floor and (not clean[k].strip() or any(h.search(clean[k].strip()) for h in HEADER_LINES)):
                if clean[k].strip():
                    start = k
                k -= 1
            anchors.append(start)
            cursor = li + 1
        self.spans: dict[str, str] = {}
        self.first_start = min([x for x in anchors if x is not None], default=0)
        self.header_text = "".join(lines[: self.first_start])
        for i, a in enumerate(arts):
            if anchors[i] is None:
                continue
            nxt = next((x for x in anchors[i + 1:] if x is not None), len(clean))
            self.spans[a["id"]] = "".join(clean[anchors[i]:nxt])

    # ------------------------------------------------------------------ main
    def run(self) -> None:
        try:
            g = yaml.safe_load(self.ypath.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            self.bad(f"YAML does not load: {e}")
            return
        if not isinstance(g, dict):
            self.bad("not a mapping")
            return
        extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
        if extra:
            self.bad(f"unknown top-level keys {sorted(extra)}")
        tpath = self.ypath.with_name(str(g.get("source", "")))
        if g.get("source") != self.ypath.with_suffix(".txt").name or not tpath.exists():
            self.bad(f"source {g.get('source')!r} is not the text beside the gold file")
            return
        self.raw = tpath.read_text(encoding="utf-8").replace("\r", "")
        flat = self.raw.replace("\n", "")

        # ---------------- articles
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad("duplicate article ids")
        if not all(isinstance(x, dict) for x in (g.get("articles") or []) + (g.get("entities") or [])
                   + (g.get("relations") or []) + (g.get("uncertain") or [])):
            self.bad("an article, entity, relation or uncertain item is not a mapping")
            return
        for a in arts:
            miss = {"id", "title", "kind", "byline", "starts_with"} - set(a)
            if miss:
                self.bad(f"article {a.get('id')}: missing {sorted(miss)}")
            if a.get("kind") not in KINDS:
                self.bad(f"article {a.get('id')}: unknown kind {a.get('kind')!r}")
            if a.get("title") is not None and str(a["title"]) not in flat:
                self.bad(f"article {a['id']}: headline not in text: {a['title']}")
        self.segment(arts)
        order = {a["id"]: i for i, a in enumerate(arts)}

        body = 0
        for a in arts:
            span = self.spans.get(a["id"])
            if span is None:
                continue
            sw = str(a.get("starts_with") or "")
            t = a.get("title")
            if t and f"【{t}】" in span:      # an inline 【headline】 opens the post text
                after = span.find(f"【{t}】")
            else:
                after = span.find(t) + len(t) if t and t in span else 0
            k = span.find(sw, after)
            if not sw or k < 0:
                self.bad(f"article {a['id']}: starts_with {sw!r} not in its span")
            else:
                rest = span[k:]
                if len(sw) != min(12, len(rest)):
                    self.bad(f"article {a['id']}: starts_with has {len(sw)} characters, not 12")
                body += len(re.sub(r"\s", "", rest))
            by = a.get("byline") or {}
            if set(by) != {"place", "date", "reporters"}:
                self.bad(f"article {a['id']}: byline keys {sorted(by)}")
            if by.get("place") and str(by["place"]) not in span:
                self.bad(f"article {a['id']}: byline place {by['place']} not in span")
            d = by.get("date")
            if d is not None:
                if not isinstance(d, dt.date):
                    self.bad(f"article {a['id']}: byline date {d!r} is not a date")
                else:
                    forms = [d.isoformat(), f"{d.year % 100}-{d.month}-{d.day}", f"{d.month}月{d.day}日",
                             f"{d.year}年{d.month}月{d.day}日"]
                    if not any(f in span or f in self.header_text for f in forms):
                        self.bad(f"article {a['id']}: byline date {d} not printed")
            for p in by.get("reporters") or []:
                if p not in span:
                    self.bad(f"article {a['id']}: reporter {p} not in span")
        self.stats["body"] = body
        if not BODY_MIN <= body <= BODY_MAX:
            self.bad(f"body has {body} characters, outside {BODY_MIN}-{BODY_MAX}")

        # ---------------- entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        norm = self.scorer.norm
        seen_norm: dict[str, str] = {}
        for e in ents:
            n = e.get("name")
            if not n or e.get("type") not in TYPES:
                self.bad(f"entity {n!r}: missing name or unknown type {e.get('type')!r}")
                continue
            if set(e) - {"name", "type", "aliases", "articles"}:
                self.bad(f"entity {n}: unknown keys {sorted(set(e) - {'name', 'type', 'aliases', 'articles'})}")
            if n in by_name:
                self.bad(f"entity {n}: listed twice")
            by_name[n] = e
            forms = [str(n)] + [str(x) for x in e.get("aliases") or []]
            for f in forms:
                if f not in flat:
                    self.bad(f"entity {n}: {f!r} not in text")
                k = norm(f)
                if k in seen_norm and seen_norm[k] != n:
                    self.bad(f"entity {n}: {f!r} normalises like a name of {seen_norm[k]}")
                seen_norm.setdefault(k, n)
            expected = [a["id"] for a in arts if a["id"] in self.spans
                        and any(f in self.spans[a["id"]] for f in forms)]
            got = list(e.get("articles") or [])
            if not expected:
                self.bad(f"entity {n}: occurs in no article (furniture only?)")
            if got != expected:
                self.bad(f"entity {n}: articles {got} but occurs in {expected}")
            if any(x not in order for x in got):
                self.bad(f"entity {n}: unknown article in {got}")

        # ---------------- relations
        rels = g.get("relations") or []

        def check_rel(r: dict, where: str, must_exist: bool = True) -> bool:
            rel = r.get("rel")
            spec = REL_ARGS.get(rel)
            if spec is None:
                self.bad(f"{where}: unknown relation {rel!r}")
                return False
            keys = set(r) - {"rel", "article"}
            if keys != set(spec):
                self.bad(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
                return False
            if r.get("article") not in order:
                self.bad(f"{where}: unknown article {r.get('article')!r}")
                return False
            ok = True
            for arg, allowed in spec.items():
                v = r[arg]
                if allowed == "str":
                    if not v or str(v) not in flat:
                        self.bad(f"{where}: {rel} {arg} {v!r} is not printed in the text")
                        ok = False
                elif allowed == "year":
                    if not isinstance(v, int) or not 2014 <= v <= 2025:
                        self.bad(f"{where}: {rel} year {v!r}")
                        ok = False
                else:
                    if v is None:
                        if None not in allowed:
                            self.bad(f"{where}: {rel} {arg} is null")
                            ok = False
                        continue
                    e = by_name.get(v)
                    if e is None:
                        if must_exist:
                            self.bad(f"{where}: {rel} {arg} {v!r} is not a gold entity name")
                        ok = False
                        continue
                    if e["type"] not in allowed:
                        self.bad(f"{where}: {rel} {arg} {v} has type {e['type']}")
                        ok = False
                    if r["article"] not in (e.get("articles") or []):
                        self.bad(f"{where}: {rel} {arg} {v} does not occur in {r['article']}")
                        ok = False
            return ok

        keys = Counter()
        for r in rels:
            check_rel(r, f"relation {r}")
            keys[rel_key(r)] += 1
        for k, c in keys.items():
            if c > 1:
                self.bad(f"relation listed {c} times: {dict(k)}")
        gold_keys = set(keys)
        for a in arts:
            want = set((a.get("byline") or {}).get("reporters") or [])
            have = {r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"]}
            if want != have:
                self.bad(f"article {a['id']}: reporter relations {sorted(have)} != byline {sorted(want)}")
            for p in want:
                if p not in by_name or by_name[p]["type"] != "Person":
                    self.bad(f"article {a['id']}: reporter {p} is not a Person entity")

        # ---------------- uncertain
        for u in g.get("uncertain") or []:
            item = str(u.get("item", ""))
            where = f"uncertain {item[:40]!r}"
            if not item or not isinstance(u.get("in_gold"), bool) or not u.get("decision") or not u.get("why"):
                self.bad(f"{where}: needs item, in_gold (bool), decision, why")
            if set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}:
                self.bad(f"{where}: unknown keys")
            for n in u.get("entities") or []:
                if n not in by_name:
                    self.bad(f"{where}: entity {n!r} is not a gold entity")
                if not u.get("in_gold"):
                    self.bad(f"{where}: an in_gold: false item lists entity {n!r} (the scorer would make it optional)")
            for r in u.get("relations") or []:
                check_rel(r, where)
                if u.get("in_gold") and rel_key(r) not in gold_keys:
                    self.bad(f"{where}: relation is not an exact copy of a gold relation: {r}")
                if not u.get("in_gold") and rel_key(r) in gold_keys:
                    self.bad(f"{where}: rejected relation is in the gold: {r}")
            for r in u.get("also_accept") or []:
                check_rel(r, where)
                if rel_key(r) in gold_keys:
                    self.bad(f"{where}: also_accept relation is in the gold: {r}")

        # ---------------- reference scorer
        try:
            g_ents, alias_to_key, g_rels, optional, neutral = self.scorer.load_gold([self.ypath])
        except Exception as e:  # noqa: BLE001
            self.bad(f"load_gold failed: {e!r}")
            return
        for r in rels:
            for arg, allowed in REL_ARGS.get(r.get("rel"), {}).items():
                if isinstance(allowed, set) and r.get(arg) is not None:
                    k = alias_to_key.get(norm(r[arg]), norm(r[arg]))
                    if k not in g_ents:
                        self.bad(f"load_gold: {r.get('rel')} {arg} {r[arg]} resolves to no entity")
        for k in optional:
            if k not in g_ents:
                self.bad(f"load_gold: optional name {k!r} is no entity")
        if len(g_ents) != len(by_name):
            self.bad(f"load_gold merged entities: {len(by_name)} listed, {len(g_ents)} after normalisation")
        self.stats.update(
            articles=len(arts), entities=len(ents), optional=len(set(optional) & set(g_ents)),
            relations=len(rels), scored=sum(len(v) for v in g_rels.values()),
            ent_types=Counter(e["type"] for e in ents),
            opt_types=Counter(g_ents[k]["type"] for k in set(optional) & set(g_ents)),
            rel_types=Counter(r["rel"] for r in rels),
            scored_types={k: len(v) for k, v in g_rels.items()},
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="gold files (default: pd*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="path of the reference score.py")
    ap.add_argument("--tables", action="store_true", help="also print Markdown tables of the counts")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("pd*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    tot = Counter()
    checks = []
    for f in files:
        c = FileCheck(f, scorer)
        c.run()
        checks.append(c)
        s = c.stats
        print(f"{f.name}: {s.get('articles', 0)} articles, body {s.get('body', 0)} chars, "
              f"{s.get('entities', 0)} entities ({s.get('entities', 0) - s.get('optional', 0)} required / "
              f"{s.get('optional', 0)} optional), {s.get('relations', 0)} relations ({s.get('scored', 0)} scored), "
              f"{len(c.problems)} problems")
        for p in c.problems:
            print(f"  - {p}")
        for k in ("articles", "body", "entities", "optional", "relations", "scored"):
            tot[k] += s.get(k, 0)
        tot["problems"] += len(c.problems)
    if a.tables:
        print_tables(checks)
    ok = tot["problems"] == 0
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['entities'] - tot['optional']} required / {tot['optional']} optional), "
          f"{tot['relations']} relations ({tot['scored']} scored); {tot['problems']} problems"
          f" -> {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


def print_tables(checks: list[FileCheck]) -> None:
    names = [c.ypath.stem for c in checks]
    print("\n| type | " + " | ".join(names) + " | total |")
    print("|---|" + "---:|" * (len(names) + 1))
    for t in sorted(TYPES):
        row = [f"{c.stats['ent_types'].get(t, 0)} ({c.stats['opt_types'].get(t, 0)})" for c in checks]
        tot = sum(c.stats["ent_types"].get(t, 0) for c in checks)
        opt = sum(c.stats["opt_types"].get(t, 0) for c in checks)
        print(f"| {t} | " + " | ".join(row) + f" | {tot} ({opt}) |")
    print("\n| relation | " + " | ".join(names) + " | total |")
    print("|---|" + "---:|" * (len(names) + 1))
    for r in REL_ARGS:
        row = [str(c.stats["rel_types"].get(r, 0)) for c in checks]
        print(f"| {r} | " + " | ".join(row) + f" | {sum(c.stats['rel_types'].get(r, 0) for c in checks)} |")
    print("\n| scored set | " + " | ".join(names) + " | total |")
    print("|---|" + "---:|" * (len(names) + 1))
    for k in ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters"):
        row = [str(c.stats["scored_types"].get(k, 0)) for c in checks]
        print(f"| {k} | " + " | ".join(row) + f" | {sum(c.stats['scored_types'].get(k, 0) for c in checks)} |")


if __name__ == "__main__":
    sys.exit(main())
