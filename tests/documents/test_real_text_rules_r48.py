"""Rules found on held-out batch R48 (a leader's directives at a meeting, a province's areas of work counted as
slogans, a total's parts after 其中, a list's classes after its total, a site's footer, a clause done alongside the
work it frames), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_tasks


def _tasks(text: str, **when) -> list[str]:
    return [t.sentence.rstrip("。;") for t in extract_tasks(text, **when)]


def test_a_leader_s_emphasis_at_a_meeting_is_no_task():
    text = ("5月6日上午,某区召开区政府常务会议暨安全生产工作会。区长王某主持并讲话。\n"
            "王某强调,要压实各方责任,以实干实绩确保完成全年目标任务。要坚决破除部门壁垒,杜绝推诿扯皮。"
            "要强化督导考核,营造比学赶超的浓厚氛围。\n")
    assert _tasks(text, year=2024) == []


def test_a_leader_s_emphasis_with_its_measure_is_still_a_task():
    assert _tasks("王某强调,今年要新建农村公路50公里,确保6月底前全部开工。", year=2024)


def test_the_works_a_meeting_requires_are_tasks():
    text = "王某要求,要抓紧谋划一批打基础的重大项目,拓宽招商渠道。要做好汛期防汛工作,坚决消除安全隐患。"
    assert len(_tasks(text, year=2024)) == 2


def test_the_meeting_held_with_its_bodies_in_brackets_is_no_task():
    assert _tasks("6月2日上午,在区行政中心五楼召开区政府全体会议(区安全生产委员会2024年第二次会议)。",
                  year=2024) == []


def test_areas_of_work_counted_after_their_number_are_slogans():
    text = ("实现这些目标,重点做好8个方面工作。一是全力扩大有效需求,推动消费持续回升;二是坚持投资拉动,"
            "力争完成重点项目投资500亿元以上;三是加快建设现代化产业体系,推动工业挑大梁;四是坚定不移深化改革,"
            "进一步激发市场活力。")
    assert _tasks(text, year=2024) == ["坚持投资拉动,力争完成重点项目投资500亿元以上"]


def test_parts_of_a_total_after_qizhong_stay_with_it():
    text = ("2024年,全市交通建设投资目标120亿元。其中,高速公路60亿元,国省干线30亿元,农村公路20亿元。"
            "2024年,全市建成农村公路300公里。")
    assert _tasks(text, year=2024) == [
        "2024年,全市交通建设投资目标120亿元。其中,高速公路60亿元,国省干线30亿元,农村公路20亿元",
        "2024年,全市建成农村公路300公里"]
    text = "全年普通公路力争完成投资90亿元。其中:国省干线计划完成投资60亿元,续建项目12个。"
    assert _tasks(text, year=2024) == ["全年普通公路力争完成投资90亿元。其中:国省干线计划完成投资60亿元,续建项目12个"]


def test_a_work_singled_out_after_qizhong_is_a_task():
    text = "报告提出扩大有效投资、建设现代化产业体系等8个方面的重点任务。其中,提出要力争全年新增规上企业50家以上。"
    assert any("新增规上企业50家" in t for t in _tasks(text, year=2024))


def test_a_site_footer_is_no_task():
    text = "今年将新建公办幼儿园3所。\n版权所有:某某科技有限公司 备案号:京ICP备12345678号 技术支持:某某网络\n"
    assert _tasks(text, year=2024) == ["今年将新建公办幼儿园3所"]


def test_a_clause_done_alongside_stays_with_the_work_it_frames():
    text = "今年将在抓好8个省级示范村的同时,每个乡镇集中力量建设2至3个美丽乡村示范点。"
    got = _tasks(text, year=2024)
    assert len(got) == 1 and "8个省级示范村" in got[0] and "2至3个" in got[0]


def test_classes_of_a_project_list_after_its_total_are_its_make_up():
    text = ("某县今年确定建设80个重点项目,总投资300亿元,年度计划完成投资90亿元。某县今年建设工业类项目20个,投资120亿元,"
            "年度计划完成投资30亿元。旅游服务业10个项目投资25亿元,年度计划完成投资7亿元。")
    assert _tasks(text, year=2024) == ["某县今年确定建设80个重点项目,总投资300亿元,年度计划完成投资90亿元"]


def test_a_class_of_projects_without_a_list_total_is_a_task():
    assert _tasks("今年将建设工业类项目20个,完成投资30亿元。", year=2024)


def test_areas_counted_and_named_in_one_sentence_are_labels():
    text = ("他表示,今后五年要重点抓好6个方面任务的落实:奋力打造内陆开放高地,加快发展现代产业体系,全面推进乡村振兴,"
            "大力建设文化强市,扎实推进新型城镇化,建设更高水平的平安城市。")
    assert _tasks(text, year=2024) == []


def test_counted_works_of_one_sentence_are_no_list_of_goals():
    text = "今年将新建市级现代农业产业园5个以上,新(扩)建标准化蔬菜园区8个,打造千亩粮食功能区12个。"
    assert len(_tasks(text, year=2024)) == 1


def test_a_list_of_goals_is_still_cut_one_goal_each():
    text = "今年主要预期目标是:地区生产总值增长6%左右,一般公共预算收入增长5%,城镇新增就业1.2万人。"
    assert len(_tasks(text, year=2024)) == 3


def test_a_report_s_headings_quoted_in_a_story_are_no_tasks():
    text = ("市长作政府工作报告。“推动招商引资、园区建设、改革创新实现新突破;推动工业经济、项目建设抓出新成效;"
            "推动城市更新、乡村振兴展现新面貌……”")
    assert _tasks(text, year=2024) == []


def test_a_call_on_everyone_to_reach_the_goals_is_no_task():
    text = ("为实现上述目标,全县上下要解放思想、真抓实干,全力推动各项工作落地见效。\n"
            "下一步,各园区、各乡镇、各相关部门要严格对照目标任务,倒排时间节点,补齐短板。\n"
            "全市各级各部门要全力以赴,确保不折不扣完成任务。\n"
            "县人民政府要按照县党代会确定的部署,立足高起点,再创高水平。\n")
    assert _tasks(text, year=2024) == []


def test_a_call_with_its_measure_is_still_a_task():
    assert _tasks("为实现上述目标,我们要新建农村公路50公里,改造老旧小区12个。", year=2024)


def test_the_parts_after_qizhong_go_on_the_total_s_draft():
    text = "市里确定,一季度要开复工重点项目400个,总投资2000亿元;其中新开工项目150个,总投资700亿元。"
    got = _tasks(text, year=2024)
    assert len(got) == 1 and "其中新开工项目150个" in got[0]


def test_works_after_a_call_to_reach_the_goals_are_still_tasks():
    text = ("为实现上述目标,区长要求全区上下要聚焦三个方面重点工作:一是聚焦产业转型。"
            "要着力打造新能源产业集群,新建产业园2个。")
    assert any("新建产业园2个" in t for t in _tasks(text, year=2024))


def test_works_a_notice_names_before_behind_schedule_are_tasks():
    text = "督查中发现,部分项目进展缓慢。城东安置小区二期项目、县中医院迁建、实验小学扩建等均未达序时。"
    assert _tasks(text, year=2024) == ["城东安置小区二期项目", "县中医院迁建", "实验小学扩建"]


def test_a_resort_hotel_built_is_the_tourism_bureau_s():
    leads = [t.lead_unit for t in extract_tasks("今年将推进湖滨度假酒店建设。", year=2024)]
    assert leads == ["文化旅游局"]
