"""kg/extract/facts.py: what the articles state, each fact with the sentence it is read from and
the rule that read it. Expected facts are those printed on the bundled page (and annotated in
shared/gold/seed.yaml)."""

import pytest

AWARD = "世界互联网大会杰出贡献奖"
# the 14 enterprises of the award article, with the category the page gives each
COMPANY_CATEGORIES = {
    "强脑科技": "社会贡献类", "腾讯": "社会贡献类", "联想": "社会贡献类", "AgriPredict Solutions": "社会贡献类",
    "Ami": "社会贡献类",
    "安恒信息": "创新突破类", "中国移动研究院": "创新突破类", "中兴通讯": "创新突破类",
    "巴基斯坦移动通信有限公司": "创新突破类",
    "宇树科技": "成长潜力类", "蚂蚁密算": "成长潜力类", "理想汽车": "成长潜力类", "天数智芯": "成长潜力类",
    "天翼云": "成长潜力类",
}
INDIVIDUALS = ["罗伯特·卡恩", "维纳·措恩", "村井纯", "拉蒂纳·科恩", "钱华林"]


def _name(corpus, key):
    return corpus.resolution.entities[key].name


def _facts(corpus, kind, **roles):
    """Facts of a kind whose entity roles have the given preferred names."""
    out = []
    for f in corpus.facts:
        if f.kind != kind:
            continue
        if all(f.role(r) is not None and _name(corpus, f.role(r)) == n for r, n in roles.items()):
            out.append(f)
    return out


@pytest.fixture(scope="module")
def conferments(seed_corpus):
    return {_name(seed_corpus, f.role("recipient")): f for f in _facts(seed_corpus, "conferment")}


def test_facts_person_with_two_positions(seed_corpus):
    positions = {(_name(seed_corpus, f.role("organization")), f.role("title"))
                 for f in _facts(seed_corpus, "position", holder="韦韬")}
    assert positions == {("蚂蚁集团", "副总裁兼首席技术安全官"), ("蚂蚁密算", "董事长")}


@pytest.mark.parametrize(
    ("holder", "org", "title"),
    [
        ("梁昊", "世界互联网大会", "常务副秘书长"),
        ("范渊", "安恒信息", "董事长"),
        ("洪曜庄", "全球移动通信系统协会", "首席执行官"),
        ("毕李", "宁波市公安局鄞州公安分局", "刑侦大队副大队长"),
        ("韩歆毅", "蚂蚁集团", "首席执行官"),
        ("叶小倩", "云安全联盟", "大中华区合作负责人"),
    ],
)
def test_facts_positions_as_printed(seed_corpus, holder, org, title):
    (f,) = _facts(seed_corpus, "position", holder=holder, organization=org)
    assert f.role("title") == title
    assert f.role("former") in (None, "false")


def test_facts_award_has_nineteen_recipients(seed_corpus, conferments):
    facts = _facts(seed_corpus, "conferment")
    assert len(facts) == 19
    assert set(conferments) == set(COMPANY_CATEGORIES) | set(INDIVIDUALS)
    for f in facts:
        assert _name(seed_corpus, f.role("award")) == AWARD
        assert f.role("year") == "2025"


@pytest.mark.parametrize(("company", "category"), sorted(COMPANY_CATEGORIES.items()))
def test_facts_award_category_of_each_company(seed_corpus, conferments, company, category):
    f = conferments[company]
    assert f.role("category") is not None
    assert _name(seed_corpus, f.role("category")) == category


@pytest.mark.parametrize("person", INDIVIDUALS)
def test_facts_award_individuals_have_no_category(seed_corpus, conferments, person):
    f = conferments[person]
    assert seed_corpus.resolution.entities[f.role("recipient")].type == "Person"
    assert f.role("category") is None


def test_facts_company_based_in_the_country_in_parentheses(seed_corpus):
    (f,) = _facts(seed_corpus, "basedIn", organization="AgriPredict Solutions")
    assert _name(seed_corpus, f.role("region")) == "赞比亚"


def test_facts_four_zhejiang_companies(seed_corpus):
    based = {_name(seed_corpus, f.role("organization")) for f in _facts(seed_corpus, "basedIn", region="浙江")}
    assert based >= {"强脑科技", "安恒信息", "宇树科技", "蚂蚁密算"}


@pytest.mark.parametrize(("speaker", "words"), [
    ("梁昊", "我们将依托世界互联网大会的研究合作机制"),
    ("毕李", "深度伪造技术正在成为AI诈骗的“画皮”"),
    ("毕李", "作为刑侦战线的基层民警"),
    ("韦韬", "中国数据要素产业加速发展"),
    ("杜晶", "互联网与数字创新正重塑全球商业生态"),
])
def test_facts_quotes_of_speakers(seed_corpus, speaker, words):
    quotes = [f.role("text") for f in _facts(seed_corpus, "quote", speaker=speaker)]
    assert any(words in q for q in quotes), quotes


def test_facts_quote_after_a_quoted_phrase(seed_corpus):
    quotes = [f.role("text") for f in _facts(seed_corpus, "quote", speaker="范渊")]
    assert any("从早期基础防护体系" in q for q in quotes), quotes
    assert "数字经济的安全基石" not in quotes


def test_facts_reporters_of_the_bylines(seed_corpus):
    reporters = {(f.article_id, _name(seed_corpus, f.role("person"))) for f in _facts(seed_corpus, "reporter")}
    by_article = {a.article_id: a for a in seed_corpus.articles}
    assert {(by_article[a].index, n) for a, n in reporters} == {(2, "张熙锦"), (3, "吴柯沁"), (4, "王伊然")}


def test_facts_sentence_lies_inside_its_article(seed_corpus, seed_page):
    articles = {a.article_id: a for a in seed_corpus.articles}
    assert len(seed_corpus.facts) > 50
    for f in seed_corpus.facts:
        article = articles[f.article_id]
        s = f.sentence
        assert article.start <= s.start <= s.end <= article.end, f
        assert "".join(seed_page.text[a:b] for a, b in s.pieces) == s.repaired, f


def test_facts_reporter_sentence_is_the_byline(seed_corpus):
    for f in _facts(seed_corpus, "reporter"):
        assert _name(seed_corpus, f.role("person")) in f.sentence.repaired, f.sentence


def test_facts_quote_sentence_holds_the_quotation(seed_corpus):
    for f in _facts(seed_corpus, "quote"):
        assert f.role("text") in f.sentence.repaired, (f.role("speaker"), f.sentence.repaired)


def test_facts_name_their_rule_and_evidence(seed_corpus):
    for f in seed_corpus.facts:
        assert isinstance(f.rule, str) and f.rule.strip(), f
        assert f.evidence, f
        for m in f.evidence:
            assert m.article_id == f.article_id


def test_facts_entity_roles_name_known_entities(seed_corpus):
    literal = {"title", "former", "year", "text", "article"}
    for f in seed_corpus.facts:
        for role, value in f.roles:
            if role not in literal:
                assert value in seed_corpus.resolution.entities, (f.kind, role, value)


# ----------------------------------------------------------------------------- a synthetic article

SYNTHETIC = (
    "数字丝路合作论坛在西安开幕\n\n"
    "本报西安5月20日电（记者 陈静）20日，2024年“数字丝路创新奖”在数字丝路合作论坛开幕式上揭晓，"
    "华科智联、星河数据获“技术创新类”奖项。\n\n"
    "“数字技术让丝路更通畅。”华科智联董事长刘建国说，公司将继续加大研发投入。\n"
)


@pytest.fixture(scope="module")
def synthetic(extract_text):
    return extract_text(SYNTHETIC, source="silk-road.txt")


def test_facts_synthetic_article_position(synthetic):
    (f,) = _facts(synthetic, "position", holder="刘建国")
    assert _name(synthetic, f.role("organization")) == "华科智联"
    assert f.role("title") == "董事长"


def test_facts_synthetic_article_quote(synthetic):
    (f,) = _facts(synthetic, "quote", speaker="刘建国")
    assert f.role("text") == "数字技术让丝路更通畅。"


def test_facts_synthetic_article_conferments(synthetic):
    found = {(_name(synthetic, f.role("recipient")), _name(synthetic, f.role("award")),
              _name(synthetic, f.role("category")), f.role("year"))
             for f in _facts(synthetic, "conferment")}
    assert found == {("华科智联", "数字丝路创新奖", "技术创新类", "2024"),
                     ("星河数据", "数字丝路创新奖", "技术创新类", "2024")}


def test_facts_synthetic_article_reporter(synthetic):
    assert [_name(synthetic, f.role("person")) for f in _facts(synthetic, "reporter")] == ["陈静"]


def _conferred(corpus, role):
    """(recipient, award or category) of every conferment, by preferred names."""
    return {(_name(corpus, f.role("recipient")), _name(corpus, f.role(role))) for f in _facts(corpus, "conferment")}


def test_facts_recipients_listed_after_the_award_is_announced(extract_text):
    corpus = extract_text(
        "领先科技成果发布\n\n"
        "本报乌镇11月7日电（记者 叶子航）7日，15项成果获评“世界互联网领先科技成果”。"
        "其中，浙江有3项成果上榜，分别是之江实验室的“之江天枢”人工智能开源平台、"
        "海康威视的“观澜”视觉大模型以及新华三集团的“傲飞”算力调度平台。\n", source="list.txt")
    # the results listed won, each named after its maker
    assert _conferred(corpus, "award") == {(work, "世界互联网领先科技成果") for work in ("之江天枢", "观澜", "傲飞")}


def test_facts_winners_listed_under_their_category(extract_text):
    corpus = extract_text(
        "领先科技奖揭晓\n\n"
        "本报乌镇11月21日电（记者 邵佳宁）2024年世界互联网大会领先科技奖21日揭晓，"
        "奖项分为“基础研究类”“关键技术类”。获奖名单如下——\n\n"
        "基础研究类：浙江大学、Riverlane（英国）；\n\n"
        "关键技术类：华为技术有限公司、海康威视。\n", source="winners.txt")
    assert _conferred(corpus, "category") == {("浙江大学", "基础研究类"), ("Riverlane", "基础研究类"),
                                             ("华为技术有限公司", "关键技术类"), ("海康威视", "关键技术类")}


def test_facts_a_winners_list_under_a_headline_that_names_the_award(extract_text):
    # one line per winner or per class, names set apart by wide spaces, affiliations in parentheses
    corpus = extract_text(
        "2026年世界互联网大会杰出贡献奖获奖名单\n\n"
        "　　杰出个人\n"
        "　　林修远（中国科学院院士）\n"
        "　　先锋企业\n"
        "　　数字普惠类：科大讯飞　Gojek（印度尼西亚）\n"
        "　　前沿创新类：商汤科技\n"
        "　　据介绍，获奖名单于9日在峰会开幕式上公布。\n"
        "　　（本报记者　顾一帆整理）\n", source="winners-list.txt")
    assert _conferred(corpus, "award") == {(who, "世界互联网大会杰出贡献奖")
                                          for who in ("林修远", "科大讯飞", "Gojek", "商汤科技")}
    classes = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("category")) if f.role("category") else None)
               for f in _facts(corpus, "conferment")}
    assert classes == {("林修远", None), ("科大讯飞", "数字普惠类"), ("Gojek", "数字普惠类"), ("商汤科技", "前沿创新类")}


def test_facts_the_answers_of_an_interview_are_the_words_of_the_one_interviewed(extract_text):
    corpus = extract_text(
        "让算力走进工厂\n"
        "——访浪潮集团副总裁韩启明\n\n"
        "今年的博览会上，浪潮集团带来了多款服务器。记者专访了浪潮集团副总裁韩启明。\n\n"
        "记者：今年展台的重点是什么？\n"
        "答：是算力的应用。我们希望观众亲手用起来。\n\n"
        "记者：您对峰会有什么期待？\n"
        "答：希望和更多伙伴交流。\n", source="interview.txt")
    said = [(_name(corpus, f.role("speaker")), f.role("text")) for f in _facts(corpus, "quote")]
    assert said == [("韩启明", "是算力的应用。我们希望观众亲手用起来。"), ("韩启明", "希望和更多伙伴交流。")]


def test_facts_selected_results_credit_their_makers(extract_text):
    # the makers joined by 与 and a list that runs on past "，以及" are all credited, not the products
    corpus = extract_text(
        "20项成果入选2026年世界互联网大会领先科技成果\n\n"
        "本报乌镇11月8日电（记者 钱一鸣）清华大学与之江实验室联合研制的类脑计算机“天机”同样榜上有名。"
        "商汤科技的日日新大模型、科大讯飞的星火大模型，以及华为的昇腾芯片同时入选。\n", source="selected.txt")
    assert _conferred(corpus, "award") == {(who, "世界互联网大会领先科技成果")
                                          for who in ("清华大学", "之江实验室", "商汤科技", "科大讯飞", "华为")}


def test_facts_the_makers_in_a_list_of_selected_results(extract_text):
    corpus = extract_text(
        "2022年世界互联网领先科技成果在乌镇发布\n\n"
        "本报记者 王一鸣\n\n"
        "记者看到，入选成果中既有鹏城实验室的“鹏城·云脑”智算平台、华为的盘古大模型，"
        "也有浙江大学与之江实验室联合研制的“达尔文”类脑计算芯片。\n", source="selected-list.txt")
    assert _conferred(corpus, "award") == {(who, "世界互联网领先科技成果")
                                          for who in ("鹏城实验室", "华为", "浙江大学", "之江实验室")}


def test_facts_an_interview_answered_under_the_surname(extract_text):
    corpus = extract_text("专访某组织副秘书长孟一远：让数字红利惠及更多国家\n\n作者：钱一涵\n\n"
                          "峰会日前在浙江乌镇落下帷幕。\n\n第一财经：会员有什么变化？\n\n孟：会员已覆盖六大洲。\n",
                          source="surname.txt")
    said = [(_name(corpus, f.role("speaker")), f.role("text")) for f in _facts(corpus, "quote")]
    assert said == [("孟一远", "会员已覆盖六大洲。")]


def test_facts_the_class_named_right_after_the_selection(extract_text):
    corpus = extract_text("本报乌镇11月8日电（记者 王明）2026年世界互联网大会杰出贡献奖分为社会贡献类、成长潜力类两个类别。"
                          "获奖企业里既有老牌企业，也有成长型企业：腾讯获得社会贡献类奖项，宇树科技入选成长潜力类。\n",
                          source="classes.txt")
    classes = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("category")) if f.role("category") else None)
               for f in _facts(corpus, "conferment")}
    assert classes == {("腾讯", "社会贡献类"), ("宇树科技", "成长潜力类")}


def test_facts_a_report_compiled_by_two_organisations(extract_text):
    corpus = extract_text(
        "指数报告发布\n\n"
        "本报乌镇11月22日电（记者 唐思远）《全球跨境电商发展指数报告（2024）》22日发布。"
        "该报告由中国网络空间研究院与中国国际电子商务中心联合编制。\n", source="report.txt")
    found = {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy")}
    assert found == {"中国网络空间研究院", "中国国际电子商务中心"}


def test_facts_quote_after_an_interview_phrase(extract_text):
    corpus = extract_text(
        "厂商参展\n\n"
        "本报台北11月10日电（记者 林怡君）凌耀智能董事长陈柏丞今天接受电话访问表示，"
        "“现场询问度比预期高。”\n", source="quote.txt")
    assert [_name(corpus, f.role("speaker")) for f in _facts(corpus, "quote")] == ["陈柏丞"]


def test_facts_a_pronoun_before_a_speech_verb_is_the_person_named_before(extract_text):
    corpus = extract_text(
        "学者出席论坛\n\n"
        "本报乌镇11月10日电（记者 林怡君）成功大学教授许家豪出席论坛并发表演讲。"
        "他受访时说，“研究数据一律不带过去，这是底线。”\n", source="pronoun.txt")
    (f,) = _facts(corpus, "quote", speaker="许家豪")
    assert f.role("text") == "研究数据一律不带过去，这是底线。"


@pytest.mark.parametrize(("sentence", "holder", "org", "title"), [
    ("国务院副总理丁国强出席开幕式并致辞。", "丁国强", "国务院", "副总理"),
    ("浙江省人大常委会主任张立平表示，要用好数字技术。", "张立平", "浙江省人大常委会", "主任"),
    ("桐乡市政协主席李文华说，乌镇已经准备就绪。", "李文华", "桐乡市政协", "主席"),
    # a party committee's office named by two fields, however long
    ("中共嘉兴市委网络安全和信息化委员会办公室副主任卓一帆表示，服务将更便捷。", "卓一帆",
     "中共嘉兴市委网络安全和信息化委员会办公室", "副主任"),
    # an assistant's title that repeats the office's field
    ("數字政策辦公室助理數字政策專員冼嘉朗表示，服務將更便捷。", "冼嘉朗", "數字政策辦公室", "助理數字政策專員"),
])
def test_facts_an_official_holds_a_title_of_the_body_named_before_it(extract_text, sentence, holder, org, title):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）" + sentence + "\n")
    (f,) = _facts(corpus, "position", holder=holder)
    assert (_name(corpus, f.role("organization")), f.role("title")) == (org, title)


def test_facts_a_quote_verb_that_ends_the_sentence_quotes_nothing(extract_text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）桐乡市经济和信息化局局长沈一鸣表示。\n")
    assert _facts(corpus, "position", holder="沈一鸣")
    assert _facts(corpus, "quote", speaker="沈一鸣") == []


@pytest.mark.parametrize(("sentence", "holder", "org", "titles"), [
    ("浙江省经济和信息化厅党组书记、厅长郑华岳介绍，产业增长较快。", "郑华岳", "浙江省经济和信息化厅", {"党组书记", "厅长"}),
    ("乌镇镇党委书记沈佳明说，准备工作已经就绪。", "沈佳明", "乌镇镇党委", {"书记"}),
    ("世界互联网大会秘书长助理宋亦凡表示，欢迎各方参与。", "宋亦凡", "世界互联网大会", {"秘书长助理"}),
    ("商汤科技副总裁兼香港区总经理何俊贤说，合作很重要。", "何俊贤", "商汤科技", {"副总裁兼香港区总经理"}),
    ("云深处科技创始人兼首席执行官章亦航说，机器人已在多地应用。", "章亦航", "云深处科技", {"创始人兼首席执行官"}),
    # a firm's or an organisation's ending closes a name that had none, or a branch's place
    ("之江实验室主任邝云舒介绍，平台已向社会开放。", "邝云舒", "之江实验室", {"主任"}),
    ("中国银行浙江省分行行长樊立群表示，将加大信贷支持。", "樊立群", "中国银行浙江省分行", {"行长"}),
    ("吉利控股集团总裁温若川说，汽车正在成为智能终端。", "温若川", "吉利控股集团", {"总裁"}),
    # after a name with its ending, the unit is part of the title
    ("FPT集团人工智能实验室主任阮文雄说，越南市场潜力很大。", "阮文雄", "FPT集团", {"人工智能实验室主任"}),
    # a firm's unit named by its work, after a title and 、
    ("联影医疗副总裁、研发中心总经理濮文樾说，平台已经落地。", "濮文樾", "联影医疗", {"副总裁", "研发中心总经理"}),
])
def test_facts_title_chains_where_the_organisation_ends(extract_text, sentence, holder, org, titles):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）" + sentence + "\n")
    found = _facts(corpus, "position", holder=holder)
    assert {_name(corpus, f.role("organization")) for f in found} == {org}
    assert {f.role("title") for f in found} == titles


def _based(corpus):
    return {(_name(corpus, f.role("organization")), _name(corpus, f.role("region")))
            for f in corpus.facts if f.kind == "basedIn"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("同批加入的还有肯尼亚电信运营商Safaricom。", {("Safaricom", "肯尼亚")}),
    ("获奖的3家浙江单位——之江实验室、群核科技和网易均位于杭州。",
     {(org, place) for org in ("之江实验室", "群核科技", "网易") for place in ("浙江", "杭州")}),
])
def test_facts_where_organisations_are_based(extract_text, sentence, expected):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）" + sentence + "\n")
    assert expected <= _based(corpus)


def test_facts_a_capital_lies_in_the_country_named_before_it(extract_text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）绿洲数字科技公司总部位于沙特阿拉伯首都利雅得。\n")
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region")))
               for f in corpus.facts if f.kind == "locatedIn"}
    assert ("利雅得", "沙特阿拉伯") in located
    assert ("绿洲数字科技公司", "利雅得") in _based(corpus)
    assert ("绿洲数字科技公司", "沙特阿拉伯") not in _based(corpus)  # the capital stands for the chain


def test_facts_a_company_named_after_a_foreign_country_is_based_there(extract_text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）马来西亚电讯公司与中国电信浙江公司签署备忘录。\n")
    based = _based(corpus)
    assert ("马来西亚电讯公司", "马来西亚") in based
    assert not any(org == "中国电信浙江公司" and region in ("中国", "中华人民共和国") for org, region in based)


def test_facts_interview_answers_are_quotes(extract_text):
    corpus = extract_text("专访\n\n本报乌镇11月7日电（记者 王明）副秘书长哈立德·穆塔里接受了专访。\n\n"
                          "记者：您为什么选择加入？\n\n"
                          "穆塔里：我们的成员国大多是发展中国家，需要这样的平台。\n")
    (f,) = _facts(corpus, "quote", speaker="哈立德·穆塔里")
    assert f.role("text") == "我们的成员国大多是发展中国家，需要这样的平台。"


def test_facts_winners_take_the_category_the_paragraph_names(extract_text):
    corpus = extract_text("领先科技奖揭晓\n\n本报乌镇11月9日电（记者 王明）17项成果获得2026年世界互联网大会领先科技奖。\n\n"
                          "在“基础前沿类”中，之江实验室的平台榜上有名，华为、清华大学和高通的成果也获得该类别奖项。\n")
    found = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("category")) if f.role("category") else None)
             for f in _facts(corpus, "conferment")}
    assert {(org, "基础前沿类") for org in ("之江实验室", "华为", "清华大学", "高通")} <= found
    assert not any(cat is None for _, cat in found)


def test_facts_a_report_written_by_two_and_released_at_the_forum_of_the_article(extract_text):
    corpus = extract_text("2026世界互联网大会数据合作论坛在杭州开幕\n\n"
                          "新华社杭州11月12日电（记者黄筱岚）2026世界互联网大会数据合作论坛12日在杭州开幕。\n\n"
                          "论坛开幕式上，由世界互联网大会联合中国信息通信研究院编写的《全球数据跨境流动发展报告（2026）》正式发布。\n")
    report = "《全球数据跨境流动发展报告（2026）》"
    publishers = {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy")}
    assert publishers == {"世界互联网大会", "中国信息通信研究院"}
    (f,) = _facts(corpus, "releasedAt")
    assert _name(corpus, f.role("event")) == "2026世界互联网大会数据合作论坛"
    assert _name(corpus, f.role("report")).strip("《》") == report.strip("《》")


def test_facts_members_by_joining(extract_text):
    corpus = extract_text("新会员签约\n\n本报乌镇11月7日电（记者 王明）数字合作组织（Digital Cooperation Organization，以下简称DCO）"
                          "与世界互联网大会签署协议，正式成为世界互联网大会会员。与DCO同批加入的，还有马来西亚数字经济机构（MDEC）"
                          "和肯尼亚电信运营商Safaricom。\n")
    found = {(_name(corpus, f.role("member")), _name(corpus, f.role("parent"))) for f in corpus.facts
             if f.kind == "memberOf"}
    assert found == {(org, "世界互联网大会") for org in ("数字合作组织", "马来西亚数字经济机构", "Safaricom")}


def test_facts_a_taiwan_story_read_as_written(extract_text):
    corpus = extract_text("台灣新創赴港出席峰會\n\n【記者林書瑋／台北報導】由世界互聯網大會主辦的「2025世界互聯網大會亞太峰會」日前在香港落幕。"
                          "其中總部位於新竹的台灣AI影像新創慧眸科技，創辦人暨執行長許哲維更在分論壇發表演說。\n\n"
                          "大陸委員會表示，世界互聯網大會總部設在北京。\n")
    titles = {f.role("title") for f in _facts(corpus, "position", holder="許哲維")}
    assert titles == {"創辦人", "執行長"}
    assert {_name(corpus, f.role("organization")) for f in _facts(corpus, "position", holder="許哲維")} == {"慧眸科技"}
    assert {("慧眸科技", "新竹"), ("世界互聯網大會", "北京")} <= _based(corpus)
    assert not any(org == "大陸委員會" for org, _ in _based(corpus))
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("2025世界互聯網大會亞太峰會", "香港") in held
    (council,) = [e for e in corpus.resolution.entities.values() if e.name == "大陸委員會"]
    assert council.type == "GovernmentBody"


@pytest.mark.parametrize("sentence", [
    "国际电信联盟顾问玛丽亚·费尔南达·洛佩斯（Maria Fernanda Lopez）对《环球时报》记者表示，数字鸿沟仍然很大。",
    "国际电信联盟顾问玛丽亚·费尔南达·洛佩斯8日在接受《环球时报》记者采访时表示，数字鸿沟仍然很大。",
    "国际电信联盟顾问玛丽亚·费尔南达·洛佩斯告诉《环球时报》记者，数字鸿沟仍然很大。",
])
def test_facts_speech_told_to_a_named_paper(extract_text, sentence):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）" + sentence + "\n")
    (f,) = _facts(corpus, "quote", speaker="玛丽亚·费尔南达·洛佩斯")
    assert f.role("text") == "数字鸿沟仍然很大。"


def test_facts_the_summit_named_by_its_head_and_its_year(extract_text):
    # the article is about the 2025 summit, named most often; the next edition is named twice
    corpus = extract_text("峰会闭幕\n\n本报乌镇11月9日电（记者 王明）2025年世界互联网大会乌镇峰会9日闭幕。"
                          "本届2025年世界互联网大会乌镇峰会吸引了众多嘉宾。2026年世界互联网大会乌镇峰会的筹备随即启动。\n\n"
                          "峰会期间，中国网络空间研究院发布了《世界互联网发展报告2025》。\n\n"
                          "2026年峰会将继续在乌镇举办。\n")
    (f,) = _facts(corpus, "releasedAt")
    assert _name(corpus, f.role("event")) == "2025年世界互联网大会乌镇峰会"
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("2026年世界互联网大会乌镇峰会", "乌镇") in held
    assert not any(e.name == "2026年峰会" for e in corpus.resolution.entities.values())


def test_facts_winners_listed_under_each_category_of_a_named_honour(extract_text):
    corpus = extract_text("“嘉兴数字英才”名单公布\n\n本报嘉兴11月3日电（记者 王明）2025年度“嘉兴数字英才”评选结果近日揭晓，4人获评。\n\n"
                          "获评“杰出人才”的有2人：禾川科技研发总监周立、闻泰科技首席工程师陆海；"
                          "获评“新锐人才”的有2人：来自嘉兴学院的沈琪，以及浙江清华长三角研究院的姚远。\n")
    found = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), _name(corpus, f.role("category")),
              f.role("year")) for f in _facts(corpus, "conferment")}
    assert found == {("周立", "嘉兴数字英才", "杰出人才", "2025"), ("陆海", "嘉兴数字英才", "杰出人才", "2025"),
                     ("沈琪", "嘉兴数字英才", "新锐人才", "2025"), ("姚远", "嘉兴数字英才", "新锐人才", "2025")}


def test_facts_a_list_of_local_companies_after_a_colon(extract_text):
    corpus = extract_text("本报嘉兴11月3日电（记者 王明）入选的企业均来自嘉兴本土企业：禾川科技有限公司、闻泰科技有限公司。\n")
    assert {("禾川科技有限公司", "嘉兴"), ("闻泰科技有限公司", "嘉兴")} <= {
        (org, region.removesuffix("市")) for org, region in _based(corpus)}


@pytest.mark.parametrize(("sentence", "speaker", "text"), [
    ("中国移动浙江公司副总经理李涛对澎湃新闻表示，“算力网络正在加快建设。”", "李涛", "算力网络正在加快建设。"),
    ("联合国开发计划署驻华代表马丁·科恩则呼吁各方加强合作，“不让任何人掉队”。", "马丁·科恩",
     "各方加强合作，“不让任何人掉队”。"),  # what the verb introduces, the quotation with it
    ("澳门特区政府经济及科技发展局局长陈嘉欣亦率团出席。她指出，“澳门将深化科技合作。”", "陈嘉欣", "澳门将深化科技合作。"),
])
def test_facts_more_ways_to_introduce_speech(extract_text, sentence, speaker, text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）" + sentence + "\n")
    (f,) = _facts(corpus, "quote", speaker=speaker)
    assert f.role("text") == text


def test_facts_reports_released_at_the_launch_and_at_the_opening(extract_text):
    corpus = extract_text("数据论坛开幕\n\n本报杭州11月7日电（记者 王明）2025数据合作论坛7日在杭州开幕。\n\n"
                          "开幕式上，中国网络空间研究院发布了《数据要素发展报告2025》。\n\n"
                          "同日，数字经济蓝皮书发布会举行，《数字经济发展报告2025》正式发布。\n")
    released = {(_name(corpus, f.role("report")).strip("《》"), _name(corpus, f.role("event")))
                for f in _facts(corpus, "releasedAt")}
    assert released == {("数据要素发展报告2025", "2025数据合作论坛"), ("数字经济发展报告2025", "数字经济蓝皮书发布会")}


def test_facts_an_event_at_a_venue_named_after_its_city(extract_text):
    corpus = extract_text("本报讯 2025数据合作论坛昨日（11月6日）在杭州国际博览中心开幕。\n")
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert {("2025数据合作论坛", "杭州国际博览中心"), ("2025数据合作论坛", "杭州")} <= {
        (e, r.removesuffix("市")) for e, r in held}


def test_facts_a_report_two_bodies_compiled_together(extract_text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）论坛上，中国网络空间研究院与中国信息通信研究院联合编写的"
                          "《数字丝路合作报告（2025）》正式发布。\n")
    found = {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy")}
    assert found == {"中国网络空间研究院", "中国信息通信研究院"}


def test_facts_an_office_of_an_international_organisation_belongs_to_the_title(extract_text):
    corpus = extract_text("本报乌镇11月7日电（记者 王明）国际电信联盟亚太区域代表处主任安娜·席尔瓦表示，合作很重要。\n")
    (f,) = _facts(corpus, "position", holder="安娜·席尔瓦")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("国际电信联盟", "亚太区域代表处主任")


def test_facts_an_event_held_where_a_later_clause_says(extract_text):
    corpus = extract_text("非洲论坛开幕\n\n中国日报网6月17日电（记者 蒋一帆）2026年世界互联网大会非洲论坛16日开幕。"
                          "论坛由世界互联网大会主办，在基加利会议中心举行。世界互联网大会还在论坛上发布了《中非数字合作案例集》。\n")
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("2026年世界互联网大会非洲论坛", "基加利会议中心") in held
    (f,) = _facts(corpus, "releasedAt")
    assert _name(corpus, f.role("event")) == "2026年世界互联网大会非洲论坛"
    assert not corpus.articles[0].byline.place  # 中国日报网, then the date: no dateline place


def test_facts_a_list_named_as_local_companies(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 沈书闻）其中，海康威视、群核科技、云深处科技为浙江企业。\n")
    assert {(org, "浙江") for org in ("海康威视", "群核科技", "云深处科技")} <= {
        (org, region.removesuffix("省")) for org, region in _based(corpus)}


def test_facts_the_company_a_paragraph_spoke_of_has_its_seat_there(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 沈书闻）浙江中控技术股份有限公司带来了工业大模型。"
                          "这家总部位于杭州的工业软件企业今年成为会员。\n")
    assert ("浙江中控技术股份有限公司", "杭州") in {(org, region.removesuffix("市")) for org, region in _based(corpus)}


def test_facts_winners_of_a_division_are_persons_with_their_division(extract_text):
    corpus = extract_text("大赛揭晓\n\n本报桐乡11月8日电（记者 钟若溪）大赛设“数字乡村金点子奖”，分产业发展组和乡村治理组两个组别。"
                          "嘉兴学院学生邵可欣、返乡青年俞浩然获产业发展组金点子奖，教师沈国良获乡村治理组金点子奖。\n")
    found = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), _name(corpus, f.role("category")))
             for f in _facts(corpus, "conferment")}
    assert found == {("邵可欣", "数字乡村金点子奖", "产业发展组"), ("俞浩然", "数字乡村金点子奖", "产业发展组"),
                     ("沈国良", "数字乡村金点子奖", "乡村治理组")}


def test_facts_a_quote_after_what_the_speaker_did(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 沈书闻）肯尼亚内罗毕大学教授奥马尔·恩代格瓦获奖。"
                          "“今天他们用手机就能贷款。”恩代格瓦领奖后说。\n")
    (f,) = _facts(corpus, "quote", speaker="奥马尔·恩代格瓦")
    assert f.role("text") == "今天他们用手机就能贷款。"


def test_facts_individual_winners_listed_one_per_part(extract_text):
    corpus = extract_text("杰出贡献奖揭晓\n\n本报乌镇11月5日电（记者 沈一帆）2026年“世界互联网大会杰出贡献奖”揭晓。"
                          "获奖个人分别是：美国斯坦福大学荣休教授阿瑟·布兰登，他早年参与设计了拥塞控制算法；"
                          "中国工程院院士祁远山，长期从事未来网络研究。\n")
    assert {r for r, _ in _conferred(corpus, "award")} == {"阿瑟·布兰登", "祁远山"}


def test_facts_a_title_after_的_and_a_unit_the_article_named(extract_text):
    corpus = extract_text("本报香港4月22日电（记者 王明）数字政策办公室（数字办）的数字政策专员黄卓欣在论坛上指出，数字政府要重新设计流程。"
                          "浙江大学区块链与数据安全全国重点实验室研发的平台获奖。该实验室主任、浙江大学教授任之昂认为，安全必须先行。"
                          "来自浙江传媒学院的大三学生林可欣说，服务很充实。\n")
    positions = {(f.role("title"), _name(corpus, f.role("organization"))) for f in corpus.facts if f.kind == "position"}
    assert ("数字政策专员", "数字政策办公室") in positions
    assert ("主任", "浙江大学区块链与数据安全全国重点实验室") in positions
    assert not any(org == "浙江传媒学院" for _, org in positions)  # a student there holds no post


def test_facts_local_companies_joined_by_和_share_the_place(extract_text):
    corpus = extract_text("本报乌镇11月5日电（记者 沈一帆）其中，浙江企业海康威视和群核科技分别摘得“创新突破类”和“成长潜力类”奖项。\n")
    assert {("海康威视", "浙江"), ("群核科技", "浙江")} <= {(org, region.removesuffix("省")) for org, region in _based(corpus)}


def _held(corpus):
    return {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}


def test_facts_an_event_held_where_it_was_said_before_its_name(extract_text):
    corpus = extract_text("对话成果发布\n\n本报北京9月3日电（记者 何思源）继7月在山东曲阜举办的世界互联网大会数字文明尼山对话之后，"
                          "相关成果今天在京发布。\n")
    assert {("世界互联网大会数字文明尼山对话", "山东"), ("世界互联网大会数字文明尼山对话", "曲阜")} <= _held(corpus)


def test_facts_the_fair_by_its_head_noun_is_set_in_a_venue(extract_text):
    corpus = extract_text("博览会开幕\n\n本报乌镇11月6日电（记者 何思源）互联网之光博览会6日开幕。"
                          "本届博览会设在乌镇互联网国际会展中心，共有580余家企业参展。\n")
    assert ("互联网之光博览会", "乌镇互联网国际会展中心") in _held(corpus)


def test_facts_the_actor_of_a_clause_wins_the_award_it_names(extract_text):
    corpus = extract_text("企业获奖\n\n本报乌镇11月7日电（记者 何思源）就在前一天，科大讯飞凭借这项技术获得"
                          "2025年世界互联网大会领先科技奖。该赛事数字健康赛道一等奖由另一家企业获得。\n")
    (f,) = _facts(corpus, "conferment")
    assert (_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), f.role("year")) == (
        "科大讯飞", "世界互联网大会领先科技奖", "2025")


def test_facts_winners_of_a_category_named_by_their_results(extract_text):
    corpus = extract_text("领先科技奖发布\n\n本报乌镇11月8日电（记者 何思源）2026年世界互联网大会领先科技奖发布。"
                          "浙江大学计算机辅助设计与图形系统全国重点实验室获“基础研究类”奖项；"
                          "中国移动、科大讯飞、比亚迪的成果获“应用创新类”奖项。\n")
    assert _conferred(corpus, "category") == {
        ("浙江大学计算机辅助设计与图形系统全国重点实验室", "基础研究类"), ("中国移动", "应用创新类"),
        ("科大讯飞", "应用创新类"), ("比亚迪", "应用创新类")}


def test_facts_quotes_told_to_an_outlet_and_said_during_a_session(extract_text):
    corpus = extract_text("论坛举行\n\n本报乌镇11月7日电（记者 何思源）“海外开发者数量增长了两倍多。”科大讯飞副总裁钟明轩"
                          "对贝壳财经记者说。清华大学教授林婉仪在圆桌对话环节认为，生成式人工智能降低了生产门槛。\n")
    assert {_name(corpus, f.role("speaker")) for f in _facts(corpus, "quote")} == {"钟明轩", "林婉仪"}


def test_facts_a_chief_officer_printed_in_latin_letters(extract_text):
    corpus = extract_text("新品发布\n\n本报乌镇11月6日电（记者 何思源）新华三集团董事长兼CEO庞宇川在发布会上介绍了新品。\n")
    titles = {f.role("title") for f in _facts(corpus, "position", holder="庞宇川", organization="新华三集团")}
    assert titles == {"董事长兼CEO"}


def test_facts_a_body_the_title_chain_opens_with(extract_text):
    corpus = extract_text("峰会开幕\n\n本报乌镇11月8日电（记者 何思源）中共中央政治局委员、中央宣传部部长宋启航出席开幕式。\n")
    found = {(_name(corpus, f.role("organization")), f.role("title")) for f in _facts(corpus, "position", holder="宋启航")}
    assert found == {("中共中央政治局", "委员"), ("中央宣传部", "部长")}


def test_facts_a_venue_after_its_district(extract_text):
    corpus = extract_text("數字合作再添新平台\n\n【本報訊】2025年世界互聯網大會亞太峰會昨日在灣仔香港會議展覽中心揭幕。\n")
    assert _held(corpus) >= {("2025年世界互聯網大會亞太峰會", "香港會議展覽中心")}
    assert ("2025年世界互聯網大會亞太峰會", "灣仔") not in _held(corpus)
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region"))) for f in corpus.facts
               if f.kind == "locatedIn"}
    assert ("香港會議展覽中心", "灣仔") in located


def test_facts_a_short_form_with_the_level_of_its_place(extract_text):
    corpus = extract_text("大赛举行\n\n本报讯（记者 蒋文博）本届大赛由桐乡市经济和信息化局主办。"
                          "市经信局副局长吴国平介绍了评审情况。\n")
    (f,) = _facts(corpus, "position", holder="吴国平")
    assert _name(corpus, f.role("organization")) == "桐乡市经济和信息化局"


def test_facts_the_office_a_sentence_opens_with_is_the_one_named_before(extract_text):
    corpus = extract_text("办事处成立\n\n【本報訊】去年落戶中環的世界互聯網大會香港辦事處負責國際聯絡。"
                          "辦事處主任岑慧妍說，希望吸引更多企業。\n")
    (f,) = _facts(corpus, "position", holder="岑慧妍")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("世界互聯網大會香港辦事處", "主任")


def test_facts_the_dean_holds_office_in_the_school_a_centre_head_in_the_company(extract_text):
    corpus = extract_text("智库论坛举行\n\n本报乌镇11月9日电（记者 何思源）新加坡国立大学李光耀公共政策学院副院长陈彦彬出席论坛，"
                          "巨石集团信息中心主任朱明浩介绍了案例。\n")
    found = {(_name(corpus, f.role("holder")), _name(corpus, f.role("organization")), f.role("title"))
             for f in corpus.facts if f.kind == "position"}
    assert found == {("陈彦彬", "新加坡国立大学李光耀公共政策学院", "副院长"), ("朱明浩", "巨石集团", "信息中心主任")}


def test_facts_a_title_after_a_copula_or_after_的(extract_text):
    corpus = extract_text("本报讯（记者 王明）另一位嘉宾玛丽亚·席尔瓦（Maria Silva）是圣保罗大学计算机系教授，长期研究网络测量。"
                          "来自迪拜穆罕默德·本·拉希德政府学院的研究员法蒂玛·曼苏里说，数字政府需要数据共享。\n")
    positions = {(_name(corpus, f.role("holder")), _name(corpus, f.role("organization")), f.role("title"))
                 for f in corpus.facts if f.kind == "position"}
    assert ("玛丽亚·席尔瓦", "圣保罗大学", "计算机系教授") in positions
    assert ("法蒂玛·曼苏里", "穆罕默德·本·拉希德政府学院", "研究员") in positions


def test_facts_places_that_open_a_clause_before_的_and_a_company(extract_text):
    corpus = extract_text("本报讯（记者 王明）展馆里，四川成都的极米科技带来了新款投影仪；江苏南京的云蝠智能则展示了客服大模型，"
                          "腾讯、中国联通和印度尼西亚的Gojek也在现场。\n")
    assert {("极米科技", "成都"), ("云蝠智能", "南京"), ("Gojek", "印度尼西亚")} <= {
        (org, region.removesuffix("市").removesuffix("共和国")) for org, region in _based(corpus)}


def test_facts_a_kind_of_body_abbreviated_takes_the_type_of_its_full_name(extract_text):
    corpus = extract_text("本报讯（记者 王明）中国网络空间安全协会数据安全专业委员会近日在京成立。专委会主任李平说，专委会将发布标准。"
                          "专委会下设的跨境数据工作组同日成立。工作组组长、清华大学教授陈静介绍了计划。\n")
    (full,) = [e for e in corpus.resolution.entities.values() if e.name == "中国网络空间安全协会数据安全专业委员会"]
    assert full.type == "Organization" and "专委会" in full.aliases
    positions = {(_name(corpus, f.role("holder")), _name(corpus, f.role("organization")), f.role("title"))
                 for f in corpus.facts if f.kind == "position"}
    assert ("陈静", "跨境数据工作组", "组长") in positions


def test_facts_a_ministry_whose_portfolios_are_listed(extract_text):
    corpus = extract_text("新华社内罗毕5月3日电（记者 王明）论坛由世界互联网大会和坦桑尼亚信息、通信和信息技术部共同主办。"
                          "巴西科学、技术与创新部副部长若昂·席尔瓦在开幕式上致辞。\n")
    names = {e.name: e.type for e in corpus.resolution.entities.values()}
    assert names.get("坦桑尼亚信息、通信和信息技术部") == "GovernmentBody"
    positions = {(_name(corpus, f.role("holder")), _name(corpus, f.role("organization")), f.role("title"))
                 for f in corpus.facts if f.kind == "position"}
    assert ("若昂·席尔瓦", "巴西科学、技术与创新部", "副部长") in positions


def test_facts_new_members_after_the_verb_that_announces_them(extract_text):
    corpus = extract_text("新华社开罗5月3日电（记者 王明）论坛期间，世界互联网大会宣布埃及电信公司（埃及）、MTN集团（南非）"
                          "等5家机构成为大会新会员。\n")
    names = {e.name for e in corpus.resolution.entities.values()}
    assert "埃及电信公司" in names and not any(n.startswith("世界互联网大会宣布") for n in names)
    assert ("埃及电信公司", "埃及") in {(org, region.removesuffix("阿拉伯共和国")) for org, region in _based(corpus)}


def test_facts_a_list_placed_by_the_kind_of_its_members(extract_text):
    corpus = extract_text("（中央社記者王明台北14日電）華碩電腦、和碩聯合及國立清華大學等台灣產學界代表出席峰會。\n")
    placed = {(org, region.removesuffix("省")) for org, region in _based(corpus)}
    assert ("華碩電腦", "台灣") in placed
    assert any(org.endswith("清華大學") and region == "台灣" for org, region in placed)


def test_facts_held_where_the_sentence_says_after_an_alias_in_parentheses(extract_text):
    corpus = extract_text("【大公報訊】記者王明報道：2026年世界互聯網大會亞太峰會（以下簡稱「亞太峰會」）昨日在澳門開幕。"
                          "貿促局執行委員飛立山（Paulo Ferreira）指出，合作空間很大。\n")
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert any(region.startswith("澳門") for _, region in held)
    assert "飛立山" in {e.name for e in corpus.resolution.entities.values() if e.type == "Person"}


def _positions(corpus):
    return {(_name(corpus, f.role("holder")), _name(corpus, f.role("organization")), f.role("title"))
            for f in corpus.facts if f.kind == "position"}


def test_facts_a_unit_after_a_registered_name_is_in_the_title(extract_text):
    corpus = extract_text("（中央社記者王明台北14日電）緯創資通股份有限公司智慧醫療事業群總經理陳大文說，合作前景廣闊。\n")
    assert ("陳大文", "緯創資通股份有限公司", "智慧醫療事業群總經理") in _positions(corpus)


def test_facts_a_short_form_introduced_in_parentheses_names_the_company_later(extract_text):
    corpus = extract_text("新华社乌镇11月7日电（记者 王明）华硕电脑股份有限公司（以下简称华硕）今天发布新品。"
                          "华硕智慧医疗事业群总经理林明德表示，公司将加大投入。\n")
    assert ("林明德", "华硕电脑股份有限公司", "智慧医疗事业群总经理") in _positions(corpus)
    assert not any(e.name.startswith("以下简称") for e in corpus.resolution.entities.values())


def test_facts_the_post_in_parentheses_after_a_name(extract_text):
    corpus = extract_text("新华社北京5月3日电（记者 王明）圆桌对话中，钟若岚（北京大学国际关系学院教授）表示，各方应推动规则互认。\n")
    assert ("钟若岚", "北京大学", "国际关系学院教授") in _positions(corpus)


def test_facts_a_hyphenated_university_name_with_its_country(extract_text):
    corpus = extract_text("新华社北京5月3日电（记者 王明）哈萨克斯坦阿里-法拉比国立大学副校长艾达尔·努尔兰坦言，规则不统一。\n")
    assert ("艾达尔·努尔兰", "哈萨克斯坦阿里-法拉比国立大学", "副校长") in _positions(corpus)


def test_facts_a_portfolio_after_an_international_body_and_its_alias(extract_text):
    corpus = extract_text("新华社内罗毕5月3日电（记者 王明）非洲联盟（非盟）基础设施和能源委员阿玛杜·迪亚洛指出，投资仍然不足。\n")
    assert ("阿玛杜·迪亚洛", "非洲联盟", "基础设施和能源委员") in _positions(corpus)
    assert not any("能源" in e.name for e in corpus.resolution.entities.values())


def test_facts_a_university_institute_before_a_title_is_part_of_it(extract_text):
    corpus = extract_text("（中央社記者王明台北14日電）國立陽明交通大學生物醫學資訊研究所教授黃思妤說，挑戰在於資料治理。\n")
    assert ("黃思妤", "國立陽明交通大學", "生物醫學資訊研究所教授") in _positions(corpus)


def _conferments(corpus):
    return {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")),
             _name(corpus, f.role("category")) if f.role("category") else None) for f in corpus.facts
            if f.kind == "conferment"}


def test_facts_winners_listed_under_award_headings(extract_text):
    corpus = extract_text("嘉兴企业唱主角\n\n本报记者 朱明\n\n嘉兴市人民政府为一批企业颁发“嘉兴市数字经济创新奖”。获奖名单如下：\n\n"
                          "领军企业奖：巨石集团（桐乡市）、晶科能源（海宁市）；\n\n创新成长奖：天通股份（海宁市）、华友钴业（桐乡市）。\n")
    won = _conferments(corpus)
    assert ("巨石集团", "嘉兴市数字经济创新奖", "领军企业奖") in won
    assert ("华友钴业", "嘉兴市数字经济创新奖", "创新成长奖") in won


def test_facts_the_class_printed_after_a_quoted_award(extract_text):
    corpus = extract_text("新华社乌镇11月8日电（记者 王明）开幕式上，瑞典电信设备商爱立信获颁2027年“世界互联网大会杰出贡献奖”创新突破类奖项。\n")
    assert ("爱立信", "世界互联网大会杰出贡献奖", "创新突破类") in _conferments(corpus)
    assert ("爱立信", "瑞典") in {(org, region.removesuffix("王国")) for org, region in _based(corpus)}


def test_facts_released_at_the_meeting_the_article_is_about(extract_text):
    corpus = extract_text("新华社乌镇11月9日电（记者 王明）9日，2026年世界互联网大会乌镇峰会“世界互联网领先科技成果发布活动”在浙江乌镇举行。"
                          "活动上，中国网络空间研究院还发布了《世界互联网发展报告2026》。\n")
    released = {(_name(corpus, f.role("report")).strip("《》"), _name(corpus, f.role("event")))
                for f in corpus.facts if f.kind == "releasedAt"}
    assert released == {("世界互联网发展报告2026", "世界互联网领先科技成果发布活动")}


def test_facts_held_in_after_a_range_of_days(extract_text):
    corpus = extract_text("（中央社記者王明台北10日電）2026年世界互聯網大會烏鎮峰會8日至10日在浙江烏鎮舉行，"
                          "鴻海、廣達、研華等多家台灣科技大廠參加博覽會。\n")
    held = {_name(corpus, f.role("region")) for f in corpus.facts if f.kind == "heldIn"}
    assert {"浙江", "烏鎮"} <= {r.removesuffix("省") for r in held}
    assert ("研華", "台灣") in _based(corpus)


def test_facts_a_firm_grown_in_a_place_that_leads_its_trade(extract_text):
    corpus = extract_text("本报讯（记者 王明）桐乡本土化纤龙头桐昆集团把工业互联网平台向上下游开放。\n")
    assert ("桐昆集团", "桐乡") in {(o, r.removesuffix("市")) for o, r in _based(corpus)}


def test_facts_a_firm_named_without_its_legal_form_after_its_registered_name(extract_text):
    corpus = extract_text("本报讯（记者 王明）总部位于桐乡经济开发区的中国巨石，生产线由5G网络调度。"
                          "中国巨石股份有限公司副总经理计宏远介绍了智能制造基地。\n")
    assert ("中国巨石股份有限公司", "桐乡经济开发区") in _based(corpus)


def test_facts_a_village_after_its_town(extract_text):
    corpus = extract_text("乌镇来客\n\n本报讯（记者 王明）外宾走进桐乡市高桥街道越丰村，了解基层治理经验。\n")
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region")))
               for f in corpus.facts if f.kind == "locatedIn"}
    assert {("高桥街道", "桐乡市"), ("越丰村", "高桥街道")} <= located


def test_facts_held_in_after_already(extract_text):
    corpus = extract_text("本报北京7月15日电（记者 王明）今年4月，世界互联网大会亚太峰会已在香港举办。\n")
    assert {_name(corpus, f.role("region")) for f in corpus.facts if f.kind == "heldIn"} == {"香港"}


def test_facts_held_in_for_the_first_time(extract_text):
    corpus = extract_text("本报北京7月15日电（记者 王明）今年4月，世界互联网大会亚太峰会首次在香港举行。\n")
    assert {_name(corpus, f.role("region")) for f in corpus.facts if f.kind == "heldIn"} == {"香港"}


def test_facts_a_suggestion_with_a_quotation(extract_text):
    corpus = extract_text("本报北京7月15日电（记者 王明）中国移动研究院副院长林一舟建议，成立联合实验室，"
                          "“让不同国家的模型在同一把尺子下比较”。\n")
    assert [_name(corpus, f.role("speaker")) for f in _facts(corpus, "quote")] == ["林一舟"]


def test_facts_a_town_after_its_county(extract_text):
    corpus = extract_text("本报讯 获奖企业有新凤鸣集团（桐乡市洲泉镇）。\n")
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region")))
               for f in corpus.facts if f.kind == "locatedIn"}
    assert ("洲泉镇", "桐乡市") in located
    assert ("新凤鸣集团", "洲泉镇") in _based(corpus)


def test_facts_an_alias_that_opens_with_a_place_says_nothing_of_where(extract_text):
    corpus = extract_text("新华社西安9月16日电（记者 王明）联合国亚洲及太平洋经济社会委员会（亚太经社会）副执行秘书拉吉夫·梅农在论坛上发言。\n")
    assert not _based(corpus)
    assert ("拉吉夫·梅农", "联合国亚洲及太平洋经济社会委员会", "副执行秘书") in _positions(corpus)


def test_facts_a_department_of_the_company_after_a_title_and_the_joint(extract_text):
    corpus = extract_text("新华社乌镇11月9日电（记者 王明）腾讯集团高级执行副总裁、云与智慧产业事业群CEO万启辰指出，需求正在转向。\n")
    positions = _positions(corpus)
    assert ("万启辰", "腾讯集团", "高级执行副总裁") in positions
    assert {org for _, org, _ in positions} == {"腾讯集团"}


def test_facts_a_title_with_its_portfolio_in_parentheses(extract_text):
    corpus = extract_text("【香港文匯報訊】（記者 王明）香港科技大學（科大）副校長（研究及發展）顧誠峰（Kenneth Koo）表示，希望加快成果轉化。\n")
    assert ("顧誠峰", "香港科技大學", "副校長（研究及發展）") in _positions(corpus)


def test_facts_held_in_after_an_english_name_and_a_weekday(extract_text):
    corpus = extract_text("【香港01】2026年世界互聯網大會亞太峰會（2026 World Internet Conference Asia-Pacific Summit）"
                          "周二（14日）在香港會議展覽中心（HKCEC）揭幕。\n")
    held = {_name(corpus, f.role("region")) for f in corpus.facts if f.kind == "heldIn"}
    assert any(r.startswith("香港") for r in held)


def test_facts_a_company_after_its_country_is_based_there(extract_text):
    corpus = extract_text("新华社乌镇11月10日电（记者 王明）德国西门子公司首席技术官托马斯·布劳恩分享了工业数据空间的实践。\n")
    assert ("西门子公司", "德国") in {(org, region.removesuffix("联邦共和国")) for org, region in _based(corpus)}
    assert ("托马斯·布劳恩", "西门子公司", "首席技术官") in _positions(corpus)


def test_facts_a_field_institute_after_a_title_belongs_to_the_organisation_before(extract_text):
    corpus = extract_text("新华社北京6月2日电（记者 王明）复旦大学教授、人工智能研究院副院长林涛表示，评审看重落地。\n")
    positions = _positions(corpus)
    assert ("林涛", "复旦大学", "人工智能研究院副院长") in positions
    assert {org for _, org, _ in positions} == {"复旦大学"}


def test_facts_a_school_committee_is_in_the_title_and_a_role_for_the_day_is_none(extract_text):
    corpus = extract_text("本报记者 王明\n\n带队老师、杭州师范大学团委书记李芳说，志愿者已完成培训。\n")
    assert _positions(corpus) == {("李芳", "杭州师范大学", "团委书记")}


def test_facts_a_word_to_someone_after_a_colon_is_a_quote(extract_text):
    corpus = extract_text("本报记者 王明\n\n南京大学教授张伟则寄语参赛青年：“技术要扎根真实需求。”\n")
    quotes = {(_name(corpus, f.role("speaker")), f.role("text")) for f in corpus.facts if f.kind == "quote"}
    assert any(who == "张伟" and said.startswith("技术要扎根真实需求") for who, said in quotes)


def test_facts_a_company_rooted_in_a_place(extract_text):
    corpus = extract_text("本报记者 王明\n\n同样扎根海宁的天通股份，将在峰会期间发布新平台。\n")
    assert ("天通股份", "海宁") in {(org, region.removesuffix("市")) for org, region in _based(corpus)}


def test_facts_a_bureau_written_on_after_an_international_body_is_in_the_title(extract_text):
    corpus = extract_text("新华社乌镇11月20日电（记者 王明）国际电信联盟电信发展局主任安娜·科瓦奇说，鸿沟仍在扩大。"
                          "非洲联盟委员会基础设施和能源专员阿玛杜·西塞指出，投资仍然不足。\n")
    positions = _positions(corpus)
    assert ("安娜·科瓦奇", "国际电信联盟", "电信发展局主任") in positions
    assert ("阿玛杜·西塞", "非洲联盟委员会", "基础设施和能源专员") in positions


def test_facts_a_level_committee_named_again_by_its_level(extract_text):
    corpus = extract_text("本报记者 王明\n\n签约仪式上，海宁市委书记张华，市委副书记、市长李明等出席。\n")
    positions = _positions(corpus)
    assert ("李明", "海宁市委", "副书记") in positions
    assert ("张华", "海宁市委", "书记") in positions


def test_facts_where_a_place_lies_and_a_venue_in_it(extract_text):
    corpus = extract_text("本报记者 王明\n\n论坛在位于乌镇镇的乌镇互联网国际会展中心举行。"
                          "乌镇镇地处浙江省嘉兴市桐乡市北部，是世界互联网大会乌镇峰会的永久举办地。\n")
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region")))
               for f in corpus.facts if f.kind == "locatedIn"}
    assert ("乌镇互联网国际会展中心", "乌镇镇") in located
    assert ("乌镇镇", "桐乡市") in located
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("世界互联网大会乌镇峰会", "乌镇镇") in held


def test_facts_local_firms_listed_after_their_place(extract_text):
    corpus = extract_text("本报记者 王明\n\n海宁本土企业天通股份、晶科能源和正泰集团均有项目签约。\n")
    based = {(org, region.removesuffix("市")) for org, region in _based(corpus)}
    assert {("天通股份", "海宁"), ("晶科能源", "海宁"), ("正泰集团", "海宁")} <= based


def test_facts_winners_framed_by_the_award_they_won(extract_text):
    corpus = extract_text("新华社乌镇11月20日电（记者 王明）在开幕式上揭晓的2024年“世界互联网大会杰出贡献奖”中，"
                          "清华大学教授李华获得个人奖项，高通则获得“创新突破类”企业奖项。\n")
    won = _conferments(corpus)
    assert ("李华", "世界互联网大会杰出贡献奖", None) in won
    assert ("高通", "世界互联网大会杰出贡献奖", "创新突破类") in won


def test_facts_each_clause_of_a_winners_list(extract_text):
    corpus = extract_text("新华社乌镇11月20日电（记者 王明）2024年世界互联网大会领先科技奖揭晓。获奖单位中，"
                          "既有华为、中国移动、蚂蚁集团等国内企业，也有清华大学、之江实验室等高校和科研机构。\n")
    winners = {who for who, _, _ in _conferments(corpus)}
    assert {"华为", "中国移动", "蚂蚁集团", "清华大学", "之江实验室"} <= winners


def test_facts_a_report_written_by_two_bodies_one_with_its_alias(extract_text):
    corpus = extract_text("本报记者 王明\n\n论坛上，中国信息通信研究院（中国信通院）与清华大学人工智能国际治理研究院"
                          "联合发布《企业级智能体应用发展报告（2025）》。\n")
    published = {_name(corpus, f.role("organization")) for f in corpus.facts if f.kind == "publishedBy"}
    assert published == {"中国信息通信研究院", "清华大学人工智能国际治理研究院"}


def test_facts_reported_analysis_is_a_quote(extract_text):
    corpus = extract_text("（中央社記者王明台北9日電）淡江大學中國大陸研究所副教授梁育誠分析，兩岸交流仍有空間。\n")
    assert any(_name(corpus, f.role("speaker")) == "梁育誠" for f in corpus.facts if f.kind == "quote")


def test_facts_a_police_unit_after_a_title_and_the_joint(extract_text):
    corpus = extract_text("本报记者 王明\n\n湖州市公安局副局长、交警支队支队长周强说，将设置接驳专线。\n")
    assert _positions(corpus) == {("周强", "湖州市公安局", "副局长"), ("周强", "湖州市公安局", "交警支队支队长")}


def test_facts_a_person_named_before_and_ends_the_next_organisation(extract_text):
    corpus = extract_text("本报记者 王明\n\n获奖者包括中国科学院自动化研究所副研究员韩语桐和印度尼西亚万隆理工学院讲师阿里夫·哈基姆。\n")
    positions = _positions(corpus)
    assert ("韩语桐", "中国科学院自动化研究所", "副研究员") in positions
    assert ("阿里夫·哈基姆", "印度尼西亚万隆理工学院", "讲师") in positions


def test_facts_an_office_and_the_words_qualifying_the_title_after_an_alias(extract_text):
    corpus = extract_text("新华社日内瓦5月3日电（记者 王明）国际电信联盟（ITU）电信发展局高级政策顾问玛丽亚·洛佩斯表示，合作很重要。\n")
    assert _positions(corpus) == {("玛丽亚·洛佩斯", "国际电信联盟", "电信发展局高级政策顾问")}


def test_facts_a_body_referred_to_as_this_bureau(extract_text):
    corpus = extract_text("本报记者 王明\n\n推介会上，广东省政务服务和数据管理局与腾讯签署了合作协议。该局副局长黄丽娟说，首批项目明年落地。\n")
    assert ("黄丽娟", "广东省政务服务和数据管理局", "副局长") in _positions(corpus)


def test_facts_places_listed_before_the_region_of_their_kind(extract_text):
    corpus = extract_text("本报记者 王明\n\n他说：“新加坡、印尼等东南亚国家最关心规则对接。”\n")
    located = {(_name(corpus, f.role("entity")), _name(corpus, f.role("region")))
               for f in corpus.facts if f.kind == "locatedIn"}
    assert {("新加坡", "东南亚"), ("印尼", "东南亚")} <= {(a.removesuffix("共和国"), b) for a, b in located}


def test_facts_a_speaker_after_a_weekday_and_a_long_setting(extract_text):
    corpus = extract_text("（乌镇讯）数码发展及新闻部常任秘书李振邦星期五（11月7日）在一场关于跨境数据流动的论坛上说，规则正在成形。\n")
    assert ("李振邦", "数码发展及新闻部", "常任秘书") in _positions(corpus)
    assert any(_name(corpus, f.role("speaker")) == "李振邦" for f in corpus.facts if f.kind == "quote")


def test_facts_a_latin_name_with_its_word_for_company_keeps_it(extract_text):
    corpus = extract_text("本报记者 王明\n\n巴西Nubank公司数据科学家卡米拉·罗沙、越南FPT集团人工智能实验室主任阮明德等18人获得证书。\n")
    positions = _positions(corpus)
    assert ("卡米拉·罗沙", "Nubank公司", "数据科学家") in positions
    assert ("阮明德", "FPT集团", "人工智能实验室主任") in positions


def test_facts_a_head_after_the_place_serves_at_its_government_named_before(extract_text):
    corpus = extract_text("本报记者 王明\n\n湖州市人民政府与华为签署合作协议。“峰会带来了项目。”湖州市副市长赵立群说。\n")
    assert ("赵立群", "湖州市人民政府", "副市长") in _positions(corpus)


def test_facts_a_head_after_the_place_holds_no_post_when_no_government_is_named(extract_text):
    corpus = extract_text("本报记者 王明\n\n“峰会带来了项目。”湖州市副市长赵立群说。\n")
    assert not _positions(corpus)


def test_facts_a_group_named_again_without_its_group(extract_text):
    # the two names stay two entities (a group and its brand join only through a registered name)
    corpus = extract_text("本报记者 王明\n\n新华三集团副总裁李强说，总部位于杭州的新华三将扩大投资。\n")
    based = {(_name(corpus, f.role("organization")), _name(corpus, f.role("region")))
             for f in corpus.facts if f.kind == "basedIn"}
    assert based == {("新华三", "杭州")}


def test_facts_an_award_won_further_on_in_the_persons_sentence_with_its_year(extract_text):
    corpus = extract_text("本报记者 王明\n\n汉斯·穆勒（Hans Müller）在德国企业西门子工作了20年，其中15年在中国度过，2016年获得中国政府友谊奖。\n")
    won = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), f.role("year"))
           for f in _facts(corpus, "conferment")}
    assert won == {("汉斯·穆勒", "中国政府友谊奖", "2016")}


def test_facts_an_award_won_does_not_pass_to_someone_who_speaks_of_it(extract_text):
    corpus = extract_text("本报记者 王明\n\n汉斯·穆勒介绍，这一系统2016年获得中国政府友谊奖。\n")
    assert not _facts(corpus, "conferment")


def test_facts_an_award_describes_the_one_named_after_its_的(extract_text):
    corpus = extract_text("本报记者 王明\n\n“合作很重要。”曾获广东省科学技术奖励技术发明奖的中山大学电子学院副院长陈立说。\n")
    assert _conferments(corpus) == {("陈立", "广东省科学技术奖励", "技术发明奖")}


def test_facts_a_speaker_on_the_sidelines_of_a_forum(extract_text):
    corpus = extract_text("本报记者 王明\n\n肯尼亚驻华大使馆参赞玛丽·奥蒂诺在论坛间隙对记者说，“合作给非洲带来了好处。”\n")
    assert any(_name(corpus, f.role("speaker")) == "玛丽·奥蒂诺" for f in corpus.facts if f.kind == "quote")


def test_facts_an_agenda_lists_speakers_by_name_organisation_and_title(extract_text):
    corpus = extract_text("论坛议程\n\n14:00—14:15　开幕致辞\n　　郑海涛　世界互联网大会　副秘书长\n"
                          "　　林嘉禾　浙江省经济和信息化厅　副厅长\n主持人：周以宁　中国信息通信研究院　副总工程师\n")
    assert _positions(corpus) == {("郑海涛", "世界互联网大会", "副秘书长"), ("林嘉禾", "浙江省经济和信息化厅", "副厅长"),
                                  ("周以宁", "中国信息通信研究院", "副总工程师")}


def test_facts_a_broadcast_sound_bite_is_the_words_of_the_one_its_label_names(extract_text):
    corpus = extract_text("博览会开幕\n来源：浙江卫视　2023-11-08 19:42\n\n【正文】\n走进展馆，大模型成了高频词。\n\n"
                          "【同期声】\n（同期声）卢思远 阿里云高级算法专家\n今年我们重点展示大模型的落地案例。\n")
    assert ("卢思远", "阿里云", "高级算法专家") in _positions(corpus)
    said = {(_name(corpus, f.role("speaker")), f.role("text")) for f in corpus.facts if f.kind == "quote"}
    assert said == {("卢思远", "今年我们重点展示大模型的落地案例。")}


def test_facts_winners_and_their_classes_respectively(extract_text):
    corpus = extract_text("本报记者 王明\n\n2025年“世界互联网大会杰出贡献奖”揭晓，杭州的宇树科技和强脑科技分别获得"
                          "“成长潜力类”和“社会贡献类”奖项。\n")
    assert _conferments(corpus) == {("宇树科技", "世界互联网大会杰出贡献奖", "成长潜力类"),
                                    ("强脑科技", "世界互联网大会杰出贡献奖", "社会贡献类")}
    based = {(_name(corpus, f.role("organization")), _name(corpus, f.role("region")))
             for f in corpus.facts if f.kind == "basedIn"}
    assert {("宇树科技", "杭州"), ("强脑科技", "杭州")} <= based


def test_facts_a_field_between_a_known_firm_and_a_title_is_the_titles(extract_text):
    corpus = extract_text("本报记者 王明\n\n杭州的宇树科技和强脑科技分别获奖。强脑科技硬件研发总监沈若溪说，仿生手更轻了。\n")
    assert _positions(corpus) == {("沈若溪", "强脑科技", "硬件研发总监")}


def test_facts_a_title_chain_does_not_run_across_lines(extract_text):
    corpus = extract_text("论坛议程\n\n　　郑海涛　世界互联网大会　副秘书长\n　　林嘉禾　浙江省经济和信息化厅　副厅长\n")
    assert ("林嘉禾", "世界互联网大会", "副秘书长") not in _positions(corpus)


def test_facts_an_event_held_in_a_year_and_month(extract_text):
    corpus = extract_text("本报记者 王明\n\n首届世界互联网大会于2014年11月在浙江乌镇举行。\n")
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("首届世界互联网大会", "乌镇") in held


def test_facts_a_post_quotes_what_was_told_to_its_writer(extract_text):
    corpus = extract_text("本报记者 王明\n\n宇树科技市场经理孔令宇告诉小编：“机器人也能干活。”\n")
    assert any(_name(corpus, f.role("speaker")) == "孔令宇" for f in corpus.facts if f.kind == "quote")


def test_facts_winners_open_the_sentence_and_take_their_classes_respectively(extract_text):
    corpus = extract_text("本报记者 王明\n\n强脑科技和宇树科技当天上午刚在开幕式上获得2025年“世界互联网大会杰出贡献奖”，"
                          "分别摘得“社会贡献类”和“成长潜力类”奖项。\n")
    assert {("强脑科技", "世界互联网大会杰出贡献奖", "社会贡献类"),
            ("宇树科技", "世界互联网大会杰出贡献奖", "成长潜力类")} <= _conferments(corpus)


def test_facts_a_summit_held_on_a_day_in_chinese_numerals_and_what_it_released_that_day(extract_text):
    corpus = extract_text("【本報烏鎮八日電】記者陳曉彤報道：2023年世界互聯網大會烏鎮峰會八日在浙江烏鎮開幕。"
                          "峰會當日發布《世界互聯網發展報告2023》藍皮書。\n")
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("2023年世界互聯網大會烏鎮峰會", "烏鎮") in held
    released = {(_name(corpus, f.role("report")), _name(corpus, f.role("event")))
                for f in corpus.facts if f.kind == "releasedAt"}
    assert released == {("《世界互聯網發展報告2023》", "2023年世界互聯網大會烏鎮峰會")}


def test_facts_a_results_table_under_a_winners_headline(extract_text):
    corpus = extract_text("关于公布2024年世界互联网大会领先科技奖获奖成果名单的公告\n\n现将获奖成果名单予以公布。\n\n"
                          "序号　成果名称　　　　　完成单位\n1　通义千问大模型　　　阿里云计算有限公司\n"
                          "2　香山开源高性能RISC-V处理器　　中国科学院计算技术研究所、北京开源芯片研究院\n\n"
                          "世界互联网大会秘书处\n2024年11月22日\n")
    won = {(_name(corpus, f.role("recipient")), f.role("year")) for f in _facts(corpus, "conferment")}
    assert won == {("阿里云计算有限公司", "2024"), ("中国科学院计算技术研究所", "2024"), ("北京开源芯片研究院", "2024")}


def test_facts_a_speaker_line_with_the_words_after_a_colon(extract_text):
    corpus = extract_text("本报记者 王明\n\n14:30\n论坛开讲。\n浙江大学教授宗靖远：“关键不在参数规模，而在模型能否走进车间。”\n")
    said = {(_name(corpus, f.role("speaker")), f.role("text")) for f in corpus.facts if f.kind == "quote"}
    assert said == {("宗靖远", "关键不在参数规模，而在模型能否走进车间。")}


def test_facts_a_winner_named_with_an_aside_and_a_class_after_the_award(extract_text):
    corpus = extract_text("中兴通讯荣获杰出贡献奖\n\n【2025年11月7日，中国·乌镇】在峰会开幕式上，中兴通讯股份有限公司（以下简称“中兴通讯”，"
                          "0763.HK）荣获由世界互联网大会颁发的2025年“世界互联网大会杰出贡献奖”创新突破类奖项。\n")
    assert _conferments(corpus) == {("中兴通讯股份有限公司", "世界互联网大会杰出贡献奖", "创新突破类")}


def test_facts_a_bio_lists_the_posts_after_现任_and_兼任(extract_text):
    corpus = extract_text("本报记者 王明\n\n覃亦凡，1978年生，安徽芜湖人。2006年加入科大讯飞，长期从事语音识别研究，"
                          "现任科大讯飞副总裁、讯飞研究院副院长，兼任中国人工智能学会理事。\n")
    assert ("覃亦凡", "中国人工智能学会", "理事") in _positions(corpus)


def test_facts_what_was_released_at_the_meeting_the_sentence_before_names(extract_text):
    corpus = extract_text("本报记者 王明\n\n11:05\n世界互联网大会蓝皮书发布会举行。中国网络空间研究院在会上发布《世界互联网发展报告2024》。\n")
    released = {(_name(corpus, f.role("report")), _name(corpus, f.role("event")))
                for f in corpus.facts if f.kind == "releasedAt"}
    assert released == {("《世界互联网发展报告2024》", "世界互联网大会蓝皮书发布会")}


def test_facts_a_department_after_a_company_named_alone_elsewhere_opens_the_title(extract_text):
    corpus = extract_text("本报记者 王明\n\n斯达半导、敏实集团等12家嘉兴企业组团亮相博览会。\n"
                          "“这次想在乌镇多认识一些整车厂。”斯达半导市场部经理陆文涛说。\n")
    assert _positions(corpus) == {("陆文涛", "斯达半导", "市场部经理")}


def _located(corpus):
    return {(_name(corpus, f.role("entity")), _name(corpus, f.role("region"))) for f in corpus.facts
            if f.kind == "locatedIn"}


def test_facts_a_secretariat_is_the_organisation_a_deputy_serves(extract_text):
    corpus = extract_text("本报记者 王明\n\n东盟秘书处副秘书长罗萨里奥·德拉克鲁斯在论坛上指出，谈判已进入最后阶段。\n")
    assert _positions(corpus) == {("罗萨里奥·德拉克鲁斯", "东盟秘书处", "副秘书长")}


def test_facts_a_title_after_a_firm_known_from_the_article_and_a_long_field(extract_text):
    corpus = extract_text("本报记者 王明\n\n成员包括香港数码港及香港科技园公司的代表。\n\n"
                          "香港科技园公司创新科技生态系统副总裁庞凯琳则指，“他们看中的是资金”。\n")
    assert ("庞凯琳", "香港科技园公司", "创新科技生态系统副总裁") in _positions(corpus)
    assert "庞凯琳" in {_name(corpus, f.role("speaker")) for f in corpus.facts if f.kind == "quote"}


def test_facts_an_official_addressed_by_surname_between_ministry_and_title(extract_text):
    corpus = extract_text("本报记者 王明\n\n尊敬的本哈·占塔冯副部长阁下，女士们、先生们：\n\n"
                          "向专程出席论坛的老挝技术与通信部占塔冯副部长和各位嘉宾表示欢迎！\n")
    assert _positions(corpus) == {("本哈·占塔冯", "老挝技术与通信部", "副部长")}


def test_facts_a_filing_calls_its_company_公司(extract_text):
    corpus = extract_text("关于签署战略合作协议的公告\n\n本报记者 王明\n\n2023年11月9日，中控技术股份有限公司（以下简称“公司”）"
                          "与中国移动通信集团浙江有限公司（以下简称“浙江移动”）签署协议，"
                          "公司副总裁宓晓岚与浙江移动副总经理柏嘉禾代表双方签约。\n")
    assert ("宓晓岚", "中控技术股份有限公司", "副总裁") in _positions(corpus)
    assert ("宓晓岚", "中国移动通信集团浙江有限公司", "副总裁") not in _positions(corpus)  # the other party
    assert not any(holder == "柏嘉禾" and org == "中控技术股份有限公司" for holder, org, _ in _positions(corpus))


def test_facts_the_assembly_named_before_and_its_deputy_secretary_general(extract_text):
    corpus = extract_text("本报记者 王明\n\n世界互联网大会与联合国教科文组织在法国巴黎联合举办数字包容高级别研讨会，"
                          "大会副秘书长聂思岐致辞。\n")
    assert ("聂思岐", "世界互联网大会", "副秘书长") in _positions(corpus)
    assert ("数字包容高级别研讨会", "巴黎") in _held(corpus)


@pytest.mark.parametrize("sentence", [
    "2025年世界互联网大会乌镇峰会星期五（11月7日）在浙江乌镇开幕，为期三天。",
    "第三届“一带一路”国际合作高峰论坛在北京成功举行。",
    "世界互联网大会·互联网发展论坛在乌镇以线上线下相结合的方式举行。",
    "2024年互联网之光博览会同日在乌镇互联网国际会展中心开展。",
])
def test_facts_where_an_event_is_held_past_a_weekday_an_adverb_or_a_manner(extract_text, sentence):
    corpus = extract_text("本报记者 王明\n\n" + sentence + "\n")
    assert _held(corpus), sentence


def test_facts_places_listed_after_their_province(extract_text):
    corpus = extract_text("本报记者 王明\n\n双方将在浙江省宁波市、衢州市的化工园区开展示范应用。\n")
    assert {("宁波市", "浙江省"), ("衢州市", "浙江省")} <= _located(corpus)


def test_facts_a_winner_also_listed_takes_no_class_another_winner_took(extract_text):
    corpus = extract_text("首届杰出贡献奖揭晓\n\n本报记者 王明\n\n20日，首届“世界互联网大会杰出贡献奖”揭晓。"
                          "网易获“社会贡献类”奖项，肯尼亚移动运营商Safaricom等企业也榜上有名。\n")
    assert ("Safaricom", "世界互联网大会杰出贡献奖", None) in _conferments(corpus)
    assert ("网易", "世界互联网大会杰出贡献奖", "社会贡献类") in _conferments(corpus)


def test_facts_works_listed_after_包括_won_the_award(extract_text):
    corpus = extract_text("【2023年世界互联网大会领先科技奖揭晓】\n\n本报记者 王明\n\n今天下午，2023年“世界互联网大会领先科技奖”"
                          "在乌镇发布，15项成果获奖，包括百度的“文心一言”、华为的“昇腾”AI集群、"
                          "中国科学院计算技术研究所的“香山”开源高性能RISC-V处理器等。\n")
    assert {r for r, _, _ in _conferments(corpus)} == {"文心一言", "昇腾", "香山"}


def test_facts_reports_first_released_at_the_meeting_the_sentence_before_names(extract_text):
    corpus = extract_text("本报记者 王明\n\n2017年12月3日　第四届世界互联网大会开幕。中国网络空间研究院在会上首次发布"
                          "《世界互联网发展报告2017》蓝皮书。\n")
    released = {(_name(corpus, f.role("report")), _name(corpus, f.role("event")))
                for f in corpus.facts if f.kind == "releasedAt"}
    assert released == {("《世界互联网发展报告2017》", "第四届世界互联网大会")}


def test_facts_the_turns_of_a_transcript_are_the_words_of_who_opens_them(extract_text):
    corpus = extract_text("新闻发布会文字实录\n\n本报记者 王明\n\n世界互联网大会副秘书长 冼立民出席。\n\n冼立民：\n"
                          "本届峰会由世界互联网大会和浙江省人民政府共同主办。\n\n新华社记者：\n今年有哪些新变化？\n")
    assert {_name(corpus, f.role("speaker")) for f in corpus.facts if f.kind == "quote"} == {"冼立民"}


def test_facts_a_bio_under_the_speaker_name_gives_the_posts(extract_text):
    corpus = extract_text("演讲嘉宾\n\n（按演讲顺序排列）\n\n符晓芃\n现任清华大学网络科学与网络空间研究院教授，"
                          "兼任中国计算机学会理事。曾任微软亚洲研究院研究员。\n\n"
                          "玛丽亚姆·阿卜杜拉（Maryam Abdullah）\n现任新加坡网络安全局（Cyber Security Agency of Singapore）"
                          "国际合作司助理司长。\n")
    assert {("符晓芃", "清华大学网络科学与网络空间研究院", "教授"), ("符晓芃", "中国计算机学会", "理事"),
            ("玛丽亚姆·阿卜杜拉", "新加坡网络安全局", "国际合作司助理司长")} <= _positions(corpus)


def test_facts_a_bio_gives_its_person_the_awards_won_with_no_subject(extract_text):
    corpus = extract_text("演讲嘉宾\n\n沈以宁\n现任中国科学院信息工程研究所研究员。主要研究方向为网络攻防。"
                          "2018年获国家科学技术进步奖二等奖。\n\n邝嘉禾\n现任浙江大学教授。2020年获浙江省科学技术进步奖一等奖。\n")
    found = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), _name(corpus, f.role("category")),
              f.role("year")) for f in _facts(corpus, "conferment")}
    assert found == {("沈以宁", "国家科学技术进步奖", "二等奖", "2018"), ("邝嘉禾", "浙江省科学技术进步奖", "一等奖", "2020")}


def test_facts_a_malaysian_honorific_is_no_part_of_the_post(extract_text):
    corpus = extract_text("马来西亚中华总商会（中总）副会长丹斯里俞启泰说，合作前景广阔。"
                          "大马电讯（TM）执行副总裁拿督卡米尔依斯迈（Datuk Kamil Ismail）则介绍了业务。\n")
    assert {("俞启泰", "马来西亚中华总商会", "副会长"), ("卡米尔依斯迈", "大马电讯", "执行副总裁")} <= _positions(corpus)


def test_facts_a_post_with_its_portfolio_then_a_styled_name_glossed_in_english(extract_text):
    corpus = extract_text("马来西亚代表团出席峰会。数码部副秘书长（数码发展）拿督莫哈末阿兹哈鲁丁（Datuk Mohd Azharuddin）"
                          "今日在峰会上致词。\n")
    assert ("莫哈末阿兹哈鲁丁", "数码部", "副秘书长（数码发展）") in _positions(corpus)



def test_facts_a_vietnamese_name_after_a_title(extract_text):
    corpus = extract_text("据了解，东盟副秘书长阮氏清娥等将出席峰会。\n")
    assert ("阮氏清娥", "东盟", "副秘书长") in _positions(corpus)


def test_facts_a_programme_gives_each_speaker_the_post_printed_after_the_name(extract_text):
    corpus = extract_text("圆桌对话：智能体时代的产业协同\n主持人：欧阳槿　浙江大学计算机科学与技术学院教授\n"
                          "对话嘉宾：裴定远　海康威视副总裁\n卡琳·米勒（Karin Müller）　思爱普（SAP）全球副总裁\n"
                          "总结嘉宾：司徒岚　浙江省经济和信息化厅副厅长\n")
    assert {("裴定远", "海康威视", "副总裁"), ("卡琳·米勒", "思爱普", "全球副总裁"),
            ("司徒岚", "浙江省经济和信息化厅", "副厅长")} <= _positions(corpus)


def test_facts_a_report_with_its_makers_in_parentheses(extract_text):
    corpus = extract_text("15:20　成果发布：《人工智能赋能新型工业化典型案例集（2023）》（中国信息通信研究院、浙江大学联合编制）\n")
    makers = {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy")}
    assert makers == {"中国信息通信研究院", "浙江大学"}


def test_facts_a_radio_script_quotes_the_tape_after_the_speaker(extract_text):
    corpus = extract_text("阿里云智能集团副总裁孟令川说：\n\n【录音】开源让更多中小企业用得上大模型。\n\n"
                          "【主持人】峰会将持续到22日。\n")
    (quote,) = _facts(corpus, "quote", speaker="孟令川")
    assert quote.role("text") == "开源让更多中小企业用得上大模型。"


def test_facts_a_reports_table_of_honours_gives_each_row_to_the_company(extract_text):
    corpus = extract_text("一、公司荣誉\n\n报告期内，星河数智获得多项重要荣誉。近三年公司获得的主要荣誉如下：\n\n年份 荣誉名称 颁发机构\n"
                          "2024 世界互联网大会杰出贡献奖（创新突破类） 世界互联网大会\n2024 2024年中国互联网企业综合实力指数前百家企\n"
                          "业 中国互联网协会\n2023 国家科学技术进步奖二等奖 国务院\n\n星河数智股份有限公司 2024年年度报告\n\n36\n")
    found = {(_name(corpus, f.role("award")), _name(corpus, f.role("category")), f.role("year"))
             for f in _facts(corpus, "conferment")}
    assert found == {("世界互联网大会杰出贡献奖", "创新突破类", "2024"), ("国家科学技术进步奖", "二等奖", "2023")}
    (recipient,) = {_name(corpus, f.role("recipient")) for f in _facts(corpus, "conferment")}
    assert recipient.startswith("星河数智")  # one firm, the report's, named short or in full


def test_facts_this_company_is_the_firm_named_before_not_the_government(extract_text):
    corpus = extract_text("中国电信嘉兴分公司与桐乡市人民政府签署战略合作协议，据该公司副总经理欧阳可欣介绍，双方将共建10个工厂。\n")
    assert ("欧阳可欣", "中国电信嘉兴分公司", "副总经理") in _positions(corpus)


def _released(corpus):
    return {(_name(corpus, f.role("report")), _name(corpus, f.role("event"))) for f in corpus.facts if f.kind == "releasedAt"}


def test_facts_a_career_joins_a_body_then_takes_its_posts(extract_text):
    corpus = extract_text("本报记者 王明\n\n2016年博士毕业后，宓晓岚加入阿里云，任算法工程师。"
                          "2019年，宓晓岚转入之江实验室，先后任高级研究专员、研究员。\n")
    assert {("宓晓岚", "阿里云", "算法工程师"), ("宓晓岚", "之江实验室", "高级研究专员"),
            ("宓晓岚", "之江实验室", "研究员")} <= _positions(corpus)


def test_facts_a_reports_speaker_line_names_the_speaker(extract_text):
    corpus = extract_text("政府工作报告\n\n——2025年1月10日在桐乡市第十七届人民代表大会第五次会议上\n\n市长　阙明远\n\n"
                          "各位代表：\n现在，我代表桐乡市人民政府向大会报告工作。\n")
    assert "阙明远" in {e.name for e in corpus.resolution.entities.values() if e.type == "Person"}


def test_facts_a_bare_summit_is_the_edition_its_paragraph_just_named(extract_text):
    corpus = extract_text("本报记者 王明\n\n（一）全力服务保障乌镇峰会。高标准完成2024年世界互联网大会乌镇峰会服务保障任务。"
                          "中国网络空间研究院在峰会上发布的《中国互联网发展报告2024》将乌镇列为典型案例。\n\n"
                          "（二）高水平办好2025年世界互联网大会乌镇峰会。\n")
    assert _released(corpus) == {("《中国互联网发展报告2024》", "2024年世界互联网大会乌镇峰会")}


def test_facts_a_release_after_the_ceremony_and_during_this_summit(extract_text):
    corpus = extract_text("本台消息\n\n本台消息，今天上午，2023年世界互联网大会乌镇峰会在桐乡乌镇开幕。\n"
                          "开幕式上，浙江省副省长滕一鸣致辞。随后，中国网络空间研究院发布了《世界互联网发展报告2023》。\n")
    assert _released(corpus) == {("《世界互联网发展报告2023》", "2023年世界互联网大会乌镇峰会")}
    corpus = extract_text("本报记者 王明\n\n2024年世界互联网大会乌镇峰会20日开幕。\n"
                          "据悉，本届峰会期间，《世界互联网发展报告2024》蓝皮书也在乌镇发布。\n")
    assert _released(corpus) == {("《世界互联网发展报告2024》", "2024年世界互联网大会乌镇峰会")}


def test_facts_a_publisher_names_the_kind_before_its_reports(extract_text):
    corpus = extract_text("本报记者 王明\n\n中国网络空间研究院在峰会上发布蓝皮书《世界互联网发展报告2024》和《中国互联网发展报告2024》。\n")
    published = {(_name(corpus, f.role("report")), _name(corpus, f.role("organization")))
                 for f in corpus.facts if f.kind == "publishedBy"}
    assert published == {("《世界互联网发展报告2024》", "中国网络空间研究院"), ("《中国互联网发展报告2024》", "中国网络空间研究院")}


def test_facts_the_posts_of_a_firms_units_and_a_districts_head(extract_text):
    corpus = extract_text("本报记者 王明\n\n新华三集团与嘉兴市秀洲区人民政府签署战略合作协议。新华三集团副总裁、云与计算存储产品线总裁"
                          "项晓澜介绍了模型。新华三集团高级副总裁、数字政府事业部总裁欧阳砚秋与秀洲区副区长钮嘉树代表双方签约。"
                          "新华三集团技术战略部总经理谭棣发表主题演讲。新华三展台人气很旺。\n")
    positions = _positions(corpus)
    assert {("项晓澜", "新华三集团", "副总裁"), ("项晓澜", "新华三集团", "云与计算存储产品线总裁"),
            ("欧阳砚秋", "新华三集团", "高级副总裁"), ("欧阳砚秋", "新华三集团", "数字政府事业部总裁"),
            ("钮嘉树", "嘉兴市秀洲区人民政府", "副区长"), ("谭棣", "新华三集团", "技术战略部总经理")} <= positions
    assert {p for p in positions if p[0] == "钮嘉树"} == {("钮嘉树", "嘉兴市秀洲区人民政府", "副区长")}


def test_facts_a_committee_member_and_an_experts_field(extract_text):
    corpus = extract_text("本报记者 王明\n\n世界互联网大会高级咨询委员会委员、法国网络安全专家吕克·莫罗（Luc Moreau）说，"
                          "获奖成果走进生活。阿里云高级算法专家卢思远说，模型很好用。\n")
    assert _positions(corpus) == {("吕克·莫罗", "世界互联网大会高级咨询委员会", "委员"),
                                  ("卢思远", "阿里云", "高级算法专家")}


def test_facts_a_sound_bite_with_a_glossed_name_and_a_national_company(extract_text):
    corpus = extract_text("【浙江新闻联播】峰会开幕\n【导语】\n本台消息，峰会在桐乡乌镇开幕。\n【同期声】\n"
                          "（同期声）马库斯·霍夫曼（Markus Hoffmann） 西门子（中国）有限公司副总裁\n"
                          "中国的数字化市场让我们非常兴奋。\n")
    assert _positions(corpus) == {("马库斯·霍夫曼", "西门子（中国）有限公司", "副总裁")}
    (f,) = _facts(corpus, "quote", speaker="马库斯·霍夫曼")
    assert f.role("text") == "中国的数字化市场让我们非常兴奋。"


def test_facts_colloquial_award_and_maker_after_the_reports(extract_text):
    corpus = extract_text("【实拍】2025乌镇峰会逛了一整天\n\n今年是2025年世界互联网大会乌镇峰会。开幕那天还发布了《世界互联网发展报告2025》"
                          "和《中国互联网发展报告2025》两本蓝皮书，中国网络空间研究院编的。听说宇树科技拿了今年的世界互联网大会杰出贡献奖。\n")
    assert _conferred(corpus, "award") == {("宇树科技", "世界互联网大会杰出贡献奖")}
    published = {(_name(corpus, f.role("report")), _name(corpus, f.role("organization")))
                 for f in corpus.facts if f.kind == "publishedBy"}
    assert published == {("《世界互联网发展报告2025》", "中国网络空间研究院"), ("《中国互联网发展报告2025》", "中国网络空间研究院")}


def test_facts_a_company_page_speaks_of_itself_as_公司(extract_text):
    corpus = extract_text("浙江大华技术股份有限公司\n\n投资者提问：\n公司有高管在论坛上发言吗？\n公司回答：\n"
                          "您好！11月21日，公司高级副总裁、研究院院长殷闻舟出席论坛并作主旨演讲。\n")
    assert _positions(corpus) == {("殷闻舟", "浙江大华技术股份有限公司", "高级副总裁"),
                                  ("殷闻舟", "浙江大华技术股份有限公司", "研究院院长")}


def test_facts_a_citation_under_a_persons_name_and_post(extract_text):
    corpus = extract_text("费舜卿\n清华大学网络科学与网络空间研究院教授\n他是下一代互联网的铺路人。他说：“网络要让每个人都用得上。”\n")
    assert _positions(corpus) == {("费舜卿", "清华大学网络科学与网络空间研究院", "教授")}
    (f,) = _facts(corpus, "quote", speaker="费舜卿")
    assert f.role("text") == "网络要让每个人都用得上。"


def test_facts_a_former_post_that_describes_the_person(extract_text):
    corpus = extract_text("本报记者 王明\n\n时任乌镇旅游股份有限公司副总经理的籍晓岚记得，景区完成了网络改造。\n")
    assert _positions(corpus) == {("籍晓岚", "乌镇旅游股份有限公司", "副总经理")}


def test_facts_a_guest_list_with_two_posts_a_unit_after_an_alias_and_the_title_first(extract_text):
    corpus = extract_text("工业互联网论坛\n嘉宾名单\n\n主旨演讲嘉宾\n\n苑一鸣　中国工程院院士，浙江大学控制科学与工程学院教授\n"
                          "哈坎·约翰松（Håkan Johansson）　爱立信（Ericsson）东北亚区 企业业务副总裁\n"
                          "法蒂玛·阿勒哈希米（Fatima Al Hashimi）　数字化转型高级总监，阿联酋阿布扎比港口集团（AD Ports Group）\n"
                          "那仁图雅　内蒙古伊利实业集团股份有限公司 数字化中心副总经理\n"
                          "宗翰霖　中国信息通信研究院 副院长、总工程师\n")
    assert {("苑一鸣", "中国工程院", "院士"), ("苑一鸣", "浙江大学控制科学与工程学院", "教授"),
            ("那仁图雅", "内蒙古伊利实业集团股份有限公司", "数字化中心副总经理"),
            ("宗翰霖", "中国信息通信研究院", "副院长"), ("宗翰霖", "中国信息通信研究院", "总工程师"),
            ("哈坎·约翰松", "爱立信", "东北亚区企业业务副总裁"),
            ("法蒂玛·阿勒哈希米", "阿联酋阿布扎比港口集团", "数字化转型高级总监")} <= _positions(corpus)


def test_facts_a_speech_printed_whole_is_its_speakers_words(extract_text):
    corpus = extract_text(
        "商汤科技鲍子骞：大模型的下半场，拼的是“用得起”\n\n文｜佘晏清\n2024-11-21 19:32\n\n"
        "在21日举行的人工智能赋能产业发展论坛上，商汤科技副总裁鲍子骞发表主题演讲，分享了商汤对大模型落地的观察。\n\n"
        "以下为演讲实录，经36氪编辑整理：\n\n大家好！很高兴再次来到乌镇。今年被问得最多的一句话是：大模型用不用得起？\n",
        source="speech.txt")
    (f,) = _facts(corpus, "quote", speaker="鲍子骞")
    assert f.role("text").startswith("大家好！很高兴再次来到乌镇。")
    assert [_name(corpus, r.role("person")) for r in _facts(corpus, "reporter")] == ["佘晏清"]


def test_facts_a_common_word_after_a_bodys_alias_opens_the_title(extract_text):
    corpus = extract_text("本报乌镇11月8日电（记者 陈静）亚太互联网络信息中心（APNIC）政策顾问莉娅·哈特韦尔（Leah Hartwell）"
                          "指出，互联网治理需要多方参与。\n", source="alias.txt")
    (f,) = _facts(corpus, "position", holder="莉娅·哈特韦尔")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("亚太互联网络信息中心", "政策顾问")


def test_facts_what_a_speaker_told_the_team_is_a_quote(extract_text):
    corpus = extract_text("本报乌镇11月5日电（记者 陈静）云深处科技市场总监戚昊楠告诉我们：“这次我们带来了最新的机器人。”\n",
                          source="told.txt")
    (f,) = _facts(corpus, "quote", speaker="戚昊楠")
    assert f.role("text") == "这次我们带来了最新的机器人。"


def test_facts_a_quoted_forum_between_the_speaker_and_the_verb(extract_text):
    corpus = extract_text("本报乌镇11月20日电（记者 陈静）高通公司高级副总裁艾伦·麦克米兰（Alan McMillan）在乌镇峰会“人工智能赋能产业发展论坛”上表示，"
                          "终端侧AI将成为手机市场的主要增长动力。\n", source="forum.txt")
    (f,) = _facts(corpus, "quote", speaker="艾伦·麦克米兰")
    assert f.role("text").startswith("终端侧AI将成为")


def test_facts_a_salutation_names_the_bodies_of_the_lexicon_with_their_officers(extract_text):
    corpus = extract_text("尊敬的世界互联网大会副秘书长任嘉澍先生、各位嘉宾：\n\n大家好！创新科技及工业局局长孙东华说，香港将积极参与。\n",
                          source="salute.txt")
    (f,) = _facts(corpus, "position", holder="任嘉澍")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("世界互联网大会", "副秘书长")
    (g,) = _facts(corpus, "position", holder="孙东华")
    assert _name(corpus, g.role("organization")) == "创新科技及工业局"
    assert "尊敬" not in {e.name for e in corpus.resolution.entities.values()}


def test_facts_titles_opening_a_sentence_are_held_at_the_subject_of_the_one_before(extract_text):
    corpus = extract_text(
        "本报杭州11月14日电（记者 陈静）杭州灵伴科技有限公司完成数亿元C轮融资，浙江省产业基金有限公司领投。"
        "联合创始人、副总裁晏梓航表示，资金将用于量产。\n\n"
        "腾讯发布了新品。市长柏立新出席了活动。\n", source="subject.txt")
    held = {(_name(corpus, f.role("organization")), f.role("title")) for f in _facts(corpus, "position", holder="晏梓航")}
    assert held == {("杭州灵伴科技有限公司", "联合创始人"), ("杭州灵伴科技有限公司", "副总裁")}
    assert not _facts(corpus, "position", holder="柏立新")  # a mayor is no officer of the firm
    corpus = extract_text("本报杭州11月14日电（记者 陈静）海康威视发布了新品。该公司研究院院长蒋海波介绍，新品已量产。\n",
                          source="this-firm.txt")
    assert {f.role("title") for f in _facts(corpus, "position", holder="蒋海波")} == {"研究院院长"}


def test_facts_a_report_page_names_its_makers_and_launch_in_fields(extract_text):
    corpus = extract_text(
        "中国信息通信研究院　　　　　　　　　　　　白皮书\n\n"
        "《全球数字经济白皮书2024》\nGlobal Digital Economy White Paper 2024\n\n"
        "编写单位：中国信息通信研究院\n发布单位：世界互联网大会\n出版单位：人民邮电出版社\n发布时间：2024年11月21日\n"
        "发布活动：2024年世界互联网大会乌镇峰会数字经济论坛\n\n"
        "编写组\n组　长：詹以衡　中国信息通信研究院副院长\n副组长：盛嘉禾　清华大学公共管理学院教授\n\n"
        "一、主要结论\n\n全球数字经济规模持续扩大，各国加快布局人工智能。\n", source="white-paper.txt")
    makers = {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy", report="《全球数字经济白皮书2024》")}
    assert makers == {"中国信息通信研究院", "世界互联网大会", "人民邮电出版社"}
    (launch,) = _facts(corpus, "releasedAt", report="《全球数字经济白皮书2024》")
    assert _name(corpus, launch.role("event")) == "2024年世界互联网大会乌镇峰会数字经济论坛"
    (lead,) = _facts(corpus, "position", holder="詹以衡")
    assert (_name(corpus, lead.role("organization")), lead.role("title")) == ("中国信息通信研究院", "副院长")
    (deputy,) = _facts(corpus, "position", holder="盛嘉禾")
    assert (_name(corpus, deputy.role("organization")), deputy.role("title")) == ("清华大学公共管理学院", "教授")


def test_facts_a_post_in_the_aside_after_a_foreign_names_latin_form(extract_text):
    corpus = extract_text("本报乌镇11月8日电（记者 陈静）课题组成员包括埃米尔·哈桑（Emir Hasan，开罗大学副教授）、"
                          "若泽·平托（José Pinto，波尔图大学）等。\n", source="aside.txt")
    (f,) = _facts(corpus, "position", holder="埃米尔·哈桑")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("开罗大学", "副教授")
    assert not _facts(corpus, "position", holder="若泽·平托")  # a university alone names no post


def test_facts_a_later_clause_says_what_the_sentences_subject_said(extract_text):
    corpus = extract_text("本报乌镇11月20日电（记者 陈静）海康威视副总裁苏沛然在峰会期间发布观澜大模型，称已有百余个项目落地。"
                          "这一系统被业内称为“城市之眼”。据岑思远介绍，产品已量产，并表示将扩产。\n", source="clause.txt")
    (f,) = _facts(corpus, "quote", speaker="苏沛然")
    assert f.role("text") == "已有百余个项目落地"
    # 据X介绍 is X's own verb, read by its own rule; the later clause adds no second quotation
    assert [g.rule for g in _facts(corpus, "quote", speaker="岑思远")] == ["NAME + quote verb"]
    assert len([g for g in corpus.facts if g.kind == "quote"]) == 2  # 称为 quotes nobody


def test_facts_winners_of_an_award_the_sentence_before_announced(extract_text):
    corpus = extract_text("本报乌镇11月20日电（记者 陈静）20日，2024年“世界互联网大会杰出贡献奖”在峰会开幕式上揭晓。"
                          "英国计算机科学家艾伦·霍尔布鲁克（Alan Holbrook）、非洲信息通信技术联盟副主席阿莫斯·基普罗诺获颁个人奖项。\n",
                          source="announced.txt")
    won = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("award")), f.role("year"))
           for f in corpus.facts if f.kind == "conferment"}
    assert won == {("艾伦·霍尔布鲁克", "世界互联网大会杰出贡献奖", "2024"), ("阿莫斯·基普罗诺", "世界互联网大会杰出贡献奖", "2024")}
    (f,) = _facts(corpus, "position", holder="阿莫斯·基普罗诺")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("非洲信息通信技术联盟", "副主席")


def test_facts_more_winners_listed_after_同批获奖的还有(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 陈静）2023年世界互联网大会领先科技奖9日在乌镇揭晓，之江实验室参与完成的一项成果榜上有名。"
                          "同批获奖的还有腾讯、华为等企业的成果。\n", source="same-batch.txt")
    won = {_name(corpus, f.role("recipient")) for f in corpus.facts if f.kind == "conferment"}
    assert {"腾讯", "华为"} <= won


def test_facts_a_numbered_unit_and_a_governing_board_belong_to_the_title(extract_text):
    corpus = extract_text("本报乌镇11月20日电（记者 陈静）国际电信联盟(ITU)第17研究组副主席伊莎贝拉·马尔蒂尼(Isabella Martini)表示，"
                          "标准需要协调。代表团成员包括澳门科学技术发展基金行政委员会委员司徒安妮。\n", source="units.txt")
    (f,) = _facts(corpus, "position", holder="伊莎贝拉·马尔蒂尼")
    assert (_name(corpus, f.role("organization")), f.role("title")) == ("国际电信联盟", "第17研究组副主席")
    (g,) = _facts(corpus, "position", holder="司徒安妮")
    assert (_name(corpus, g.role("organization")), g.role("title")) == ("澳门科学技术发展基金", "行政委员会委员")


def test_facts_reports_an_interview_answer_names_and_the_summit_released(extract_text):
    corpus = extract_text(
        "本报记者 陈静\n\n记者：峰会期间发布的《世界互联网发展报告2024》和《中国互联网发展报告2024》蓝皮书引起关注，您有什么体会？\n\n"
        "蒲霁川：两部蓝皮书由中国网络空间研究院编撰，都提到人工智能正在加速融入科学研究。\n\n"
        "2024年世界互联网大会乌镇峰会期间，蒲霁川接受了采访。\n", source="answer.txt")
    for report in ("《世界互联网发展报告2024》", "《中国互联网发展报告2024》"):
        assert {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy", report=report)} \
            == {"中国网络空间研究院"}, report
        assert {_name(corpus, f.role("event")) for f in _facts(corpus, "releasedAt", report=report)} \
            == {"2024年世界互联网大会乌镇峰会"}, report


def test_facts_a_report_released_during_the_event_its_head_noun_names(extract_text):
    corpus = extract_text("新华社乌镇11月8日电（记者 陈静）第五届世界互联网大会7日在浙江乌镇开幕。英国剑桥大学教授奥利弗·彭伯顿"
                          "（Oliver Pemberton）关注到大会期间发布的《世界互联网发展报告2018》蓝皮书。\n", source="during.txt")
    (f,) = _facts(corpus, "releasedAt", report="《世界互联网发展报告2018》")
    assert _name(corpus, f.role("event")) == "第五届世界互联网大会"
    (g,) = _facts(corpus, "position", holder="奥利弗·彭伯顿")
    assert (_name(corpus, g.role("organization")), g.role("title")) == ("剑桥大学", "教授")


def test_facts_posts_a_notice_lists_under_a_titles_heading(extract_text):
    corpus = extract_text(
        "关于增选理事会成员的公告\n\n会议同时增选以下同志为中国互联网协会第七届理事会副理事长、常务理事：\n\n副理事长：\n"
        "沃思凯　中国联合网络通信集团有限公司副总经理\n黎佩珊　腾讯公司副总裁\n\n常务理事：\n昝海舟　阿里云智能集团副总裁\n\n"
        "特此公告。\n", source="notice.txt")
    held = {(f.role("title"), _name(corpus, f.role("holder"))) for f in corpus.facts if f.kind == "position"
            and _name(corpus, f.role("organization")) == "中国互联网协会"}
    assert held == {("副理事长", "沃思凯"), ("副理事长", "黎佩珊"), ("常务理事", "昝海舟")}
    (f,) = _facts(corpus, "position", holder="黎佩珊", organization="腾讯公司")
    assert f.role("title") == "副总裁"


def test_facts_winners_listed_under_quoted_classes_further_on_in_the_paragraph(extract_text):
    corpus = extract_text("新华社乌镇11月20日电（记者 陈静）2024年“世界互联网大会杰出贡献奖”20日揭晓。\n\n"
                          "获奖企业分为三类。“社会贡献类”：京东集团（中国）、萨法利通信公司（Safaricom，肯尼亚）；"
                          "“创新突破类”：华为（中国）、爱立信（瑞典）。\n", source="classes.txt")
    won = {(_name(corpus, f.role("recipient")), _name(corpus, f.role("category")) if f.role("category") else None)
           for f in corpus.facts if f.kind == "conferment"}
    assert won == {("京东集团", "社会贡献类"), ("萨法利通信公司", "社会贡献类"), ("华为", "创新突破类"), ("爱立信", "创新突破类")}


def test_facts_reports_launched_at_a_forum_of_the_edition_and_their_press(extract_text):
    corpus = extract_text("本报乌镇11月20日电（记者 陈静）20日，在2024年世界互联网大会乌镇峰会“世界互联网发展论坛”上，"
                          "《世界互联网发展报告2024》和《中国互联网发展报告2024》蓝皮书正式发布。"
                          "两部蓝皮书由中国网络空间研究院编撰，电子工业出版社出版。\n", source="forum-launch.txt")
    for report in ("《世界互联网发展报告2024》", "《中国互联网发展报告2024》"):
        assert {_name(corpus, f.role("event")) for f in _facts(corpus, "releasedAt", report=report)} \
            == {"世界互联网发展论坛"}, report
        assert {_name(corpus, f.role("organization")) for f in _facts(corpus, "publishedBy", report=report)} \
            == {"中国网络空间研究院", "电子工业出版社"}, report


def test_facts_a_un_affairs_officer_and_a_hong_kong_legislator(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 陈静）联合国贸易和发展会议（UNCTAD）高级经济事务官伊莎贝尔·费雷拉（Isabel Ferreira）认为，"
                          "份额仍然偏低。全國政協委員、香港立法會議員容啟賢表示，香港可以擔當「超級聯繫人」。"
                          "浙江欢迎更多港企来浙投资。\n", source="officers.txt")
    (f,) = _facts(corpus, "position", holder="伊莎贝尔·费雷拉")
    assert (_name(corpus, f.role("organization")), f.role("title")) in {
        ("联合国贸易和发展会议", "高级经济事务官"), ("UNCTAD", "高级经济事务官")}
    held = {(corpus.resolution.entities[g.role("organization")].name, g.role("title"))
            for g in _facts(corpus, "position", holder="容啟賢")}
    assert ("香港立法會", "議員") in held
    assert not [e for e in corpus.resolution.entities.values() if e.name.startswith("港企")]


def _typed(corpus):
    return {e.name: e.type for e in corpus.resolution.entities.values()}


def test_facts_a_zone_with_a_name_of_its_own_lies_in_the_city_printed_before_it(extract_text):
    corpus = extract_text("本报记者 王明\n\n来自东莞松山湖高新区的2个项目进入总决赛，另有项目落户桐乡经济开发区。\n")
    assert ("松山湖高新区", "东莞") in _located(corpus)
    names = _typed(corpus)
    assert names.get("松山湖高新区") == "Region" and "东莞松山湖高新区" not in names
    assert names.get("桐乡经济开发区") == "Region"  # the zone named after its city keeps it


def test_facts_a_firm_unit_with_a_latin_abbreviation_belongs_to_the_title(extract_text):
    corpus = extract_text("南方日报记者 王明 发自乌镇\n\n华为、腾讯等企业参展。华为终端BG软件部副总裁龚瀚文介绍，应用已经上架。\n")
    assert ("龚瀚文", "华为", "终端BG软件部副总裁") in _positions(corpus)


def test_facts_firms_joined_after_their_short_forms_share_the_place(extract_text):
    corpus = extract_text("本报讯 （记者 王明）来自东莞的OPPO广东移动通信有限公司（OPPO）和维沃移动通信有限公司（vivo）"
                          "在博览会上展出新品。\n")
    assert {("OPPO广东移动通信有限公司", "东莞"), ("维沃移动通信有限公司", "东莞")} <= _based(corpus)


def test_facts_fields_listed_and_a_field_facility_are_no_bodies(extract_text):
    corpus = extract_text("【明報專訊】數碼港組織初創企業參展，展示金融科技及人工智能應用。"
                          "中央企业要加大对智算中心、跨境海缆等领域的投入，签约项目涉及算力中心和城市大脑。\n")
    names = _typed(corpus)
    assert not {"金融科技", "智算中心", "项目涉及算力中心", "算力中心"} & set(names)


def test_facts_a_body_whose_secretariat_sits_in_a_city_is_based_there(extract_text):
    corpus = extract_text("本报记者 王明\n\n世界互联网大会是2022年7月成立的国际组织，秘书处设在北京。\n")
    assert ("世界互联网大会", "北京") in _based(corpus)


def test_facts_a_list_row_names_a_body_and_its_country(extract_text):
    corpus = extract_text("本报记者 王明\n\n八家机构加入大会。其中，哈萨克电信（Kazakhtelecom）是中亚地区重要的电信运营商。"
                          "\n\n附件：新增会员名单\n\n"
                          "1. 德国电气工程师协会（VDE），德国\n2. 哈萨克电信（Kazakhtelecom），哈萨克斯坦\n"
                          "3. 科大讯飞股份有限公司，中国\n4. 北京邮电大学　中国\n")
    assert {("哈萨克电信", "哈萨克斯坦"), ("科大讯飞股份有限公司", "中国"), ("北京邮电大学", "中国")} <= _based(corpus)
    assert _typed(corpus).get("哈萨克电信") == "Company" and "电信" not in _typed(corpus)


def test_facts_two_summits_joined_are_two_events(extract_text):
    corpus = extract_text("本报记者 王明\n\n新会员将参加2025年世界互联网大会乌镇峰会及亚太峰会等活动。\n")
    names = _typed(corpus)
    assert names.get("2025年世界互联网大会乌镇峰会") == "Event" and names.get("亚太峰会") == "Event"


def test_facts_a_quoted_name_the_sentence_calls_a_platform_is_a_product(extract_text):
    corpus = extract_text("链接\n\n“天府通办”是四川省一体化政务服务平台，由四川省大数据中心建设运营。\n")
    assert _typed(corpus).get("天府通办") == "Product"


def test_facts_a_city_whose_short_form_is_a_word_listed_with_cities(extract_text):
    corpus = extract_text("聯合報／記者柯昱廷／即時報導\n\n今年有來自台北、新竹和台中的科技業者首度組團參加峰會。"
                          "桐鄉與阿里雲簽署協議。\n")
    assert _typed(corpus).get("台中") == "Region"
    assert "阿里" not in _typed(corpus)  # 桐鄉與|阿里|雲: the word runs on into a firm's name


def test_facts_the_mainland_before_a_national_body_is_no_part_of_its_name(extract_text):
    corpus = extract_text("聯合報／記者柯昱廷／即時報導\n\n大陸國家互聯網信息辦公室副主任閔立衡表示，歡迎台灣企業參展。"
                          "寮國外交部副部長坎培·西薩宛也出席論壇。\n")
    assert ("閔立衡", "國家互聯網信息辦公室", "副主任") in _positions(corpus)
    assert ("坎培·西薩宛", "寮國外交部", "副部長") in _positions(corpus)  # another country's ministry keeps it


def test_facts_every_body_of_a_list_launches_the_initiative(extract_text):
    corpus = extract_text("澎湃新闻记者 王明\n\n上海人工智能实验室、之江实验室等20余家机构和企业共同发起《人工智能赋能产业发展乌镇倡议》。\n")
    organisers = {_name(corpus, f.role("organization")) for f in corpus.facts if f.kind == "organizedBy"}
    assert organisers == {"上海人工智能实验室", "之江实验室"}


def test_facts_a_firm_named_by_a_brand_and_its_field_showing_at_a_fair(extract_text):
    corpus = extract_text("本报讯（记者 芮嘉禾）合众新能源汽车展出了新车型，巨石集团则带来了玻璃纤维。\n")
    assert _typed(corpus).get("合众新能源汽车") == "Company"


def test_facts_a_verb_of_covering_ends_an_events_name(extract_text):
    corpus = extract_text("本报讯（记者 芮嘉禾）志愿者提供引导服务，服务时间覆盖峰会全程。\n")
    assert not any("覆盖" in name for name in _typed(corpus))


def test_facts_the_award_inside_its_ceremony_in_traditional_characters(extract_text):
    corpus = extract_text("【明報專訊】峰會昨日亦舉行世界互聯網大會領先科技獎發布活動，香港科技大學一項成果入選。\n")
    names = _typed(corpus)
    assert names.get("世界互聯網大會領先科技獎") == "Award"
    assert names.get("世界互聯網大會領先科技獎發布活動") == "Event"


def test_facts_a_forum_of_the_summit_named_for_none_of_its_own_is_no_event(extract_text):
    corpus = extract_text("烏鎮峰會論壇 港官員推介跨境數據流通\n\n【明報專訊】特區政府官員在峰會「數據治理與跨境流動論壇」發言。"
                          "論壇由世界互聯網大會主辦，在浙江桐鄉烏鎮互聯網國際會展中心舉行。\n")
    assert "烏鎮峰會論壇" not in _typed(corpus)
    held = {(_name(corpus, f.role("event")), _name(corpus, f.role("region"))) for f in corpus.facts if f.kind == "heldIn"}
    assert ("數據治理與跨境流動論壇", "烏鎮互聯網國際會展中心") in held


def test_facts_a_bureau_after_its_government_is_a_member_of_it(extract_text):
    corpus = extract_text("本报讯 香港特区政府创新科技及工业局局长孙东表示，合作空间很大。浙江省人民政府新闻办公室主任韩立表示，服务到位。\n")
    assert ("孙东", "创新科技及工业局", "局长") in _positions(corpus)
    members = {(_name(corpus, f.role("member")), _name(corpus, f.role("parent"))) for f in corpus.facts if f.kind == "memberOf"}
    assert ("创新科技及工业局", "香港特区政府") in members
    assert ("韩立", "浙江省人民政府新闻办公室", "主任") in _positions(corpus)  # a people's government's office keeps it


def test_facts_a_venue_after_a_chain_of_places_lies_in_the_last(extract_text):
    corpus = extract_text("本报讯 论坛在浙江桐乡乌镇互联网国际会展中心举行，游客在浙江桐乡乌镇西栅景区参观。\n")
    located = _located(corpus)
    assert ("乌镇互联网国际会展中心", "桐乡") in located and ("桐乡", "浙江") in located
    assert "乌镇西栅景区" in _typed(corpus)  # a scenic area keeps its town
