"""Text as newspapers, PDFs and web pages print it: the engine reads through the noise, quotes keep it."""

from zhenxing.documents.extraction import extract_facts
from zhenxing.documents.extraction.layout import prepare


def facts(text: str) -> list[tuple[str, float, str]]:
    return [(f.indicator, f.value, f.unit) for f in extract_facts(text, "t")]


def test_stray_spaces_inside_numbers_and_before_units_are_read_through():
    text = "全年城镇新增就业9. 6万人,地区生产总值增长6.5 %左右,工业投资增长23 %。\n"
    assert facts(text) == [("城镇新增就业", 9.6, "万人"), ("地区生产总值", 6.5, "%"), ("工业投资", 23, "%")]


def test_a_quote_keeps_the_text_as_written():
    text = "全年城镇新增就业9. 6万人。\n"
    [fact] = extract_facts(text, "t")
    assert fact.quote.startswith("全年城镇新增就业9. 6万人") and text[fact.start:fact.end] == fact.quote


def test_spaced_out_words_of_a_pdf_are_one_word():
    assert facts("地 区 生 产 总 值 增 长 5 %。\n") == [("地区生产总值", 5, "%")]


def test_full_width_digits_and_signs_read_like_half_width():
    assert facts("一般公共预算收入增长１２．５％,规上工业企业达到３２０家。\n") == [
        ("一般公共预算收入", 12.5, "%"), ("规上工业企业", 320, "家")]


def test_two_numbers_in_a_table_row_stay_two_numbers():
    assert prepare("地区生产总值 452.6 6.5\n").norm == "地区生产总值452.6 6.5\n"


def test_a_number_cut_by_a_line_end_is_one_number():
    text = "城镇居民人均可支配收入35504元、增长8.7%,农村居民人均可支配收入17\n772元、增长8.5%。\n"
    found = extract_facts(text, "t")
    assert [(f.indicator, f.value) for f in found][2:] == [
        ("农村居民人均可支配收入", 17772), ("农村居民人均可支配收入", 8.5)]
    assert "17\n772元" in found[2].quote


def test_a_line_starting_with_a_comma_continues_the_sentence():
    text = "地方公共财政收入8.58亿元\n,下降4.3%;社会消费品零售总额增长9%。\n"
    assert facts(text) == [("地方公共财政收入", 8.58, "亿元"), ("地方公共财政收入", 4.3, "%"),
                           ("社会消费品零售总额", 9, "%")]


def test_a_page_jump_inside_a_sentence_neither_splits_it_nor_becomes_a_title():
    text = "2023年,全县规模以上工业增加值(下转第四版)\n\n(上接第一版)增长8.1%,新增规上企业12家。\n"
    assert facts(text) == [("规模以上工业增加值", 8.1, "%"), ("新增规上企业", 12, "家")]


def test_furniture_lines_between_two_halves_of_a_sentence_are_left_out():
    text = ("全县粮食产量达到\n责任编辑:王 芳\n图为高标准农田建设现场。 记者 张伟 摄\n"
            "52.3万吨,增长2.1%。\n")
    assert facts(text) == [("粮食产量", 52.3, "万吨"), ("粮食产量", 2.1, "%")]


def test_editor_and_source_lines_hold_no_facts_and_no_titles():
    text = "来源:某某日报 2024年3月1日\n编辑:李明 审核:赵刚\n新建改造农村公路120公里。\n"
    assert facts(text) == [("新建改造农村公路", 120, "公里")]
    assert "编辑" not in prepare(text).norm


def test_watermark_junk_repeated_at_line_ends_is_left_out():
    text = ("一、2019年工作回顾7rw\n地区生产总值增长8.3%。7rw\n固定资产投资增长20%。7rw\n"
            "城镇居民人均可支配收入增长8.7%。7rw\n")
    assert "7rw" not in prepare(text).norm
    assert [f[1] for f in facts(text)] == [8.3, 20, 8.7]


def test_a_hard_wrapped_pdf_text_is_read_as_paragraphs():
    wrapped = ("即将过去的一年,是全县坚持高质量发展落实赶超、决胜全面建成小康社会的重要\n"
               "一年。一年来,我们团结依靠全县人民,攻坚克难,较好完成了县十七届人大三次会议确\n"
               "定的目标任务。预计全年地区生产总值增长8.3%;固定资产投资增长20%;公共财\n"
               "政总收入12.77亿元,下降2.4%;城镇居民人均可支配收入35504元、增长8.7%;农村\n"
               "居民人均可支配收入17772元、增长8.5%。\n"
               "一年来的主要工作和成效是:\n")
    assert [f[0] for f in facts(wrapped)] == [
        "地区生产总值", "固定资产投资", "公共财政总收入", "公共财政总收入", "城镇居民人均可支配收入",
        "城镇居民人均可支配收入", "农村居民人均可支配收入", "农村居民人均可支配收入"]


def test_bullets_and_footnote_marks_are_no_part_of_an_indicator():
    text = "●地区生产总值增长5%以上\n●城镇新增就业110万人以上\n统筹推进“四大重点区域”①建设,新增PPP④项目8个。\n"
    assert facts(text) == [("地区生产总值", 5, "%"), ("城镇新增就业", 110, "万人"), ("新增PPP项目", 8, "个")]


def test_every_offset_of_the_compacted_text_maps_back_into_the_original():
    text = "地 区 生 产 总 值\n(下转第二版)\n增长 6 %。7rw\n"
    prepared = prepare(text)
    for i, ch in enumerate(prepared.norm):
        assert text[prepared.origin(i)] in (ch, "\uff05") or ch == "\n"


def test_a_sites_navigation_and_breadcrumb_lines_are_no_title_and_no_text():
    text = ("导航菜单\n简体版 繁體版 信息无障碍\n首页 > 专题中心 > 政务公开 > 通知公告\n【打印】 【字体:\n"
            "当前位置:首頁>> 政策法規>> 关于2024年重点工作的通知\n"
            "某市2024年重点工作任务分解方案\n新建改造农村公路120公里。\n")
    norm = prepare(text).norm
    for chrome in ("导航菜单", "繁體版", "专题中心", "字体", "政策法規"):
        assert chrome not in norm
    assert norm.lstrip().startswith("某市2024年重点工作任务分解方案")
    assert facts(text) == [("新建改造农村公路", 120, "公里")]


def test_a_table_of_contents_is_no_part_of_the_text():
    # its page numbers would glue to the next entry (…工作回顾 2 / 二、… → 工作回顾22、…) and an entry naming the plan
    # part would frame the review below it
    text = ("目录\n一、2022年工作回顾 1\n二、2023年工作安排 4\n全县地区生产总值完成120亿元。\n")
    assert prepare(text).norm.strip() == "全县地区生产总值完成120亿元。"
    found = extract_facts(text, "t", year=2023)
    assert [(f.indicator, f.value, f.stance) for f in found] == [("地区生产总值", 120, "actual")]
    assert prepare("第一部分 工作回顾……………3\n新建学校2所。\n").norm.strip() == "新建学校2所。"


def test_a_site_s_index_block_and_a_congress_file_s_running_header_belong_to_the_page():
    text = ("索 引 号: 12345-6/2024-00010 分  类: 国民经济管理\n"
            "发文机关: 某县发展和改革委员会 发文日期: 2024年02月06日 11:01\n"
            "名  称: 某县2024年计划草案的报告\n文  号: 主 题 词:\n某县十六届人大四次会议文件(五)\n次会议文件\n"
            "全县新建学校3所。\n")
    assert prepare(text).norm.strip() == "全县新建学校3所。"
    assert [(f.value, f.unit) for f in extract_facts(text, "t", year=2024)] == [(3, "所")]


def test_a_question_mark_left_for_a_lost_bracket_before_pinyin_ends_no_sentence():
    from zhenxing.documents.extraction import extract_tasks
    text = ("主要預(yù)期目標(biāo)是:地區(qū)生產(chǎn)總值增長(zhǎng)6%左右,"
            "城市空氣質(zhì)量?jī)?yōu)良天數(shù)比例完成市定目標(biāo)。\n")
    assert "?" not in prepare(text).norm
    assert [t.to_record()["quote"] for t in extract_tasks(text, year=2024, doc="t")] == [
        "地區(qū)生產(chǎn)總值增長(zhǎng)6%左右",
        "城市空氣質(zhì)量?jī)?yōu)良天數(shù)比例完成市定目標"]
    # a question mark in a page without pinyin stays one
    assert "?" in prepare("怎么办?(一)加快建设。\n").norm


def test_a_page_info_line_opening_on_its_bracket_is_furniture():
    text = ("【信息来源:【信息时间:2023-03-01 10:00  阅读次数: 】【字号 】【我要打印】【关闭\n\n"
            "县水利局召开全体干部大会。\n")
    assert "信息来源" not in prepare(text).norm


def test_a_picture_s_place_line_is_no_title_that_ends_the_plan_announced_before_it():
    # (相关资料图) under 具体如下: is where a picture stood: the list below it is still the plan announced above
    text = ("政府工作报告提出今年十大民生项目。具体如下:\n(相关资料图)\n"
            "实施城镇排水改造,新建雨水管网20公里。城镇污水处理能力达到50万吨/日。\n")
    assert "资料图" not in prepare(text).norm
    assert [(f.indicator, f.stance) for f in extract_facts(text, "t", year=2023)][-1] == ("城镇污水处理能力", "target")


def test_a_progress_table_whose_header_is_a_line_wider_than_its_rows_drafts_the_task_column():
    from zhenxing.documents.extraction import extract_tasks
    # 牵头⏎市领导 is one column printed on two lines: the rows are a cell narrower than the header
    text = ("某市民生实事项目进展情况\n\n序号\n\n目标任务\n\n牵头\n\n市领导\n\n责任单位\n\n进展情况\n\n形象进度(%)\n\n"
            "1\n\n新建公共充电桩300个\n\n张  三\n\n市发改局\n\n"
            "已完成方案制定及各镇意见征求。目前各镇结合小区改造,进行选址。\n\n30%\n\n"
            "2\n\n新建口袋公园5个\n\n李  四\n\n市住建局\n\n"
            "已确定5个公园的选址,累计完成投资2000万元,其中2个已开工建设。\n\n40%\n\n"
            "3\n\n改造农村公路20公里\n\n李  四\n\n市交通局\n\n"
            "已完成前期设计,目前正在进行招投标,预计下月开工建设,各镇配合。\n")
    drafts = extract_tasks(text, year=2025)
    assert [(t.sentence, t.lead_unit) for t in drafts] == [
        ("新建公共充电桩300个", "发展改革委"), ("新建口袋公园5个", "住房城乡建设局"),
        ("改造农村公路20公里", "交通运输局")]
