"""Cut a text into paragraphs, headings, sentences and clauses, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...patterns import quick

_LINE_RE = re.compile(r"[^\n]+")
_TOP_LEVEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")  # 一、… or 第一部分
# a ? right before 、 or , is a copy's mojibake for a lost character (燃?、供水), no question ending a sentence
_SENTENCE_END_RE = quick(r"(?:[。!;…]|\?(?![、,]))+[”’」』)]?|\.(?=\s|$)")
# 县发改委 一季度…: a space layout kept after Chinese text parts a table's cells (layout._cell_spaces)
_CELL_END_RE = quick(r"(?:[。!;…]|\?(?![、,]))+[”’」』)]?|\.(?=\s|$)|(?<=[^\x00-\x7f%])[ \t\u3000\xa0]+(?=\S)")
_CLAUSE_SEPS = ",:、"  # a clause ends at one of these (a set test per character: clause_cuts walks every one)
# Numbered headings: 一、 (一) 1. 第一部分; a heading may run on into its body.
_NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[、.．]\s*(?!\d)|\d{1,2}\s+(?=\S)|"
    r"第[一二三四五六七八九十]+(?:部分|章|节))"
)
_TITLE_MAX = 40  # a longer line without final punctuation is no title
_RUN_MAX = 5
_YEAR_LINE = re.compile(r"(?:19|20)\d\d年[:。]?")  # more short bare lines in a row are a list of titles
_HEADING_SENTENCE_MAX = 32  # (一)扩大有效投资。: a numbered heading's own words are short
_FIGURE = quick(r"(?<![(\d])\d+(?:\.\d+)?(?![、.．)\d])"  # a number that is no item mark
                     r"|(?<![\u4e00-\u9fff])[百千万](?:余|多)?[名人户个家亩]")  # 万名居家长者…: a count in words
_YEARS = re.compile(r"(?:19|20)\d\d年")
# 2020成就 / 2021目标, 回头看 / 怎么干, 2023年成绩单 / 2024年任务书, 十三五成就: a digest's line naming its part
# alone (a year perhaps before it): a title over the bare lines after it, never an item of their list
_PART_LINE = re.compile(r"[【\[]?(?:(?:19|20)\d\d年?度?|“?十[一二三四五六]五”?)?(?:工作)?"
                        r"(?:回头看|怎么干|干什么|成绩单|任务书|成就|成绩|目标|回顾|展望|打算)[】\]]?[:]?")
_LABELLED = re.compile(r"[\u4e00-\u9fff]{2,8}\s*:\s*\S")  # 教育:扩大高中阶段教育学位供给: an item under its label
_TERMINAL = "。!?;:…,、”\"'"
BULLETS = "●■◆▲★◇□○•▪►◎☆◉▶※"
# How a list numbers its items; two short lines in a row numbered alike are items, not headings.
_MARKERS = (
    ("bullet", re.compile(f"[{BULLETS}]")), ("cn", re.compile(r"[一二三四五六七八九十]+、")),
    ("paren_cn", re.compile(r"\([一二三四五六七八九十]+\)")), ("paren_num", re.compile(r"\(\d{1,2}\)")),
    ("num", re.compile(r"\d{1,2}(?:[、.．]\s*(?!\d)|\s+(?=\S))")), ("circled", re.compile("[\u2460-\u2473]")),
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    heading: bool  # a title line: resets the stance carried from earlier text
    top_level: bool  # 一、… style: may set the stance of a whole section


def lines(norm: str) -> list[Line]:
    """Non-blank lines with a flag telling whether each reads as a heading (broken lines were joined by
    layout.prepare before)."""
    found = [(m.start(), m.end(), m.group().strip()) for m in _LINE_RE.finditer(norm) if m.group().strip()]
    items = _list_items([text for _, _, text in found])
    out: list[Line] = []
    bare_titles: list[int] = []  # lines that are titles only for being short and bare
    figures: set[int] = set()  # bare lines holding a figure: a list's items
    for k, (start, end, text) in enumerate(found):
        if k in items:
            out.append(Line(start, end, False, False))
            continue
        if _PART_LINE.fullmatch(text):
            out.append(Line(start, end, True, False))
            continue
        numbered = _NUMBERED_HEADING_RE.match(text) and _heading_words(_first_sentence(text))
        # 国内生产总值增长5%左右: a bare line holding a figure is a list's item, not a title
        figure = bool(_FIGURE.search(_YEARS.sub("", text)))
        short_title = (len(text) <= _TITLE_MAX and text[-1] not in _TERMINAL
                       and not figure and not _LABELLED.match(text))
        if figure and text[-1] not in _TERMINAL and not numbered:
            figures.add(k)
        if short_title and not numbered and not _YEAR_LINE.fullmatch(text):
            bare_titles.append(k)  # a year alone (2023年) heads a digest's part: never an item
        top = bool(_TOP_LEVEL.match(text))
        out.append(Line(start, end, bool(numbered) or short_title, top))
    for k in _listed_between_figures(bare_titles, figures):
        out[k] = Line(out[k].start, out[k].end, False, False)
    return out


def _listed_between_figures(bare_titles: list[int], figures: set[int]) -> list[int]:
    """新增首店1000家以上 / 建成深汕高中园 / 新增体育场地150万平方米: a few short bare lines between two bare
    lines holding figures are items of the same list (a digest's plans without figures), not its titles."""
    out, run = [], []
    for k in bare_titles + [-2]:
        if run and k != run[-1] + 1:
            if len(run) <= _RUN_MAX and run[0] - 1 in figures and run[-1] + 1 in figures:
                out += run
            run = []
        run.append(k)
    return out


def _first_sentence(text: str) -> str:
    """The line up to its first sentence end (kept): 1.引进…项目不少于3个;"""
    m = _SENTENCE_END_RE.search(text)
    return text[:m.end()] if m else text


def _heading_words(first: str) -> bool:
    """(一)扩大有效投资。 reads as a heading; 1.新开工亿元以上产业项目100个; states an item: a heading's own words
    are short, name no figure (a year may stand in them) and do not end a clause of a list."""
    if len(first) > _HEADING_SENTENCE_MAX or first.rstrip().endswith((";", ",")):
        return False
    return not _FIGURE.search(_YEARS.sub("", first))


def _one_sentence(text: str) -> bool:
    """1、新增城镇就业70万人。 / 2、自然村通水泥路1.5万公里,提质改造农村公路0.5万公里。: one sentence, an item."""
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    return len(ends) <= 1 and (not ends or ends[0] >= len(text.rstrip()))


def _marker(text: str) -> str | None:
    return next((name for name, rx in _MARKERS if rx.match(text)), None)


def is_item(text: str) -> bool:
    """The line opens a numbered or bulleted item (1.引进…, (二)…, ●…)."""
    return _marker(text.lstrip()) is not None


def _lone_bullet_title(texts: list[str], marks: list, k: int) -> bool:
    """◎深入践行…全面夯实生态本底 over a paragraph of sentences, no bulleted line beside it: a part's title (a short
    bare line without a figure), not an item of a bulleted list."""
    text, after = texts[k], texts[k + 1] if k + 1 < len(texts) else ""
    return (len(text) <= _TITLE_MAX and text[-1] not in _TERMINAL and not _FIGURE.search(_YEARS.sub("", text))
            and (k == 0 or marks[k - 1] != "bullet") and bool(after) and marks[k + 1] is None
            and len(after) > _TITLE_MAX and after[-1] in _TERMINAL)


def _list_items(texts: list[str]) -> set[int]:
    """Lines of a list (●地区生产总值增长5%以上, 1.扎实推进…): bulleted lines, and runs of two or more
    lines in a row numbered alike, each short or a single sentence.  They are content, not headings."""
    marks = [_marker(text) for text in texts]
    items = {k for k, mark in enumerate(marks) if mark == "bullet" and not _lone_bullet_title(texts, marks, k)}
    k = 0
    while k < len(texts):
        j = k
        while j + 1 < len(texts) and marks[k] and marks[j + 1] == marks[k]:
            j += 1
        if j > k and all(len(texts[i]) <= _TITLE_MAX or _one_sentence(texts[i]) for i in range(k, j + 1)):
            items.update(range(k, j + 1))
        k = j + 1
    return items


# …创新消费场景。(省商务厅、财政厅…按职责分工负责) 2.落实好…: a decomposition pasted on one line closes each item
# with its units in brackets; the next item's number opens a new sentence
_TAG_CLOSE = quick(
    r"[)）〕](?=\s*(?:\d{1,3}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]))")
_ITEM_STOP = re.compile(r"\s*\d{1,3}。")
_TAG_WORDS = re.compile(r"牵头|负责|配合|(?:单位|部门)$")


def sentences(norm: str, lo: int, hi: int) -> list[Span]:
    """Sentences of norm[lo:hi] (one line), split after 。!?; and an ellipsis, and after a bracket of units closing
    an item before the next item's number."""
    ends = [m.end() for m in _CELL_END_RE.finditer(norm, lo, hi)]
    if ")" in norm[lo:hi] or "）" in norm[lo:hi] or "〕" in norm[lo:hi]:
        for m in _TAG_CLOSE.finditer(norm, lo, hi):
            opened = max(norm.rfind(mark, lo, m.start()) for mark in "(（〔")
            if opened >= 0 and _TAG_WORDS.search(norm, opened, m.start()):
                ends.append(m.end())
        ends.sort()
    out, start = [], lo
    for e in ends:
        if _ITEM_STOP.fullmatch(norm, start, e):
            continue  # 1。 新改扩建…: an item's number printed with a full stop opens its sentence
        if e > start and norm[start:e].strip():
            out.append(Span(start, e))
        start = max(start, e)
    if start < hi and norm[start:hi].strip():
        out.append(Span(start, hi))
    return out


def clause_cuts(norm: str, lo: int, hi: int) -> list[int]:
    """Offsets of the clause separators (, : 、) in norm[lo:hi], outside brackets."""
    cuts, depth = [], 0
    for i in range(lo, hi):
        ch = norm[i]
        if ch == "“" and depth == 0 and i > lo and norm[i - 1] == "”":
            cuts.append(i)  # “城镇新增就业25.79万人”“建成102个…”: two quotations side by side
        if ch == "“" and "”" not in norm[i + 1:hi]:
            continue  # “为了加快进度,我们…: speech whose close lies past the sentence quotes no name, its commas cut
        if ch in "(“《":
            depth += 1
        elif ch in ")”》" and depth:
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_SEPS:
            cuts.append(i)
    return cuts


# 生产总值⏎•增长5%: a short label line over a bullet names what the bullet's bare change measures
_LABEL_LINE = re.compile(r"[\u4e00-\u9fff]{2,12}")


def label_above(norm: str, at: int) -> str:
    """The line right above the bulleted line opening at `at` (blank lines between allowed) when it is a short
    label of Chinese words alone; else ""."""
    line_start = norm.rfind("\n", 0, at) + 1
    if norm[line_start:at + 1].strip()[:1] not in BULLETS:
        return ""
    k = line_start - 1
    while k >= 0 and norm[k] in " \t\u3000\n":
        k -= 1
    above = norm[norm.rfind("\n", 0, k + 1) + 1:k + 1].strip()
    return above if _LABEL_LINE.fullmatch(above) else ""
