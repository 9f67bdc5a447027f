"""Read through the way newspapers, PDFs and web pages print a text.

`prepare(text)` returns the text every rule works on: normalised (full-width forms made ASCII) and
compacted — stray spaces (9. 6万人, 6.5 %, 地 区 生 产 总 值), page furniture (上接第九版, 责任编辑:…,
photo captions, source lines), footnote marks, watermark junk repeated at line ends, and
line breaks inside a sentence (a PDF's hard wrap, a number cut by a line end) are taken out.  It keeps
a map from every character back to the original, so a quote is always cut from the text as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ...patterns import quick
from .text import normalise
from .unit_names import unit_cell

_SPACE = frozenset(" \t\u3000\xa0\u2002\u2003\u2009\u200b\ufeff\r")
# 上接第九版, (下转第四版), 转第3版: where a newspaper story jumps between pages.
_PAGE_JUMP = quick(
    r"[(\[【]?\s*(?:上接|下转|接上|转下|紧接|续|转|接)第?\s*[0-9一二三四五六七八九十百]+\s*版\s*[)\]】]?")
# Lines that belong to the page, not to the text (source, editors, photo captions, page numbers).
_FURNITURE_LINE = re.compile(
    r"^[【\[]?(?:(?:责任|值班|网络|本版)?编辑|审核|审稿|审签|终审|初审|复审|校对|来源|稿件来源|信息来源|文章来源|新闻来源|"
    r"作者|撰稿|记者|通讯员|实习生|摄影|摄像|视频|制作|监制|统筹|策划|出品|发布时间|发布日期|发布|浏览次数|"
    r"点击数|阅读|字号|字体|分享到|打印|关闭|刊发日期|刊发时间|出版日期|阅读次数)\s*[:：]"
    r"|总第\s*\d+\s*期|\d{4}-\d{1,2}-\d{1,2}\s*编印"  # A2:综合总第5118期 >2021-10-08编印: a page's header
    r"|^[\w\-]{1,40}\.(?:png|jpe?g|gif|bmp|webp)$"  # 2.png: an image's file name left by the page
    # 10.16  第 八 期 …完成情况.docx: an attachment's file name, the link the page left
    r"|^[^,。;!?]{1,60}\.(?:docx?|wps|pdf|xlsx?|et|pptx?|zip|rar)$"
    # 新闻资讯2024-01-24 14:26:44橙橘网: a page's time stamp
    r"|^[^,。;!?]{0,12}\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?[^,。;!?]{0,12}$"
    r"|^[(\[【]\s*(?:记者|通讯员|本报记者|责任编辑|编辑|来源)[^)\]】]{0,40}[)\]】]$"
    r"|^本报(?:记者|通讯员|讯)?\s*[\u4e00-\u9fff·]{0,12}$"
    r"|^[(\[]?(?:资料)?图片?(?:为|:|：|来源|仅供参考|由)|^[(\[]?图为"
    r"|(?:记者|通讯员|本报|/)\s*[\u4e00-\u9fff·]{2,8}\s*(?:摄|供图|图)\s*[)\]]?$"
    r"|^[(\[]?(?:相关)?(?:资料图片|资料图|图片|配图)(?:仅供参考)?[)\]]?$"  # (相关资料图): a picture's place
    r"|^(?:【[^】]{0,20}】\s*[?？]?\s*)+$"
    r"|^[^,;。!?]{0,40}(?:来源|编辑|发布时间)\s*[:：][^,;。!?]{0,30}$"  # 2023-02-01 19:31 来源:…
    r"|^[-—–]+\s*\d{1,3}\s*[-—–]+$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$"
    # 2025年省区市政府工作报告汇编31篇(第73/88页): a paginated collection's title over the page's slice
    r"|^[^,。;!?]{0,60}[(（]\s*第\s*\d+\s*/\s*\d+\s*页\s*[)）]$"
    # a site's chrome: 导航菜单, 简体版 繁體版 信息无障碍, 【打印】 【字体: (a bracket the copy left open)
    r"|^(?:(?:导航菜单|网站导航|网站地图|返回首页|返回顶部|(?:信息)?无障碍(?:浏览|阅读)?|长者模式|长辈版|关怀版|"
    r"简体版|繁體版|繁体版|简体|繁體|繁体)\s*[|｜]?\s*)+$|^(?:【[^】]{0,20}】\s*)+【[^】]{0,20}$"
    # a breadcrumb (首页 > 专题中心 > 通知公告, 当前位置:首頁>> 政策法規>> …): where the page sits in its site
    r"|^(?:(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]\s*)?(?:首页|首頁|网站首页)\s*[>＞»]"
    # …its rest when the page broke it after 首页> (> 政务公开 > 政府信息公开目录 > …)
    r"|^[>＞»]+\s*[^>＞»,。;]{1,20}?\s*[>＞»]"
)
# a site's footer (版权所有:某某公司 备案号:京ICP备…号 技术支持:…; 繁体 copies 版權所有, ICP備): furniture however long
# the copy's pinyin makes it
_FOOTER_LINE = quick(r"ICP[备備]|公[网網]安[备備]|^版[权權](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?所有")
_FOOTER_MAX = 200
# A government site's index block over a document (索 引 号: …, 发文机关: … 发文日期: 2024年02月06日 11:01, 名  称: …,
# 文  号:) and a congress document's running header (叶县十六届人大四次会议文件(五), 次会议文件 when the PDF lost its
# first characters): the page's, not the text's.
_INDEX_LINE = re.compile(
    r"^(?:索\s*引\s*号|发\s*文\s*(?:机\s*关|机\s*构|单\s*位|日\s*期|字\s*号)|成\s*文\s*日\s*期|发\s*布\s*机\s*构|"
    r"文\s*号|主\s*题\s*(?:词|分\s*类)|名\s*称|有\s*效\s*性|公\s*开\s*(?:方\s*式|范\s*围|时\s*限)|失\s*效\s*时\s*间)"
    r"\s*[:：]"
    # 索引号 000014349/2024-00204 发布日期 2024-03-01 …: the same block printed without its colons
    r"|^索\s*引\s*号\s+[\dA-Za-z][\w\-/]*\s"
    r"|^[\u4e00-\u9fff]{0,16}次?会议文件\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）]?)?$")
# A table of contents (目录, then 1.…:2022年工作回顾 2 or 第一部分…………3): its lines name the parts and their
# pages, not the text's words — a part named 2023年重点工作 there frames nothing below.
_CONTENTS_HEAD = re.compile(r"^(?:目\s*录|提\s*纲)\s*[:：]?$")
# 提纲: an outline names the parts without pages (一、2025年工作回顾 / (一)坚定不移围绕…真抓实干): numbered short lines
_OUTLINE_HEAD = re.compile(r"^提\s*纲\s*[:：]?$")
_OUTLINE_LINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])[^。!?;:：]{2,40}$")
_CONTENTS_LINE = re.compile(r"^[^。!?;]{2,120}?(?:[\u4e00-\u9fff)）”》]\s+|[.·…]{3,}\s*)\d{1,3}$")
# 上接04版 heads a page that continues an earlier one: the line above it (the page's running title) is no part
# of the text that follows.
_CONTINUED_FROM = re.compile(r"[(\[【]?\s*(?:上接|接上|续|紧接)")
# 新闻推荐 / 相关链接 over a news page's list of other stories' titles: no part of this text (a title there may
# carry a figure: 六一将发行750万套…邮票); the list runs until a line that is a paragraph
_RELATED_HEAD = re.compile(
    r"^(?:新闻推荐|相关推荐|推荐新闻|热点新闻|热门推荐|相关链接|相关阅读|延伸阅读|相关新闻|推荐阅读|相关报道|猜你喜欢)\s*[:：]?$")
_RELATED_TITLE_MAX = 60
_LEADERS = re.compile(r"[.·…]{3,}\s*\d{1,3}$")  # 第一部分 工作回顾…………3: a contents line anywhere
_FURNITURE_MAX = 80  # a longer line is text, whatever it starts with
_BULLET = re.compile(r"[●■◆▲★◇□○•▪►◎☆◉▶※\u2022\u25cf\u25a0]+")
_FOOTNOTE = quick(r"(?<=[”\u4e00-\u9fffA-Za-z\")])[\u2460-\u2473\u2776-\u277f](?=[\u4e00-\u9fff,;。、:)])")
_CIRCLED = re.compile("[\u2460-\u2473\u2776-\u277f]")
_JUNK_TOKEN = quick(r"(?<![0-9A-Za-z])([0-9A-Za-z]{2,5})\s*$")
_TERMINAL = "。!?;…"
_CLOSERS = "”’」』)"
_SYMBOLS = re.compile(r"[^\w\u4e00-\u9fff]+")  # a line of only marks (|, ——, ***) belongs to the page
_OPENS_ITEM = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8}\s*[:：](?!\s*$)|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.．](?!\d)|"
    r"\d{1,2}[ \t\u3000]+(?=[\u4e00-\u9fff“])|第[一二三四五六七八九十]+[部分章节条]|"
    r"[\u2460-\u2473]|[●■◆▲★◇□○•▪►◎☆◉▶※—-])"
)
_CONTINUES_LINE = ",;、:)%。!?”’」』"
_WRAP_MIN_LINES = 5
_LONG_LINE = 40  # a title is shorter: a longer line without final punctuation was cut


@dataclass(frozen=True)
class Prepared:
    """The compacted text (`norm`) and where each of its characters stands in `text`."""

    text: str
    norm: str
    _norm_starts: tuple[int, ...]
    _text_starts: tuple[int, ...]
    headlines: frozenset[int] = frozenset()  # offsets in `text` of short lines a page's source line follows

    def origin(self, i: int) -> int:
        """The offset in `text` of norm[i] (len(norm) maps to len(text))."""
        if i >= len(self.norm):
            return len(self.text)
        k = bisect_right(self._norm_starts, i) - 1
        return self._text_starts[k] + i - self._norm_starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in `text` of norm[start:end]: what a quote cuts from the original."""
        if end <= start:
            at = self.origin(start)
            return at, at
        return self.origin(start), self.origin(end - 1) + 1

    def quote(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.text[a:b]


@lru_cache(maxsize=16)
def prepare(text: str) -> Prepared:
    """The text as the rules read it (see the module docstring); cached for the few texts in use."""
    n0 = normalise(text)
    cuts = _Cuts()
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", n0)]
    junk = _junk_tokens(n0, lines)
    kept: list[tuple[int, int]] = []  # content lines as (first, last + 1) without what is cut at their edges
    jumped: set[int] = set()  # lines after which a page jump or a furniture line stood
    soft: set[int] = set()  # of those, lines followed by furniture only (no page jump): a blank line after ends them
    headlines: set[int] = set()
    blank = False  # a blank line since the last kept line: a paragraph ended there
    previous_end = 0
    contents = False  # inside a table of contents (after 目录, until a line that is no entry)
    outline = False  # inside an outline (after 提纲): entries without pages
    related = False  # inside a list of other stories (after 新闻推荐, 相关链接)
    for start, end in lines:
        first, last = _trim(n0, start, end)
        line = n0[first:last]
        related = related and ("。" not in line and len(line) <= _RELATED_TITLE_MAX)
        if related or (first < last and _RELATED_HEAD.match(line)):
            related = True
            cuts.add(start, end)
            blank = True
            continue
        contents = contents and bool(_CONTENTS_LINE.match(line) or outline and _OUTLINE_LINE.match(line))
        if first < last and (contents or _CONTENTS_HEAD.match(line) or _INDEX_LINE.match(line)
                             or (line[-1].isdigit() and _LEADERS.search(line) and _CONTENTS_LINE.match(line))):
            if not contents and _CONTENTS_HEAD.match(line):
                contents, outline = True, bool(_OUTLINE_HEAD.match(line))
            cuts.add(start, end)
            blank = True
            continue
        blank = blank or n0.count("\n", previous_end, start) > 1
        previous_end = end
        if first >= last:
            cuts.add(start, end)
            blank = True
        if blank and kept and len(kept) - 1 in soft:
            jumped.discard(len(kept) - 1)  # 标题 / 来源:… / (blank) / story: the paragraph ended
        if first >= last:
            continue
        if len(line) <= _FURNITURE_MAX and (_FURNITURE_LINE.search(line) or _PAGE_JUMP.fullmatch(line)
                                            or _SYMBOLS.fullmatch(line)) or (
                len(line) <= _FOOTER_MAX and _FOOTER_LINE.search(line)):
            cuts.add(start, end)
            continued_from = _PAGE_JUMP.fullmatch(line) and _CONTINUED_FROM.match(line)
            if kept and (not blank or _PAGE_JUMP.fullmatch(line)) and not continued_from:
                jumped.add(len(kept) - 1)  # furniture inside a paragraph may cut a sentence
                if not _PAGE_JUMP.fullmatch(line):
                    soft.add(len(kept) - 1)
            if kept and _is_headline(n0, *kept[-1]):
                headlines.add(kept[-1][0])
            continue
        inner = _inline_cuts(n0, first, last, junk)
        for a, b in inner:
            cuts.add(a, b)
            if b >= last and _PAGE_JUMP.match(n0, a):
                jumped.add(len(kept))
        first, last = _shrink(n0, first, last, inner)
        if first < last:
            kept.append((first, last))
            blank = False
    _cut_spaces(n0, cuts)
    _cut_web_marks(n0, cuts)
    _join_lines(n0, kept, jumped, cuts)
    titles = {n0[a:b] for a, b in kept if a in headlines}
    headlines.update(a for a, b in kept if n0[a:b] in titles)  # a headline repeated above the story
    return cuts.apply(text, n0, frozenset(headlines))


def _is_headline(n0: str, first: int, last: int) -> bool:
    """西宁市城北区将改造19个老旧小区 / 来源:西海都市报…: a short line without final punctuation that a page's
    source or date line follows is the story's headline."""
    return last - first <= _LONG_LINE and n0[last - 1] not in _TERMINAL + _CLOSERS


def _inline_cuts(n0: str, first: int, last: int, junk: list[str]) -> list[tuple[int, int]]:
    found = [m.span() for m in _PAGE_JUMP.finditer(n0, first, last)] if "版" in n0[first:last] else []
    for token in junk:
        at = n0.find(token, first, last)
        while at >= 0:
            found.append((at, at + len(token)))
            at = n0.find(token, at + len(token), last)
    if _CIRCLED.search(n0, first, last):
        found += [m.span() for m in _FOOTNOTE.finditer(n0, first, last)]
    return sorted(found)


def _shrink(n0: str, first: int, last: int, inner: list[tuple[int, int]]) -> tuple[int, int]:
    """The line without what is cut (or blank) at its two ends."""
    changed = True
    while changed and first < last:
        changed = False
        for a, b in inner:
            if a <= first < b:
                first, changed = b, True
            if a < last <= b:
                last, changed = a, True
        first, last = _trim(n0, first, last)
    return first, last


class _Cuts:
    """Spans of the normalised text to leave out (kept sorted and merged lazily)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.spans.append((start, end))

    def covered(self) -> list[tuple[int, int]]:
        merged: list[list[int]] = []
        for start, end in sorted(self.spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(a, b) for a, b in merged]

    def apply(self, text: str, n0: str, headlines: frozenset[int] = frozenset()) -> Prepared:
        parts, norm_starts, text_starts, at, length = [], [0], [0], 0, 0
        for start, end in self.covered():
            if start > at:
                parts.append(n0[at:start])
                length += start - at
            at = end
            norm_starts.append(length)
            text_starts.append(end)
        parts.append(n0[at:])
        return Prepared(text, "".join(parts), tuple(norm_starts), tuple(text_starts), headlines)


def _trim(n0: str, start: int, end: int) -> tuple[int, int]:
    while start < end and n0[start] in _SPACE:
        start += 1
    while end > start and n0[end - 1] in _SPACE:
        end -= 1
    return start, end


def _junk_tokens(n0: str, lines: list[tuple[int, int]]) -> list[str]:
    """Watermark junk a site appends to lines (…提出意见。7rw): a mixed letter-digit token ending 3+ lines."""
    ends = Counter()
    for start, end in lines:
        m = _JUNK_TOKEN.search(n0, start, end)
        if m and not m.group(1).isdigit() and not m.group(1).isalpha():
            ends[m.group(1)] += 1
    return [token for token, count in ends.items() if count >= 3]


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _cut_spaces(n0: str, cuts: _Cuts) -> None:
    """Spaces inside a line go, except between two Latin words or numbers (GDP 452.6 6.5) and around a table's
    cell of units (see _cell_spaces)."""
    cells = _cell_spaces(n0)
    for m in re.finditer(r"[ \t\u3000\xa0\u2002\u2003\u2009\u200b]+", n0):
        start, end = m.span()
        if start in cells:
            continue
        before = n0[start - 1] if start else "\n"
        after = n0[end] if end < len(n0) else "\n"
        if before == "\n" or after == "\n":
            continue  # the line's own margins: trimmed with the line
        if _ascii_word(before) and _ascii_word(after) and not _THOUSANDS.match(n0, _digits_start(n0, start)):
            continue
        if _numbered_start(n0, start):
            continue  # 1 总体要求: the space tells a heading's number from the text
        cuts.add(start, end)


# 1 地区生产总值增长6%以上。 县发改委 一季度地区生产总值增长6.8%: a table pasted one row a line, its cells parted
# by spaces (序号 重点工作任务 牵头责任单位 完成情况); the spaces around the row's cell of units stay, so the task,
# its lead and its progress are told apart
_ROW_LINE = re.compile(r"^[ \t\u3000]*\d{1,3}[ \t\u3000]+\S[^\n]*$", re.M)
_CELL_SPACE = re.compile(r"[ \t\u3000\xa0]+")


def _cell_spaces(n0: str) -> set[int]:
    """The starts of the space runs around a cell of units (县发改委; 县财政局、县税务局) on a numbered row line."""
    kept: set[int] = set()
    for row in _ROW_LINE.finditer(n0):
        spaces = list(_CELL_SPACE.finditer(n0, row.start(), row.end()))
        for before, after in zip(spaces, spaces[1:] + [None], strict=False):
            cell = _PINYIN.sub("", n0[before.end():after.start() if after else row.end()])
            if unit_cell(cell):
                kept.add(before.start())
                if after:
                    kept.add(after.start())
    return kept


# 區(qū), 項(xiàng), 個(gè): a converter to traditional characters leaves each changed character's pinyin after it
_PINYIN = quick(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,6}\)")
_TONE_MARK = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]")
# 質量?jī)?yōu)良: on such a page a character and its bracket lost to a wrong encoding leave "?" before the pinyin —
# no question mark (it would end the sentence there)
_GARBLED_PINYIN = re.compile(r"\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,6}\)")
# 上半年,,全省…, 任务,。 目标任务,;: a web copy's doubled clause marks (the comma is the extra one)
_DOUBLED_MARK = re.compile(r",(?=[,;。!?])")


def _cut_web_marks(n0: str, cuts: _Cuts) -> None:
    """Pinyin in brackets after characters (when at least two of them carry a tone mark, so the page was made
    that way: an abbreviation in brackets is no pinyin) and doubled clause marks go."""
    found = list(_PINYIN.finditer(n0)) if "(" in n0 else []
    toned = sum(1 for m in found[:50] if _TONE_MARK.search(m.group()))
    if toned >= 2:
        for m in found:
            cuts.add(*m.span())
        if "?" in n0:
            for m in _GARBLED_PINYIN.finditer(n0):
                cuts.add(*m.span())
    elif toned:  # 同比增長(zhǎng)5.28%: one syllable with its tone mark in a short copy is pinyin all the same
        for m in found:
            if _TONE_MARK.search(m.group()):
                cuts.add(*m.span())
    for m in _DOUBLED_MARK.finditer(n0):
        cuts.add(*m.span())


# 1 069 个, 7 362.1 亿元: a print's thin space between thousands (1–3 digits, then groups of exactly 3)
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:[ \xa0\u2009]\d{3})+(?!\d|[ \xa0\u2009]\d)")


def _digits_start(n0: str, space: int) -> int:
    """Where the run of digits ending right before a space starts."""
    k = space
    while k > 0 and n0[k - 1].isdigit():
        k -= 1
    return k


def _numbered_start(n0: str, start: int) -> bool:
    line_start = n0.rfind("\n", 0, start) + 1
    head = n0[line_start:start].strip()
    return head.isdigit() and len(head) <= 2


def _join_lines(n0: str, kept: list[tuple[int, int]], jumped: set[int], cuts: _Cuts) -> None:
    """A line break inside a sentence goes, with the blank and the furniture around it."""
    wrap = _wrap_width(n0, kept)
    labelled = _labels_over_bullets(n0, kept)
    for k in range(len(kept) - 1):
        a_end, b_start = kept[k][1], kept[k + 1][0]
        between = n0[a_end:b_start]
        after = kept[k + 2] if k + 2 < len(kept) else None
        if (_joins(n0, kept[k], kept[k + 1], wrap, k in jumped, between.count("\n") > 1)
                or _bullet_goes_on(n0, kept[k], kept[k + 1], after)
                and not (labelled and _is_label(n0[kept[k + 1][0]:kept[k + 1][1]]))):
            cuts.add(a_end, b_start)


def _is_label(line: str) -> bool:
    return len(line) <= _LABEL_MAX and line[-1] not in _TERMINAL + ",、:" and not _DIGIT_IN.search(line)


def _labels_over_bullets(n0: str, kept: list[tuple[int, int]]) -> bool:
    """生产总值⏎•增长5%⏎湾区建设⏎•优化…: a text whose bullets stand under short labels — one label at least over a
    bullet where no bullet stands above it — puts a label, not a bullet's broken end, between two bullets."""
    for k in range(len(kept) - 1):
        line = n0[kept[k][0]:kept[k][1]]
        if (_is_label(line) and not _BULLET.match(line) and _BULLET.match(n0, kept[k + 1][0])
                and (k == 0 or not _BULLET.match(n0, kept[k - 1][0]))):
            return True
    return False


# A news story's dateline opening its first line (新华社北京3月5日电, 中新社雄安2月5日电 (记者…), 本报讯)
_DATELINE_START = re.compile(r"[^\n,。:“”]{0,24}?\d{1,2}月\d{1,2}日电|(?:本报|本网|本台)讯")


def _joins(n0: str, a: tuple[int, int], b: tuple[int, int], wrap: int, jumped: bool, blank: bool) -> bool:
    last, first = n0[a[1] - 1], n0[b[0]]
    line_a = n0[a[0]:a[1]]
    if last in _TERMINAL or (last in _CLOSERS and len(line_a) > 1 and line_a[-2] in _TERMINAL):
        return False
    if _OPENS_ITEM.match(n0, b[0]) or _BULLET.match(line_a) or _DATELINE_START.match(n0, b[0], b[1]):
        return False  # …537亿元 / 中新社雄安2月5日电 (…): a headline, however long, ends above the dateline
    if first in _CONTINUES_LINE or (last.isdigit() and first.isdigit()) or last in "(“《‘,、":
        return True
    if _BARE_ORDINAL.fullmatch(line_a):
        return True  # (一) / 促进群众就业增收,…: an item's number printed on a line of its own opens the line below
    if jumped:
        return True  # (下转第四版) cut the sentence: it goes on after the furniture
    word_cut = _is_word_char(last) and _is_word_char(first)
    if _cut_before_figure(line_a, n0[b[0]:b[1]]):
        return True  # …;固定资产投资增 / 长9.5%;…: a word cut just before its figure, whatever the line's length
    if len(line_a) > _LONG_LINE and word_cut:
        return True  # a long line cut in the middle of a word (…新增高新技术企 / 业8家)
    return not blank and bool(wrap) and len(line_a) >= wrap and (word_cut or last in ",、:")


_BARE_ORDINAL = re.compile(r"\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}、")

# 固定资产投资增 / 长9.5%: the line below opens on a word's last character or two and the figure that word measures
_FIGURE_SOON = re.compile(r"[\u4e00-\u9fff]{1,2}\d")
_CLAUSE_MARK = re.compile(r"[,;、:]")
_TITLE_END = re.compile(r"(?:工程|项目|行动|计划|活动|建设|改造|升级|提升|整治|攻坚)$")


def _cut_before_figure(line_a: str, line_b: str) -> bool:
    """A prose line (it holds a clause mark) whose last clause, still without a figure, ends on a Chinese character,
    and a line opening on one or two characters and a figure: a sentence cut inside a word (增 / 长9.5%)."""
    if not ("\u4e00" <= line_a[-1] <= "\u9fff") or not _FIGURE_SOON.match(line_b):
        return False
    if _OPENS_ITEM.match(line_a) and _TITLE_END.search(line_a):
        return False  # 三、城乡电网改造升级工程 / 在39个村…: a numbered work's title ends above its body
    marks = [m.end() for m in _CLAUSE_MARK.finditer(line_a)]
    return bool(marks) and not _DIGIT_IN.search(line_a, marks[-1])


_DIGIT_IN = re.compile(r"\d")


def _bullet_goes_on(n0: str, a: tuple[int, int], b: tuple[int, int], after: tuple[int, int] | None) -> bool:
    """●新建社区老年人服务中心(站)70个、农村老年 / 人互助中心(服务点)30个 / ●…: a bulleted line left open and
    a line that opens no item, ends no sentence and stands before the next bullet (or the end) is one item
    broken by the print, even across a blank line."""
    line_a, line_b = n0[a[0]:a[1]], n0[b[0]:b[1]]
    if not _BULLET.match(line_a) or line_a[-1] in _TERMINAL or _OPENS_ITEM.match(line_b):
        return False
    if line_b[-1] in _TERMINAL + _CLOSERS + ":" or len(line_b) > _LONG_LINE:
        return False
    return after is None or bool(_BULLET.match(n0, after[0]))


_LABEL_MAX = 12


def _wrap_width(n0: str, kept: list[tuple[int, int]]) -> int:
    """The width a hard-wrapped text (a PDF's lines) is cut at, or 0 when its lines are paragraphs.

    Wrapped: at least five lines of 15+ characters, and most of them end without final punctuation."""
    lengths = [b - a for a, b in kept if b - a >= 15]
    open_ends = sum(1 for a, b in kept if b - a >= 15 and n0[b - 1] not in _TERMINAL + _CLOSERS)
    if len(lengths) < _WRAP_MIN_LINES or open_ends * 2 < len(lengths):
        return 0
    lengths.sort()
    return int(lengths[int(len(lengths) * 0.75)] * 0.8)


def _is_word_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isdigit() or ch in "“‘(%"
