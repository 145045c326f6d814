#!/usr/bin/env python3
"""Check the heldout54 gold files (px*.yaml) against their texts (px*.txt).

Run from the repository root:

    python benchmarks/heldout54/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]

Checks, for every gold file:
  - the schema: top-level keys, article ids, entity types, relation names and argument keys;
  - every entity name and alias occurs in the text once its line breaks are removed, and no
    normalised name is claimed by two entities;
  - every headline occurs as a line of the text, in page order;
  - each entity's `articles` equals the set of articles whose text (headline, byline, body, page
    furniture excluded) contains its name or an alias, nested occurrences included;
  - `starts_with` equals the first 12 characters of the body after the byline;
  - bylines: the reporters, place and day are printed in the article's byline;
  - relation arguments resolve to entities of the right types, the relation's article is one in
    which every argument occurs, titles are printed in the article;
  - `reporter` relations of each article equal its byline reporters;
  - `uncertain`: in_gold items name gold entities / relations, also_accept and rejected items
    are not gold relations, rejected entities are not gold entities but occur in the text;
  - the file loads with `load_gold` of the reference scorer;
  - the body of each text is 450-900 characters (white space not counted).
Prints per-file and total counts; exits 0 iff no problem is found. Needs PyYAML; uses OpenCC
when installed only through the reference scorer.
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
PERSON_OR_ORG = ORG | {"Person"}
# relation -> {argument: allowed types}; None in a set means the argument may be null
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}},
    "receivedAward": {"recipient": PERSON_OR_ORG, "award": {"Award"}, "category": {"AwardCategory", None}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": PERSON_OR_ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": PERSON_OR_ORG, "parent": ORG},
}
REL_EXTRA = {"holdsPosition": {"title"}, "receivedAward": {"year"}}

# Page furniture: lines that belong to no article (mastheads, dates, page numbers, section labels,
# time stamps and sources of web pages, editor credits, correction links, column kickers).
FURNITURE = [re.compile(p) for p in (
    r"^(科技日报|澳門日報|浙江日报|新华网)$",
    r"^\d{4}年\d{1,2}月\d{1,2}日[　 ]*星期.$",
    r"^(第\d+版|[A-Z]\d{2})[　 ]+\S+$",
    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?[　 ]*来源[:：].*$",
    r"^（?(责任编辑|責任編輯|本版责编)[　 :：].*$",
    r"^【纠错】.*$",
    r"^■?短评$",
)]
# Bylines. A byline is a whole line (LINE) or the start of the first body line (PREFIX).
BYLINE_LINE = re.compile(r"^本[报報][记記]者[　 ]+(?P<names>.+?)(?:[　 ]+(?P<place>\S+?)(?:报道|報道))?$")
BYLINE_PREFIX = re.compile(
    r"^(?:本[报報]讯|本[报報](?P<place>[^\d（(]{1,6}?)(?P<m>\d{1,2})月(?P<d>\d{1,2})日[电電]"
    r"|新华社(?P<place2>[^\d（(]{1,6}?)(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日电)"
    r"[　 ]*[（(](?P<names>[^）)]*)[）)][　 ]*"
    r"|^【本[报報](?:消息|訊)】[　 ]*")


def squash(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def nrm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s)).strip()
    s = re.sub(r"[·・•‧․⋅∙\s]", "", s)
    return s.strip("《》〈〉“”\"'‘’「」『』").lower()


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


class Page:
    """A text split into articles by the gold headlines, furniture lines dropped."""

    def __init__(self, text: str, articles: list[dict], problems: list[str]):
        self.lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
        self.spans: dict[str, list[str]] = {}
        self.heads: dict[str, int] = {}
        starts = []
        pos = 0
        for a in articles:
            idx = None
            for i in range(pos, len(self.lines)):
                ln = self.lines[i]
                if a.get("title") is not None and ln == str(a["title"]):
                    idx = i
                    break
                if a.get("title") is None and a.get("starts_with") and ln.startswith(str(a["starts_with"])):
                    idx = i
                    break
            if idx is None:
                problems.append(f"{a.get('id')}: headline {a.get('title')!r} not found as a line (in page order)")
                idx = pos
            starts.append(idx)
            pos = idx + 1
        for k, a in enumerate(articles):
            end = starts[k + 1] if k + 1 < len(articles) else len(self.lines)
            span = [ln for ln in self.lines[starts[k]:end] if ln and not any(p.match(ln) for p in FURNITURE)]
            self.spans[a["id"]] = span
        self.articles = articles

    def text_of(self, aid: str) -> str:
        return "".join(self.spans.get(aid, []))

    def byline_and_body(self, a: dict):
        """(byline string or None, parsed byline dict, body text)."""
        span = self.spans.get(a["id"], [])
        i = 1 if a.get("title") is not None else 0
        # headline block: sub-headlines (——...) and a second deck line before a byline
        j = i
        byline, parsed = None, {}
        for k in range(i, min(i + 3, len(span))):
            ln = span[k]
            m = BYLINE_LINE.match(ln)
            if m:
                byline, parsed = ln, {"names": m.group("names"), "place": m.group("place"), "line": True}
                j = k + 1
                break
            m = BYLINE_PREFIX.match(ln)
            if m:
                byline = m.group(0).strip()
                parsed = {"names": m.group("names"), "place": m.group("place") or m.group("place2"),
                          "m": m.group("m") or m.group("m2"), "d": m.group("d") or m.group("d2")}
                span = span[:k] + [ln[m.end():]] + span[k + 1:]
                j = k
                break
        else:
            while j < len(span) and span[j].startswith("——"):
                j += 1
        body = "".join(span[j:])
        return byline, parsed, body


def byline_names(parsed: dict) -> list[str]:
    names = parsed.get("names")
    if not names:
        return []
    if parsed.get("line"):
        return [names.strip()]
    out = []
    for part in re.split(r"[、，,]|[　 ]+", names):
        part = re.sub(r"^(记者|通讯员|記者|通訊員)", "", part.strip())
        if part:
            out.append(part)
    return out


def check_file(gold_path: Path, scorer, problems: list[str]) -> dict:
    g = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    P = lambda msg: problems.append(f"{gold_path.name}: {msg}")  # noqa: E731
    for key in ("source", "articles", "entities", "relations", "uncertain"):
        if key not in g:
            P(f"missing top-level key {key}")
    text_path = gold_path.with_name(str(g.get("source")))
    if not text_path.exists():
        P(f"source {g.get('source')} not found beside the gold file")
        return {}
    text = text_path.read_text(encoding="utf-8")
    flat = squash(text)
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    for a in arts:
        for key in ("id", "title", "kind", "byline", "starts_with"):
            if key not in a:
                P(f"article {a.get('id')}: missing {key}")
    page_problems: list[str] = []
    page = Page(text, arts, page_problems)
    for m in page_problems:
        P(m)

    # ---- entities
    ents = g.get("entities") or []
    by_key: dict[str, dict] = {}
    for e in ents:
        if e.get("type") not in TYPES:
            P(f"entity {e.get('name')}: bad type {e.get('type')}")
        names = [e["name"]] + list(e.get("aliases") or [])
        for n in names:
            if str(n) not in flat:
                P(f"entity {e['name']}: name/alias {n!r} not in the text")
            k = nrm(n)
            if k in by_key and by_key[k] is not e:
                P(f"name {n!r} claimed by {by_key[k]['name']} and {e['name']}")
            by_key[k] = e
        want = sorted(a["id"] for a in arts if any(str(n) in page.text_of(a["id"]) for n in names))
        got = sorted(e.get("articles") or [])
        if want != got:
            P(f"entity {e['name']}: articles {got} but the text gives {want}")
    ent_names = {e["name"] for e in ents}

    def resolve(name):
        return by_key.get(nrm(name)) if name is not None else None

    # ---- articles: bylines, starts_with, body length
    body_chars = 0
    byline_reporters: dict[str, set] = {}
    for a in arts:
        byline, parsed, body = page.byline_and_body(a)
        body_chars += len(re.sub(r"\s", "", body))
        if body[:12] != str(a.get("starts_with")):
            P(f"{a['id']}: starts_with {a.get('starts_with')!r} but the body begins {body[:12]!r}")
        b = a.get("byline") or {}
        reps = [str(r) for r in (b.get("reporters") or [])]
        byline_reporters[a["id"]] = set(reps)
        printed = byline_names(parsed) if byline else []
        if sorted(printed) != sorted(reps):
            P(f"{a['id']}: byline reporters {reps} but the byline prints {printed}")
        if b.get("place") is not None and (not byline or str(b["place"]) not in byline):
            P(f"{a['id']}: byline place {b['place']} not in the byline {byline!r}")
        if b.get("place") is None and parsed.get("place"):
            P(f"{a['id']}: the byline names a place ({parsed['place']}) but byline.place is null")
        d = b.get("date")
        if d is not None:
            if not isinstance(d, dt.date):
                P(f"{a['id']}: byline date {d!r} is not a date")
            elif not byline or f"{d.month}月{d.day}日" not in byline:
                P(f"{a['id']}: byline date {d} not printed in the byline {byline!r}")
        elif parsed.get("m"):
            P(f"{a['id']}: the byline gives a day but byline.date is null")

    # ---- relations
    def check_rel(r: dict, where: str, extra_names: set | None = None) -> None:
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P(f"{where}: unknown relation {rel}")
            return
        if r.get("article") not in ids:
            P(f"{where}: {rel} has unknown article {r.get('article')}")
        for arg, allowed in REL_ARGS[rel].items():
            if arg not in r:
                P(f"{where}: {rel} lacks argument {arg}")
                continue
            v = r[arg]
            if v is None:
                if None not in allowed:
                    P(f"{where}: {rel}.{arg} is null")
                continue
            e = resolve(v)
            if e is None:
                if extra_names and str(v) in extra_names:
                    continue
                P(f"{where}: {rel}.{arg} {v!r} is not a gold entity")
                continue
            if e["type"] not in allowed:
                P(f"{where}: {rel}.{arg} {v!r} has type {e['type']}, expected {sorted(t for t in allowed if t)}")
            if r.get("article") not in (e.get("articles") or []):
                P(f"{where}: {rel}.{arg} {v!r} does not occur in article {r.get('article')}")
        for arg in REL_EXTRA.get(rel, ()):
            if arg not in r:
                P(f"{where}: {rel} lacks {arg}")
        if rel == "holdsPosition" and str(r.get("title")) not in page.text_of(r.get("article", "")):
            P(f"{where}: title {r.get('title')!r} not printed in {r.get('article')}")
        if rel == "receivedAward" and r.get("year") is not None and not isinstance(r["year"], int):
            P(f"{where}: year {r['year']!r} is not an integer")

    def canon(r: dict) -> tuple:
        return tuple(sorted((k, nrm(v) if isinstance(v, str) else v) for k, v in r.items()))

    rels = g.get("relations") or []
    gold_set = set()
    for r in rels:
        check_rel(r, "relations")
        c = canon(r)
        if c in gold_set:
            P(f"duplicate relation {r}")
        gold_set.add(c)
    rep_rel: dict[str, set] = {aid: set() for aid in ids}
    for r in rels:
        if r.get("rel") == "reporter" and r.get("article") in rep_rel:
            rep_rel[r["article"]].add(str(r["person"]))
    for aid in ids:
        if rep_rel[aid] != byline_reporters.get(aid, set()):
            P(f"{aid}: reporter relations {sorted(rep_rel[aid])} != byline reporters {sorted(byline_reporters.get(aid, set()))}")

    # ---- uncertain
    n_opt_ents, n_opt_rels, n_neutral = set(), 0, 0
    for u in g.get("uncertain") or []:
        where = f"uncertain[{u.get('item')}]"
        for key in ("item", "in_gold", "decision", "why"):
            if key not in u:
                P(f"{where}: missing {key}")
        u_ents = [str(x) for x in (u.get("entities") or [])]
        if u.get("in_gold") is True:
            for n in u_ents:
                if n not in ent_names:
                    P(f"{where}: entity {n!r} is not a gold entity name")
            if not str(u.get("item", "")).startswith(("aliases", "segment")):
                n_opt_ents.update(u_ents)
            for r in u.get("relations") or []:
                check_rel(r, where)
                if canon(r) not in gold_set:
                    P(f"{where}: relation {r} is not in `relations`")
                n_opt_rels += 1
        elif u.get("in_gold") is False:
            for n in u_ents:
                if n in ent_names or resolve(n) is not None:
                    P(f"{where}: rejected entity {n!r} is a gold entity")
                if n not in flat:
                    P(f"{where}: rejected entity {n!r} not in the text")
            for r in u.get("relations") or []:
                check_rel(r, where, set(u_ents))
                if canon(r) in gold_set:
                    P(f"{where}: rejected relation {r} is in `relations`")
                n_neutral += 1
        else:
            P(f"{where}: in_gold must be true or false")
        for r in u.get("also_accept") or []:
            check_rel(r, where)
            if canon(r) in gold_set:
                P(f"{where}: also_accept relation {r} is in `relations`")
            n_neutral += 1

    # ---- reference scorer
    try:
        sg_ents, _alias, sg_rels, sg_opt, _neutral = scorer.load_gold([gold_path])
        scored = sum(len(v) for v in sg_rels.values())
    except Exception as err:  # noqa: BLE001
        P(f"load_gold failed: {err!r}")
        scored = 0
        sg_ents, sg_opt = {}, set()
    if not 450 <= body_chars <= 900:
        P(f"body has {body_chars} characters (expected 450-900)")
    return {"articles": len(arts), "body": body_chars, "entities": len(ents),
            "optional": len(n_opt_ents), "required": len(ents) - len(n_opt_ents & ent_names),
            "relations": len(rels), "optional_rel": n_opt_rels, "neutral": n_neutral,
            "scored": scored, "scorer_entities": len(sg_ents), "scorer_optional": len(sg_opt)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("px*.yaml"))
    problems: list[str] = []
    try:
        scorer = load_scorer(a.scorer)
    except Exception as err:  # noqa: BLE001
        print(f"cannot load the reference scorer {a.scorer}: {err}")
        return 2
    tot: dict[str, int] = {}
    for f in files:
        before = len(problems)
        st = check_file(f, scorer, problems)
        for k, v in st.items():
            tot[k] = tot.get(k, 0) + v
        print(f"{f.name}: {st.get('articles', 0)} articles, body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('required', 0)} required, {st.get('optional', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored tuples, "
              f"{st.get('neutral', 0)} neutral candidates), {len(problems) - before} problems")
    try:
        scorer.load_gold(files)
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold of all files together failed: {err!r}")
    for p in problems:
        print("PROBLEM", p)
    print(f"TOTAL: {len(files)} files, {tot.get('articles', 0)} articles, {tot.get('entities', 0)} entities "
          f"({tot.get('required', 0)} required, {tot.get('optional', 0)} optional), {tot.get('relations', 0)} relations "
          f"({tot.get('scored', 0)} scored tuples), {len(problems)} problems")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
