"""kg add: growing a graph without a rebuild."""

import pytest

FIRST = ("数字经济论坛在杭州开幕\n\n"
         "本报杭州9月1日电（记者 王五）1日，2024年数字经济论坛在杭州开幕。"
         "华为技术有限公司董事长梁华表示，开放合作是产业发展的关键。\n")
SECOND = ("人工智能大会举行\n\n"
          "新华社上海7月4日电（记者 李四）阿里巴巴集团首席执行官吴泳铭在会上说，人工智能将改变每一个行业。"
          "腾讯公司高级执行副总裁汤道生认为，应用落地是下一步的重点。\n")


@pytest.fixture
def graph_of(write_file, kg, tmp_path):
    """A graph built from FIRST, to which files are then added."""
    first = write_file("first.txt", FIRST)
    out = tmp_path / "graph.trig"
    assert kg("build", first, "-o", out).exit_code == 0
    return out


def _positions(kg, data):
    result = kg("query", "positions", "--data", data, "--format", "csv")
    assert result.exit_code == 0, result.output
    return {tuple(row.split(",")[i] for i in (1, 3, 4)) for row in result.output.splitlines()[1:]}


def test_add_puts_the_new_articles_in_the_graph(graph_of, write_file, kg):
    second = write_file("second.txt", SECOND)
    result = kg("add", second, "--data", graph_of)
    assert result.exit_code == 0, result.output
    assert "added: second.txt" in result.output
    positions = _positions(kg, graph_of)
    assert ("梁华", "华为技术有限公司", "董事长") in positions
    assert ("吴泳铭", "阿里巴巴集团", "首席执行官") in positions


def test_add_the_same_file_twice_changes_nothing(graph_of, write_file, kg):
    second = write_file("second.txt", SECOND)
    assert kg("add", second, "--data", graph_of).exit_code == 0
    before = graph_of.read_bytes()
    result = kg("add", second, "--data", graph_of)
    assert result.exit_code == 0
    assert "unchanged: second.txt" in result.output
    assert graph_of.read_bytes() == before


def test_add_order_does_not_change_the_merged_view(write_file, kg, tmp_path):
    a = write_file("a.txt", FIRST)
    b = write_file("b.txt", SECOND)
    base = write_file("base.txt", "网络安全周开幕\n\n本报北京9月9日电（记者 赵六）国家互联网信息办公室主任庄荣文出席开幕式。\n")
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    for out, order in ((one, (a, b)), (two, (b, a))):
        assert kg("build", base, "-o", out).exit_code == 0
        for f in order:
            assert kg("add", f, "--data", out).exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_add_an_edited_article_replaces_its_own_facts_only(graph_of, write_file, kg):
    second = write_file("second.txt", SECOND)
    assert kg("add", second, "--data", graph_of).exit_code == 0
    edited = write_file("second.txt", SECOND.replace("阿里巴巴集团首席执行官吴泳铭", "一位企业负责人"))
    result = kg("add", edited, "--data", graph_of)
    assert "replaced: second.txt" in result.output
    positions = _positions(kg, graph_of)
    assert not any(p[0] == "吴泳铭" for p in positions)  # no stale fact
    assert ("汤道生", "腾讯公司", "高级执行副总裁") in positions  # the rest of the edited article
    assert ("梁华", "华为技术有限公司", "董事长") in positions  # the other file untouched
    mentions = kg("query", "mentions", "--data", graph_of, "--format", "csv").output
    assert "吴泳铭" not in mentions
    assert kg("validate", "--data", graph_of).exit_code == 0


def test_add_to_a_missing_graph_is_a_clear_error(write_file, kg, tmp_path):
    second = write_file("second.txt", SECOND)
    result = kg("add", second, "--data", tmp_path / "none.trig")
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: ")
    assert "none.trig: no such graph file" in result.output
