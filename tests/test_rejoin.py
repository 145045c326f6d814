"""kg/extract/rejoin.py: a short line that a page break cut inside a word is joined to the next one;
a subheading or the headline of a story without a byline is left alone.

The pages are written for these tests in the style of a Chinese newspaper page dump."""

import pytest

from kg.extract.rejoin import cut_inside_a_word

BYLINE = "本报乌镇11月9日电（记者 王五）数字经济论坛9日在乌镇举行。"


@pytest.mark.parametrize(("before", "after", "cut"), [
    ("中国信息通", "信研究院副院长李明在演讲中指出，数据要素市场仍需完善。", True),  # 通信 runs across
    ("世界互联网大", "会乌镇峰会开幕式上，多项成果发布。", True),  # 大会
    ("推动数字经济高质量发展", "会上，多位专家表示，数据要素是关键。", False),  # 会上 is a word of its own
    ("人工智能赋能千行百业", "业内人士认为，大模型应用将加速落地。", False),  # 业内人士 stands alone
    ("多项成果发布。", "信息技术企业纷纷亮相。", False),  # the line is finished
])
def test_rejoin_cut_inside_a_word(before, after, cut):
    assert cut_inside_a_word(before, after) is cut


def test_rejoin_a_cut_line_read_as_a_headline_goes_back_to_its_story(extract_text):
    text = ("数字经济论坛举行\n\n" + BYLINE + "\n\n中国信息通\n\n"
            "信研究院副院长李明在主旨演讲中指出，数据要素市场化配置仍面临确权难等问题。\n\n"
            "他还表示，可信数据空间建设正在提速。\n")
    corpus = extract_text(text)
    (article,) = corpus.articles
    assert article.article_id.endswith("/1")
    assert "中国信息通信研究院副院长李明" in "".join(p.repaired for p in article.paragraphs)
    names = {m.text: m.type for m in corpus.mentions[article.article_id]}
    assert names.get("中国信息通信研究院") == "Organization"
    assert names.get("李明") == "Person"


def test_rejoin_leaves_a_story_without_a_byline_alone(extract_text):
    text = ("数字经济论坛举行\n\n" + BYLINE + "\n\n志愿者服务峰会\n\n"
            "会期间，300名志愿者在各个场馆提供服务。\n")
    titles = [a.title_text for a in extract_text(text).articles]
    assert titles == ["数字经济论坛举行", "志愿者服务峰会"]
