#!/usr/bin/env python3
"""Consistency check of the heldout55 gold files against their texts.

Usage (from the repository root):
    python benchmarks/heldout55/check_gold.py [--scorer ../shared/gold/score.py] [-v]

For every pyN.yaml beside this script (schema of the shared seed gold) it checks:
  - the file loads, `source` names an existing text file;
  - articles: each headline is a line of the text, articles appear in page order, the byline
    (place, date, reporters) is printed as the outlet prints it, `starts_with` is the first 12
    characters of the body after the byline (or of the first body line when there is none);
  - body length (all article bodies, bylines and headlines excluded) is 450-900 characters;
  - entities: allowed type, unique names, every name and alias is a substring of the text with
    line breaks removed, and `articles` is exactly the set of articles whose text (headline,
    byline, body; page furniture excluded, see FURNITURE) contains the name or an alias, nested
    occurrences included; an entity seen in no article must be optional (under `uncertain`);
  - relations: known relation names and argument keys, arguments are gold entities of allowed
    types that occur in the relation's article, titles occur there too, no duplicates;
    `reporter` relations are exactly the byline reporters;
  - `uncertain`: in_gold items copy gold entities / relations, rejected items and also_accept
    answers are not gold, and no required relation is neutralised by them in the scorer;
  - each file (and all together) loads with `load_gold` of the reference scorer; one entity
    name keeps one type across files.
Prints per-file and total counts; exit status 0 iff no problem was found.
Needs PyYAML; uses OpenCC (opencc-python-reimplemented) when installed.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

try:
    import opencc  # type: ignore

    _T2S = opencc.OpenCC("t2s")
except Exception:  # OpenCC is optional
    _T2S = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "commentary", "caption", "continuation"}

# Page furniture: whole lines (stripped) that belong to the page, not to an article.
FURNITURE = [re.compile(p) for p in (
    # py1 人民日报: page header, continuation marker, column label, page credits
    r"^人民日报$",
    r"^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日]$",
    r"^第\d+版：\S+$",
    r"^（[上下]转第[一二三四五六七八九十\d]+版）$",
    r"^短评$",
    r"^本版责编：.*$",
    # py2 大公報: folio line, page credits
    r"^A\d+\s.*大公報$",
    r"^責任編輯：.*$",
    # py3 中新社 as printed on 中国新闻网: time and source line
    r"^\d{4}年\d{2}月\d{2}日\s+\d{2}:\d{2}\s+来源：\S+$",
    # py4 浙江日报 front page: masthead, date, 农历 line, edition line, 导读 box
    r"^浙江日报$",
    r"^ZHEJIANG DAILY$",
    r"^中共浙江省委机关报$",
    r"^农历\S+$",
    r"^今日\d+版.*$",
    r"^导读$",
    r"^◆.*\s\d+版$",
)]

RELS = {  # relation -> {argument: allowed types or None for a literal}
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
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
LITERAL = {"title", "year", "article"}
NULLABLE = {("receivedAward", "category"), ("receivedAward", "year")}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}

DOTS = "·・•‧․⋅∙"


def norm(s) -> str:
    """The scorer's normalisation: NFKC, no white space, no name dots, no surrounding quotes, t2s, lower."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in DOTS:
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s)
    s = s.strip("《》〈〉“”\"'‘’「」『』")
    if _T2S is not None:
        s = _T2S.convert(s)
    return s.lower()


def is_furniture(line: str) -> bool:
    t = line.strip()
    return any(p.match(t) for p in FURNITURE)


def spaced(s: str) -> str:
    """Regex for s that tolerates white space between characters and either form of brackets."""
    out = []
    for ch in s:
        if ch.isspace():
            continue
        if ch in "（(":
            out.append("[（(]")
        elif ch in "）)":
            out.append("[）)]")
        elif ch in "：:":
            out.append("[：:]")
        else:
            out.append(re.escape(ch))
    return r"\s*".join(out)


def byline_regexes(b: dict) -> list[re.Pattern]:
    """Printed forms of a byline with reporters, built from the yaml fields."""
    place, date, reps = b.get("place"), b.get("date"), b.get("reporters") or []
    if not reps:
        return []
    names = r"(?:\s|、)*".join(spaced(r) for r in reps)
    pats = []
    if date:
        m, d = int(str(date)[5:7]), int(str(date)[8:10])
        for agency in ("本报", "中新社"):
            pats.append(spaced(f"{agency}{place}{m}月{d}日电（记者") + r"\s*" + names + r"\s*[）)]")
    if place:
        pats.append(spaced("大公報記者") + r"\s*" + names + r"\s*" + spaced(f"{place}報道"))
        pats.append(spaced("【大公報訊】記者") + r"\s*" + names + r"\s*" + spaced(f"{place}報道："))
    return [re.compile(p) for p in pats]


NO_REPORTER_BYLINE = re.compile(r"^\s*【大公報訊】[^：]{0,12}：")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


class Checker:
    def __init__(self, yml: Path, verbose: bool):
        self.yml, self.verbose = yml, verbose
        self.problems: list[str] = []
        self.stats: dict = {}

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.yml.name}: {msg}")

    def run(self) -> None:
        try:
            g = yaml.safe_load(self.yml.read_text(encoding="utf-8"))
        except Exception as err:
            self.bad(f"does not load: {err}")
            return
        self.g = g
        for k in ("source", "articles", "entities", "relations"):
            if k not in g:
                self.bad(f"missing key {k}")
                return
        src = self.yml.parent / g["source"]
        if not src.exists():
            self.bad(f"source {g['source']} not found")
            return
        self.lines = src.read_text(encoding="utf-8").splitlines()
        self.flat = "".join(self.lines)  # line breaks removed
        self.check_articles()
        self.check_entities()
        self.check_relations()
        self.check_uncertain()

    # ------------------------------------------------------------------ articles
    def check_articles(self) -> None:
        arts = self.g["articles"] or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad("duplicate article ids")
        starts, cursor = [], 0
        for a in arts:
            if a.get("kind") not in KINDS:
                self.bad(f"{a.get('id')}: unknown kind {a.get('kind')}")
            for k in ("id", "title", "kind", "byline", "starts_with"):
                if k not in a:
                    self.bad(f"{a.get('id')}: missing {k}")
            sw = str(a.get("starts_with") or "")
            if len(sw) != 12:
                self.bad(f"{a['id']}: starts_with has {len(sw)} characters, not 12")
            found = None
            for i in range(cursor, len(self.lines)):
                if is_furniture(self.lines[i]):
                    continue
                if a.get("title"):
                    if self.lines[i].strip() == a["title"]:
                        found = i
                        break
                elif "".join(x for x in self.lines[i:] if not is_furniture(x)).lstrip().startswith(sw):
                    found = i
                    break
            if found is None:
                self.bad(f"{a['id']}: headline/start not found after line {cursor + 1} "
                         f"({a.get('title') or sw!r})")
                starts.append(None)
                continue
            starts.append(found)
            cursor = found + 1
        self.art_text: dict[str, str] = {}
        self.byline_reps: dict[str, list] = {}
        body_chars = 0
        order = [(s, a) for s, a in zip(starts, arts) if s is not None]
        for j, (s, a) in enumerate(order):
            e = order[j + 1][0] if j + 1 < len(order) else len(self.lines)
            span = [x for x in self.lines[s:e] if not is_furniture(x)]
            text = "".join(span)
            self.art_text[a["id"]] = text
            body_from = len(a["title"]) if a.get("title") and text.startswith(a["title"]) else 0
            b = a.get("byline") or {}
            reps = b.get("reporters") or []
            self.byline_reps[a["id"]] = list(reps)
            if set(b) != {"place", "date", "reporters"}:
                self.bad(f"{a['id']}: byline must have place, date, reporters")
            if b.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(b["date"])):
                self.bad(f"{a['id']}: byline date {b['date']} is not YYYY-MM-DD")
            rest = text[body_from:]
            if reps:
                m = None
                for rx in byline_regexes(b):
                    m = rx.search(rest)
                    if m:
                        break
                if not m:
                    self.bad(f"{a['id']}: byline {b} not printed in the article")
                    body = rest
                else:
                    pre = rest[:m.start()].strip()
                    if len(pre) > 30 or "。" in pre:  # at most a sub-headline between headline and byline
                        self.bad(f"{a['id']}: text between headline and byline: {pre[:30]!r}")
                    body = rest[m.end():].lstrip()
                    if not body.startswith(a.get("starts_with") or "\0"):
                        self.bad(f"{a['id']}: body after byline starts {body[:12]!r}, "
                                 f"starts_with is {a.get('starts_with')!r}")
            else:
                if b.get("place") or b.get("date"):
                    self.bad(f"{a['id']}: byline place/date without reporters")
                m = NO_REPORTER_BYLINE.match(rest)
                body = rest[m.end():].lstrip() if m else rest
                sw = a.get("starts_with") or "\0"
                line_starts = ["".join(span[i:]).lstrip() for i in range(len(span))
                               if span[i].strip() != (a.get("title") or "\0")]
                if m:
                    line_starts.append(body)
                if not any(x.startswith(sw) for x in line_starts):
                    self.bad(f"{a['id']}: starts_with {sw!r} does not begin a body line")
                elif not body.lstrip().startswith(sw):
                    # headline, sub-heading or signature lines before the body are allowed
                    pre = body[:body.find(sw)] if sw in body else body
                    if len(re.sub(r"\s", "", pre)) > 40 or "。" in pre:
                        self.bad(f"{a['id']}: more than a heading before starts_with: {pre[:40]!r}")
                    body = body[body.find(sw):]
            body_chars += len(re.sub(r"\s", "", body))
        self.stats["articles"] = len(arts)
        self.stats["body"] = body_chars
        if not 450 <= body_chars <= 900:
            self.bad(f"body has {body_chars} characters, not 450-900")

    def arts_with(self, names: list[str]) -> set[str]:
        return {aid for aid, t in self.art_text.items() if any(n in t for n in names)}

    # ------------------------------------------------------------------ entities
    def check_entities(self) -> None:
        self.ent: dict[str, dict] = {}
        seen_norm: dict[str, str] = {}
        order = [a["id"] for a in self.g["articles"]]
        for e in self.g["entities"] or []:
            n = e.get("name")
            if not isinstance(n, str) or not n:
                self.bad(f"entity without a name: {e}")
                continue
            if n in self.ent:
                self.bad(f"duplicate entity {n}")
            self.ent[n] = e
            if e.get("type") not in TYPES:
                self.bad(f"{n}: unknown type {e.get('type')}")
            names = [n] + list(e.get("aliases") or [])
            for x in names:
                if not isinstance(x, str):
                    self.bad(f"{n}: alias {x!r} is not a string")
                    continue
                if x not in self.flat:
                    self.bad(f"{n}: {x!r} does not occur in the text")
                k = norm(x)
                if k in seen_norm and seen_norm[k] != n:
                    self.bad(f"{x!r} names both {seen_norm[k]} and {n}")
                seen_norm[k] = n
            listed = e.get("articles")
            if not isinstance(listed, list):
                self.bad(f"{n}: articles must be a list")
                continue
            if len(set(listed)) != len(listed) or sorted(listed, key=order.index) != listed:
                self.bad(f"{n}: articles {listed} not unique / not in page order")
            want = self.arts_with([x for x in names if isinstance(x, str)])
            if set(listed) != want:
                self.bad(f"{n}: articles {listed}, text says {sorted(want, key=order.index)}")
        self.names_of = {n: [n] + list(e.get("aliases") or []) for n, e in self.ent.items()}
        types = [e.get("type") for e in self.ent.values()]
        self.stats["by_type"] = {t: types.count(t) for t in sorted(set(types))}

    # ------------------------------------------------------------------ relations
    def check_rel(self, r: dict, where: str, gold: bool) -> None:
        rel = r.get("rel") if isinstance(r, dict) else None
        if rel not in RELS:
            self.bad(f"{where}: unknown relation {r}")
            return
        spec = RELS[rel]
        keys = set(r) - {"rel", "article"}
        if keys != set(spec):
            self.bad(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
            return
        aid = r.get("article")
        if aid not in self.art_text:
            self.bad(f"{where}: unknown article {aid} in {r}")
            return
        text = self.art_text[aid]
        for k, allowed in spec.items():
            v = r[k]
            if v is None:
                if (rel, k) not in NULLABLE:
                    self.bad(f"{where}: {rel}.{k} is null")
                continue
            if k == "year":
                if not isinstance(v, int):
                    self.bad(f"{where}: year {v!r} is not an integer")
                continue
            if k == "title":
                if str(v) not in text:
                    self.bad(f"{where}: title {v!r} not in article {aid}")
                continue
            if v in self.ent:
                t = self.ent[v]["type"]
                if t not in allowed:
                    self.bad(f"{where}: {rel}.{k} = {v} has type {t}")
                if not any(x in text for x in self.names_of[v]):
                    self.bad(f"{where}: {v} does not occur in article {aid}")
            elif gold:
                self.bad(f"{where}: {rel}.{k} = {v!r} is not a gold entity name")
            elif str(v) not in "".join(text.split()) and str(v) not in self.flat:
                self.bad(f"{where}: {rel}.{k} = {v!r} does not occur in the text")

    def check_relations(self) -> None:
        self.gold_rels = set()
        n_by = {}
        for r in self.g["relations"] or []:
            self.check_rel(r, "relations", gold=True)
            k = rel_key(r)
            if k in self.gold_rels:
                self.bad(f"duplicate relation {r}")
            self.gold_rels.add(k)
            n_by[r.get("rel")] = n_by.get(r.get("rel"), 0) + 1
        self.stats["rels_by"] = n_by
        got = {(r["person"], r["article"]) for r in self.g["relations"] or [] if r.get("rel") == "reporter"}
        want = {(p, aid) for aid, reps in self.byline_reps.items() for p in reps}
        if got != want:
            self.bad(f"reporter relations {sorted(got - want)} extra, {sorted(want - got)} missing")
        for p, aid in want:
            if p not in self.ent or self.ent[p]["type"] != "Person":
                self.bad(f"byline reporter {p} ({aid}) is not a gold Person")

    # ------------------------------------------------------------------ uncertain
    def check_uncertain(self) -> None:
        self.optional = set()
        unc_rels = set()
        region_posts = set()
        for i, u in enumerate(self.g.get("uncertain") or []):
            where = f"uncertain[{i}]"
            if not isinstance(u, dict) or not isinstance(u.get("in_gold"), bool):
                self.bad(f"{where}: needs item and a boolean in_gold")
                continue
            for k in ("item", "decision", "why"):
                if not u.get(k):
                    self.bad(f"{where}: missing {k}")
            ents = u.get("entities") or []
            for n in ents:
                if u["in_gold"] and n not in self.ent:
                    self.bad(f"{where}: {n} is not a gold entity")
                if not u["in_gold"]:
                    if n in self.ent:
                        self.bad(f"{where}: rejected entity {n} is in the gold")
                    elif n not in self.flat:
                        self.bad(f"{where}: rejected entity {n} does not occur in the text")
            if not str(u.get("item", "")).startswith(("aliases", "segment")):
                self.optional.update(ents)
            for r in u.get("relations") or []:
                k = rel_key(r)
                self.check_rel(r, where, gold=u["in_gold"])
                if u["in_gold"] and k not in self.gold_rels:
                    self.bad(f"{where}: {r} is not a copy of a gold relation")
                if not u["in_gold"] and k in self.gold_rels:
                    self.bad(f"{where}: rejected {r} is in the gold")
                unc_rels.add(k)
                if u["in_gold"] and r.get("rel") == "holdsPosition":
                    region_posts.add(k)
            for r in u.get("also_accept") or []:
                self.check_rel(r, where + ".also_accept", gold=False)
                if rel_key(r) in self.gold_rels:
                    self.bad(f"{where}: also_accept {r} is a gold relation")
                unc_rels.add(rel_key(r))
        for n, e in self.ent.items():
            if not e.get("articles") and n not in self.optional:
                self.bad(f"{n}: in no article (page furniture only) but not optional")
        for r in self.g["relations"] or []:
            if r.get("rel") == "holdsPosition" and self.ent.get(r.get("org"), {}).get("type") == "Region" \
                    and rel_key(r) not in region_posts:
                self.bad(f"holdsPosition with a Region as org must be optional: {r}")
        self.unc_rels = unc_rels
        self.stats["entities"] = len(self.ent)
        self.stats["optional"] = len(self.optional & set(self.ent))
        self.stats["relations"] = len(self.g["relations"] or [])
        self.stats["uncertain"] = len(self.g.get("uncertain") or [])

    # ------------------------------------------------------------------ scorer
    def check_scorer(self, score) -> None:
        try:
            ents, alias_to_key, rels, optional, neutral = score.load_gold([self.yml])
        except Exception as err:
            self.bad(f"load_gold failed: {err!r}")
            return
        self.stats["scored"] = sum(len(v) for v in rels.values())
        self.stats["scored_ents"] = len([k for k in ents if k not in optional])
        if len(ents) != len(self.ent):
            self.bad(f"load_gold sees {len(ents)} entities, the file has {len(self.ent)} "
                     "(two names normalise to one)")
        # every required relation of a scored kind must remain scored
        for r in self.g["relations"] or []:
            if r.get("rel") not in SCORED or rel_key(r) in self.unc_rels:
                continue
            tmp: dict = defaultdict(set)
            score._add_rel(tmp, r, lambda n: alias_to_key.get(score.norm(n), score.norm(n)) if n else None)
            for fam, tuples in tmp.items():
                for t in tuples:
                    if t not in rels.get(fam, set()):
                        self.bad(f"required {r} is neutralised by an uncertain item")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="reference scorer (default ../shared/gold/score.py from the repository root)")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    score = None
    problems: list[str] = []
    try:
        score = load_scorer(a.scorer)
    except Exception as err:
        problems.append(f"cannot import the scorer {a.scorer}: {err!r}")
    files = sorted(HERE.glob("py*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not files:
        problems.append("no py*.yaml files")
    tot = dict(articles=0, body=0, entities=0, optional=0, relations=0, scored=0, uncertain=0)
    types_seen: dict[str, tuple[str, str]] = {}
    for f in files:
        c = Checker(f, a.verbose)
        c.run()
        if score is not None and hasattr(c, "ent"):
            c.check_scorer(score)
        for n, e in getattr(c, "ent", {}).items():
            k = norm(n)
            if k in types_seen and types_seen[k][0] != e.get("type"):
                c.bad(f"{n} is {e.get('type')} here but {types_seen[k][0]} in {types_seen[k][1]}")
            types_seen.setdefault(k, (e.get("type"), f.name))
        s = c.stats
        print(f"{f.name}: {s.get('articles', 0)} articles, body {s.get('body', 0)} chars, "
              f"{s.get('entities', 0)} entities ({s.get('entities', 0) - s.get('optional', 0)} required, "
              f"{s.get('optional', 0)} optional), {s.get('relations', 0)} relations "
              f"({s.get('scored', 0)} scored tuples), {s.get('uncertain', 0)} uncertain items, "
              f"{len(c.problems)} problems")
        if a.verbose:
            print("   types:", s.get("by_type"), "\n   relations:", s.get("rels_by"))
        for p in c.problems:
            print("  -", p)
        problems += c.problems
        for k in tot:
            tot[k] += s.get(k, 0)
    if score is not None and files:
        try:
            score.load_gold(files)
        except Exception as err:
            problems.append(f"load_gold of all files failed: {err!r}")
            print("  -", problems[-1])
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, body {tot['body']} chars, "
          f"{tot['entities']} entities ({tot['entities'] - tot['optional']} required, {tot['optional']} optional), "
          f"{tot['relations']} relations ({tot['scored']} scored tuples), {tot['uncertain']} uncertain items; "
          f"{len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
