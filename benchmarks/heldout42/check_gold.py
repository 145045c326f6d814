#!/usr/bin/env python3
"""Check the heldout42 gold files against their texts.

Usage (from the repository root):
    python benchmarks/heldout42/check_gold.py [--scorer PATH] [--tables] [YAML ...]

Without YAML arguments every *.yaml beside this script is checked. For each file it checks that
  - the source text exists; every entity name and alias is an exact substring of the text with
    line breaks removed; names are unique, aliases do not collide, types are schema types;
  - the `articles` list of each entity is exactly the set of articles whose text (title, byline,
    body; page furniture excluded by FURNITURE below) contains the name or an alias, nested
    occurrences included;
  - headlines occur in the text, in page order; `starts_with` is 12 characters and begins the
    body inside its article; bylines (date, place, reporters) are found in the text;
  - relations use known relation names, the argument shapes of seed.yaml, gold entity names of
    the right types, a title that occurs in the text, and an article that mentions the arguments;
  - reporter relations equal the byline reporters of each article;
  - `uncertain` items are consistent: in_gold true items repeat gold entities / relations,
    in_gold false items and also_accept answers are not gold;
  - the body (from `starts_with` to the end of each article, furniture and white space excluded)
    has 450-900 characters per file;
  - the file loads with `load_gold` of the reference scorer, alone and together with the others,
    and no name gets different types or relations get different status across files.
It prints per-file and total counts and exits 0 iff no problem is found.
Needs PyYAML; OpenCC is optional (used only through the scorer's own normalisation).
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument: allowed types}; "title" / "year" / "category" handled apart
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": AGENT | {"Product"}, "award": {"Award"}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
EXTRA = {"holdsPosition": {"title"}, "receivedAward": {"category", "year"}}
SCORED_FAMILIES = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")

# Page furniture: whole lines (stripped) that belong to the page, not to an article.
FURNITURE = [
    r"\+?关注", r"分享", r"[\d.]+万?", r"IP属地：.*", r"热门评论",          # short-video page
    r"[\d.]+万?赞 · .* · 回复",                                            # comment footer
    r"新聞",                                                                # portal section label
    r"— \d+ —",                                                            # PDF page numbers
    r"(\S ){4,}\S",                                                         # letter-spaced red header
    r"请务必阅读正文之后的免责声明部分", r"增持（维持）",                     # research-note footer, rating
]
FURNITURE_RE = re.compile("^(?:" + "|".join(FURNITURE) + ")$")
BODY_MIN, BODY_MAX = 450, 900


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def date_forms(d) -> list[str]:
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return [d.isoformat(), f"{d.year}年{d.month}月{d.day}日", f"{d.month}月{d.day}日"]


class FileCheck:
    def __init__(self, ypath: Path):
        self.ypath = ypath
        self.problems: list[str] = []
        self.g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
        self.tpath = ypath.parent / self.g["source"]
        raw = self.tpath.read_text(encoding="utf-8")
        self.flat = re.sub(r"[\r\n]", "", raw)
        kept = [ln for ln in raw.splitlines() if not FURNITURE_RE.match(ln.strip())]
        self.clean = "".join(kept)
        self.furniture = [ln.strip() for ln in raw.splitlines() if ln.strip() and FURNITURE_RE.match(ln.strip())]

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.ypath.name}: {msg}")

    # -------------------------------------------------------------- articles
    def segment(self) -> None:
        arts = self.g.get("articles") or []
        self.ids = [a["id"] for a in arts]
        if len(set(self.ids)) != len(self.ids):
            self.bad("duplicate article ids")
        starts, cursor = [], 0
        for a in arts:
            anchor = a.get("title") or a.get("starts_with")
            if a.get("title") and a["title"] not in self.flat:
                self.bad(f"{a['id']}: headline not in text: {a['title']}")
            pos = self.clean.find(anchor, cursor) if anchor else -1
            if pos < 0:
                self.bad(f"{a['id']}: cannot locate article start {anchor!r} after offset {cursor}")
                pos = cursor
            starts.append(pos)
            cursor = pos + 1
        self.extent, self.body = {}, {}
        for i, a in enumerate(arts):
            end = starts[i + 1] if i + 1 < len(arts) else len(self.clean)
            seg = self.clean[starts[i]:end]
            self.extent[a["id"]] = seg
            sw = a.get("starts_with") or ""
            if len(sw) != 12:
                self.bad(f"{a['id']}: starts_with has {len(sw)} characters, not 12: {sw!r}")
            k = seg.find(sw) if sw else -1
            if k < 0:
                self.bad(f"{a['id']}: starts_with {sw!r} not inside the article")
                k = 0
            self.body[a["id"]] = seg[k:]
            by = a.get("byline") or {}
            if set(by) != {"place", "date", "reporters"}:
                self.bad(f"{a['id']}: byline keys {sorted(by)}")
            if by.get("date") is not None:
                if not any(f in self.flat for f in date_forms(by["date"])):
                    self.bad(f"{a['id']}: byline date {by['date']} not found in the text")
            if by.get("place") and by["place"] not in seg:
                self.bad(f"{a['id']}: byline place {by['place']} not in the article")
            for p in by.get("reporters") or []:
                if p not in seg[:k] + seg:
                    self.bad(f"{a['id']}: byline reporter {p} not in the article")
        n = sum(len(re.sub(r"\s", "", b)) for b in self.body.values())
        self.body_chars = n
        if not BODY_MIN <= n <= BODY_MAX:
            self.bad(f"body has {n} characters, outside {BODY_MIN}-{BODY_MAX}")

    # -------------------------------------------------------------- entities
    def entities(self) -> None:
        self.ent: dict[str, dict] = {}
        self.alias_owner: dict[str, str] = {}
        for e in self.g.get("entities") or []:
            name = e["name"]
            if name in self.ent:
                self.bad(f"duplicate entity {name}")
            self.ent[name] = e
            if e.get("type") not in TYPES:
                self.bad(f"{name}: unknown type {e.get('type')}")
            names = [name] + list(e.get("aliases") or [])
            if len(set(names)) != len(names):
                self.bad(f"{name}: an alias repeats the name or another alias")
            for n in names:
                if not isinstance(n, str) or n not in self.flat:
                    self.bad(f"{name}: name/alias {n!r} is not a substring of the text")
                if n in self.alias_owner and self.alias_owner[n] != name:
                    self.bad(f"{n!r} is a name/alias of both {self.alias_owner[n]} and {name}")
                self.alias_owner[n] = name
            want = [aid for aid in self.ids if any(n in self.extent.get(aid, "") for n in names)]
            got = list(e.get("articles") or [])
            if got != want:
                self.bad(f"{name}: articles {got}, text gives {want}")

    # -------------------------------------------------------------- relations
    def relations(self) -> None:
        self.rels = self.g.get("relations") or []
        self.rel_keys = {rel_key(r) for r in self.rels}
        if len(self.rel_keys) != len(self.rels):
            self.bad("duplicate relations")
        for r in self.rels:
            self.check_rel(r, "relation")
        for aid, a in zip(self.ids, self.g.get("articles") or []):
            rep = {r["person"] for r in self.rels if r.get("rel") == "reporter" and r.get("article") == aid}
            by = set((a.get("byline") or {}).get("reporters") or [])
            if rep != by:
                self.bad(f"{aid}: reporter relations {sorted(rep)} != byline reporters {sorted(by)}")

    def check_rel(self, r: dict, where: str, need_mention: bool = True) -> None:
        name = r.get("rel")
        if name not in SHAPES:
            self.bad(f"{where}: unknown rel {name}")
            return
        shape = SHAPES[name]
        keys = set(r) - {"rel", "article"}
        if keys != set(shape) | EXTRA.get(name, set()):
            self.bad(f"{where}: {name} has arguments {sorted(keys)}")
        aid = r.get("article")
        if aid not in self.ids:
            self.bad(f"{where}: {name} has unknown article {aid}")
        for arg, allowed in shape.items():
            v = r.get(arg)
            e = self.ent.get(v)
            if e is None:
                self.bad(f"{where}: {name}.{arg} = {v!r} is not a gold entity name")
                continue
            if e["type"] not in allowed:
                self.bad(f"{where}: {name}.{arg} = {v} has type {e['type']}")
            if need_mention and aid not in (e.get("articles") or []):
                self.bad(f"{where}: {name}.{arg} = {v} is not mentioned in {aid}")
        if name == "holdsPosition":
            t = r.get("title")
            if not t or str(t) not in self.flat:
                self.bad(f"{where}: title {t!r} not in the text")
        if name == "receivedAward":
            c = r.get("category")
            if c is not None and (c not in self.ent or self.ent[c]["type"] != "AwardCategory"):
                self.bad(f"{where}: category {c!r} is not a gold AwardCategory")
            if r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
                self.bad(f"{where}: year {r.get('year')!r}")

    # -------------------------------------------------------------- uncertain
    def uncertain(self) -> None:
        self.n_opt_items = 0
        for i, u in enumerate(self.g.get("uncertain") or []):
            w = f"uncertain[{i}] ({str(u.get('item'))[:40]})"
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.bad(f"{w}: missing {k}")
            if set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}:
                self.bad(f"{w}: unknown keys {sorted(set(u) - {'item', 'in_gold', 'decision', 'why', 'entities', 'relations', 'also_accept'})}")
            ing = u.get("in_gold")
            if not isinstance(ing, bool):
                self.bad(f"{w}: in_gold must be true or false")
            for n in u.get("entities") or []:
                if ing and n not in self.ent:
                    self.bad(f"{w}: entity {n} is not a gold entity")
                if ing is False and n in self.alias_owner:
                    self.bad(f"{w}: rejected entity {n} is in the gold")
            for r in u.get("relations") or []:
                if ing and rel_key(r) not in self.rel_keys:
                    self.bad(f"{w}: relation {r} is not a copy of a gold relation")
                if ing is False and rel_key(r) in self.rel_keys:
                    self.bad(f"{w}: rejected relation {r} is in the gold")
                if ing is False:
                    self.check_rel(r, w, need_mention=False) if all(
                        r.get(a) in self.ent for a in SHAPES.get(r.get("rel"), {})) else None
            for r in u.get("also_accept") or []:
                if rel_key(r) in self.rel_keys:
                    self.bad(f"{w}: also_accept {r} is itself gold")
                self.check_rel(r, w + " also_accept")

    # -------------------------------------------------------------- scorer
    def scorer(self, mod) -> None:
        try:
            ents, _a2k, rels, opt, neutral = mod.load_gold([self.ypath])
        except Exception as err:  # noqa: BLE001
            self.bad(f"load_gold failed: {err!r}")
            return
        if len(ents) != len(self.ent):
            self.bad(f"load_gold sees {len(ents)} entities, the file has {len(self.ent)} (normalised names collide)")
        self.n_opt = len(set(opt) & set(ents))
        self.n_req = len(ents) - self.n_opt
        self.n_scored = sum(len(rels.get(f, ())) for f in SCORED_FAMILIES)
        self.loaded = (ents, rels, opt, neutral)

    def run(self, mod) -> None:
        self.segment()
        self.entities()
        self.relations()
        self.uncertain()
        self.scorer(mod)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("yaml", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("--tables", action="store_true", help="print entity and relation counts by type")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    mod = load_scorer(a.scorer)
    paths = a.yaml or sorted(HERE.glob("*.yaml"))
    checks = []
    for p in paths:
        c = FileCheck(p)
        c.run(mod)
        checks.append(c)

    problems = [m for c in checks for m in c.problems]
    # across files: one type per normalised name; a relation optional/neutral in one file must not be required in another
    seen: dict[str, tuple[str, str]] = {}
    for c in checks:
        if not hasattr(c, "loaded"):
            continue
        ents, rels, opt, neutral = c.loaded
        for k, rec in ents.items():
            if k in seen and seen[k][0] != rec["type"]:
                problems.append(f"{c.ypath.name}: {rec['name']} is {rec['type']} here, {seen[k][0]} in {seen[k][1]}")
            seen.setdefault(k, (rec["type"], c.ypath.name))
    for c in checks:
        for d in checks:
            if c is d or not (hasattr(c, "loaded") and hasattr(d, "loaded")):
                continue
            for fam, tuples in c.loaded[1].items():
                clash = tuples & d.loaded[3].get(fam, set())
                for t in sorted(map(str, clash)):
                    problems.append(f"{c.ypath.name}: required {fam} {t} is neutral in {d.ypath.name}")
            req_c = set(c.loaded[0]) - set(c.loaded[2])
            for k in sorted(req_c & set(d.loaded[2])):
                problems.append(f"{c.ypath.name}: required entity {k} is optional in {d.ypath.name}")
    try:
        mod.load_gold(paths)
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold of all files failed: {err!r}")

    hdr = f"{'file':10} {'arts':>4} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6} {'problems':>8}"
    print(hdr)
    tot = Counter()
    for c in checks:
        row = dict(arts=len(c.ids), body=c.body_chars, ents=len(c.ent), req=getattr(c, "n_req", 0),
                   opt=getattr(c, "n_opt", 0), rels=len(c.rels), scored=getattr(c, "n_scored", 0),
                   problems=len(c.problems))
        tot.update(row)
        print(f"{c.ypath.name:10} {row['arts']:4} {row['body']:5} {row['ents']:5} {row['req']:4} {row['opt']:4}"
              f" {row['rels']:5} {row['scored']:6} {row['problems']:8}")
    if a.tables:
        et, rt = defaultdict(Counter), defaultdict(Counter)
        for c in checks:
            for e in c.ent.values():
                et[e["type"]][c.ypath.stem] += 1
            for r in c.rels:
                rt[r["rel"]][c.ypath.stem] += 1
        stems = [c.ypath.stem for c in checks]
        for title, tab in (("entity type", et), ("relation", rt)):
            print(f"\n{title:16} " + " ".join(f"{s:>5}" for s in stems) + "  total")
            for k in sorted(tab):
                print(f"{k:16} " + " ".join(f"{tab[k][s]:5}" for s in stems) + f"  {sum(tab[k].values()):5}")
    for m in problems:
        print("PROBLEM", m)
    print(f"TOTAL {len(checks)} files: {tot['arts']} articles, {tot['body']} body characters, "
          f"{tot['ents']} entities ({tot['req']} required, {tot['opt']} optional), "
          f"{tot['rels']} relations ({tot['scored']} scored); {len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
