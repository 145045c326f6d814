"""kg/extract/mentions.py: the names in news sentences, typed, with offsets into the page.

The sentences below are written for these tests in the style of Chinese news (none is taken from
the bundled page); the expected names and types are what a reader of the sentence would mark."""

import re

import pytest

from kg.extract.mentions import extract_mentions, recognize
from kg.graph.vocab import ENTITY_TYPES

ORG = {"Organization", "Company", "GovernmentBody"}


def _names(text, lexicon):
    return recognize(text, lexicon)


def _strip_book_marks(name: str) -> str:
    return name.strip("《》")


def _found(candidates, name):
    return [c for c in candidates if _strip_book_marks(c.text) == name]


def case(sentence, *expected, id, xfail=None):
    """expected: (name, type or set of acceptable types)."""
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(sentence, expected, id=id, marks=marks)


CASES = [
    # ORG + TITLE + NAME
    case("华为的昇腾AI计算集群和之江实验室的天枢人工智能开源开放平台获奖，地平线（09660.HK）的征程6智能驾驶芯片也在列。",
         ("昇腾", "Product"), ("天枢", "Product"), id="products-owned-by-an-organisation"),
    case("宇树科技带来的G1人形机器人与观众握手，科大讯飞展出了讯飞星火大模型的最新版本。",
         ("G1", "Product"), ("讯飞星火大模型", "Product"), id="model-codes-and-a-brand-after-a-particle"),
    case("我们会把日日新（SenseNova）大模型的研发团队留在香港科学园。",
         ("日日新", "Product"), ("SenseNova", "Product"), id="named-model-with-its-latin-name"),
    case("之江实验室副主任郁清和则说，开源平台降低了门槛。", ("郁清和", "Person"), id="given-name-ending-in-和"),
    case("市场关注台积电CoWoS产能的扩充。", ("台积电", "Company"), id="maker-before-a-latin-product-name"),
    case("民進黨立委鍾佩蓉表示，國民黨立委陳建勳則認為，應赴立法院報告。", ("民進黨", "Organization"),
         ("國民黨", "Organization"), ("立法院", "GovernmentBody"), id="taiwan-parties-and-the-legislature"),
    case("小鹏汽车旗下的飞行汽车公司已亮相。小鹏汇天副总裁吴振宇透露，订单已过千。", ("小鹏汇天", "Company"),
         id="name-ending-in-a-measure-word"),
    case("东盟正在推进《国家人工智能策略2.0》。", ("国家人工智能策略2.0", "Initiative"), id="strategy-with-its-version"),
    case("去年OpenAI推出ChatGPT时，很少有人想到这一天。", ("OpenAI", "Company"), ("ChatGPT", "Product"),
         id="latin-maker-launches-latin-product"),
    case("她兼任东盟-新加坡网络安全卓越中心项目主任。中国—东盟信息港股份有限公司总裁罗启航致辞。",
         ("东盟-新加坡网络安全卓越中心", "Organization"), ("中国—东盟信息港股份有限公司", "Company"),
         id="names-joined-by-a-hyphen"),
    case("他曾在达喀尔谢赫·安塔·迪奥普大学任教。", ("谢赫·安塔·迪奥普大学", "Organization"), ("达喀尔", "Region"),
         id="place-glued-before-a-university-named-after-a-person"),
    case("2018年获国家科学技术进步奖二等奖。", ("国家科学技术进步奖", "Award"), ("二等奖", "AwardCategory"),
         id="state-award-and-its-grade-in-a-bio"),
    case("观众在小米展区乘坐无人车，又在第五届世界互联网大会“互联网之光”博览会华为展台体验华为Mate 20 Pro手机。",
         ("华为", "Company"), ("华为Mate 20 Pro", "Product"), id="stands-areas-and-a-model-name"),
    case("参赞在科大讯飞展台试用讯飞翻译机2.0。", ("科大讯飞", "Company"), ("讯飞翻译机2.0", "Product"),
         id="device-with-its-version-after-its-makers-short-name"),
    case("巴基斯坦驻华大使馆参赞阿西夫·马哈茂德出席。", ("巴基斯坦驻华大使馆", "GovernmentBody"),
         id="embassy-stationed-in-china"),
    case("大马电讯执行副总裁拿督卡米尔依斯迈（Datuk Kamil Ismail）介绍了该公司在赛城（Cyberjaya）的业务。",
         ("卡米尔依斯迈", "Person"), ("Kamil Ismail", "Person"), ("赛城", "Region"), ("Cyberjaya", "Region"),
         id="malaysian-honorific-before-a-name-and-a-place-with-its-malay-name"),
    case("一是精心组织企业参展。组织华友钴业、巨石集团等15家桐乡企业参加博览会。", ("华友钴业", "Company"),
         id="list-after-organising"),
    case("博览会吸引华为、阿里巴巴等企业参展，讯飞星火认知大模型、文心一言等产品集中亮相。", ("华为", "Company"),
         ("讯飞星火认知大模型", "Product"), ("文心一言", "Product"), id="lists-after-a-verb-and-of-products"),
    case("世界互联网大会人工智能工作组同期发布研究报告。", ("世界互联网大会人工智能工作组", "Organization"),
         id="working-group-named-with-its-body"),
    case("入围单位包括爱立信（中国）通信有限公司。", ("爱立信（中国）通信有限公司", "Company"),
         id="company-with-its-country-in-parentheses"),
    case("她曾任阿里巴巴集团安全部资深专家。", ("阿里巴巴集团", "Company"), id="firm-before-its-department-and-a-title"),
    case("当天下午，2024年世界互联网大会领先科技奖发布活动举行。", ("世界互联网大会领先科技奖", "Award"),
         ("2024年世界互联网大会领先科技奖发布活动", "Event"), id="award-named-in-its-ceremony"),
    case("华为展出搭载原生鸿蒙的平板，科大讯飞则用讯飞星火大模型为外宾提供实时翻译。", ("华为", "Company"),
         ("科大讯飞", "Company"), ("讯飞星火大模型", "Product"), id="what-a-firm-shows-and-uses-at-a-fair"),
    case("搭载骁龙8至尊版的荣耀Magic7等智能手机一同亮相。", ("荣耀Magic7", "Product"), id="brand-and-a-model-of-five-letters"),
    case("西门子股份公司数字化工业集团副总裁施特凡·洛伦茨说。", ("西门子股份公司", "Company"),
         id="business-group-after-the-legal-form"),
    case("由Anthropic研发的模型已经开源，DeepMind推出了新的气象系统。", ("Anthropic", "Company"),
         ("DeepMind", "Company"), id="latin-maker-before-what-it-made"),
    case("据他介绍，西门子推出的Industrial Copilot已在多家工厂上线。", ("Industrial Copilot", "Product"),
         id="latin-product-launched-by-a-company"),
    case("基于Arm Cortex-X925等内核设计的芯片越来越多。", ("Cortex-X925", "Product"), id="latin-model-code"),
    case("搭载骁龙8至尊版（Snapdragon 8 Elite）移动平台的手机已经上市。", ("骁龙8至尊版", "Product"),
         id="model-number-with-its-latin-name-before-the-noun"),
    case("百度带来了文心大模型4.5，阿里巴巴展示了夸克AI眼镜。", ("文心大模型4.5", "Product"), ("夸克AI眼镜", "Product"),
         id="model-version-and-a-brand-before-ai-device"),
    case("在展区，萝卜快跑第六代无人车前围满了观众。", ("萝卜快跑", "Product"), id="product-and-its-generation"),
    case("群核科技、云深处科技和另一家企业获奖。", ("云深处科技", "Company"), id="brand-listed-beside-same-industry"),
    case("西门子在德国安贝格的数字化工厂是样板。", ("安贝格", "Region"), id="town-after-its-country"),
    case("他2018年获得中国政府友谊奖。", ("中国政府友谊奖", "Award"), id="award-opened-by-its-giver"),
    case("曾获广东省科学技术奖励技术发明奖的研究员陈立说。", ("广东省科学技术奖励", "Award"),
         ("技术发明奖", "AwardCategory"), id="award-programme-and-its-class-written-together"),
    case("世界互联网大会跨境电商合作大会在杭州举行。", ("世界互联网大会跨境电商合作大会", "Event"),
         id="meeting-opened-by-the-body-that-holds-it"),
    case("澳門大學等本澳高校參展。", ("本澳", "Region"), id="macao-press-names-macao-as-本澳"),
    case("杭州的商汤科技和强脑科技分别获奖。", ("强脑科技", "Company"), id="two-brands-with-one-industry-word"),
    case("吴敏当日下午在峰会数据治理和国际合作论坛上发言。", ("数据治理和国际合作论坛", "Event"),
         id="a-forum-of-the-summit-named-after-it"),
    case("2024年世界互联网大会乌镇峰会人工智能赋能产业发展论坛在乌镇举行。",
         ("2024年世界互联网大会乌镇峰会人工智能赋能产业发展论坛", "Event"), id="forum-named-by-a-verb-and-its-object"),
    case("郑海涛　世界互联网大会　副秘书长", ("郑海涛", "Person"), id="agenda-speaker-line"),
    case("曹立勋　中控技术　副总裁", ("曹立勋", "Person"), ("中控技术", "Company"), id="agenda-speaker-and-a-firm"),
    case("（同期声）卢思远 阿里云高级算法专家", ("卢思远", "Person"), id="broadcast-sound-bite-label"),
    case("9　宇树G1人形机器人　　　杭州宇树科技有限公司", ("宇树G1人形机器人", "Product"), ("杭州宇树科技有限公司", "Company"),
         id="a-row-of-a-results-table"),
    case("三方将共建“智能网联安全联合实验室”，开展联合攻关。", ("智能网联安全联合实验室", "Organization"),
         id="a-quoted-laboratory-to-be-built"),
    case("2024年世界互联网大会乌镇峰会网络安全技术发展和国际合作论坛在乌镇举行。",
         ("2024年世界互联网大会乌镇峰会网络安全技术发展和国际合作论坛", "Event"), id="a-forum-of-an-edition"),
    case("研华资深协理简宏睿受访时指出，边缘AI很重要。", ("简宏睿", "Person"), id="taiwan-corporate-title"),
    case("由国家并行计算机工程技术研究中心研制，安装在国家超级计算无锡中心。", ("国家并行计算机工程技术研究中心", ORG),
         ("国家超级计算无锡中心", ORG), id="national-bodies-named-by-what-they-do"),
    case("代表团成员来自数字政策办公室、投资推广署等机构。", ("数字政策办公室", "GovernmentBody"),
         id="list-after-come-from"),
    case("西门子中国董事长、总裁兼首席执行官林可为等中外企业高管同台对话。", ("林可为", "Person"),
         id="given-name-ending-in-为-before-等"),
    case("《非洲数字化转型战略（2020—2030）》已进入落实阶段。", ("非洲数字化转型战略（2020—2030）", "Initiative"),
         id="programme-with-its-period-in-parentheses"),
    case("2025年世界互联网大会乌镇峰会算力调度与协同利用论坛在乌镇举行。",
         ("2025年世界互联网大会乌镇峰会算力调度与协同利用论坛", "Event"), id="sub-forum-of-two-fields-joined-by-与"),
    case("台湾业者看好大陆市场。", ("大陆", "Region"), id="the-mainland-named-across-the-strait"),
    case("商湯科技（SenseTime）、思謀科技（SmartMore）等多家港企設展。",
         ("思謀科技", "Company"), id="list-of-hong-kong-firms"),
    case("聯發科、研華、廣達、日月光投控等台灣半導體與AI業者代表出席。",
         ("研華", "Company"), ("日月光投控", "Company"), id="list-of-a-place-and-its-trade"),
    case("德国西门子公司首席技术官托马斯·布劳恩分享了工业数据空间的实践。",
         ("西门子公司", "Company"), ("德国", "Region"), id="company-after-its-country-in-one-jieba-word"),
    case("华为常务董事、计算产品线总裁邵博闻说，算力需要开放生态。",
         ("华为", "Company"), ("邵博闻", "Person"), id="product-line-after-a-title"),
    case("中国驻印尼大使说：“共建‘一带一路’国家是重要伙伴。”",
         ("一带一路", "Initiative"), id="initiative-in-single-quotes"),
    case("华为展出盘古大模型，字节跳动则展示了由豆包大模型驱动的智能助手，百度发布千帆大模型平台。",
         ("盘古大模型", "Product"), ("豆包大模型", "Product"), ("千帆大模型平台", "Product"), id="named-models"),
    case("华为、中国电信、字节跳动等580余家中外企业参展。",
         ("中国电信", "Company"), ("字节跳动", "Company"), id="list-counted-with-modifier"),
    case("鴻海、廣達、研華等多家台灣科技大廠參加博覽會。",
         ("鴻海", "Company"), ("研華", "Company"), id="list-of-many-big-makers"),
    case("業者赴中國大陸參展，應先向經濟部投資審議司申請許可。",
         ("中國大陸", "Region"), ("經濟部投資審議司", "GovernmentBody"), id="ministry-department-named-by-task"),
    case("新凤鸣集团总部位于桐乡市洲泉镇，余杭区良渚街道也有分部。",
         ("洲泉镇", "Region"), ("良渚街道", "Region"), id="town-after-its-county"),
    case("科大副校長（研究及發展）顧誠峰（Kenneth Koo）表示，團隊希望對接企業。",
         ("科大", "Organization"), ("顧誠峰", "Person"), id="title-with-portfolio-in-parentheses"),
    case("科大研發的四足巡檢機械人「港巡一號」可自動識別安全隱患。",
         ("港巡一號", "Product"), id="product-noun-before-corner-quotes"),
    case("联合国亚洲及太平洋经济社会委员会（亚太经社会）副执行秘书拉吉夫·梅农也在论坛上发言。",
         ("联合国亚洲及太平洋经济社会委员会", "Organization"), ("拉吉夫·梅农", "Person"), id="lexicon-body-cut-by-及"),
    case("中国电信与嘉兴市人民政府签署战略合作协议；树根互联与绍兴市人民政府签署合作协议。",
         ("中国电信", "Company"), ("嘉兴市人民政府", "GovernmentBody"), ("树根互联", "Company"),
         id="signing-parties"),
    case("百度集团执行副总裁、百度智能云事业群总裁韩立德则称，调用量已突破30亿次。",
         ("百度集团", "Company"), ("百度智能云", "Company"), ("韩立德", "Person"), id="tagger-name-before-unit-title"),
    case("中国科学院计算技术研究所研究员王强表示，算力需求仍在增长。",
         ("中国科学院计算技术研究所", "Organization"), ("王强", "Person"), id="academy-institute-title-name"),
    case("廣達電腦、緯創資通及國立陽明交通大學等台灣產學界代表出席。",
         ("緯創資通", "Company"), ("國立陽明交通大學", "Organization"), id="list-of-a-place-and-kind"),
    case("阿里巴巴、华为、腾讯等中国企业参展。",
         ("阿里巴巴", "Company"), ("腾讯", "Company"), id="list-of-a-country-and-kind"),
    case("华为技术有限公司董事长梁华表示，人工智能将重塑各行各业。",
         ("华为技术有限公司", "Company"), ("梁华", "Person"), id="org-title-name"),
    case("北京市人民政府副市长王红出席开幕式并致辞。",
         ("北京市人民政府", "GovernmentBody"), ("王红", "Person"), id="government-title-name"),
    case("国际电信联盟秘书长多琳·马丁出席会议。",
         ("国际电信联盟", "Organization"), ("多琳·马丁", "Person"), id="org-title-foreign-name"),
    case("联合国副秘书长李军华出席论坛并发表主旨演讲。",
         ("联合国", "Organization"), ("李军华", "Person"), id="lexicon-org-title-name"),
    case("微软大中华区副总裁王明表示，开放合作是关键。",
         ("微软", "Company"), ("王明", "Person"), id="brand-unit-title-name"),
    # title chains with 、 and 兼
    case("中国电信副总经理、中国电信研究院院长李正茂出席论坛。",
         ("中国电信", "Company"), ("中国电信研究院", ORG), ("李正茂", "Person"), id="chain-with-dunhao"),
    case("京东集团副总裁兼首席技术官周伯文出席论坛。",
         ("京东集团", "Company"), ("周伯文", "Person"), id="chain-with-jian"),
    case("奇安信集团董事长齐向东、副董事长吴云坤出席会议。",
         ("奇安信集团", "Company"), ("齐向东", "Person"), ("吴云坤", "Person"), id="two-people-one-org"),
    case("小米集团创始人、董事长兼首席执行官雷军出席发布会。",
         ("小米集团", "Company"), ("雷军", "Person"), id="chain-with-dunhao-and-jian-one-org"),
    # foreign names with a middle dot
    case("会上，苏珊·霍克菲尔德回顾了麻省理工学院的发展历程。",
         ("苏珊·霍克菲尔德", "Person"), id="foreign-name"),
    case("“全球互联网之父”文顿·瑟夫出席开幕式。", ("文顿·瑟夫", "Person"), id="epithet-foreign-name"),
    # speakers
    case("“我们将继续扩大开放。”张勇说。", ("张勇", "Person"), id="speaker-2-chars"),
    case("“我们将继续扩大开放。”刘晓东说。", ("刘晓东", "Person"), id="speaker-3-chars"),
    case("“数据是新的生产要素。”刘晓东表示。", ("刘晓东", "Person"), id="speaker-biaoshi"),
    # regression: jieba's dictionary holds the noun 文说, which once cut this name to nothing
    case("“技术要服务实体经济。”周伯文说。", ("周伯文", "Person"), id="speaker-name-ending-in-wen"),
    # 《…》 works
    case("会议发布《全球数字经济白皮书》，系统梳理了各国数字经济发展情况。",
         ("全球数字经济白皮书", "Report"), id="book-title-report"),
    case("会上发布了《中国互联网发展报告2024》。", ("中国互联网发展报告2024", "Report"), id="book-title-report-year"),
    case("中方提出《全球数据跨境流动合作倡议》，获得多国积极响应。",
         ("全球数据跨境流动合作倡议", "Initiative"), id="book-title-initiative"),
    # quoted awards and categories
    case("今年共有12家企业获得“互联网创新先锋奖”。", ("互联网创新先锋奖", "Award"), id="quoted-award"),
    case("奇安信摘得“数字安全类”奖项。", ("数字安全类", "AwardCategory"), id="quoted-category"),
    # a list after "N家企业"
    case("本届大会共有3家企业获奖，分别是海康威视、大华股份和新华三。",
         ("海康威视", "Company"), ("大华股份", "Company"), ("新华三", "Company"), id="list-after-count"),
    # NAME(COUNTRY)
    case("DataBridge Technologies(肯尼亚)获“可持续发展类”奖项。",
         ("DataBridge Technologies", "Company"), ("肯尼亚", "Region"), ("可持续发展类", "AwardCategory"),
         id="name-country"),
    case("DataBridge Technologies（肯尼亚）获“可持续发展类”奖项。",
         ("DataBridge Technologies", "Company"), ("肯尼亚", "Region"), id="name-country-fullwidth"),
    # places from the lexicon
    case("来自法国、巴西和江苏省的代表参加了会议。",
         ("法国", "Region"), ("巴西", "Region"), ("江苏省", "Region"), id="countries-and-province"),
    case("广东、四川两地的企业积极参展。", ("广东", "Region"), ("四川", "Region"), id="short-province-names"),
    # events with an edition
    case("2024年世界互联网大会乌镇峰会在浙江乌镇开幕。",
         ("2024年世界互联网大会乌镇峰会", "Event"), ("浙江", "Region"), id="event-with-year"),
    case("第十届世界互联网大会乌镇峰会开幕。", ("第十届世界互联网大会乌镇峰会", "Event"), id="event-with-ordinal"),
    # a place's own government body, and armed forces
    case("俄罗斯国防部发表声明称，演习将持续一周。", ("俄罗斯国防部", "GovernmentBody"), id="foreign-ministry"),
    case("香港证监会昨日刊登公告。", ("香港证监会", "GovernmentBody"), id="place-and-lexicon-body"),
    case("美军和日本海上自卫队举行联合演习。", ("美军", "GovernmentBody"), ("日本海上自卫队", "GovernmentBody"),
         id="armed-forces"),
    case("美国联邦通信委员会（FCC）与FTC联合发布声明。", ("美国联邦通信委员会", "GovernmentBody"),
         ("FCC", "GovernmentBody"), ("FTC", "GovernmentBody"), id="foreign-agency-by-acronym"),
    case("美国国土安全部发布网络安全提示。", ("美国国土安全部", "GovernmentBody"), id="foreign-department"),
    case("中国人民银行杭州中心支行与招商银行深圳分行签署协议。",
         ("中国人民银行杭州中心支行", "GovernmentBody"), ("招商银行深圳分行", "Company"), id="bank-branches"),
    case("各国中央银行正在研究数字货币。", ("中央银行", "GovernmentBody"), id="central-bank-on-its-own"),
    case("昌平区建委和开发商工作人员赶到现场。", ("昌平区建委", "GovernmentBody"), id="local-commission-short-form"),
    case("信息产业部相关负责人介绍了情况。", ("信息产业部", "GovernmentBody"), id="former-ministry"),
    case("该组织由沙特阿拉伯、约旦、科威特和巴基斯坦共同发起。", ("约旦", "Region"), ("科威特", "Region"),
         id="country-short-forms-the-dictionary-reads-otherwise"),
    case("中国信息通信研究院（以下简称“中国信通院”）发布报告。", ("中国信息通信研究院", "Organization"),
         ("中国信通院", "Organization"), id="short-form-introduced"),
    case("本文由记者采写。责任编辑：郑思源", ("郑思源", "Person"), id="editor-credit"),
    case("小米汽车的小米YU7与宇树科技的Unitree H2人形机器人同场亮相。", ("小米YU7", "Product"),
         ("Unitree H2", "Product"), id="products-by-model-code"),
    case("公司带来的新一代AI眼镜Rokid Glasses重量不到50克。", ("Rokid Glasses", "Product"), id="product-after-its-noun"),
    case("2026年世界互联网大会“互联网之光”博览会在乌镇举办。", ("2026年世界互联网大会“互联网之光”博览会", "Event"),
         id="quoted-event-with-its-edition"),
    case("2026世界互联网大会数据合作论坛12日在杭州开幕。", ("2026世界互联网大会数据合作论坛", "Event"),
         id="event-with-a-year-without-nian"),
    case("总部位于香港的英矽智能则展示了药物研发平台。", ("英矽智能", "Company"), id="coined-brand-and-industry-word"),
    case("“安全可信类”奖项则由网易、奇安信和卡巴斯基获得。", ("卡巴斯基", "Company"), ("奇安信", "Company"),
         id="winners-after-by"),
    case("比亚迪、中国移动和西门子的成果同获该类别奖项。", ("中国移动", "Company"), ("西门子", "Company"),
         id="winners-of-the-category-named-before"),
    case("获奖的3家浙江单位——之江实验室、深度求索和网易均位于杭州。", ("深度求索", ORG), id="counted-then-listed"),
    case("施耐德电气的工厂入选世界经济论坛“灯塔工厂”。", ("世界经济论坛", "Organization"), id="lexicon-over-event-head"),
    case("教育部国际合作与交流司司长王明指出，留学人数稳步增长。",
         ("教育部国际合作与交流司", "GovernmentBody"), ("王明", "Person"), id="unit-of-a-ministry"),
    case("桐乡市经济和信息化局局长钱卫东说，企业参展热情很高。",
         ("桐乡市经济和信息化局", "GovernmentBody"), ("钱卫东", "Person"), id="bureau-with-a-conjunction"),
    # clubs in a match report are organisations
    case("曼联主场2比1击败切尔西，继续领跑积分榜。", ("曼联", "Organization"), id="club-in-a-match-report"),
    # what describes a foreign company is not its name
    case("俄罗斯卡巴斯基公司副总裁安德烈·索科洛夫呼吁加强合作。",
         ("卡巴斯基公司", "Company"), ("安德烈·索科洛夫", "Person"), id="country-before-a-company"),
    case("肯尼亚移动运营商Safaricom、印度尼西亚数字企业GoTo集团加入联盟。",
         ("Safaricom", "Company"), ("GoTo集团", "Company"), id="descriptor-before-a-latin-name"),
    case("塞尔维亚希望在“一带一路”框架下同中国企业深化合作。", ("一带一路", "Initiative"), id="quoted-initiative-before-its-framework"),
    case("泰国朱拉隆功大学校长王明出席论坛。", ("朱拉隆功大学", "Organization"), ("泰国", "Region"),
         id="country-before-a-university-says-where-it-is"),
    case("数码港副行政总裁蔡德昌接受采访时指出，合作是关键。", ("数码港", ORG), ("蔡德昌", "Person"),
         id="deputy-title"),
    # an award by the verb that confers it
    case("15项成果获评“世界互联网领先科技成果”。", ("世界互联网领先科技成果", "Award"), id="conferred-award"),
    # a function word before an unknown name is no part of it
    case("这一方案遭到了泽东公司的质疑。", ("泽东公司", "Company"), id="particle-before-a-company"),
    case("由林达集团投资开发的项目已开盘。", ("林达集团", "Company"), id="preposition-before-a-company"),
    case("据招商银行和贝恩公司调查，高净值人群持续增长。", ("招商银行", "Company"), ("贝恩公司", "Company"),
         id="conjunction-before-a-company"),
    case("分析师在赴宁波银行调研后指出，贷款需求偏弱。", ("宁波银行", "Company"), id="verb-before-a-bank"),
    # venues are places
    case("论坛在杭州国际博览中心举行，嘉宾随后游览了西湖风景区。", ("杭州国际博览中心", "Region"),
         ("西湖风景区", "Region"), id="venues-are-places"),
    # units, offices and departments before a title
    case("华为技术有限公司研发中心主任李明表示，投入将继续加大。", ("华为技术有限公司", "Company"), ("李明", "Person"),
         id="a-company's-centre-opens-the-title"),
    case("清华大学智能技术与系统国家重点实验室主任王明说，成果已经开源。",
         ("清华大学智能技术与系统国家重点实验室", "Organization"), ("王明", "Person"), id="designated-laboratory"),
    case("数据资源局数据资源专员周明表示，平台将上线。", ("数据资源局", "GovernmentBody"), ("周明", "Person"),
         id="title-repeats-the-body's-field"),
    case("博世（中国）有限公司副总裁王明表示，中国市场很重要。", ("博世（中国）有限公司", "Company"),
         id="registered-name-with-its-country-in-parentheses"),
    case("双方与巴西最大的电信运营商巴西电信公司签署协议。", ("巴西电信公司", "Company"), id="kind-of-company-before-it"),
    case("会议由肯尼亚信息、通信和数字经济部主办。", ("肯尼亚信息、通信和数字经济部", "GovernmentBody"),
         id="a-ministry's-portfolios"),
    # events, awards, products, initiatives
    case("王明在网络安全与数据治理分论坛上发言。", ("网络安全与数据治理分论坛", "Event"), id="a-topical-sub-forum"),
    case("2025年世界互联网大会互联网之光博览会开幕。", ("2025年世界互联网大会互联网之光博览会", "Event"), id="之-inside-a-name"),
    case("2025年度“杭州数字工匠”评选结果揭晓。", ("杭州数字工匠", "Award"), id="an-honour-named-by-its-selection"),
    case("这款手机搭载麒麟9020芯片。", ("麒麟9020", "Product"), id="what-a-device-carries"),
    case("公司发布了“盘古Ultra MoE”大模型。", ("盘古Ultra MoE", "Product"), id="a-quoted-product-with-latin-words"),
    case("开源RISC-V处理器“香山”已有多家企业采用。", ("香山", "Product"), id="a-product-named-after-a-place"),
    case("共建“一带一路”国家的合作不断深化。", ("一带一路", "Initiative"), id="an-initiative-built-together"),
    case("在海康威视展台，观众排起长队。", ("海康威视", "Company"), id="whose-stand"),
    case("该公司在东南亚、中东等地区设有分支机构。", ("东南亚", "Region"), ("中东", "Region"), id="places-after-a-preposition"),
    case("今年的调研首次纳入了拉美地区的数据。", ("拉美地区", "Region"), id="a-macro-region's-short-form"),
    case("卢旺达信息通信技术与创新部部长让-克洛德·穆加博表示，合作前景广阔。",
         ("卢旺达信息通信技术与创新部", "GovernmentBody"), ("让-克洛德·穆加博", "Person"),
         id="a-ministry-named-by-portfolios-and-a-hyphenated-name"),
    case("吉利控股集团副总裁、首席数字官兼吉利汽车研究院副院长乔蔓认为，舱驾一体是焦点。",
         ("吉利控股集团", "Company"), ("吉利汽车研究院", "Organization"), ("乔蔓", "Person"),
         id="titles-of-two-organisations-joined-by-兼"),
    case("论坛期间，埃塞俄比亚电信（Ethio Telecom）正式成为会员。", ("埃塞俄比亚电信", "Company"),
         ("Ethio Telecom", "Company"), id="a-name-given-with-its-english-name"),
    case("总部位于美国圣迭戈的高通公司展示了骁龙8至尊版移动平台。", ("圣迭戈", "Region"), ("高通公司", "Company"),
         ("骁龙8至尊版", "Product"), id="a-city-after-its-country-and-a-model-number"),
    case("中國網路公司深度求索的大型語言模型在展區亮相。", ("深度求索", "Company"),
         id="a-company-after-its-country-and-kind"),
    case("大赛分产业发展组和乡村治理组两个组别，王明获产业发展组金点子奖。", ("产业发展组", "AwardCategory"),
         ("乡村治理组", "AwardCategory"), ("金点子奖", "Award"), id="divisions-of-an-award"),
    case("图为志愿者在会展中心提供引导服务。（记者 沈嘉木 摄）", ("沈嘉木", "Person"), id="a-photographer's-credit"),
    case("国内业者方面，中华电信回应询问时表示，今年并未派员参加。", ("中华电信", ORG), id="the-tagger-stops-before-a-verb"),
    case("华为与卢旺达信息社会管理局签署协议。", ("华为", "Company"), id="a-partner-joined-by-与"),
    case("浙江大学区块链与数据安全全国重点实验室研发的平台获奖。", ("浙江大学区块链与数据安全全国重点实验室", "Organization"),
         id="a-laboratory-whose-field-has-与"),
    case("“社会贡献类”获奖企业为小米、中国电信、月之暗面。", ("中国电信", "Company"), ("月之暗面", "Company"),
         id="winners-listed-after-the-kind-of-winner"),
    case("创新科技及工业局辖下数字政策办公室（数字办）负责推进数字政府。", ("数字政策办公室", "GovernmentBody"),
         id="a-body-under-another"),
    case("澳门经济及科技发展局局长梁子谦率团出席峰会。", ("梁子谦", "Person"), id="a-name-before-率团"),
    case("香港电讯（HKT）首席技术总监区咏恩表示，专网已进入码头。", ("香港电讯", "Company"), ("区咏恩", "Person"),
         id="a-company-with-its-alias-before-a-title"),
    case("展馆里，四川成都的极米科技带来了新款投影仪。", ("成都", "Region"), ("极米科技", "Company"),
         id="an-exhibitor-after-its-places-and-的"),
    case("江苏南京的云蝠智能则展示了客服大模型。", ("云蝠智能", "Company"), id="an-exhibitor-then-则-and-what-it-shows"),
    case("一旁，小鹏汽车展台前观众排起长队。", ("小鹏汽车", "Company"), id="a-stand-that-opens-a-clause"),
    case("辽宁大连的企业代表出席签约。", ("大连", "Region"), id="a-city-whose-short-form-is-a-word-read-by-both-layers"),
    case("杭州宇树科技发布新款机器人。", ("杭州宇树科技", "Company"), id="city-brand-and-industry-word"),
    case("腾讯、中国联通和百度参展。", ("中国联通", "Company"), id="a-listed-company-opening-with-a-place"),
    case("网易带来了游戏《逆水寒》的新版本。", ("逆水寒", "Product"), id="a-game-in-book-marks"),
    case("图为观众体验机器人。（新华日报记者 顾明远摄）", ("顾明远", "Person"), id="a-photographer-credited-with-the-outlet"),
    case("另一位嘉宾玛丽亚·席尔瓦表示，合作前景广阔。", ("玛丽亚·席尔瓦", "Person"),
         id="a-foreign-name-after-common-words"),
    case("来自迪拜穆罕默德·本·拉希德政府学院的研究员出席。", ("迪拜", "Region"),
         ("穆罕默德·本·拉希德政府学院", "Organization"), id="a-school-named-after-a-person"),
    case("京东、小米摘得产业创新类奖项。", ("产业创新类", "AwardCategory"), id="a-class-of-award-after-the-verb"),
    case("浙江大学团队荣获智能制造赛道二等奖。", ("智能制造赛道", "AwardCategory"), id="a-track-then-a-prize-level"),
    case("中国互联网协会2026年年会在京召开。", ("中国互联网协会2026年年会", "Event"), id="a-body's-meeting-of-the-year"),
    case("委员会下设的跨境数据工作组同日成立。", ("跨境数据工作组", "Organization"), id="a-working-group-set-up-under-a-body"),
    case("美团和印度尼西亚的Gojek也在现场。", ("Gojek", "Company"), id="a-latin-name-after-a-place-and-的"),
    case("香港中文大学（深圳）与企业签约。", ("香港中文大学（深圳）", "Organization"), id="a-university-campus-in-a-city"),
    case("紫光集团副总裁兼紫光展锐研究院院长王明远表示，芯片是基础。", ("紫光集团", "Company"),
         ("紫光展锐研究院", "Organization"), ("王明远", "Person"), id="兼-then-another-organisation's-title"),
    # a track over its winners, each given with a place: an item with no ending is a company like the others
    case("人工智能赛道：商汤科技（上海）、智谱华章（北京）、Mistral（法国）、个人开发者林一舟（新加坡）",
         ("人工智能赛道", "AwardCategory"), ("智谱华章", "Company"), ("林一舟", "Person"),
         id="a-list-of-companies-with-their-places"),
    case("数字普惠类：科大讯飞　Gojek（印度尼西亚）", ("数字普惠类", "AwardCategory"), ("科大讯飞", "Company"),
         ("Gojek", "Company"), id="a-class-heading-names-set-apart-by-wide-spaces"),
    case("数字政策办公室（数字办）副数字政策专员何嘉欣指出，政府数据将进一步开放。", ("数字政策办公室", "GovernmentBody"),
         ("何嘉欣", "Person"), id="a-deputy's-title-opens-with-the-field-of-the-body"),
    case("香港警务处有组织罪案及三合会调查科总督察陈志明表示，骗案数字下降。", ("香港警务处", "GovernmentBody"),
         ("陈志明", "Person"), id="a-police-unit-named-by-two-fields-is-in-the-title"),
    case("让算力走进工厂——访浪潮集团副总裁韩启明", ("浪潮集团", "Company"), ("韩启明", "Person"),
         id="the-subtitle-of-an-interview"),
    case("他透露，警方推出的「反诈精灵」已被下载逾百万次。", ("反诈精灵", "Product"), id="a-quoted-name-after-推出的"),
    case("去年的杭州第19届亚运会首次实现核心系统全面上云。", ("杭州第19届亚运会", "Event"),
         id="the-games-of-a-host-city-and-edition"),
    case("腾讯带来了混元（Hunyuan）系列大模型。", ("混元", "Product"), ("Hunyuan", "Product"),
         id="a-family-of-models-with-its-latin-name"),
    case("该论坛由马来西亚通讯和数码部与世界互联网大会共同主办。", ("马来西亚通讯和数码部", "GovernmentBody"),
         id="a-ministry-of-two-portfolios-joined-by-和"),
    case("卡巴斯基首席安全研究员伊万·索科洛夫说，攻防形势正在变化。", ("卡巴斯基", "Company"),
         ("伊万·索科洛夫", "Person"), id="首席-opens-the-title-whatever-field-follows"),
    case("GSMA亚太区政策与监管事务总监普丽娅·拉奥已是第五次来乌镇。", ("GSMA", {"Organization", "Company"}),
         ("普丽娅·拉奥", "Person"), id="a-latin-body-then-its-region-in-the-title"),
    case("展台主角是搭载天玑9400（Dimensity 9400）的手机和搭载骁龙X Elite的AI PC。",
         ("天玑9400", "Product"), ("Dimensity 9400", "Product"), ("骁龙X Elite", "Product"),
         id="what-a-device-carries-named-before-it"),
    case("今年共有20项成果入选2026年世界互联网大会领先科技成果。", ("世界互联网大会领先科技成果", "Award"),
         id="a-list-of-selected-results-named-after-入选"),
    case("2022年世界互联网领先科技成果在乌镇发布", ("世界互联网领先科技成果", "Award"), id="selected-results-released"),
    case("浙江大学研制的类脑计算机“天机”同样入选。", ("天机", "Product"), id="a-quoted-name-after-its-kind"),
    case("鹏城实验室的“鹏城·云脑”智算平台入选。", ("鹏城·云脑", "Product"), id="a-quoted-brand-with-a-dot"),
    case("来自巴基斯坦的浙江大学留学生阿里·拉扎担任翻译。", ("浙江大学", "Organization"), ("阿里·拉扎", "Person"),
         id="a-student-from-abroad-after-the-university"),
    case("投资推广署副署长彭子谦透露，过去一年该署协助超过400家企业。", ("投资推广署", "GovernmentBody"),
         id="a-body-named-by-its-task-in-verbs"),
    case("投资机构坐满了会场。元璟资本合伙人蒋思远加了十几位创业者的微信。", ("元璟资本", "Company"),
         id="a-name-opening-with-a-measure-word"),
    case("中兴通讯旗下努比亚带来了影像旗舰努比亚Z60 Ultra。", ("努比亚", "Company"), ("努比亚Z60 Ultra", "Product"),
         id="a-brand-under-its-parent-and-a-model-with-its-edition"),
    case("桐乡本土化纤龙头桐昆集团把平台向上下游开放。", ("桐昆集团", "Company"), id="the-leader-of-a-trade-before-its-name"),
    case("总部设于香港科学园的商汤科技展示了大模型。", ("香港科学园", "Region"), id="a-science-park-is-a-place"),
    case("中方愿同各方一道落实全球发展倡议。", ("全球发展倡议", "Initiative"), id="the-verb-before-an-initiative"),
    case("北京智源人工智能研究院展示了原生多模态世界模型Emu3。", ("Emu3", "Product"), id="a-model's-code-after-its-kind"),
    case("这位曾获中国青年科技奖的科学家带来了团队成果。", ("中国青年科技奖", "Award"), id="an-award-won-before"),
    case("由中关村科技园区管理委员会组织的北京展团格外引人注目。", ("中关村科技园区管理委员会", "GovernmentBody"),
         id="a-body-before-组织-the-verb"),
    case("去年在纽约举行的联合国未来峰会通过了《全球数字契约》。", ("联合国未来峰会", "Event"),
         ("全球数字契约", "Initiative"), id="an-event-named-with-未来-and-a-compact"),
    case("本地电信公司新电信（Singtel）也在展区展示了平台。", ("新电信", "Company"), ("Singtel", "Company"),
         id="a-firm-after-its-kind-with-its-english-name"),
    case("公司副总裁仲启元代表公司上台领奖。", ("仲启元", "Person"), id="a-three-character-name-before-代表-the-verb"),
    case("尊敬的阿斯兰·叶尔梅科夫副部长阁下，", ("阿斯兰·叶尔梅科夫", "Person"),
         id="a-transliterated-name-before-a-deputy's-title"),
    case("杭州海康威视获奖，肯尼亚移动运营商Safaricom等企业也榜上有名。", ("Safaricom", "Company"),
         id="a-latin-name-after-its-kind-before-等"),
    case("公司自主研发的UCS通用控制系统（Universal Control System）荣获大奖。", ("UCS通用控制系统", "Product"),
         id="a-product-with-a-latin-code-and-its-english-name"),
    case("包括百度的“文心一言”、华为的“昇腾”AI集群、中国科学院计算技术研究所的“香山”开源高性能RISC-V处理器等。",
         ("文心一言", "Product"), ("昇腾", "Product"), ("香山", "Product"), id="quoted-products-their-makers-own"),
    case("2019年10月16日，世界互联网大会组委会发布概念文件。", ("世界互联网大会组委会", "Organization"),
         id="an-organizing-committee"),
    case("图片来源：视觉中国", ("视觉中国", "Company"), id="the-agency-a-picture-is-credited-to"),
    case("东盟数码经济框架协议（DEFA）谈判已进入最后阶段。", ("东盟数码经济框架协议", "Initiative"), ("DEFA", "Initiative"),
         id="an-agreement-named-with-its-acronym"),
    case("美国《纽约时报》网站11月9日刊发文章称，峰会已成为重要舞台。", ("纽约时报", "Organization"),
         id="a-paper-named-before-its-site"),
    case("并公布了15项世界互联网大会领先科技奖成果。", ("世界互联网大会领先科技奖", "Award"),
         id="an-award-after-a-count"),
    case("现任清华大学网络科学与网络空间研究院教授。", ("清华大学网络科学与网络空间研究院", "Organization"),
         id="the-verb-of-a-bio-before-a-body"),
    case("科大讯飞的讯飞翻译机则吸引不少外国嘉宾排队体验。", ("讯飞翻译机", "Product"), ("科大讯飞", "Company"),
         id="a-product-named-after-its-maker"),
    case("——记之江实验室研究员宓晓岚", ("之江实验室", "Organization"), ("宓晓岚", "Person"),
         id="a-profiles-subtitle"),
    case("会上，秀洲区副区长钮嘉树代表区政府签约。", ("秀洲区", "Region"), ("钮嘉树", "Person"),
         id="a-district-before-its-heads-title"),
    case("展台陈列擎天柱（Optimus）人形机器人。", ("擎天柱", "Product"), ("Optimus", "Product"),
         id="a-product-glossed-in-latin-before-its-kind"),
    case("世界互联网大会高级咨询委员会日前在乌镇成立。", ("世界互联网大会高级咨询委员会", "Organization"),
         id="a-committee-named-with-its-body"),
    case("出席在沙特阿拉伯利雅得举行的第十九届联合国互联网治理论坛（IGF）。",
         ("第十九届联合国互联网治理论坛", "Event"), id="an-international-bodys-forum-on-a-field"),
    case("代表团赴杭州访问阿里云总部，了解通义千问大模型的应用。", ("通义千问大模型", "Product"),
         id="a-model-after-a-verb-that-ends-in-a-particles-character"),
    case("我是去听网络安全技术发展和国际合作论坛的。", ("网络安全技术发展和国际合作论坛", "Event"),
         id="a-forum-after-two-verbs"),
    case("时任乌镇旅游股份有限公司副总经理的籍晓岚记得，景区完成了网络改造。", ("籍晓岚", "Person"),
         ("乌镇旅游股份有限公司", "Company"), id="the-person-a-former-post-describes"),
    case("我校学子在2021年世界互联网大会“直通乌镇”全球互联网大赛中获一等奖",
         ("2021年世界互联网大会“直通乌镇”全球互联网大赛", "Event"), id="a-quoted-brand-then-words-then-the-head"),
]


@pytest.mark.parametrize(("sentence", "absent"), [
    pytest.param("世界互联网大会会员已增至来自六大洲的150余家。", "六大洲", id="continents-counted"),
    pytest.param("数据库展区，金篆信科带来了分布式数据库。", "数据库", id="an-area-of-a-kind-of-product"),
    pytest.param("（二）市公安局：负责会场安保，会同市交通运输局制定交通组织方案。", "市交通运输局制定交通组织",
                 id="organising-a-plan-is-no-body"),
    pytest.param("各镇人民政府、街道办事处，市政府各部门：", "各镇人民政府", id="each-towns-government"),
    pytest.param("配合嘉兴市委网信办做好世界互联网大会领先科技奖发布等活动的宣传报道。",
                 "嘉兴市委网信办做好世界互联网大会领先科技奖", id="doing-well-is-no-part-of-an-award"),
    pytest.param("代表团赴乌镇考察，参观互联网之光博览会。", "参观互联网之光博览会", id="visiting-is-no-part-of-a-fair"),
    pytest.param("大会国际组织在北京成立，此后乌镇峰会由该组织主办。", "该组织", id="the-body-referred-to"),
    pytest.param("今年，匈牙利驻华大使馆组织了十余家本国企业参会。", "匈牙利驻华大使馆组织", id="organised-by-the-embassy"),
    pytest.param("东盟副秘书长阮氏清娥等将出席。", "东盟副", id="name-does-not-end-inside-a-title"),
    pytest.param("首届大会在乌镇举办，乌镇由此成为大会永久举办地。", "此成为大会永久", id="thereby-is-no-organiser"),
    pytest.param("曾任阿里巴巴集团安全部资深专家。", "阿里巴巴集团安全部", id="department-belongs-to-the-title"),
    pytest.param("2016年博士毕业后，宓晓岚加入阿里云，任算法工程师。", "毕业后", id="graduating-is-no-name"),
    pytest.param("2016年博士毕业后，宓晓岚加入阿里云，任算法工程师。", "任算法", id="serving-as-is-no-surname"),
    pytest.param("“百业灵犀”私域大模型（LinSeer）迎来首次线下公开展示。", "私域大模型", id="the-kind-of-a-quoted-model"),
    pytest.param("“百业灵犀”私域大模型首展互联网之光博览会", "“百业灵犀”私域大模型首展互联网之光博览会",
                 id="showing-first-is-no-part-of-a-fair"),
    pytest.param("我们希望让观众近距离感受具身智能的进步。", "具身智能", id="embodied-intelligence-is-a-field"),
    pytest.param("法国网络安全专家吕克·莫罗说。", "网络安全", id="an-experts-field-is-no-body"),
    pytest.param("五、评审小组成员：郁青禾、樊启明、阙立新（采购人代表）", "采购人", id="the-purchasers-representative"),
    pytest.param("入选志愿者须参加团省委组织的通用培训。", "须参加", id="a-modal-and-a-verb-are-no-name"),
    pytest.param("入选志愿者须参加团省委组织的通用培训。", "入选", id="a-verb-before-a-role-is-no-body"),
    pytest.param("大华股份（002236）", "002236", id="a-stock-code-is-no-place"),
    pytest.param("配合世界互联网大会秘书处、桐乡市公安局等单位完成会场周边交通。", "配合世界互联网大会秘书处",
                 id="the-verb-of-a-duty-before-a-list"),
    pytest.param("“互联互通·共享共治——构建网络空间命运共同体”", "互联互通·共享共治", id="a-dotted-theme-is-no-person"),
    pytest.param("他们把“能听会说、能理解会思考”变成了日常。", "能听会", id="a-quoted-phrase-is-no-speaker"),
    pytest.param("配合世界互联网大会秘书处、浙江省委网信办办好互联网之光博览会，", "办好互联网之光博览会",
                 id="running-well-is-no-part-of-a-fair"),
    ("美国国际集团宣布重组计划。", "国际集团"),  # common words after the country: the country stays
    ("完美军团战队获得冠军。", "美军"),  # 美 ends a word: no armed forces
    ("北京公安部门统计的数字显示，案件数量下降。", "公安部"),  # the police, not the ministry
    ("我们希望借亚太峰会这个平台推动合作。", "借亚太峰会"),
    ("这是世界互联网大会首次举办区域性峰会。", "区域性峰会"),  # a kind of summit, not a name
    ("来自中国、美国、德国等国家的15项成果入选。", "来自中国"),
    ("专访｜数字合作组织副秘书长穆塔里谈合作", "｜数字合作组织"),  # the bar of a headline is no part of a name
    ("沿海地区经济发展较快。", "海地"),  # a country's short form inside another word
    ("其间还将举办可信数据空间等6场平行论坛。", "场平行论坛"),  # a count of forums
    ("这是首个加入大会的中东机构。", "中东机构"),  # a place and a vague ending: a kind of body
    ("人工智能赛道：商汤科技（上海）、个人开发者林一舟（新加坡）", "个人开发者林一舟"),  # a person in a list of companies
    ("副市长介绍了推动智慧城市建设的进展。", "智慧城市建设"),  # the work pushed forward, no company
    ("多位外国政要和国际组织负责人出席开幕式。", "外国政要和国际组织"),  # kinds of guests
    ("大会自2016年起每年在峰会期间发布领先科技成果。", "起每年在峰会期间发布领先科技成果"),
    ("2023年重大科技成果在京发布。", "重大科技成果"),  # a kind of result, not a named list
    ("浙江传媒学院播音与主持艺术专业学生林可馨负责协助记者。", "艺术专业"),  # a course of study
    ("论坛围绕“人工智能赋能民营经济高质量发展”等议题展开讨论。", "人工智能赋能民营经济高质量发展"),  # a topic
    ("合众新能源汽车的桐乡生产基地今年下线整车超过9万辆。", "桐乡生产基地"),  # a firm's site by its place
    ("闻泰科技嘉兴产业园的产能持续扩大。", "闻泰科技嘉兴产业园"),  # a firm's own park
    ("数字政策办公室（数字办）副数字政策专员何嘉欣指出，政府数据将进一步开放。", "副数字政策"),
    ("香港警务处有组织罪案及三合会调查科总督察陈志明表示，骗案数字下降。", "三合会调查科"),
    ("让算力走进工厂——访浪潮集团副总裁韩启明", "访浪潮集团"),
    ("港企港校组团亮相乌镇峰会 创科成果吸引内地买家", "港企港校组团亮相乌镇峰会"),  # 亮相 is the verb
    ("这款大模型“创新”不断。", "创新"),  # a quoted common word after a product noun
    ("志愿者占三成以上。", "占三成"),  # a share, not a name after a title
    ("他会说西班牙语和阿拉伯语。", "西班牙"),  # a language, not the country
    ("推动更多“小而美”的合作项目落地。", "小而美"),  # a quoted description of the projects
    ("明年将在万象新建一座数据中心。", "新建"),  # the verb, not 新建区
    ("双方将共建具身智能联合实验室。", "具身智能"),  # the laboratory's field, not a company
    ("他在工厂里打造了玻纤“黑灯工厂”。", "黑灯工厂"),  # a kind of factory in quotes
    ("峰会由世界互联网大会主办，是大会首次在香港举办区域性峰会。", "是大会首次在香港"),
    ("IFZA在上海设立首个中国代表处。", "中国代表处"),  # a place and a vague ending: a kind of office
    ("中国驻卢旺达大使冯知远说，合作空间很大。", "中国驻卢旺达"),  # where a diplomat is posted
    ("芯擎科技是一家车规级芯片企业。", "车规级芯片"),  # a grade of chip, not a brand
    ("依托5G全连接工厂，产出提高了一倍。", "5G全连接工厂"),  # a kind of factory
    ("博览会设在乌镇互联网国际会展中心。", "博览会设在乌镇互联网国际会展中心"),  # a venue holds no verb
    ("数字文明与东方智慧在此交汇。", "东方智慧"),  # 与 between common words is no list of names
    ("多家本地企业亦在峰会设置展台。", "峰会设置"),  # a verb before the stand
    ("数字办今年会再推出一批服务。", "数字办今年会"),  # 今年|会 is no 年会
    ("下届亚太峰会将在澳门举行。", "下届亚太峰会"),  # which edition, not its name
    ("某公司摘得人工智能赛道特等奖。", "摘得人工智能赛道特等奖"),  # the verb and a prize level are no award
    ("2026年世界互联网大会“互联网之光”博览会今天开幕。", "2026年世界互联网大会"),  # the expo's name, not an edition
    ("主题展位于科技馆一楼。", "主题"),  # 展|位于, not a stand
    ("世界互联网大会是2022年成立的国际组织。", "国际组织"),  # what it is, not a name
    ("埃隆·马斯克旗下公司发布新车。", "埃隆·马斯克旗下公司"),  # the person's company, not a name
    ("大会设人工智能、智联出行、数智医疗三个赛道。", "智联出行"),  # the tracks of a contest are no companies
    ("晨报讯（记者杨莉通讯员王媛）银行多次催要均不理会。", "记者杨莉"),  # a credit line names no body
    ("新浪科技讯 北京时间7月2日消息，微软今天宣布新计划。", "新浪科技讯"),  # the dateline word is no part of the name
    ("（中央社記者王明台北14日電）華碩電腦、和碩聯合等台灣企業出席。", "碩聯合"),  # 、和碩: the 和 opens a name
    ("双方推出医疗大模型、端侧大模型和行业大模型。", "医疗大模型"),  # kinds of model, not products
    ("双方推出医疗大模型、端侧大模型和行业大模型。", "端侧大模型"),
    ("展会集中展示人工智能、低空经济、卫星互联网等领域的新产品。", "卫星互联网"),  # fields listed
    ("合作涉及金融科技、人工智能等领域。", "金融科技"),
    ("他透露，公司明年将在中国大陆新增3座智慧工厂。", "智慧工厂"),  # counted: a kind of plant
    ("峰会在乌镇办了十三届。", "乌镇办"),  # 办 is the verb here
    ("专家呼吁建立开放、包容、普惠的治理框架。", "普惠"),  # qualities listed
    ("部分台湾企业透过大陆子公司派员与会。", "大陆子公司"),  # a kind of company by where it is
    ("企业代表更关心落地。Grab区域公共政策主管黄伟杰说，合作很好。", "Grab区域公共政策"),  # words of the title
    ("过去瑕疵要靠老师傅用眼睛找。", "傅用"),  # 老师傅 is one word, not a title and a name
    ("志愿者经过了多轮培训。", "经过了"),  # 了 ends no name
    ("振石集团计划在开发区新建风电基材生产线。", "新建"),  # the verb, not 新建区
    ("并组建了镇村两级保障队伍。", "镇村"),  # levels of government, no place
    ("希望藉乌镇峰会展示治理模式。", "藉乌镇峰会"),  # 藉 (by way of) opens no name
    ("中非携手共绘数字合作新图景。", "中非"),  # China and Africa, not the Central African Republic
    ("但在美中科技竞争下，台商仍须审慎。", "美中科技"),  # two countries and a field
    ("华为、传音控股、四达时代等中国企业与萨法利通信公司展开洽谈。", "四达时代等中国企业"),  # the list's kind
    ("国际社会看好香港建设国际创新科技中心的前景。", "香港建设国际创新科技中心"),  # a goal, not a body
    ("哈萨克斯坦正与中国企业合作建设数据中心。", "中国企业合作建设"),  # a kind of firm and a verb
    ("获奖单位中，也有清华大学、之江实验室等高校。", "也有清华大学"),  # 也有 opens the list
    ("与会者关注长鑫存储LPDDR5X芯片。", "长鑫存储LP"),  # LP is a legal form only as a word of its own
    ("景区沿河的路灯已经全部更换。", "沿河"),  # along the river, not 沿河土家族自治县
    ("非洲大陆的数字经济正在起步。", "大陆"),  # a continent
    ("复旦大学教授、人工智能研究院副院长林涛表示，评审看重落地。", "人工智能研究院"),  # the university's institute
    ("带队老师、杭州师范大学团委书记李芳说，志愿者已完成培训。", "带队"),  # a role for the day
    ("巨石集团展示了玻纤智能工厂的数字孪生系统。", "玻纤智能工厂"),  # a kind of plant
    ("作为乌镇峰会分论坛之一，论坛在桐乡举行。", "乌镇峰会分论坛"),  # one of a kind
    ("中国是爱立信最重要的研发基地之一。", "研发基地"),
    ("会上，双方与杭州市人民政府签署合作协议。", "双方"),  # a pronoun signs, no name
    ("阿里云宣布与浙江大学共建具身智能联合实验室。", "浙江大学共建具身智能联合实验室"),  # the verb ends the name
    ("多家企业携人工智能大模型亮相。", "人工智能大模型"),  # a kind of model
    ("他们发布了阿拉伯语大模型和医疗影像大模型。", "阿拉伯语大模型"),  # a language names no model
    ("他们发布了阿拉伯语大模型和医疗影像大模型。", "医疗影像大模型"),  # nor does a field
    ("桐乡站至乌镇的接驳专线也将加密。", "站至乌镇"),  # a route, not a town
    ("我们看到华为的最新芯片和阿里的云计算平台。", "最新"),  # common words after ORG的 name no product
    ("我们看到华为的最新芯片和阿里的云计算平台。", "云计算"),
    ("宁波芯启半导体有限公司的车规级芯片项目和MediLoop公司的远程问诊平台获奖。", "车规级"),
    ("宁波芯启半导体有限公司的车规级芯片项目和MediLoop公司的远程问诊平台获奖。", "远程问诊"),
    ("记者：今年的领先科技奖有哪些值得关注的？", "今年的"),  # an interview's question, no reporters line
    ("本届大赛由世界互联网大会主办、共青团浙江省委等单位协办。", "本届大赛由世界互联网大会主办"),  # a clause
    ("科大将與數碼港合作，推出人工智能初创培育计划「AI啟航計劃」。", "科大将"),  # the adverb is no part of it
    ("科大将與數碼港合作，推出人工智能初创培育计划「AI啟航計劃」。", "人工智能初创培育计划"),  # the quoted one is the name
    ("双方将共建面向长三角的智能算力中心。", "智能算力中心"),  # what is to be built, a kind
    ("推介本澳数字政府及智慧城市建设成果。", "澳数字政府"),  # a way of governing, not a body
    ("推介本澳数字政府及智慧城市建设成果。", "本澳数字政府"),
    ("推介本澳数字政府及智慧城市建设成果。", "智慧城市建设"),  # the work done, not a company
    ("证书已与横琴粤澳深度合作区相关机构互认。", "横琴粤澳深度合作区相关机构"),  # the bodies concerned
    ("参展的还有一批来自张江的新型研发机构。", "新型研发机构"),  # a kind of body
    ("他说，苏州是公司重要的研发基地所在地。", "研发基地"),  # a kind of site
    ("他看好中国在电子商务和新能源汽车领域的发展。", "新能源汽车"),  # a field listed
    ("图为观众在博览会上海展区体验智能网联汽车。", "上海展区体验智能网联汽车"),  # a fair's area, then a clause
    ("他们是两位“90后”工程师。", "90后"),  # a generation, no name
    ("深圳有五所大学跻身全球百强。", "五所大学"),  # counted, a kind
    ("支持本地大学、研发机构和企业。", "研发机构"),  # a kind of body named by its field
    ("深圳的智慧城市建设起步早。", "智慧城市建设"),  # the work, not a company
    ("在公司的测试场里，运动控制算法工程师王磊正盯着屏幕。", "运动控制算法工程"),  # the title's, not a programme
    ("我们将用好乌镇峰会的溢出效应。", "好乌镇峰会"),  # the verb's character
    ("往期推荐\n▶乌镇峰会开幕！全球嘉宾再聚", "▶乌镇峰会"),  # a bullet is no part of a name
    ("代表团亦参观了博览会，在腾讯、华为等企业展台了解云计算。", "在腾讯"),  # the preposition opens the clause
    ("代表团团长、经科局副局长梁思行表示，合作空间很大。", "代表团"),  # a group, not an organisation
    ("嘉宾在乌镇互联网国际会展中心互联网之光博览会上体验汽车。", "国际会展中心互联网之光博览会"),  # the venue, then the fair
    ("来自130多个国家和地区的1600余名嘉宾齐聚水乡。", "齐聚"),  # a count of guests, no titled person
    ("外国嘉宾乌镇谈数字合作", "乌镇谈"),  # a place after the word, no name
    ("我校副院长周怀瑾教授应邀作主旨报告。", "应邀作"),  # the title after a name opens nothing
    ("他应邀作题为《工业大模型时代的安全新挑战》的主旨报告。", "《工业大模型时代的安全新挑战》"),  # a talk's title
    ("“过去攻击一条产线要懂PLC，今天只需要会写提示词。”", "产线要懂PLC"),  # a Latin legal form closes a Latin name
    ("【2025年11月7日，中国·乌镇】峰会今日开幕。", "中国·乌镇"),  # a place and a place in it
    ("“太极”光电智能计算芯片获奖。", "光电智能"),  # what the chip does
    ("序号　成果名称　　　完成单位", "成果名"),  # 名称 is no name and a speech verb
    ("公司在5G-A、算力网络和智能计算领域持续创新。", "算力网络"),  # a field of the digital economy
    ("我们的功率模块已经用进了不少新能源汽车。", "新能源汽车"),
    ("玻纤拉丝、锂电材料这些工艺过去靠经验。", "锂电材料"),
    ("本地电信公司新电信（Singtel）展示了平台。", "电信公司"),  # a kind of firm
    ("他在内罗毕开了一家金融科技公司。", "金融科技公司"),  # one of a kind, counted
    ("建设包容、普惠、有韧性的数字世界。", "普惠"),  # a quality between two others
    ("香港馆涵盖金融科技、人工智能及智慧城市等范畴。", "金融科技"),  # fields
    ("【峰会开幕】#乌镇峰会# 11月8日上午，峰会开幕。", "#乌镇峰会"),  # a topic tag's marks
    ("“香山”开源高性能RISC-V处理器获奖。", "RISC-V"),  # the kind of the quoted product
])
def test_mentions_what_is_no_name(lexicon, sentence, absent):
    assert absent not in [c.text for c in _names(sentence, lexicon)]


def test_mentions_a_place_listed_with_places_before_等地_is_one_by_that_cue(lexicon):
    (place,) = [c for c in _names("华北、黄淮等地气温将下降。", lexicon) if c.text == "黄淮"]
    assert (place.type, place.method) == ("Region", "tagger")  # not a bare guess the graph would leave out


def test_mentions_a_papers_authors_with_their_affiliation_numbers_are_persons_by_that_line(lexicon):
    found = _names("邬亦舟1，萨仁高娃2，何塞·门德斯3", lexicon)
    named = {c.text for c in found if c.type == "Person" and c.method != "tagger:bare"}  # not a bare guess
    assert named == {"邬亦舟", "萨仁高娃", "何塞·门德斯"}


def test_mentions_guests_are_not_the_city_of_the_same_name(lexicon):
    found = _names("副总裁邬秉衡在阿里云展区向来宾介绍城市大脑。", lexicon)
    assert not [c for c in found if c.text == "来宾" and c.method == "lexicon"]  # 来宾市 only where a place is meant


def test_mentions_a_place_before_a_central_body_of_china_keeps_the_body(lexicon):
    (body,) = [c for c in _names("中国外交部发言人表示，中方欢迎各方参会。", lexicon) if c.type == "GovernmentBody"]
    assert (body.text, body.key) == ("中国外交部", "外交部")


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_mentions_recognize_news_sentences(lexicon, sentence, expected):
    found = _names(sentence, lexicon)
    for name, types in expected:
        types = {types} if isinstance(types, str) else types
        hits = _found(found, name)
        assert hits, f"{name} not found in {[(c.text, c.type) for c in found]}"
        assert {c.type for c in hits} <= types, f"{name}: {[c.type for c in hits]}"


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        pytest.param("京东集团副总裁兼首席技术官周伯文出席论坛。", ["副总裁兼首席技术官"], id="jian-joins-one-title"),
        pytest.param("小米集团创始人、董事长兼首席执行官雷军出席发布会。", ["创始人", "董事长兼首席执行官"],
                     id="dunhao-separates-titles"),
        pytest.param("中国电信副总经理、中国电信研究院院长李正茂出席论坛。", ["副总经理", "院长"],
                     id="dunhao-with-two-orgs"),
        pytest.param("恒达律师事务所法律顾问王明表示，合同已经生效。", ["法律顾问"], id="domain-before-a-title"),
        pytest.param("国际电信联盟高级项目官员林达说，合作正在推进。", ["高级项目官员"], id="a-programme-officer"),
    ],
)
def test_mentions_title_chains_as_printed(lexicon, sentence, titles):
    found = recognize(sentence, lexicon, keep_titles=True)
    assert [c.text for c in found if c.type == "Title"] == titles


@pytest.mark.parametrize(
    ("sentence", "body", "places"),
    [
        ("本次活动由嘉兴市人民政府主办。", "嘉兴市人民政府", ["嘉兴市"]),
        ("杭州市公安局西湖区分局民警介绍了案件详情。", "杭州市公安局西湖区分局", ["杭州市", "西湖区"]),
        ("据上海市公安局介绍，案件已告破。", "上海市公安局", ["上海市"]),
    ],
)
def test_mentions_government_body_with_its_place_nested(lexicon, sentence, body, places):
    found = _names(sentence, lexicon)
    (outer,) = [c for c in found if c.type == "GovernmentBody"]
    assert outer.text == body and not outer.nested
    inner = [c for c in found if c.type == "Region"]
    assert [c.text for c in inner] == places
    for c in inner:
        assert c.nested and outer.start <= c.start and c.end <= outer.end


def test_mentions_a_local_bureau_named_by_its_level_and_task(lexicon):
    # the short form a county paper prints once the city has been named: level + task + ending
    found = _names("会上，市经济和信息化局、市发展和改革局、县农业农村局分别作了发言。", lexicon)
    assert [(c.text, c.type) for c in found] == [("市经济和信息化局", "GovernmentBody"),
                                                ("市发展和改革局", "GovernmentBody"),
                                                ("县农业农村局", "GovernmentBody")]


@pytest.mark.parametrize(("sentence", "place", "entry"),
                         [("来自法国的代表参加了会议。", "法国", "法兰西共和国"),
                          ("江苏省代表团参加了会议。", "江苏省", "江苏省"),
                          ("浙江的企业积极参展。", "浙江", "浙江省")])
def test_mentions_places_carry_their_lexicon_entry(lexicon, sentence, place, entry):
    (c,) = [c for c in _names(sentence, lexicon) if c.text == place]
    assert (c.type, c.method, c.key) == ("Region", "lexicon", entry)


@pytest.mark.parametrize(
    ("sentence", "title_place", "person"),
    [
        ("阿里巴巴集团大中华区合作负责人陈明说，合作是关键。", "大中华区", "陈明"),
        ("某基金会中国区商务代表杜明说，合作是关键。", "中国区", "杜明"),  # 中国 is in the lexicon
    ],
)
def test_mentions_place_inside_a_job_title_is_no_region(lexicon, sentence, title_place, person):
    found = _names(sentence, lexicon)
    a, b = sentence.index(title_place), sentence.index(title_place) + len(title_place)
    assert [c.text for c in found if c.type == "Region" and c.start < b and a < c.end] == []
    assert [c.text for c in found if c.type == "Person"] == [person]


def test_mentions_place_inside_a_job_title_on_the_seed_page(seed_corpus, seed_page):
    # 云安全联盟大中华区合作负责人叶小倩, …管理局(IFZA)中国区商务代表杜晶
    regions = [m for m in _linked(seed_corpus) if m.type == "Region"]
    for title in ("大中华区合作负责人", "中国区商务代表"):
        a = seed_page.text.index(title)
        b = a + len(title)
        assert not [m for m in regions if m.start < b and a < m.end], title


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("弘扬社会主义核心价值观，建设文明、公正、法治的社会。", id="list-of-values"),
        pytest.param("推动构建公正合理的全球治理体系，促进文明交流互鉴。", id="adjective-uses"),
        pytest.param("文明说到底是人的文明，要以文明交流超越文明隔阂。", id="shuo-in-shuodaodi"),
    ],
)
def test_mentions_ordinary_words_tagged_as_names_are_no_persons(lexicon, sentence):
    # jieba tags 文明, 公正 (and 弘扬) nr
    assert [c.text for c in _names(sentence, lexicon) if c.type == "Person"] == []


@pytest.mark.parametrize(
    "sentence, place, person",
    [
        pytest.param("日本首相岸田文雄当天发表视频致辞。", "日本", "岸田文雄", id="country-title"),
        pytest.param("浙江省副省长陈立新出席开幕式。", "浙江省", "陈立新", id="province-title"),
        pytest.param("韩国著名导演金振宇也来到乌镇。", "韩国", "金振宇", id="adjective-before-title"),
    ],
)
def test_mentions_a_place_before_a_title_stays_a_place(lexicon, sentence, place, person):
    # a place names no body that gives the title: no company or organisation of that name
    found = _names(sentence, lexicon)
    assert [(c.text, c.type) for c in found if c.text.startswith(place)] == [(place, "Region")]
    assert [c.text for c in found if c.type == "Person"] == [person]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("本报记者王明获悉，多家企业将参展。", id="own-paper"),
        pytest.param("电影界的鬼才导演陈一鸣出席论坛。", id="field-of-activity"),
        pytest.param("该馆艺术总监许俊杰先生解答问题。", id="functional-title"),
    ],
)
def test_mentions_words_before_a_title_that_name_no_body(lexicon, sentence):
    assert [c.text for c in _names(sentence, lexicon) if c.type in ORG] == []


def test_mentions_a_transliterated_name_after_a_title_is_admitted(lexicon):
    for sentence, person in (("美国总统特朗普通过视频致辞。", "特朗普"), ("日本首相岸田文雄当天发表视频致辞。", "岸田文雄")):
        found = _names(sentence, lexicon)
        assert [(c.text, c.method) for c in found if c.type == "Person"] == [(person, "tagger")]


def test_mentions_a_quoted_name_that_says_it_is_a_product(lexicon):
    found = _names("展台的“主角”已从去年的通用大模型转向智能体，海康威视带来了“观澜大模型”和“纳米AI搜索”，"
                   "“浙江应用”展区也很热闹。", lexicon)
    assert sorted(c.text for c in found if c.type == "Product") == ["纳米AI搜索", "观澜大模型"]


def test_mentions_what_is_done_for_an_event_names_none(lexicon):
    found = _names("浙江将以服务保障峰会为契机，加快建设数字经济强省。", lexicon)
    assert [c.text for c in found if c.type == "Event"] == []


def test_mentions_members_counted_after_等(lexicon):
    found = _names("中国联通、东软集团、沙特电信公司等16家机构新加入世界互联网大会。", lexicon)
    assert {c.text for c in found if c.type in ORG} >= {"中国联通", "东软集团", "沙特电信公司"}


def test_mentions_a_company_after_the_word_for_it(lexicon):
    found = _names("科大与总部位于香港的人工智能企业商汤科技合作开发粤语大模型，鼓励企业开展人工智能研发。", lexicon)
    assert [c.text for c in found if c.type == "Company"] == ["商汤科技"]


def test_mentions_a_district_printed_before_a_venue(lexicon):
    found = _names("峰会昨日在灣仔香港會議展覽中心揭幕。", lexicon)
    assert [(c.text, c.type) for c in found if not c.nested] == [("灣仔", "Region"), ("香港會議展覽中心", "Region")]


def test_mentions_a_town_in_parentheses_after_a_company(lexicon):
    found = _names("巨石集团有限公司（梧桐街道）、桐昆集团股份有限公司（洲泉镇）获二等奖。", lexicon)
    assert {(c.text, c.type) for c in found} >= {("梧桐街道", "Region"), ("洲泉镇", "Region"),
                                                   ("巨石集团有限公司", "Company"), ("桐昆集团股份有限公司", "Company")}


def test_mentions_the_final_of_a_contest_and_a_campus(lexicon):
    found = _names("2025年桐乡市工业互联网创新应用大赛总决赛在乌镇举行，浙江传媒学院桐乡校区的志愿者参与服务。", lexicon)
    top = [(c.text, c.type) for c in found if not c.nested]
    assert ("2025年桐乡市工业互联网创新应用大赛总决赛", "Event") in top
    assert ("浙江传媒学院桐乡校区", "Organization") in top


def test_mentions_the_conference_that_opens_its_summit_name(lexicon):
    found = _names("2025年世界互联网大会乌镇峰会期间，志愿者活跃在各个点位。", lexicon)
    assert {(c.text, c.type) for c in found} >= {("2025年世界互联网大会乌镇峰会", "Event"),
                                                   ("世界互联网大会", "Organization")}


def test_mentions_the_field_of_the_body_opens_the_title(lexicon):
    found = _names("香港特區政府數字政策辦公室（數字辦）數字政策專員區嘉朗致辭。", lexicon)
    # the bureau is named without the government written before it, which is a name of its own
    assert [c.text for c in found if c.type in ORG] == ["香港特區政府", "數字政策辦公室", "數字辦"]


def test_mentions_an_office_named_with_its_organisation(lexicon):
    found = _names("去年落户中环的世界互联网大会香港办事处负责国际联络。老挝驻泰国大使坎平·西萨万出席。", lexicon)
    assert [c.text for c in found if c.type in ORG] == ["世界互联网大会香港办事处"]


def test_mentions_an_office_or_department_after_an_alias_is_in_the_title(lexicon):
    found = _names("国际电信联盟（ITU）亚太区域办事处主任阿尤布·拉赫曼认为，香港科技大学（科大）电子及计算机工程学系"
                   "讲座教授邝志远介绍了芯片。", lexicon)
    assert [c.text for c in found if c.type in ORG] == ["国际电信联盟", "ITU", "香港科技大学", "科大"]


def test_mentions_a_forum_named_after_its_summit(lexicon):
    found = _names("在2026年世界互联网大会乌镇峰会网络空间智库合作论坛上，研究院发布了蓝皮书。", lexicon)
    assert [c.text for c in found if c.type == "Event" and not c.nested] == ["2026年世界互联网大会乌镇峰会网络空间智库合作论坛"]


def test_mentions_ordinary_words_are_no_persons_on_the_seed_page(seed_corpus):
    persons = {m.text for m in _linked(seed_corpus) if m.type == "Person"}
    assert persons, "the page names people"
    assert not persons & {"文明", "公正", "弘扬", "数字文明"}


# ----------------------------------------------------------------------------- the seed corpus

def _all_mentions(corpus):
    return [m for ms in corpus.mentions.values() for m in ms]


def _linked(corpus):
    """The mentions that resolved to an entity: those the graph shows."""
    return [m for m in _all_mentions(corpus) if m in corpus.resolution.links]


def test_mentions_offsets_index_the_page(seed_corpus, seed_page):
    mentions = _all_mentions(seed_corpus)
    assert len(mentions) > 100
    for m in mentions:
        printed = seed_page.text[m.start:m.end]
        assert re.sub(r"[\r\n]", "", printed) == m.text, m


def test_mentions_surface_is_the_printed_text(seed_corpus, seed_page):
    for m in _all_mentions(seed_corpus):
        assert m.surface == seed_page.text[m.start:m.end], m


def test_mentions_lie_inside_their_article(seed_corpus):
    articles = {a.article_id: a for a in seed_corpus.articles}
    for article_id, mentions in seed_corpus.mentions.items():
        article = articles[article_id]
        for m in mentions:
            assert m.article_id == article_id
            assert article.start <= m.start < m.end <= article.end, m


def test_mentions_have_a_known_type_and_method(seed_corpus, lexicon):
    for m in _all_mentions(seed_corpus):
        assert m.type in ENTITY_TYPES, m
        assert m.method == "lexicon" or m.method.split(":")[0] in ("pattern", "tagger"), m
        if m.method == "lexicon":
            assert m.key, m
        if m.key:  # a name of the lexicon, whichever layer found it
            entry = lexicon.entries[m.key]
            assert m.text in (entry.name, *entry.aliases) or m.text.removesuffix("地区") in entry.aliases, m


def test_mentions_of_a_name_split_by_a_page_break(extract_text):
    text = ("网络安全周开幕\n\n"
            "本报杭州9月1日电（记者 王五）华为技术有限公司董事长梁华表示，从“互联网+”到人工智能，安全始终是底线。"
            "阿联酋迪拜国际自由\n\n区管理局中国区商务代表杜晶说，希望加强合作。\n")
    mentions = _all_mentions(extract_text(text))
    (org,) = [m for m in mentions if m.text == "阿联酋迪拜国际自由区管理局"]
    assert text[org.start:org.end] == "阿联酋迪拜国际自由\n\n区管理局"  # the break stays in the printed span
    (person,) = [m for m in mentions if m.text == "杜晶"]
    assert text[person.start:person.end] == "杜晶"


def test_mentions_extract_finds_a_name_again_across_articles(lexicon, extract_text):
    # a name the patterns find in one article is found in another where no pattern applies
    text = ("数字经济论坛举行\n\n"
            "本报杭州9月1日电（记者 王五）华科智联董事长刘建国出席论坛并致辞。会议讨论了数据要素流通。\n\n"
            "智能制造展开幕\n\n"
            "本报宁波9月2日电（记者 赵六）智能制造展2日开幕，刘建国在展台前介绍了新产品。展览吸引了众多观众。\n")
    corpus = extract_text(text)
    second = corpus.articles[1].article_id
    names = {m.text: m for m in corpus.mentions[second]}
    assert "刘建国" in names and names["刘建国"].type == "Person"


def test_mentions_extract_mentions_keys_every_article(lexicon, seed_corpus):
    result = extract_mentions(seed_corpus.articles[:2], lexicon)
    assert set(result) == {a.article_id for a in seed_corpus.articles[:2]}
    for mentions in result.values():
        assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end, m.type))


def test_mentions_the_partner_of_a_joint_work_is_admitted(extract_text):
    corpus = extract_text("索尼参展\n\n本报乌镇11月9日电（记者 林一舟）索尼展出了与微软合作开发的游戏平台。\n")
    assert "微软" in {e.name for e in corpus.resolution.entities.values()}


def test_mentions_a_company_showing_at_a_fair_is_admitted(lexicon):
    # the verb after the name says what it is: the build admits it without a fact
    found = _found(_names("记者在现场看到，海康威视展示了大模型在工业质检中的应用。", lexicon), "海康威视")
    assert found and all(c.method != "tagger:bare" for c in found)


def test_mentions_a_unit_after_a_name_known_from_the_article_is_in_the_title(lexicon):
    from kg.extract.mentions import find_candidates
    text = "华硕智慧医疗事业群总经理林志明表示，产品已进入医院。"
    found = find_candidates(text, lexicon, known={"华硕": "Company"})
    titles = [text[c.start:c.end] for c in found if c.type == "Title"]
    assert "智慧医疗事业群总经理" in titles


def test_mentions_a_title_printed_after_a_name_stays_a_title(lexicon):
    from kg.extract.mentions import find_candidates
    text = "学院副院长周怀瑾教授应邀作主旨报告。"
    found = find_candidates(text, lexicon)
    assert "教授" in [text[c.start:c.end] for c in found if c.type == "Title"]
    assert "应邀作" not in [text[c.start:c.end] for c in found if c.type == "Person"]


def test_mentions_a_company_showing_without_了_and_the_owner_of_a_quoted_product_are_admitted(lexicon):
    for sentence, name in (("网易有道带来新品，vivo展示蓝心大模型。", "vivo"), ("包括百度的“文心一言”等。", "百度")):
        found = _found(_names(sentence, lexicon), name)
        assert found and all(c.method != "tagger:bare" for c in found), sentence


def test_mentions_an_outlet_a_report_is_credited_to_is_admitted(lexicon):
    found = _found(_names("据路透社报道，峰会期间发布了两部报告。", lexicon), "路透社")
    assert found and all(c.method != "tagger:bare" for c in found)


def test_mentions_a_national_firm_keeps_its_country_before_the_market_it_serves(lexicon):
    # 日本电气 is the firm's name; （中国） names the market its branch serves, not what makes it a name
    text = "日本电气（中国）有限公司副总裁樋口良平说，订单增长很快。"
    orgs = [c.text for c in _names(text, lexicon) if c.type in ORG]
    assert "日本电气（中国）有限公司" in orgs
    assert "电气（中国）有限公司" not in orgs


def test_mentions_a_unit_after_a_firms_registered_name_is_no_name_of_its_own(lexicon):
    found = _names("浙江大华技术股份有限公司智慧城市研发中心落户乌镇。", lexicon)
    assert [c.text for c in found if c.type in ORG] == ["浙江大华技术股份有限公司"]
    found = _names("中国电信股份有限公司浙江分公司副总经理裘文远说，网络已全覆盖。", lexicon)
    assert "中国电信股份有限公司浙江分公司" in [c.text for c in found if c.type in ORG]  # a branch is registered
    found = _names("VISA国际组织亚太有限公司北京代表处近日迁入新址。", lexicon)
    assert "VISA国际组织亚太有限公司北京代表处" in [c.text for c in found if c.type in ORG]  # so is a representative office


def test_mentions_a_japanese_two_character_surname_opens_a_four_character_name(lexicon):
    found = _names("欧姆龙自动化（中国）有限公司副总经理高桥健太在展台前表示，需求增长很快。", lexicon)
    assert "高桥健太" in [c.text for c in found if c.type == "Person"]


def test_mentions_还有_before_the_next_guest_opens_no_name(lexicon):
    text = "今天请到两位嘉宾：浙江大学副教授裘思远，还有西班牙电信（Telefónica）亚太区高级顾问戴维·莫雷诺。"
    orgs = [c.text for c in _names(text, lexicon) if c.type in ORG]
    assert "西班牙电信" in orgs and not any(o.startswith("还有") for o in orgs)


def test_mentions_a_registered_name_opens_on_its_place_though_a_word_of_it_reads_as_a_verb(lexicon):
    for line, name in (("1. 杭州深度求索人工智能基础技术研究有限公司", "杭州深度求索人工智能基础技术研究有限公司"),
                       ("沃思凯  中国联合网络通信集团有限公司副总经理", "中国联合网络通信集团有限公司")):
        assert name in [c.text for c in _names(line, lexicon) if c.type in ORG], line
    # what the firm is, between the place and the name, stays out of it
    found = _names("台湾边缘运算厂商凌耀智能科技股份有限公司推出新品。", lexicon)
    assert "凌耀智能科技股份有限公司" in [c.text for c in found if c.type in ORG]
    found = _names("峰会期间，澳门电讯与中国移动通信集团浙江有限公司签署合作备忘录。", lexicon)
    assert "中国移动通信集团浙江有限公司" in [c.text for c in found if c.type in ORG]


def test_mentions_a_conference_something_was_released_at_is_an_event(lexicon):
    found = _names("该报告已于今年7月在中国互联网大会上发布。", lexicon)
    assert ("中国互联网大会", "Event") in [(c.text, c.type) for c in found]
    found = _names("世界人工智能大会在上海开幕。", lexicon)
    assert ("世界人工智能大会", "Event") in [(c.text, c.type) for c in found]



def test_mentions_the_group_that_owns_a_firm_is_admitted(lexicon):
    found = _found(_names("鸿海旗下工业富联副总经理闵家睿介绍，工厂已投产。", lexicon), "鸿海")
    assert found and all(c.method != "tagger:bare" for c in found)


def test_mentions_a_model_number_before_a_flagship_product_noun(lexicon):
    found = _names("联发科则在博览会展示天玑9400（Dimensity 9400）旗舰芯片。", lexicon)
    assert ("天玑9400", "Product") in [(c.text, c.type) for c in found]


def test_mentions_the_people_of_a_trade_are_no_body(lexicon):
    found = _names("香港创科界今年组成逾百人代表团赴会。", lexicon)
    assert not [c.text for c in found if c.type in ORG]


def test_mentions_the_members_representative_names_no_body(lexicon):
    found = _names("新会员代表、宁德时代副总裁欧阳彦卓表示，加入大会是新的起点。", lexicon)
    orgs = [c.text for c in found if c.type in ORG]
    assert "宁德时代" in orgs and "新会员" not in orgs


def test_mentions_a_quoted_name_then_a_verb_and_a_meeting_is_no_event(lexicon):
    found = _names("将推动更多共建“一带一路”国家加入大会。", lexicon)
    assert not [c.text for c in found if c.type == "Event"]


def test_mentions_a_transliterated_name_closed_by_its_latin_form(lexicon):
    found = _names("高通公司(Qualcomm)高级副总裁艾伦·麦克米兰(Alan McMillan)在论坛上表示，终端侧AI增长很快。", lexicon)
    assert "艾伦·麦克米兰" in [c.text for c in found if c.type == "Person"]
    found = _names("高通公司高级副总裁艾伦·麦克米兰在论坛上表示，终端侧AI增长很快。", lexicon)
    assert "艾伦·麦克米兰" in [c.text for c in found if c.type == "Person"]  # 米兰 spells a sound, not a place


def test_mentions_a_lexicon_name_that_crosses_the_end_of_another_is_not_read(lexicon):
    from kg.extract.mentions import find_candidates
    text = "肯尼亚信息通信和数字经济部顾问万吉茹·卡马乌说，数字经济发展很快。"
    assert "亚信" not in [text[c.start:c.end] for c in find_candidates(text, lexicon)]


def test_mentions_a_title_in_book_marks_is_a_report_by_its_kind_before_the_year(lexicon):
    # the year printed after the kind of the work (白皮书2024) leaves the kind to say what it is,
    # with nothing around the title that speaks of reports
    for title, kind in (("《全球数字经济白皮书2024》", "Report"), ("《数字丝路合作倡议2025》", "Initiative")):
        found = _found(_names(title, lexicon), title.strip("《》"))
        assert [c.type for c in found] == [kind], title


def _typed(text, lexicon, bare=False):
    """(name, type) pairs the patterns and the lexicon read, without the tagger's bare guesses."""
    return {(c.text, c.type) for c in _names(text, lexicon) if bare or c.method != "tagger:bare"}


def test_mentions_a_foreign_name_ends_before_the_verb_of_receiving_an_award(lexicon):
    names = {n for n, t in _typed("非洲信息通信技术联盟副主席阿莫斯·基普罗诺获颁个人奖项。", lexicon) if t == "Person"}
    assert names == {"阿莫斯·基普罗诺"}


def test_mentions_a_countrys_scientist_of_a_field_names_no_organisation(lexicon):
    found = _typed("英国计算机科学家艾伦·霍尔布鲁克（Alan Holbrook）获奖。", lexicon)
    assert not {n for n, t in found if t in ORG}
    assert ("艾伦·霍尔布鲁克", "Person") in found


def test_mentions_a_clause_is_no_item_of_a_list(lexicon):
    # the adverb after a known body is no part of its name; a subject with its verb is no name at all
    found = _typed("她指出，国际电信联盟正与世界互联网大会等机构探讨合作。团队将继续与中国科学技术大学等高校开展攻关。", lexicon)
    orgs = {n for n, t in found if t in ORG}
    assert {"国际电信联盟", "中国科学技术大学"} <= orgs
    assert not any(n.startswith(("国际电信联盟正", "团队")) for n in orgs)


def test_mentions_products_a_firm_showed_are_listed_after_the_verb(lexicon):
    found = _typed("峰会期间，科大讯飞还在互联网之光博览会上展示了讯飞AI学习机、讯飞双屏翻译机等产品。", lexicon)
    assert {("讯飞AI学习机", "Product"), ("讯飞双屏翻译机", "Product")} <= found


def test_mentions_a_designated_laboratory_after_a_title_is_a_body(lexicon):
    found = _typed("科大讯飞副总裁、认知智能全国重点实验室副主任曲婉宁介绍，产品已量产。", lexicon)
    assert ("认知智能全国重点实验室", "Organization") in found


def test_mentions_words_around_a_name_that_belong_to_the_clause(lexicon):
    text = "特区政府将用好横琴粤澳深度合作区平台。参与完成的一项城市感知成果榜上有名。杭州市余杭区组织阿里巴巴等企业参展。"
    found = _typed(text, lexicon)
    assert ("横琴粤澳深度合作区", "Region") in found  # not 好横琴…: the verb's complement
    assert not {n for n, _ in found if n in ("项城市", "项城")}  # 一项|城市: no county-level city
    assert not {n for n, _ in found if n.endswith("组织")}  # the district organises


def test_mentions_what_a_group_owns_is_a_firm(lexicon):
    assert ("萤石网络", "Company") in _typed("海康威视旗下萤石网络展示了智能家居产品。", lexicon)


def test_mentions_a_country_before_a_body_named_for_a_place_or_person_is_no_part_of_its_name(lexicon):
    for text, name in (("英国剑桥大学教授彭伯顿说，合作很重要。", "剑桥大学"), ("肯尼亚内罗毕大学教授说，合作很重要。", "内罗毕大学"),
                       ("新加坡国立大学教授说，合作很重要。", "新加坡国立大学"), ("印度尼西亚大学讲师说，合作很重要。", "印度尼西亚大学"),
                       ("德国弗劳恩霍夫协会研究员韦伯说，合作很重要。", "弗劳恩霍夫协会"), ("中国互联网协会理事长说，合作很重要。", "中国互联网协会")):
        assert name in {n for n, t in _typed(text, lexicon) if t == "Organization"}, text


def test_mentions_a_press_contact_names_a_person_and_no_body_of_government(extract_text):
    corpus = extract_text("本报乌镇11月9日电（记者 陈静）科大讯飞高级副总裁甘霁川表示，新品已量产。\n\n媒体联系\n科大讯飞品牌公关部 邵映秋\n电话：0551-65397182\n",
                          source="contact.txt")
    named = {(e.name, e.type) for e in corpus.resolution.entities.values()}
    assert ("邵映秋", "Person") in named
    assert not [n for n, t in named if t == "GovernmentBody"]


def test_mentions_a_launch_named_for_the_world_is_an_event_apart_from_the_edition(lexicon):
    found = _typed("第六届世界互联网大会世界互联网领先科技成果发布活动在乌镇举行。在8日举行的世界互联网领先科技成果发布活动现场，"
                   "嘉宾表示合作重要。", lexicon)
    events = {n for n, t in found if t == "Event"}
    assert {"第六届世界互联网大会", "世界互联网领先科技成果发布活动"} <= events
    assert not any(n.startswith("第六届") and n.endswith("发布活动") for n in events)


def test_mentions_a_verb_after_a_quoted_brand_or_a_place_makes_a_clause_not_an_event(lexicon):
    found = _typed("海宁企业“智慧光伏”亮相互联网之光博览会。乌镇镇开通峰会数字服务专线。大陆科技巨头则在互联网之光博览会主打大模型，"
                   "阿里巴巴展出「通义千问」。", lexicon)
    events = {n for n, t in found if t == "Event"}
    assert "互联网之光博览会" in events
    assert not [n for n in events if "亮相" in n or "开通" in n]
    products = {n for n, t in found if t == "Product"}
    assert "通义千问" in products  # the quoted thing a firm showed
    assert not [n for n in products if "博览会" in n]  # no model named from inside the fair's name
