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
