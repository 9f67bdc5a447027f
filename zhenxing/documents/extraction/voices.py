"""Whose words a sentence gives, and whose plan: the texts' parts that are no commitment of this government.

A news story reports others: a deputy or a member speaking (the whole story when it opens on one), people it
introduces as speaking for themselves, a document cited by its title, a paragraph of direct speech, its headline
above the dateline and the titles under 相关链接.  A city's paper quoting a county's plan (卫辉市提出的目标是:…)
gives that place's plan: the text's own places are those its head names or it names often.  A department's own
plan (六安市农业农村局2024年…工作要点, 全市卫生健康工作要点) names its issuer in its title line: document_issuer.
"""

from __future__ import annotations

import re

from ...patterns import quick
from .departments import suggest_lead
from .unit_subjects import named_departments

ATTRIBUTION = re.compile(r"^[^,。;“”]{2,30}?(?:介绍说|介绍|表示|指出|认为|说)[,:]")
# Someone else's voice: a deputy's or an expert's wish (李明代表表示,今年将…; 政协委员建议,要…) commits no unit.
OTHERS_VOICE = re.compile(
    r"^(?:[^,。;“”]{1,6},)?[^,。;“”]{0,16}?(?:代表|委员|专家|学者|教授|市民|村民|居民|群众|网友|企业家|负责人说|游客)"
    r"[^,。;“”]{0,8}?(?:表示|认为|建议|呼吁|希望|说|谈到|提到)[,:]?|"
    r"^[\u4e00-\u9fff]{2,4}(?:建议|建議|呼吁|呼籲)[,:]")  # 王强建议,…: a government does not propose to itself
# A story that opens on a deputy or a member speaking (…人大代表、某集团董事长王强在审议政府工作报告时说,…) reports
# that person's views: what they say the government should do is no task of the government's.
_DEPUTY_LEAD = re.compile(
    r"(?:代表|委员|委員)[^。\n]{0,80}?(?:审议|審議|讨论|討論|采访|採訪|发言|發言|座谈|座談|两会|兩會)[^。\n]{0,40}?"
    r"(?:说|說|表示|建议|建議|认为|認為|谈到|談到)(?:\([a-z\u00e0-\u01dc]+\))?[,:]")  # 說(shuō): pinyin added
_DEPUTY_TITLE = re.compile(r"人大代表|政协委员|政協委員")
# People the text introduces as speaking for themselves, not for its government (人大代表、某集团总经理李文忠在…时说;
# 杨世爵代表表示): later sentences they open (李文忠说,…要…; 李文忠建议,…) are their views, no task.
_SPEAKER_TITLE = (r"(?:人大代表|代表|政协委员|委员|董事长|总经理|经理|总裁|教授|研究员|专家|学者|院长|所长|"
                  r"企业家|负责人|记者)")
_SPEAKER_NAMED = re.compile(
    rf"{_SPEAKER_TITLE}(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?=在|说|表示|认为|建议|指出|谈到|提到|介绍|告诉|:)|"
    rf"(?<![\u4e00-\u9fff])(?P<name2>[\u4e00-\u9fff]{{2,3}})(?:代表|委员)(?=在|说|表示|认为|建议|指出|谈到|提到|:)")
# an official a meeting's news introduces as speaking (副市长陈伶俐参加会议并讲话): what they say there is their speech
_OFFICIAL_NAMED = quick(r"(?:副?(?:省|市|县|区|州|旗)长|副?书记)(?P<name>[\u4e00-\u9fff]{2,3}?)"
                             r"(?=(?:参加|出席)(?:会议)?并讲话|在会上讲话|作讲话)")
_DEPUTY_AT_MAX = 12  # the deputy named in the sentence's first words
# 市政协委员,市城乡建设局党组书记、局长苏建设说: a member who heads a government unit speaks for it when he tells its
# plans (苏建设表示,2025年,市城建局将…), not for himself
_HEADS_UNIT = r"(?:局|委员会|委|办公室|办|厅)(?:党组|党委)?(?:书记)?[、,]?(?:副?(?:局长|主任|厅长))"
_SAYS = r"(?:代表|委员)?(?:还|也)?(?:说|表示|认为|建议|呼吁|希望|指出|谈到|提到|强调|介绍)[,:]"
_NOT_NAME = re.compile(r"^(?:报告|会议|方案|文件|政府|他们|我们|大家|同时|对此|其中|今年|全市|全县)")
# A document cited by its title speaks for whoever issued it (《区域协调试点方案》当中也指出,要支持…): unless it is the
# government's own report, what it asks is no task of this text's government.
_CITED = re.compile(r"^(?:[^,。;“”]{1,6},)?[^,。;“”《]{0,10}《(?P<title>[^《》]{2,40})》(?:当中|中)?(?:也|还)?"
                    r"(?:指出|提出|明确|要求|强调|规定)[,:]")
_OWN_REPORT = re.compile(r"^报告$|政府工作报告|计划(?:执行情况|草案)|预算(?:执行情况|草案)")  # 《报告》: its short name
_FIRST_PERSON = re.compile(r"[,:]\s*我(?!国|省|市|县|区|们的)")  # …,我对…; not 我国/我市 (the place)
# A place named as the subject of a plan (卫辉市提出的目标是:, 辉县市围绕…全年推进…): that government's plan; in
# another government's text (a city paper quoting its counties) no task of this one.
_PLACE_END = re.compile(r"[市县区旗](?=提出|今年|将|要|围绕|力争|计划|全年|的目标|确定|明确|聚焦|坚持)")
CJK = re.compile(r"[\u4e00-\u9fff]")
# a story's first line after its headline: 羊城晚报讯 记者…报道:, 本报讯 (新乡日报记者…), 新华社北京3月5日电
_DATELINE_OPENS = re.compile(
    r"\s*(?:【[^】\n]{0,20}】)?(?:[^\n,。:]{0,24}?(?:讯|电)(?=\s|[(:【]|记者|\d)|本报讯|本网讯)")
_LINKS = re.compile(r"\s*(?:相关链接|相关阅读|延伸阅读|相关新闻|推荐阅读|相关报道)\s*:?\s*$")
_PLACE_MAX = 5
_NOT_PLACE = quick(r"(?:新|园|城|社|景|片|开发|示范|试验|功能|保护|自贸|高新|经开|山|老|市|县)区$|^[县市区乡镇]+$|"
                        r"城市$|都市$|超市$|上市$|集市$|夜市$|股市$|楼市$")
# a text's own place is named in its first lines (title, date line) or its dateline
_HEAD_LINES, _HEAD_LINE_MAX, _DATELINE_CHARS = 6, 60, 80


def _place_subjects(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Places named as the subject of a plan (卫辉市提出的目标是, 辉县市围绕…): (offset, name), the name a whole
    run of characters before 市/县/区/旗 (so 全市将 and 该县要 name none)."""
    found = []
    for m in _PLACE_END.finditer(norm, start, len(norm) if end is None else end):
        a = m.start()
        while a > start and m.start() - a < _PLACE_MAX + 1 and CJK.match(norm, a - 1):
            a -= 1
        name = norm[a:m.end()]
        if (2 <= len(name) <= _PLACE_MAX + 1 and not (a > 0 and CJK.match(norm, a - 1))
                and name[0] not in "全本我该各每" and not _NOT_PLACE.search(name)):
            found.append((a, name))
    return found


def _head(norm: str) -> str:
    """A text's first lines up to its body (title, subtitle, date line, source line) and the body's first
    characters (the dateline: 本报讯 (新乡日报记者…), 记者从西宁市城北区城乡建设局了解到)."""
    parts, at = [], 0
    for k, line in enumerate(norm.splitlines(keepends=True)):
        if k >= _HEAD_LINES:
            break
        if len(line.strip()) > _HEAD_LINE_MAX:
            parts.append(line[:_DATELINE_CHARS])
            break
        parts.append(line)
        at += len(line)
    return "".join(parts)


def deputy_speaks(norm: str) -> bool:
    """Whether the story's first sentence has a deputy or a member speak (a deputy's statement, not a plan), or a
    deputy's byline heads a statement in the first person (市人大代表、某公司总经理 张三⏎…,我对…)."""
    lines_ = norm.splitlines()[:_HEAD_LINES + 1]
    at = next((k for k, line in enumerate(lines_) if "," in line or "。" in line), None)
    if at is None:
        return False
    first = lines_[at].strip()
    end = first.find("。")
    end = end if end > 0 else len(first)
    byline = "".join(lines_[:at]) + first[:end]
    return bool(_DEPUTY_LEAD.search(first, 0, end)
                or (_DEPUTY_TITLE.search(byline) and _FIRST_PERSON.search(first, 0, end)))


def speaker_pattern(norm: str) -> re.Pattern[str] | None:
    """The people a text introduces as speaking for themselves (a deputy, a member, a company's head, an expert):
    a pattern matching a sentence they open (李文忠说, 杨世爵代表表示), or None."""
    # (every way an official is introduced as speaking ends on 讲话: a text without the word introduces none)
    names = {m.group("name") for m in _OFFICIAL_NAMED.finditer(norm)} if "讲话" in norm else set()
    for m in _SPEAKER_NAMED.finditer(norm):
        name = m.group("name") or m.group("name2")
        if name and not _NOT_NAME.match(name) and not _heads_unit(name, norm):
            names.add(name)
    if not names:
        return None
    return re.compile(rf"^(?:[^,。;“”]{{1,6}},)?(?:{'|'.join(sorted(names, key=len, reverse=True))}){_SAYS}")


def _heads_unit(name: str, norm: str) -> bool:
    """Whether the text names `name` as the head of a government unit (…局党组书记、局长苏建设).  Only a name written
    right after 局长, 主任 or 厅长 can be, so the whole text is searched with the pattern only for such a name."""
    k = norm.find(name)
    while k >= 0:
        if k >= 2 and norm[k - 2:k] in ("局长", "主任", "厅长"):
            return re.search(_HEADS_UNIT + re.escape(name), norm) is not None
        k = norm.find(name, k + 1)
    return False


def reported(body: str, speakers: re.Pattern[str] | None) -> bool:
    """Whether a sentence gives someone else's words: a speaker the text introduced (李文忠说,…), or a document
    cited by its title that is not the government's own report (《区域协调试点方案》当中也指出,要…)."""
    if speakers is not None and speakers.match(body):
        return True
    lead = _DEPUTY_LEAD.search(body) if "代表" in body or "委员" in body else None
    if lead and lead.start() <= _DEPUTY_AT_MAX:
        return True  # 市人大代表、某集团董事长李文忠在分组审议时说,要…: what the deputy says
    cited = _CITED.match(body) if "《" in body else None
    return bool(cited and not _OWN_REPORT.search(cited.group("title")))


def headline_and_links(norm: str) -> list[tuple[int, int]]:
    """Spans of a news page that are no text of the story: the headline lines above the line opening on the
    dateline (羊城晚报讯 记者…报道:, 本报讯 (…), 新华社北京3月5日电), and the titles listed under 相关链接: up to the
    next line that is a paragraph."""
    spans, at = [], 0
    lines = norm.splitlines(keepends=True)
    for k, line in enumerate(lines[:_HEAD_LINES + 2]):
        if k and _DATELINE_OPENS.match(line):
            spans.append((0, at))
            break
        at += len(line)
    at = 0
    links = -1
    for line in lines:
        if links < 0 and _LINKS.match(line):
            links = at
        elif links >= 0 and ("。" in line or len(line.strip()) > _HEAD_LINE_MAX):
            spans.append((links, at))
            links = -1
        at += len(line)
    if links >= 0:
        spans.append((links, at))
    return spans


# A paragraph of direct speech: it opens on a quotation mark and closes on who said it (“…9月底全部投产。”某集团
#综合办主任张三说。), the closing mark sometimes lost to a copy's mojibake.
_SPEECH_OPENS = re.compile(r"\s*“")
_SPEECH_CLOSES = re.compile(r"(?:说|表示|介绍|告诉记者|坦言|感慨)。?\s*$")
_SPEAKER_MAX = 30


# …民政厅党组书记、厅长李明生介绍: a head of one of the government's own bodies, named before the quote
_OFFICE_HEAD = r"(?:厅|局|委|政府|办)[^。,;“”]{0,16}?(?:厅长|局长|市长|县长|区长|镇长|主任)"
_SPEAKER_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _official(before: str, speaker: str) -> bool:
    """The speaker closing a quote (”李明生说) was named earlier as the head of one of the government's own bodies:
    his 我们将… is that body's commitment, not a person's or a company's words."""
    name = _SPEAKER_NAME.match(speaker.lstrip("”。!?; "))
    return bool(name) and re.search(_OFFICE_HEAD + re.escape(name.group()), before) is not None


def speeches(norm: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs that quote someone speaking: their plans (计划今年9月初进行设备调试) are a company's
    or a person's words reported by the story, no commitment of the government."""
    spans, at = [], 0
    for line in norm.splitlines(keepends=True):
        closes = _SPEECH_CLOSES.search(line)
        if _SPEECH_OPENS.match(line) and closes:
            said = line[:closes.start()]
            speaker = len(said) - max(said.rfind(mark) for mark in "”。!?;")
            if (speaker <= _SPEAKER_MAX and len(said) - len(said.lstrip()) < len(said) - speaker
                    and not _official(norm[:at], said[len(said) - speaker:closes.start()])):
                spans.append((at, at + len(line)))
        at += len(line)
    return spans


def own_places(norm: str) -> tuple[str, set[str]]:
    """The places a text speaks for: (its head, the names it gives three times or more)."""
    names: dict[str, int] = {}
    for _, name in _place_subjects(norm):
        for cut in range(len(name) - 1):
            names.setdefault(name[cut:], 0)
    return _head(norm), {name for name in names if norm.count(name) >= 3}


def _is_own(name: str, own: tuple[str, set[str]]) -> bool:
    """今年某县 is 某县's: any tail of the run before 市/县/区/旗 named in the head (with its stem of two characters or
    more, 锦州 for 锦州市) or often."""
    head, often = own
    for cut in range(len(name) - 1):
        tail = name[cut:]
        if tail in head or tail in often or (len(tail) >= 3 and tail[:-1] in head):
            return True
    return False


def other_place(norm: str, start: int, end: int, own: tuple[str, set[str]]) -> int | None:
    """Where a clause whose subject is another place (a county quoted in a city's paper) starts, or None."""
    if not _PLACE_END.search(norm, start, end):
        return None
    for at, name in _place_subjects(norm, start, end):
        if not _is_own(name, own):
            return at
    return None


_OWN_PLAN = re.compile(r"要点|计划|方案|清单|安排|打算")
_ISSUER_LINE_MAX = 60


def document_issuer(norm: str) -> tuple[str, str] | None:
    """The department whose own plan the text is, named in its title line (六安市农业农村局2024年…工作要点) or
    whose field the title names (2024年全市农业农村工作要点): (as written, standard name), None when the title names
    no department or field, or several.  The title may stand under a site's furniture (计划总结⏎索引号:…⏎浙江省卫生
    健康委关于印发2023年浙江省卫生健康工作要点的通知), so the first lines are read; a government's own plan (…人民政府
    办公室关于印发…) has no issuing bureau.  A paper's account of a bureau's plan (市住建局…要求…。该局提出,一是…)
    names the bureau before 该局."""
    lines = [line.strip() for line in norm.lstrip()[:_ISSUER_HEAD].split("\n") if line.strip()][:_ISSUER_LINES]
    for line in lines:
        if len(line) > _ISSUER_LINE_MAX or not _OWN_PLAN.search(line):
            continue
        if "政府" in line:
            return None
        found = _issuer_of(line)
        if found:
            return found
    return _news_bureau(norm)


_ISSUER_HEAD, _ISSUER_LINES = 600, 10


def _issuer_of(line: str) -> tuple[str, str] | None:
    named = {standard for _, _, standard in named_departments(line)}
    if len(named) > 1:
        return None
    if named:
        written = next(w for _, w, _ in named_departments(line))
        return written, named.pop()
    # 2024年全市农业农村工作要点: a field's own work points, its bureau's plan
    field = _FIELD_PLAN.search(line)
    lead = suggest_lead(field.group(1)) if field else None
    return (field.group(1), lead.lead) if lead and lead.lead else None


# 市住建局迅速学习贯彻会议精神,…。该局提出,一是…: the bureau the story is about proposes the works
# 市卫生健康委组织召开…媒体沟通会。会上介绍了2025年重点工作: the bureau's own briefing tells its works
_THIS_BUREAU = re.compile(r"该(?:局|委)(?:提出|表示|明确|要求|将|计划)"
                          r"|会上(?:介绍|通报|发布)了?(?:20\d\d年)?(?:全年)?(?:重点)?工作")
# 县交通运输系统将认真贯彻落实会议精神。一是…: a field's units answering a report with their works
_FIELD_ANSWERS = re.compile(r"[市县区]([\u4e00-\u9fff]{2,8}?)系统将(?:认真)?(?:贯彻落实|贯彻|落实)")
_NEWS_HEAD = 300


def _news_bureau(norm: str) -> tuple[str, str] | None:
    this = _THIS_BUREAU.search(norm)
    if this is None:
        field = _FIELD_ANSWERS.search(norm, 0, _NEWS_HEAD * 2)
        lead = suggest_lead(field.group(1)) if field else None
        return (field.group(1), lead.lead) if lead and lead.lead else None
    named = [(w, standard) for _, w, standard in named_departments(norm[:min(this.start(), _NEWS_HEAD)])]
    if len({standard for _, standard in named}) != 1:
        return None
    return named[0]  # the bureau as first written (市住建局…市住房和城乡建设局: not a set's arbitrary pick)


# 全市卫生健康工作要点, 全县农业农村工作计划: the work points of one field
_FIELD_PLAN = re.compile(r"全(?:市|县|区|省)([\u4e00-\u9fff]{2,8}?)(?:系统)?(?:工作)?(?:要点|计划)")


# 编者按:2024年,我们…。为此,本号特分七期推出…专栏: the editor's note over a column, no plan of the government
_EDITOR_NOTE = re.compile(r"^[ \t\u3000]*(?:【)?(?:编者按|编者的话|编辑按|编前语)(?:】)?[:：]?[^\n]*", re.M)


def editor_notes(norm: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs an editor's note opens (编者按:…): the column's framing, no commitment."""
    return [m.span() for m in _EDITOR_NOTE.finditer(norm)]

