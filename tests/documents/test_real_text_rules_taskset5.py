"""Rules read from the task set's round 5 (a county's works in one sentence each opening on its funds, a township's
works told under a field 在…上, a district's goals list closing on a safety goal without figure and a resolve, voted
project names in a post cut into short lines), each on short sentences written here."""

from zhenxing.documents.extraction import extract_tasks


def drafts(text: str, year: int = 2024):
    return extract_tasks(text, year=year)


def tasks(text: str, year: int = 2024) -> list[tuple[str, str]]:
    return [(t.sentence.rstrip("。;"), t.lead_unit) for t in drafts(text, year)]


def test_the_funds_a_work_spends_open_its_task_and_do_not_lead_it():
    text = ("今年县政府确定了五件民生实事。这五件实事涉及饮水、交通、教育等领域,即投资800万元,实施东山村、西岭村"
            "农村饮水管网延伸工程;投资2600万元,建设18条42公里农村公路;投资900万元,新建县城北区幼儿园1所。\n")
    found = dict(tasks(text))
    assert "投资800万元,实施东山村、西岭村农村饮水管网延伸工程" in {s.removeprefix("即") for s in found}
    assert not any("涉及" in s for s in found)
    assert found.get("投资2600万元,建设18条42公里农村公路") == "交通运输局"
    assert found.get("投资900万元,新建县城北区幼儿园1所") == "教育局"
    assert not any(s.endswith("万元") for s in found)


def test_a_field_told_before_a_work_is_part_of_it_and_the_work_names_the_lead():
    text = "今年,在科技创新上,我镇年内力争培育高新技术企业5家,新建市级研发平台2个。\n"
    found = tasks(text)
    assert not any(s.endswith("上") for s, _ in found)
    first = next(lead for s, lead in found if "高新技术企业5家" in s)
    assert first == "科技局"


def test_a_safety_goal_without_a_figure_is_a_goal_and_the_resolve_after_the_list_is_none():
    text = ("今年全区经济社会发展的主要预期目标为:地区生产总值增长5.5%左右;一般公共预算收入稳定增长;"
            "安全生产形势持续向好。实际工作中,我们将努力争取更好的结果。\n")
    found = dict(tasks(text))
    assert found.get("安全生产形势持续向好") == "应急管理局"
    assert not any("争取更好" in s for s in found)


def test_project_names_announced_on_a_short_line_without_a_colon_are_tasks():
    text = ("在市人大会议上\n代表们进行票决\n6个项目被确定\n为2025年民生实事项目\n"
            "1.东城区滨河路至人民大道连接线工程\n2.城南片区排涝及人行道建设项目\n3.市第二中学综合楼建设项目\n")
    found = [s for s, _ in tasks(text, 2025)]
    assert any("连接线工程" in s for s in found)
    assert any("第二中学综合楼建设项目" in s for s in found)


def test_a_bureau_s_own_briefing_of_its_year_s_works_leads_them():
    text = ("3月5日,市卫生健康委组织召开2024年度全市卫生健康工作媒体沟通会。会上介绍了2025年重点工作。"
            "完善信息化顶层设计,制定10条信息化支撑业务管理措施,加强互联网医院服务质量管理。\n")
    found = tasks(text, 2025)
    assert found and all(lead == "卫生健康委" for _, lead in found)


def test_a_field_s_units_answering_a_report_lead_their_works_with_their_years():
    text = ("县长所作的《政府工作报告》明晰了前进路径。县交通运输系统将认真贯彻落实会议精神。\n"
            "一是攻坚项目提进度。力争城东快速路2026年建成通车,北环线2027年完工。\n"
            "二是严抓安全保稳定。以在建项目为重点,全面排查整治风险隐患。\n")
    found = {t.sentence.rstrip("。"): (t.lead_unit, t.deadline) for t in drafts(text, 2026)}
    assert found.get("以在建项目为重点,全面排查整治风险隐患", ("", ""))[0] == "交通运输局"
    assert any(lead == "交通运输局" and deadline == "2027-12-31" for lead, deadline in found.values())
