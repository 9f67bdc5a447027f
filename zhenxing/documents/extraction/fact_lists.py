"""List sharing: values and subjects said together (分别 lists, 均 clauses, side-by-side lists).

化学需氧量、氨氮排放量分别削减5%、3% gives each subject its value (read_lists); 入学率、巩固率均达100% gives each
subject the one value (split_shared_value); 分别达37188元、18660元,年均增速8.2%、9.3% pairs a bare list with the
named list before it (pair_bare_list).  、 cuts a sentence into facts only between numbers (list_aware_cuts).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .fact_reading import Draft, left_bound, make_draft, right_bound
from .indicators import clean_before
from .lists import is_value_separator, share_first_qualifier, split_subjects
from .quantities import Quantity
from .sentences import Span
from .stance import StanceTracker

# 义务教育入学率、农村住房和饮水安全率均达100%: one value every subject reached
_ALL_REACHED = re.compile(r"均(?:已)?(?:达到?|为|实现|超过|保持在|稳定在|在)?(?:了)?$")
_SUBJECT_SEP = re.compile(r"[、和与]")
_STANDARDS_RAISED = re.compile(r"[\u4e00-\u9fff]{2,}(?:、[\u4e00-\u9fff]{2,})+(?:补助|补贴|救助|保障)?标准$")


def split_shared_value(norm: str, drafts: list[Draft]) -> list[Draft]:
    """化学需氧量、氨氮排放量分别削减5%, 义务教育入学率、农村住房和饮水安全率均达100%: one value said of each
    subject."""
    out = []
    for d in drafts:
        names = None
        if "、" in d.indicator and not d.list_slot and "分别" in norm[d.start:d.q.lead]:
            names = split_subjects(d.indicator, d.indicator.count("、") + 1)
        elif "、" in d.indicator and not d.list_slot and (_ALL_REACHED.search(norm, d.start, d.q.lead)
                                                          or _STANDARDS_RAISED.search(d.indicator)):
            # …均达100%; 伤残津贴、抚恤金、护理费标准提高10%: standards raised together, each by the figure
            names = split_subjects(d.indicator, len([p for p in _SUBJECT_SEP.split(d.indicator) if p]))
        elif "、" in d.indicator and not d.list_slot and d.indicator.endswith("各"):
            # 扩建110千伏、35千伏变电站各2座: the value counted for each of the things listed
            subject = d.indicator[:-1]
            names = split_subjects(subject, len([p for p in _SUBJECT_SEP.split(subject) if p]))
        out.extend([replace(d, indicator=name) for name in names] if names else [d])
    return out


def list_aware_cuts(norm: str, cuts: list[int], qs: list[Quantity]) -> list[int]:
    """、 separates facts only between numbers (企业663家、雏鹰企业25家); elsewhere it
    joins the words of one indicator (争取地方政府债券、中央预算内等上级资金)."""
    kept = []
    for k, c in enumerate(cuts):
        if norm[c] != "、":
            kept.append(c)
            continue
        lo = cuts[k - 1] if k else -1
        hi = cuts[k + 1] if k + 1 < len(cuts) else len(norm)
        if any(lo < q.start < c for q in qs) and any(c < q.start < hi for q in qs):
            kept.append(c)
    return kept


def _run_together(norm: str, a: Quantity, b: Quantity) -> bool:
    """分别增长4.4%5.9%5.8%: a copy lost the separators between the shares of a list."""
    return a.end == b.lead and norm[a.end - 1:a.end] == "%" and b.unit == "%"


# 分别同比增长8.8%、下降5.6%: a 分别 list whose values move different ways, each verb before its value
_CHANGE_VERBS = "(?:增长|下降|提高|降低|增加|减少|上升|回落)"
_TURNS = re.compile(rf"、(?P<verb>(?:同比)?{_CHANGE_VERBS})")
_CHANGE_VERB = re.compile(_CHANGE_VERBS)


def read_lists(norm: str, sent: Span, qs: list[Quantity], cuts: list[int], tracker: StanceTracker,
               drafts: list[Draft | None]) -> None:
    """Fill drafts for the values of 分别 lists (…分别增长15%、40%和17%)."""
    i = 0
    while i < len(qs):
        j = i
        while j + 1 < len(qs) and (is_value_separator(norm[qs[j].end:qs[j + 1].lead])
                                   or _run_together(norm, qs[j], qs[j + 1])
                                   or _TURNS.fullmatch(norm, qs[j].end, qs[j + 1].lead)):
            j += 1
        left = left_bound(sent, qs, i, cuts)
        pre = norm[left:qs[i].lead]
        if j > i and "分别" in pre and _TURNS.fullmatch(norm, qs[i].end, qs[i + 1].lead) \
                and not _CHANGE_VERB.search(pre):
            j = i  # 分别25.41亿元、下降5.6%: the verb names the second value's change only, no list
        if j > i and "分别" in pre:
            share_first_qualifier(qs, i, j)
            subject = clean_before(pre.split("分别")[0])
            names = split_subjects(subject, j - i + 1) if subject else None
            for k in range(i, j + 1):
                name = names[k - i] if names else subject
                turn = _TURNS.fullmatch(norm, qs[k - 1].end, qs[k].lead) if k > i else None
                drafts[k] = make_draft(norm, qs[k], name, pre + turn["verb"] if turn else pre, left,
                                       right_bound(sent, qs, j, cuts), tracker, sent)
                if not subject:
                    drafts[k].list_slot = (k - i, j - i + 1)
            i = j + 1
        else:
            i += 1


def pair_bare_list(norm: str, drafts: list[Draft]) -> None:
    """城乡居民人均可支配收入分别达37188元、18660元,年均增速8.2%、9.3%: a list of values without subject right after a
    list of as many values with subjects speaks of them in order."""
    k = 0
    while k < len(drafts):
        if drafts[k].indicator:
            k += 1
            continue
        j = k
        while j + 1 < len(drafts) and not drafts[j + 1].indicator and is_value_separator(
                norm[drafts[j].q.end:drafts[j + 1].q.lead]):
            j += 1
        n = j - k + 1
        before = drafts[k - n:k] if n >= 2 and k >= n else []
        if (before and len({d.indicator for d in before}) == n
                and all(is_value_separator(norm[before[i].q.end:before[i + 1].q.lead]) for i in range(n - 1))):
            for src, d in zip(before, drafts[k:j + 1], strict=True):
                d.indicator = src.indicator
        k = j + 1
