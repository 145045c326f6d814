#!/usr/bin/env python3
"""Check the heldout40 gold files (pj*.yaml) against their texts (pj*.txt).

Self-contained: needs Python 3 and PyYAML (OpenCC is used only if the reference scorer uses it).

Checks, per gold file:
  - schema keys (source, articles, entities, relations, uncertain) and the text file named by `source`;
  - articles: unique ids, headline found in the text, `starts_with` (<= 12 characters) found after
    the headline at the start of a line or right after a byline's closing bracket, byline place / date / reporters found in the article's header, body length;
  - entities: allowed type, unique normalised names, every name and alias an exact substring of the
    text with line breaks removed, `articles` equal to the articles whose text contains the name or
    an alias (nested occurrences count; page furniture, see FURNITURE, is excluded);
  - relations: known relation, argument keys, argument types, arguments resolve to gold entities that
    occur in the relation's article, titles occur in the text, no duplicates;
  - reporter relations equal the byline reporters, article by article;
  - `uncertain`: required keys; in_gold: true items list gold entities and exact copies of gold
    relations; in_gold: false items list no gold relation and no gold entity; all names occur in the text;
  - the file loads with `load_gold` of the reference scorer (--scorer), and every scored gold
    relation resolves to gold entities there.
Prints per-file and total counts; exits 0 iff no problem is found.

Usage (from the repository root):  python benchmarks/heldout40/check_gold.py [--scorer PATH] [GOLD.yaml ...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SCORER = REPO / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types (None = free value)}
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
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
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}
OPTIONAL_ARGS = {"category", "year"}

# Page furniture: whole lines that belong to no article (page numbers, running heads, web-page
# navigation and sharing bars, the journal's masthead, the publication-time line of a web page).
FURNITURE = [
    r"^\s*[—-]\s*\d+\s*[—-]\s*$",            # — 1 —   (PDF page number)
    r"^\s*·\s*\d+\s*·\s*$",                  # · 142 · (journal page number)
    r"^\S+论坛\s+议程\s*$",                   # running head of a programme's second page
    r"^.*\S\s+>\s+\S.*$",                    # breadcrumb  欧洲时报网 > 新闻 > 中国
    r"^\s*分享到[：:]",                        # sharing bar
    r"^\s*\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}\s+来源[：:]",  # publication time / source line
    r"^\s*第\d+卷\s*第\d+期",                  # journal masthead, line 1
    r"JOURNAL OF",                            # journal masthead, line 2
]
FURN_RE = [re.compile(p) for p in FURNITURE]
DOTS = "·・•‧․⋅∙"


def norm(s) -> str:
    """A light version of the scorer's normalisation, used only for duplicate checks."""
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in DOTS:
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s).strip("《》〈〉“”\"'‘’「」『』")
    return s.lower()


def nonspace_len(s: str) -> int:
    return len(re.sub(r"\s", "", s))


class Checker:
    def __init__(self, gold_path: Path, scorer):
        self.path = gold_path
        self.scorer = scorer
        self.problems: list[str] = []
        self.stats: dict = {}

    def bad(self, msg: str) -> None:
        self.problems.append(msg)

    # ------------------------------------------------------------------ text
    def load(self) -> bool:
        try:
            self.g = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except Exception as e:  # noqa: BLE001
            self.bad(f"YAML does not load: {e}")
            return False
        if not isinstance(self.g, dict):
            self.bad("top level is not a mapping")
            return False
        for k in ("source", "articles", "entities", "relations"):
            if k not in self.g:
                self.bad(f"missing key `{k}`")
        extra = set(self.g) - {"source", "articles", "entities", "relations", "uncertain"}
        if extra:
            self.bad(f"unknown top-level keys {sorted(extra)}")
        src = self.path.parent / str(self.g.get("source", ""))
        if not src.is_file():
            self.bad(f"source text {src.name} not found")
            return False
        raw = src.read_text(encoding="utf-8")
        lines = raw.splitlines()
        self.furniture_lines = [ln for ln in lines if any(r.search(ln) for r in FURN_RE)]
        kept = [ln for ln in lines if not any(r.search(ln) for r in FURN_RE)]
        self.flat_all = "".join(lines)   # the whole text, line breaks removed
        self.flat = "".join(kept)        # the same without page furniture
        self.line_starts, off = set(), 0  # offsets in self.flat where a printed line begins
        for ln in kept:
            self.line_starts.add(off + len(ln) - len(ln.lstrip()))
            off += len(ln)
        return True

    # ------------------------------------------------------------------ articles
    def articles(self) -> None:
        arts = self.g.get("articles") or []
        self.art_ids = []
        self.spans: dict[str, tuple[int, int]] = {}
        self.body_start: dict[str, int] = {}
        starts = []
        pos = 0
        for i, a in enumerate(arts):
            aid = a.get("id")
            if not aid or aid in self.art_ids:
                self.bad(f"article id missing or duplicated: {aid!r}")
                continue
            self.art_ids.append(aid)
            for k in ("title", "kind", "byline", "starts_with"):
                if k not in a:
                    self.bad(f"{aid}: missing `{k}`")
            title = a.get("title")
            if title:
                t_at = self.flat.find(str(title), pos)
                if t_at < 0:
                    self.bad(f"{aid}: headline not found in order: {title}")
                    t_at = pos
            else:
                t_at = pos
            start = 0 if i == 0 else t_at
            starts.append((aid, start, t_at + (len(str(title)) if title else 0)))
            pos = t_at + 1
        for j, (aid, start, after_title) in enumerate(starts):
            end = starts[j + 1][1] if j + 1 < len(starts) else len(self.flat)
            self.spans[aid] = (start, end)
            a = next(x for x in arts if x.get("id") == aid)
            sw = str(a.get("starts_with") or "")
            if not sw or len(sw) > 12:
                self.bad(f"{aid}: starts_with must have 1-12 characters: {sw!r}")
            b_at = self.flat.find(sw, after_title, end) if sw else -1
            if b_at < 0:
                self.bad(f"{aid}: starts_with {sw!r} not found after the headline")
                b_at = after_title
            elif b_at not in self.line_starts and self.flat[b_at - 1:b_at] not in ("）", ")", "】", "]"):
                self.bad(f"{aid}: starts_with {sw!r} neither begins a line nor follows a byline bracket")
            self.body_start[aid] = b_at
            header = self.flat[start:b_at]
            by = a.get("byline") or {}
            if not isinstance(by, dict) or set(by) != {"place", "date", "reporters"}:
                self.bad(f"{aid}: byline must have exactly place, date, reporters")
                by = {}
            if by.get("place") and by["place"] not in header:
                self.bad(f"{aid}: byline place {by['place']} not in the article header")
            d = by.get("date")
            if d is not None:
                if not isinstance(d, dt.date):
                    self.bad(f"{aid}: byline date is not a date: {d!r}")
                else:
                    forms = (f"{d.month}月{d.day}日", d.isoformat(), f"{d.year}年{d.month}月{d.day}日")
                    if not any(f in self.flat_all for f in forms):
                        self.bad(f"{aid}: byline date {d} not printed on the page")
            for r in by.get("reporters") or []:
                if r not in header:
                    self.bad(f"{aid}: byline reporter {r} not in the article header")
        self.body_chars = sum(nonspace_len(self.flat[self.body_start[a]:self.spans[a][1]]) for a in self.art_ids)
        if not 450 <= self.body_chars <= 900:
            self.bad(f"body has {self.body_chars} characters (want 450-900)")

    def occurs_in(self, names: list[str]) -> list[str]:
        return [aid for aid in self.art_ids
                if any(n in self.flat[self.spans[aid][0]:self.spans[aid][1]] for n in names)]

    # ------------------------------------------------------------------ entities
    def entities(self) -> None:
        self.ents: dict[str, dict] = {}      # exact name -> entity
        self.lookup: dict[str, dict] = {}    # exact name or alias -> entity
        seen_norm: dict[str, str] = {}
        for e in self.g.get("entities") or []:
            name = e.get("name")
            if not name:
                self.bad(f"entity without name: {e}")
                continue
            name = str(name)
            if e.get("type") not in TYPES:
                self.bad(f"{name}: bad type {e.get('type')!r}")
            extra = set(e) - {"name", "type", "aliases", "articles"}
            if extra:
                self.bad(f"{name}: unknown keys {sorted(extra)}")
            names = [name] + [str(a) for a in (e.get("aliases") or [])]
            for n in names:
                k = norm(n)
                if k in seen_norm and seen_norm[k] != name:
                    self.bad(f"name/alias {n} of {name} collides with {seen_norm[k]}")
                seen_norm[k] = name
                if n not in self.flat_all:
                    self.bad(f"{name}: `{n}` is not a substring of the text")
                elif n not in self.flat:
                    self.bad(f"{name}: `{n}` occurs only in page furniture")
                if n in self.lookup and self.lookup[n]["name"] != name:
                    self.bad(f"`{n}` names two entities")
                self.lookup[n] = {"name": name, "type": e.get("type"), "names": names}
            want = self.occurs_in(names)
            got = list(e.get("articles") or [])
            if got != want:
                self.bad(f"{name}: articles {got} should be {want}")
            self.ents[name] = self.lookup[name]

    # ------------------------------------------------------------------ relations
    def rel_problems(self, r: dict, where: str, require_gold_entities: bool = True) -> list[str]:
        out = []
        rel = r.get("rel")
        if rel not in SHAPES:
            return [f"{where}: unknown relation {rel!r}"]
        shape = SHAPES[rel]
        keys = set(r) - {"rel", "article"}
        missing = set(shape) - keys - OPTIONAL_ARGS
        extra = keys - set(shape)
        if missing:
            out.append(f"{where}: {rel} misses {sorted(missing)}")
        if extra:
            out.append(f"{where}: {rel} has unknown arguments {sorted(extra)}")
        aid = r.get("article")
        if aid not in self.art_ids:
            out.append(f"{where}: unknown article {aid!r}")
            return out
        s, e = self.spans[aid]
        art_text = self.flat[s:e]
        for arg, types in shape.items():
            v = r.get(arg)
            if v is None:
                if arg not in OPTIONAL_ARGS:
                    out.append(f"{where}: {rel}.{arg} is empty")
                continue
            if types is None:
                if arg == "title" and str(v).lstrip("前") not in self.flat:
                    out.append(f"{where}: title {v} not in the text")
                if arg == "year" and not re.fullmatch(r"(19|20)\d\d", str(v)):
                    out.append(f"{where}: bad year {v}")
                continue
            ent = self.lookup.get(str(v))
            if ent is None:
                if require_gold_entities:
                    out.append(f"{where}: {rel}.{arg} `{v}` is not a gold entity name or alias")
                elif str(v) not in self.flat:
                    out.append(f"{where}: {rel}.{arg} `{v}` does not occur in the text")
                continue
            if ent["name"] != str(v):
                out.append(f"{where}: {rel}.{arg} uses alias `{v}`; use the name {ent['name']}")
            if ent["type"] not in types:
                out.append(f"{where}: {rel}.{arg} {v} has type {ent['type']}, want {sorted(types)}")
            if not any(n in art_text for n in ent["names"]):
                out.append(f"{where}: {rel}.{arg} {v} does not occur in article {aid}")
        return out

    def relations(self) -> None:
        self.rel_keys = []
        for i, r in enumerate(self.g.get("relations") or []):
            for p in self.rel_problems(r, f"relation #{i + 1}"):
                self.bad(p)
            k = tuple(sorted((a, str(b)) for a, b in r.items()))
            if k in self.rel_keys:
                self.bad(f"duplicate relation {r}")
            self.rel_keys.append(k)
        # reporters = byline reporters
        for a in self.g.get("articles") or []:
            by = set((a.get("byline") or {}).get("reporters") or [])
            rep = {r["person"] for r in self.g.get("relations") or []
                   if r.get("rel") == "reporter" and r.get("article") == a.get("id")}
            if by != rep:
                self.bad(f"{a.get('id')}: reporter relations {sorted(rep)} != byline reporters {sorted(by)}")

    # ------------------------------------------------------------------ uncertain
    def uncertain(self) -> None:
        self.optional = set()
        for i, u in enumerate(self.g.get("uncertain") or []):
            where = f"uncertain #{i + 1}"
            if not isinstance(u, dict):
                self.bad(f"{where}: not a mapping")
                continue
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.bad(f"{where}: missing `{k}`")
            extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
            if extra:
                self.bad(f"{where}: unknown keys {sorted(extra)}")
            ing = u.get("in_gold")
            if not isinstance(ing, bool):
                self.bad(f"{where}: in_gold must be true or false")
            for n in u.get("entities") or []:
                n = str(n)
                if ing:
                    if n not in self.ents:
                        self.bad(f"{where}: entity {n} is not a gold entity name")
                    elif not str(u.get("item", "")).startswith(("aliases", "segment")):
                        self.optional.add(n)
                else:
                    if n in self.lookup:
                        self.bad(f"{where}: rejected entity {n} is a gold entity")
                    if n not in self.flat:
                        self.bad(f"{where}: rejected entity {n} does not occur in the text")
            for j, r in enumerate(u.get("relations") or []):
                k = tuple(sorted((a, str(b)) for a, b in r.items()))
                if ing:
                    if k not in self.rel_keys:
                        self.bad(f"{where}: relation {j + 1} is not an exact copy of a gold relation: {r}")
                else:
                    if k in self.rel_keys:
                        self.bad(f"{where}: rejected relation {j + 1} is in the gold relations: {r}")
                    for p in self.rel_problems(r, f"{where} relation {j + 1}", require_gold_entities=False):
                        self.bad(p)
            for j, r in enumerate(u.get("also_accept") or []):
                k = tuple(sorted((a, str(b)) for a, b in r.items()))
                if k in self.rel_keys:
                    self.bad(f"{where}: also_accept {j + 1} is itself a gold relation: {r}")
                for p in self.rel_problems(r, f"{where} also_accept {j + 1}", require_gold_entities=False):
                    self.bad(p)

    # ------------------------------------------------------------------ scorer
    def with_scorer(self) -> None:
        try:
            ents, alias_to_key, rels, optional_ents, neutral = self.scorer.load_gold([self.path])
        except Exception as e:  # noqa: BLE001
            self.bad(f"load_gold of the reference scorer fails: {e!r}")
            return
        if len(ents) != len(self.ents):
            self.bad(f"load_gold sees {len(ents)} entities, the file lists {len(self.ents)}")
        value_cols = {"positions": {2}, "awards": {3}}  # title and year are values, not entities
        for name, tuples in rels.items():
            for t in tuples:
                for i, x in enumerate(t):
                    if i in value_cols.get(name, set()):
                        continue
                    if x is not None and x not in ents:
                        self.bad(f"scorer: {name} {t}: `{x}` is no gold entity")
        # per-item count of scored relations that stay in the gold (not optional, not neutral)
        scored = 0
        for r in self.g.get("relations") or []:
            if r.get("rel") not in SCORED:
                continue
            tmp = defaultdict(set)
            self.scorer._add_rel(tmp, r, lambda n: None if n is None else alias_to_key.get(
                self.scorer.norm(n), self.scorer.norm(n)))
            if any(v - neutral.get(k, set()) for k, v in tmp.items()):
                scored += 1
        self.stats["scored"] = scored
        self.stats["scorer_optional"] = len(optional_ents & set(ents))

    def run(self) -> None:
        if not self.load():
            return
        self.articles()
        self.entities()
        self.relations()
        self.uncertain()
        self.with_scorer()
        n_ent = len(self.ents)
        self.stats.update(articles=len(self.art_ids), body=self.body_chars, entities=n_ent,
                          optional=len(self.optional), required=n_ent - len(self.optional),
                          relations=len(self.g.get("relations") or []))


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: pj*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="reference scorer providing load_gold (default: ../shared/gold/score.py "
                         "relative to the repository root)")
    a = ap.parse_args()
    if not a.scorer.is_file():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.gold or sorted(HERE.glob("pj*.yaml"), key=lambda p: (len(p.name), p.name))
    if not files:
        print("no gold files")
        return 2
    tot = defaultdict(int)
    n_problems = 0
    for f in files:
        c = Checker(f, scorer)
        c.run()
        s = c.stats
        for k in ("articles", "body", "entities", "required", "optional", "relations", "scored"):
            tot[k] += s.get(k, 0)
        print(f"{f.name}: {s.get('articles', 0)} article(s), body {s.get('body', 0)} chars, "
              f"{s.get('entities', 0)} entities ({s.get('required', 0)} req / {s.get('optional', 0)} opt), "
              f"{s.get('relations', 0)} relations ({s.get('scored', 0)} scored), {len(c.problems)} problem(s)")
        for p in c.problems:
            print(f"  - {p}")
        n_problems += len(c.problems)
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, body {tot['body']} chars, "
          f"{tot['entities']} entities ({tot['required']} req / {tot['optional']} opt), "
          f"{tot['relations']} relations ({tot['scored']} scored), {n_problems} problem(s)")
    return 0 if n_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
