"""Words that tell a named project from a kind of work or a programme.

A project's name carries something proper: an owner, a brand or a place
(锦隆染料, 国机零碳产业园, 女儿河(王宝山段)…).  A name made only of the
genre's common words (历史文化, 老旧管网改造, 智能制造产业园) names a kind of
project, not one.  Programmes (…行动, …计划) and improvement works counted by
the site (…巩固提升工程) are not construction projects of the ledger.
"""

from __future__ import annotations

import re
from functools import lru_cache

_COMMON_WORDS = """
历史 文化 温泉 康养 都市 休闲 旅游 文旅 生态 环境 环保 老旧 管网 改造 小区 维修 市政 道路 改建 污水 处理
垃圾 焚烧 发电 乡村 振兴 城市 城乡 更新 农村 饮水 安全 巩固 提升 工程 项目 基地 产业 园区 智能 制造 智慧 数字
经济 医药 生物 物流 冷链 仓储 商贸 电商 中试 科技 创新 研发 孵化 中心 平台 基础 设施 配套 公共 服务 养老
医疗 教育 学校 体育 水利 交通 能源 新能源 光伏 风电 储能 供热 供水 排水 燃气 停车 公园 绿化 棚户区 保障性
住房 高标准 农田 现代 农业 特色 示范 综合 治理 修复 保护 整治 建设 提质 扩容 升级 新建 续建 重点 重大 区域性
实训 护理员 人才 公寓 民生 水库 除险加固 病险 河道 湿地 矿山 绿色 低碳 循环 高端 装备 新材料 精细化工 化工 食品
加工 农产品 深加工 一体化 融合 发展 示范区 集聚区 开发 片区 街区 商业 综合体 体验 标准化 厂房 仓库 码头 港口
铁路 公路 高速 桥梁 隧道 管廊 地下 海绵 口袋 街角 绿地 广场 停车场 充电桩 基站 网络 数据 算力 大数据 云计算
互联网 工业 制造业 服务业 现代化 规模化 集约化 标准 高效 节水 灌溉 种植 养殖 畜牧 渔业 林业 果蔬 蔬菜 粮食
仓储物流 电子 信息 半导体 汽车 零部件 新型 材料 钢铁 冶金 石化 建材 纺织 服装 家居 轻工 康复 托育 幼儿园
背街 小巷 雨污 分流 供排水 给水 主次干道 干道 街路 巷道 路网 电网 改扩建 扩建 翻建 新改建 提标 节能 减排
医院 卫生院 社区 村级 乡镇 县域 县城 中小学 职业 技能 培训 就业 创业 双创 文体 场馆 剧院 博物馆 图书馆 景区
"""
_COMMON = frozenset(_COMMON_WORDS.split())
_COMMON_SUFFIX = frozenset("园区站馆港路桥厂线场")
_LONGEST = max(len(w) for w in _COMMON)

# Programmes and campaigns: not construction projects at all.
PROGRAMME_END = re.compile(r"(?:行动|计划|规划|方案|活动|战役|攻坚战|保卫战)$")
# Improvement works and campaigns named 工程: kept, but the ledger should check them.
WORKS_END = re.compile(
    r"(?:提升|巩固|治理|修复|整治|改造|保护|攻坚|示范|惠民|民生|便民|清洁|美化|亮化|净化|绿化|建设)工程$"
)


@lru_cache(maxsize=2048)
def is_common(name: str) -> bool:
    """True when `name` is made only of the genre's common words (a kind of project)."""
    n = len(name)
    ok = [True] + [False] * n  # ok[i]: name[:i] splits into common words
    for i in range(1, n + 1):
        if name[i - 1] in _COMMON_SUFFIX and ok[i - 1] and i > 1:
            ok[i] = True
            continue
        for k in range(max(0, i - _LONGEST), i - 1):
            if ok[k] and name[k:i] in _COMMON:
                ok[i] = True
                break
    return ok[n]
