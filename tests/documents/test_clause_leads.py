"""One lead per draft: a sentence of works of different remits is one draft per remit, each led as its words say;
works of one remit stay one draft.  Sentences written for the test."""

from zhenxing.documents.extraction import extract_tasks
from zhenxing.documents.extraction.clause_leads import clause_works

PLAN = "二、2025年工作安排\n{}\n"


def _cut(sentence: str, until: str = "") -> list[str]:
    text = sentence + until
    return [text[a:b] for a, b in clause_works(text, 0, len(sentence), until=len(text) if until else None)]


def _drafts(sentence: str) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(PLAN.format(sentence), year=2025)]


# works of different remits, each named surely by its own words: one piece each


def test_two_works_of_two_units_fields_are_two_pieces():
    assert _cut("实施城区污水处理厂提标改造,新建乡镇卫生院3所。") == [
        "实施城区污水处理厂提标改造", "新建乡镇卫生院3所。"]
    assert _cut("改造城镇老旧小区30个,新建社区养老服务中心2个。") == [
        "改造城镇老旧小区30个", "新建社区养老服务中心2个。"]


def test_a_goal_of_its_own_subject_is_a_work_of_its_own():
    assert _cut("建设城市口袋公园10个,完成农村户用卫生厕所改造5000户。") == [
        "建设城市口袋公园10个", "完成农村户用卫生厕所改造5000户。"]


def test_the_words_before_the_first_work_go_with_it():
    assert _cut("据介绍,今年该县将规范建筑垃圾消纳场管理,完成120个入河排污口整治。") == [
        "据介绍,今年该县将规范建筑垃圾消纳场管理", "完成120个入河排污口整治。"]


def test_each_draft_is_led_as_its_own_words_say():
    drafts = _drafts("实施城区污水处理厂提标改造,新建乡镇卫生院3所。")
    assert drafts == [("实施城区污水处理厂提标改造", "住房城乡建设局"), ("新建乡镇卫生院3所。", "卫生健康委")]


# works of one remit, or clauses carrying a work on: one piece


def test_works_of_one_remit_stay_one_piece():
    assert len(_cut("推进学前教育普惠发展,新建公办幼儿园5所,新增学位2000个。")) == 1


def test_what_a_work_improves_is_no_work_of_its_own():
    assert len(_cut("实施文化惠民工程,提升公共文化服务水平。")) == 1


def test_a_work_done_alongside_another_goes_with_it():
    assert len(_cut("新建公共停车位600个,同步配建充电桩150个。")) == 1


def test_works_naming_the_same_thing_are_one_work():
    assert len(_cut("健全耕地保护长效机制,完成耕地质量提升2万亩。")) == 1
    assert len(_cut("培育壮大林下经济,发展林下种植、林下养殖等产业。")) == 1


def test_a_short_direction_opening_the_sentence_goes_with_the_figure_measuring_it():
    assert len(_cut("严守耕地保护红线,粮食播种面积稳定在40万亩以上。")) == 1
    # a deed opening the sentence is a work of its own
    assert len(_cut("加快建设市急救中心,实施农村公路提质改造200公里。")) == 2


def test_works_coming_back_to_the_remit_they_opened_on_are_its_one_work():
    assert len(_cut("完善重大项目储备机制,争取更多专项债券额度,扩大有效投资。")) == 1
    # the work after the piece, in the same sentence, counts too
    assert len(_cut("深化学校人事制度改革,推行绩效工资分配改革", ",优化中小学教师队伍配置。")) == 1


def test_a_clause_naming_no_unit_s_field_surely_carries_the_work_before_it_on():
    assert len(_cut("加快建设城市综合管廊,推动片区整体开发。")) == 1


def test_a_sentence_of_one_work_is_one_draft():
    drafts = _drafts("推进义务教育优质均衡发展,加强乡村教师队伍建设。")
    assert drafts == [("推进义务教育优质均衡发展,加强乡村教师队伍建设。", "教育局")]


def test_a_bare_line_of_a_list_stays_one_item():
    text = "2025年十件民生实事\n新建托幼一体化幼儿园8所,新增托位2400个\n新增城市公共停车位500个\n"
    sentences = [t.sentence for t in extract_tasks(text, year=2025)]
    assert "新建托幼一体化幼儿园8所,新增托位2400个" in sentences


def test_a_direction_after_who_and_when_goes_with_the_figure_measuring_it():
    assert len(_cut("今年,全县将加快推进城市更新,新建口袋公园20个。")) == 1


def test_an_item_whose_units_the_text_assigns_stays_one_task():
    text = ("2025年重点工作责任分解\n1.实施城区污水处理厂提标改造,新建乡镇卫生院3所。\n"
            "牵头单位:市住建局;配合单位:市卫健委\n")
    assert [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2025)] == [
        ("实施城区污水处理厂提标改造,新建乡镇卫生院3所", "住房城乡建设局")]
    inline = _drafts("实施城区污水处理厂提标改造,新建乡镇卫生院3所(牵头单位:市住建局)。")
    assert inline == [("实施城区污水处理厂提标改造,新建乡镇卫生院3所", "住房城乡建设局")]


def test_a_sentence_naming_its_unit_is_that_unit_s():
    assert _drafts("市住建局将实施城区污水处理厂提标改造,新建乡镇卫生院3所。") == [
        ("市住建局将实施城区污水处理厂提标改造,新建乡镇卫生院3所。", "住房城乡建设局")]


def test_a_numbered_item_of_two_units_works_is_two_tasks():
    text = "2025年民生实事\n(三)改造城镇老旧小区30个,新建社区养老服务中心2个。\n"
    assert [(t.sentence.rstrip("。"), t.lead_unit) for t in extract_tasks(text, year=2025)] == [
        ("改造城镇老旧小区30个", "住房城乡建设局"), ("新建社区养老服务中心2个", "民政局")]
