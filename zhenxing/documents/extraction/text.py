"""Length-preserving text normalisation and protected spans.

Every rule downstream works on a normalised copy of the document whose
characters sit at the same offsets as in the original, so a fact's quote can
always be cut from the original text with the offsets found on the copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .hant import TRADITIONAL

# Full-width forms map one-to-one onto ASCII: ０-９, Ａ-Ｚ, ａ-ｚ and punctuation.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
# Keep Chinese clause punctuation recognisable but unify the variants.
_EXTRA = {
    "，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
    "－": "-", "～": "~", "〜": "~", "﹪": "%", "‰": "‰",
    "\u2014": "-", "\u2013": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-",
}
_TABLE = {**TRADITIONAL, **_FULLWIDTH, **{ord(k): v for k, v in _EXTRA.items()}}
# str.translate looks every character of a text up in the table, slowly for Chinese text; the few characters to
# change (full-width marks, traditional characters) are found in one regex pass instead, each one for one
_CHANGED = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _TABLE.items()}
_TO_CHANGE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CHANGED)) + "]")
# 著 is simplified too (显著, 著名); before 力, 眼, 手, 重 it is traditional 着 (著力推動 = 着力推动).
_ZHUO = re.compile(r"著(?=[力眼手重])")


def normalise(text: str) -> str:
    """Return `text` with full-width digits, letters and punctuation made ASCII and traditional characters read
    as simplified ones (億元 → 亿元, hant.py).

    The result has exactly the same length as the input (one character for one
    character), so offsets are shared between both strings.
    """
    out = _TO_CHANGE.sub(lambda m: _CHANGED[m.group()], text)  # = text.translate(_TABLE), faster
    if "著" in out:
        out = _ZHUO.sub("着", out)
    if "画" in out:  # 計畫, 規畫 (Taiwan spellings): 计划, 规划
        out = out.replace("计画", "计划").replace("规画", "规划")
    assert len(out) == len(text)
    return out


# Quoted names (“十四五”, “8+3”, 《条例》, ‘五个统筹’ inside a quoted speech) hold slogans and titles, not facts.
# A parenthesis right after a quoted name explains the name: “2+1”(两个国家级开发区+凌海市).
_QUOTE_RE = re.compile(r"“[^“”\n]{0,40}”(?:\([^()\n]{0,60}\))?|"
                       r"《[^《》\n]{0,80}》|\"[^\"\n]{0,40}\"|「[^「」\n]{0,40}」|『[^『』\n]{0,40}』")
# ‘五个统筹’ inside a quoted speech (“要以‘五个统筹’为…,聚焦‘四大攻坚行动’…”): a name within the quotation
_INNER_QUOTE_RE = re.compile(r"‘[^‘’“”\n]{0,20}’")


_FAR = 1 << 62  # sorts after any end offset
_SPEECH = re.compile(r"[,;。!?]")
# “建成102个综合嵌入式社区居家养老服务中心、261个社区老年食堂”: a quotation stating figures is quoted
# record, not a name (names in quotes are short: “五上”企业, “8+3”, “两癌”)
_QUOTED_RECORD = re.compile(r"^“(?=[^”]{8,}”)[^”]*\d+(?:\.\d+)?[万亿]?[个家所座条项户人名公元张台辆处套]")


@lru_cache(maxsize=64)
def protected_spans(norm: str) -> tuple[tuple[int, int], ...]:
    """Offsets of quoted or titled spans whose numbers must not become facts.

    A quotation that holds a clause break is speech (“今年我家种了15亩,…。”), not a
    name: its numbers stay facts.
    """
    spans = [m.span() for m in _QUOTE_RE.finditer(norm)
             if not _SPEECH.search(m.group(), 1, len(m.group()) - 1) and not _QUOTED_RECORD.search(m.group())]
    if "‘" in norm:
        inner = [m.span() for m in _INNER_QUOTE_RE.finditer(norm)
                 if not _QUOTED_RECORD.search("“" + m.group()[1:]) and not inside(tuple(spans), *m.span())]
        spans = sorted(spans + inner)
    return tuple(spans)


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    k = bisect_right(spans, (start, _FAR)) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (a Chinese character of the basic block)."""
    return "\u4e00" <= ch <= "\u9fff"
