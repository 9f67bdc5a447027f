"""Units a text itself names for a task: a tag (牵头单位:…; 配合单位:…), a subject, a department named.

When a text says who leads (a decomposition's 牵头单位 tag, 部门分工:X牵头,Y配合, a unit as the sentence's subject
before 将/要/负责, 由X牵头), that beats any guess from keywords: unit_tag reads the tag's lead and partners,
subject_unit the unit a sentence names as its subject, named_departments every department a sentence names (not a
province's or the state's: 争取国家发展改革委支持).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...patterns import quick
from .unit_names import alias_index, alias_pattern, canonical, standard_name

# 牵头单位:…, 责任单位:…, …牵头, 按职责分工负责: the words of a tag assigning an item's units, the cheap test before
# unit_tag reads one (tasks) or before a sentence is kept whole as the text's own assignment (clause_leads)
TAG_HINT = r"牵头|(?:责任|主责|主办)(?:单位|部门)|分工负责|按职责|负责[)）〕]"
_ABOVE = re.compile(r"(?:国家|省|中央|部)$")  # 争取国家发展改革委支持: not the city's department
_UNIT_SPLIT = quick(r"[、,，;；]|(?<=[局委办部会心团司府联])[和及与]")
# 牵头单位:市发改委;配合单位:市财政局、市统计局 — a decomposition's own assignment, in the text or after it
_TAG = quick(
    r"[(（]?\s*(?:牵头|责任|主责|主办)(?:单位|部门)\s*[:：]\s*(?P<lead>[^;；)）\n。:：]+)"
    r"(?:[;；,，]?\s*(?:配合|协同|协办|参与|责任|协作)(?:单位|部门)\s*[:：]\s*(?P<partners>[^;；)）\n。:：]+))?[)）]?")
# 部门分工:省发展改革委牵头,各地、各部门配合。; (分管副省长负责,省发展改革委牵头,省工业和信息化厅、…): a
# decomposition's assignment written as "X牵头, Y配合" on a line of its own or in brackets after the task
# 〔市数据局、市市场监管局牵头,市相关部门单位及各县(市、区)按职责分工落实〕: two units named before 牵头, the
# first leads; a tortoise-shell bracket closes the item like a parenthesis
_LEADS_FORM = quick(
    r"(?:(?:部门)?分工\s*[:：]\s*|[(（〔](?:[^()（）〔〕\n]{0,30}?[,，])?)"
    r"(?P<lead>[^,，;；、:：()（）〔〕\n。]{2,20}?(?:、[^,，;；、:：()（）〔〕\n。]{2,20}?){0,3})牵头"
    r"(?:[,，;；]\s*(?P<partners>[^。;；)）〕\n]{0,160}?)(?:等)?(?:单位|部门)?"
    r"(?:配合|参与|协同|按职责分工负责|按职责分工落实|分工负责|负责|落实)?)?(?=[。)）〕\n]|$)[。)）〕]?")
# (省商务厅、财政厅、发展改革委…等相关部门按职责分工负责): units named to share an item without one said to lead;
# as the governments' decompositions read, the first named leads and the others partner
_SHARED_FORM = quick(
    r"[(（〔](?P<lead>[^,，;；、:：()（）〔〕\n。]{2,20}?)、(?P<partners>[^:：()（）〔〕\n。]{2,200}?)"
    r"(?:等(?:相关|有关)?(?:部门|单位))?(?:按职责分工负责|按职责分工落实|分工负责|按职责负责)[)）〕]")
# (市商务局、市交通运输局、市邮政管理局负责): units alone in a bracket closing an item, the first leads
_RESPONSIBLE_FORM = quick(
    r"[(（〔](?P<lead>[^,，;；、:：()（）〔〕\n。]{2,20}?(?:局|委|办|厅|中心|集团|公司|政府|管委会)"
    r"(?:、[^,，;；、:：()（）〔〕\n。]{2,20}?(?:局|委|办|厅|中心|集团|公司|政府|管委会)){0,5})负责[)）〕]")

# 今年,自治区住房城乡建设厅将坚持…; 市城投集团负责实施…; …,县财政局要做好…: a unit named as the sentence's subject,
# at its head (after a time word) or at a clause's head before 将/要/负责/牵头; at the sentence's head a plan verb may
# follow it directly (市交通运输局加快推进…)
_UNIT_END = "(?:厅|局|委员会|委|办公室|办|部|中心|集团|公司|街道|镇|乡)"
_MARK = "(?:也|还|则|都|亦)?(?:将|要|须|需|应当|应|负责(?!人)|牵头|主抓|会同|联合|计划|拟)"
_SUBJECT_BODY = (r"(?:(?:今年|明年|下一步|下阶段|下一阶段|同时|此外|另外|年内|近期|\d{4}年)[,;]?)?(?:(?:要|应|须)?由)?"
                 r"(?P<unit>[\u4e00-\u9fff]{1,16}?" + _UNIT_END + ")")
_HEAD_SUBJECT = re.compile(
    _SUBJECT_BODY + f"(?:(?P<mark>{_MARK})|加快|推进|推动|实施|开展|加强|做好|抓好|完成|组织|深入|切实|扎实|全力|"
    "积极|大力|着力|持续|继续|坚持|围绕|聚焦|进一步|统筹|强化|深化|优化|严格|全面|坚决|督促|指导|落实|力争|确保)")
_CLAUSE_SUBJECT = re.compile(r"(?<=[,;:。!?])" + _SUBJECT_BODY + f"(?P<mark>{_MARK})")
_UNIT_MARKED = re.compile(_UNIT_END + _MARK)  # the cheap test before looking for a clause's subject
# the cheap test first: a unit's last character right before the first character of a mark or a verb above
_UNIT_THEN = re.compile("[厅局委会室办部心团司道镇乡]"
                        "[也还则都亦将要须需应负牵主会联计拟加推实开做抓完组深切扎全积大着持继坚围聚进统强优严督指落力确]")
_HEAD_MAX = 28  # a time word, 由 and a name of 16 characters
_NOT_SUBJECT = re.compile(
    r"^(?:各|全|本|我|该|这|此|其|有关|相关|所有|广大|重点|龙头|骨干|民营|支持|推动|推进|鼓励|引导|依托|加快|积极|"
    r"通过|对|在|从|向|为|按|与|和|把|被|使|让|经)|(?:格局|布局|大局|开局|全局|变局|新局|困局|结局|时局|乡镇|城镇|村镇|"
    r"集镇|小镇|重镇|名镇|强镇|中心镇|建制镇|城乡|家乡|故乡|下乡|返乡|老乡|入乡|干部|内部|局部|全部)$")


def subject_unit(sentence: str) -> tuple[str, str] | None:
    """The unit a sentence names as its subject (今年,自治区住房城乡建设厅将…; 市城投集团负责…): (as written, its
    standard name), or None.  A department of the table (a province's 厅 too), a group or a city's company, a
    sub-district or a township; a body the table does not know only when it is said to lead (牵头/负责)."""
    first = _UNIT_THEN.search(sentence)  # most sentences name no unit as their subject: one scan
    if first is None:
        return None
    head = _HEAD_SUBJECT.match(sentence) if first.start() <= _HEAD_MAX else None
    found = _subject_of(head) if head else None
    if found or not _UNIT_MARKED.search(sentence, first.start()):
        return found
    for m in _CLAUSE_SUBJECT.finditer(sentence):
        found = _subject_of(m)
        if found:
            return found
    return None


def _subject_of(m: re.Match[str]) -> tuple[str, str] | None:
    name, mark = m.group("unit"), m.group("mark") or ""
    if _NOT_SUBJECT.search(name):
        return None
    alias = alias_pattern().search(name)
    if alias:
        return alias.group(), canonical(alias.group())
    if (name.endswith(("厅", "集团", "委员会", "办公室")) or "负责" in mark or "牵头" in mark or "主抓" in mark
            or name.endswith("部") and "委" in name[:-1]
            or name.endswith("公司") and name[0] in "省市县区"
            or name.endswith(("街道", "镇", "乡")) and len(name) >= 3):
        return name, standard_name(name)
    return None


_BODIES_EACH = re.compile(r"各[^各,;:、]{0,10}?(?:政府|管委会|指挥部)$")


@dataclass(frozen=True)
class UnitTag:
    """Units a text assigns to its task itself (牵头单位:…; 配合单位:…), where the tag starts and ends."""

    start: int
    end: int
    lead: str
    partners: tuple[str, ...]
    written: str  # the lead as the text writes it (市人社局)


def unit_tag(text: str, start: int = 0, end: int | None = None) -> UnitTag | None:
    """The first 牵头单位/责任单位 tag in text[start:end]: the first unit it names leads (one marked * before
    the others), the rest and the 配合单位 partner."""
    stop = len(text) if end is None else end
    m = _TAG.search(text, start, stop)
    led = _LEADS_FORM.search(text, start, m.start() if m else stop)
    m = led or m
    shared = _SHARED_FORM.search(text, start, m.start() if m else stop)
    m = shared or m or _RESPONSIBLE_FORM.search(text, start, stop)
    if not m:
        return None
    # 责任单位:市经信局、市财政局(列第一位者为工作牵头单位,下同): the note is no unit
    named = [u.strip() for u in _UNIT_SPLIT.split(re.split(r"[(（]", m.group("lead"))[0]) if u.strip()]
    if not named:
        return None
    lead = next((u for u in named if u.startswith("*")), named[0])
    others = [u for u in named if u is not lead] + [
        u.strip() for u in _UNIT_SPLIT.split(m.groupdict().get("partners") or "") if u.strip()]
    # 各地、各部门配合: everyone, no unit; but 各区人民政府, 各县(市)政府 are bodies named to work with the lead
    others = [u for u in others if not u.startswith("各") or _BODIES_EACH.match(u)]
    # a unit's name that is only a place (省工业和信息化厅、省 cut by the end of an excerpt) is no unit
    partners = tuple(dict.fromkeys(n for n in map(standard_name, others)
                                   if len(n) >= 2 and n != standard_name(lead)))
    return UnitTag(m.start(), m.end(), standard_name(lead), partners, lead.lstrip("*"))


def named_departments(sentence: str) -> list[tuple[int, str, str]]:
    """Departments a sentence names (由市发改委牵头, 县商务局负责): (offset, as written, standard name)."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for alias, standard in alias_index():
        at = sentence.find(alias)
        while at >= 0:
            end = at + len(alias)
            if not any(a < end and at < b for a, b in taken):
                taken.append((at, end))
                if not _ABOVE.search(sentence, max(0, at - 2), at):
                    found.append((at, alias, standard))
            at = sentence.find(alias, end)
    return sorted(found)
