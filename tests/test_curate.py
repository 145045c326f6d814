"""Curation that survives rebuilds: data/curation.yaml applied on build and add."""

from rdflib import RDF, Dataset, Literal
from rdflib.namespace import SKOS

from kg.graph.vocab import SKG

PAGE = ("数字经济论坛在杭州开幕\n\n"
        "本报杭州9月1日电（记者 王五）华为技术有限公司董事长梁华表示，开放合作是关键。"
        "华为常务董事汪涛说，数字化转型正在加速。"
        "“我们希望扩大合作。”阿里云智能集团资深副总裁刘伟光说。"
        "腾讯(中国)、联想(中国)等企业参加了论坛。\n")

CURATION = """
decisions:
  - merge: [华为, 华为技术有限公司]
    reason: the same company, short and full name
  - type: {entity: 阿里云智能集团, as: Organization}
    reason: an editor's call, to test the override
  - reject: {relation: basedIn, subject: 联想, object: 中国}
    reason: not what the sentence says
  - add: {relation: basedIn, subject: 华为技术有限公司, object: 杭州}
    reason: added by hand
  - reject: {entity: 不存在的机构}
    reason: matches nothing
"""


def _graph(path):
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds


def test_curate_decisions_apply_on_build_and_are_recorded(write_file, kg, tmp_path):
    page = write_file("page.txt", PAGE)
    curation = write_file("curation.yaml", CURATION)
    out = tmp_path / "g.trig"
    result = kg("build", page, "-o", out, "--curation", curation)
    assert result.exit_code == 0, result.output
    assert "curation decision 5 (reject) matched nothing" in result.output  # stderr is mixed in
    ds = _graph(out)
    huawei = [s for s in ds.subjects(SKOS.prefLabel, Literal("华为技术有限公司", lang="zh"))]
    assert len(set(huawei)) == 1
    assert not list(ds.subjects(SKOS.prefLabel, Literal("华为", lang="zh")))  # merged away
    (ali,) = set(ds.subjects(SKOS.prefLabel, Literal("阿里云智能集团", lang="zh")))
    assert set(ds.objects(ali, RDF.type)) == {SKG.Organization}
    decisions = set(ds.subjects(RDF.type, SKG.CurationDecision))
    assert len(decisions) == 4
    reasons = {str(ds.value(d, SKG.reason)) for d in decisions}
    assert "the same company, short and full name" in reasons
    rows = kg("query", "locations", "--data", out, "--format", "csv").output
    assert "华为技术有限公司" in rows and "杭州" in rows.split("华为技术有限公司", 1)[1].splitlines()[0]
    assert not any(line.startswith("http") and "联想" in line and "中国" in line.split("联想")[1]
                   for line in rows.splitlines())
    assert kg("validate", "--data", out).exit_code == 0


def test_curate_survives_a_rebuild_and_an_add(write_file, kg, tmp_path):
    page = write_file("page.txt", PAGE)
    curation = write_file("curation.yaml", CURATION)
    out = tmp_path / "g.trig"
    assert kg("build", page, "-o", out, "--curation", curation).exit_code == 0
    first = out.read_bytes()
    assert kg("build", page, "-o", out, "--curation", curation).exit_code == 0
    assert out.read_bytes() == first
    other = write_file("other.txt", "论坛闭幕\n\n本报杭州9月3日电（记者 王五）华为常务董事汪涛出席闭幕式。\n")
    assert kg("add", other, "--data", out, "--curation", curation).exit_code == 0
    ds = _graph(out)
    assert not list(ds.subjects(SKOS.prefLabel, Literal("华为", lang="zh")))


def test_curate_a_malformed_file_is_a_clear_error(write_file, kg, tmp_path):
    page = write_file("page.txt", PAGE)
    bad = write_file("bad.yaml", "decisions:\n  - merge: [甲, 乙]\n")
    result = kg("build", page, "-o", tmp_path / "g.trig", "--curation", bad)
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {bad}: decision 1 (merge) needs a reason"
