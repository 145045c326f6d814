#!/usr/bin/env python3
"""Consistency check of the heldout44 gold files against their texts.

For every pnN.yaml in this directory (or the files given on the command line) it checks:
  - the file loads, has the seed's keys, and `source` names an existing text;
  - every entity name and alias occurs in the text once line breaks are removed, and no
    normalised name or alias belongs to two entities;
  - each article's headline occurs in the text; `starts_with` is the first 12 characters of the
    body after the byline; the byline's reporters, place and date occur in the headline block;
  - each entity's `articles` list is exactly the set of articles whose text (headline, byline and
    body, page furniture excluded) contains the name or an alias, nested occurrences included;
  - relation names, argument keys and argument types; arguments are canonical entity names that
    occur in the relation's article; titles occur in the article; award years are years;
  - reporter relations = byline reporters, article by article;
  - `uncertain`: in_gold items copy gold entities and relations exactly; rejected candidates and
    also_accept answers are not gold relations, and their arguments occur in the text;
  - the file loads with `load_gold` of the reference scorer (--scorer PATH).
Prints per-file and total counts; exit 0 iff no problem is found. Needs PyYAML (OpenCC optional,
used by the scorer's normalisation when installed).
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_SCORER = ROOT.parent / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument key: allowed entity types}; "title"/"year" are literals
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": {"AwardCategory"}},
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
    "memberOf": {"org": AGENT, "parent": ORG},
}
LITERALS = {"holdsPosition": {"title"}, "receivedAward": {"year"}}
OPTIONAL_ARGS = {("receivedAward", "category")}

# Page furniture: lines that belong to the page, not to any article.
FURNITURE = [re.compile(p) for p in (
    r"^\s*—\s*\d+\s*—\s*$",                        # PDF page numbers "— 3 —"
    r"^\s*\d{4}年\d{1,2}月\d{1,2}日\s*星期.*$",      # newspaper page header (date, section, page)
    r"^\s*(首页|当前位置)",                           # breadcrumbs and site navigation
    r"^\s*【(字号|打印)",                             # site tool bars, print/close links
    r"^\s*分享到",                                    # share bar
    r"^\s*版权所有",                                  # site footer
)]
# Lines of the headline block between the headline and the body (副题, byline, dateline, speaker).
BYLINE = [re.compile(p) for p in (
    r"^\s*——",                                      # 副题 or the dateline of a report
    r"^\s*本报(记者|评论员)",
    r"^\s*(发布时间|来源|作者)",
    r"^\s*\d{4}-\d{2}-\d{2}",                        # portal date/source/author line
    r"^\s*(市长|县长|区长)\s",                        # speaker line of a government work report
)]


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


class Occurs(str):
    """The text without furniture, with line breaks removed; `in` also looks inside furniture lines."""

    def __new__(cls, text: str, extra: list[str]):
        o = super().__new__(cls, text)
        o.extra = extra
        return o

    def __contains__(self, s):  # type: ignore[override]
        return str.__contains__(self, s) or any(s in ln for ln in self.extra)


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer
    spec = importlib.util.spec_from_file_location("kg_reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def segment(text: str, articles: list[dict], problems: list[str]):
    """Articles as (header_lines, body_lines) with furniture removed; an article runs from its
    headline to the next article's headline."""
    lines = [ln for ln in text.splitlines() if not any(p.search(ln) for p in FURNITURE)]
    starts = []
    pos = 0
    for art in articles:
        title = art.get("title")
        idx = None
        if title:
            for i in range(pos, len(lines)):
                if lines[i].strip() == title or (title in lines[i].strip() and len(lines[i].strip()) < len(title) + 6):
                    idx = i
                    break
        if idx is None:
            problems.append(f"article {art.get('id')}: headline {title!r} not found as a line (in order)")
            idx = pos
        starts.append(idx)
        pos = idx + 1
    segs = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        seg = lines[s:e]
        j = 1
        while j < len(seg) and (not seg[j].strip() or any(p.search(seg[j]) for p in BYLINE)):
            j += 1
        segs.append((seg[:j], seg[j:]))
    return segs


def check_file(ypath: Path, scorer, problems: list[str]) -> dict:
    g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    for key in ("source", "articles", "entities", "relations", "uncertain"):
        if key not in g:
            problems.append(f"missing top-level key {key}")
    tpath = ypath.parent / g.get("source", "")
    if not tpath.is_file():
        problems.append(f"source {g.get('source')} not found")
        return {}
    text = tpath.read_text(encoding="utf-8")
    # names must occur once line breaks and furniture lines (page numbers ...) are removed; names
    # printed only in the furniture (a site header) must occur in one furniture line
    body_lines = [ln for ln in text.splitlines() if not any(p.search(ln) for p in FURNITURE)]
    furn_lines = [ln for ln in text.splitlines() if any(p.search(ln) for p in FURNITURE)]
    full = Occurs(flat("\n".join(body_lines)), furn_lines)
    arts = g.get("articles") or []
    art_ids = [a["id"] for a in arts]
    if len(set(art_ids)) != len(art_ids):
        problems.append("duplicate article ids")
    segs = segment(text, arts, problems)
    art_text, body_chars = {}, 0
    for art, (head, body) in zip(arts, segs):
        aid = art["id"]
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in art:
                problems.append(f"article {aid}: missing key {k}")
        htext, btext = flat("\n".join(head)), flat("\n".join(body))
        art_text[aid] = htext + btext
        body_chars += len(re.sub(r"\s", "", btext))
        if art.get("title") and art["title"] not in full:
            problems.append(f"article {aid}: title not in text")
        sw = art.get("starts_with")
        if sw is not None and (len(sw) != 12 or btext.strip()[:12] != sw):
            problems.append(f"article {aid}: starts_with {sw!r} != body start {btext.strip()[:12]!r}")
        by = art.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                problems.append(f"article {aid}: byline lacks {k}")
        for r in by.get("reporters") or []:
            if r not in htext:
                problems.append(f"article {aid}: byline reporter {r} not in the headline block")
        if by.get("place") and by["place"] not in htext:
            problems.append(f"article {aid}: byline place {by['place']} not in the headline block")
        d = by.get("date")
        if d:
            y, m, dd = str(d).split("-")
            forms = {str(d), f"{int(y)}年{int(m)}月{int(dd)}日", f"{int(m)}月{int(dd)}日"}
            if not any(f in htext for f in forms):
                problems.append(f"article {aid}: byline date {d} not in the headline block")
    if not 450 <= body_chars <= 900:
        problems.append(f"body length {body_chars} outside 450-900")

    # entities
    ents = {}
    owner = {}
    for e in g.get("entities") or []:
        n = e.get("name")
        if n in ents:
            problems.append(f"duplicate entity {n}")
        ents[n] = e
        if e.get("type") not in TYPES:
            problems.append(f"{n}: bad type {e.get('type')}")
        names = [n] + list(e.get("aliases") or [])
        for a in names:
            if not isinstance(a, str) or a not in full:
                problems.append(f"{n}: name/alias {a!r} not in text")
            k = scorer.norm(a)
            if k in owner and owner[k] != n:
                problems.append(f"{a!r} of {n} collides with {owner[k]}")
            owner.setdefault(k, n)
        want = [aid for aid in art_ids if any(x in art_text.get(aid, "") for x in names)]
        if list(e.get("articles") or []) != want:
            problems.append(f"{n}: articles {e.get('articles')} != {want}")

    def check_rel(r: dict, where: str, must_exist: bool = True):
        rel = r.get("rel")
        if rel not in REL_ARGS:
            problems.append(f"{where}: unknown relation {rel}")
            return
        allowed = set(REL_ARGS[rel]) | LITERALS.get(rel, set()) | {"rel", "article"}
        for k in r:
            if k not in allowed:
                problems.append(f"{where}: {rel} has unknown key {k}")
        aid = r.get("article")
        if aid not in art_ids:
            problems.append(f"{where}: {rel} bad article {aid}")
            return
        for k, types in REL_ARGS[rel].items():
            v = r.get(k)
            if v is None:
                if (rel, k) not in OPTIONAL_ARGS:
                    problems.append(f"{where}: {rel} lacks {k}")
                continue
            if v in ents:
                if ents[v]["type"] not in types and must_exist:
                    problems.append(f"{where}: {rel}.{k}={v} has type {ents[v]['type']}")
                if aid not in (ents[v].get("articles") or []):
                    problems.append(f"{where}: {rel}.{k}={v} not in article {aid}")
            elif must_exist:
                problems.append(f"{where}: {rel}.{k}={v!r} is not a canonical entity name")
            elif v not in full:
                problems.append(f"{where}: {rel}.{k}={v!r} does not occur in the text")
        if rel == "holdsPosition":
            t = r.get("title") or ""
            for part in re.split(r"[、]|兼", t):
                part = part[1:] if part.startswith("前") and len(part) > 1 and part not in art_text[aid] else part
                if part and part not in art_text[aid]:
                    problems.append(f"{where}: title part {part!r} not in article {aid}")
        if rel == "receivedAward":
            y = r.get("year")
            if y is not None and not (isinstance(y, int) and 1990 <= y <= 2030):
                problems.append(f"{where}: bad year {y!r}")

    rels = g.get("relations") or []
    keyset = []
    for i, r in enumerate(rels):
        check_rel(r, f"relation {i + 1}")
        keyset.append(tuple(sorted((k, str(v)) for k, v in r.items())))
    if len(set(keyset)) != len(keyset):
        problems.append("duplicate relations")
    gold_keys = set(keyset)

    # reporters = byline reporters
    for art in arts:
        by = set((art.get("byline") or {}).get("reporters") or [])
        rep = {r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == art["id"]}
        if by != rep:
            problems.append(f"article {art['id']}: reporter relations {sorted(rep)} != byline {sorted(by)}")

    # uncertain
    n_opt_rel = 0
    for u in g.get("uncertain") or []:
        item = u.get("item", "?")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problems.append(f"uncertain {item!r}: missing {k}")
        ing = u.get("in_gold")
        if not isinstance(ing, bool):
            problems.append(f"uncertain {item!r}: in_gold must be true/false")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                problems.append(f"uncertain {item!r}: entity {n} not in gold")
            if ing is False and n in ents:
                problems.append(f"uncertain {item!r}: rejected entity {n} is in gold")
        for r in u.get("relations") or []:
            k = tuple(sorted((kk, str(v)) for kk, v in r.items()))
            if ing and k not in gold_keys:
                problems.append(f"uncertain {item!r}: relation {r} is not an exact copy of a gold relation")
            if ing:
                n_opt_rel += 1
            if ing is False:
                if k in gold_keys:
                    problems.append(f"uncertain {item!r}: rejected relation {r} is in gold")
                check_rel(r, f"uncertain {item!r}", must_exist=False)
        for r in u.get("also_accept") or []:
            k = tuple(sorted((kk, str(v)) for kk, v in r.items()))
            if k in gold_keys:
                problems.append(f"uncertain {item!r}: also_accept {r} is a gold relation")
            check_rel(r, f"uncertain {item!r} also_accept", must_exist=False)

    # the reference scorer's loader
    stats = {"articles": len(arts), "body": body_chars, "entities": len(ents), "relations": len(rels)}
    try:
        s_ents, _alias, s_rels, s_opt, _neutral = scorer.load_gold([ypath])
        stats["opt"] = len(s_opt & set(s_ents))
        stats["req"] = len(s_ents) - stats["opt"]
        stats["scored"] = sum(len(v) for v in s_rels.values())
        if len(s_ents) != len(ents):
            problems.append(f"load_gold sees {len(s_ents)} entities, the file has {len(ents)}")
        missing = s_opt - set(s_ents)
        if missing:
            problems.append(f"load_gold: optional names that are no entity: {sorted(missing)}")
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold failed: {err!r}")
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="path of the reference score.py (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("pn*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    scorer = load_scorer(a.scorer)
    tot = {"articles": 0, "body": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0}
    n_prob = 0
    for f in files:
        problems: list[str] = []
        st = check_file(f, scorer, problems)
        for k in tot:
            tot[k] += st.get(k, 0)
        n_prob += len(problems)
        print(f"{f.name}: {st.get('articles', 0)} article(s), body {st.get('body', 0)} chars, "
              f"entities {st.get('entities', 0)} ({st.get('req', 0)} req / {st.get('opt', 0)} opt), "
              f"relations {st.get('relations', 0)} annotated / {st.get('scored', 0)} scored, "
              f"{len(problems)} problem(s)")
        for p in problems:
            print(f"  - {p}")
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['req']} req / {tot['opt']} opt), {tot['relations']} relations annotated / "
          f"{tot['scored']} scored, {n_prob} problem(s)")
    return 0 if n_prob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
