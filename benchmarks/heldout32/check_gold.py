#!/usr/bin/env python3
"""Self-check of the heldout32 gold files (pb1..pb4): the YAML against its text.

Run from the repository root:

    python benchmarks/heldout32/check_gold.py [--scorer ../shared/gold/score.py]

Checks, for each pbN.yaml against pbN.txt:
  - every entity name and alias is an exact substring of the text (line breaks removed);
  - each entity's `articles` equals the articles whose text (headline, byline, body; page
    furniture excluded) contains the name or an alias, nested occurrences included;
  - headlines are printed lines; `starts_with` is the first 12 characters of the body after
    the byline; bylines (place, date, reporters) are found in the article;
  - relation arguments name gold entities of the right types, and occur in the relation's article;
  - the `reporter` relations of an article are exactly its byline reporters;
  - `uncertain` items: in_gold true items list gold entities / exact copies of gold relations,
    also_accept answers and in_gold false candidates are not gold relations;
  - each file loads with `load_gold` of the reference scorer; counts are printed.
Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]                       # the repository root
DEFAULT_SCORER = ROOT.parent / "shared" / "gold" / "score.py"
FILES = ["pb1", "pb2", "pb3", "pb4"]

# Page furniture: a line starting so ends the current article (masthead lines before the
# first headline belong to no article either).
FURNITURE = re.compile(r"^(责任编辑|版次|【打印本页】|【关闭窗口】|上一条|下一条)")
# A dateline byline that the body follows on the same line.
BYLINE_PREFIX = re.compile(r"^(本报[^（(]{0,12}?[讯电]|中新网[^（(]{0,12}?电)\s*[（(][^）)]*[）)]\s*")

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}
# argument -> allowed entity types (None: a literal, not an entity; "opt": may be null)
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
                      "category": ("opt", {"AwardCategory"}), "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG | {"Person"}},
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
BODY_MIN, BODY_MAX = 500, 900


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, "" if v is None else str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, stem: str, scorer):
        self.stem = stem
        self.scorer = scorer
        self.problems: list[str] = []
        self.txt_path = HERE / f"{stem}.txt"
        self.yaml_path = HERE / f"{stem}.yaml"
        self.lines = [ln.strip() for ln in self.txt_path.read_text(encoding="utf-8").splitlines()]
        self.flat = "".join(self.lines)
        self.g = yaml.safe_load(self.yaml_path.read_text(encoding="utf-8"))

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.stem}: {msg}")

    # ------------------------------------------------------------------ articles
    def segment(self) -> None:
        arts = self.g.get("articles") or []
        self.order = [a["id"] for a in arts]
        self.arts = {a["id"]: a for a in arts}
        spans: dict[str, list[str]] = {a: [] for a in self.order}
        nxt, cur = 0, None
        for s in self.lines:
            if nxt < len(arts) and self._starts(s, arts[nxt]):
                cur = arts[nxt]["id"]
                nxt += 1
            elif FURNITURE.match(s):
                cur = None
            if cur and s:
                spans[cur].append(s)
        if nxt < len(arts):
            self.bad(f"article {arts[nxt]['id']} not found (headline {arts[nxt].get('title')!r})")
        self.spans = spans
        self.text = {a: "".join(v) for a, v in spans.items()}

    @staticmethod
    def _starts(line: str, art: dict) -> bool:
        if art.get("title"):
            return line == art["title"]
        return bool(art.get("starts_with")) and line.startswith(art["starts_with"])

    def check_articles(self) -> int:
        body_total = 0
        if self.g.get("source") != f"{self.stem}.txt":
            self.bad(f"source is {self.g.get('source')!r}, expected {self.stem}.txt")
        for aid in self.order:
            a, span = self.arts[aid], self.spans[aid]
            for key in ("id", "title", "kind", "byline", "starts_with"):
                if key not in a:
                    self.bad(f"{aid}: missing key {key}")
            if a.get("title") and a["title"] not in self.lines:
                self.bad(f"{aid}: headline {a['title']!r} is not a printed line")
            sw = a.get("starts_with") or ""
            if len(sw) != 12:
                self.bad(f"{aid}: starts_with {sw!r} is not 12 characters")
            start = None
            for i, s in enumerate(span):
                rest = BYLINE_PREFIX.sub("", s, count=1)
                if rest.startswith(sw):
                    start = (i, rest)
                    break
            if start is None:
                self.bad(f"{aid}: no line of the article begins (after a byline) with {sw!r}")
            else:
                i, rest = start
                if any("。" in s for s in span[:i]):
                    self.bad(f"{aid}: starts_with {sw!r} is not at the start of the body")
                body = rest + "".join(span[i + 1:])
                body_total += len(re.sub(r"\s", "", body))
            by = a.get("byline") or {}
            text = self.text.get(aid, "")
            for rep in by.get("reporters") or []:
                if rep not in text:
                    self.bad(f"{aid}: byline reporter {rep} not in the article")
            date = by.get("date")
            if by.get("place"):
                if not date:
                    self.bad(f"{aid}: byline place without date")
                elif f"{by['place']}{date.month}月{date.day}日" not in text:
                    self.bad(f"{aid}: dateline {by['place']}{date.month}月{date.day}日 not in the article")
            elif date and f"{date.month}月{date.day}日" not in text and str(date) not in text:
                self.bad(f"{aid}: byline date {date} not printed in the article")
        if not BODY_MIN <= body_total <= BODY_MAX:
            self.bad(f"body has {body_total} characters, outside {BODY_MIN}-{BODY_MAX}")
        self.body_total = body_total
        return body_total

    # ------------------------------------------------------------------ entities
    def check_entities(self) -> None:
        self.ents: dict[str, dict] = {}
        seen: dict[str, str] = {}
        for e in self.g.get("entities") or []:
            name = e.get("name")
            if not name or e.get("type") not in TYPES:
                self.bad(f"entity {e!r}: missing name or bad type")
                continue
            if name in self.ents:
                self.bad(f"entity {name} listed twice")
            self.ents[name] = e
            names = [name] + list(e.get("aliases") or [])
            for n in names:
                if n not in self.flat:
                    self.bad(f"entity {name}: {n!r} is not a substring of the text")
                k = self.scorer.norm(n)
                if k in seen and seen[k] != name:
                    self.bad(f"{n!r} (of {name}) collides with a name of {seen[k]}")
                seen[k] = name
            want = [a for a in self.order if any(n in self.text[a] for n in names)]
            got = list(e.get("articles") or [])
            if sorted(got) != sorted(want):
                self.bad(f"entity {name}: articles {got}, text gives {want}")
            elif got != want:
                self.bad(f"entity {name}: articles {got} not in page order")

    # ------------------------------------------------------------------ relations
    def _check_rel(self, r: dict, where: str, strict: bool, extra_names: set[str]) -> None:
        rel = r.get("rel")
        spec = REL_ARGS.get(rel)
        if spec is None:
            self.bad(f"{where}: unknown relation {rel!r}")
            return
        keys = set(r) - {"rel", "article"}
        if keys != set(spec):
            self.bad(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
        aid = r.get("article")
        if aid not in self.arts:
            self.bad(f"{where}: {rel} names unknown article {aid!r}")
        for arg, allowed in spec.items():
            if allowed is None:
                continue
            v = r.get(arg)
            if isinstance(allowed, tuple):
                if v is None:
                    continue
                allowed = allowed[1]
            if v is None:
                self.bad(f"{where}: {rel}.{arg} is empty")
                continue
            e = self.ents.get(v)
            if e is None:
                if strict:
                    self.bad(f"{where}: {rel}.{arg} {v!r} is not a gold entity name")
                elif v not in extra_names and v not in self.flat:
                    self.bad(f"{where}: {rel}.{arg} {v!r} is neither an entity nor in the text")
                continue
            if e["type"] not in allowed:
                self.bad(f"{where}: {rel}.{arg} {v} has type {e['type']}, expected {sorted(allowed)}")
            if strict and aid in self.arts and aid not in (e.get("articles") or []):
                self.bad(f"{where}: {rel} in {aid}, but {v} does not occur in {aid}")
        if rel == "holdsPosition" and not r.get("title"):
            self.bad(f"{where}: holdsPosition without a title")

    def check_relations(self) -> None:
        self.rels = list(self.g.get("relations") or [])
        self.relkeys = Counter(rel_key(r) for r in self.rels)
        for k, n in self.relkeys.items():
            if n > 1:
                self.bad(f"relation listed {n} times: {dict(k)}")
        for r in self.rels:
            self._check_rel(r, "relations", True, set())
        reps = defaultdict(set)
        for r in self.rels:
            if r.get("rel") == "reporter":
                reps[r.get("article")].add(r.get("person"))
        for aid in self.order:
            want = set((self.arts[aid].get("byline") or {}).get("reporters") or [])
            if reps.get(aid, set()) != want:
                self.bad(f"{aid}: reporter relations {sorted(reps.get(aid, set()))} != byline {sorted(want)}")

    # ------------------------------------------------------------------ uncertain
    def check_uncertain(self) -> None:
        rejected_names = set()
        for u in self.g.get("uncertain") or []:
            if u.get("in_gold") is False:
                rejected_names.update(u.get("entities") or [])
        for u in self.g.get("uncertain") or []:
            item = str(u.get("item", ""))
            where = f"uncertain {item[:40]!r}"
            for key in ("item", "in_gold", "decision", "why"):
                if key not in u:
                    self.bad(f"{where}: missing {key}")
            if not isinstance(u.get("in_gold"), bool):
                self.bad(f"{where}: in_gold must be true or false")
            ents = u.get("entities") or []
            rels = u.get("relations") or []
            acc = u.get("also_accept") or []
            if u.get("in_gold") is True:
                for n in ents:
                    if n not in self.ents:
                        self.bad(f"{where}: entity {n!r} is not a gold entity")
                for r in rels:
                    if rel_key(r) not in self.relkeys:
                        self.bad(f"{where}: relation {r} is not an exact copy of a gold relation")
                if item.startswith("aliases"):
                    for n in ents:
                        if n in self.ents and not self.ents[n].get("aliases"):
                            self.bad(f"{where}: {n} has no aliases")
            elif u.get("in_gold") is False:
                for n in ents:
                    if n in self.ents:
                        self.bad(f"{where}: rejected entity {n!r} is a gold entity")
                    elif n not in self.flat:
                        self.bad(f"{where}: rejected entity {n!r} is not in the text")
                for r in rels:
                    if rel_key(r) in self.relkeys:
                        self.bad(f"{where}: rejected relation {r} is in the gold relations")
                    self._check_rel(r, where, False, rejected_names)
            for r in acc:
                if rel_key(r) in self.relkeys:
                    self.bad(f"{where}: also_accept {r} is a gold relation")
                self._check_rel(r, where, False, rejected_names)

    # ------------------------------------------------------------------ scorer view
    def load(self):
        ents, alias_to_key, rels, optional, neutral = self.scorer.load_gold([self.yaml_path])
        self.optional = optional
        self.n_ents = len(ents)
        self.n_opt = len([k for k in ents if k in optional])
        self.n_scored = sum(len(v) for v in rels.values())
        self.scored_by = {k: len(v) for k, v in rels.items()}
        return ents, alias_to_key


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"reference scorer not found: {a.scorer}; pass --scorer")
        return 2
    scorer = load_scorer(a.scorer)
    problems: list[str] = []
    tot_types, tot_rels = Counter(), Counter()
    req_types = Counter()
    all_keys: dict[str, tuple[str, str]] = {}
    print(f"{'file':5} {'arts':>4} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6}")
    for stem in FILES:
        c = Checker(stem, scorer)
        c.segment()
        c.check_articles()
        c.check_entities()
        c.check_relations()
        c.check_uncertain()
        ents, _ = c.load()
        problems += c.problems
        types = Counter(e["type"] for e in c.ents.values())
        tot_types += types
        for e in c.ents.values():
            if scorer.norm(e["name"]) not in c.optional:
                req_types[e["type"]] += 1
        rels = Counter(r["rel"] for r in c.rels)
        tot_rels += rels
        print(f"{stem:5} {len(c.order):4} {c.body_total:5} {len(c.ents):5} {c.n_ents - c.n_opt:4} {c.n_opt:4} "
              f"{len(c.rels):5} {c.n_scored:6}")
        print("      entities: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
        print("      relations: " + ", ".join(f"{t} {n}" for t, n in sorted(rels.items())))
        print("      scored tuples: " + ", ".join(f"{t} {n}" for t, n in sorted(c.scored_by.items())))
        for k, rec in ents.items():  # across files: one type per name
            if k in all_keys and all_keys[k][0] != rec["type"]:
                problems.append(f"{stem}: {rec['name']} typed {rec['type']}, but {all_keys[k][0]} in {all_keys[k][1]}")
            all_keys.setdefault(k, (rec["type"], stem))
    print("total entities: " + ", ".join(f"{t} {n}" for t, n in sorted(tot_types.items()))
          + f" = {sum(tot_types.values())}")
    print("total required: " + ", ".join(f"{t} {n}" for t, n in sorted(req_types.items()))
          + f" = {sum(req_types.values())}")
    print("total relations: " + ", ".join(f"{t} {n}" for t, n in sorted(tot_rels.items()))
          + f" = {sum(tot_rels.values())}")
    # all four files together, as the scorer would merge them
    scorer.load_gold([HERE / f"{s}.yaml" for s in FILES])
    # no machine path in any file of the set
    bad_prefixes = ("/" + "work", "/" + "tmp")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            body = p.read_text(encoding="utf-8")
            for pre in bad_prefixes:
                if re.search(re.escape(pre) + r"(/|\b)", body):
                    problems.append(f"{p.name}: contains a machine path starting {pre}")
    for pr in problems:
        print("PROBLEM", pr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
