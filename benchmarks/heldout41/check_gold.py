#!/usr/bin/env python3
"""Consistency check of the heldout41 gold files against their texts.

Usage (from the repository root):
    python benchmarks/heldout41/check_gold.py [--scorer PATH] [YAML ...]

Without YAML arguments every pk*.yaml beside this script is checked. For each file it checks:
  - the yaml loads, has the keys of the seed schema, and `source` names an existing text;
  - every article headline occurs as a line of the text, articles are found in order;
  - the byline (place, date, reporters) agrees with the byline printed in the text;
  - `starts_with` equals the first 12 characters of the body after the byline (line breaks removed);
  - every entity name and alias is an exact substring of the text with line breaks removed,
    types are valid, no name or alias is used by two entities;
  - every entity's `articles` list equals the set of articles whose text (headline, byline, body;
    page furniture excluded, see FURNITURE) contains its name or an alias, nested occurrences included;
  - every relation has the argument shape of its relation name, its arguments resolve to entities of
    allowed types that occur in the article given, and no relation is listed twice;
  - reporter relations equal the byline reporters, article by article;
  - `uncertain` items: in_gold true items point to annotated entities and relations, their
    also_accept answers are not annotated; in_gold false items are not annotated and their
    entities occur in the text;
  - the file loads with load_gold() of the reference scorer, and every relation argument resolves
    to a gold entity there.
Prints per-file and total counts; exits 0 iff no problem is found. Needs PyYAML; OpenCC optional
(only used by the scorer's normalisation).
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import yaml

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SCORER = REPO / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}

# relation name -> {argument: allowed types (None = a plain value)}
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": AGENT, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": AGENT, "parent": ORG},
}
NULLABLE = {("receivedAward", "category"), ("receivedAward", "year")}

# Page furniture: lines that belong to no article (mastheads, footers, site chrome). A line matching
# one of these patterns is left out of every article's text. Lines before the first headline are
# outside every article anyway (masthead, topic tags).
FURNITURE_COMMON = [
    r"^本版责任编辑：", r"^.*报业传媒集团出版", r"^消息来源：", r"^相关链接 ?：",
    r"^关注者$", r"^被浏览$", r"^[\d,]+$", r"^关注问题", r"^\u200b?邀请回答$", r"^查看全部 \d+ 个回答$",
    r"^编辑于 \d{4}-\d\d-\d\d", r"^赞同 [\d.]+万?　",
]
FURNITURE = {
    "pk1.txt": [], "pk2.txt": [], "pk3.txt": [], "pk4.txt": [],
}

# Bylines: the first line of an article (after its headline and any sub-headline) that matches one
# of these. The body begins right after the match.
BYLINES = [
    re.compile(r"^本报(?P<place>\S+?)(?P<m>\d{1,2})月(?P<d>\d{1,2})日电（(?P<rep>[^）]*)）"),
    re.compile(r"^(?P<place>\S+?)(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日 /美通社/ -- "),
    re.compile(r"^(?P<n>[\d.]+ ?万?)人赞同了该回答$"),  # 知乎: the answer starts below this line
    re.compile(r"^(?P<author>\S+)　　(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d) 发布.*$"),
]
# Length of the body text (all articles, white space excluded), in characters.
BODY_RANGE = (450, 900)
# Dates not printed in the byline line itself (知乎 prints "编辑于 DATE" under the answer).
EXTRA_DATE = re.compile(r"编辑于 (?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)")


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


class Checker:
    def __init__(self, ypath: Path, scorer):
        self.ypath = ypath
        self.scorer = scorer
        self.problems: list[str] = []
        self.stats: dict = {}

    def bad(self, msg: str):
        self.problems.append(f"{self.ypath.name}: {msg}")

    # ------------------------------------------------------------------ segmentation
    def segment(self, text: str, arts: list[dict]):
        lines = text.replace("\r", "").split("\n")
        pats = [re.compile(p) for p in FURNITURE_COMMON + FURNITURE.get(self.source, [])]
        furn = [any(p.search(ln.strip()) for p in pats) for ln in lines]
        starts = []
        pos = 0
        for a in arts:
            t = a.get("title")
            if not t:
                self.bad(f"article {a.get('id')}: no title (segmentation needs a headline)")
                starts.append(pos)
                continue
            for i in range(pos, len(lines)):
                if lines[i].strip() == t:
                    starts.append(i)
                    pos = i + 1
                    break
            else:
                self.bad(f"article {a.get('id')}: headline {t!r} is not a line of the text (in order)")
                starts.append(pos)
        segs = {}
        for j, a in enumerate(arts):
            s, e = starts[j], (starts[j + 1] if j + 1 < len(arts) else len(lines))
            keep = [lines[i] for i in range(s, e) if not furn[i]]
            # byline
            byl, body_lines = None, None
            for k in range(1, len(keep)):
                for rx in BYLINES:
                    m = rx.match(keep[k].strip())
                    if m:
                        byl = m
                        body_lines = [keep[k].strip()[m.end():]] + keep[k + 1:]
                        break
                if byl:
                    break
            if byl is None:
                body_lines = keep[1:]
            segs[a["id"]] = {"text": flat("".join(keep)), "body": flat("".join(x.strip() for x in body_lines)),
                             "byline": byl}
        return segs

    # ------------------------------------------------------------------ main check
    def run(self):
        try:
            g = yaml.safe_load(self.ypath.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001
            self.bad(f"yaml does not load: {err}")
            return
        for k in ("source", "articles", "entities", "relations", "uncertain"):
            if k not in g:
                self.bad(f"missing key {k}")
        self.source = g.get("source", "")
        tpath = self.ypath.parent / self.source
        if not tpath.exists():
            self.bad(f"source {self.source} not found")
            return
        raw = tpath.read_text(encoding="utf-8")
        full = flat(raw)
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad("duplicate article ids")
        segs = self.segment(raw, arts)

        # articles, bylines, starts_with
        byline_reporters = {}
        body_chars = 0
        for a in arts:
            for k in ("id", "title", "kind", "byline", "starts_with"):
                if k not in a:
                    self.bad(f"article {a.get('id')}: missing {k}")
            sg = segs[a["id"]]
            body_chars += len(re.sub(r"\s", "", sg["body"]))
            sw = a.get("starts_with")
            if sw is not None and sg["body"][:12] != sw:
                self.bad(f"article {a['id']}: starts_with {sw!r} != {sg['body'][:12]!r}")
            if sw is not None and len(sw) != 12:
                self.bad(f"article {a['id']}: starts_with is not 12 characters")
            b = a.get("byline") or {}
            m = sg["byline"]
            reps = list(b.get("reporters") or [])
            byline_reporters[a["id"]] = reps
            place, date = b.get("place"), b.get("date")
            gd = m.groupdict() if m else {}
            if place is not None and gd.get("place") != place:
                self.bad(f"article {a['id']}: byline place {place!r} != printed {gd.get('place')!r}")
            if place is None and gd.get("place"):
                self.bad(f"article {a['id']}: printed byline place {gd.get('place')!r} not annotated")
            if date is not None:
                ds = str(date)
                y, mo, d = ds[:4], int(ds[5:7]), int(ds[8:10])
                pm = (gd.get("m"), gd.get("d"), gd.get("y"))
                if pm[0] is None:
                    em = EXTRA_DATE.search(full)
                    pm = (em["m"], em["d"], em["y"]) if em else (None, None, None)
                if pm[0] is None or int(pm[0]) != mo or int(pm[1]) != d or (pm[2] and pm[2] != y):
                    self.bad(f"article {a['id']}: byline date {ds} not printed ({pm})")
                if y not in full:
                    self.bad(f"article {a['id']}: the year {y} is nowhere on the page")
            printed_reps = re.sub(r"^(记者|通讯员|实习生)\s*", "", gd.get("rep") or "")
            printed = [x for x in re.split(r"[\s　、]+|记者|通讯员|实习生", printed_reps) if x]
            if printed != reps:
                self.bad(f"article {a['id']}: reporters {reps} != printed {printed}")
        self.stats["articles"] = len(arts)
        self.stats["body"] = body_chars
        if not BODY_RANGE[0] <= body_chars <= BODY_RANGE[1]:
            self.bad(f"body has {body_chars} characters, outside {BODY_RANGE}")

        # entities
        ents = g.get("entities") or []
        name_owner: dict[str, str] = {}
        etype: dict[str, str] = {}
        eart: dict[str, set] = {}
        norm = self.scorer.norm
        for e in ents:
            n = e.get("name")
            if not n or e.get("type") not in TYPES:
                self.bad(f"entity {n!r}: bad name or type {e.get('type')!r}")
                continue
            names = [n] + list(e.get("aliases") or [])
            for x in names:
                x = str(x)
                if x not in full:
                    self.bad(f"entity {n}: {x!r} does not occur in the text")
                k = norm(x)
                if k in name_owner and name_owner[k] != n:
                    self.bad(f"entity {n}: {x!r} also names {name_owner[k]}")
                name_owner[k] = n
                etype.setdefault(x, e["type"])
                eart.setdefault(x, set())
            listed = set(e.get("articles") or [])
            found = {aid for aid, sg in segs.items() if any(str(x) in sg["text"] for x in names)}
            if listed != found:
                self.bad(f"entity {n}: articles {sorted(listed)} != found {sorted(found)}")
            for x in names:
                eart[str(x)] = listed
        by_name = {str(x): e for e in ents for x in [e.get("name")] + list(e.get("aliases") or [])}
        self.stats["entities"] = len(ents)
        self.stats["types"] = {}
        for e in ents:
            self.stats["types"][e["type"]] = self.stats["types"].get(e["type"], 0) + 1

        # uncertain (collect first: rejected candidates may name non-entities)
        unc = g.get("uncertain") or []
        rejected_names = set()
        for u in unc:
            if u.get("in_gold") is False:
                for n in u.get("entities") or []:
                    rejected_names.add(str(n))

        def canon(r: dict):
            return tuple(sorted((k, str(v)) for k, v in r.items() if k != "article")) + (("article", r.get("article")),)

        rels = g.get("relations") or []
        relset = set()
        self.stats["rels"] = {}
        for r in rels:
            self.check_rel(r, by_name, ids, eart, strict=True)
            c = canon(r)
            if c in relset:
                self.bad(f"relation listed twice: {r}")
            relset.add(c)
            self.stats["rels"][r.get("rel")] = self.stats["rels"].get(r.get("rel"), 0) + 1
        # reporters = byline reporters
        rep_rel: dict[str, list] = {}
        for r in rels:
            if r.get("rel") == "reporter":
                rep_rel.setdefault(r.get("article"), []).append(r.get("person"))
        for aid in ids:
            if sorted(rep_rel.get(aid, [])) != sorted(byline_reporters.get(aid, [])):
                self.bad(f"article {aid}: reporter relations {rep_rel.get(aid, [])} != byline {byline_reporters.get(aid)}")

        ent_names = {e["name"] for e in ents}
        for u in unc:
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.bad(f"uncertain {u.get('item')!r}: missing {k}")
            ing = u.get("in_gold")
            for n in u.get("entities") or []:
                if ing and n not in ent_names:
                    self.bad(f"uncertain {u.get('item')!r}: entity {n!r} is not annotated")
                if ing is False and (n in by_name):
                    self.bad(f"uncertain {u.get('item')!r}: rejected entity {n!r} is annotated")
                if str(n) not in full:
                    self.bad(f"uncertain {u.get('item')!r}: entity {n!r} does not occur in the text")
            for r in u.get("relations") or []:
                if ing and canon(r) not in relset:
                    self.bad(f"uncertain {u.get('item')!r}: relation {r} is not annotated")
                if ing is False and canon(r) in relset:
                    self.bad(f"uncertain {u.get('item')!r}: rejected relation {r} is annotated")
                self.check_rel(r, by_name, ids, eart, strict=bool(ing), extra=rejected_names, full=full)
            for r in u.get("also_accept") or []:
                if canon(r) in relset:
                    self.bad(f"uncertain {u.get('item')!r}: also_accept {r} is annotated")
                self.check_rel(r, by_name, ids, eart, strict=False, extra=rejected_names, full=full)

        # the reference scorer
        try:
            gents, alias_to_key, grels, optional, neutral = self.scorer.load_gold([self.ypath])
        except Exception as err:  # noqa: BLE001
            self.bad(f"load_gold failed: {err!r}")
            return
        for kind, tuples in grels.items():
            for t in tuples:
                for i, x in enumerate(t):
                    if x is None or (kind == "positions" and i == 2) or (kind == "awards" and i == 3):
                        continue
                    if x not in gents:
                        self.bad(f"scorer: {kind} argument {x!r} is not a gold entity")
        self.stats["optional"] = len([k for k in gents if k in optional])
        self.stats["neutral"] = len(optional - set(gents))
        self.stats["required"] = len([k for k in gents if k not in optional])
        self.stats["scored"] = sum(len(v) for v in grels.values())
        self.stats["annotated"] = len(rels)

    def check_rel(self, r, by_name, ids, eart, strict, extra=frozenset(), full=""):
        rel = r.get("rel")
        shape = SHAPES.get(rel)
        if shape is None:
            self.bad(f"unknown relation {rel!r}: {r}")
            return
        keys = set(r) - {"rel", "article"}
        if keys != set(shape):
            self.bad(f"{rel}: arguments {sorted(keys)} != {sorted(shape)}: {r}")
            return
        if r.get("article") not in ids:
            self.bad(f"{rel}: unknown article {r.get('article')!r}")
        for arg, allowed in shape.items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in NULLABLE:
                    self.bad(f"{rel}: {arg} is null: {r}")
                continue
            if allowed is None:
                continue
            v = str(v)
            e = by_name.get(v)
            if e is None:
                if not strict and (v in extra or v in full):
                    continue
                self.bad(f"{rel}: {arg} {v!r} is not an annotated entity")
                continue
            if e["type"] not in allowed:
                self.bad(f"{rel}: {arg} {v!r} has type {e['type']}, expected {sorted(allowed)}")
            if strict and r.get("article") not in set(e.get("articles") or []):
                self.bad(f"{rel}: {arg} {v!r} does not occur in article {r.get('article')}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("yaml", nargs="*", type=Path)
    a = ap.parse_args()
    files = a.yaml or sorted(HERE.glob("pk*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    scorer = load_scorer(a.scorer.resolve())
    problems = []
    tot = {"articles": 0, "body": 0, "entities": 0, "required": 0, "optional": 0, "annotated": 0, "scored": 0}
    for f in files:
        c = Checker(f, scorer)
        c.run()
        s = c.stats
        for k in tot:
            tot[k] += s.get(k, 0)
        print(f"{f.name}: articles {s.get('articles', 0)}, body {s.get('body', 0)} chars, "
              f"entities {s.get('entities', 0)} (required {s.get('required', 0)}, optional {s.get('optional', 0)}; "
              f"{s.get('neutral', 0)} rejected names neutral), "
              f"relations {s.get('annotated', 0)} annotated / {s.get('scored', 0)} scored, "
              f"{len(c.problems)} problem(s)")
        print("    types:", ", ".join(f"{k} {v}" for k, v in sorted(s.get("types", {}).items())))
        print("    relations:", ", ".join(f"{k} {v}" for k, v in sorted(s.get("rels", {}).items())))
        for p in c.problems:
            print("  PROBLEM", p)
        problems += c.problems
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, {tot['body']} body chars, "
          f"{tot['entities']} entities ({tot['required']} required, {tot['optional']} optional), "
          f"{tot['annotated']} relations annotated / {tot['scored']} scored, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
