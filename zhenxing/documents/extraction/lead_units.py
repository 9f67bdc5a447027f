"""Which department (单位) usually leads a task, guessed from keywords of its sentence.

DEFAULT_KEYWORD_UNITS is a plain dict (keyword → unit name) so that an admin can
keep an edited copy in the database and pass it to suggest_unit instead.
"""

from __future__ import annotations

DEFAULT_KEYWORD_UNITS: dict[str, str] = {
    "高标准农田": "农业农村局", "粮食": "农业农村局", "乡村振兴": "农业农村局", "农业": "农业农村局",
    "农村": "农业农村局", "设施农业": "农业农村局", "种业": "农业农村局",
    "招商": "商务局", "外资": "商务局", "进出口": "商务局", "外贸": "商务局", "消费": "商务局",
    "养老": "民政局", "社会救助": "民政局", "低保": "民政局",
    "营商环境": "营商局", "政务服务": "营商局", "一网通办": "营商局",
    "教育": "教育局", "学校": "教育局", "幼儿园": "教育局", "高中": "教育局",
    "医院": "卫生健康委", "医疗": "卫生健康委", "卫生": "卫生健康委", "中医药": "卫生健康委",
    "道路": "交通运输局", "交通": "交通运输局", "公路": "交通运输局", "高速": "交通运输局",
    "工业": "工信局", "企业": "工信局", "数字化": "工信局", "专精特新": "工信局",
    "项目": "发改委", "投资": "发改委", "能耗": "发改委",
    "生态": "生态环境局", "PM2.5": "生态环境局", "污染": "生态环境局", "水质": "生态环境局",
    "就业": "人社局", "社会保险": "人社局", "人才": "人社局",
    "文旅": "文旅局", "旅游": "文旅局", "景区": "文旅局", "文化": "文旅局",
    "住房": "住建局", "棚户": "住建局", "老旧小区": "住建局", "城市更新": "住建局", "供热": "住建局",
    "财政": "财政局", "预算收入": "财政局", "债务": "财政局",
    "科技": "科技局", "创新": "科技局", "高新技术": "科技局",
    "造林": "自然资源局", "国土空间": "自然资源局", "耕地": "自然资源局", "矿山": "自然资源局",
    "安全生产": "应急管理局", "防汛": "应急管理局", "应急": "应急管理局",
    "水库": "水利局", "河道": "水利局", "河长制": "水利局",
    "金融": "金融发展局", "融资": "金融发展局",
    "市场主体": "市场监管局", "经营主体": "市场监管局", "食品安全": "市场监管局",
    "治安": "公安局", "扫黑除恶": "公安局",
    "体育": "体育局", "赛事": "体育局",
    "港口": "港航局", "物流": "商务局",
}


def suggest_unit(sentence: str, table: dict[str, str] | None = None) -> str | None:
    """The unit of the longest keyword found in `sentence`; the table's order breaks ties.

    A longer keyword is more specific (高标准农田 before 农业, 老旧小区 before 项目).
    """
    table = DEFAULT_KEYWORD_UNITS if table is None else table
    best: tuple[int, str] | None = None
    for keyword, unit in table.items():
        if keyword and keyword in sentence and (best is None or len(keyword) > best[0]):
            best = (len(keyword), unit)
    return best[1] if best else None
