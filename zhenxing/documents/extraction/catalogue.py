"""The indicator catalogue: canonical codes, Chinese names and the synonyms texts use.

normalise_indicator maps an indicator as written to its entry by the longest
synonym it contains (单位地区生产总值能耗 is energy intensity, not GDP, because
its synonym is longer).  Unknown indicators give None; callers keep them as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import normalise


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    name: str
    synonyms: tuple[str, ...]


def _entry(code: str, name: str, *synonyms: str) -> CatalogueEntry:
    return CatalogueEntry(code, name, (name, *synonyms))


CATALOGUE: tuple[CatalogueEntry, ...] = (
    _entry("gdp", "地区生产总值", "GDP", "全市地区生产总值", "生产总值", "经济总量"),
    _entry("energy_intensity", "单位地区生产总值能耗", "单位GDP能耗", "万元GDP能耗", "单位生产总值能耗"),
    _entry("industrial_value_added", "规模以上工业增加值", "规上工业增加值", "工业增加值"),
    _entry("industrial_output", "工业总产值", "规模以上工业总产值", "规上工业总产值"),
    _entry("fixed_asset_investment", "固定资产投资", "全社会固定资产投资"),
    _entry("public_budget_revenue", "一般公共预算收入", "地方一般公共预算收入", "公共财政预算收入", "预算收入"),
    _entry("retail_sales", "社会消费品零售总额", "社零总额", "社会消费品零售额"),
    _entry("urban_new_jobs", "城镇新增就业", "新增城镇就业", "城镇新增就业人数"),
    _entry("urban_unemployment", "城镇登记失业率", "登记失业率", "城镇调查失业率"),
    _entry("cpi", "居民消费价格涨幅", "居民消费价格指数", "CPI", "物价涨幅"),
    _entry("pm25", "PM2.5平均浓度", "PM2.5浓度", "细颗粒物平均浓度", "细颗粒物浓度"),
    _entry("good_air_days", "优良天数", "空气质量优良天数", "优良天数比例", "优良天数达标率"),
    _entry("disposable_income", "居民人均可支配收入", "城乡居民人均可支配收入", "人均可支配收入"),
    _entry("urban_disposable_income", "城镇常住居民人均可支配收入", "城镇居民人均可支配收入"),
    _entry("rural_disposable_income", "农村常住居民人均可支配收入", "农村居民人均可支配收入", "农民人均纯收入"),
    _entry("foreign_trade", "外贸进出口总额", "进出口总额", "外贸进出口", "进出口额"),
    _entry("foreign_investment", "实际利用外资", "实际使用外资", "利用外资"),
    _entry("domestic_investment", "实际到位内资", "招商引资实际到位资金", "实际到位资金"),
    _entry("high_standard_farmland", "高标准农田", "新建高标准农田", "高标准农田建设"),
    _entry("grain_output", "粮食产量", "粮食总产量", "粮食总产"),
    _entry("grain_area", "粮食播种面积", "粮食种植面积"),
    _entry("rnd_spending", "全社会研发投入", "研发经费投入", "R&D经费投入", "研发投入"),
    _entry("high_tech_enterprises", "高新技术企业", "国家高新技术企业"),
    _entry("tech_smes", "科技型中小企业"),
    _entry("new_market_entities", "新增经营主体", "新增市场主体", "新登记经营主体", "新登记市场主体"),
    _entry("large_industrial_firms", "规模以上工业企业", "规上工业企业"),
    _entry("signed_projects", "签约亿元以上项目", "亿元以上签约项目"),
    _entry("started_projects", "开复工重点项目", "开(复)工亿元以上项目", "开工项目"),
    _entry("port_throughput", "港口货物吞吐量", "货物吞吐量"),
    _entry("container_throughput", "集装箱吞吐量"),
    _entry("afforestation", "造林", "造林绿化", "植树造林"),
    _entry("water_quality", "国考断面河流水质优良率", "国考断面水质优良比例", "地表水水质优良比例"),
    _entry("old_communities", "老旧小区改造", "改造老旧小区"),
    _entry("rural_roads", "农村公路建设改造", "建设改造农村公路", "农村公路"),
    _entry("pension_insured", "基本养老保险参保人数", "养老保险参保人数"),
    _entry("urbanisation_rate", "常住人口城镇化率", "城镇化率", "户籍人口城镇化率"),
    _entry("forest_cover", "森林覆盖率", "林木覆盖率"),
    _entry("rnd_intensity", "研发经费投入强度", "研发投入强度", "R&D经费投入强度",
           "全社会研发经费投入占地区生产总值比重"),
    _entry("tourism_revenue", "旅游综合收入", "旅游收入", "旅游总收入"),
    _entry("tourist_visits", "接待游客", "接待游客人次", "游客接待量"),
    _entry("life_expectancy", "人均预期寿命"),
)

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub("", normalise(text)).upper()


@lru_cache(maxsize=1)
def _synonym_index() -> tuple[dict[str, CatalogueEntry], re.Pattern[str]]:
    """Every synonym's key → its entry, and one regex that finds, at every offset, the longest synonym there."""
    entries: dict[str, CatalogueEntry] = {}
    for entry in CATALOGUE:
        for synonym in entry.synonyms:
            entries.setdefault(_key(synonym), entry)
    words = sorted(entries, key=len, reverse=True)
    return entries, re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")


@lru_cache(maxsize=8192)
def normalise_indicator(text: str) -> CatalogueEntry | None:
    """The catalogue entry for an indicator as written, or None when it is not catalogued: the entry of the
    synonym it is, else of the longest synonym it contains (单位地区生产总值能耗 is energy intensity)."""
    key = _key(text or "")
    if not key:
        return None
    entries, pattern = _synonym_index()
    if key in entries:
        return entries[key]
    found = [m.group(1) for m in pattern.finditer(key)]
    return entries[max(found, key=len)] if found else None
