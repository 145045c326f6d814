"""kg/read/articles.py: a page split into its articles, with bylines, dates, sections and the
repair of words a page break split."""

import re
from datetime import date

import pytest

from kg.read.articles import split_articles
from kg.read.sources import read_page

# The bundled page, as printed (checked against the page text and shared/gold/seed.yaml).
SEED_ARTICLES = [
    # kind, title, byline place, reporters, date, sections
    ("editorial", "携手迈向更加美好的数智未来", None, [], None, ()),
    ("news", "世界互联网大会研究成果发布", "乌镇", ["张熙锦"], date(2025, 11, 7), ("乌镇时间",)),
    ("news", "2025年“世界互联网大会杰出贡献奖”揭晓 4家浙江企业获奖", "乌镇", ["吴柯沁"], date(2025, 11, 7), ()),
    ("news", "浙江人工智能主题展亮相乌镇 前沿黑科技 智造大未来", "乌镇", ["王伊然"], date(2025, 11, 7), ()),
    ("caption", "大会开幕", None, [], None, ()),
    ("continuation", "谱写数智未来美好新篇", None, [], None, ("上接第一版",)),
]


@pytest.fixture(scope="module")
def seed_articles(seed_page):
    return split_articles(seed_page)


def test_articles_seed_has_six_articles_in_page_order(seed_articles):
    assert [a.index for a in seed_articles] == [1, 2, 3, 4, 5, 6]
    starts = [a.start for a in seed_articles]
    assert starts == sorted(starts)
    assert len({a.article_id for a in seed_articles}) == 6
    for before, after in zip(seed_articles, seed_articles[1:]):
        assert before.end <= after.start


@pytest.mark.parametrize(("n", "expected"), list(enumerate(SEED_ARTICLES)), ids=[e[1] for e in SEED_ARTICLES])
def test_articles_seed_article_kind_title_byline_and_sections(seed_articles, n, expected):
    kind, title, place, reporters, published, sections = expected
    article = seed_articles[n]
    assert article.kind == kind
    assert article.title_text == title
    assert (article.byline.place if article.byline else None) == place
    assert ([name for name, _, _ in article.byline.reporters] if article.byline else []) == reporters
    assert article.published == published
    assert article.sections == sections


def test_articles_seed_news_dates_come_from_the_page_year(seed_articles):
    # the bylines print "11月7日电" without a year: the year is read from the page's text
    news = [a for a in seed_articles if a.kind == "news"]
    assert {a.published for a in news} == {date(2025, 11, 7)}
    assert {a.date_source for a in news} == {"text"}
    assert {a.byline.month_day for a in news} == {(11, 7)}


def test_articles_seed_titles_are_printed_on_the_page(seed_page, seed_articles):
    for article in seed_articles:
        assert seed_page.text[article.title.start:article.title.end] == article.title_text


def test_articles_page_break_inside_a_word_is_repaired(seed_page, seed_articles):
    assert "互联\n\n网+" in seed_page.text
    editorial = seed_articles[0]
    body = [p.repaired for p in editorial.paragraphs]
    assert any("从“互联网+”到人工智能" in p for p in body)
    assert any("构建网络空间命运共同体这一理念" in p for p in body)
    assert all("\n" not in p for p in body)


def test_articles_displaced_headline_repair_does_not_double_a_character(seed_articles):
    body = "".join(p.repaired for p in seed_articles[5].paragraphs)
    assert "毕李深感责任重大。“一些深度伪造技术" in body


def test_articles_every_span_piece_is_page_text(seed_page, seed_articles):
    for article in seed_articles:
        for span in (article.title, *article.paragraphs):
            assert "".join(seed_page.text[a:b] for a, b in span.pieces) == span.repaired
            assert (span.start, span.end) == (span.pieces[0][0], span.pieces[-1][1])
            assert article.start <= span.start <= span.end <= article.end


def test_articles_reporter_offsets_point_at_the_names(seed_page, seed_articles):
    reporters = [r for a in seed_articles if a.byline for r in a.byline.reporters]
    assert [name for name, _, _ in reporters] == ["张熙锦", "吴柯沁", "王伊然"]
    for name, start, end in reporters:
        assert seed_page.text[start:end] == name


def test_articles_dateline_place_offsets_point_at_the_place(seed_page, seed_articles):
    for article in seed_articles:
        if article.byline and article.byline.place:
            a, b = article.byline.place_span
            assert seed_page.text[a:b] == article.byline.place


def test_articles_continuation_subheading_stays_in_the_story(seed_articles):
    continuation = seed_articles[5]
    body = "".join(p.repaired for p in continuation.paragraphs)
    assert "共享数字浪潮的发展机遇" not in [a.title_text for a in seed_articles]
    assert "韩歆毅" in body and "吴云坤" in body


# ----------------------------------------------------------------------------- synthetic pages

def _articles(write_file, text):
    return split_articles(read_page(write_file("page.txt", text)))


def test_articles_plain_file_is_one_article(write_file):
    text = ("数字经济大会在京举行\n\n"
            "本次大会吸引了来自全国各地的代表参加。会议讨论了数字经济发展的新趋势。\n\n"
            "与会者表示，将进一步加强合作。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "数字经济大会在京举行"
    assert [p.repaired for p in article.paragraphs] == [
        "本次大会吸引了来自全国各地的代表参加。会议讨论了数字经济发展的新趋势。", "与会者表示，将进一步加强合作。"]
    assert article.byline is None
    assert article.published is None and article.date_source is None
    assert article.article_id == "page/1"


@pytest.mark.parametrize(
    ("byline", "place", "reporters", "published", "date_source"),
    [
        ("新华社北京3月5日电(记者 张三、李四)", "北京", ["张三", "李四"], None, None),
        ("新华社北京3月5日电（记者 张三、李四）", "北京", ["张三", "李四"], None, None),
        ("本报杭州2024年9月1日电（记者 王五）", "杭州", ["王五"], date(2024, 9, 1), "byline"),
        ("本报乌镇 11月7日电 (记者 张熙锦)", "乌镇", ["张熙锦"], None, None),
        ("新京报贝壳财经讯（记者 韦嘉禾）", None, ["韦嘉禾"], None, None),
    ],
)
def test_articles_byline_variants(write_file, byline, place, reporters, published, date_source):
    text = f"人工智能治理论坛举行\n\n{byline}论坛5日举行。与会专家就人工智能安全展开讨论。\n"
    (article,) = _articles(write_file, text)
    page = read_page(write_file("page.txt", text))
    assert article.kind == "news"
    assert article.byline.place == place
    assert [name for name, _, _ in article.byline.reporters] == reporters
    for name, start, end in article.byline.reporters:
        assert page.text[start:end] == name
    assert article.published == published
    assert article.date_source == date_source
    assert [p.repaired for p in article.paragraphs] == ["论坛5日举行。与会专家就人工智能安全展开讨论。"]


@pytest.mark.parametrize(("line", "reporters"), [
    ("潮新闻客户端 记者 叶子航 通讯员 沈梦琪", ["叶子航", "沈梦琪"]),
    ("（记者 王五）", ["王五"]),
    ("光明日报记者　邵佳宁　陆新宇", ["邵佳宁", "陆新宇"]),
    ("21世纪经济报道记者 唐思远 乌镇报道", ["唐思远"]),
    ("香港01　撰文：何樂晴　出版：2026-04-14 18:32", ["何樂晴"]),
    ("每经记者：韩沐阳　每经编辑：孙若溪", ["韩沐阳"]),
    ("2026-11-09 22:15 經濟日報／ 記者江佩蓉／烏鎮報導", ["江佩蓉"]),
    ("中青报·中青网记者 周子墨", ["周子墨"]),
])
def test_articles_reporters_line_under_a_headline(write_file, line, reporters):
    text = f"领先科技成果发布\n\n{line}\n\n11月7日下午，发布活动在乌镇举行。15项成果获评。\n"
    (article,) = _articles(write_file, text)
    page = read_page(write_file("page.txt", text))
    assert article.title.repaired == "领先科技成果发布"
    assert [name for name, _, _ in article.byline.reporters] == reporters
    for name, start, end in article.byline.reporters:
        assert page.text[start:end] == name
    assert [p.repaired for p in article.paragraphs] == ["11月7日下午，发布活动在乌镇举行。15项成果获评。"]


def test_articles_hong_kong_bracket_byline_without_a_place(write_file):
    text = "亞太峰會揭幕\n\n【大公報訊】記者梁詠詩報道：峰會昨日在香港揭幕。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["梁詠詩"]
    assert [p.repaired for p in article.paragraphs] == ["峰會昨日在香港揭幕。"]


def test_articles_year_in_the_body_dates_a_byline_without_one(write_file):
    text = "论坛举行\n\n本报杭州9月1日电（记者 王五）2024年数字乡村论坛1日在杭州举行。会议总结了各地经验。\n"
    (article,) = _articles(write_file, text)
    assert (article.published, article.date_source) == (date(2024, 9, 1), "text")


@pytest.mark.parametrize("marker", ["(下转第二版)", "（下转第二版）", "(转第2版)"])
def test_articles_continued_on_marker_is_dropped(write_file, marker):
    text = ("数字乡村建设现场会召开\n\n"
            "本报杭州9月1日电（记者 王五）数字乡村建设现场会1日在杭州召开。会议总结了各地经验。\n\n"
            f"{marker}\n\n"
            "智慧农业展览开幕\n\n"
            "本报嘉兴9月1日电（记者 赵六）智慧农业展览1日在嘉兴开幕，吸引了众多农户前来参观。展览共设置三个展区。\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == ["数字乡村建设现场会召开", "智慧农业展览开幕"]
    for article in articles:
        assert all("转第" not in p.repaired for p in article.paragraphs)


def test_articles_subheading_inside_a_continuation_is_no_new_article(write_file):
    text = ("(上接第一版)\n\n"
            "会议还讨论了数据安全问题。与会者一致认为，要加强数据保护。\n\n"
            "加强国际合作\n\n"
            "各国代表表示，愿意在数字领域加强合作，共同应对挑战。\n")
    (article,) = _articles(write_file, text)
    assert article.kind == "continuation"
    assert article.sections == ("上接第一版",)
    assert [p.repaired for p in article.paragraphs] == [
        "会议还讨论了数据安全问题。与会者一致认为，要加强数据保护。", "各国代表表示，愿意在数字领域加强合作，共同应对挑战。"]


def test_articles_word_split_by_a_blank_line_is_joined(write_file):
    text = ("网络安全周开幕\n\n"
            "本报杭州9月1日电（记者 王五）本届网络安全周以“网络安全为人民，网络安全靠人民”为主题，从“互联\n\n"
            "网+”到人工智能，各类新技术新应用集中亮相。\n")
    page = read_page(write_file("page.txt", text))
    (article,) = split_articles(page)
    (paragraph,) = article.paragraphs
    assert "从“互联网+”到人工智能" in paragraph.repaired
    assert "".join(page.text[a:b] for a, b in paragraph.pieces) == paragraph.repaired


def test_articles_hong_kong_byline_with_reporters_in_parentheses(write_file):
    text = "港企亮相峰會\n\n【香港文匯報訊】（記者 葉嘉敏 浙江烏鎮報道）峰會昨日在烏鎮開幕。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["葉嘉敏"]
    assert article.byline.place == "烏鎮"
    assert [p.repaired for p in article.paragraphs] == ["峰會昨日在烏鎮開幕。"]


def test_articles_hong_kong_byline_with_the_outlet_unbracketed(write_file):
    text = "港創科代表團赴烏鎮\n\n香港文匯報訊（記者 梁晞彤 烏鎮報道）峰會昨日在浙江烏鎮開幕。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["梁晞彤"]
    assert article.byline.place == "烏鎮"
    assert [p.repaired for p in article.paragraphs] == ["峰會昨日在浙江烏鎮開幕。"]


def test_articles_a_two_character_name_spaced_out_on_the_reporters_line(write_file):
    text = "成果发布\n\n本报记者 江 澜　通讯员 何一舟\n\n11月9日，发布活动在浙江乌镇举行。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["江 澜", "何一舟"]


def test_articles_a_posted_reporter_signs_at_the_end_of_the_story(write_file):
    # an overseas paper's story: the dateline opens the body, the posted reporter signs at the end
    text = ("东南亚企业看好数字合作\n\n"
            "（乌镇讯）东南亚的数字经济合作成为多场论坛的讨论焦点。\n\n"
            "企业代表更关心落地，物流时效成为竞争关键。\n\n"
            "本报驻华记者 周思齐\n")
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["周思齐"]
    assert all("周思齐" not in p.repaired for p in article.paragraphs)


def test_articles_a_page_that_indents_its_paragraphs(write_file):
    # the header names an edition of the paper and the page's editor; indented lines are body text,
    # never a headline and never the rest of a line a page break cut; the compiler signs at the end
    text = ("人民日报海外版　2026年11月10日　星期二　第08版\n"
            "本版责编：任远航\n\n"
            "蓝皮书在乌镇发布\n\n"
            "本报乌镇11月9日电　（记者顾一帆）蓝皮书9日发布。\n"
            "　　报告显示，网民规模继续增长。\n\n"
            "杰出贡献奖获奖名单\n"
            "　　杰出个人\n"
            "　　林修远（中国科学院院士）\n"
            "　　先锋企业\n"
            "　　数字普惠类：科大讯飞　Gojek（印度尼西亚）\n"
            "　　前沿创新类：商汤科技\n"
            "　　（本报记者　顾一帆整理）\n")
    first, second = _articles(write_file, text)
    assert first.title_text == "蓝皮书在乌镇发布"
    assert second.title_text == "杰出贡献奖获奖名单" and not second.subtitles
    assert [p.repaired for p in second.paragraphs] == [
        "杰出个人", "林修远（中国科学院院士）", "先锋企业", "数字普惠类：科大讯飞\u3000Gojek（印度尼西亚）", "前沿创新类：商汤科技"]
    assert [name for name, _, _ in second.byline.reporters] == ["顾一帆"]


def test_articles_web_story_headline_reporters_and_time_stamp(write_file):
    # a site's story: a headline with a colon, the reporter's line, a time stamp, then the body
    text = ("专访｜某组织副秘书长：数字合作需要更多平台\n\n"
            "澎湃新闻记者 徐一苇\n\n"
            "2026-11-14 07:42 来源：澎湃新闻\n\n"
            "今年11月，该组织正式成为会员。\n")
    (article,) = _articles(write_file, text)
    assert article.title.repaired == "专访｜某组织副秘书长：数字合作需要更多平台"
    assert [name for name, _, _ in article.byline.reporters] == ["徐一苇"]
    assert [p.repaired for p in article.paragraphs] == ["2026-11-14 07:42 来源：澎湃新闻", "今年11月，该组织正式成为会员。"]


def test_articles_bracket_reporters_after_their_outlets(write_file):
    text = ("数字合作组织加入大会 外国专家：需要更多对话平台\n\n"
            "【环球时报记者 苗睿 环球时报驻沙特特约记者 陶然】世界互联网大会8日在浙江乌镇宣布新会员。\n")
    (article,) = _articles(write_file, text)
    assert article.title.repaired == "数字合作组织加入大会 外国专家：需要更多对话平台"
    assert [name for name, _, _ in article.byline.reporters] == ["苗睿", "陶然"]
    assert [p.repaired for p in article.paragraphs] == ["世界互联网大会8日在浙江乌镇宣布新会员。"]


def test_articles_two_reporters_without_a_place_in_a_bracket_byline(write_file):
    text = "亞太峰會揭幕\n\n【大公報訊】記者黎嘉欣、邵穎琳報道：峰會昨日在香港揭幕。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["黎嘉欣", "邵穎琳"]
    assert article.byline.place is None


def test_articles_the_lines_under_the_title_are_its_subtitles(write_file):
    text = "数据论坛在杭州举行\n\n《数据要素发展报告》同步发布\n\n本报杭州9月1日电（记者 王五）数据论坛1日在杭州举行。\n"
    (article,) = _articles(write_file, text)
    assert article.title_text == "数据论坛在杭州举行"
    assert [s.repaired for s in article.subtitles] == ["《数据要素发展报告》同步发布"]


def test_articles_a_page_dump_with_credits_folios_and_colon_headlines(write_file):
    text = ("今日桐乡\n\n2025年11月5日 星期三\n\n峰会特刊 第3版\n\n责任编辑：沈亦舟 版式：陆婧\n\n"
            "志愿者今起上岗\n\n记者 徐佳琪 通讯员 钱晓峰\n\n随着峰会临近，500名志愿者今天起陆续上岗。\n\n"
            "乌镇：智慧服务迎嘉宾\n\n记者 陈思远 通讯员 乌宣\n\n连日来，乌镇对景区周边进行了微改造。\n\n3\n\n"
            "数字工匠名单出炉\n\n◎本报记者 徐佳琪\n\n近日，评选结果公布，5人获评。\n")
    articles = _articles(write_file, text)
    stories = {a.title_text: [name for name, _, _ in a.byline.reporters] for a in articles if a.byline}
    assert stories == {"志愿者今起上岗": ["徐佳琪", "钱晓峰"], "乌镇：智慧服务迎嘉宾": ["陈思远"],  # 乌宣: a press office
                       "数字工匠名单出炉": ["徐佳琪"]}
    bodies = ["".join(p.repaired for p in a.paragraphs) for a in articles]
    assert not any(body.endswith("3") or body == "3" for body in bodies)  # the folio is no text


def test_articles_the_page_header_dates_stories_without_a_dateline(write_file):
    text = ("嘉兴日报\n2023年11月9日 星期四\n第5版 桐乡新闻\n\n大赛揭晓\n\n记者 钟若溪\n\n7日，大赛决赛在桐乡举行。\n\n"
            "志愿者上岗\n\n记者 顾晓棠\n\n8日，志愿者开始服务。\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == ["大赛揭晓", "志愿者上岗"]  # the header is no headline
    assert {(a.published, a.date_source) for a in articles} == {(date(2023, 11, 9), "text")}


def test_articles_a_header_on_one_line(write_file):
    text = ("嘉兴日报·桐乡新闻\u3000\u30002025年11月6日\u3000星期四\u3000\u3000第2版\n\n"
            "开幕在即 服务保障进入冲刺阶段\n\n本报讯（记者 钱嘉怡）峰会开幕在即。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "开幕在即 服务保障进入冲刺阶段"


def test_articles_the_page_header_names_its_section_and_editors(write_file):
    # 第3版：峰会特刊 and the page's editors belong to the header, not to the first story
    text = ("桐乡日报\n2026年11月8日 星期日\n第3版：峰会特刊\n责任编辑：沈一鸣　版式：周若兰\n\n"
            "峰会带来家门口的机遇\n\n本报讯（记者 钱嘉怡）峰会开幕，本土企业集中亮相。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "峰会带来家门口的机遇"
    assert not any("沈一鸣" in p.repaired for p in (article.title, *article.paragraphs))


def test_articles_a_site_names_its_writers_on_the_source_line(write_file):
    # a university site: where the page sits, the headline, then source | writers | date
    text = ("浙江大学新闻网　首页 > 求是新闻 > 综合新闻\n\n"
            "浙大团队成果获领先科技奖\n\n"
            "来源：计算机科学与技术学院　|　作者：林一舟　沈嘉禾　|　日期：2026-11-22　|　点击数：316\n\n"
            "11月20日，领先科技奖在浙江乌镇揭晓。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "浙大团队成果获领先科技奖"
    assert [name for name, _, _ in article.byline.reporters] == ["林一舟", "沈嘉禾"]


def test_articles_a_web_page_keeps_one_story_past_its_controls_and_closing_section(write_file):
    # a long headline over the time stamp, the page's controls, and a press release's closing section
    text = ("首页 > 科技 > 企业资讯 > 正文\n\n"
            "某通讯企业亮相2026年“互联网之光”博览会 多款算力与数据库产品集中展示\n\n"
            "2026-11-21 10:26:47　来源：某资讯网　　分享到：\n\n字号\n\n"
            "11月20日，博览会在浙江乌镇开幕，该企业集中展示了最新成果。\n\n"
            "关于该企业\n\n该企业成立于1985年，总部位于深圳。\n\n收藏\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "某通讯企业亮相2026年“互联网之光”博览会 多款算力与数据库产品集中展示"
    assert "该企业成立于1985年，总部位于深圳。" in [p.repaired for p in article.paragraphs]


def test_articles_an_outlet_flash_names_its_reporter_after_two_outlets(write_file):
    text = ("志愿者在峰会\n\n来源：中国青年网　2026-11-10 08:51:27\n\n"
            "中国青年报客户端讯（中青报·中青网记者 林一舟 通讯员 沈嘉禾）11月8日，峰会在浙江乌镇开幕。\n\n"
            "11月8日，志愿者在会展中心提供引导服务。中青报·中青网见习记者 周若兰/摄\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "志愿者在峰会"
    assert [name for name, _, _ in article.byline.reporters] == ["林一舟", "沈嘉禾"]


def test_articles_a_header_with_a_weekday_in_parentheses_and_a_reporter_marked_at_the_end(write_file):
    text = ("星島日報　2026年11月08日（星期日）　中國\n\n"
            "港企烏鎮秀AI實力\n\n（烏鎮綜合電）博覽會昨日迎來參觀高峰。\n\n"
            "■特派記者 伍一舟 烏鎮報道\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "港企烏鎮秀AI實力"
    assert [name for name, _, _ in article.byline.reporters] == ["伍一舟"]


def test_articles_a_page_of_briefs_each_opening_on_a_marker(write_file):
    # a column over the stories, a headlined story, then briefs opening on ■ with their reporter at the end
    text = ("人民日报 2026年11月09日 第 04 版\n\n乌镇峰会·快讯\n\n\n"
            "大会新增8家会员\n\n本报讯(记者 程一鸣)8日,大会宣布新增一批会员。\n\n"
            "■ 8日,两部蓝皮书在乌镇峰会上发布,由中国网络空间研究院编撰。(记者 王一帆)\n\n"
            "■ 博览会8日在乌镇开幕,500余家中外企业参展。(本报记者 周一航)\n")
    first, second, third = _articles(write_file, text)
    assert first.title_text == "大会新增8家会员" and first.sections == ("乌镇峰会·快讯",)
    assert [p.repaired for p in second.paragraphs] == ["8日,两部蓝皮书在乌镇峰会上发布,由中国网络空间研究院编撰。(记者 王一帆)"]
    assert [[name for name, _, _ in a.byline.reporters] for a in (first, second, third)] == [
        ["程一鸣"], ["王一帆"], ["周一航"]]


def test_articles_a_web_interview_with_its_stamp_and_writer_lines(write_file):
    text = ("专访某组织副秘书长孟一远：让数字红利惠及更多国家\n\n"
            "第一财经  2026-11-10 07:12:35  听新闻\n\n作者：钱一涵    责编：许一婧\n\n"
            "峰会日前在浙江乌镇落下帷幕。\n\n第一财经：会员有什么变化？\n\n孟：会员已覆盖六大洲。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "专访某组织副秘书长孟一远：让数字红利惠及更多国家"
    assert [name for name, _, _ in article.byline.reporters] == ["钱一涵"]


def test_articles_a_headline_ending_in_a_quotation_above_its_reporter(write_file):
    text = "专访巴西科技部副部长桑托斯：拉美需要更多“数字伙伴”\n\n澎湃新闻记者 林湛 发自巴西圣保罗\n\n9月24日，论坛在圣保罗开幕。\n"
    (article,) = _articles(write_file, text)
    assert article.title_text == "专访巴西科技部副部长桑托斯：拉美需要更多“数字伙伴”"
    assert [name for name, _, _ in article.byline.reporters] == ["林湛"]


def test_articles_a_caption_closing_on_its_photographer_keeps_the_next_headline(write_file):
    text = ("“互联网之光”博览会开幕\n\n本报讯（记者 沈一帆）9日，博览会在乌镇开幕。\n\n沉浸体验\n\n"
            "9日，观众在博览会吉利汽车展台体验智能座舱。　记者 姚逸舟 摄\n\n"
            "乡村数字经济论坛在桐乡举行\n\n本报讯（记者 何雨辰）9日，乡村数字经济论坛在桐乡市濮院镇举行。\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == [
        "“互联网之光”博览会开幕", "沉浸体验", "乡村数字经济论坛在桐乡举行"]
    assert articles[1].paragraphs[-1].repaired.endswith("摄")



def test_articles_a_dateline_with_消息(write_file):
    (article,) = _articles(write_file, "论坛举行\n\n央广网乌镇11月10日消息(记者 韩亦舒)11月10日,论坛在浙江乌镇举行。\n")
    assert article.byline is not None and article.byline.place == "乌镇"


def test_articles_macao_bracket_byline_with_the_day_in_chinese_numerals(write_file):
    text = "澳門代表團赴會\n\n【本報烏鎮八日電】記者陳曉彤、李家明報道：峰會八日在烏鎮開幕。\n"
    (article,) = _articles(write_file, text)
    assert article.byline.place == "烏鎮"
    assert article.byline.month_day == (0, 8)
    assert [name for name, _, _ in article.byline.reporters] == ["陳曉彤", "李家明"]
    assert [p.repaired for p in article.paragraphs] == ["峰會八日在烏鎮開幕。"]


def test_articles_a_broadcast_script_signs_off_with_its_reporters(write_file):
    text = ("博览会开幕 新技术集中亮相\n来源：浙江卫视　2023-11-08 19:42\n主持人：林晓雯\n\n"
            "【导语】\n今天，博览会在乌镇开幕。\n\n【正文】\n走进展馆，大模型成了高频词。\n\n"
            "记者：郑一鸣　吴佳怡\n编辑：孙雨\n")
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["郑一鸣", "吴佳怡"]


def test_articles_an_interview_question_is_no_reporters_line(write_file):
    text = "专访\n\n本报记者 王明\n\n记者：峰会给企业带来了什么？\n\n答：更多的合作机会。\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["王明"]


def test_articles_a_feature_with_a_subtitle_and_numbered_parts_is_one_story(write_file):
    text = ("从乌镇出发，让机器更懂人\n——记两位青年工程师\n\n本报记者　周明　通讯员　钱林\n\n"
            "11月7日，大会在乌镇开幕。\n\n一、教机器人站稳的人\n\n他在测试场里盯着屏幕。\n\n"
            "二、给人一双新手\n\n她的团队研发仿生手。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "从乌镇出发，让机器更懂人"
    assert [s.repaired for s in article.subtitles] == ["——记两位青年工程师"]
    assert [name for name, _, _ in article.byline.reporters] == ["周明", "钱林"]
    assert "她的团队研发仿生手。" in [p.repaired for p in article.paragraphs]


def test_articles_a_post_numbering_what_it_shows_is_one_story(write_file):
    text = ("博览会上这些展品太酷了\n\n11月7日，博览会开幕。\n\n1. 宇树科技\n人形机器人现场打拳。\n\n"
            "2. 云深处科技\n四足机器人爬上楼梯。\n")
    (article,) = _articles(write_file, text)
    assert "2. 云深处科技" in [p.repaired for p in article.paragraphs]


def test_articles_a_wechat_post_opens_on_its_account_and_closes_on_its_source(write_file):
    text = ("“六小龙”集体亮相！博览会上，这些展品太酷了\n\n原创 小桐 桐乡发布\n2025年11月07日 20:16 浙江\n\n"
            "11月7日，博览会开幕。\n\n小编带你逛一逛👇\n\n1. 宇树科技\n人形机器人现场打拳。\n\n"
            "感兴趣的小伙伴抓紧时间啦～\n\n来源：桐乡市融媒体中心　记者　沈佳琪　陆逸凡\n编辑：钱晓蕾\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "“六小龙”集体亮相！博览会上，这些展品太酷了"
    assert article.paragraphs[0].repaired == "11月7日，博览会开幕。"
    assert [name for name, _, _ in article.byline.reporters] == ["沈佳琪", "陆逸凡"]


def test_articles_a_subheading_inside_a_dated_story_is_no_story(write_file):
    text = ("澳門代表團赴會\n\n【本報烏鎮八日電】記者陳曉彤報道：峰會八日在烏鎮開幕。\n\n兩部藍皮書同日發布\n\n"
            "峰會當日發布兩部藍皮書。\n\n澳大學者分享經驗\n\n澳門大學教授在論壇上發言。\n")
    (article,) = _articles(write_file, text)
    assert "兩部藍皮書同日發布" in [p.repaired for p in article.paragraphs]


def test_articles_a_headline_with_its_own_credit_after_a_dated_story_is_a_story(write_file):
    text = ("澳門代表團赴會\n\n【本報烏鎮八日電】記者陳曉彤報道：峰會八日在烏鎮開幕。\n\n論壇舉行\n\n"
            "論壇在桐鄉舉行。（本報記者 何雨辰）\n")
    assert [a.title_text for a in _articles(write_file, text)] == ["澳門代表團赴會", "論壇舉行"]


def test_articles_a_notice_with_a_table_and_a_signature_is_one_story(write_file):
    text = ("关于公布2024年领先科技奖获奖成果名单的公告\n\n为表彰创新成果，现将获奖成果名单予以公布。\n\n"
            "序号　成果名称　　　　　完成单位\n1　通义千问大模型　　　阿里云计算有限公司\n"
            "2　香山开源高性能RISC-V处理器　　中国科学院计算技术研究所、北京开源芯片研究院\n3　宇树G1人形机器人　　杭州宇树科技有限公司\n\n"
            "联系人：冉思远　联系电话：010-6521××××\n\n特此公告。\n\n世界互联网大会秘书处\n2024年11月22日\n")
    (article,) = _articles(write_file, text)
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "3　宇树G1人形机器人　　杭州宇树科技有限公司" in paragraphs
    assert paragraphs[-2:] == ["世界互联网大会秘书处", "2024年11月22日"]


def test_articles_a_press_release_dateline_and_its_label(write_file):
    text = ("新闻稿\n\n中兴通讯荣获杰出贡献奖 全栈智算方案亮相乌镇峰会\n\n【2025年11月7日，中国·乌镇】峰会今日在乌镇开幕。\n\n"
            "业绩稳健　研发投入持续加码\n\n公司研发投入超过180亿元。\n\n全栈智算产品集中亮相\n\n公司展示了多款产品。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "中兴通讯荣获杰出贡献奖 全栈智算方案亮相乌镇峰会"
    assert article.byline.place == "乌镇" and article.published == date(2025, 11, 7)
    assert "公司研发投入超过180亿元。" in [p.repaired for p in article.paragraphs]


def test_articles_a_university_site_item_credits_its_writer(write_file):
    text = ("杭州电子科技大学新闻网\n首页 > 学术动态 > 正文\n\n我校学者亮相乌镇峰会\n\n"
            "发布者：宣传部　　来源：网络空间安全学院　　发布时间：2024-11-22 16:35　　点击数：2186\n\n"
            "文/林思彤　图/孔德民\n\n11月21日，论坛在乌镇举行。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "我校学者亮相乌镇峰会"
    assert [name for name, _, _ in article.byline.reporters] == ["林思彤"]
    assert [p.repaired for p in article.paragraphs] == ["11月21日，论坛在乌镇举行。"]


def test_articles_one_short_headline_after_a_dated_story_is_a_story_of_its_own(write_file):
    text = ("数字经济论坛举行\n\n本报乌镇11月9日电（记者 王五）数字经济论坛9日在乌镇举行。\n\n志愿者服务峰会\n\n"
            "300名志愿者在各个场馆提供服务。\n")
    assert [a.title_text for a in _articles(write_file, text)] == ["数字经济论坛举行", "志愿者服务峰会"]


def test_articles_a_foreign_paper_web_report_with_stamps_a_correspondent_and_related_links(write_file):
    text = ("联合早报\n首页 > 中国 > 中国即时\n\n新加坡部长：数码信任须靠跨境合作共建\n\n"
            "发布 / 2025年11月8日 18:36\n更新 / 2025年11月8日 22:04\n\n早报特派员 甘昱岑 乌镇报道\n\n"
            "新加坡数码发展及新闻部高级政务部长司徒敬衡说，新技术没有国界，数码信任必须靠跨境合作来共建。\n\n"
            "他说，本地企业需要清晰、可预期的规则，才有信心把服务带出狮城。\n\n"
            "相关新闻\n世界互联网大会乌镇峰会开幕\n东盟数码部长会议通过《东盟人工智能治理与伦理指南》\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "新加坡部长：数码信任须靠跨境合作共建"
    assert [name for name, _, _ in article.byline.reporters] == ["甘昱岑"]
    assert [p.repaired for p in article.paragraphs][-1] == "他说，本地企业需要清晰、可预期的规则，才有信心把服务带出狮城。"


def test_articles_briefs_under_their_own_marked_headlines(write_file):
    text = ("浙江日报\n2024年11月22日　星期五\n\n乌镇峰会·要闻简报\n\n"
            "■ 两部互联网发展蓝皮书在乌镇发布\n20日，中国网络空间研究院在峰会上发布两部蓝皮书，蓝皮书显示数字经济规模稳居世界第二。"
            "（本报记者 濮文昕　通讯员 阚立群）\n\n"
            "■ 副省长会见巴基斯坦代表团\n21日，副省长芮思远在乌镇会见巴基斯坦信息技术和电信部代表团一行，双方交换意见。\n")
    first, second = _articles(write_file, text)
    assert [first.title_text, second.title_text] == ["两部互联网发展蓝皮书在乌镇发布", "副省长会见巴基斯坦代表团"]
    assert first.kind == second.kind == "news"  # short briefs, not photo captions
    assert [name for name, _, _ in first.byline.reporters][:1] == ["濮文昕"]


def test_articles_microblog_posts_each_a_story_under_its_bracketed_headline(write_file):
    text = ("世界互联网大会V\n23-11-8 09:41 来自 微博网页版\n"
            "【2023年世界互联网大会乌镇峰会开幕】#乌镇峰会# 11月8日上午，峰会在浙江乌镇开幕。@网信中国\n"
            "转发 862    评论 197    赞 3415\n\n"
            "新华社V\n23-11-8 11:26 来自 微博视频号\n"
            "【两部互联网发展蓝皮书在乌镇发布】8日，两部蓝皮书在峰会上发布。（记者季远帆、邢若岚）L新华社的微博视频\n"
            "转发 455    评论 96    赞 1877\n")
    first, second = _articles(write_file, text)
    assert [first.title_text, second.title_text] == ["2023年世界互联网大会乌镇峰会开幕", "两部互联网发展蓝皮书在乌镇发布"]
    assert [name for name, _, _ in second.byline.reporters] == ["季远帆", "邢若岚"]
    assert not any("转发" in p.repaired or "来自" in p.repaired for a in (first, second) for p in a.paragraphs)


def test_articles_a_caption_credit_written_together(write_file):
    text = "香港館人頭湧湧\n\n香港館昨日吸引不少參觀者，工作人員向觀眾介紹港產服務機械人。（記者湛浩賢攝）\n"
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["湛浩賢"]


def test_articles_a_press_conference_lists_its_officials_and_a_bio_page_its_speakers(write_file):
    text = ("新闻发布会文字实录\n\n时间：2024年11月12日上午10:00　　地点：杭州\n\n"
            "主持人：浙江省人民政府新闻办公室副主任 骆一苇\n发布人：国家互联网信息办公室国际合作局副局长 闵思远\n\n"
            "冼立民：\n本届峰会由世界互联网大会和浙江省人民政府共同主办。\n\n"
            "沈以宁\n现任中国科学院信息工程研究所研究员，兼任中国网络空间安全协会常务理事。\n\n"
            "符晓芃\n现任清华大学网络科学与网络空间研究院教授。\n")
    (article,) = _articles(write_file, text)  # the officials and the speakers' names head no story of their own
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "发布人：国家互联网信息办公室国际合作局副局长 闵思远" in paragraphs
    assert "沈以宁" in paragraphs and "符晓芃" in paragraphs


def test_articles_a_wechat_post_under_its_account_with_captions_and_app_controls(write_file):
    text = ("网信嘉兴\n乌镇峰会首日丨两本蓝皮书发布\n原创 沈知秋 网信嘉兴 2024-11-21 08:30 浙江\n点击蓝字 关注我们\n\n"
            "11月20日，峰会在乌镇开幕。\n\n[图片]\n▲蓝皮书新闻发布会现场\n\n"
            "02 博览会：新品扎堆\n\n同日，博览会开幕，580余家企业参展。\n\n阅读原文\n分享 收藏 点赞 在看\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "乌镇峰会首日丨两本蓝皮书发布"  # not the account's name over it
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "蓝皮书新闻发布会现场" in paragraphs  # the caption under the picture stays in the story
    assert not any(re.search(r"图片|点击蓝字|在看|阅读原文", p) for p in paragraphs)


@pytest.mark.parametrize(
    ("text", "place", "reporters"),
    [
        pytest.param("出席乌镇峰会 副秘书长：盼中企扩大投资\n\n2024年11月21日 20:18\n报道：温若琳\n\n"
                     "（乌镇21日讯）马来西亚代表团出席峰会。\n", "乌镇", ["温若琳"], id="malaysian-daily-web-report"),
        pytest.param("以数字合作汇聚网络空间治理新动能\n\n□ 顾清言\n\n11月9日至11日，峰会在乌镇举行。\n\n"
                     "（作者系某大学教授）\n", None, ["顾清言"], id="commentary-author-under-a-square"),
    ],
)
def test_articles_writer_lines_and_a_parenthesised_day_dateline(write_file, text, place, reporters):
    (article,) = _articles(write_file, text)
    assert article.byline.place == place
    assert [name for name, _, _ in article.byline.reporters] == reporters
    assert not article.paragraphs[0].repaired.startswith(("报道", "□", "（乌镇"))


def test_articles_a_programme_keeps_its_slots_and_speakers_as_lines(write_file):
    text = ("2023年世界互联网大会乌镇峰会\n\n人工智能赋能产业发展论坛\n\n时间：2023年11月9日（星期四）14:00-17:30\n"
            "主办单位：世界互联网大会　承办单位：中国信息通信研究院\n\n14:00-14:10　开幕致辞\n"
            "致辞嘉宾：贺兰舟　世界互联网大会副秘书长\n\n14:10-14:20　嘉宾致辞\n"
            "致辞嘉宾：马茨·林德奎斯特（Mats Lindqvist）　国际电信联盟（ITU）\n高级顾问\n\n"
            "14:20-14:40　主旨演讲：《大模型走进生产线》\n庞学谦　中国信息通信研究院副院长\n")
    (article,) = _articles(write_file, text)  # no slot or speaker heads a story of its own
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "14:00-14:10　开幕致辞" in paragraphs and "庞学谦　中国信息通信研究院副院长" in paragraphs
    assert "致辞嘉宾：马茨·林德奎斯特（Mats Lindqvist）　国际电信联盟（ITU）高级顾问" in paragraphs  # the post below joined


def test_articles_a_radio_lead_hands_over_to_its_reporter(write_file):
    text = ("两部蓝皮书在乌镇峰会发布\n\n【导语】20日，两部蓝皮书在峰会上发布。记者殷若川报道。\n\n"
            "蓝皮书显示，网民规模接近11亿。\n")
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["殷若川"]


def test_articles_an_overseas_papers_reporter_and_place_in_brackets(write_file):
    text = ("乌镇峰会上的“欧洲面孔”\n\n（欧洲时报记者 罗芷汀 乌镇报道）10月20日，第六届世界互联网大会在乌镇开幕。\n")
    (article,) = _articles(write_file, text)
    assert article.byline.place == "乌镇"
    assert [name for name, _, _ in article.byline.reporters] == ["罗芷汀"]
    assert article.paragraphs[0].repaired.startswith("10月20日")


def test_articles_a_short_video_page_keeps_its_description_and_reporters(write_file):
    text = ("直击乌镇｜互联网之光博览会开展\n新华社\n新华社官方账号\n+关注\n2.3万\n1846\n分享\n发布时间：2024-11-20 19:46\n"
            "IP属地：北京\n\n11月20日，互联网之光博览会在乌镇启幕，580余家企业参展。\n#乌镇峰会 #世界互联网大会\n"
            "记者：戚晓岚 骆一鸣\n\n热门评论\n江南小满：这次居然能后空翻了\n")
    articles = _articles(write_file, text)
    story = next(a for a in articles if any("580余家" in p.repaired for p in a.paragraphs))
    assert [name for name, _, _ in story.byline.reporters] == ["戚晓岚", "骆一鸣"]
    assert not any(a.title_text in ("1846", "新华社官方账号", "+关注") for a in articles)


def test_articles_a_pdf_column_line_that_runs_on_is_no_headline(write_file):
    # fixed-width lines with no blank line between: the middle line continues the sentence
    text = ("政府工作报告\n\n——2025年1月10日在桐乡市第十七届人民代表大会第五次会议上\n\n市长　阙明远\n\n"
            "各位代表：\n（一）全力服务保障乌镇峰会。峰会期间签约数字经济项目41个、总投资326亿元。中国网络空\n"
            "间研究院在峰会上发布的《中国互联网发展报告2024》将乌\n"
            "镇列为县域数字化发展典型案例。\n")
    (article,) = _articles(write_file, text)
    body = "".join(p.repaired for p in article.paragraphs)
    assert "中国网络空间研究院在峰会上发布的《中国互联网发展报告2024》将乌镇列为县域数字化发展典型案例。" in body


def test_articles_a_chronicle_keeps_its_dated_entries_in_one_story(write_file):
    text = ("首页 > 新闻中心 > 嘉兴新闻 > 正文\n\n乌镇峰会这一年｜2024年大事记\n\n"
            "2024-12-30 09:12　来源：嘉兴日报　作者：冼若琳\n\n本报梳理全年要事，与读者一同回顾。\n\n1月\n\n"
            "世界互联网大会秘书处在北京发布年度工作要点。\n\n11月20日\n\n2024年世界互联网大会乌镇峰会在浙江桐乡乌镇开幕。\n\n"
            "（冼若琳 整理）\n\n责任编辑：闵婕\n\n分享到：微信　微博　QQ空间\n")
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["冼若琳"]
    assert any("秘书处在北京" in p.repaired for p in article.paragraphs)
    assert not any("分享到" in p.repaired for p in article.paragraphs)


def test_articles_a_company_site_item_without_its_links_and_copyright(write_file):
    text = ("首页 > 新闻中心 > 公司动态\n新华三亮相2023年世界互联网大会乌镇峰会\n"
            "发布时间：2023-11-09　来源：品牌部　浏览次数：1203\n"
            "11月8日至10日，2023年世界互联网大会乌镇峰会在浙江乌镇举行。新华三集团携AIGC全栈能力亮相。\n"
            "分享到：微信　微博　QQ空间\n上一篇：新华三亮相2023中国国际服务贸易交易会\n下一篇：新华三集团举办2023合作伙伴大会\n"
            "Copyright © 2023 新华三技术有限公司 版权所有　浙ICP备09064986号\n")
    articles = _articles(write_file, text)
    body = "".join(p.repaired for a in articles for p in a.paragraphs)
    assert "新华三集团携AIGC全栈能力亮相" in body
    assert "上一篇" not in body and "服务贸易交易会" not in body and "版权所有" not in body


def test_articles_a_tv_script_keeps_its_captions_and_credits_its_reporters(write_file):
    text = ("【浙江新闻联播】峰会开幕\n【导语】\n本台消息，今天上午，2023年世界互联网大会乌镇峰会在桐乡乌镇开幕。\n【同期声】\n"
            "（同期声）马库斯·霍夫曼（Markus Hoffmann） 西门子（中国）有限公司副总裁\n"
            "中国的数字化市场让我们非常兴奋，我们已经连续五年来乌镇参展了。\n（记者 骆一帆 蒋珂 报道）\n")
    (article,) = _articles(write_file, text)
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "（同期声）马库斯·霍夫曼（Markus Hoffmann） 西门子（中国）有限公司副总裁" in paragraphs
    assert [name for name, _, _ in article.byline.reporters] == ["骆一帆", "蒋珂"]


def test_articles_an_exhibitor_guide_keeps_its_fields_and_drops_its_running_footer(write_file):
    text = ("2025年互联网之光博览会展商名录\n\n1号馆　人工智能馆\n阿里巴巴集团\n展位号：1-A05\n"
            "阿里巴巴集团（Alibaba Group）以“AI驱动的数字生活”为主题参展，重点展示夸克AI眼镜。\n"
            "互联网之光博览会组委会办公室 编印　　　　　　第 1 页 / 共 36 页\n")
    articles = _articles(write_file, text)
    paragraphs = [p.repaired for a in articles for p in a.paragraphs]
    assert "展位号：1-A05" in paragraphs
    assert not any("编印" in p for p in paragraphs)


def test_articles_a_forum_thread_keeps_what_the_posters_wrote(write_file):
    text = ("乌镇吧\n关注：12.6万　帖子：87.3万　签到排名：今日本吧第2086个签到\n\n"
            "【实拍】乌镇峰会博览会逛了一整天\n只看楼主　收藏　回复\n\n楼主　枕水人家_　2025-11-08 21:36\n"
            "今年博览会还是在乌镇互联网国际会展中心，机器人是真的多。\n来自Android客户端\n\n"
            "2楼　南湖一号船　2025-11-08 21:41\n回复 楼主 枕水人家_：我也去了。\n\n"
            "3楼　老K不打牌　2025-11-08 22:10\n回复 2楼 南湖一号船：现场不卖，工作人员说起售价9.9万。\n来自iPhone客户端\n\n"
            "发表回复\n贴吧热议榜\n")
    articles = _articles(write_file, text)
    paragraphs = [p.repaired for a in articles for p in a.paragraphs]
    assert "现场不卖，工作人员说起售价9.9万。" in paragraphs  # the floor it quotes is no part of the reply
    assert not any("南湖一号船" in p or "客户端" in p or "楼主" in p or "热议榜" in p for p in paragraphs)


def test_articles_a_booklet_drops_its_running_header_and_page_numbers(write_file):
    header = "2024年世界互联网大会杰出贡献奖 · 颁奖词"
    text = (f"{header}\n费舜卿\n清华大学网络科学与网络空间研究院教授\n他是下一代互联网的铺路人。\n— 3 —\n\n"
            f"{header}\n华为技术有限公司\n先锋企业 · 社会贡献类\n他们把基站架上喜马拉雅的雪线。\n— 4 —\n\n"
            f"{header}\n科大讯飞股份有限公司\n先锋企业 · 创新突破类\n他们让机器听懂方言。\n— 5 —\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == ["费舜卿", "华为技术有限公司", "科大讯飞股份有限公司"]
    assert [s.repaired for s in articles[0].subtitles] == ["清华大学网络科学与网络空间研究院教授"]
    assert not any("—" in p.repaired for a in articles for p in a.paragraphs)


def test_articles_a_heading_that_closes_on_a_names_latin_form_heads_its_page(write_file):
    header = "2024年世界互联网大会杰出贡献奖 · 颁奖词"
    text = (f"{header}\n前言\n本奖表彰为全球互联网发展作出突出贡献的个人和企业。\n— 1 —\n\n"
            f"{header}\n阿依莎·巴洛贡（Aisha Balogun）\n尼日利亚国家信息技术发展署高级顾问\n她把“连接”写进西非的乡村。\n— 2 —\n\n"
            f"{header}\n费舜卿\n清华大学网络科学与网络空间研究院教授\n他是下一代互联网的铺路人。\n— 3 —\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == ["前言", "阿依莎·巴洛贡（Aisha Balogun）", "费舜卿"]
    assert [s.repaired for s in articles[1].subtitles] == ["尼日利亚国家信息技术发展署高级顾问"]


def test_articles_a_forms_fields_and_a_qa_pages_askers_stand_apart(write_file):
    text = ("中标（成交）结果公告\n\n三、采购结果\n采购人：桐乡市乌镇镇人民政府\n采购代理机构：浙江求是招标代理有限公司\n"
            "采购方式：公开招标\n\n投资者提问：\n公司有高管在论坛上发言吗？\n提问者：钱塘夜航船　　提问时间：2024-11-23 14:22\n"
            "公司回答：\n您好！公司高级副总裁出席论坛并作主旨演讲。\n回复时间：2024-11-27 10:18\n")
    (article,) = _articles(write_file, text)
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "采购人：桐乡市乌镇镇人民政府" in paragraphs and "采购代理机构：浙江求是招标代理有限公司" in paragraphs
    assert not any("钱塘夜航船" in p or "回复时间" in p for p in paragraphs)


def test_articles_a_disclosure_pages_record_and_a_sites_author_line(write_file):
    text = ("乌镇镇人民政府2024年工作总结\n\n索引号：002590127/2025-00318\n发布机构：乌镇镇人民政府\n生成日期：2025-01-16\n"
            "组配分类：计划总结\n\n　　2024年，乌镇镇统筹推进数字经济发展。\n")
    (article,) = _articles(write_file, text)
    assert [p.repaired for p in article.paragraphs] == ["2024年，乌镇镇统筹推进数字经济发展。"]
    text = ("我校学子获一等奖\n\n作者：郦晓芸　审核：鲍文涛　发布时间：2021-09-29 16:42:07　点击数：[1367]\n\n"
            "9月26日，大赛总决赛在乌镇举行。\n")
    (article,) = _articles(write_file, text)
    assert [name for name, _, _ in article.byline.reporters] == ["郦晓芸"]


def test_articles_a_sites_list_of_stories_gives_each_its_headline(write_file):
    text = ("要闻\n\n· 2023年世界互联网大会乌镇峰会闭幕\n2023-11-10 18:26\n为期三天的峰会10日下午在乌镇闭幕。\n\n"
            "· 数字丝路发展论坛举行 共商“数字丝绸之路”建设\n2023-11-09 17:48\n世界互联网大会副秘书长聂珩在论坛上致辞。\n\n"
            "上一页 1 2 3 下一页\n")
    articles = _articles(write_file, text)
    assert [a.title_text for a in articles] == ["2023年世界互联网大会乌镇峰会闭幕", "数字丝路发展论坛举行 共商“数字丝绸之路”建设"]
    assert not any("下一页" in p.repaired for a in articles for p in a.paragraphs)


def test_articles_a_video_posts_sign_off_and_its_comments_tails(write_file):
    text = ("乌镇峰会“黑科技”抢先看！\n\n【口播】\n观众朋友们，我现在是在乌镇互联网国际会展中心。\n\n"
            "记者：钮晓玥 费子骞  编辑：卜佳音\n\n全部评论 863\n禾城小柚子\n云深处是杭州的吧？\n"
            "11-05 · IP属地：浙江 · 赞 412 · 回复\n")
    articles = _articles(write_file, text)
    assert [r for a in articles if a.byline for r, _, _ in a.byline.reporters] == ["钮晓玥", "费子骞"]
    assert not any("IP属地" in p.repaired for a in articles for p in a.paragraphs)


def test_articles_a_programmes_post_then_name_lines_and_a_name_the_layout_broke(write_file):
    text = ("14:30—15:30 主旨演讲\n联合国贸易和发展会议（UNCTAD）技术和物流司高级经济事务官 卡琳\n娜·莫拉莱斯（Karina Morales）\n"
            "对话嘉宾：义乌中国小商品城控股有限责任公司副总经理 邵嘉禾\nLazada集团副总裁 陈珮琪（Tan Pei Qi）\n")
    paragraphs = [p.repaired for a in _articles(write_file, text) for p in a.paragraphs]
    assert "联合国贸易和发展会议（UNCTAD）技术和物流司高级经济事务官 卡琳娜·莫拉莱斯（Karina Morales）" in paragraphs
    assert "对话嘉宾：义乌中国小商品城控股有限责任公司副总经理 邵嘉禾" in paragraphs
    assert "Lazada集团副总裁 陈珮琪（Tan Pei Qi）" in paragraphs


def test_articles_a_flash_closes_on_its_outlets_reporter(write_file):
    text = ("财联社电报\n\n16:32:40\n财联社11月20日电，海康威视副总裁苏沛然在乌镇峰会间隙表示，观澜大模型已落地超百个项目。"
            "（财联社记者 黎曼青）\n")
    articles = _articles(write_file, text)
    assert [r for a in articles if a.byline for r, _, _ in a.byline.reporters] == ["黎曼青"]


def test_articles_a_headline_may_close_on_a_note_in_parentheses(write_file):
    text = ("創新科技及工業局局長在論壇致辭（只有中文）\n＊＊＊＊＊＊＊＊＊＊\n\n"
            "　　以下是創新科技及工業局局長今日在浙江烏鎮出席論壇的致辭：\n\n　　大家好！很高興再次來到烏鎮。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "創新科技及工業局局長在論壇致辭（只有中文）"


def test_articles_a_report_pages_english_title_and_fields_head_no_story(write_file):
    # the English form under the Chinese title, and a field over the 发布时间： line, are the page's
    # furniture of fields, not headlines of stories of their own
    text = ("《全球数字经济白皮书2024》\nGlobal Digital Economy White Paper 2024\n\n"
            "编写单位：中国信息通信研究院\n出版单位：人民邮电出版社\n发布时间：2024年11月21日\n\n"
            "全球数字经济规模持续扩大。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text is None or "《" in article.title_text
    paragraphs = [p.repaired for p in article.paragraphs]
    assert "出版单位：人民邮电出版社" in paragraphs
    assert not any(h.repaired.startswith("Global") for h in article.headlines)


def test_articles_a_page_headers_section_and_credits_set_apart_by_spaces(write_file):
    text = ("经济日报\n2024年11月21日 星期四\n3\n要闻\n责任编辑 祁思衡\n美术编辑 褚一鸣\n\n"
            "2024年世界互联网大会乌镇峰会开幕\n本报乌镇11月20日讯 （记者 柯明远） 20日，峰会在乌镇开幕。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "2024年世界互联网大会乌镇峰会开幕"
    assert not any("编辑" in p.repaired or p.repaired == "要闻" for p in article.paragraphs + article.headlines)


@pytest.mark.parametrize("text", ["本报乌镇11月8日专电 （记者 缪思远） 8日，峰会在乌镇开幕。\n",
                                  "本報烏鎮11月8日專電 （記者 繆思遠） 8日，峰會在烏鎮開幕。\n"])
def test_articles_a_special_dispatchs_dateline_names_its_reporter(write_file, text):
    (article,) = _articles(write_file, text)
    assert article.byline is not None and article.byline.place in ("乌镇", "烏鎮")
    assert [r for r, _, _ in article.byline.reporters] in (["缪思远"], ["繆思遠"])
    assert article.byline.month_day == (11, 8)
    assert article.paragraphs[0].repaired.startswith("8日")


def test_articles_an_all_media_reporter_under_the_headline_and_after_a_sidebar(write_file):
    text = ("川企组团亮相乌镇\n\n四川日报全媒体记者 晏楚涵\n\n11月20日，峰会在乌镇开幕，四川代表团参展。\n\n"
            "链接\n\n“天府通办”\n　　“天府通办”是四川省一体化政务服务平台。\n（四川日报全媒体记者 汤沐晴）\n")
    articles = _articles(write_file, text)
    reporters = [[r for r, _, _ in a.byline.reporters] for a in articles if a.byline is not None]
    assert ["晏楚涵"] in reporters and ["汤沐晴"] in reporters
    assert articles[0].title_text == "川企组团亮相乌镇"


def test_articles_a_sites_time_line_between_the_headline_and_the_credit(write_file):
    text = ("聯合新聞網 > 兩岸 > 兩岸要聞\n\n烏鎮峰會登場 台企高層：兩岸供應鏈仍有合作空間\n\n2023-11-08 18:26\n"
            "聯合報／記者柯昱廷／即時報導\n\n2023年世界互聯網大會烏鎮峰會今天在浙江烏鎮開幕。\n")
    (article,) = _articles(write_file, text)
    assert article.title_text == "烏鎮峰會登場 台企高層：兩岸供應鏈仍有合作空間"
    assert [r for r, _, _ in article.byline.reporters] == ["柯昱廷"]
