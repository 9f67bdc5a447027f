"""Named investment projects in a text, their capacity and stage, and matching to a ledger.

Two shapes name a project:
- a capacity inside a name: 锦州石化40万吨针状焦, 国电投黑山500兆瓦风电;
- a list closed by 等…项目 (北方能源基地、中电光谷锦州智谷等项目), or a single name
  ending in 项目/工程/基地/产业园 after its owner or place (国机零碳产业园).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ...patterns import quick
from .layout import Prepared, prepare
from .project_words import PROGRAMME_END, WORKS_END, is_common
from .quantities import find_quantities
from .text import is_cjk, normalise
from .units import CAPACITY_UNITS

# Stage cues, longest first so that 建成投产 reads as operating, not completed.
_STAGES = (
    ("建成投产", "operating"), ("开工建设", "started"), ("开(复)工", "started"), ("开复工", "started"),
    ("投产", "operating"), ("达产", "operating"), ("竣工", "completed"), ("建成", "completed"),
    ("开工", "started"), ("落地", "landed"), ("签约", "signed"),
)
_STAGE_RE = re.compile("|".join(re.escape(cue) for cue, _ in _STAGES))
_STAGE_OF = dict(_STAGES)

_LIST_RE = re.compile(r"([^,;:。!?\n]{2,160}?)等(?:一批)?(?:[\u4e00-\u9fff]{0,6})?项目")
# Alone, "…项目" is nearly always generic (重点项目, 支持项目): only 工程/基地/产业园 name one.
_SUFFIX_RE = re.compile(r"([^,;:。!?、\n]{4,30}?(?:工程|基地|产业园))")
# Words that end the text before a name: the name starts after the last of them.
_BEFORE_NAME = re.compile(
    r"推进|加快|实施|开工建设|建设|启动|引进|签约|打造|谋划|完成|促进|力促|争取|加紧|新建|建成|开工|落地|"
    r"投入|依托|推动|申报|做实|实现|支持|发展|特别是|其中|以及|和|及|与|同时|目前|今年|全年|更多|一批|"
    r"坚持|抓|把|以|用|要|围绕|聚焦|加大|引育|严把"
)
# Verbs and adverbs that may open the text before a name (全力推进, 确保, 开工建设…).
_LEADING_VERBS = quick(
    r"(?:全力|加快|加速|加紧|大力|积极|着力|扎实|稳步|全面|重点|持续|深入|主动|努力|继续|有序|力争|确保|力促|"
    r"推进|推动|促进|实施|开工建设|开工|新建|续建|建成|建设|启动|完成|争取|做好|抓好|谋划|打造|引进|落地|签约|"
    r"竣工|投产|围绕|依托|聚焦|支持|服务|保障|规划|配套|更多|一批|各类|形成|构建|培育|壮大|建立|组建|筹建|申建|"
    r"争创|创建|以|把|将|对|为|作为|使|让|再|一(?:条|个|座|家|处|座))+"
)
# A count inside a name (友邻2座病险水库…): the text counts projects, it does not name one.
_COUNT_INSIDE = re.compile(r"\d+(?:个|座|条|所|处|家|项|批|宗|大)")
_GENERIC = re.compile(
    r"^(?:\d|重点|重大|一批|亿元|产业项目|工业项目|优质|储备|签约|开工|民生|帮扶|招商|老工业|产业基地)|以上|等|个|项(?!目)|"
    r"重大工程|重点工程|示范工程|国家|省级|纳入|入围|命名|获评|能力|兜底|的|\+"
)
_NAME_STOP = quick(r"项目|工程|[等和与及]|建成|投产|开工|落地|签约|顺利|建设|正在|已|加快|推进")
_SPLIT = re.compile(r"、|和(?=[\u4e00-\u9fff]{4})")

_QUOTES = re.compile(r"[“”‘’\"'「」『』]")
_PROJECT_END = re.compile(r"(?:项目|工程)$")
_NUMERAL_LEAD = re.compile(r"^[一二三四五六七八九十两]+(?:大|项|个|条)")

MATCH_THRESHOLD = 85.0  # rapidfuzz ratio (0–100) on names without 项目/工程 and spaces
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ProjectMention:
    """A project named in a text; capacity and stage when the text gives them."""

    name: str
    capacity_value: float | None
    capacity_unit: str
    stage: str | None  # planned codes: started, operating, completed, landed, signed
    start: int
    end: int
    confidence: str = "high"  # "low" for improvement works named 工程 (…巩固提升工程): check them


def extract_projects(text: str) -> list[ProjectMention]:
    """Projects named in `text`, in order, one per (name, position)."""
    prepared = prepare(text)
    norm = prepared.norm
    found: dict[tuple[int, int], ProjectMention] = {}
    for mention in _capacity_names(prepared, norm):
        found[(mention.start, mention.end)] = mention
    for start, end in _listed_names(norm):
        if not any(s <= start < e or start <= s < end for s, e in found):
            found[(start, end)] = _mention(prepared, norm, start, end, None, "")
    return [found[key] for key in sorted(found)]


def _capacity_names(prepared: Prepared, norm: str) -> list[ProjectMention]:
    out = []
    for q in find_quantities(norm):
        if q.base_unit not in CAPACITY_UNITS or q.end >= len(norm) or not is_cjk(norm[q.end]):
            continue
        start = _name_start(norm, q.lead)
        end = _name_end(norm, q.end)
        if end - q.end >= 2:
            out.append(_mention(prepared, norm, start, end, q.value, q.unit))
    return out


def _listed_names(norm: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LIST_RE.finditer(norm):
        pos = m.start(1)
        for item in _SPLIT.split(m.group(1)):
            spans.extend(_clean_span(norm, pos, pos + len(item)))
            pos += len(item) + 1
    for m in _SUFFIX_RE.finditer(norm):
        spans.extend(_clean_span(norm, m.start(1), m.end(1)))
    return spans


def _clean_span(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    start = _after_last_verb(norm, start, end - 4)
    while start < end and not is_cjk(norm[start]):
        start += 1
    start = _skip_leading_verbs(norm, start, end)
    name = norm[start:end]
    if len(name) < 4 or not is_cjk(name[-1]) or _GENERIC.search(name) or _QUOTES.search(name):
        return []
    if _COUNT_INSIDE.search(name) or _NUMERAL_LEAD.match(name) or PROGRAMME_END.search(name):
        return []
    if is_common(_PROJECT_END.sub("", name)):
        return []
    return [(start, end)]


def _skip_leading_verbs(norm: str, start: int, end: int) -> int:
    m = _LEADING_VERBS.match(norm, start, end)
    return m.end() if m and end - m.end() >= 2 else start


def _after_last_verb(norm: str, start: int, limit: int) -> int:
    """Skip the words before a name: it starts after the last verb or conjunction."""
    for m in _BEFORE_NAME.finditer(norm, start, max(start, limit)):
        start = m.end()
    return start


def _name_start(norm: str, lead: int) -> int:
    """Where a capacity's name starts: after the last verb before it, but an owner joined
    by 及 stays (锦甯铁矿加工及240万吨冷轧 is one project)."""
    start = lead
    while start > 0 and is_cjk(norm[start - 1]) and lead - start < 20:
        start -= 1
    for m in _BEFORE_NAME.finditer(norm, start, lead):
        if m.group() != "及":
            start = m.end()
    return _skip_leading_verbs(norm, start, lead)


def _name_end(norm: str, pos: int) -> int:
    end = pos
    while end < len(norm) and is_cjk(norm[end]) and end - pos < 12:
        stop = _NAME_STOP.match(norm, end)
        if stop:
            return stop.end() if stop.group() in ("项目", "工程") else end
        end += 1
    return end


def _mention(prepared: Prepared, norm: str, start: int, end: int, value: float | None,
             unit: str) -> ProjectMention:
    """The mention at norm[start:end]; its name and offsets are the original text's (spaces and
    line breaks of the page left out of the name)."""
    confidence = "low" if WORKS_END.search(norm[start:end]) else "high"
    a, b = prepared.span(start, end)
    return ProjectMention(name=_SPACES.sub("", prepared.text[a:b]), capacity_value=value, capacity_unit=unit,
                          stage=_stage(norm, start, end), start=a, end=b, confidence=confidence)


def _stage(norm: str, start: int, end: int) -> str | None:
    """The stage cue nearest after the name in its sentence, else the one just before it."""
    stop = min((norm.find(ch, end) for ch in "。;!?\n" if norm.find(ch, end) >= 0), default=len(norm))
    after = _STAGE_RE.search(norm, end, stop)
    if after:
        return _STAGE_OF[after.group()]
    clause = max(norm.rfind(ch, 0, start) for ch in ",。;:\n") + 1
    before = list(_STAGE_RE.finditer(norm, clause, start))
    return _STAGE_OF[before[-1].group()] if before else None


def _key(name: str) -> str:
    name = re.sub(r"\s+|[,.、“”()]", "", normalise(name))
    return re.sub(r"(?:项目|工程)$", "", name)


def match_project(name: str, existing_names: list[str]) -> tuple[str, float] | None:
    """The existing project most like `name`, with its score, or None below MATCH_THRESHOLD.

    Scores are rapidfuzz `ratio` over characters, which suits Chinese names (no
    word boundaries).  Names whose capacities differ (400 vs 500兆瓦) never match.
    """
    key = _key(name)
    if not key or not existing_names:
        return None
    keys = {existing: _key(existing) for existing in existing_names}
    best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=MATCH_THRESHOLD)
    if best is None:
        return None
    _, score, existing = best
    if _DIGITS.findall(key) != _DIGITS.findall(keys[existing]) and _DIGITS.findall(key) and \
            _DIGITS.findall(keys[existing]):
        return None
    return existing, float(score)
