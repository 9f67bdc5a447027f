"""Department names: which written name is which standard department, and how a government writes it.

DEPARTMENTS lists each department under its standard short name (as SPEC's task records name them) with the other
names cities (委) and counties (局) give it (发改委 = 发展和改革委员会 = 发展改革委).  canonical and standard_name map
a name as written (市发改委, 省财政厅, *市委组织部(市委人才办)) to the engine's name, so that a text's, a table's and a
reviewer's names compare equal (same_unit); local_name and document_level go the other way, writing the standard
name as a county or a city does; stand_in names the department that does the work where a government has none of
the one the keywords point at (林业和草原局 → 自然资源局).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .trie import trie_pattern

DEPARTMENTS: tuple[tuple[str, ...], ...] = (
    # each department under its standard short name, then the names cities (委) and counties (局) give it
    ("发展改革委", "发展和改革委员会", "发展改革委员会", "发展和改革委", "发展和改革局", "发展改革局", "发改委",
     "发改局",
     # the price bureau was folded into the planners in the 2018 reform (物价局 in older decompositions)
     "物价局", "物价监督管理局", "物价监管局"),
    ("工业和信息化局", "工业和信息化委员会", "工业和信息化委", "工业信息化局", "经济和信息化局", "经济和信息化委员会",
     "经济和信息化委", "经济信息化局", "经济信息化委", "工业商务和信息化局", "工信局", "工信委", "经信局", "经信委",
     # its forerunner, the economic commission (prefixed: 财经委 is the congress's finance committee)
     "市经委", "县经委", "区经委", "省经委"),
    ("商务局", "商务和投资促进局", "商务委员会", "商务委", "商务和粮食局"),
    ("投资促进局", "投资促进中心", "投促局"),
    ("财政局",),
    ("农业农村局", "农业农村委员会", "农业农村委", "乡村振兴局", "农业局", "农委",
     # the poverty-relief office, renamed 乡村振兴局 in 2021 and since folded into agriculture
     "扶贫开发领导小组办公室", "扶贫开发办公室", "扶贫办"),
    ("教育局", "教育和体育局", "教育体育局", "教育委员会", "教育委", "教体局", "教育科技局"),
    ("卫生健康委", "卫生健康委员会", "卫生健康局", "卫生和健康委", "卫生计生委", "卫健委", "卫健局", "卫计委",
     "卫计局",
     # its forerunners (卫生局, the family-planning commission) and the offices it houses (爱卫办, 老龄办)
     "卫生和计划生育委员会", "人口和计划生育委员会", "人口计生委", "计生委", "计生局", "卫生局", "爱卫办",
     "老龄办"),
    ("民政局",),
    ("住房城乡建设局", "住房和城乡建设局", "住房和城乡建设委员会", "住房城乡建设委员会", "住房和城乡建设委",
     "住房城乡建设委", "住房城乡建委", "城乡建委",  # 区住房城乡建委 (重庆's districts)
     "城乡建设局", "住房保障和房产管理局", "房产管理局", "房管局", "住建局", "住建委", "建设局",
     # its forerunner, the construction commission (prefixed or whole: 组建委员会 is no 建委)
     "城乡建设委员会", "城市建设委员会", "市建委", "县建委", "区建委"),
    ("生态环境局", "生态环境分局", "环境保护局", "环保局"),
    ("交通运输局", "交通运输委员会", "交通运输委", "交通局"),
    ("自然资源局", "自然资源和规划局", "规划和自然资源局", "规划和自然资源委员会", "自然资源规划局", "自然资源分局",
     "国土资源局", "国土局", "规划局", "自规局", "资规局"),
    ("营商环境建设局", "营商环境建设监督局", "营商环境局", "营商局", "行政审批服务局", "行政审批局",
     "政务服务管理局", "政务服务和数据管理局", "政务服务数据管理局", "政数局", "政务服务中心", "政务服务局"),
    ("文化旅游局", "文化旅游和广播电视局", "文化广电和旅游局", "文化广电旅游局", "文化和旅游局",
     "文化广电体育和旅游局", "文化体育和旅游局", "文化旅游体育局", "文体旅游局", "文广旅体局", "文广新旅局",
     "文广旅局", "文旅局", "文旅体局", "旅游局",
     # older and provincial forms (旅游委, 文广新局, 海南's 旅文厅)
     "旅游发展委员会", "旅游委", "文广新局", "文广局", "文化局", "广电局", "旅文厅"),
    ("科技局", "科学技术局", "科技和工业信息化局", "科技创新局", "科学技术委员会", "科委"),
    ("人力资源社会保障局", "人力资源和社会保障局", "人力社保局", "人社局",
     # its forerunners, the labour and the personnel bureaus
     "劳动和社会保障局", "劳动保障局", "劳动局", "人事局"),
    ("水利局", "水务局", "水利和湖泊局", "水务和湖泊局"),
    ("应急管理局", "应急局", "安全生产监督管理局", "安全监管局", "安监局"),  # 安监局 before the 2018 reform
    # the fire brigade, renamed in the 2018 reform (公安消防大队 → 消防救援大队)
    ("消防救援大队", "消防大队", "公安消防大队"),
    ("消防救援支队", "消防支队", "公安消防支队"),
    ("市场监管局", "市场监督管理局", "市场监督管理分局", "市场监管分局", "市场和质量监督管理局", "市监局",
     # the three bodies it merged in 2018: industry and commerce, quality supervision, food and drugs
     "工商行政管理局", "工商局", "质量技术监督局", "质监局", "食品药品监督管理局", "食品药品监管局", "食药监局"),
    ("公安局", "公安分局"),
    ("司法局",),
    ("统计局",),
    ("审计局",),
    ("医疗保障局", "医保局"),
    ("退役军人事务局", "退役军人局"),
    ("林业和草原局", "林业局", "林草局"),
    ("体育局", "文化体育局"),
    ("城市管理局", "城市管理综合行政执法局", "城市管理和综合执法局", "综合行政执法局", "城市管理执法局",
     "城市管理委员会", "城市管理委", "城管执法局", "城管委", "城管局", "园林绿化局", "园林局", "绿化市容局"),
    ("国资委", "国有资产监督管理委员会", "国资局"),
    ("金融发展局", "地方金融监督管理局", "地方金融管理局", "金融工作局", "金融工作办公室", "金融服务中心", "金融办",
     "金融局"),
    ("数据局", "大数据发展管理局", "数据资源管理局", "数据资源局", "大数据局"),
    ("粮食和物资储备局", "粮食局"),
    ("信访局",),
    ("住房公积金管理中心", "住房公积金中心", "公积金中心"),
    ("民族宗教事务局", "民族宗教事务委员会", "民族宗教局", "民宗局", "民宗委"),
    ("机关事务管理局", "机关事务局"),
    ("税务局",),
    ("气象局",),
    ("邮政管理局", "邮政局"),
    ("人防办", "人民防空办公室", "国防动员办公室", "国动办", "人防局"),
    ("供销社", "供销合作社", "供销合作联社"),
    ("政府办公室", "政府办公厅"),  # not 政府办: 市政府办好十件实事; a province's 省政府办公厅
    # the party's departments that lead tasks in decompositions (人才, 文明城市, 平安建设): named as the city's
    ("市委组织部", "县委组织部", "区委组织部", "组织部", "人才工作领导小组办公室", "人才办"),
    ("市委宣传部", "县委宣传部", "区委宣传部", "宣传部", "文明办"),
    ("市委政法委", "县委政法委", "区委政法委", "政法委"),
    ("市委统战部", "县委统战部", "区委统战部", "统战部"),
    ("市委网信办", "县委网信办", "区委网信办", "网信办"),
    ("市委编办", "县委编办", "区委编办", "机构编制委员会办公室", "编办"),
    # the discipline commission, with the government's supervision bureau (监察局) merged into it in 2018
    ("纪委监委", "纪律检查委员会", "监察委员会", "纪委", "监委", "监察局"),
    ("市委老干部局", "县委老干部局", "区委老干部局", "老干部局"),
    ("市委党校", "县委党校", "区委党校", "党校"),
    # people's organisations that lead livelihood items in decompositions (残疾人, 青少年, 职工)
    ("残联", "残疾人联合会"),
    ("团市委", "团县委", "团区委", "共青团"),
    ("总工会", "工会"),
    ("妇联", "妇女联合会"),
    ("科协", "科学技术协会"),
    # (not 工商联, consulted with 民主党派 far more often than leading; not 红十字会, a hospital's name)
    ("文联", "文学艺术界联合会"),
    ("侨联", "归国华侨联合会"),
)


@lru_cache(maxsize=1)
def alias_index() -> tuple[tuple[str, str], ...]:
    pairs = [(alias, names[0]) for names in DEPARTMENTS for alias in names]
    # a province's department is a 厅 where the city's is a 局 (省财政厅, 自治区住房城乡建设厅, 农业农村厅)
    known = {alias for alias, _ in pairs}
    pairs += [(alias[:-1] + "厅", standard) for alias, standard in list(pairs)
              if alias.endswith("局") and len(alias) > 2 and alias[:-1] + "厅" not in known]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=4096)
def canonical(name: str | None) -> str | None:
    """The standard short name of a department as written (市发改委 → 发展改革委, 县发展和改革局 → 发展改革委), or
    None."""
    text = (name or "").strip()
    for alias, standard in alias_index():
        if alias in text:
            return standard
    return None


def standard_name(unit: str) -> str:
    """A unit as a text or a reviewer names it, as the engine names it: the department's standard short name
    (市发展改革委 = 市发改委 = 县发展和改革局 → 发展改革委), else the name without the city's prefix and asides
    (*市委组织部(市委人才办) → 市委组织部, 市嘉源集团 → 嘉源集团, 嘉善县政府 stays)."""
    unit = _ASIDE.sub("", unit.strip().lstrip("*")).strip()
    found = canonical(unit)
    if found:
        return found
    if unit.endswith("厅"):  # 省财政厅, 省工业和信息化厅: a province's department, the city's 财政局
        found = canonical(unit[:-1] + "局")
        if found:
            return found
    unit = unit[1:] if unit[:1] in "市县区" and len(unit) > 3 and unit[1:2] != "委" else unit
    # 县政府园区发展服务中心: a centre under the government is named without it (not 政府办公室)
    return unit[2:] if unit.startswith("政府") and unit.endswith("中心") and len(unit) >= 8 else unit


# The names a county's or a district's government gives the departments a city calls otherwise.
_COUNTY_FORMS = {"发展改革委": "发展和改革局", "卫生健康委": "卫生健康局", "住房城乡建设局": "住房和城乡建设局",
                 "人力资源社会保障局": "人力资源和社会保障局", "国资委": "国有资产监督管理局"}
_LEVEL_WORDS = {level: re.compile(rf"全{level}|本{level}|我{level}|{level}委|{level}政府|{level}人民政府")
                for level in "省市县区"}


def document_level(text: str) -> str:
    """The level of government a text speaks for (县 for a county's report: 全县, 县委, 县政府…), or ""."""
    counts = {level: len(rx.findall(text)) for level, rx in _LEVEL_WORDS.items()}
    level = max(counts, key=lambda k: counts[k])
    return level if counts[level] >= 2 else ""


def local_name(standard: str, level: str) -> str:
    """A department's name as a government of `level` writes it (发展改革委: 市 → 市发展改革委, 县 → 县发展和改革局;
    市委组织部: 县 → 县委组织部), the standard name when the level is unknown or a province's."""
    if level not in ("市", "县", "区") or not standard:
        return standard
    if standard.startswith("市委") or standard == "团市委":
        return standard.replace("市", level, 1)
    if canonical(standard) != standard:
        return standard  # a body the table does not know (城投集团): as written
    return level + (_COUNTY_FORMS.get(standard, standard) if level != "市" else standard)


# Departments many governments do not have, their work done by another since the 2018 reform (a province has a
# 林业和草原局, most cities and counties put forestry under 自然资源局): the unit to suggest when the organisation
# has no unit of the department the keywords point at.
_STAND_INS = {"林业和草原局": "自然资源局", "投资促进局": "商务局", "数据局": "营商环境建设局",
              "粮食和物资储备局": "发展改革委", "体育局": "文化旅游局",
              # a county's 国资 and 金融 offices sit in its 财政局, its 人防 in 住建, 民族宗教 in the 统战部 since the
              # 2018 reform; 邮政管理 is the state's (the transport system's), 机关事务 the government office's
              "国资委": "财政局", "金融发展局": "财政局", "人防办": "住房城乡建设局", "民族宗教事务局": "市委统战部",
              "邮政管理局": "交通运输局", "机关事务管理局": "政府办公室"}


def stand_in(standard: str) -> str | None:
    """The department that does the work of `standard` where a government has none of it (林业和草原局 → 自然资源局),
    or None."""
    return _STAND_INS.get(standard_name(standard)) if standard else None


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two names are the same department (市发展改革委 and 市发改委; 县住建局 and 住房城乡建设局)."""
    return bool(a and b) and standard_name(a) == standard_name(b)


_ASIDE = re.compile(r"[(（][^()（）]{0,12}[)）]")


@lru_cache(maxsize=1)
def alias_end() -> re.Pattern[str]:
    """The characters a department's name ends with (局, 委, 办, 厅, 部…), as one class."""
    return re.compile("[" + "".join(sorted({alias[-1] for alias, _ in alias_index()})) + "]")


@lru_cache(maxsize=1)
def alias_pattern() -> re.Pattern[str]:
    return trie_pattern(alias for alias, _ in alias_index())


# A level before a department's name in a table's cell (县发改委, 市发改委, 省财政厅, 自治区住建厅)
_LEVEL_PREFIX = re.compile(r"(?:自治区|[省市县区州盟旗镇乡])?")
_CELL_PARTS = re.compile(r"[、,;]")


def unit_cell(text: str) -> bool:
    """A table's cell naming only departments (县发改委; 县财政局、县税务局): each part a department's name,
    perhaps after its level, and nothing else."""
    named = False
    for part in _CELL_PARTS.split(text):  # walk tests every sentence: its first part ends the test there
        part = part.strip()
        if part:
            if not _whole_alias(part):
                return False
            named = True
    return named


def _whole_alias(part: str) -> bool:
    rest = part[_LEVEL_PREFIX.match(part).end():]
    found = alias_pattern().fullmatch(rest)
    return found is not None or (part.endswith("厅") and bool(alias_pattern().fullmatch(rest[:-1] + "局")))
