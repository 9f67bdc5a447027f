from io import BytesIO

from openpyxl import load_workbook

from zhenxing.league.export import league_rows, measure_heading, points_heading, write_league


def test_a_heading_carries_its_unit_once():
    assert measure_heading("开工率", "%") == "开工率(%)"
    assert measure_heading("开工率(%)", "%") == "开工率(%)"
    assert measure_heading("开工率（%）", "%") == "开工率（%）"
    assert measure_heading("拉练观摩得分", "") == "拉练观摩得分"


def test_a_points_heading_drops_the_unit():
    assert points_heading("开工率(%)") == "开工率得分"
    assert points_heading("签约项目金额（亿元）") == "签约项目金额得分"
    assert points_heading("拉练观摩得分") == "拉练观摩得分得分"


def test_the_export_header_names_each_unit_once():
    columns = [{"key": "start_rate", "label": "开工率(%)", "unit": "%"},
               {"key": "new_starts", "label": "新开工", "unit": "个"}]
    results = [{"rank": 1, "movement": "↑1", "name": "太和区", "total": 12.5, "first": True, "last": False,
                "measures": {"start_rate": {"value": 80.0, "points": 10.0},
                             "new_starts": {"value": 3.0, "points": 2.5}}}]
    header, rows = league_rows(results, columns)
    assert header == ["名次", "变化", "排名对象", "总分", "开工率(%)", "开工率得分", "新开工(个)", "新开工得分"]
    target = BytesIO()
    write_league(target, title="赛马", results=results, columns=columns)
    sheet = load_workbook(BytesIO(target.getvalue())).active
    assert [cell.value for cell in sheet[2]] == header
    assert rows[0][4] == 80.0
