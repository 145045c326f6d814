#!/usr/bin/env python3
"""Check the heldout56 gold files (pz*.yaml) against their texts (pz*.txt).

Usage (from the repository root):
    python benchmarks/heldout56/check_gold.py [--scorer PATH] [FILE.yaml ...]

Checks, for every gold file:
  - the schema of the seed gold (top-level keys, article keys, entity types, relation names and
    argument shapes, argument types);
  - every entity name and alias occurs in the text with line breaks removed;
  - each entity's `articles` list equals the segments whose text contains the name or an alias
    (nested occurrences included; page furniture, matched by FURNITURE below, is in no segment);
  - headlines occur, segments are in page order, `starts_with` (12 characters) follows the
    headline and the byline (the text before it ends with "）" or a person's name), bylines
    (reporters, place, day of the date) precede the body;
  - reporter relations of each article equal its byline reporters;
  - relation arguments are entities of the file mentioned in the relation's article,
    titles of holdsPosition occur in the article;
  - `uncertain`: items with in_gold: true list only gold entities and exact copies of gold
    relations; items with in_gold: false and `also_accept` answers are not in the gold;
  - the body (non-furniture text, white space excluded) has 450-900 characters;
  - the file loads with `load_gold` of the reference scorer, without two entities collapsing
    into one, and names shared between files have the same type.
Prints one line per file and a total line; exits 0 iff no problem is found.
Needs PyYAML; OpenCC is used by the scorer's normalisation when installed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_SCORER = "../shared/gold/score.py"  # relative to the repository root

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument: allowed entity types (None: a literal)}
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"} | ORG | {"Event"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
ARTICLE_KEYS = {"id", "title", "kind", "byline", "starts_with", "author_note"}
UNCERTAIN_KEYS = {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
# Page furniture: whole lines (stripped) that belong to no article.
FURNITURE = [re.compile(p) for p in (
    r"光明日报|嘉兴日报",                                    # masthead
    r"\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]",     # page date
    r"第\s*\d+\s*版.*",                                      # page number and section
    r"链接",                                                 # box label
    r"(本版编辑|责任编辑|版式设计)[:：].*",                    # credit lines
    r"【纠错】",                                             # web-page button
    r"\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}\s*来源[:：].*",   # web-page time and source
    r"\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}(（.*更新）)?",     # wire time stamp
    r"（編輯[:：].*）\d{7}",                                  # CNA editor and date code
)]
BODY_MIN, BODY_MAX = 450, 900


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave the scorer's folder untouched
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def is_furniture(line: str) -> bool:
    s = line.strip()
    return bool(s) and any(p.fullmatch(s) for p in FURNITURE)


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, gold_path: Path, scorer):
        self.path = gold_path
        self.scorer = scorer
        self.problems: list[str] = []
        self.stats: dict = {}

    def err(self, msg: str) -> None:
        self.problems.append(f"{self.path.name}: {msg}")

    # ------------------------------------------------------------------ text
    def read(self):
        g = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        self.g = g
        extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
        if extra:
            self.err(f"unknown top-level keys {sorted(extra)}")
        txt_path = self.path.parent / str(g.get("source", ""))
        if not txt_path.is_file():
            self.err(f"source {g.get('source')!r} not found beside the gold file")
            return False
        lines = txt_path.read_text(encoding="utf-8").splitlines()
        self.full = "".join(lines)                                   # line breaks removed
        self.body = "".join(l for l in lines if not is_furniture(l))  # furniture removed too
        n = len(re.sub(r"\s", "", self.body))
        self.stats["body"] = n
        if not BODY_MIN <= n <= BODY_MAX:
            self.err(f"body has {n} characters, outside {BODY_MIN}-{BODY_MAX}")
        return True

    # ------------------------------------------------------------------ articles
    def articles(self):
        arts = self.g.get("articles") or []
        self.art_ids = [a["id"] for a in arts]
        if len(set(self.art_ids)) != len(self.art_ids):
            self.err("duplicate article ids")
        starts, cursor = [], 0
        for a in arts:
            extra = set(a) - ARTICLE_KEYS
            if extra:
                self.err(f"{a['id']}: unknown keys {sorted(extra)}")
            anchor = a.get("title") or a.get("starts_with") or ""
            pos = self.body.find(anchor, cursor) if anchor else -1
            if pos < 0:
                what = "headline" if a.get("title") else "starts_with"
                self.err(f"{a['id']}: {what} {anchor!r} not found (after the previous segment)")
                pos = cursor
            starts.append(pos)
            cursor = pos + 1
        self.segments = {}
        for i, a in enumerate(arts):
            end = starts[i + 1] if i + 1 < len(arts) else len(self.body)
            self.segments[a["id"]] = self.body[starts[i]:end]
        for a in arts:
            seg = self.segments[a["id"]]
            sw = str(a.get("starts_with") or "")
            if len(sw) != 12:
                self.err(f"{a['id']}: starts_with {sw!r} is not 12 characters")
            title = a.get("title") or ""
            idx = seg.find(sw, len(title)) if sw else -1  # the body follows the headline
            if idx < 0:
                self.err(f"{a['id']}: starts_with {sw!r} not in the segment")
                continue
            head = seg[:idx]
            if title and not head.startswith(title):
                self.err(f"{a['id']}: segment does not begin with its headline")
            if len(head) - len(title) > 70:
                self.err(f"{a['id']}: {len(head) - len(title)} characters between headline and body")
            between = head[len(title):].rstrip()
            if between and not (between.endswith(("）", ")")) or any(
                    between.endswith(n) for n, e in self.ents_all.items() if e.get("type") == "Person")):
                self.err(f"{a['id']}: the text before starts_with does not end with a byline")
            bl = a.get("byline") or {}
            if set(bl) != {"place", "date", "reporters"}:
                self.err(f"{a['id']}: byline must have place, date, reporters")
            for r in bl.get("reporters") or []:
                if r not in head:
                    self.err(f"{a['id']}: byline reporter {r} not before the body")
            if bl.get("place") and bl["place"] not in head:
                self.err(f"{a['id']}: byline place {bl['place']} not before the body")
            d = bl.get("date")
            if d is not None:
                if not isinstance(d, dt.date):
                    self.err(f"{a['id']}: byline date {d!r} is not an ISO date")
                elif f"{d.day}日" not in head:
                    self.err(f"{a['id']}: byline day {d.day}日 not before the body")
            rest = seg[idx:]
            if rest.strip() and sw != rest[:12]:
                self.err(f"{a['id']}: starts_with mismatch")

    # ------------------------------------------------------------------ entities
    def entities(self):
        ents = self.g.get("entities") or []
        self.ents: dict[str, dict] = {}
        seen: dict[str, str] = {}
        for e in ents:
            name = e.get("name")
            extra = set(e) - {"name", "type", "aliases", "articles"}
            if extra:
                self.err(f"entity {name}: unknown keys {sorted(extra)}")
            if e.get("type") not in TYPES:
                self.err(f"entity {name}: bad type {e.get('type')}")
            if name in self.ents:
                self.err(f"entity {name} listed twice")
            self.ents[name] = e
            names = [name] + list(e.get("aliases") or [])
            for n in names:
                n = str(n)
                if n in seen and seen[n] != name:
                    self.err(f"name {n!r} used by {seen[n]} and {name}")
                seen[n] = name
                if n not in self.full:
                    self.err(f"entity {name}: {n!r} does not occur in the text")
            if name in (e.get("aliases") or []):
                self.err(f"entity {name}: alias equals the name")
            want = [aid for aid in self.art_ids if any(str(n) in self.segments[aid] for n in names)]
            got = list(e.get("articles") or [])
            if got != want:
                self.err(f"entity {name}: articles {got} should be {want}")
        self.stats["entities"] = len(ents)

    # ------------------------------------------------------------------ relations
    def check_rel(self, r: dict, where: str, strict: bool) -> None:
        rel = r.get("rel")
        shape = SHAPES.get(rel)
        if shape is None:
            self.err(f"{where}: unknown relation {rel!r}")
            return
        keys = set(r) - {"rel", "article"}
        if keys != set(shape):
            self.err(f"{where}: {rel} arguments {sorted(keys)} should be {sorted(shape)}")
        art = r.get("article")
        if art not in self.segments:
            self.err(f"{where}: {rel} article {art!r} unknown")
            return
        for k, types in shape.items():
            v = r.get(k)
            if types is None:
                if k == "title":
                    if not v or str(v) not in self.segments[art]:
                        self.err(f"{where}: title {v!r} not in article {art}")
                elif k == "year":
                    if v is not None and not (isinstance(v, int) and 1990 <= v <= 2030):
                        self.err(f"{where}: year {v!r} is not a year")
                continue
            if v is None:
                if k == "category":
                    continue
                self.err(f"{where}: {rel}.{k} missing")
                continue
            e = self.ents.get(v)
            if e is None:
                if strict:
                    self.err(f"{where}: {rel}.{k} {v!r} is not an entity of the file")
                elif str(v) not in self.full:
                    self.err(f"{where}: {rel}.{k} {v!r} neither an entity nor in the text")
                continue
            if strict and e["type"] not in types:  # also_accept / rejected: any type
                self.err(f"{where}: {rel}.{k} {v} has type {e['type']}, expected {sorted(types)}")
            if art not in (e.get("articles") or []):
                self.err(f"{where}: {rel}.{k} {v} is not mentioned in article {art}")

    def relations(self):
        rels = self.g.get("relations") or []
        self.rel_keys = set()
        for i, r in enumerate(rels):
            k = rel_key(r)
            if k in self.rel_keys:
                self.err(f"relation #{i + 1} duplicated: {r}")
            self.rel_keys.add(k)
            self.check_rel(r, f"relation #{i + 1}", strict=True)
        for a in self.g.get("articles") or []:
            want = set((a.get("byline") or {}).get("reporters") or [])
            got = {r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"]}
            if want != got:
                self.err(f"{a['id']}: reporter relations {sorted(got)} != byline reporters {sorted(want)}")
        self.stats["relations"] = len(rels)

    # ------------------------------------------------------------------ uncertain
    def uncertain(self):
        self.optional_names = set()
        for i, u in enumerate(self.g.get("uncertain") or []):
            where = f"uncertain #{i + 1}"
            if not isinstance(u, dict):
                self.err(f"{where}: not a mapping")
                continue
            extra = set(u) - UNCERTAIN_KEYS
            if extra:
                self.err(f"{where}: unknown keys {sorted(extra)}")
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.err(f"{where}: missing {k}")
            ing = u.get("in_gold")
            if not isinstance(ing, bool):
                self.err(f"{where}: in_gold must be true or false")
            for n in u.get("entities") or []:
                if ing:
                    if n not in self.ents:
                        self.err(f"{where}: entity {n!r} (in_gold) is not a gold entity")
                    elif not str(u.get("item", "")).startswith(("aliases", "segment")):
                        self.optional_names.add(n)
                else:
                    if n in self.ents:
                        self.err(f"{where}: rejected entity {n!r} is in the gold")
                    if str(n) not in self.full:
                        self.err(f"{where}: rejected entity {n!r} does not occur in the text")
            for r in u.get("relations") or []:
                self.check_rel(r, where, strict=bool(ing))
                inside = rel_key(r) in self.rel_keys
                if ing and not inside:
                    self.err(f"{where}: relation {r} (in_gold) is not a copy of a gold relation")
                if not ing and inside:
                    self.err(f"{where}: rejected relation {r} is in the gold")
            for r in u.get("also_accept") or []:
                self.check_rel(r, where + " also_accept", strict=False)
                if rel_key(r) in self.rel_keys:
                    self.err(f"{where}: also_accept {r} is already a gold relation")

    # ------------------------------------------------------------------ scorer
    def with_scorer(self):
        try:
            ents, alias_to_key, rels, optional, neutral = self.scorer.load_gold([self.path])
        except Exception as exc:  # pragma: no cover
            self.err(f"load_gold failed: {exc!r}")
            return
        if len(ents) != len(self.ents):
            self.err(f"load_gold sees {len(ents)} entities, the file lists {len(self.ents)} "
                     "(two names normalise to the same key)")
        opt = {k for k in optional if k in ents}
        self.stats["optional"] = len(opt)
        self.stats["required"] = len(ents) - len(opt)
        self.stats["scored"] = sum(len(v) for v in rels.values())
        self.gold_types = {k: v["type"] for k, v in ents.items()}
        # every scored relation refers to known gold keys
        for name, tuples in rels.items():
            for t in tuples:
                ks = t[:2] if name in ("positions", "awards", "reports", "reports_at", "locations") else t[:1]
                for k in ks:
                    if k is not None and k not in ents:
                        self.err(f"scored {name} tuple {t} refers to {k!r}, not a gold entity")

    def run(self):
        if not self.read():
            return
        self.ents_all = {e.get("name"): e for e in self.g.get("entities") or []}
        self.articles()
        self.entities()
        self.relations()
        self.uncertain()
        self.with_scorer()
        self.stats["articles"] = len(self.art_ids)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", default=DEFAULT_SCORER,
                    help="path of the reference score.py (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("gold", nargs="*", type=Path)
    a = ap.parse_args()
    sp = Path(a.scorer)
    if not sp.is_absolute() and not sp.is_file():
        sp = (REPO / a.scorer)
    if not sp.is_file():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(sp.resolve())
    golds = a.gold or sorted(HERE.glob("pz*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    problems: list[str] = []
    tot = {"articles": 0, "body": 0, "entities": 0, "required": 0, "optional": 0, "relations": 0, "scored": 0}
    types_across: dict[str, tuple[str, str]] = {}
    for gp in golds:
        c = Checker(gp, scorer)
        c.run()
        for k, v in getattr(c, "gold_types", {}).items():
            if k in types_across and types_across[k][0] != v:
                c.err(f"{k!r} is {v} here but {types_across[k][0]} in {types_across[k][1]}")
            types_across.setdefault(k, (v, gp.name))
        s = c.stats
        for k in tot:
            tot[k] += s.get(k, 0)
        for p in c.problems:
            print("  " + p)
        print(f"{gp.name}: {s.get('articles', 0)} articles, body {s.get('body', 0)} chars, "
              f"{s.get('entities', 0)} entities ({s.get('required', 0)} required / {s.get('optional', 0)} optional), "
              f"{s.get('relations', 0)} relations annotated / {s.get('scored', 0)} scored: "
              f"{'OK' if not c.problems else f'{len(c.problems)} problem(s)'}")
        problems += c.problems
    print(f"TOTAL: {len(golds)} files, {tot['articles']} articles, body {tot['body']} chars, "
          f"{tot['entities']} entities ({tot['required']} required / {tot['optional']} optional), "
          f"{tot['relations']} relations annotated / {tot['scored']} scored, {len(problems)} problem(s)")
    return 0 if not problems and golds else 1


if __name__ == "__main__":
    sys.exit(main())
