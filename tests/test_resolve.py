"""kg/extract/resolve.py: mentions -> entities; every link records why it was made."""

import pytest

from kg.graph.vocab import ENTITY_TYPES


def _links(corpus, text):
    return [(m, key, why) for m, (key, why) in corpus.resolution.links.items() if m.text == text]


@pytest.mark.parametrize("surface", ["乌镇峰会", "世界互联网大会乌镇峰会", "2025年世界互联网大会乌镇峰会"])
def test_resolve_summit_short_forms_join_the_edition(seed_corpus, entity_named, surface):
    summit = entity_named("2025年世界互联网大会乌镇峰会")
    assert summit.type == "Event"
    links = _links(seed_corpus, surface)
    assert links, f"{surface} is mentioned on the page"
    for m, key, why in links:
        if m.nested:
            continue
        assert key == summit.key, (m, why)
        assert why
    assert surface == summit.name or surface in summit.aliases


def test_resolve_summit_short_form_reasons_say_why(seed_corpus):
    reasons = {text: {why for _, _, why in _links(seed_corpus, text)}
               for text in ("乌镇峰会", "世界互联网大会乌镇峰会")}
    assert reasons["乌镇峰会"] == {"short form of 2025年世界互联网大会乌镇峰会"}
    assert reasons["世界互联网大会乌镇峰会"] == {"the same name without its year"}


def test_resolve_parenthesised_alias_joins_its_owner(seed_corpus, entity_named):
    owner = entity_named("阿联酋迪拜国际自由区管理局")
    links = _links(seed_corpus, "IFZA")
    assert len(links) == 3  # once in parentheses, twice on its own (“IFZA在上海设立…”, “IFZA希望…”)
    for _, key, why in links:
        assert key == owner.key
        assert "parentheses" in why
    assert "IFZA" in owner.aliases


def test_resolve_latin_alias_in_parentheses(seed_corpus, entity_named):
    gsma = entity_named("全球移动通信系统协会")
    ((_, key, why),) = _links(seed_corpus, "GSMA Ltd.")
    assert key == gsma.key and "parentheses" in why


def test_resolve_short_place_name_is_its_lexicon_entry(seed_corpus, entity_named):
    zhejiang = entity_named("浙江")
    assert zhejiang.type == "Region"
    assert zhejiang.lexicon_key == "浙江省"
    assert "浙江省" in zhejiang.aliases
    links = _links(seed_corpus, "浙江")
    assert len(links) > 5
    assert {(key, why) for _, key, why in links} == {(zhejiang.key, "lexicon entry 浙江省")}


def test_resolve_full_and_short_place_names_are_one_entity(extract_text):
    corpus = extract_text("数字经济发展大会召开\n\n"
                          "本报杭州5月1日电（记者 李明）数字经济发展大会1日在杭州召开。浙江省有关负责人介绍，"
                          "浙江将继续推进数字化改革，江苏、广东等地代表参加会议。\n")
    keys = {text: {key for _, key, _ in _links(corpus, text)} for text in ("浙江省", "浙江", "杭州")}
    assert len(keys["浙江省"]) == 1 and keys["浙江省"] == keys["浙江"]
    assert keys["杭州"] and keys["杭州"] != keys["浙江"]
    (key,) = keys["浙江"]
    entity = corpus.resolution.entities[key]
    assert entity.type == "Region"
    assert {entity.name, *entity.aliases} >= {"浙江", "浙江省"}


def test_resolve_every_link_has_a_reason(seed_corpus):
    mentions = {m for ms in seed_corpus.mentions.values() for m in ms}
    # a mention may stay unlinked (a ceremony nothing is attached to), but never the other way
    assert set(seed_corpus.resolution.links) <= mentions
    assert len(seed_corpus.resolution.links) > 150
    for m, (key, why) in seed_corpus.resolution.links.items():
        assert key in seed_corpus.resolution.entities, m
        assert isinstance(why, str) and why.strip(), m


def test_resolve_each_entity_has_one_of_the_eleven_types(seed_corpus):
    entities = seed_corpus.resolution.entities
    assert len(ENTITY_TYPES) == 11
    for key, entity in entities.items():
        assert entity.key == key
        assert entity.type in ENTITY_TYPES, entity
        assert entity.name, entity
    # the page names something of every type
    assert {e.type for e in entities.values()} == set(ENTITY_TYPES)


def test_resolve_mentions_of_an_entity_share_its_type(seed_corpus):
    """The winner of the type vote is the entity's type; no entity is a Person in one place and a
    Company in another."""
    for m, (key, _) in seed_corpus.resolution.links.items():
        entity = seed_corpus.resolution.entities[key]
        if entity.type == "Person":
            assert m.type == "Person" or m.method == "pattern:same-name", (m, entity)


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("韦韬", "Person"), ("罗伯特·卡恩", "Person"), ("蚂蚁集团", "Company"), ("安恒信息", "Company"),
        ("世界互联网大会杰出贡献奖", "Award"), ("成长潜力类", "AwardCategory"), ("桐乡市人民政府", "GovernmentBody"),
        ("宁波市公安局鄞州公安分局", "GovernmentBody"), ("全球移动通信系统协会", "Organization"), ("赞比亚", "Region"),
        ("天眸芯", "Product"), ("AvatarX", "Product"),
    ],
)
def test_resolve_seed_entities_have_the_type_a_reader_gives_them(entity_named, name, type_):
    assert entity_named(name).type == type_


def test_resolve_is_independent_of_other_pages(extract_text, seed_corpus, entity_named):
    """A person's key depends on the name alone, not on what else was read."""
    corpus = extract_text("论坛举行\n\n本报杭州9月1日电（记者 王五）蚂蚁集团副总裁韦韬出席论坛并致辞。会议讨论了数据安全。\n")
    (key,) = {key for _, key, _ in _links(corpus, "韦韬")}
    assert key == entity_named("韦韬").key


@pytest.mark.parametrize(
    ("second_org", "people"),
    [("华为技术有限公司", 1), ("浙江大学", 2)],
    ids=["same-organisation-merged", "nothing-in-common-kept-apart"],
)
def test_resolve_namesakes_are_not_merged_blindly(second_org, people):
    from kg.model import Page
    from kg.pipeline import extract

    first = "论坛开幕\n\n本报杭州9月1日电（记者 王五）华为技术有限公司副总裁王伟表示，合作是关键。\n"
    second = f"会议举行\n\n本报北京9月2日电（记者 赵六）{second_org}副总裁王伟说，开放是方向。\n"
    pages = {name: Page(source=name, text=text, encoding="utf-8", sha256=name * 8)
             for name, text in (("a.txt", first), ("b.txt", second))}
    corpus = extract(pages)
    wang = {key for m, (key, _) in corpus.resolution.links.items() if m.text == "王伟"}
    assert len(wang) == people
    reasons = {why for m, (key, why) in corpus.resolution.links.items() if m.text == "王伟"}
    if people == 2:
        assert any("kept apart" in why for why in reasons)


def test_resolve_abbreviation_after_the_full_name_in_one_article(extract_text):
    corpus = extract_text("数字丝路论坛举行\n\n"
                          "本报乌镇11月8日电（记者 黄蕾）论坛由中国联合网络通信集团有限公司承办。"
                          "中国联通副总经理唐永康说，合作潜力巨大。中国移动研究院院长黄宇红出席。\n")
    (full,) = {key for _, key, _ in _links(corpus, "中国联合网络通信集团有限公司")}
    (short,) = {(key, why) for _, key, why in _links(corpus, "中国联通")}
    assert short == (full, "abbreviation of 中国联合网络通信集团有限公司")
    assert {key for _, key, _ in _links(corpus, "中国移动研究院")} != {full}


def test_resolve_a_quoted_fair_does_not_swallow_the_summit(extract_text):
    corpus = extract_text("博览会开幕\n\n"
                          "本报乌镇11月7日电（记者 叶子航）作为2025年世界互联网大会乌镇峰会的重要活动，"
                          "“互联网之光”博览会7日开幕。本届互联网之光博览会共有580家企业参展。\n")
    summit = {key for _, key, _ in _links(corpus, "2025年世界互联网大会乌镇峰会")}
    fair = {key for _, key, _ in _links(corpus, "“互联网之光”博览会")}
    assert summit and fair and summit != fair
    assert all(key in fair for _, key, _ in _links(corpus, "互联网之光博览会"))


def test_resolve_a_short_form_introduced_in_parentheses(extract_text):
    corpus = extract_text("签约仪式举行\n\n"
                          "本报乌镇11月8日电（记者 黄蕾）数字合作组织（Digital Cooperation Organization，以下简称DCO）"
                          "与大会签署协议。DCO总部位于利雅得。\n")
    (full,) = {key for _, key, _ in _links(corpus, "数字合作组织")}
    assert {key for _, key, _ in _links(corpus, "DCO")} == {full}
    assert {key for _, key, _ in _links(corpus, "Digital Cooperation Organization")} == {full}
    assert corpus.resolution.entities[full].type == "Organization"


def test_resolve_a_foreign_person_named_again_by_the_last_name(extract_text):
    corpus = extract_text("专访\n\n"
                          "本报乌镇11月8日电（记者 黄蕾）副秘书长哈立德·穆塔里接受了专访。穆塔里说，合作前景广阔。\n")
    (full,) = {key for _, key, _ in _links(corpus, "哈立德·穆塔里")}
    assert {(key, why) for _, key, why in _links(corpus, "穆塔里")} == {(full, "family name of 哈立德·穆塔里")}


def test_resolve_a_company_and_its_registered_name_with_a_city(extract_text):
    corpus = extract_text("机器人亮相\n\n本报乌镇11月8日电（记者 黄蕾）杭州云深处科技有限公司带来了四足机器人。"
                          "云深处科技联合创始人周铭远说，产品已在多地应用。阿里巴巴和阿里巴巴集团的展台相邻。\n")
    (full,) = {key for _, key, _ in _links(corpus, "杭州云深处科技有限公司")}
    assert {key for _, key, _ in _links(corpus, "云深处科技")} == {full}
    # two company names with no registered name between them stay apart
    assert {key for _, key, _ in _links(corpus, "阿里巴巴")} != {key for _, key, _ in _links(corpus, "阿里巴巴集团")}


@pytest.mark.parametrize(("full", "short"), [
    ("香港科技大学", "科大"),
    ("澳门经济及科技发展局", "经科局"),
])
def test_resolve_a_short_name_made_of_characters_of_the_full_name(extract_text, full, short):
    corpus = extract_text("峰会开幕\n\n本报香港4月14日电（记者 黄蕾）" + full + "与商汤科技签署合作协议。"
                          + short + "副校长李明表示，合作潜力巨大。\n")
    (key,) = {key for _, key, _ in _links(corpus, full)}
    assert {(k, why) for _, k, why in _links(corpus, short)} == {(key, f"abbreviation of {full}")}
    assert corpus.resolution.entities[key].type == ("Organization" if full.endswith("大学") else "GovernmentBody")


def test_resolve_a_company_and_the_same_name_with_the_word_for_company(extract_text):
    corpus = extract_text("本报乌镇11月8日电（记者 黄蕾）总部位于美国圣迭戈的高通公司（Qualcomm）展示了新平台。"
                          "高通中国区副总裁黎思成说，中国厂商是首批客户。\n")
    (full,) = {key for _, key, _ in _links(corpus, "高通公司")}
    assert {key for _, key, _ in _links(corpus, "高通")} == {full}


def test_resolve_a_named_model_goes_by_its_brand_too(extract_text):
    corpus = extract_text("新华社乌镇11月9日电（记者 王明）阿里云当天发布新一代通义千问大模型，接入方超过万家。\n")
    (model,) = [e for e in corpus.resolution.entities.values() if e.type == "Product"]
    assert model.name == "通义千问大模型" and "通义千问" in model.aliases


def test_resolve_a_headline_names_a_sub_forum_shorter(extract_text):
    corpus = extract_text("2025年世界互联网大会算力论坛举行\n\n本报乌镇11月9日电（记者 王明）11月9日，"
                          "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛在浙江乌镇举行。\n")
    (full,) = {key for _, key, _ in _links(corpus, "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛")}
    assert {(k, why) for _, k, why in _links(corpus, "2025年世界互联网大会算力论坛")} == {
        (full, "short form of 2025年世界互联网大会乌镇峰会算力调度与协同利用论坛")}


def test_resolve_the_field_of_an_office_named_before_a_title_is_no_body(extract_text):
    corpus = extract_text("港代表團赴烏鎮\n\n【大公報訊】記者王明報道：代表團成員來自數字政策辦公室、投資推廣署等機構。\n\n"
                          "數字政策專員伍詠琪介紹，特區政府正推動數字政府建設。\n")
    names = {e.name for e in corpus.resolution.entities.values()}
    assert "數字政策辦公室" in names and "數字政策" not in names


def test_resolve_games_named_without_their_edition(extract_text):
    corpus = extract_text("亚运会回顾\n\n本报杭州9月1日电（记者 王明）去年的杭州亚运会是一次技术大考。"
                          "杭州第19届亚运会首次实现核心系统全面上云。\n")
    (full,) = {key for _, key, _ in _links(corpus, "杭州第19届亚运会")}
    assert {k for _, k, _ in _links(corpus, "杭州亚运会")} == {full}


def test_resolve_a_headline_names_a_sub_forum_by_the_summit_and_its_topic(extract_text):
    corpus = extract_text("乌镇峰会算力论坛举行\n\n本报乌镇11月9日电（记者 王明）11月9日，"
                          "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛在浙江乌镇举行。\n")
    (full,) = {key for _, key, _ in _links(corpus, "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛")}
    assert {(k, why) for _, k, why in _links(corpus, "乌镇峰会算力论坛")} == {
        (full, "short form of 2025年世界互联网大会乌镇峰会算力调度与协同利用论坛")}


def test_resolve_a_forum_on_another_topic_is_not_merged(extract_text):
    corpus = extract_text("乌镇峰会数据论坛举行\n\n本报乌镇11月9日电（记者 王明）11月9日，"
                          "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛在浙江乌镇举行。\n")
    full = {key for _, key, _ in _links(corpus, "2025年世界互联网大会乌镇峰会算力调度与协同利用论坛")}
    assert not full & {key for _, key, _ in _links(corpus, "乌镇峰会数据论坛")}
