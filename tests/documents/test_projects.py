"""Projects named in texts, their capacities and stages, and matching to a ledger."""

from zhenxing.documents.extraction import extract_projects, match_project


def names(text: str) -> list[str]:
    return [p.name for p in extract_projects(text)]


def test_it_finds_a_project_named_with_its_capacity():
    (project,) = extract_projects("北山化工80万吨乙烯开工建设。")
    assert (project.name, project.capacity_value, project.capacity_unit) == ("北山化工80万吨乙烯", 80, "万吨")
    assert project.stage == "started"


def test_it_maps_stage_cues_to_stage_codes():
    assert extract_projects("南河光伏产业园建成投产。")[0].stage == "operating"
    assert extract_projects("东湾物流产业园竣工。")[0].stage == "completed"
    assert extract_projects("西岭新材料产业园落地。")[0].stage == "landed"
    assert extract_projects("北港冷链物流基地签约。")[0].stage == "signed"
    assert extract_projects("北港冷链物流基地正在谋划。")[0].stage is None


def test_it_reads_each_item_of_a_list_closed_by_deng_xiangmu():
    text = "加快宏远新材料、长青生物制药、海天冷链物流等重大项目建设。"
    assert names(text) == ["宏远新材料", "长青生物制药", "海天冷链物流"]


def test_it_skips_generic_project_words():
    assert names("全年谋划重点项目300个,推进亿元以上项目落地。") == []


def test_offsets_locate_the_name():
    text = "推进北山化工80万吨乙烯建设。"
    project = extract_projects(text)[0]
    assert text[project.start:project.end] == project.name


def test_it_matches_a_name_written_with_xiangmu():
    assert match_project("北山化工80万吨乙烯项目", ["北山化工80万吨乙烯", "南河光伏"]) == ("北山化工80万吨乙烯", 100.0)


def test_it_does_not_match_names_whose_capacities_differ():
    assert match_project("国电黑山400兆瓦风电", ["国电黑山500兆瓦风电"]) is None


def test_it_does_not_match_unrelated_names():
    assert match_project("南河光伏产业园", ["北山化工80万吨乙烯"]) is None
    assert match_project("南河光伏产业园", []) is None


def test_a_name_never_begins_with_a_verb():
    assert names("确保华晟新材料产业园年内投产。") == ["华晟新材料产业园"]
    assert names("建成投产德润智能装备产业园。") == ["德润智能装备产业园"]
    assert names("推动形成东岭风电基地。") == ["东岭风电基地"]
    (project,) = extract_projects("全力推进恒通化工30万吨乙二醇项目建设。")
    assert project.name.startswith("恒通化工30万吨乙二醇")


def test_an_owner_joined_by_ji_stays_in_the_name_of_a_capacity():
    (project,) = extract_projects("全力推进锦甯铁矿加工及240万吨冷轧等重大项目落地建设。")
    assert project.name == "锦甯铁矿加工及240万吨冷轧"
    assert (project.capacity_value, project.capacity_unit, project.stage) == (240, "万吨", "landed")


def test_kinds_of_project_and_programmes_are_not_projects():
    assert names("谋划推进更多历史文化、温泉康养、都市休闲等特色旅游项目。") == []
    assert names("滚动实施老旧管网改造、老旧小区维修改造、市政道路改建等城市更新项目。") == []
    assert names("实施农村饮水安全巩固提升工程。") == []
    assert names("启动东城老街区改造提升三年行动计划。") == []
    assert names("“三河共治”和“五大工程”建设取得扎实成效。") == []


def test_a_count_of_listed_projects_is_no_name():
    assert not any("2座" in name for name in names("开工建设龙湾、友邻2座病险水库除险加固工程。"))


def test_improvement_works_named_gongcheng_are_flagged_for_a_check():
    (works,) = extract_projects("推进东城河道综合治理工程。")
    assert (works.name, works.confidence) == ("东城河道综合治理工程", "low")
    (road,) = extract_projects("今年将开工建设滨海大道二期工程。")
    assert (road.name, road.stage, road.confidence) == ("滨海大道二期工程", "started", "high")


def test_a_count_opening_a_capacity_name_is_not_part_of_it():
    assert names("我们计划再建设一条年产5000吨的辣椒酱生产线。") == ["年产5000吨的辣椒酱生产线"]
