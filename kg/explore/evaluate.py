"""Gold annotations -> precision / recall / F1, by the rules of shared/gold/README.md.

The graph is read through the same named queries an outside scorer uses, so that `kg eval` and
the reference scorer agree:
- entities match by any label (normalised: NFKC, no white space or name dots, no quotes or 《》,
  simplified script, lower case); types are strict, and a family score (Organization, Company
  and GovernmentBody as one) is given beside; each gold entity is credited once, so a second
  system entity for it counts against precision; only entities with a mention count;
- title chains are split into atomic titles on 、 and 兼, a leading 前 is ignored;
- an award matches on recipient and award, and on category and year where the gold has them;
- `uncertain:` items marked in_gold are optional (not needed, not penalised), and their
  relations, the also_accept answers and the rejected candidates are neutral.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import Dataset

from kg.errors import GoldError
from kg.explore.queries import named_queries, run
from kg.extract.normalize import normalize

ORG_FAMILY = {"Organization", "Company", "GovernmentBody"}
RELATIONS = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
# scored too, but outside the totals, which the reference scorer does not count them in (yet)
EXTRA_RELATIONS = {  # gold relation -> (named query, subject column, object column)
    "organizedBy": ("organizers", "event", "org", "event", "org"),
    "participatedIn": ("participants", "org_or_person", "event", "participant", "event"),
    "exhibitedAt": ("exhibits", "product", "event", "product", "event"),
    "memberOf": ("members", "org", "parent", "member", "parent"),
}


@dataclass(slots=True)
class Score:
    tp_sys: int = 0  # system items that match
    n_sys: int = 0
    tp_gold: int = 0  # gold items that are matched
    n_gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Sum the counts of another score into this one (a micro average)."""
        self.tp_sys += other.tp_sys
        self.n_sys += other.n_sys
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return self.tp_sys / self.n_sys if self.n_sys else (1.0 if self.n_gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    entity: Score
    entity_family: Score
    by_type: dict[str, Score]
    by_relation: dict[str, Score]
    relation: Score
    mistyped: list[str]
    duplicates: list[str]


def atomic_titles(title: str | None) -> list[str]:
    """"创始人、董事长兼首席执行官" -> its three titles; a leading 前 (former) is dropped."""
    parts = [p for p in re.split(r"[、,，/]|兼", normalize(title or "")) if p]
    return [p[1:] if p.startswith("前") and len(p) > 1 else p for p in parts] or [""]


class Gold:
    """The gold entities (by normalised canonical name), their aliases, and the relations."""

    def __init__(self, paths: list[Path]):
        docs = []
        for p in paths:
            try:
                docs.append(yaml.safe_load(Path(p).read_text(encoding="utf-8")) or {})
            except FileNotFoundError:
                raise GoldError(f"{p}: no such gold file") from None
            except yaml.YAMLError as err:
                raise GoldError(f"{p}: not valid YAML ({str(err).splitlines()[0]})") from None
        self.entities: dict[str, dict] = {}
        for doc in docs:
            for e in doc.get("entities") or []:
                k = normalize(str(e["name"]))
                rec = self.entities.setdefault(k, {"name": e["name"], "type": e["type"], "names": {k}})
                rec["names"].update(normalize(str(a)) for a in e.get("aliases") or [])
        self.alias: dict[str, str] = {k: k for k in self.entities}
        for k, rec in self.entities.items():
            for n in rec["names"]:
                self.alias.setdefault(n, k)
        self.relations: dict[str, set] = defaultdict(set)
        for doc in docs:
            for r in doc.get("relations") or []:
                self._add(self.relations, r)
        self.optional: set[str] = set()
        self.neutral: dict[str, set] = defaultdict(set)
        for doc in docs:
            for u in doc.get("uncertain") or []:
                if not isinstance(u, dict):
                    continue
                if not str(u.get("item", "")).startswith(("aliases", "segment")):
                    self.optional.update(self.key(n) for n in u.get("entities") or [])
                for r in (u.get("relations") or []) + (u.get("also_accept") or []):
                    self._add(self.neutral, r)
        for name, items in self.neutral.items():
            self.relations[name] -= items
        self.titles = {normalize(str(a["title"])) for doc in docs for a in doc.get("articles") or [] if a.get("title")}

    def key(self, name) -> str | None:
        if name is None:
            return None
        n = normalize(str(name))
        return self.alias.get(n, n)

    def _add(self, into: dict[str, set], r: dict) -> None:
        k = self.key
        rel = r.get("rel")
        if rel == "holdsPosition":
            for t in atomic_titles(r.get("title")):
                into["positions"].add((k(r["person"]), k(r.get("org")), t))
        elif rel == "receivedAward":
            cat = r.get("category")
            into["awards"].add((k(r["recipient"]), k(r["award"]), k(cat) if cat else None,
                                str(r["year"]) if r.get("year") else None))
        elif rel == "publishedBy":
            into["reports"].add((k(r["report"]), k(r["org"])))
        elif rel == "releasedAt":
            into["reports_at"].add((k(r["report"]), k(r["event"])))
        elif rel in ("locatedIn", "basedIn", "heldIn"):
            into["locations"].add((k(r.get("entity") or r.get("org") or r.get("event")), k(r["region"])))
        elif rel == "quoted":
            into["quotes"].add((k(r["person"]),))
        elif rel == "reporter":
            into["reporters"].add((k(r["person"]),))
        elif rel in EXTRA_RELATIONS:
            _, subject, obj, _, _ = EXTRA_RELATIONS[rel]
            into[rel].add((k(r.get(subject)), k(r.get(obj))))


def _rows(ds: Dataset, name: str) -> list[dict[str, str]]:
    table = run(ds, named_queries()[name].text)
    return [{v: ("" if t is None else str(t)) for v, t in zip(table.variables, row)} for row in table.rows]


def evaluate(ds: Dataset, gold_paths: list[Path]) -> Report:
    gold = Gold(gold_paths)
    # system entities: IRI -> type and normalised labels; only those with a mention
    system: dict[str, dict] = {}
    for row in _rows(ds, "entities"):
        e = system.setdefault(row["entity"], {"type": row["type"], "labels": set()})
        e["labels"].update(normalize(row[c]) for c in ("label", "entityLabel") if row.get(c))
    mentioned = {row["entity"] for row in _rows(ds, "mentions")}
    system = {k: v for k, v in system.items() if k in mentioned}

    def gold_key(iri: str) -> str:
        labels = system[iri]["labels"] if iri in system else {normalize(iri)}
        for lab in sorted(labels):
            if lab in gold.entities:
                return lab
        for lab in sorted(labels):
            if lab in gold.alias:
                return gold.alias[lab]
        return "SYS:" + iri

    required = {k: g for k, g in gold.entities.items() if k not in gold.optional}
    strict, fam = Score(n_gold=len(required)), Score(n_gold=len(required))
    by_type: dict[str, Score] = defaultdict(Score)
    for g in required.values():
        by_type[g["type"]].n_gold += 1
    credited_strict, credited_family, duplicates = set(), set(), []
    for iri, e in sorted(system.items(), key=lambda x: (x[1]["type"], x[0])):
        k = gold_key(iri)
        if k in gold.optional:
            continue
        strict.n_sys += 1
        fam.n_sys += 1
        by_type[e["type"]].n_sys += 1
        if k not in required:
            label = min(e["labels"]) if e["labels"] else iri
            strict.spurious.append(label)
            by_type[e["type"]].spurious.append(label)
            continue
        gtype = required[k]["type"]
        same_family = (gtype in ORG_FAMILY) == (e["type"] in ORG_FAMILY) and (
            gtype in ORG_FAMILY or gtype == e["type"])
        if same_family:
            if k in credited_family:
                duplicates.append(required[k]["name"])
            else:
                credited_family.add(k)
        if gtype == e["type"] and k not in credited_strict:
            credited_strict.add(k)
            by_type[gtype].tp_sys += 1
            by_type[gtype].tp_gold += 1
    strict.tp_sys = strict.tp_gold = len(credited_strict)
    fam.tp_sys = fam.tp_gold = len(credited_family)
    strict.missed = sorted(required[k]["name"] for k in required if k not in credited_family)
    for k in required:
        if k not in credited_strict:
            by_type[required[k]["type"]].missed.append(required[k]["name"])
    mistyped = sorted(required[k]["name"] for k in credited_family - credited_strict)

    def col(row: dict, c: str) -> str | None:
        v = row.get(c) or None
        if v is None:
            return None
        if v in system or not row.get(c + "Label"):
            k = gold_key(v)
            if not k.startswith("SYS:"):
                return k
        lab = normalize(row.get(c + "Label") or "")
        if lab:
            return lab if lab in gold.entities else gold.alias.get(lab, "SYS:" + v)
        return gold_key(v)

    found: dict[str, set] = defaultdict(set)
    for r in _rows(ds, "positions"):
        for t in atomic_titles(r.get("title")):
            found["positions"].add((col(r, "person"), col(r, "org"), t))
    for r in _rows(ds, "awards"):
        found["awards"].add((col(r, "recipient"), col(r, "award"), col(r, "category"), (r.get("year") or None)
                             and r["year"][:4]))
    for r in _rows(ds, "reports"):
        if r.get("org"):
            found["reports"].add((col(r, "report"), col(r, "org")))
        if r.get("event"):
            found["reports_at"].add((col(r, "report"), col(r, "event")))
    for r in _rows(ds, "locations"):
        found["locations"].add((col(r, "entity"), col(r, "region")))
    for r in _rows(ds, "quotes"):
        found["quotes"].add((col(r, "person"),))
    for r in _rows(ds, "articles"):
        if r.get("reporter"):
            found["reporters"].add((col(r, "reporter"),))

    for rel, (query, _, _, subject, obj) in EXTRA_RELATIONS.items():
        for r in _rows(ds, query):
            found[rel].add((col(r, subject), col(r, obj)))

    def award_match(s, g) -> bool:
        return s[0] == g[0] and s[1] == g[1] and (g[2] is None or s[2] == g[2]) and (g[3] is None or s[3] == g[3])

    by_relation: dict[str, Score] = {}
    total = Score()
    for name in (*RELATIONS, *EXTRA_RELATIONS):
        S = found.get(name, set()) - gold.neutral.get(name, set())
        G = gold.relations.get(name, set())
        if not S and not G:
            continue
        match = award_match if name == "awards" else (lambda s, g: s == g)
        sc = Score(n_sys=len(S), n_gold=len(G))
        sc.tp_sys = sum(1 for s in S if any(match(s, g) for g in G))
        sc.tp_gold = sum(1 for g in G if any(match(s, g) for s in S))
        sc.missed = sorted(_show(g) for g in G if not any(match(s, g) for s in S))
        sc.spurious = sorted(_show(s) for s in S if not any(match(s, g) for g in G))
        by_relation[name] = sc
        if name not in EXTRA_RELATIONS:
            total.add(sc)
    return Report(strict, fam, dict(by_type), by_relation, total, mistyped, duplicates)


def _show(item: tuple) -> str:
    return "(" + ", ".join("—" if x is None else str(x).removeprefix("SYS:") for x in item) + ")"


def render(report: Report) -> str:
    lines = [f"{'entity type':16} {'sys':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for t, s in sorted(report.by_type.items()):
        lines.append(f"{t:16} {s.n_sys:5} {s.n_gold:5} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
    e, f = report.entity, report.entity_family
    lines.append(f"entities strict P={e.precision:.3f} R={e.recall:.3f} F1={e.f1:.3f} | "
                 f"type-family P={f.precision:.3f} R={f.recall:.3f} F1={f.f1:.3f}")
    for label, items in (("missed", e.missed), ("mistyped", report.mistyped),
                         ("unresolved duplicates", report.duplicates), ("spurious", e.spurious)):
        lines.append(f"{label}: " + "、".join(items))
    lines.append(f"{'relation':12} {'sys':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in report.by_relation.items():
        if name not in EXTRA_RELATIONS:
            lines.append(f"{name:12} {s.n_sys:5} {s.n_gold:5} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
    extra = [(n, s) for n, s in report.by_relation.items() if n in EXTRA_RELATIONS]
    if extra:
        lines.append("also scored, outside the relation total (the reference scorer does not count these yet):")
        for name, s in extra:
            lines.append(f"  {name:14} {s.n_sys:5} {s.n_gold:5} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}")
    for name, s in report.by_relation.items():
        if s.missed:
            lines.append(f"{name} missed: " + "; ".join(s.missed))
        if s.spurious:
            lines.append(f"{name} spurious: " + "; ".join(s.spurious))
    r = report.relation
    lines.append(f"entity F1 {e.f1:.3f} (P {e.precision:.3f} R {e.recall:.3f}); "
                 f"relation F1 {r.f1:.3f} (P {r.precision:.3f} R {r.recall:.3f})")
    return "\n".join(lines) + "\n"
