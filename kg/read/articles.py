"""Page -> articles: headlines, kinds, bylines, section markers and body paragraphs.

A newspaper page dump is a sequence of lines separated by blank lines. Its layout is read from
how Chinese papers print it:
- a headline is a short line with no sentence-final punctuation;
- a dateline byline opens the first paragraph of a news story: "本报乌镇 11月7日电 (记者 张熙锦)";
- "■ 本报评论员" marks an editorial, other "■ …" lines are column labels ("■ 乌镇时间");
- "(上接第一版)" opens the continuation of a story from another page, "(下转第二版)" closes one;
- a page break can split a word or a sentence across lines ("互联\\n\\n网+"), and can drop a
  headline into the middle of a sentence; such lines are joined again, keeping page offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from kg.model import Article, Byline, Page, Span
from kg.read.script import simplified_same_length

# a line ending in ： or —— introduces what follows; a post's lines may end on ～ or a pointing hand
TERMINAL = "。！？!?…；;”’」』）)】：:—～~👇"
HEADLINE_MAX = 40
LONG_HEADLINE_MAX = 64  # a web page's headline, known as one by the reporters or time stamp line under it
# what may close a heading in parentheses, no clause: a name's Latin form (阿依莎·巴洛贡（Aisha Balogun）),
# or a note on the text (…致辞（只有中文）, …讲话（全文）, …（附图）)
HEADING_NOTE_END = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?:[A-Za-z][A-Za-z .'&\-]*|只有[中英]文|全文|摘要|附图|图|视频|附短片|附图/短片)[)）]$")

_DIGITS = "一二三四五六七八九十百\\d"
CONTINUATION_FROM = re.compile(rf"^[（(](?:上接|接上|紧接|续)第?[{_DIGITS}]+版[)）]$")
CONTINUED_ON = re.compile(rf"^[（(](?:下转|转下|转|续见|接下)第?[{_DIGITS}]+版[)）]$")
# a page number left alone on its line by the dump (12, — 3 —, - 3 -); a count (2.3万)
FOLIO = re.compile(r"\d{1,5}|[—－\-]{1,2}\s*\d{1,4}\s*[—－\-]{1,2}|\d+(?:\.\d+)?万")
# the running footer of a company's report (科大讯飞股份有限公司 2024年年度报告): no headline, and the
# one line that names the company in full
REPORT_FOOTER = re.compile(r"[\u4e00-\u9fff（）()]{2,30}(?:公司|集团)\s*(?:19|20)\d\d\s*年(?:年度|半年度|第[一二三四]季度|社会责任|ESG)?"
                           r"报告(?:全文|摘要)?")
# the masthead lines a page dump opens with: the paper, the date, the page
MASTHEAD = re.compile(r"(?:[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|商报|时报|报)|今日[\u4e00-\u9fff]{2,4})"
                      r"(?:海外版|国际版|[\u4e00-\u9fff]{2}版)?(?:·[\u4e00-\u9fff]{2,6})?")  # 人民日报海外版
DATE = re.compile(r"(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日)?(?:[（(]?(?:星期|周)[一二三四五六日天][)）]?)?")  # 11月08日（星期六）
PAGE = re.compile(r"第[一二三四五六七八九十\d]+版|[A-Z]?\d{1,2}版?")
MARKER = re.compile(r"^[■□▲△◆◇●○★☆◎]\s*(?P<label>.+)$")
EDITORIAL = re.compile(r"评论员|社论|短评|时评|编者按|本报评论")
# a posting may stand between the outlet and the role: 本报驻华记者, 本报驻纽约特约记者; 早报特派员 (a paper's
# correspondent sent to the event)
# correspondent sent to the event); the role may say what the reporter writes for (全媒体记者, 融媒体记者)
REPORTER_GRADES = r"(?:特约|特派|见习|实习|全媒体|融媒体|首席)"
REPORTER_ROLES = rf"(?:本报|本刊)?(?:驻[\u4e00-\u9fff]{{1,6}}?)?(?:{REPORTER_GRADES}?(?:记者|通讯员|实习生|摄影记者|撰稿|撰文)|特派员)"
BYLINE = re.compile(
    r"^(?P<agency>本报|本刊|新华社|中新社|中国新闻社|人民网|新华网|央视网|光明网|中国日报网|"
    r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|报|网|社|台))?\s*"
    r"(?P<place>[\u4e00-\u9fff]{1,10}?)?\s*"  # 中国日报网6月17日电: no place
    r"(?P<date>(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日)\s*(?:专电|电|讯|消息)\s*"  # 本报乌镇11月8日专电
    r"(?:[（(](?P<people>[^）)]{1,80})[)）]|(?:记者|通讯员)\s*(?P<people2>[\u4e00-\u9fff·]{2,6}(?:[、，,][\u4e00-\u9fff·]{2,6})*)\s)?\s*"
)
# a line of reporters, after the outlet's name or not: "潮新闻客户端 记者 X 通讯员 Y", "（记者 X）"
# "21世纪经济报道记者 X 乌镇报道", with the outlet's name written together with 记者 or apart
# reporters on a line of their own, with the outlet before them and what may close the line: a
# place (乌镇报道, 发自乌镇, ／乌镇报导), the editor (每经编辑：X) or the time of publication
# a time stamp line of a news site: "2026-11-14 07:42 来源：澎湃新闻"
STAMP = re.compile(r"^(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d\d")
# a short line that carries a time stamp after the outlet's name: "第一财经  2025-11-10 07:12:35  听新闻"
# the line a WeChat post opens with under its headline: 原创 小桐 桐乡发布 (the writer, the account), with
# the time and the place it was posted from where the app prints them (2024-11-21 08:30 浙江)
POST_ACCOUNT = re.compile(r"^原创\s+\S{1,12}(?:\s+\S{1,16})?"
                          r"(?:\s+(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d\d)?(?:\s+[\u4e00-\u9fff]{2,6})?)?\s*$")
# …and its time and province: 2025年11月07日 20:16 浙江
POST_TIME = re.compile(rf"{STAMP.pattern}(?::\d\d)?(?:\s+[\u4e00-\u9fff]{{2,4}})?\s*$")
STAMPED_LINE = re.compile(r"^.{0,16}?(?:19|20)\d\d(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d\d(?::\d\d)?"
                          r".{0,12}$")  # 发布 / 2025年11月8日 18:36: a web page's time of publication
# a site's line of source, author and date: "来源：中国青年网　2023-11-10 08:51:27",
# "来源：计算机科学与技术学院　|　作者：宁可欣　蒋亦舟　|　日期：2024-11-22"
SOURCE_LINE = re.compile(r"^(?:来源|发布时间|发布日期|日期|作者)[：:]|^发布(?:者|人)[：:]\s*\S{1,12}(?:\s|$)")
# (not 发布人：国家互联网信息办公室国际合作局副局长 闵思远, the officials a press conference introduces)
# the controls a scraped web page leaves on their own lines: 字号, 分享到：, 收藏, 我要举报, +1
PAGE_CONTROL = re.compile(r"(?:[大中小]?字号|[大中小]|分享到?[：:]?|收藏|打印|关闭|返回|返回顶部|我要举报|举报|点赞|评论|"
                          r"扫一扫|[+＋]\d|A[+-]|纠错|在看|阅读原文|写留言|\[图片\]|点击(?:上方)?蓝字\s*关注我们"
                          r"|[+＋]?关注|\S{2,12}官方(?:账|帐)号|热门评论"  # (IP属地：浙江: SITE_FURNITURE)
                          r"|只看楼主|发表回复|\S{0,6}热议榜|来自\S{1,16}客户端)"
                          r"(?:\s+(?:分享|收藏|点赞|在看|评论|写留言))*")  # a WeChat post's: 分享 收藏 点赞 在看
# a forum thread: who posted each floor and when (楼主　枕水人家_　2025-11-08 21:36, 3楼　…), the
# board's counts (关注：12.6万　帖子：87.3万), and the floor a reply quotes (回复 2楼 老K不打牌：)
FORUM_FLOOR = re.compile(r"(?:楼主|\d{1,4}楼|沙发|板凳)[\s\u3000]+\S{1,24}[\s\u3000]+(?:19|20)\d\d-\d{1,2}-\d{1,2}"
                         r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?|关注[：:]\s*[\d.]+万?[\s\u3000]+帖子[：:].*")
QUOTED_FLOOR = re.compile(r"回复\s*(?:\d{1,4}楼|楼主)\s*\S{1,24}?[：:]\s*")
# a site's lines around a story: the share bar, the links to the stories before and after, the
# copyright and the licence number (上一篇：…, Copyright © 2023 …版权所有　浙ICP备…); a Q&A
# platform's asker and times (提问者：irm_41877203　提问时间：…, 回复时间：…); a government
# disclosure page's record (索引号：…, 发布机构：…, 生成日期：…); a list's pager; where a comment was posted from
SITE_FURNITURE = re.compile(r"(?:分享到|上一篇|下一篇|上一条|下一条|提问者|回复时间|索引号|发布机构|生成日期|公开方式|组配分类|主题分类)[：:]|(?:Copyright|版权所有|©).*|.*ICP[备证]\s*\d"
                            r"|.*第\s*\d{1,4}\s*页\s*[/／]\s*共\s*\d{1,4}\s*页\s*$"  # a PDF's running footer: …编印　第 1 页 / 共 36 页
                            r"|(?:首页\s*)?上一页[\s\d]*下一页(?:\s*尾页)?\s*$"  # a list's pager: 上一页 1 2 3 下一页
                            r"|.{0,20}IP属地[：:]\s*[\u4e00-\u9fff]{2,8}.{0,20}$"  # where a post or a comment came from: IP属地：浙江, 11-05 · IP属地：浙江 · 赞 412
                            # a note's time and place, a comment's: 编辑于 11-09 浙江, 11-09 上海 回复
                            r"|(?:编辑于|发布于)\s*(?:\d{2,4}-)?\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d\d)?(?:\s+[\u4e00-\u9fff]{2,8})?\s*$"
                            r"|(?:\d{2,4}-)?\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d\d)?\s+[\u4e00-\u9fff]{2,8}\s+回复\s*$")
SITE_AUTHORS = re.compile(r"(?:^|[|｜]\s*|\u3000+)作者[：:]\s*(?P<people>[^|｜]+?)\s*"
                          r"(?=[|｜]|(?:责编|责任编辑|编辑|审核|审稿|校对|发布时间|来源|点击数?)[：:]|$)"
                          r"|\u3000+记者[：:\s\u3000]\s*(?P<reporters>[\u4e00-\u9fff\u3000 、]{2,30}?)\s*$")  # 来源：X　记者　A　B
# a microblog post's time and client (23-11-8 09:41 来自 微博网页版), its counts (转发 862　评论 197　赞 3415),
# the headline in brackets that opens it, and the links and mentions that close it
LIST_BULLETS = "·•‧・"  # the bullet before each headline of a site's list of stories
MICROBLOG_TIME = re.compile(r"(?:(?:\d{2}|\d{4})-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日|今天|昨天)\s+\d{1,2}:\d\d"
                            r"(?:\s+来自\s*\S{0,16})?")
POST_COUNTS = re.compile(r"(?:(?:转发|评论|赞|点赞|收藏)\s*\d+\s*){2,4}")
MICROBLOG_OPENER = re.compile(r"【(?P<title>[^【】]{4,40})】")
POST_TRAILER = re.compile(r"(?:\s*(?:L[\u4e00-\u9fff]{1,12}的微博视频|O网页链接|戳图↓|@[\u4e00-\u9fffA-Za-z0-9_]{2,20}))+\s*$")
# a line that names a person and nothing else (沈以宁, 亚历山大·科瓦连科（Alexander Kovalenko）), and the
# opening of the bio under it (现任…, 曾任…, 男，1975年生)
NAME_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·・][\u4e00-\u9fff]{1,8})+"
                       r"(?P<latin>[（(][A-Za-z][A-Za-z .\-]+[)）])?")
BIO_OPENING = re.compile(r"(?:现任|曾任|历任|男[，,]|女[，,]|(?:19|20)\d\d年(?:出)?生)")
# the label over a list of links to other pages: 相关新闻, 延伸閱讀, 往期推荐, ▼ 推荐阅读
RELATED_LINKS = re.compile(r"[【\[▼▽→>《]?\s*(?:(?:相关|延伸|推荐|热门|往期)(?:新闻|阅读|报道|推荐|文章|链接)|更多|猜你喜欢)"
                           r"\s*[】\]：:]?")
# where a site's page sits: "浙江大学新闻网　首页 > 求是新闻 > 综合新闻", "澎湃新闻 > 科技"
BREADCRUMB = re.compile(r"^[^>＞»]{2,20}(?:\s*[>＞»]\s*[^>＞»]{1,12}){0,4}\s*[>＞»]\s*[^>＞»]{1,16}$")  # … > 2024年11月21日 星期四
LONE_REPORTERS = re.compile(rf"^(?:{STAMP.pattern[1:]}\s*)?"  # 2026-11-09 22:15 经济日报／
                            rf"(?:[\u4e00-\u9fff\d·]{{1,14}}(?:日报|晚报|报道|报|网|社|台|客户端|新闻|经|01)\s*[／/]?\s*)?"
                            # 每经记者：X, 撰文：X; never a line that opens on 记者： (an interview's question)
                            rf"[（(]?\s*(?:{REPORTER_ROLES}\s*|(?<=[\u4e00-\u9fff\d\s])(?:记者|撰文)[：:]\s*)"
                            # 记者 X 整理; a photographer's line: 记者 X摄, 记者 X/摄
                            r"(?P<people>[^）)。，,：:／/？?！!]{2,60}?)\s*(?:(?:综合)?(?:整理|采写|编译)|/?摄影?)?\s*"
                            r"(?:\s[\u4e00-\u9fff]{0,4}报道|\s*发自[\u4e00-\u9fff]{2,10}|\s*[／/]\s*[\u4e00-\u9fff]{2,10}报[导道])?"
                            r"(?:\s+(?:摄影|摄像|图)\s*[\u4e00-\u9fff]{2,4})?"  # …发自乌镇　摄影 施晟炜
                            r"(?:\s+[\u4e00-\u9fff]{0,4}(?:编辑|责编)[：:]\s*[\u4e00-\u9fff]{2,4}"
                            r"|\s+出版[：:]\s*(?:19|20)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d\d)?)?\s*[)）]?\s*$")
NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})*")
# a site's credit line under a headline: 文/林思彤　图/孔德民 (the writer, then the photographer), 报道：钟淑雯
WRITER_LINE = re.compile(r"^[（(]?(?:文|报道|撰文|采写)\s*[/／:：|｜]\s*(?P<people>[\u4e00-\u9fff]{2,4}(?:[、 \u3000][\u4e00-\u9fff]{2,4})*?)"
                         r"(?:[\s\u3000]+(?:图|摄影|摄|视频)\s*[/／:：|｜]\s*[\u4e00-\u9fff]{2,4}(?:[、 \u3000][\u4e00-\u9fff]{2,4})*)?\s*[)）]?$")
# the reporters a broadcast's script or a post signs off with, names and nothing else: 记者：A　B
SIGNED_OFF = re.compile(r"^(?:记者|采写|文字记者)[：:]\s*(?P<people>[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,4}){0,3})"
                        r"(?:[\s\u3000]+(?:责任编辑|编辑|责编|剪辑|摄像)[：:]\s*[\u4e00-\u9fff]{2,4}(?:[ \u3000、][\u4e00-\u9fff]{2,4})*)*\s*$")
# a two-character name spaced out to the width of three (本报记者 江 澜)
PADDED_NAME = re.compile(r"(?<![\u4e00-\u9fff·])[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff·])")
# a correspondent signing for a press office (宣传部) by its place: "通讯员 乌宣", "通讯员 桐宣"
PRESS_OFFICE = re.compile(r"[\u4e00-\u9fff]宣")
# the staff a page or a story credits: "责任编辑：郑思源 版式：陆婧", "（编辑：萧雅娟）"
CREDIT_ROLES = r"(?:本版|本期|本栏)?(?:责任编辑|美术编辑|编辑|责编|校对|审校|审核|美编|编审|版式|排版|摄影|摄像|制图|主持人|主播|联系人|整理)"
CREDIT = re.compile(rf"{CREDIT_ROLES}\s*[：:]\s*")
# a page header's credits may set the name apart by a space alone: 责任编辑 祁思衡　美术编辑 褚一鸣
SPACED_CREDITS = re.compile(rf"{CREDIT_ROLES}[ \u3000]+[\u4e00-\u9fff]{{2,4}}(?:[ \u3000]+{CREDIT_ROLES}[ \u3000]+[\u4e00-\u9fff]{{2,4}})*")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


@dataclass(frozen=True, slots=True)
class _Line:
    span: Span
    kind: str  # text | from | to | marker | folio (page numbers and the page's header)
    indented: bool = False  # opens with a paragraph's indent (two ideographic spaces in print)
    after_gap: bool = False  # a blank line stands before it


def split_articles(page: Page) -> list[Article]:
    """Split a page into its articles, in page order. A plain one-article file gives one."""
    lines = _repair(_lines(page.text, page.body_start))
    printed = _printed_date(lines)  # the date the page's header prints: 2023年11月9日 星期四
    if page.published:
        year, year_source = page.published.year, "metadata"
    elif printed:
        year, year_source = printed.year, "text"
    else:
        year, year_source = _page_year(page.text[page.body_start:])
    builders: list[_Builder] = []
    pending_sections: list[str] = []
    headline: list[Span] = []
    current: _Builder | None = None

    def start(kind: str) -> _Builder:
        b = _Builder(kind=kind, sections=list(pending_sections))
        pending_sections.clear()
        builders.append(b)
        return b

    def story(first: Span) -> _Builder:
        """A story that starts here, under the headline lines read so far, if any."""
        nonlocal headline, marked_brief
        b = start("news")
        _headline(b, headline)
        b.first = headline[0] if headline else first
        b.brief, headline, marked_brief = marked_brief and bool(headline), [], False
        return b

    post = False  # the line after a microblog's time line is a post
    marked_brief = False  # the headline read last opens a brief (■ 两部蓝皮书在乌镇发布): news, however short

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        written = line.span.repaired
        text = simplified_same_length(written)  # patterns are in simplified characters
        if line.kind in ("to", "folio"):
            i += 1
            continue
        if line.kind == "from":
            current = start("continuation")
            current.sections.append(written.strip("()（）"))
            if headline:  # a headline printed just before the marker belongs to the story
                _headline(current, headline)
                headline = []
            current.first = line.span
            i += 1
            continue
        if line.kind == "marker":
            marker = MARKER.match(text)
            label = written[marker.start("label"):marker.end("label")].strip()
            if text[0] in "▲△" and current is not None and not headline:
                # ▲世界互联网大会蓝皮书新闻发布会现场: the caption of the picture above, in the story
                current.paragraphs.append(line.span.sub(marker.start("label"), len(text)))
            elif text[0] in "□◎" and headline and NAME.fullmatch(simplified_same_length(label)):
                current = story(line.span)  # 标题 / □ 鞠明澜: the writer of a commentary, under its headline
                current.reporters.extend(_reporters(label, line.span, written.index(label)))
            elif EDITORIAL.search(simplified_same_length(label)):
                current = start("editorial")
                _headline(current, headline)
                current.first = headline[0] if headline else line.span
                current.author_note = label
                headline = []
            elif (lone := LONE_REPORTERS.match(simplified_same_length(label))) and (current is not None or headline):
                if headline:  # "◎本报记者 江语桐" under a headline: the story starts here
                    current = story(line.span)
                # ■特派记者 伍卓琳 乌镇报道: the names, not where they report from
                a, b = lone.span("people")
                current.reporters.extend(_reporters(label[a:b], line.span, written.index(label) + a))
            elif (len(label) > HEADLINE_MAX or re.search(r"[，。,；;]", label)) \
                    and not CLOSING_PHOTO_CREDIT.search(simplified_same_length(label)):  # ■…发言。记者X 摄: a caption
                # ■ 8日，…发布。（记者 X）: a brief that opens on the marker, with no headline of its own
                current = story(line.span)
                brief = line.span.sub(marker.start("label"), len(text))
                current.paragraphs.append(brief)
                current.reporters.extend(_closing_credit(brief))
            elif nxt is not None and nxt.kind == "text" and _is_headline(simplified_same_length(label)) \
                    and _brief_body(simplified_same_length(nxt.span.repaired)):
                # ■ 两部蓝皮书在乌镇发布, then its paragraph: a brief's own headline, not a column's label
                headline, marked_brief = [line.span.sub(marker.start("label"), len(text))], True
            else:
                pending_sections.append(label)
            i += 1
            continue
        site = _site_authors(text) if line.kind == "text" else None
        if site and (headline or current is not None and not current.reporters
                     and (len(current.paragraphs) <= 2 or site.group("reporters"))):
            # 来源：…　|　作者：宁可欣　蒋亦舟　|　日期：…: a site's line names the story's writers; a
            # post's closing 来源：X　记者　A　B does too
            if headline:
                current = story(line.span)
            a, b = site.span("people") if site.group("people") else site.span("reporters")
            current.reporters.extend(_reporters(written[a:b], line.span, a))
        # · 数字丝路发展论坛举行 over 2023-11-09 17:48: an item of a list of stories, not a post under its account
        listed = bool(headline) and i > 0 and lines[i - 1].span.repaired.startswith(tuple(LIST_BULLETS))
        timed = MICROBLOG_TIME.fullmatch(text) if line.kind == "text" and not listed else None
        if timed and nxt is not None and nxt.kind == "text" and LONE_REPORTERS.match(simplified_same_length(nxt.span.repaired)):
            timed = None  # 2023-11-08 18:26 over 聯合報／記者X／即時報導: a news site's time, the story's credit under it
        if timed or line.kind == "text" and POST_COUNTS.fullmatch(text):
            # 转发 455　评论 96　赞 1877 / 23-11-8 11:26 来自 微博视频号: a microblog's furniture; the
            # account line above the time is no headline, and the post under it is a story of its own
            if timed:
                headline, current, post = [], None, True
            i += 1
            continue
        if post and line.kind == "text":
            post = False
            opener = MICROBLOG_OPENER.match(text)
            if opener:  # 【两部蓝皮书在乌镇发布】#话题# 8日，…: the post's own headline, then its text
                headline, marked_brief = [line.span.sub(opener.start("title"), opener.end("title"))], True
                current = story(line.span)
                body = line.span.sub(opener.end(), len(text))
            else:
                current = story(line.span)
                body = line.span
            current.paragraphs.append(body)
            trailer = POST_TRAILER.search(simplified_same_length(body.repaired))
            current.reporters.extend(_closing_credit(body.sub(0, trailer.start()) if trailer else body))
            i += 1
            continue
        if line.kind == "text" and RELATED_LINKS.fullmatch(text) and current is not None and current.paragraphs:
            # 相关新闻 / 延伸閱讀 under a story: the titles of other pages, linked, up to the page's end
            headline = []
            current = None
            i += 1
            while i < len(lines) and not _credits_a_story(lines[i].span.repaired) \
                    and not (i + 1 < len(lines) and _credits_a_story(lines[i + 1].span.repaired)) \
                    and simplified_same_length(lines[i].span.repaired.strip())[-1:] not in "。！？!?":
                i += 1  # a link's title; a headline over its own byline opens the next story
            continue
        if line.kind == "text" and BREADCRUMB.match(text) and current is None:
            headline = []  # 杭州电子科技大学新闻网 / 首页 > 学术动态 > 正文: the site's furniture, no headline
            i += 1
            continue
        if (COLUMN.fullmatch(text) or DOCUMENT_KIND.fullmatch(text)) and not headline:
            # 乌镇峰会·快讯: the column the next stories run under; 新闻稿: what kind of text follows
            pending_sections.append(written)
            i += 1
            continue
        if line.kind == "text" and (headline or current is not None and not current.paragraphs) \
                and (POST_ACCOUNT.match(text) or POST_TIME.match(text) or SOURCE_LINE.match(text) and not site):
            # 原创 小桐 桐乡发布 / 2025年11月07日 20:16 浙江: a post's account and time, no body text
            if len(headline) >= 2 and POST_ACCOUNT.match(text) and len(headline[0].repaired.strip()) <= 12:
                headline = headline[1:]  # 网信浙江 / headline / 原创 …: the account's name over the post's headline
            if headline:
                current = story(line.span)
            i += 1
            continue
        stamped_last = current is not None and bool(current.paragraphs) and not headline \
            and STAMPED_LINE.match(simplified_same_length(current.paragraphs[-1].repaired))
        if line.kind == "text" and (headline or stamped_last) and STAMPED_LINE.match(text) \
                and not LONE_REPORTERS.match(text):
            # 发布 / 2025年11月8日 18:36 (and 更新 / … under it) below the headline: when the page was
            # published, the story's first lines
            if headline:
                current = story(line.span)
            current.paragraphs.append(line.span)
            i += 1
            continue
        credit = None  # a line that names the story's reporters and nothing else
        if line.kind == "text":
            writer, signed, lone = WRITER_LINE.match(text), SIGNED_OFF.match(text), LONE_REPORTERS.match(text)
            if writer and (headline or current is not None and not current.reporters):
                credit = writer  # 文/林思彤　图/孔德民: the writer is the story's reporter
            elif signed and current is not None and current.paragraphs and not headline:
                # 记者：俞晨阳　高嘉禾 at the end of a broadcast's script (an interview's question on a
                # 记者： line is a sentence, not names)
                credit = signed
            elif lone and (headline or current):
                credit = lone  # "潮新闻客户端 记者 X 通讯员 Y" under a headline, with no dateline
        if credit:
            if headline:
                current = story(line.span)
            a, b = credit.span("people")
            current.reporters.extend(_reporters(written[a:b], line.span, a))
            i += 1
            continue
        if current is not None and current.paragraphs and not headline and nxt is not None and nxt.kind == "text" \
                and i + 2 == len(lines) and len(text) <= HEADLINE_MAX \
                and re.fullmatch(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日", simplified_same_length(nxt.span.repaired)):
            # 世界互联网大会秘书处 / 2024年11月22日 at the end of a notice: who signs it, and when
            current.paragraphs.extend([line.span, nxt.span])
            i += 2
            continue
        if not headline and current is not None and current.kind == "news" and current.paragraphs \
                and _is_headline(text):
            # 一、教机器人“站稳”的人: a part of the feature; 两部蓝皮书同日发布 under a dated story, with no
            # credit of its own before the page ends, among others like it: subheadings, not stories
            numbered = bool(NUMBERED_PART.match(text))
            if numbered or _subheading(current, text, nxt, lines, i):
                current.paragraphs.append(line.span)
                if not numbered:
                    current.subheadings.append(line.span)
                i += 1
                continue
        if nxt is not None and nxt.kind == "text" and BIO_OPENING.match(simplified_same_length(nxt.span.repaired)) \
                and NAME_LINE.fullmatch(text):
            # 沈以宁 over "现任…，兼任…。曾任…": a speaker's name over the bio, not a headline
            if headline or current is None:
                current = story(line.span)
            current.paragraphs.append(line.span)
            i += 1
            continue
        # a headline with a colon (专访｜X：Y) is still a headline right above its byline or reporters
        quoted_end = text[-1] in "”’」』" and text[-2:-1] not in "。！？!?…"  # …需要更多“数字伙伴”
        over_reporters = nxt is not None and (text[-1] not in TERMINAL or quoted_end) and not _programme_line(text) \
            and len(text) <= LONG_HEADLINE_MAX and (_credits_a_story(nxt.span.repaired)
                                                    or SUBTITLE_DASH.match(nxt.span.repaired))
        if (_is_headline(text) or over_reporters) and nxt is not None and not line.paragraph and not (
            current is not None and current.kind == "continuation" and nxt.kind == "text"
            and not _byline_match(nxt.span.repaired)
        ):
            bullet = re.match(rf"[{LIST_BULLETS}]\s*", written)
            headline.append(line.span.sub(bullet.end(), len(written)) if bullet else line.span)
            i += 1
            continue
        if _is_headline(text) and current is not None and current.kind == "continuation":
            # a sub-heading inside a continued story; it names the story if nothing else does
            if current.title is None and not current.paragraphs:
                current.title = line.span
            elif current.title is None:
                current.title = line.span
            current.subheadings.append(line.span)
            i += 1
            continue
        # a body paragraph
        m = _byline_match(written)
        # a dateline right under a site's source line goes on the story that line opened
        opened = current is not None and not current.paragraphs and current.byline is None and not headline
        if headline or m and not opened or current is None:
            current = story(line.span)
        if m:
            current.byline = _byline(m, line.span)
            rest = line.span.sub(m.end, len(text))
            if rest.repaired.strip():
                current.paragraphs.append(rest)
                if not current.byline.reporters and not current.reporters:
                    current.reporters.extend(_closing_credit(rest))  # 财联社11月20日电，…。（财联社记者 黎曼青）
            i += 1
            continue
        current.paragraphs.append(line.span)
        if not current.reporters and (current.byline is None or not current.byline.reporters):
            # …举行。(本报记者 周航): the brief's reporter; 财联社11月20日电，…。（财联社记者 黎曼青）: a flash's
            current.reporters.extend(_closing_credit(line.span))
        if line.displaced and current.kind == "continuation" and current.title is None:
            current.title = line.displaced
        i += 1
    if headline and current is not None:  # a trailing headline with nothing under it
        current.paragraphs.extend(headline)

    articles = []
    stem = source_slug(page.source)
    for n, b in enumerate((b for b in builders if b.paragraphs or b.title), start=1):
        if b.kind == "news" and not b.brief and b.byline is None and b.title is not None and len(b.paragraphs) == 1 \
                and len(b.paragraphs[0].repaired) <= 200:
            b.kind = "caption"
        articles.append(b.build(page, f"{stem}/{n}", n, year, year_source, printed))
    return articles


# ----------------------------------------------------------------------------- lines and repair

@dataclass(slots=True)
class _Repaired:
    span: Span
    kind: str
    displaced: Span | None = None  # a headline the page break dropped inside this paragraph
    paragraph: bool = False  # indented where the page indents its paragraphs: body text, no headline


def _lines(text: str, body_start: int = 0) -> list[_Line]:
    out = []
    pos = body_start
    opening = True  # still in the lines a page opens with
    gap = False
    raws = text[body_start:].splitlines(keepends=True)
    running = _running_headers(raws)
    for raw in raws:
        body = raw.rstrip("\r\n")
        stripped = body.strip(" \t\u3000\ufeff\f")
        if not stripped:
            gap = True
        else:
            a = pos + body.index(stripped)
            quoted = QUOTED_FLOOR.match(stripped)
            if quoted and quoted.end() < len(stripped):
                a, stripped = a + quoted.end(), stripped[quoted.end():]  # the reply's own words
            span = Span.of(text, a, a + len(stripped))
            simple = simplified_same_length(stripped)
            if CONTINUATION_FROM.match(simple):
                kind = "from"
            elif CONTINUED_ON.match(simple):
                kind = "to"
            elif MARKER.match(simple):
                kind = "marker"
            elif FOLIO.fullmatch(simple) or PAGE_CONTROL.fullmatch(simple) or SITE_FURNITURE.match(simple) \
                    or FORUM_FLOOR.fullmatch(simple) or stripped in running:
                kind = "folio"
            elif opening and (_header_line(simple) or CREDIT.match(simple) or SPACED_CREDITS.fullmatch(simple)
                              or BREADCRUMB.match(simple)
                              or out and PAGE.fullmatch(out[-1].span.repaired) and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", simple)):
                kind = "folio"  # 嘉兴日报 / 2023年11月9日 星期四 / 第5版 桐乡新闻 (or 3 / 要闻) / 本版责编：X: the page's header
            else:
                kind = "text"
            opening = opening and kind == "folio"
            out.append(_Line(span, kind, body.startswith(("\u3000", "  ")), gap))
            gap = False
        pos += len(raw)
    return out


# a field of a form: 采购人：桐乡市乌镇镇人民政府, 中标金额：4386500.00元
FORM_FIELD = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]\s*[^。；！？：:]{1,60}")


def _form_lines(lines: list[_Line]) -> set[int]:
    """The lines of a form (an announcement's fields, one to a line): three or more field lines in a
    row, each complete in itself."""
    out: set[int] = set()
    run: list[int] = []
    for n, line in enumerate(lines + [None]):
        if line is not None and line.kind == "text" and FORM_FIELD.fullmatch(line.span.repaired):
            run.append(n)
            continue
        if line is not None and line.kind != "text" and run:
            continue  # a page number between two fields
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _running_headers(raws: list[str]) -> set[str]:
    """The lines a PDF prints again on every page (2024年世界互联网大会杰出贡献奖 · 颁奖词): a line of
    eight characters or more with no sentence in it, printed three times or more."""
    counts = Counter(r.strip(" \t\u3000\ufeff\f\r\n") for r in raws)
    return {line for line, n in counts.items()
            if n >= 3 and len(line) >= 8 and not any(ch in line for ch in "。！？!?，,")
            and not _whole_line(line) and "记者" not in line}  # 新华社记者 柯泓 摄 under each picture: a credit


def _printed_date(lines: list[_Line]) -> date | None:
    """The date printed in the header a page opens with, if any."""
    for line in lines:
        if line.kind != "folio":
            break
        m = re.search(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日", simplified_same_length(line.span.repaired))
        if m:
            try:
                return date(*map(int, m.groups()))
            except ValueError:
                return None
    return None


def _header_line(text: str) -> bool:
    """A line of the header a page opens with: the paper's name, the date and weekday, the page and
    its section (要闻 4, 第5版 桐乡新闻), alone or together on one line."""
    text = re.sub(r"第\s*(\d+)\s*版", r"第\1版", text)  # 第 04 版
    parts = [p for part in text.split() for p in re.split(r"(?<=版)[：:]", part)]  # 第3版：峰会特刊
    marks = [p for p in parts if MASTHEAD.fullmatch(p) or DATE.fullmatch(p) or PAGE.fullmatch(p) or CREDIT.match(p)]
    others = [p for p in parts if p not in marks]  # at most the section's name
    return bool(marks) and len(others) <= 1 and all(re.fullmatch(r"[\u4e00-\u9fff·]{1,6}", p) for p in others)


def _unfinished(text: str) -> bool:
    """A line a page break cut short: no sentence-final punctuation, and either long (a full
    column line), or with a clause inside it (a comma), or with a quote left open."""
    if not text or text[-1] in TERMINAL:
        return False
    open_quote = text.count("“") > text.count("”") or text.count("‘") > text.count("’")
    return len(text) > HEADLINE_MAX or open_quote or any(c in text for c in "，,：:；。")


def _site_authors(text: str) -> re.Match | None:
    """The writers a site's source line names (来源：…　|　作者：A　B　|　日期：…), or a line of
    their own (作者：钱舒涵　　责编：许婧)."""
    stamp = STAMP.match(text)  # 2024-12-30 09:12　来源：嘉兴日报　作者：冼若琳: the time may open the line
    rest = text[stamp.end():].lstrip(" \u3000") if stamp else text
    return SITE_AUTHORS.search(text) if SOURCE_LINE.match(rest) or rest.startswith("作者") else None


# the longest subheading read inside a dated story
SUBHEADING_MAX = 16


def _subheading(story: _Builder, text: str, nxt: _Repaired | None, lines: list[_Repaired], i: int) -> bool:
    """Whether the short headline ``text`` (line ``i``) heads a part of the dated ``story`` above it."""
    if story.byline is None or len(text) > SUBHEADING_MAX or nxt is None or nxt.kind != "text" \
            or _is_headline(simplified_same_length(nxt.span.repaired)):
        return False
    return bool(story.subheadings) or _subheadings_ahead(lines, i) >= 2


def _subheadings_ahead(lines: list[_Repaired], i: int) -> int:
    """How many short headlines stand from line ``i`` to the end of the page, where nothing after
    ``i`` names its own reporters or dateline and no marker of the page comes (else 0): a report
    divided by subheadings, rather than stories of their own."""
    count = 0
    for line in lines[i:]:
        if line.kind != "text":
            return 0  # a page's marker or a story continued from elsewhere: the page goes on to others
        text = simplified_same_length(line.span.repaired)
        if _credits_a_story(line.span.repaired) or CLOSING_CREDIT.search(text) or CLOSING_PHOTO_CREDIT.search(text):
            return 0
        count += _is_headline(text) and len(text) <= SUBHEADING_MAX
    return count


def _credits_a_story(written: str) -> bool:
    """A line that stands under a headline: the reporters, a site's source or time stamp line, a byline."""
    text = simplified_same_length(written)
    return bool(LONE_REPORTERS.match(text) or SOURCE_LINE.match(text) or STAMP.match(text) or STAMPED_LINE.match(text)
                or POST_ACCOUNT.match(text) or WRITER_LINE.match(text) or _byline_match(written) is not None)


# the lines of a programme: a time slot (14:00-14:10　开幕致辞), a labelled field (主办单位：…), and
# a speaker with the organisation and post (庞学谦　中国信息通信研究院副院长)
TIME_SLOT = re.compile(r"^\d{1,2}[:：]\d\d\s*[-－—–~～至]\s*\d{1,2}[:：]\d\d")
FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:时间|地点|单位|机构|主题|议题|会场|地址|展位号?|展馆|住所|电话|传真|邮编|网址|邮箱)"
                        r"[：:][^，。,]+$")
# the label of a person's part before the name: 主持人：, 致辞嘉宾：, and a study group's 组　长：, 成　员：
ROLE_LABEL = (r"[\u4e00-\u9fff]{0,4}(?:主持人?|发布人|嘉宾|演讲人|讲者|组[\u3000 ]?长|成[\u3000 ]?员|主[\u3000 ]?编|"
              r"顾[\u3000 ]?问|负责人|执笔人?|召集人|评[\u3000 ]?委)[：:]\s*")
# the same with the post first: 义乌中国小商品城控股有限责任公司副总经理 邵嘉禾, 浙江大学教授 郦文博
POST_THEN_NAME_LINE = re.compile(rf"^(?:{ROLE_LABEL})?"
                                 r"[^，。,\s][^，。,]*[长员师裁理任监官授席书问家][\u3000 ]+"
                                 r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})*(?:[（(][A-Za-zÀ-ÿ .'\-]+[)）])?$")
SPEAKER_LINE = re.compile(rf"^(?:{ROLE_LABEL})?"
                          r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})*(?:[（(][A-Za-zÀ-ÿ .'\-]+[)）])?[\u3000 ]+"
                          r"[^，。,\s][^，。,]*[长员师裁理任监官授席书问家]$")


# a paper's authors, each with the number of its affiliation: 邬亦舟1，萨仁高娃2，何塞·门德斯3
AUTHOR = r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})*"
AUTHOR_LINE = re.compile(rf"{AUTHOR}\d{{1,2}}(?:[,，]\d{{1,2}})*(?:[，,、\u3000 ]+{AUTHOR}\d{{1,2}}(?:[,，]\d{{1,2}})*)+")


def _short_line_ends_it(text: str, nxt: _Line | None) -> bool:
    """A line of a table or a programme the layout broke, and the short line below that ends it: a
    row that opens on its year (2024 …前百家企 / 业 中国互联网协会), a speaker line broken before the
    post (马茨·林德奎斯特　国际电信联盟（ITU） / 高级顾问)."""
    if nxt is None or nxt.kind != "text":
        return False
    simple, rest = simplified_same_length(text), simplified_same_length(nxt.span.repaired.strip())
    if YEAR_ROW.match(simple):
        return len(rest) <= 20 and not YEAR_ROW.match(rest) and rest[-1:] not in TERMINAL and not TABLE_HEADER.match(rest)
    return len(rest) <= 8 and not _programme_line(simple) and bool(SPEAKER_LINE.match(simple + rest))


def _name_broken(text: str, nxt: _Line | None) -> bool:
    """…高级经济事务官 卡琳 / 娜·莫拉莱斯（Karina Morales）: a line the layout broke inside a
    transliterated name, the part after the break opening on the name's middle dot."""
    if nxt is None or nxt.kind != "text" or nxt.after_gap or _credits_a_story(text):
        return False  # 本报记者 王明 / (blank) / 汉斯·穆勒…: a credit, then a story that opens on a name
    head = re.search(r"[\u3000 ]([\u4e00-\u9fff]{1,3})$", text)
    rest = re.match(r"([\u4e00-\u9fff]{1,3})·[\u4e00-\u9fff]", nxt.span.repaired)
    return head is not None and rest is not None and len(head.group(1)) + len(rest.group(1)) <= 5


def _programme_line(text: str) -> bool:
    if text.count("《") > text.count("》") or text.count("（") > text.count("）"):
        return False  # 成果发布：《…典型案例集 / （2023）》: a title the layout breaks goes on
    return bool(TIME_SLOT.match(text) or FIELD_LINE.match(text) or SPEAKER_LINE.match(text) or POST_THEN_NAME_LINE.match(text)
                or AUTHOR_LINE.fullmatch(text.strip()) or TABLE_HEADER.match(text))


def _whole_line(line: str) -> bool:
    """A line that is complete in itself, whatever it ends with: reporters, a time stamp, credits,
    a programme's lines."""
    text = simplified_same_length(line)
    return bool(LONE_REPORTERS.match(text) or WRITER_LINE.match(text) or SIGNED_OFF.match(text) or _programme_line(text) or STAMP.match(text) or STAMPED_LINE.match(text) or SOURCE_LINE.match(text)
                or POST_ACCOUNT.match(text) or TABLE_LINE.search(text)
                or _site_authors(text) or CREDIT.match(text.lstrip("（("))
                or CLOSING_PHOTO_CREDIT.search(text) or MICROBLOG_TIME.fullmatch(text) or POST_COUNTS.fullmatch(text)
                or re.match(r"(?:主持人|发布人|主讲人|嘉宾)[：:]", text)  # 发布人：…副局长 闵思远: who takes part
                or SOUND_BITE_CAPTION.match(text))


# a broadcast's caption for who speaks on camera, a line of its own however long: (同期声)马库斯·霍夫曼
# （Markus Hoffmann） 西门子（中国）有限公司副总裁
SOUND_BITE_CAPTION = re.compile(r"[（(【\[](?:同期声|采访|受访者)[）)】\]]")


# a caption that closes on its photographer: "…体验智能座舱。　记者 姚逸舟 摄"
CLOSING_PHOTO_CREDIT = re.compile(r"(?:记者|[\s　])[\s　]*(?P<photographer>[\u4e00-\u9fff]{2,4})[\s　]*/?摄影?[)）]?[\s　]*$")


def _repair(lines: list[_Line]) -> list[_Repaired]:
    out: list[_Repaired] = []
    # where the page indents some lines and not others, an indented line opens a paragraph of body
    # text: it is no headline, and it continues no line a page break cut (a list of winners under a
    # heading, one per line)
    texts = [line for line in lines if line.kind == "text"]
    indents_open_paragraphs = any(line.indented for line in texts) and not all(line.indented for line in texts)
    form = _form_lines(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind != "text":
            out.append(_Repaired(line.span, line.kind))
            i += 1
            continue
        parts = [line.span]
        displaced = None
        below = lines[i + 1] if i + 1 < len(lines) else None
        if _short_line_ends_it(line.span.repaired, below) or _name_broken(line.span.repaired, below):
            parts.append(lines[i + 1].span)
            i += 1
        while _unfinished(parts[-1].repaired) and not _whole_line(parts[-1].repaired) and i not in form \
                and i + 1 < len(lines) and lines[i + 1].kind == "text":
            nxt = lines[i + 1].span
            if _whole_line(nxt.repaired) or _byline_match(nxt.repaired) or SUBTITLE_DASH.match(nxt.repaired) \
                    or i + 1 in form or LIST_ITEM.match(nxt.repaired) \
                    or indents_open_paragraphs and lines[i + 1].indented:
                break  # ——记…: a subtitle under its headline, which no page break cut
            after = lines[i + 2] if i + 2 < len(lines) else None
            # a headline the page dropped into a sentence stands apart, a blank line before it; a
            # line of a PDF's column that runs on (…中国网络空 / 间研究院在峰会上发布的…) does not
            if (_is_headline(nxt.repaired) and lines[i + 1].after_gap and after is not None
                    and after.kind == "text" and not _byline_match(after.span.repaired)):
                displaced = nxt  # "…“一" / headline / "一些…": the headline sits in the sentence
                cont = after.span
                if parts[-1].repaired and cont.repaired.startswith(parts[-1].repaired[-1]):
                    # the layout repeats the last character before the break ("一" / "一些"): keep one
                    cont = cont.sub(1, len(cont.repaired))
                parts.append(cont)
                i += 2
            else:
                parts.append(nxt)
                i += 1
        out.append(_Repaired(Span.join(parts), "text", displaced, indents_open_paragraphs and line.indented))
        i += 1
    return out


# a chronicle's entries open on their date alone: 1月, 11月20日, 2024年11月20日
DATE_HEADING = re.compile(r"(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}日)?(?:[至到—-]\d{1,2}日)?")
ABOUT_SECTION = re.compile(r"关于[\u4e00-\u9fffA-Za-z0-9]{2,12}")


# a row of a table printed as text: its number, then cells set apart by wide spaces
# (1　原生鸿蒙操作系统　　华为终端有限公司)
TABLE_ROW = re.compile(r"(?P<number>\d{1,3})[.．、]?[\u3000 ]+(?P<cells>\S.*?)\s*")
# a line of a table: cells set apart by wide spaces, three or more (序号　成果名称　完成单位)
TABLE_LINE = re.compile(r"^\S+(?:(?:\u3000+| {2,})\S+){2,}$")
# a post's topics: #乌镇峰会 #世界互联网大会
HASHTAGS = re.compile(r"#[^#\s]{1,20}#?(?:\s+#[^#\s]{1,20}#?)*")
# a table's header and a row that opens on its year, as a PDF dump prints them with single spaces:
# 年份 荣誉名称 颁发机构 / 2023 世界互联网大会领先科技奖 世界互联网大会
TABLE_HEADER = re.compile(r"^(?:序号|年份|年度|时间)(?:[\u3000 ]+[\u4e00-\u9fff]{2,6}){2,5}$")
YEAR_ROW = re.compile(r"^(?:19|20)\d\d[\u3000 ]+\S")
# the numbered parts a feature is divided into: 一、…, （二）…
NUMBERED_PART = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|0\d\s)\s*\S")
# an item of a list that opens its own line: 2️⃣ 华为：…, ③ …, 1. …
LIST_ITEM = re.compile(r"\d\ufe0f?\u20e3|[①-⑳]|\d{1,2}[.．、](?!\d)")
# a feature's subtitle under its headline: ——记两位工程师, ——访…
SUBTITLE_DASH = re.compile(r"(?:——|─{2}|—)\s*[\u4e00-\u9fff“「]")
# a label over a text that says what kind of text it is
DOCUMENT_KIND = re.compile(r"(?:新闻稿|新闻通稿|通稿|新闻发布|媒体通告|公告|通知|声明)")
# the name of a column over the stories under it: 乌镇峰会·快讯, 要闻速递
COLUMN = re.compile(r"(?:[\u4e00-\u9fff]{2,8}[·・])?(?:快讯|简讯|速递|要闻|短讯|动态)")
CLOSING_CREDIT = re.compile(rf"[（(]\s*(?:本报|[\u4e00-\u9fff]{{2,5}}?)?{REPORTER_GRADES}?记者\s*(?P<people>[\u4e00-\u9fff·、 　]{{2,20}}?)\s*(?:/?摄影?)?\s*[)）]\s*$")


# a broadcast's lead hands over to its reporter: "……来听记者发回的报道。记者宫立言报道。"
HANDOVER_CREDIT = re.compile(r"(?<=[。！？])\s*(?:本台)?记者(?P<people>[\u4e00-\u9fff]{2,4})报道[。.]?\s*$")


def _closing_credit(span: Span) -> list[tuple[str, int, int]]:
    """The reporters a paragraph closes on: "……开幕。（本报记者 周航）", "……编撰。记者宫立言报道。"."""
    text = simplified_same_length(span.repaired)
    m = CLOSING_CREDIT.search(text) or HANDOVER_CREDIT.search(text)
    return _reporters(span.repaired[m.start("people"):m.end("people")], span, m.start("people")) if m else []


def _brief_body(text: str) -> bool:
    """A paragraph of running text: sentences that end, or a dateline that opens it."""
    return len(text) >= 12 and text[-1:] in "。！？!?…”）)" and bool(re.search(r"[，。,；]", text[:-1])) \
        or _byline_match(text) is not None


def _is_headline(text: str) -> bool:
    noted = HEADING_NOTE_END.search(text) is not None  # …（Aisha Balogun）, …致辞（只有中文）
    if len(text) > (LONG_HEADLINE_MAX if noted else HEADLINE_MAX) or len(text) < 2 or text[-1] in TERMINAL and not noted:
        return False
    if not re.search(r"[\u4e00-\u9fff]", text):
        return False  # World Internet Development Report 2025 under the Chinese title: its English form
    if text[0] in "▲△↑":
        return False  # ▲观众在现场体验人形机器人: a caption that points at the picture above it
    if HASHTAGS.fullmatch(text):
        return False  # #乌镇峰会 #世界互联网大会: a post's topics, under its description
    if _programme_line(text) or TABLE_HEADER.match(text) or YEAR_ROW.match(text) or REPORT_FOOTER.fullmatch(text):
        return False  # 14:00-14:10　开幕致辞, 庞学谦　中国信息通信研究院副院长, 年份 荣誉名称 颁发机构: a programme's or a table's lines
    if DATE_HEADING.fullmatch(text):
        return False  # 11月20日 over an entry of a chronicle: when, not another story
    if ABOUT_SECTION.fullmatch(text):
        return False  # 关于中兴通讯: a press release's closing section on the company, not another story
    if (row := TABLE_ROW.fullmatch(text)) and re.search(r"\S(?:\u3000+| {2,})\S", row.group("cells")) \
            or TABLE_LINE.search(text):
        return False  # 2　通义千问大模型　　阿里云计算有限公司, 序号　成果名称　完成单位: a table's row
    if any(c in text for c in "。，,：:；;？?！!"):
        return False
    if _byline_match(text) or text.count("“") != text.count("”"):
        return False
    return True


# ----------------------------------------------------------------------------- bylines, dates

# Dateline forms besides the mainland one (BYLINE): Central News Agency "（中央社记者X乌镇8日电）",
# Hong Kong / Taiwan "【记者X／乌镇报导】", and "本报讯（记者X）" with no place.
AGENCY_DATELINE = re.compile(
    r"^[（(](?P<agency>中央社|中新社|新华社|法新社|路透社|美联社)?(?:特派)?记者\s*(?P<people>[\u4e00-\u9fff·、 ]{2,30}?)\s*"
    r"(?P<place>[\u4e00-\u9fff]{2})(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:专)?电[)）]\s*")
BRACKET_DATELINE = re.compile(
    r"^[【〔\[]\s*(?:特派)?记者\s*(?P<people>[^／/】〕\]]{2,30}?)\s*[／/]\s*(?P<place>[\u4e00-\u9fff]{1,10}?)"
    r"(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?(?:报导|报道|电|讯)?\s*[】〕\]]\s*")
# "【香港文汇报讯】（记者 叶嘉敏 浙江乌镇报道）", also unbracketed (香港文汇报讯（记者 X 乌镇报道）): the
# reporters in parentheses, the place before 报道
BRACKET_AGENCY_PARENS = re.compile(
    r"^(?:【[^】]{1,10}讯】|[\u4e00-\u9fff]{2,10}讯)\s*[（(]\s*(?:本报)?(?:特派)?记者\s*(?P<people>[\u4e00-\u9fff·]{2,6}(?:[、 ]+[\u4e00-\u9fff·]{2,6})*?)"
    r"(?:\s+[\u4e00-\u9fff]{0,4}?(?P<place>[\u4e00-\u9fff]{2})(?:报道|报导|电))?\s*[)）]\s*")
BRACKET_AGENCY = re.compile(
    r"^【[^】]{1,10}讯】\s*(?:本报)?(?:特派)?记者\s*(?P<people>[\u4e00-\u9fff·]{2,6}?(?:[、 ]+[\u4e00-\u9fff·]{2,6}?)*?)"
    r"\s*(?P<place>[\u4e00-\u9fff]{2})?"
    r"(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日)?(?:报道|报导|电)[：:，,]?\s*")
# "（欧洲时报记者 罗芷汀 乌镇报道）", "【侨报记者 X 乌镇报道】": an overseas paper's reporter and where from
PAPER_REPORTER_PLACE = re.compile(
    r"^[（(【]\s*(?:[\u4e00-\u9fff]{2,8}?)?(?:特派|特约)?记者\s*(?P<people>[\u4e00-\u9fff·]{2,6}(?:[、 ][\u4e00-\u9fff·]{2,6})*?)"
    r"\s+(?P<place>[\u4e00-\u9fff]{2,6}?)(?:报道|报导)\s*[)）】]\s*")
# "【环球时报记者 苗睿 环球时报驻沙特特约记者 陶然】": reporters in brackets, each after its outlet
BRACKET_REPORTERS = re.compile(
    r"^【(?P<people>(?:[\u4e00-\u9fff]{0,12}?(?:特约|特派|见习)?记者\s*[\u4e00-\u9fff·]{2,6}\s*)+)】\s*")
NEWS_FLASH = re.compile(r"^(?:本报讯|本刊讯|讯)\s*[（(](?P<people>[^）)]{1,60})[)）]\s*"
                        # an outlet's own flash: 新京报贝壳财经讯（记者 韦嘉禾）
                        # …客户端讯（中青报·中青网记者 X 通讯员 Y）: the outlets, joined by a dot, before the role
                        rf"|^[\u4e00-\u9fffA-Za-z0-9]{{2,12}}?讯\s*[（(](?P<people2>(?:[\u4e00-\u9fff]{{2,6}}·)*[\u4e00-\u9fff]{{0,6}}?"
                        rf"{REPORTER_ROLES}[^）)]{{1,60}})[)）]\s*"
                        r"|^【[^】]{1,10}讯】\s*")  # 【明報專訊】: the paper's own story, no reporter named


@dataclass(frozen=True, slots=True)
class _BylineMatch:
    end: int
    place: tuple[int, int] | None
    people: tuple[int, int] | None
    year: int | None
    month: int | None
    day: int | None


# "【本报乌镇八日电】记者黄颖琳、何俊朗报道：" (the Macao press): the paper, the place and the day in
# brackets, the day often in Chinese numerals, then the reporters
# "（乌镇21日讯）", "（本报吉隆坡21日讯）": the dateline of the Chinese papers of Malaysia and Singapore
PARENS_PLACE_DAY = re.compile(r"^[（(](?:本报|[\u4e00-\u9fff]{2,6}报)?(?P<place>[\u4e00-\u9fff]{2,4}?)"
                              r"(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日讯[)）]\s*")
BRACKET_PAPER_DAY = re.compile(
    r"^【(?:本报|[\u4e00-\u9fff]{2,6}报)(?P<place>[\u4e00-\u9fff]{2,4}?)(?:(?P<m>\d{1,2})月)?"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日(?:电|讯)】\s*"
    r"(?:(?:本报)?(?:特派)?记者\s*(?P<people>[^：:，,【】。]{2,30}?)\s*(?:报道|报导)?[：:，,]\s*)?")


# a press release's dateline: 【2025年11月7日，中国·乌镇】
RELEASE_DATELINE = re.compile(
    r"^【(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[，,\s]*(?:[\u4e00-\u9fff]{2,4}[·・])?(?P<place>[\u4e00-\u9fff]{2,6})】\s*")


def _day_number(text: str) -> int:
    """8 for 8 or 八, 21 for 二十一 or 廿一."""
    if text.isdigit():
        return int(text)
    digits = dict(zip("一二三四五六七八九", range(1, 10)))
    tens = {"十": 10, "廿": 20, "卅": 30}
    total = 0
    for ch in text:
        if ch in tens:
            total = (total or 1) * tens[ch] if ch == "十" else total + tens[ch]
        else:
            total += digits[ch]
    return total


def _byline_match(written: str) -> _BylineMatch | None:
    """A dateline byline at the start of a paragraph, in any of the usual forms."""
    text = simplified_same_length(written)
    for pattern in (BYLINE, AGENCY_DATELINE, BRACKET_DATELINE, BRACKET_PAPER_DAY, PARENS_PLACE_DAY, RELEASE_DATELINE,
                    BRACKET_AGENCY_PARENS, PAPER_REPORTER_PLACE,
                    BRACKET_AGENCY, BRACKET_REPORTERS, NEWS_FLASH):
        m = pattern.match(text)
        if m is None:
            continue
        groups = m.groupdict()

        def span_of(name: str) -> tuple[int, int] | None:
            return (m.start(name), m.end(name)) if groups.get(name) else None

        def number(name: str) -> int | None:
            return _day_number(groups[name]) if groups.get(name) else None

        people = span_of("people") or span_of("people2")
        return _BylineMatch(m.end(), span_of("place"), people, number("y"), number("m"), number("d"))
    return None


def _byline(m: _BylineMatch, span: Span) -> Byline:
    written = span.repaired
    reporters = _reporters(written[m.people[0]:m.people[1]], span, m.people[0]) if m.people else []
    place = written[m.place[0]:m.place[1]] if m.place else None
    place_span = span.page_range(*m.place) if m.place else None
    # month 0: the byline gives the day only ("8日电"); the month comes from the page's metadata
    month_day = (m.month or 0, m.day) if m.day else None
    return Byline(place=place, place_span=place_span, month_day=month_day, reporters=tuple(reporters),
                  year=m.year, start=span.page_offset(0), end=span.page_offset(m.end - 1) + 1)


OUTLET_BEFORE_ROLE = re.compile(r"(?:[\u4e00-\u9fff]{2,6}·)*[\u4e00-\u9fff]{0,10}?(?:报|社|台|网|新闻|客户端)(?:驻[\u4e00-\u9fff]{1,6}?)?(?=(?:特约|特派|见习|实习)?(?:记者|通讯员)|特派员)"
                                r"|驻[\u4e00-\u9fff]{1,6}?(?=(?:特约|特派)?记者)")


def _reporters(people: str, span: Span, base: int = 0) -> list[tuple[str, int, int]]:
    """The names in "记者 张三、李四 通讯员 王五" (as written); offsets mapped to the page."""
    found = []
    # the outlet and posting before a role are no names: 环球时报驻沙特特约|记者
    cleaned = re.sub(OUTLET_BEFORE_ROLE, lambda x: " " * len(x.group()), simplified_same_length(people))
    cleaned = re.sub(REPORTER_ROLES, lambda x: " " * len(x.group()), cleaned)
    names = sorted([*NAME.finditer(cleaned), *PADDED_NAME.finditer(cleaned)], key=lambda m: m.start())
    for m in names:
        if PRESS_OFFICE.fullmatch(m.group()) and re.search(r"通讯员\s*$", simplified_same_length(people[:m.start()])):
            continue
        a, b = span.page_range(base + m.start(), base + m.end())
        found.append((people[m.start():m.end()], a, b))
    return found


def _page_year(text: str) -> tuple[int | None, str | None]:
    years = Counter(int(y) for y in YEAR.findall(text))
    if not years:
        return None, None
    return years.most_common(1)[0][0], "text"


def source_slug(name: str) -> str:
    """The file name as an identifier: "000_7c7b.txt" -> "000_7c7b"."""
    stem = name.rsplit(".", 1)[0]
    return re.sub(r"[^0-9A-Za-z_-]+", "-", stem).strip("-") or "page"


def _headline(builder: "_Builder", spans: list[Span]) -> None:
    """Several headline lines: the first is the title, the lines under it its subtitles (副题)."""
    builder.title = spans[0] if spans else None
    builder.subtitles = list(spans[1:])


@dataclass
class _Builder:
    kind: str
    sections: list[str]
    title: Span | None = None
    byline: Byline | None = None
    first: Span | None = None
    author_note: str | None = None

    def __post_init__(self) -> None:
        self.paragraphs: list[Span] = []
        self.reporters: list[tuple[str, int, int]] = []
        self.subheadings: list[Span] = []
        self.subtitles: list[Span] = []
        self.brief = False  # a brief under its own ■ headline, not a photo's caption

    def build(self, page: Page, article_id: str, index: int, page_year: int | None,
              year_source: str | None, printed: date | None = None) -> Article:
        spans = [s for s in (self.first, self.title, *self.subtitles, *self.paragraphs) if s is not None]
        start = min(s.start for s in spans)
        end = max(s.end for s in spans)
        byline = self.byline
        if self.reporters:
            merged = tuple(byline.reporters if byline else ()) + tuple(self.reporters)
            byline = Byline(byline.place if byline else None, byline.place_span if byline else None,
                            byline.month_day if byline else None, merged,
                            byline.year if byline else None, byline.start if byline else start,
                            byline.end if byline else start)
        published, date_source = None, None
        if byline and byline.month_day and byline.month_day[0] == 0 and page.published:
            # "（中央社记者X乌镇8日电）": the day only; month and year from the page's metadata
            try:
                published = date(page.published.year, page.published.month, byline.month_day[1])
                date_source = "metadata"
            except ValueError:
                published = None
        elif byline and byline.month_day and byline.month_day[0] != 0:
            year = byline.year
            date_source = "byline"
            if year is None:
                body = "".join(p.repaired for p in self.paragraphs)
                in_body = YEAR.findall(body)
                if year_source == "metadata":
                    year, date_source = page_year, year_source
                else:
                    year, date_source = (int(in_body[0]), "text") if in_body else (page_year, year_source)
            if year:
                try:
                    published = date(year, *byline.month_day)
                except ValueError:
                    published = None
        elif page.published:
            published, date_source = page.published, "metadata"
        elif printed:  # no date of its own: the one the page's header prints
            published, date_source = printed, "text"
        return Article(article_id=article_id, source=page.source, index=index, kind=self.kind,
                       title=self.title, byline=byline, sections=tuple(self.sections),
                       paragraphs=tuple(self.paragraphs), start=start, end=end,
                       published=published, date_source=date_source if published else None,
                       subtitles=tuple(self.subtitles))
