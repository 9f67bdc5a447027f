"""Rules read from the task set's round 3 (a decomposition table one cell a line without bars, a bureau head's plans
reported at a congress session, a livelihood list of named works, a plan's implementation steps by months, a
responsibility list closing each item on (…负责), a press conference in a mirror with mojibake, a bureau's meeting
news) and from held-out batch R28's task misses, each on short sentences written here."""

from zhenxing.documents.extraction import extract_tasks


def drafts(text: str, year: int = 2024):
    return extract_tasks(text, year=year)


def tasks(text: str, year: int = 2024) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in drafts(text, year)]


def test_implementation_steps_are_the_plan_and_each_period_gives_its_deadline():
    text = ("一、目标任务\n2022年全县新建村级卫生室12个。\n二、实施步骤\n"
            "5-6月,东关村、西岭村卫生室建设项目开工建设。\n9-10月,东关村等6个卫生室竣工投用。\n")
    found = {t.sentence.rstrip("。"): t.deadline for t in drafts(text, 2022)}
    assert found.get("5-6月,东关村、西岭村卫生室建设项目开工建设") == "2022-06-30"
    assert found.get("9-10月,东关村等6个卫生室竣工投用") == "2022-10-31"


def test_a_question_is_no_task():
    found = [s.rstrip("。") for s, _ in tasks("2024年我市新建哪些公园?\n今年我市将新建城市公园3个。\n")]
    assert found == ["今年我市将新建城市公园3个"]


def test_a_member_who_heads_a_bureau_speaks_for_the_bureau():
    text = ("市政协委员王建国:加快建设现代化交通体系\n"
            "“过去一年,全市路网更加完善。”市政协委员,市交通运输局党组书记、局长王建国说。\n"
            "王建国表示,2024年,市交通运输局将加快推进农村公路提档升级,完成改造200公里。\n")
    found = [s for s, _ in tasks(text)]
    assert any("农村公路提档升级" in s for s in found)


def test_a_member_who_heads_a_company_still_speaks_for_himself():
    text = ("市政协委员、某集团董事长李明说,企业去年发展很快。\n"
            "李明表示,今年建议加快推进城东物流园建设。\n")
    assert tasks(text) == []


def test_each_named_work_of_a_livelihood_list_is_a_task_without_a_verb():
    text = ("2024年民生实事项目包括:新建城东幼儿园;老城区燃气管道改造工程;体育公园续建工程;南门桥拆除重建;"
            "城北河道清淤工程(东段);社区嵌入式托育与健康管理。\n")
    found = [s.rstrip(";。") for s, _ in tasks(text)]
    assert found == ["新建城东幼儿园", "老城区燃气管道改造工程", "体育公园续建工程", "南门桥拆除重建",
                     "城北河道清淤工程(东段)", "社区嵌入式托育与健康管理"]


def test_a_table_pasted_one_cell_a_line_without_bars_is_read_by_its_columns():
    text = ("2024年区政府重点工作任务分解\n\n序号\n\n目标任务\n\n牵头单位\n\n配合单位\n\n"
            "1\n\n新建城市公园3个。\n\n区住房和城乡建设局\n\n\n"
            "2\n\n完成老旧小区改造10个,加装电梯20部。\n\n区住房和城乡建设局\n\n区财政局、各街道\n\n"
            "3\n\n清零征迁地块8个。\n\n区征迁服务中心\n\n各街道\n")
    found = [(t.sentence.rstrip("。"), t.lead_unit, t.partner_units) for t in drafts(text)]
    assert found == [("新建城市公园3个", "住房城乡建设局", ()),
                     ("完成老旧小区改造10个,加装电梯20部", "住房城乡建设局", ("财政局",)),
                     ("清零征迁地块8个", "征迁服务中心", ())]


def test_a_bracket_of_units_responsible_closes_the_item_and_leads_it():
    text = ("一、2024年主要目标\n1. 规模以上工业增加值增长7%。(市工信局负责)\n"
            "2. 新建5G基站500个。(市工信局、市通信发展办负责)\n")
    found = [(t.sentence.rstrip("。"), t.lead_unit) for t in drafts(text)]
    assert found == [("规模以上工业增加值增长7%", "工业和信息化局"), ("新建5G基站500个", "工业和信息化局")]


def test_a_question_mark_inside_a_list_is_no_sentence_end():
    found = [s for s, _ in tasks("今年将加快改造供水、燃?、供热等老旧管网500公里。\n")]
    assert len(found) == 1 and "供水" in found[0] and "供热" in found[0]


def test_a_meeting_held_opening_the_story_is_no_task():
    text = ("县水利局召开全体干部大会,传达学习县委全会精神,研究部署2023年水利重点工作,动员全局上下担当作为,"
            "全力做好水利工作。一是抓好水库安全。完成5座小型水库除险加固。\n")
    found = [s for s, _ in tasks(text, 2023)]
    assert [s.rstrip("。") for s in found] == ["完成5座小型水库除险加固"]


def test_a_press_conference_held_and_its_purpose_are_no_task():
    text = ("5月8日,某市2023年重点工作新闻发布会召开,记者从发布会上了解到,为满足群众就近就医的需求,"
            "办好人民满意的卫生健康事业,市卫生健康委将新建社区卫生服务中心5个。\n")
    found = [s for s, _ in tasks(text, 2023)]
    assert found and not any("发布会" in s for s in found) and "新建社区卫生服务中心5个" in found[-1]


def test_a_counted_item_of_two_works_is_one_task_and_the_frame_before_the_list_none():
    text = "2024年,我市将集中力量办好五件实事:一是新增城区停车泊位500个;二是新建乡村公路60公里,完成危桥改造8座。\n"
    found = [s.rstrip(";。") for s, _ in tasks(text)]
    assert found == ["新增城区停车泊位500个", "新建乡村公路60公里,完成危桥改造8座"]


def test_a_page_info_line_opening_on_a_bracket_is_furniture():
    text = ("【信息来源:【信息时间:2023-03-01 10:00  阅读次数: 】【字号 】【我要打印】【关闭\n\n"
            "县水利局召开全体干部大会,研究部署2023年水利重点工作。一是抓好水库安全。完成5座小型水库除险加固。\n")
    assert [s.rstrip("。") for s, _ in tasks(text, 2023)] == ["完成5座小型水库除险加固"]


def test_a_statement_of_what_a_work_is_is_no_task():
    text = "今年将新建污水管网30公里。排水设施,既是城市的“里子”工程,更是民生工程。\n"
    assert [s.rstrip("。") for s, _ in tasks(text)] == ["今年将新建污水管网30公里"]


def test_the_frame_a_work_follows_stays_with_the_work():
    text = ("今年将按照我县城区道路“三横四纵”的规划要求,加快推进东环路北延、西环路南延、滨河路、建设路等道路新建和"
            "改建工程,致力打通一批断头路,改造一批破损道路,逐步完善城区路网。\n")
    found = [s for s, _ in tasks(text)]
    assert found and not any(s.rstrip(",").endswith("要求") for s in found)


def test_a_principle_led_by_what_pulls_it_is_no_task():
    text = ("以数字化改革为牵引,推进创新链产业链深度融合,加快培育发展新质生产力。2025年,力争研发投入强度达到3%。\n")
    assert [s.rstrip("。") for s, _ in tasks(text, 2025)] == ["2025年,力争研发投入强度达到3%"]


def test_an_interchange_is_a_municipal_work():
    assert tasks("2024年重点项目包括:新建城东污水处理厂;完工北环路立交工程。\n")[-1][1] == "住房城乡建设局"


def test_a_plan_sentence_opening_on_will_and_naming_existing_resources_plans():
    text = ("2023年全县将新建中小学5所。\n将充分发挥县教育局统筹职能,建立学位供给预警机制,"
            "做到新建学校数量与人口布局和现有教学资源相匹配。\n")
    found = [s for s, _ in tasks(text, 2023)]
    assert any(s.startswith("将充分发挥县教育局统筹职能") for s in found)


def test_the_make_up_of_the_list_by_district_is_no_task():
    text = "2023年全县将新建中小学5所。今年确定的新建项目中,城关镇项目2个、东区项目3个。\n"
    assert [s.rstrip("。") for s, _ in tasks(text, 2023)] == ["2023年全县将新建中小学5所"]


def test_a_heads_general_direction_after_said_is_no_task():
    text = ("王建国表示,2024年,市水利局将认真落实市两会精神,不断深化改革创新,奋力推动水利事业高质量发展;"
            "加快实施城区防洪工程,新建堤防12公里。\n")
    found = [s for s, _ in tasks(text)]
    assert found and not any("两会精神" in s for s in found) and any("新建堤防12公里" in s for s in found)


def test_a_speakers_plan_this_year_again_is_a_plan():
    text = ("“我们打算今年再改造老旧小区150个。”市住建局局长介绍,去年全市改造老旧小区120个。\n"
            "今年再启动易涝点治理30处。\n")
    found = [s for s, _ in tasks(text)]
    assert any("150个" in s for s in found) and any("易涝点治理30处" in s for s in found)


def test_a_work_and_the_investment_it_completes_are_one_task():
    found = [s.rstrip("。") for s, _ in tasks("今年将实施县级重点项目20个,完成投资35亿元以上。\n")]
    assert found == ["今年将实施县级重点项目20个,完成投资35亿元以上"]


def test_two_works_with_their_own_figures_stay_two_goals():
    found = [s.rstrip("。") for s, _ in tasks("今年将新增城镇就业1.2万人,新建高标准农田3万亩。\n")]
    assert len(found) == 2


def test_a_counted_works_principle_explains_it_and_tells_its_lead():
    text = ("2024年,我们将重点抓好两方面工作。\n"
            "一是深化全方位开放合作,在服务和融入区域重大战略上取得新突破。坚持东联西进,深度融入长三角一体化发展。\n"
            "二是加快推进新旧动能转换,在产业转型升级上取得新突破。坚持工业强区不动摇,"
            "做大做强先进制造业。\n")
    found = tasks(text)
    assert [s.rstrip("。") for s, _ in found] == ["深化全方位开放合作,在服务和融入区域重大战略上取得新突破",
                                                 "加快推进新旧动能转换,在产业转型升级上取得新突破"]
    assert found[1][1] == "工业和信息化局"


def test_a_closing_slogan_is_no_task():
    text = ("今年将新建污水管网30公里。\n全区要乘势而上、奋勇争先,奋力推进中国式现代化在本区的生动实践。\n"
            "推动经济量质齐升、社会和谐稳定,实现“十五五”良好开局。\n")
    assert [s.rstrip("。") for s, _ in tasks(text, 2026)] == ["今年将新建污水管网30公里"]
