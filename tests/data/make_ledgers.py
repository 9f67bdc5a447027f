"""Make the sample ledgers in tests/data (run: python tests/data/make_ledgers.py). Names match tests.factories.

ledger_valid.xlsx: a title row above the header, columns out of order, full-width brackets and spaces in the
headers, dates as Excel dates and as text, a synonym stage, an unknown extra column.
ledger_errors.xlsx: one row per kind of error the import reports, and two good rows.
"""

from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def valid() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "项目台账"
    sheet.append(["锦州市2025年重点项目台账"])
    sheet.append(["序号", "项目名称", "项目编号", "所在地区", "牵头单位", "包保领导", "项目管家", "产业集群",
                  "三篇大文章", "投资主体", "总投资（万元）", "年度计划投资 (万元)", "累计完成投资（万元）",
                  "项目阶段", "项目状态", "实际签约时间", "实际开工时间", "计划竣工时间", "项目简介", "备注"])
    sheet.append([1, "凌海市新能源汽车零部件产业园", "JZ-001", "凌海市", "市发展改革委", "王振国", "刘佳",
                  "汽车及零部件", "新字号", "锦州某新能源科技有限公司", 120000, 30000, 8000, "开工", "推进中",
                  date(2025, 1, 20), "2025/4/18", "2026年10月31日", "电池壳体与电驱系统生产线", "重点调度"])
    sheet.append([2, "黑山县现代农业产业园", "JZ-002", "黑山县", "", "王振国", "", "绿色农产品", "原字号",
                  "", "8,000", 2000, "", "储备", "", None, None, "2025-12-31", "", ""])
    sheet.append([3, "锦州港集疏运通道", "JZ-003", "锦州市", "市交通运输局", "", "张新管家", "现代物流",
                  "老字号", "锦州港股份有限公司", 56000.4, 10000, 12000, "在建", "", "2024-03-01", "2024.6.1",
                  None, "", ""])
    sheet.append([])
    return book


def errors() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.append(["项目编号", "项目名称", "所在地区", "牵头单位", "三篇大文章", "总投资(万元)", "年度计划投资(万元)",
                  "项目阶段", "实际签约时间", "实际开工时间"])
    rows = [
        ["E-001", "好的项目一", "凌海市", "市发展改革委", "新字号", 1000, 100, "签约", "2025-01-01", None],
        ["E-002", "未知地区项目", "火星县", "", "", 1000, 100, "谋划", None, None],
        ["E-003", "未知单位项目", "凌海市", "市宇宙局", "", 1000, 100, "谋划", None, None],
        ["E-004", "投资不是数字", "凌海市", "", "", "一千", 100, "谋划", None, None],
        ["E-005", "投资为负数", "凌海市", "", "", 1000, -5, "谋划", None, None],
        ["E-006", "日期无效", "凌海市", "", "", 1000, 100, "签约", "2025-02-30", None],
        ["E-001", "编号重复", "凌海市", "", "", 1000, 100, "谋划", None, None],
        ["E-008", "阶段未知", "凌海市", "", "", 1000, 100, "施工中", None, None],
        ["E-009", "三篇未知", "凌海市", "", "旧字号", 1000, 100, "谋划", None, None],
        ["E-010", None, "凌海市", "", "", 1000, 100, "谋划", None, None],
        ["E-011", "日期倒序", "凌海市", "", "", 1000, 100, "开工", "2025-05-01", "2025-03-01"],
        ["E-012", "好的项目二", "黑山县", "", "", 1000, 100, "谋划", None, None],
    ]
    for row in rows:
        sheet.append(row)
    return book


if __name__ == "__main__":
    valid().save(HERE / "ledger_valid.xlsx")
    errors().save(HERE / "ledger_errors.xlsx")
    print("wrote", HERE / "ledger_valid.xlsx", HERE / "ledger_errors.xlsx")
