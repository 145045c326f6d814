"""Closed word classes of Chinese news writing that the patterns key on.

These are grammar, not knowledge of any actor: the verbs that introduce a quote, the nouns that
head an event or a product, the words that end a noun phrase on its left, and so on.
"""

from __future__ import annotations

import re

from kg.read.articles import ROLE_LABEL, TABLE_ROW

CJK = "\u4e00-\u9fff"
# punctuation and brackets that end any name
PUNCT = set("，。、；：！？,.;:!?“”‘’「」『』《》〈〉（）()[]【】—…·/／|｜\n\r\t 　\"'▶►▸•●◆◇▪■□→#＃")  # bullets too

# verbs that attribute speech: "X说", "X表示", "X认为" …
QUOTE_VERBS = ("表示", "认为", "指出", "介绍", "强调", "坦言", "透露", "谈道", "谈到", "说道", "称",
               "说", "告诉记者", "对记者说", "在接受采访时说", "感慨", "直言", "解释", "补充道", "提到", "回忆", "呼吁",
               "点评说", "点评道", "评价说", "总结说", "补充说", "分析", "建议", "则指")
QUOTE_VERB = re.compile("|".join(sorted(map(re.escape, QUOTE_VERBS), key=len, reverse=True)))
# the same, with what may stand between the speaker and the verb: X在接受记者采访时说, X对记者表示
# X 8日在接受《环球时报》记者采访时表示, X对《环球时报》记者表示, X对澎湃新闻表示, X告诉《环球时报》记者
OUTLET = r"(?:《[^》]{1,12}》|本报|该报|[0-9\u4e00-\u9fff]{2,8}(?:新闻|日报|晚报|报道|网|社|台|客户端))"
TO_REPORTER = rf"(?:对|向)(?:[《》0-9A-Za-z\u4e00-\u9fff]{{0,12}}?记者|{OUTLET})"  # 对记者, 对《环球时报》记者, 对贝壳财经记者, 对澎湃新闻
SPEECH = re.compile(r"(?:今天|今日|昨天|昨日|日前|近日|当天|当日|同日|\d{1,2}日"
                    r"|(?:星期|周)[一二三四五六日天](?:[（(](?:\d{1,2}月)?\d{1,2}日[)）])?)?"  # 星期五（11月7日）
                    r"(?:(?:在|于|通过|借助|接受)(?:[^，。；“”,：:]|“[^“”，。]{1,20}”){0,22}?(?:时|上|中|期间|间隙|后|里|环节|现场|致辞|视频|连线|访问|采访|专访)"
                    r"|(?:致辞|发言|演讲|讲话|受访|答问|回应|致开幕辞|作报告)时?|[\u4e00-\u9fff]{1,3}?后"  # 领奖后说
                    rf"|{TO_REPORTER}|也|还|则|更|进一步|\d{{1,2}}日){{0,2}}"
                    r"(?:" + QUOTE_VERB.pattern + r"|告诉(?:《[^》]{1,12}》)?(?:记者|小编|我们))")  # 告诉小编, 告诉我们: the writer or the team asking

# a word to someone, printed after a colon: X则提醒年轻创业者：“…”, X寄语青年：“…”
ADDRESSED_SPEECH = re.compile(r"(?:也|还|则|更)?(?:提醒|告诫|寄语|勉励|鼓励|叮嘱|嘱咐|寄望|号召)[^，。；“”「」,]{0,12}[：:]\s*[“「]")

# words that end a complete name: "A大会和B公司" coordinates two names
NAME_HEADS = ("公司", "集团", "大学", "学院", "大会", "论坛", "峰会", "协会", "联盟", "委员会", "研究院", "研究所",
              "银行", "分行", "支行", "中心", "实验室", "政府", "办公室", "室", "办", "部", "局", "厅", "会", "院", "社", "台", "网")
# surnames that are far more often function words
FUNCTION_SURNAMES = set("和与及向从对在都有曾把被让给于为以")
# single characters that end a Chinese name on its right when they follow it directly
NAME_END_CHARS = set("说称在等和与及的是为以对向将已也亦则就都均仍还又从把被让给于曾所即并而但更再率了着")

# function words that end a noun phrase on its left (prepositions, conjunctions, verbs of
# attribution, discourse markers)
LEFT_STOPS = (
    "分别是", "分别为", "其中", "此外", "另外", "同时", "以及", "包括", "来自", "作为", "依托", "通过", "基于",
    "围绕", "发起", "参与", "参加", "加入", "推出", "发布", "举办", "主办", "承办", "召开", "成立", "设立",
    "位于", "联合", "携手", "愿同", "愿与", "将与", "加强", "推动", "支持", "欢迎", "祝贺", "感谢", "出席", "举行",
    "成为", "担任", "出任", "率团", "率领", "会见", "访问", "借由", "藉由", "利用", "借助", "合办", "共同",
    "时任", "曾任", "历任", "现任", "原任",  # 时任|乌镇旅游股份有限公司副总经理的…: the verb of a post
    "还有", "还包括", "涉及", "涵盖", "覆盖",  # …还有|西班牙电信…: the next in a list; 项目涉及|算力中心
    "做好", "办好", "会同", "配合", "负责", "牵头", "抓好", "设在", "设于",  # a notice's duties: 会同|市交通运输局, 配合…做好|…
    "同", "是", "在", "由", "与", "和", "及", "跟", "对", "用",
    "向", "为", "被", "把", "将", "借", "藉", "凭", "靠", "请",
    "从", "自", "据", "有", "赴", "到", "成", "携", "以", "用", "共建", "组建", "筹建", "打造", "建立", "前述", "来源", "兼", "辖下", "旗下", "下属", "所属", "属下", "让", "使", "经", "获", "的", "了", "等", "也", "都", "均", "还", "又", "则", "即",
)

# trades that name a kind of firm before 公司 or 企业 (电信公司, 保险公司), as GB/T 4754-2017 names the
# industries; not in the lexicon's industry endings, which would cut names such as 中国电信
TRADES = ("电信", "保险", "广告", "物业", "快递")
# fields of the digital economy, as the statistical classification names them (国家统计局《数字经济及其
# 核心产业统计分类（2021）》, 《战略性新兴产业分类（2018）》): before an industry word they name a field
# (算力网络, 新能源汽车), not a company
FIELD_WORDS = {"算力", "智算", "云计算", "大数据", "物联网", "区块链", "人工智能", "新能源", "智能网联", "工业互联网",
               "移动互联网", "数字孪生", "集成电路", "新材料", "锂电", "光伏", "储能", "卫星互联网", "具身"}
# determiners and generic modifiers: a name made only of these is not a proper name
GENERIC_WORDS = {
    "各", "该", "本", "此", "这", "那", "其", "全", "多", "各国", "我国", "国际", "国内", "地方", "当地", "相关",
    "有关", "各类", "各级", "社会", "民间", "学术", "专业", "科研", "行业", "基层", "上级", "下属", "有关部门",
    "政府", "国家", "中外", "全球", "世界", "一家", "这家", "多家", "各家", "新型", "大型", "小型", "头部",
    "龙头", "知名", "首个", "首家", "一个", "一些", "部分", "主要", "重点", "尖端", "前沿", "黑", "高", "新",
}

# heads of event names; ceremonies and forums are events of their own
EVENT_HEADS = ("博览会", "展览会", "交易会", "研讨会", "发布会", "开幕式", "闭幕式", "主论坛", "分论坛", "颁奖典礼",
               "颁奖礼", "签约仪式", "总决赛", "发布活动", "峰会", "论坛", "大会", "大赛", "年会", "主题展", "展览", "会议",
               "推介会", "对接会", "洽谈会", "运动会", "亚运会", "奥运会", "冬奥会", "全运会", "大运会")
CEREMONY_HEADS = ("开幕式", "闭幕式", "主论坛", "分论坛", "颁奖典礼", "颁奖礼", "签约仪式", "总决赛")
# a quoted name ending in one of these is an event: “良渚论坛”, “…实践展”
QUOTED_EVENT_ENDINGS = ("展", "节", "周", "赛", "论坛", "峰会", "大会", "博览会", "展览", "发布活动", "发布会")

# verbs that take a list of names as their object: 吸引华为、阿里巴巴等企业参展
VERBS_BEFORE_LISTS = ("吸引", "包括", "邀请", "组织", "带领", "推荐", "汇聚", "集聚", "聚集", "吸纳", "涵盖", "携手", "云集", "聚焦")

# product nouns: “天眸芯”类脑视觉芯片, 数字人平台AvatarX
PRODUCT_NOUNS = ("超级计算机", "计算机", "芯片", "平台", "系统", "大模型", "模型", "机器人", "操作系统", "应用", "软件", "App", "APP",
                 "终端", "手机", "汽车", "眼镜", "服务器", "处理器", "产品", "智能体", "助手", "引擎", "卫星",
                 "计算集群", "网关", "晶片", "机械人", "无人机", "机器狗", "机械臂", "翻译机", "学习机")

# words for a kind of model before 大模型 (端侧大模型, 自研大模型), not a model's own name
MODEL_KINDS = re.compile(r"端侧|垂类|垂直|多模态|具身|文旅|基座|通用|行业|专用|自研|国产|开源|闭源|千亿|万亿|超大|"
                         r"人工智能|智能|生成式|预训练|对话式|"
                         r"轻量|推理|原生|新一代|下一代|首个|首款|领域|产业|城市|语言|视觉|中文")

# 《…》 titles: what the last words say of the work
INITIATIVE_HEADS = ("倡议", "计划", "路线图", "战略", "策略", "宣言", "议程", "纲要", "框架", "行动", "方案", "规划",
                    "公约", "协定", "协议", "契约", "备忘录", "共识", "原则", "声明", "承诺", "愿景", "蓝图", "合作伙伴关系")
REPORT_HEADS = ("报告", "白皮书", "蓝皮书", "绿皮书", "指数", "年鉴", "研究", "报告书", "评估", "案例集", "指南",
                "标准", "手册", "成果")
REPORT_CONTEXT = re.compile(r"发布|成果|编写|撰写|编制|出版|推出|研究|报告")
NOT_OUR_WORKS = re.compile(r"(?:法|条例|办法|规定|决定|意见|通知)$")  # laws and regulations

# unquoted programme names: "X计划", "X倡议"
PROGRAMME_HEADS = ("计划", "倡议", "行动计划", "专项行动", "工程")
# after a quoted name, these make it an initiative: “一带一路”数字合作, “互联网+”行动
INITIATIVE_AFTER = ("倡议", "合作", "建设", "战略", "计划", "工程", "行动", "框架")

# verbs by which a maker shows what it made: 展出了讯飞AI学习机、…, 阿里巴巴展出「通义千问」
SHOWING_VERBS = ("展示", "展出", "推出", "带来", "发布", "演示", "亮出")

# award words
AWARD_VERBS = ("荣获", "获得", "摘得", "斩获", "获颁", "获评", "捧得", "夺得", "拿下", "拿到", "拿了", "获")
AWARD_THIS = re.compile(r"获此殊荣|获此奖项|获得该奖|获此荣誉|获得?该类别?奖项|获奖|榜上有名|名列其中|入选|上榜|在榜单之列|"
                        r"榜单之列")
# a quoted title conferred by these verbs is an award, whatever its last words: 获评“…领先科技成果”
AWARD_CONFERRED = re.compile(r"(?:获评|被评为|评为|荣获|获颁|被授予|授予)$")
# "获奖名单中,A、B均在列" / "获奖单位有A、B和C" / "同批获奖的还有A、B": a list of winners follows
AWARD_LIST = re.compile(r"(?:获奖|入选)(?:名单|单位|企业|机构|成果|者|项目|个人|人|的)[^。；，,]{0,6}?(?:中|有|包括|为|是)[:：,，]?")
NOT_AWARD = ("奖项", "奖金", "奖励", "获奖", "大奖赛", "奖学金")
# a quoted honour named by its selection or roll: “桐乡数字工匠”评选, “最美志愿者”名单
AWARD_SELECTION = re.compile(r"(?:评选|评比|名单|称号|榜单)")
# a category of a series named before: 获评“领军人才”的有2人
CATEGORY_OF_SERIES = re.compile(r"[”」』]的(?:有|共有|为|是)")
# what else ends an award's name, in quotes: “乌镇之星”, “金鹰杯”
AWARD_ENDINGS = ("奖", "之星", "杯", "勋章", "荣誉称号", "奖章")
# what ends a category's name: “社会贡献类”, 人工智能赛道
CATEGORY_ENDINGS = ("类", "赛道", "组别", "类别")

# epithets that introduce a person: “全球互联网之父”罗伯特·卡恩
EPITHET_ENDINGS = ("之父", "之母", "教父", "第一人", "之王", "女王", "先生", "女士")

# classifier phrases that type a list: "4家企业…分别是A、B", "A、B等机构"
LIST_NOUNS = {
    "企业": "Company", "公司": "Company", "厂商": "Company", "车企": "Company", "银行": "Company",
    "机构": "Company", "单位": "Organization", "组织": "Organization", "高校": "Organization",
    "大学": "Organization", "部门": "GovernmentBody", "国家": "Region", "城市": "Region", "地区": "Region",
    "个人": "Person", "人士": "Person", "专家": "Person", "嘉宾": "Person",
    "产学界": "Company", "产业界": "Company", "业界": "Company", "学界": "Organization", "大厂": "Company",
    "产品": "Product",
    "业者": "Company", "港企": "Company", "台企": "Company", "外企": "Company", "央企": "Company", "民企": "Company", "科企": "Company",
}
LIST_INTRO = re.compile(r"分别是|分别为|包括|即")
ORGANIZE_VERBS = re.compile(r"联合主办|共同主办|主办|承办|指导|联合举办|举办")

# event verbs for "EVENT 亮相/落户/举行 REGION" and "在 REGION 举行"
EVENT_AT_VERBS = ("亮相", "落户", "举行", "举办", "开幕", "召开", "启幕", "揭幕", "落地", "落幕", "闭幕", "登场", "开展")
# verbs that stand before an event's name and are never part of it: 应邀出席|峰会
# verbs whose subject is a body, never the first word of a unit's name (大会|宣布|萨法利通信公司)
ANNOUNCING_VERBS = frozenset(QUOTE_VERBS) | {"宣布", "发布", "公布", "举办", "主办", "承办", "签署", "成为", "加入",
                                             "推出", "启动", "邀请", "联合", "携手", "支持", "授予", "表彰"}
VERBS_BEFORE_EVENTS = EVENT_AT_VERBS + ("出席", "参加", "参与", "应邀", "主办", "承办", "来到", "走进", "参观", "考察", "前往",
                                        "观摩", "首展", "参展", "布展")
VENUE_VERB = re.compile(r"位于|落户于|坐落于")

# a dotted name followed by a product noun is no person: “神威·太湖之光”超级计算机
PRODUCT_AFTER = re.compile(r"”?(?:超级计算机|计算机|芯片|系统|平台|卫星|飞船|火箭|号)")
# nouns that describe a company in an apposition before its name: 移动运营商Safaricom, 数字企业GoTo集团
# names printed one after another, set apart by wide spaces (华为　商汤科技), as list items are by 、
WIDE_SPACE = r"\u3000+| {2,}"
def table_cells(text: str) -> list[tuple[int, int]] | None:
    """The cells of a table row printed as text (cues.TABLE_ROW), as spans; None for another line."""
    m = TABLE_ROW.fullmatch(text)
    if m is None:
        return None
    cells, pos = [], m.start("cells")
    for part in re.split(WIDE_SPACE, m.group("cells")):
        a = text.index(part, pos)
        cells.append((a + len(part) - len(part.lstrip()), a + len(part.rstrip())))
        pos = a + len(part)
    return cells if len(cells) >= 2 else None


# a line that introduces someone by name, organisation and title, set apart by spaces: an agenda's
# speakers (郑海涛　世界互联网大会　副秘书长), a broadcast's sound bite ((同期声)卢思远 阿里云高级算法专家);
# a label may open it (主持人：, 发布人：, 致辞嘉宾：, 组　长：), and a two-character name may be spaced out (许　蔓)
# the label of a broadcast's sound bite: (同期声), 【采访】
SOUND_BITE = re.compile(r"[（(【\[](?:同期声|采访|受访者)[）)】\]]")
# a radio script's tape: 【录音】 or 【出录音】 opens the words the speaker named before says
TAPE = re.compile(r"\s*[【\[](?:出)?录音[】\]]\s*")
ROSTER = re.compile(rf"(?:{SOUND_BITE.pattern}\s*"
                    rf"|{ROLE_LABEL})?"
                    r"(?P<name>[\u4e00-\u9fff][\u3000 ]?[\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff]{2,4}·[\u4e00-\u9fff]{1,6})"
                    r"(?:[（(][A-Za-zÀ-ÿ .'\-]{3,40}[)）])?"  # 卡琳·米勒（Karin Müller）: the name in its own script
                    r"[\u3000 ]+(?P<rest>[^\s，。；：、,;:！？“”][^，。；：、,;:！？“”]{3,40})")
DESCRIPTOR_NOUNS = ("运营商", "企业", "公司", "巨头", "龙头", "厂商", "平台", "银行", "初创企业", "独角兽", "服务商", "供应商",
                    "设备商", "制造商", "开发商")
# the same, with the words that only describe a Chinese name before it: 台湾AI影像新创|慧眸科技, 工业电脑厂|宏联资讯
COMPANY_DESCRIPTORS = DESCRIPTOR_NOUNS + ("新创", "初创", "厂")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&+\-]*(?:[ .][A-Za-z][A-Za-z0-9&+\-]*)*\.?")
DOTS = "·・•‧"
# 罗伯特·卡恩; a part may be hyphenated (让-克洛德·穆加博)
FOREIGN_NAME = re.compile(rf"[{CJK}]{{1,8}}(?:[-‐][{CJK}]{{1,8}})?(?:[{DOTS}][{CJK}]{{1,8}}(?:[-‐][{CJK}]{{1,8}})?)+")
YEAR_PREFIX = re.compile(r"((?:19|20)\d\d)年(?:度)?$")
ORDINAL_PREFIX = re.compile(r"(?:首届|第[一二三四五六七八九十百零\d]+届)")

# words that stand where a dateline's place would: 本报讯, 新华社电
AGENCIES = {"本报", "本刊", "新华社", "中新社", "人民网", "新华网"}

# the words of a sports report: a club or a league named among them is a team (an organisation),
# not a company: 曼联主帅, 主场迎战切尔西, 英超第10轮
SPORTS_WORDS = re.compile(r"主帅|主教练|教练|球队|队长|球员|球迷|联赛|赛季|主场|客场|进球|射门|破门|扳平|逼平|战平|"
                          r"击败|战胜|负于|不敌|输给|完胜|夺冠|卫冕|降级|积分榜|争冠|转会|加盟|租借|首发|替补|"
                          r"比分|上半场|下半场|欧冠|欧联|英超|西甲|意甲|德甲|法甲|中超|足总杯|德比|对阵|交锋|赛程|"
                          r"足球|篮球|世界杯|赔率|让球|盘口|主胜|客胜|平局|赛果|第[一二三四五六七八九十\d]{1,3}轮")

# a unit named bare where the article named it in full before: 该实验室主任, 办事处主任X说
BARE_UNITS = ("实验室", "研究院", "研究所", "学院", "中心", "大学", "公司", "集团", "办事处", "代表处", "工作组")

# titles that follow a pattern rather than a list: 首席技术安全官, 首席数据官, and the Latin
# acronyms of chief officers as Chinese papers print them (创始人兼CEO, CTO)
# what a person is rather than an office held: 网络安全专家, 知名学者, 计算机科学家
PROFESSIONS = ("专家", "学者", "科学家")
# the verbs that say a post is or was held, before the organisation: 时任…副总经理的NAME
HELD_POST = "时任|曾任|现任|原任"
# the heads of a place's people's government (副省长, 常务副市长, 区长), whose office is the government's
GOVERNMENT_HEAD = re.compile(r"(?:常务)?副?(?:省长|市长|区长|县长|州长|镇长|乡长)")
GENERIC_TITLE = re.compile(r"首席[\u4e00-\u9fff]{1,6}?官|(?<![A-Za-z])C[A-Z]O(?![A-Za-z])")
