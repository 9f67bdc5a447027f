"""Rules read from the task set's round 4 (a province's 实施方案 closing each paragraph on 〔责任单位:…〕, a bureau's
工作要点 under a site's furniture, a city paper's account of a bureau's plan, a county's livelihood list whose lines
each open on a label naming the work), each on short sentences written here."""

from zhenxing.documents.extraction import extract_tasks


def drafts(text: str, year: int = 2024):
    return extract_tasks(text, year=year)


def tasks(text: str, year: int = 2024) -> list[tuple[str, str]]:
    return [(t.sentence.rstrip("。"), t.lead_unit) for t in drafts(text, year)]


def test_a_unit_bracket_closing_a_paragraph_leads_every_work_of_it_and_its_label_is_no_task():
    text = ("(一)提升物流枢纽能级。建设区域冷链物流基地。完善县乡村三级寄递网络。"
            "〔责任单位:省交通运输厅、省邮政管理局〕\n"
            "(二)加强质量监管。开展商品质量抽检。推进诚信计量示范街区建设。〔责任单位:省市场监管局〕\n")
    found = dict(tasks(text))  # a part's label run into its works is no task (test_decomposition_rules)
    assert found == {"建设区域冷链物流基地": "交通运输局", "完善县乡村三级寄递网络": "交通运输局",
                     "开展商品质量抽检": "市场监管局", "推进诚信计量示范街区建设": "市场监管局"}


def test_a_bureau_plan_titled_under_a_sites_furniture_is_the_bureaus_to_lead():
    text = ("工作动态\n发布日期:2024-03-01 信息来源:市水利局\n"
            "市水利局关于印发2024年全市水利工作要点的通知\n"
            "各县(区)水利局:现将2024年全市水利工作要点印发给你们,请认真组织实施。\n"
            "一、主要任务\n新建农村供水管网120公里,实施城区防洪堤加固工程。完成河湖“清四乱”整治。\n")
    leads = {lead for _, lead in tasks(text)}
    assert leads == {"水利局"}


def test_a_government_offices_notice_names_no_issuing_bureau():
    text = ("某县人民政府办公室关于印发2024年全县重点工作安排的通知\n"
            "一、重点工作\n新建农村供水管网120公里。开展商品质量抽检。\n")
    leads = dict(tasks(text))
    assert leads.get("开展商品质量抽检") == "市场监管局"


def test_a_papers_account_of_a_bureaus_plan_gives_the_works_to_that_bureau():
    text = ("本报讯 市交通运输局召开全市交通工作会议,部署今年重点工作。"
            "该局提出,一是加快推进国省干线改造,完成路面大修30公里。二是抓好城区公交站台改造。三是推进智慧停车平台建设。\n")
    leads = {lead for _, lead in tasks(text)}
    assert leads == {"交通运输局"}


def test_a_list_of_label_led_lines_makes_one_task_per_line_quoted_from_its_label():
    text = ("城区供水管网改造。改造老旧供水管网12公里,计划5月开工,10月底完工。\n"
            "乡镇卫生院提档升级。对3所乡镇卫生院进行改扩建,年底前投入使用。\n"
            "中心敬老院改造。新增护理型床位80张,提升失能老人照护能力。\n")
    found = [s for s, _ in tasks(text)]
    assert found == ["城区供水管网改造。改造老旧供水管网12公里,计划5月开工,10月底完工",
                     "乡镇卫生院提档升级。对3所乡镇卫生院进行改扩建,年底前投入使用",
                     "中心敬老院改造。新增护理型床位80张,提升失能老人照护能力"]


def test_a_topic_sentence_over_a_long_paragraph_of_works_keeps_its_works_apart():
    text = ("扩大有效投资。全年安排市级重点项目150个,完成年度投资300亿元以上,推进城东污水处理厂扩建工程、"
            "滨江大道改造工程等项目建设,加快中心医院新院区主体施工,争取更多项目纳入省重大项目库,强化项目用地用林保障。\n"
            "激发消费潜能。举办汽车、家电促消费活动20场以上,培育夜间消费集聚区3个,改造提升农贸市场5个,"
            "推动城区商业综合体提质,发展首店经济、夜间经济和社区商业,确保社会消费品零售总额增长6%以上。\n"
            "稳住外贸外资。新增外贸实绩企业30家,实际利用外资1亿美元以上。\n")
    assert len(drafts(text)) >= 6


def test_each_numbered_item_of_a_list_of_projects_is_a_task_even_without_a_verb():
    text = ("某县人民代表大会票决产生了县人民政府2024年民生实事项目,现公告如下:\n县人民政府2024年民生实事项目:\n"
            "1.城北片区雨污分流;\n2.县中医院门诊楼;\n3.农村饮水提质增效;\n4.城区公办幼儿园扩容。\n")
    found = [s.rstrip(";") for s, _ in tasks(text)]
    assert found == ["城北片区雨污分流", "县中医院门诊楼", "农村饮水提质增效", "城区公办幼儿园扩容"]


def test_a_numbered_list_under_no_projects_line_keeps_its_verbless_lines_out():
    text = "二、主要成效\n1.城北片区雨污分流;\n2.县中医院门诊楼;\n3.农村饮水提质增效。\n"
    assert tasks(text) == []


def test_a_slogan_with_jiushi_before_the_works_is_no_supervision_of_the_plan():
    text = "会议强调,各部门要以“起步就是冲刺”的劲头,全面铺开各项工作,调度好各项经济指标,抓好节后企业复工复产。"
    assert any("复工复产" in s for s, _ in tasks(text, 2025))


def test_supervising_the_plans_works_is_still_no_task():
    text = "县政府将就各项重点工作进行定期调度,及时通报进展。"
    assert tasks(text, 2025) == []


def test_a_label_line_is_led_as_its_label_says():
    text = ("推进文化惠民工程。以“书香社区”为主题,建设社区书屋和健身角,组织开展群众体育赛事。\n"
            "城区供水管网改造。改造老旧供水管网12公里,10月底完工。\n"
            "乡镇卫生院提档升级。对3所乡镇卫生院进行改扩建,年底前投入使用。\n")
    assert [lead for _, lead in tasks(text)] == ["文化旅游局", "住房城乡建设局", "卫生健康委"]


def test_resettlement_compounds_back_to_work_and_indicators_have_their_units():
    text = "2025年,我县将加快推进城南安置小区建设,年底前交付使用。\n"
    assert [lead for _, lead in tasks(text, 2025)] == ["住房城乡建设局"]
    text = "2025年,全县将调度好各项经济指标,推动经济稳中有进。\n会议要求,各部门要抓好节后企业复工复产。\n"
    assert [lead for _, lead in tasks(text, 2025)] == ["发展改革委", "工业和信息化局"]
