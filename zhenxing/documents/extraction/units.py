"""Measure words (units) that may follow a number, and their families."""

from __future__ import annotations

import re

# Base units as written after a number (a magnitude 万/亿 may precede them).
# Compound rates come first so that 元/吨 wins over 元.
BASE_UNITS: tuple[str, ...] = (
    "微克/立方米", "毫克/立方米", "μg/m³", "μg/m3", "mg/m³", "mg/m3",
    "毫克/升", "元/平方米", "元/吨", "元/亩", "元/人", "元/月",
    "立方米/日", "立方米/天", "吨/日", "吨/天",  # a plant's daily capacity (新增污水处理能力8.84万立方米/日)
    "个百分点", "百分点", "个千分点", "千分点", "个工作日", "工作日",
    "平方公里", "平方千米", "平方米", "立方米", "千公顷", "公顷", "亩",
    "公里", "千米", "延米", "米",
    "万千瓦", "千瓦时", "兆瓦时", "吉瓦时", "千瓦", "兆瓦", "吉瓦", "千伏", "度",
    "千升",  # 年产5万千升啤酒: a brewery's or a distillery's capacity
    "兆",  # 接入带宽达到20兆以上: bandwidth (Mbps), only with an Arabic number (not 千兆光网)
    "kWh", "MWh", "GWh", "kW", "KW", "MW", "GW",  # 万鑫顺达100MW光伏: a capacity written in Latin letters
    "标准箱", "标箱", "千克", "公斤", "吨", "斤", "担",
    "美元", "欧元", "元",
    "人次", "户次", "家次", "车次", "架次", "场次", "批次", "台套", "台件", "头只", "批",
    "个", "家", "户", "人", "名", "位",
    "套", "所", "项", "次", "天", "小时", "分钟", "秒", "期",
    "张", "台", "辆", "艘", "架", "场", "件", "处", "条", "笔", "枚", "座", "栋", "幢",
    "间", "种", "支", "宗", "块", "份", "部", "篇", "册", "株", "棵", "头", "只", "羽",
    "床", "盏", "根", "段", "轮", "倍", "匹", "峰", "群", "片", "列", "封", "本", "起", "例", "%", "‰",
)

UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(BASE_UNITS, key=len, reverse=True))

# Units of production capacity: a number with one of these directly followed by a
# noun is the capacity inside a project's name (锦州石化40万吨针状焦).
CAPACITY_UNITS = frozenset({
    "吨", "兆瓦", "千瓦", "万千瓦", "吉瓦", "千瓦时", "兆瓦时", "吉瓦时", "标箱", "标准箱", "立方米", "千伏", "千升",
    "kW", "KW", "MW", "GW", "kWh", "MWh", "GWh",
})

# Units that count discrete things (个, 家 …): a count directly followed by a
# noun names the thing counted (引进5个人才团队).
COUNT_UNITS = frozenset({
    "个", "家", "户", "人", "名", "位", "套", "所", "项", "次", "张", "台", "辆", "艘", "架",
    "场", "件", "处", "条", "笔", "枚", "座", "栋", "幢", "间", "种", "支", "宗", "块", "份",
    "部", "篇", "册", "株", "棵", "头", "只", "羽", "床", "盏", "根", "段", "轮", "批次",
    "场次", "人次", "户次", "家次", "车次", "架次", "台套", "台件", "头只", "匹", "峰", "群", "批", "列", "封", "本",
    "起", "例",  # 查处违法行为31起, 开展胃肠癌联合筛查1万例: cases counted
})

MONEY_UNITS = frozenset({"元", "美元", "欧元"})

# Units of a grade: with 及以下 / 以上 they name a class of things (10千伏及以下配电网), not an amount.
GRADE_UNITS = frozenset({"千伏"})
