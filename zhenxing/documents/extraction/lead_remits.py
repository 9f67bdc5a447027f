"""More remit words for the default keyword table (lead_keywords): departments' remits the governments' own
decompositions (tests/documents/data/official_leads.tsv round 6) and the gold quotes showed the table had no word for.

Each row is a department's remit as a city's or a county's 三定 names it, in the words plans use for it: not the words
of any one item.  Data only; lead_keywords adds them after its own tables (the first unit naming a word keeps it).
"""

from __future__ import annotations

# The primary sector's output (第一产业增加值) is agriculture's as the tertiary sector is the planners'; a crop,
# hollowed villages (棉花, 空心村) and rural governance agriculture's; water diversion and storage works (引江济淮,
# 引黄, 调水, 调蓄, 水源置换) and drinking water (饮用水: its sources stay the environment's) water conservancy's; a
# street garden (街头游园) and greening by gaps, demolition and walls taken down (见缝插绿, 拆违还绿, 拆墙透绿,
# 留白增绿) city management's, like its 小游园 and 口袋公园; a featured town (特色小镇) the planners' (the national
# programme); a technology bottleneck (卡脖子) science and technology's, whatever its field (its weight:
# lead_keywords); gigabit cities, ultra-HD video, the domestic IT stack (信创), a chain's leading firm (链主) and
# self-driving vehicles industry's; loose coal burnt and sulphur dioxide ecology's; a police checkpoint (检查站) the
# police's; a dilapidated bridge (危旧桥) and a village road's beauty programme transport's; a city's new
# infrastructure (城市基础设施) housing and construction's.
ROUND6_REMITS: dict[str, str] = {
    "农业农村局": "第一产业 棉花 空心村 乡村治理",
    "工业和信息化局": "千兆城市 超高清视频 超高清 信创 链主 自动驾驶",
    "水利局": "饮用水 引江济淮 引黄 调水工程 调蓄 水源置换 水源工程",
    "城市管理局": "街头游园 见缝插绿 拆违还绿 拆墙透绿 留白增绿",
    "发展改革委": "特色小镇",
    "科技局": "卡脖子",
    "生态环境局": "散煤 二氧化硫",
    "公安局": "检查站",
    "交通运输局": "危旧桥 美丽农村路",
    "住房城乡建设局": "城市基础设施",
}
