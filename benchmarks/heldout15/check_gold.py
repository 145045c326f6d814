#!/usr/bin/env python3
"""Self-check of the gold files of this set (x1.yaml ... x5.yaml); it never runs `kg`.

For each gold file and the text named by its `source:` (beside the gold file, or in --texts-dir):
  - text length: 550-700 characters once line breaks are removed (--skip-length to skip);
  - articles: unique ids, byline fields, title and `starts_with` found in order, `starts_with`
    the first 12 characters of the body after the byline;
  - entities: valid types, unique names after the scorer's normalisation, every name and alias an
    exact substring of the text with line breaks removed, no alias shared by two entities, and
    `articles` equal to the articles whose text (title, byline, body) contains the name or an alias;
  - relations: known relation types, required fields, arguments that are gold entity names of the
    right types, article ids valid and named by the arguments' `articles`, titles printed in the
    text, no duplicates;
  - bylines vs `reporter` relations: the same (person, article) pairs, reporters printed in the byline;
  - `uncertain`: well formed; `in_gold: true` entities/relations are exact copies of gold items,
    `in_gold: false` and `also_accept` relations are not gold items, and no gold relation that is
    not listed under `uncertain` is neutralised by one that is;
  - finally loads the file with `load_gold` of the reference scorer and prints counts.

Usage (from the repository root):  python benchmarks/heldout15/check_gold.py [GOLD.yaml ...]
        [--score PATH/TO/score.py] [--texts-dir DIR] [--skip-length]
The scorer is looked up as ../shared/gold/score.py relative to the repository root unless --score
is given. Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # benchmarks/heldout15/ -> repository root

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Region", "Event", "Award",
         "AwardCategory", "Product", "Initiative", "Report"}
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "continuation", "caption", "brief", "commentary"}
# relation -> {field: allowed types}; fields marked optional may be null
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category?": {"AwardCategory"}},
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
EXTRA_FIELDS = {"holdsPosition": {"title"}, "receivedAward": {"year"}}
SCORED = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
ABS_PATH = re.compile(r"(?<![\w.~])/(?:work|home|root|tmp|mnt|Users)/")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, gold_path: Path, text_path: Path, scorer, skip_length: bool):
        self.path, self.text_path, self.sc, self.skip_length = gold_path, text_path, scorer, skip_length
        self.problems: list[str] = []

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.path.name}: {msg}")

    # ------------------------------------------------------------------ articles
    def segments(self, flat: str, arts: list[dict]) -> dict[str, tuple[int, int, int]]:
        """article id -> (start, byline_end/body start, end) in the flattened text."""
        spans = []
        pos = 0
        for a in arts:
            aid, title, sw = a.get("id"), a.get("title"), a.get("starts_with")
            start, before, title_end = None, pos, None
            if title:
                i = flat.find(title, pos)
                if i < 0:
                    self.bad(f"article {aid}: title {title!r} not found (in order)")
                else:
                    start, pos = i, i + len(title)
                    title_end = pos
            if not sw:
                self.bad(f"article {aid}: no starts_with")
                continue
            j = flat.find(sw, pos)
            if j < 0 and title_end is not None:
                # a headline printed inside its own story by the layout (seed a7): the body starts first
                j = flat.find(sw, before)
                start = title_end = None
            if j < 0:
                self.bad(f"article {aid}: starts_with {sw!r} not found (in order)")
                continue
            if start is None:
                start = j
            spans.append((aid, start, j if title_end is None else title_end, j))
            pos = max(pos, j + len(sw))
        out = {}
        for n, (aid, start, title_end, body) in enumerate(spans):
            end = spans[n + 1][1] if n + 1 < len(spans) else len(flat)
            out[aid] = (start, title_end, body, end)
        return out

    def check_articles(self, flat: str, arts: list[dict]):
        ids = [a.get("id") for a in arts]
        for i, c in Counter(ids).items():
            if c > 1:
                self.bad(f"duplicate article id {i}")
        for a in arts:
            aid = a.get("id")
            if a.get("kind") not in KINDS:
                self.bad(f"article {aid}: kind {a.get('kind')!r} not one of {sorted(KINDS)}")
            b = a.get("byline")
            if not isinstance(b, dict) or set(b) != {"place", "date", "reporters"}:
                self.bad(f"article {aid}: byline must be {{place, date, reporters}}")
            elif not isinstance(b["reporters"], list):
                self.bad(f"article {aid}: byline reporters must be a list")
            elif b["date"] is not None and not isinstance(b["date"], datetime.date):
                self.bad(f"article {aid}: byline date {b['date']!r} is not a date")
            sw = a.get("starts_with") or ""
            if len(sw) != 12:
                self.bad(f"article {aid}: starts_with {sw!r} has {len(sw)} characters, not 12")
        segs = self.segments(flat, arts)
        for a in arts:
            aid = a.get("id")
            if aid not in segs:
                continue
            start, title_end, body, end = segs[aid]
            zone = flat[title_end:body]  # between headline and body: the byline
            b = a.get("byline") or {}
            for rep in b.get("reporters") or []:
                if rep not in zone:
                    self.bad(f"article {aid}: byline reporter {rep} not printed in the byline {zone!r}")
            if b.get("place") and b["place"] not in zone:
                self.bad(f"article {aid}: byline place {b['place']} not printed in the byline {zone!r}")
            if isinstance(b.get("date"), datetime.date) and f"{b['date'].day}日" not in zone:
                self.bad(f"article {aid}: byline day {b['date'].day}日 not printed in the byline {zone!r}")
            if b.get("place") is None and b.get("date") is None and not b.get("reporters") and zone.strip():
                pass  # a headline followed directly by text, nothing to compare
        return segs

    # ------------------------------------------------------------------ main check
    def run(self):
        try:
            g = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001
            self.bad(f"YAML does not load: {err}")
            return None
        raw_gold = self.path.read_text(encoding="utf-8")
        if ABS_PATH.search(raw_gold):
            self.bad("an absolute path occurs in the gold file")
        extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
        if extra:
            self.bad(f"unknown top-level keys {sorted(extra)}")
        if g.get("source") != self.text_path.name:
            self.bad(f"source {g.get('source')!r} is not {self.text_path.name!r}")
        if not self.text_path.exists():
            self.bad(f"text {self.text_path} not found")
            return None
        text = self.text_path.read_text(encoding="utf-8")
        flat = text.replace("\r", "").replace("\n", "")
        if not self.skip_length and not 550 <= len(flat) <= 700:
            self.bad(f"text has {len(flat)} characters without line breaks, not 550-700")

        arts = g.get("articles") or []
        segs = self.check_articles(flat, arts)
        art_ids = {a.get("id") for a in arts}
        norm = self.sc.norm

        # entities
        ents: dict[str, dict] = {}
        owner: dict[str, str] = {}  # normalised name/alias -> entity name
        for e in g.get("entities") or []:
            name, typ = e.get("name"), e.get("type")
            if not name or typ not in TYPES:
                self.bad(f"entity {name!r}: missing name or bad type {typ!r}")
                continue
            if name in ents:
                self.bad(f"entity {name} listed twice")
            ents[name] = e
            names = [name] + list(e.get("aliases") or [])
            for n in names:
                if not isinstance(n, str) or n not in flat:
                    self.bad(f"entity {name}: {n!r} is not a substring of the text")
                k = norm(n)
                if k in owner and owner[k] != name:
                    self.bad(f"entity {name}: {n!r} normalises like a name of {owner[k]}")
                owner.setdefault(k, name)
            want = sorted((aid for aid, (s, _t, _b, end) in segs.items()
                           if any(n in flat[s:end] for n in names)), key=lambda x: [a.get("id") for a in arts].index(x))
            got = e.get("articles")
            if not isinstance(got, list):
                self.bad(f"entity {name}: articles must be a list")
            else:
                for aid in got:
                    if aid not in art_ids:
                        self.bad(f"entity {name}: unknown article {aid}")
                if sorted(got) != sorted(want):
                    self.bad(f"entity {name}: articles {got} but the name/aliases occur in {want}")

        # relations
        def check_rel(r: dict, where: str, gold: bool = True):
            rel = r.get("rel")
            if rel not in REL_ARGS:
                self.bad(f"{where}: unknown relation {rel!r}")
                return
            spec = REL_ARGS[rel]
            allowed = {f.rstrip("?") for f in spec} | EXTRA_FIELDS.get(rel, set()) | {"rel", "article"}
            if set(r) - allowed:
                self.bad(f"{where}: unexpected fields {sorted(set(r) - allowed)} in {r}")
            aid = r.get("article")
            if aid not in art_ids:
                self.bad(f"{where}: unknown article {aid!r} in {r}")
            for f, types in spec.items():
                opt = f.endswith("?")
                f = f.rstrip("?")
                v = r.get(f)
                if v is None:
                    if not opt or f not in r:
                        self.bad(f"{where}: {rel} lacks {f} in {r}")
                    continue
                if v not in ents:
                    self.bad(f"{where}: {f} {v!r} is not a gold entity name ({r})")
                    continue
                if ents[v]["type"] not in types:
                    self.bad(f"{where}: {f} {v} has type {ents[v]['type']}, expected {sorted(types)}")
                if aid in art_ids and aid not in (ents[v].get("articles") or []):
                    self.bad(f"{where}: {v} does not occur in article {aid} ({rel})")
            if rel == "holdsPosition":
                t = r.get("title")
                if not t or t not in flat:
                    self.bad(f"{where}: title {t!r} is not printed in the text")
            if rel == "receivedAward" and r.get("year") is not None and not isinstance(r["year"], int):
                self.bad(f"{where}: year {r['year']!r} is not an integer")

        rels = g.get("relations") or []
        keys = Counter()
        for r in rels:
            check_rel(r, "relation")
            keys[rel_key(r)] += 1
        for k, c in keys.items():
            if c > 1:
                self.bad(f"relation listed {c} times: {dict(k)}")
        gold_keys = set(keys)

        # bylines vs reporter relations
        by = {(p, a.get("id")) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
        rp = {(r.get("person"), r.get("article")) for r in rels if r.get("rel") == "reporter"}
        for p, aid in sorted(by - rp):
            self.bad(f"byline reporter {p} of {aid} has no reporter relation")
        for p, aid in sorted(rp - by):
            self.bad(f"reporter relation {p} / {aid} is not in the byline of {aid}")

        # uncertain
        listed: set = set()
        for u in g.get("uncertain") or []:
            if not isinstance(u, dict) or not u.get("item") or not isinstance(u.get("in_gold"), bool) \
                    or not u.get("decision") or not u.get("why"):
                self.bad(f"uncertain item malformed: {u!r}")
                continue
            item = u["item"]
            for n in u.get("entities") or []:
                if n not in ents:
                    self.bad(f"uncertain {item!r}: entity {n!r} is not a gold entity name")
                if not u["in_gold"]:
                    self.bad(f"uncertain {item!r}: an in_gold: false item lists entities (they would be optional)")
            for r in u.get("relations") or []:
                check_rel(r, f"uncertain {item!r}")
                k = rel_key(r)
                if u["in_gold"] and k not in gold_keys:
                    self.bad(f"uncertain {item!r}: {r} is not an exact copy of a gold relation")
                if not u["in_gold"] and k in gold_keys:
                    self.bad(f"uncertain {item!r}: rejected candidate {r} is also a gold relation")
                listed.add(k)
            for r in u.get("also_accept") or []:
                check_rel(r, f"uncertain {item!r} also_accept")
                if rel_key(r) in gold_keys:
                    self.bad(f"uncertain {item!r}: also_accept {r} is a gold relation")

        # load with the reference scorer
        try:
            g_ents, _alias, g_rels, optional, neutral = self.sc.load_gold([self.path])
        except Exception as err:  # noqa: BLE001
            self.bad(f"load_gold failed: {err!r}")
            return None
        for r in rels:  # a firm gold relation must keep its scored tuples
            if rel_key(r) in listed:
                continue
            tmp = defaultdict(set)
            self.sc._add_rel(tmp, r, lambda n: None if n is None else _alias.get(norm(n), norm(n)))
            for fam, tuples in tmp.items():
                lost = tuples - g_rels.get(fam, set())
                if lost:
                    self.bad(f"relation {r} is not under `uncertain` but is neutralised by it ({fam})")
        req = {k: v for k, v in g_ents.items() if k not in optional}
        return {
            "articles": len(arts),
            "entities": len(g_ents), "required": len(req), "optional": len(g_ents) - len(req),
            "relations": len(rels),
            "scored": sum(len(g_rels.get(f, ())) for f in SCORED),
            "by_type": Counter(e["type"] for e in g.get("entities") or []),
            "by_rel": Counter(r["rel"] for r in rels),
            "chars": len(flat),
        }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: x1.yaml ... x5.yaml beside this script)")
    ap.add_argument("--score", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("--texts-dir", type=Path, help="directory of the texts (default: beside each gold file)")
    ap.add_argument("--skip-length", action="store_true", help="do not check the 550-700 character length")
    a = ap.parse_args()

    if not a.score.exists():
        print(f"scorer not found: {a.score}")
        return 2
    scorer = load_scorer(a.score)
    golds = a.gold or sorted(HERE.glob("x[0-9]*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
    problems: list[str] = []
    if not a.gold:  # the set's own files: no absolute paths anywhere
        for p in sorted(HERE.iterdir()):
            if p.is_file() and p.suffix in {".md", ".py", ".txt", ".yaml"} and ABS_PATH.search(p.read_text(encoding="utf-8")):
                problems.append(f"{p.name}: contains an absolute path")
    totals = {"articles": 0, "entities": 0, "required": 0, "optional": 0, "relations": 0, "scored": 0}
    by_type, by_rel = Counter(), Counter()
    print(f"{'file':10} {'chars':>5} {'arts':>4} {'ents':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6}")
    for gp in golds:
        src = (yaml.safe_load(gp.read_text(encoding="utf-8")) or {}).get("source") or gp.with_suffix(".txt").name
        tp = (a.texts_dir or gp.parent) / src
        c = Checker(gp, tp, scorer, a.skip_length)
        res = c.run()
        problems += c.problems
        if res:
            print(f"{gp.name:10} {res['chars']:5} {res['articles']:4} {res['entities']:4} {res['required']:4} "
                  f"{res['optional']:4} {res['relations']:4} {res['scored']:6}")
            for k in totals:
                totals[k] += res[k]
            by_type += res["by_type"]
            by_rel += res["by_rel"]
    print(f"{'total':10} {'':5} {totals['articles']:4} {totals['entities']:4} {totals['required']:4} "
          f"{totals['optional']:4} {totals['relations']:4} {totals['scored']:6}")
    print("entities by type:", ", ".join(f"{t} {n}" for t, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0]))))
    print("relations by type:", ", ".join(f"{t} {n}" for t, n in sorted(by_rel.items(), key=lambda x: (-x[1], x[0]))))
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(golds)} gold files checked, {len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
