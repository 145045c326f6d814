"""Paragraphs a page break cut inside a word, joined again.

The read stage joins a broken line when it looks unfinished (a long column line, a comma, an
open quote). A short line without a comma cannot be told there from a subheading or from the
headline of a story without a byline: "中国信息通" / "信研究院副院长…". Words tell them apart, and
words belong to this stage: a break is a cut word when a dictionary word runs across it (通信) and
the next paragraph, read alone, opens with a lone character (信|研究院) rather than a word of its
own (会上, 业内人士). Such a "headline" is given back, with its story, to the article before it.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Article, Span
from kg.extract.segment import dictionary_entry, tag

SHORT_LINE = 40  # a subheading's length at most; a longer unfinished line was joined by the read stage
ENDS_A_LINE = "。！？!?…；;，,：:、”’」』）)】—"
CONTEXT = 6  # characters either side of the break given to the segmenter


def rejoin_split_words(articles: list[Article]) -> list[Article]:
    """The articles of one page, with each paragraph that a page break cut inside a word joined
    to the next, and a false headline (a cut line) joined to its story's previous paragraphs."""
    out: list[Article] = []
    for article in articles:
        if out and _cut_headline(article):
            before = out[-1]
            first = Span.join([article.title, article.paragraphs[0]])
            out[-1] = replace(before, paragraphs=before.paragraphs + (first,) + article.paragraphs[1:],
                              end=article.end)
        else:
            out.append(article)
    if len(out) < len(articles):  # numbered again in page order, as the read stage numbers them
        out = [replace(a, article_id=f"{a.article_id.rsplit('/', 1)[0]}/{n}", index=n)
               for n, a in enumerate(out, start=1)]
    return [_rejoined(a) for a in out]


def _cut_headline(article: Article) -> bool:
    """A story without a byline whose headline and first paragraph are one line cut in a word."""
    return (article.byline is None and article.title is not None and not article.subtitles and bool(article.paragraphs)
            and article.kind in ("news", "caption")
            and cut_inside_a_word(article.title.repaired, article.paragraphs[0].repaired))


def _rejoined(article: Article) -> Article:
    paragraphs: list[Span] = []
    for p in article.paragraphs:
        if paragraphs and cut_inside_a_word(paragraphs[-1].repaired, p.repaired):
            paragraphs[-1] = Span.join([paragraphs[-1], p])
        else:
            paragraphs.append(p)
    if len(paragraphs) == len(article.paragraphs):
        return article
    return replace(article, paragraphs=tuple(paragraphs))


def cut_inside_a_word(before: str, after: str) -> bool:
    """Whether the break between a short unfinished line and the next one splits a word."""
    if not before or not after or len(before) > SHORT_LINE or before[-1] in ENDS_A_LINE:
        return False
    opening = tag(after[:CONTEXT * 2])
    if not opening or len(opening[0][0]) != 1 or opening[0][0] in ENDS_A_LINE:
        return False
    left = before[-CONTEXT:]
    cut = len(left)
    for word, _, start in tag(left + after[:CONTEXT]):
        if start < cut < start + len(word):
            return dictionary_entry(word) is not None
    return False
