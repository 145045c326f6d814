#!/usr/bin/env python3
"""Self-check of the heldout30 gold files (o1.yaml ... o4.yaml against o1.txt ... o4.txt).

Run from the repository root:

    python benchmarks/heldout30/check_gold.py [--scorer ../shared/gold/score.py] [--show]

Checks, per file:
  - the text: body length (500-900 characters, white space not counted);
  - articles: ids unique, `kind` known, headline printed as a line of its own, `starts_with` is the
    first 12 characters of the body (line breaks removed) and follows the headline in page order,
    byline place / date / reporters printed between the headline and the body (reporters credited
    at the foot of a WeChat article are looked up in the whole segment);
  - entities: type known, names unique after the scorer's normalisation, no alias shared with
    another entity, name and every alias an exact substring of the text once its line breaks are
    removed, `articles` equal to the articles whose text (headline, byline, body) contains the
    name or an alias (nested occurrences included; text before the first article is no article);
  - relations: relation type and keys known, every argument a gold entity of an allowed type and
    named (by its name or an alias) in the relation's article, holdsPosition titles printed there,
    reporter relations equal to the byline reporters, quoted persons typed Person;
  - uncertain: every item has item / in_gold / decision / why; items about aliases begin with
    "aliases" and name entities that have aliases; in_gold:true items list only gold entities and
    exact copies of gold relations; in_gold:false items list no gold entity and no gold relation;
    also_accept answers are not gold relations; no required gold relation is neutralised in the
    reference scorer by an uncertain item (its scoring tuples survive `load_gold`); no required
    scored relation depends on an entity whose existence is optional (items beginning "type"
    make an entity optional for its type only);
  - the file loads with `load_gold` of the reference scorer; counts are printed.
  - no file of this directory contains a path of the machine the set was written on.
Exit status 0 iff no problem was found.
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
FILES = ["o1", "o2", "o3", "o4"]
TYPES = ["Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"]
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "caption", "continuation", "agenda", "page_footer", "related_links"}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn", "heldIn",
          "quoted", "reporter"}
# relation -> {argument key: allowed entity types}
SIG = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"}},
    "publishedBy": {"report": {"Report", "Initiative"}, "org": ORG},
    "releasedAt": {"report": {"Report", "Initiative"}, "event": {"Event"}},
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
EXTRA = {"holdsPosition": {"title"}, "receivedAward": {"year"}}


def flat(text: str) -> str:
    """The text with its line breaks removed (names may be cut by a line break)."""
    return text.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    """A relation as a comparable value (the article included)."""
    return tuple(sorted((k, str(v) if v is not None else None) for k, v in r.items()))


class Checker:
    def __init__(self, stem: str, scorer, show: bool):
        self.stem, self.scorer, self.show = stem, scorer, show
        self.problems: list[str] = []
        self.gold_path = HERE / f"{stem}.yaml"
        self.text_path = HERE / f"{stem}.txt"

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.stem}: {msg}")

    # ------------------------------------------------------------------ segmentation
    def segment(self):
        raw = self.text_path.read_text(encoding="utf-8")
        self.raw, self.flat = raw, flat(raw)
        lines = [ln.strip() for ln in raw.splitlines()]
        arts = self.g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad(f"article ids not unique: {ids}")
        self.segs = []  # (id, start, body_start, title_end)
        cur = 0
        for a in arts:
            aid, title, sw = a.get("id"), a.get("title"), a.get("starts_with")
            if a.get("kind") not in KINDS:
                self.bad(f"{aid}: unknown kind {a.get('kind')!r}")
            if not sw:
                self.bad(f"{aid}: no starts_with")
                continue
            t_pos = None
            if title:
                t_pos = self.flat.find(title, cur)
                if t_pos < 0:
                    self.bad(f"{aid}: headline {title!r} not found after position {cur}")
                    continue
                if title not in lines:
                    self.bad(f"{aid}: headline {title!r} is not printed as a line of its own")
            search_from = (t_pos + len(title)) if title else cur
            b_pos = self.flat.find(sw, search_from)
            if b_pos < 0:
                self.bad(f"{aid}: starts_with {sw!r} not found after position {search_from}")
                continue
            self.segs.append([aid, t_pos if title else b_pos, b_pos, search_from])
            cur = b_pos + len(sw)
        for i, s in enumerate(self.segs):
            s.append(self.segs[i + 1][1] if i + 1 < len(self.segs) else len(self.flat))
        self.seg_text = {s[0]: self.flat[s[1]:s[4]] for s in self.segs}
        self.byline_region = {s[0]: self.flat[s[3]:s[2]] for s in self.segs}
        self.header = self.flat[: self.segs[0][1]] if self.segs else self.flat
        # starts_with: the first 12 characters of the body
        for s, a in zip(self.segs, [a for a in arts if a.get("starts_with")]):
            body = self.flat[s[2]:s[4]]
            want = body[:12].rstrip() if len(body.strip()) < 12 else body[:12]
            if a["starts_with"] != want and a["starts_with"] != body.strip()[:12]:
                self.bad(f"{a['id']}: starts_with {a['starts_with']!r} is not the first 12 characters "
                         f"of the body ({body[:12]!r})")
        # body length
        body_chars = sum(len(re.sub(r"\s", "", self.flat[s[2]:s[4]])) for s in self.segs)
        self.body_chars = body_chars
        if not 500 <= body_chars <= 900:
            self.bad(f"body has {body_chars} characters (want 500-900)")
        # bylines
        self.byline_reporters = set()
        for a in arts:
            aid, bl = a.get("id"), a.get("byline") or {}
            if aid not in self.seg_text:
                continue
            region, seg = self.byline_region[aid], self.seg_text[aid]
            if bl.get("place") and bl["place"] not in region:
                self.bad(f"{aid}: byline place {bl['place']!r} not printed before the body")
            d = bl.get("date")
            if d is not None:
                if not isinstance(d, dt.date):
                    self.bad(f"{aid}: byline date {d!r} is not a YYYY-MM-DD date")
                else:
                    pats = [f"{d.month}月{d.day}日", f"{d.year}-{d.month:02d}-{d.day:02d}",
                            f"{d.year}年{d.month:02d}月{d.day:02d}日"]
                    if d.day <= 10:
                        pats.append("〇一二三四五六七八九十"[d.day] + "日")
                    if not any(p and p in region for p in pats) and not (
                            a.get("kind") == "caption" and any(p in seg for p in pats)):
                        self.bad(f"{aid}: byline date {d} not printed before the body")
            for rp in bl.get("reporters") or []:
                self.byline_reporters.add((aid, rp))
                if rp not in seg:
                    self.bad(f"{aid}: byline reporter {rp!r} not printed in the article")

    # ------------------------------------------------------------------ entities
    def entities(self):
        norm = self.scorer.norm
        self.ents: dict[str, dict] = {}
        self.surface: dict[str, list[str]] = {}
        seen_norm: dict[str, str] = {}
        for e in self.g.get("entities") or []:
            n, t = e.get("name"), e.get("type")
            if n in self.ents:
                self.bad(f"entity {n!r} listed twice")
            self.ents[n] = e
            if t not in TYPES:
                self.bad(f"{n}: unknown type {t!r}")
            forms = [n] + list(e.get("aliases") or [])
            self.surface[n] = forms
            for f in forms:
                k = norm(f)
                if k in seen_norm and seen_norm[k] != n:
                    self.bad(f"{f!r} ({n}) collides after normalisation with an entry of {seen_norm[k]!r}")
                seen_norm[k] = n
                if f not in self.flat:
                    self.bad(f"{n}: {f!r} is not a substring of the text")
            got = [aid for aid, _ in self.seg_text.items() if any(f in self.seg_text[aid] for f in forms)]
            given = e.get("articles")
            if given is None:
                self.bad(f"{n}: no articles list")
            elif list(given) != got:
                self.bad(f"{n}: articles {given} but the text gives {got}")
            if not got and not any(f in self.header for f in forms):
                self.bad(f"{n}: named nowhere")
            if self.show:
                print(f"   {t:15} {n:30} {got}")

    def resolve(self, name, where: str, allowed: set | None, article: str | None, need_in_article=True):
        if name is None:
            return None
        if name not in self.ents:
            self.bad(f"{where}: {name!r} is not the name of a gold entity")
            return None
        e = self.ents[name]
        if allowed and e["type"] not in allowed:
            self.bad(f"{where}: {name} is a {e['type']}, expected {sorted(allowed)}")
        if need_in_article and article in self.seg_text and \
                not any(f in self.seg_text[article] for f in self.surface[name]):
            self.bad(f"{where}: {name} is not named in article {article}")
        return e

    # ------------------------------------------------------------------ relations
    def check_rel(self, r: dict, where: str, must_exist=True, typed=True):
        rel = r.get("rel")
        if rel not in SIG:
            self.bad(f"{where}: unknown relation {rel!r}")
            return
        keys = set(SIG[rel]) | EXTRA.get(rel, set()) | {"rel", "article"}
        if set(r) - keys:
            self.bad(f"{where}: unexpected keys {sorted(set(r) - keys)} in {rel}")
        art = r.get("article")
        if art not in self.seg_text:
            self.bad(f"{where}: unknown article {art!r}")
        for k, allowed in SIG[rel].items():
            v = r.get(k)
            if v is None and not (rel == "receivedAward" and k == "category"):
                self.bad(f"{where}: {rel} without {k}")
                continue
            if must_exist or v in self.ents:
                self.resolve(v, f"{where} {rel}.{k}", allowed if typed else None, art)
        if rel == "holdsPosition":
            t = r.get("title")
            if not t:
                self.bad(f"{where}: holdsPosition without title")
            elif art in self.seg_text and t not in self.seg_text[art]:
                self.bad(f"{where}: title {t!r} not printed in {art}")
        if rel == "receivedAward" and r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
            self.bad(f"{where}: year {r.get('year')!r}")

    def relations(self):
        self.rels = self.g.get("relations") or []
        keys = Counter(rel_key(r) for r in self.rels)
        for k, c in keys.items():
            if c > 1:
                self.bad(f"relation listed {c} times: {dict(k)}")
        for i, r in enumerate(self.rels):
            self.check_rel(r, f"relation {i + 1}")
        rep = {(r["article"], r["person"]) for r in self.rels if r.get("rel") == "reporter"}
        if rep != self.byline_reporters:
            self.bad(f"reporter relations {sorted(rep)} differ from byline reporters {sorted(self.byline_reporters)}")

    # ------------------------------------------------------------------ uncertain
    def uncertain(self):
        gold_keys = {rel_key(r) for r in self.rels}
        self.optional_rel_keys, self.optional_ents = set(), set()
        self.exist_optional = set()  # optional because their existence is debatable, not only their type
        for i, u in enumerate(self.g.get("uncertain") or []):
            where = f"uncertain {i + 1} ({str(u.get('item'))[:40]})"
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.bad(f"{where}: no {k}")
            if set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}:
                self.bad(f"{where}: unexpected keys {sorted(set(u))}")
            item = str(u.get("item", ""))
            is_alias = item.startswith("aliases")
            if "alias" in item and not is_alias:
                self.bad(f"{where}: an item about aliases must begin with 'aliases'")
            ents = u.get("entities") or []
            rels = u.get("relations") or []
            if u.get("in_gold") is True:
                for n in ents:
                    if n not in self.ents:
                        self.bad(f"{where}: {n!r} is not a gold entity")
                    elif is_alias and not self.ents[n].get("aliases"):
                        self.bad(f"{where}: {n} has no aliases")
                    elif not is_alias:
                        self.optional_ents.add(n)
                        if not item.startswith("type"):
                            self.exist_optional.add(n)
                for r in rels:
                    if rel_key(r) not in gold_keys:
                        self.bad(f"{where}: relation is not a copy of a gold relation: {r}")
                    self.optional_rel_keys.add(rel_key(r))
            elif u.get("in_gold") is False:
                for n in ents:
                    if n in self.ents:
                        self.bad(f"{where}: rejected item lists the gold entity {n!r} (the scorer would make it optional)")
                for r in rels:
                    if rel_key(r) in gold_keys:
                        self.bad(f"{where}: rejected candidate is a gold relation: {r}")
                    self.check_rel(r, where, must_exist=False, typed=False)
            else:
                self.bad(f"{where}: in_gold must be true or false")
            for r in u.get("also_accept") or []:
                if rel_key(r) in gold_keys:
                    self.bad(f"{where}: also_accept answer is a gold relation: {r}")
                self.check_rel(r, where + " also_accept", must_exist=False)

    # ------------------------------------------------------------------ reference scorer
    def scorer_view(self):
        ents, alias_to_key, rels, optional_ents, neutral = self.scorer.load_gold([self.gold_path])
        norm = self.scorer.norm
        # every required gold relation keeps its scoring tuples
        for r in self.rels:
            if r.get("rel") not in SCORED or rel_key(r) in self.optional_rel_keys:
                continue
            tmp = defaultdict(set)
            self.scorer._add_rel(tmp, r, lambda n: None if n is None else alias_to_key.get(norm(n), norm(n)))
            for kind, tuples in tmp.items():
                for t in tuples:
                    if t not in rels.get(kind, set()):
                        self.bad(f"required relation neutralised by an uncertain item: {r}")
            args = [r.get(k) for k in SIG[r["rel"]]]
            for a in args:
                if a in self.exist_optional:
                    self.bad(f"required relation depends on the optional entity {a}: {r}")
        self.counts = {
            "entities": len(ents), "optional": len(optional_ents & set(ents)),
            "required": len(set(ents) - optional_ents),
            "by_type": Counter(e["type"] for e in ents.values()),
            "req_by_type": Counter(e["type"] for k, e in ents.items() if k not in optional_ents),
            "rels_annotated": len(self.rels),
            "rels_by_type": Counter(r["rel"] for r in self.rels),
            "scored": {k: len(v) for k, v in rels.items()},
            "scored_total": sum(len(v) for v in rels.values()),
        }

    def run(self):
        for p in (self.gold_path, self.text_path):
            if not p.exists():
                self.bad(f"{p.name} is missing")
                return
        try:
            self.g = yaml.safe_load(self.gold_path.read_text(encoding="utf-8"))
        except Exception as err:
            self.bad(f"YAML does not load: {err}")
            return
        if self.g.get("source") != self.text_path.name:
            self.bad(f"source is {self.g.get('source')!r}, expected {self.text_path.name!r}")
        self.segment()
        self.entities()
        self.relations()
        self.uncertain()
        try:
            self.scorer_view()
        except Exception as err:  # pragma: no cover
            self.bad(f"load_gold failed: {err!r}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=HERE.parents[2] / "shared" / "gold" / "score.py",
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("--show", action="store_true", help="print each entity with the articles that name it")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    problems: list[str] = []
    totals = Counter()
    for stem in FILES:
        c = Checker(stem, scorer, a.show)
        if a.show:
            print(f"== {stem}")
        c.run()
        problems += c.problems
        if hasattr(c, "counts"):
            k = c.counts
            totals.update({"entities": k["entities"], "required": k["required"], "optional": k["optional"],
                           "annotated": k["rels_annotated"], "scored": k["scored_total"]})
            print(f"{stem}: body {c.body_chars} chars, {len(c.segs)} articles; entities {k['entities']} "
                  f"({k['required']} required, {k['optional']} optional); relations {k['rels_annotated']} "
                  f"annotated, {k['scored_total']} scored {dict(sorted(k['scored'].items()))}")
            print(f"    entities by type: {dict(sorted(k['by_type'].items()))}")
            print(f"    relations by type: {dict(sorted(k['rels_by_type'].items()))}")
    # the set together: the same name must keep the same type across files
    seen: dict[str, tuple[str, str]] = {}
    for stem in FILES:
        if not (HERE / f"{stem}.yaml").exists():
            continue
        g = yaml.safe_load((HERE / f"{stem}.yaml").read_text(encoding="utf-8"))
        for e in g.get("entities") or []:
            for f in [e["name"]] + list(e.get("aliases") or []):
                k = scorer.norm(f)
                if k in seen and seen[k][0] != e["type"]:
                    problems.append(f"{stem}: {f} is a {e['type']} here but a {seen[k][0]} in {seen[k][1]}")
                seen.setdefault(k, (e["type"], stem))
    # no path of the machine in any file of the set
    bad_roots = ["/" + "work", "/" + "tmp"]
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = p.read_text(encoding="utf-8")
            for root in bad_roots:
                if root + "/" in s or root + " " in s:
                    problems.append(f"{p.name}: contains a machine path ({root}...)")
    print(f"total: entities {totals['entities']} ({totals['required']} required, {totals['optional']} optional); "
          f"relations {totals['annotated']} annotated, {totals['scored']} scored")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
