"""The default lead-unit table against the remits (三定 主要职责) of a city's standard departments: for each
department, short task sentences written for the test, in the words work reports use, are led by it; ordinary
sentences whose generic words (建设, 服务, 管理, 安全) name no department are not stolen; each suggestion names
the phrase that triggered it, and that phrase is in the sentence."""

from pathlib import Path

import pytest

from zhenxing.documents.extraction import DEFAULT_KEYWORD_UNITS, DEPARTMENTS, suggest_lead
from zhenxing.documents.extraction.unit_names import canonical, stand_in, standard_name

# department → sentences of its remit (none taken from the corpus)
REMITS: dict[str, tuple[str, ...]] = {
    "发展改革委": ("编制实施国民经济和社会发展第十五个五年规划", "推进社会信用体系建设", "争取中央预算内投资",
              "深化城乡融合发展试点", "谋划储备一批政府投资项目", "新增光伏装机容量20万千瓦",
              "做好煤电油气运保障", "推动抽水蓄能电站开工"),
    "教育局": ("新建改扩建中小学校8所", "推进义务教育优质均衡发展", "落实学生资助政策", "做好随迁子女入学保障",
            "开展儿童青少年近视防控", "深化产教融合校企合作", "扩大普通高中招生规模", "加强特殊教育"),
    "科技局": ("新增高企50家", "全社会研发经费投入增长10%", "建设省级工程技术研究中心3个",
            "推进科技成果转移转化", "培育瞪羚企业10家", "实施关键核心技术攻关项目"),
    "工业和信息化局": ("实施工业技改项目100个", "推动新能源汽车产业发展", "培育国家级绿色工厂5家",
                "新建5G基站1000个", "推进千兆光网建设", "推动纺织服装产业转型升级", "做大做强生物医药产业",
                "发展人工智能和机器人产业"),
    "公安局": ("严厉打击电信网络诈骗犯罪", "推进立体化治安防控体系建设", "常态化开展扫黑除恶斗争",
            "整治交通秩序和交通拥堵", "提升派出所规范化建设水平", "推进户籍制度改革"),
    "民政局": ("新建社区养老服务中心10个", "提高城乡低保标准", "加强困境儿童关爱保护", "做好临时救助",
            "推进殡葬改革", "规范社会组织发展", "完善老年人能力综合评估", "加强低收入人口动态监测"),
    "司法局": ("推进法治政府建设", "开展八五普法", "完善公共法律服务体系", "加强社区矫正管理",
            "做好行政复议工作", "加强行政规范性文件合法性审查"),
    "财政局": ("兜牢兜实三保底线", "加强财政资金直达监管", "严控新增隐性债务", "全面实施预算绩效管理",
            "坚持过紧日子", "盘活行政事业单位国有资产"),
    "人力资源社会保障局": ("开展职业技能培训2万人次", "落实稳岗返还政策", "发放创业担保贷款5亿元",
                    "扩大失业保险和工伤保险覆盖面", "建设零工市场5个", "开展根治欠薪专项行动",
                    "培育高技能人才3000人", "帮扶就业困难人员就业"),
    "自然资源局": ("严守永久基本农田保护红线", "编制村庄规划50个", "推进全域土地综合整治",
              "加强矿山生态修复", "完成国土空间生态修复2万亩", "加强土地储备和供应"),
    "生态环境局": ("深入打好污染防治攻坚战", "加强危险废物规范化环境管理", "推进入河排污口排查整治",
              "加强扬尘污染管控", "推进农村生活污水治理", "创建国家生态文明建设示范区", "开展新污染物治理"),
    "住房城乡建设局": ("改造城镇老旧小区120个", "筹集保障性租赁住房3000套", "推进城市地下管网改造",
                "促进房地产市场平稳健康发展", "加快智能建造和建筑工业化", "加强历史文化街区保护",
                "推进城市内涝治理", "改造农村危房500户"),
    "交通运输局": ("新改建农村公路200公里", "推进城乡客运一体化", "新开通公交线路10条", "完成危桥改造15座",
              "开工建设普通国省干线公路", "建设综合交通枢纽"),
    "水利局": ("实施病险水库除险加固", "推进中小河流治理", "巩固提升农村供水保障水平", "新增高效节水灌溉面积5万亩",
            "强化河湖长制", "推进水土流失综合治理"),
    "农业农村局": ("粮食播种面积稳定在300万亩", "建设高标准农田10万亩", "加强动物疫病防控",
              "培育农业产业化龙头企业20家", "深化农村宅基地制度改革", "推进农产品质量安全追溯",
              "巩固拓展脱贫攻坚成果", "深化东西部协作"),
    "商务局": ("开展消费品以旧换新", "推进一刻钟便民生活圈建设", "实际使用外资2亿美元", "培育外贸新业态",
            "建设海外仓3个", "推进县域商业体系建设", "完善再生资源回收体系", "加强冷链物流体系建设"),
    "文化旅游局": ("创建国家4A级旅游景区2家", "推进公共文化服务体系建设", "开展送戏下乡200场",
              "加强文物保护利用", "推进国家文化公园建设", "建设应急广播体系", "举办文化惠民活动500场"),
    "卫生健康委": ("推进紧密型县域医共体建设", "建设区域医疗中心", "加强基层医疗卫生服务能力",
              "开展适龄女生HPV疫苗接种", "每千人口拥有3岁以下婴幼儿托位4.5个", "推进医养结合",
              "加强慢性病综合防控", "培训乡村医生500人"),
    "退役军人事务局": ("做好退役士兵安置", "加强烈士纪念设施保护管理", "落实优抚对象抚恤补助", "深化双拥共建"),
    "应急管理局": ("开展安全生产治本攻坚三年行动", "加强危险化学品安全监管", "推进应急避难场所建设",
              "加强森林火灾防控", "完善应急物资储备", "开展自然灾害综合风险普查"),
    "审计局": ("加强经济责任审计", "推进审计整改"),
    "国资委": ("深化国企改革", "推进市属国有企业战略性重组", "推动国有资本做强做优做大"),
    "市场监管局": ("创建国家食品安全示范城市", "加强特种设备安全监管", "开展公平竞争审查", "推进质量强市建设",
              "提升检验检测能力", "新增有效发明专利500件", "推进放心消费创建", "加强药品医疗器械化妆品监管"),
    "统计局": ("做好第五次全国经济普查", "提高统计数据质量"),
    "医疗保障局": ("推进医保支付方式改革", "落实药品耗材集中带量采购", "打击欺诈骗保行为",
              "扩大长期护理保险试点", "完善门诊共济保障机制", "推进医保电子凭证应用"),
    "城市管理局": ("推进生活垃圾分类", "整治城市户外广告和店招店牌", "加强建筑垃圾治理", "新建改建公厕30座",
              "推进城市综合管理服务平台建设", "开展市容环境整治"),
    "林业和草原局": ("完成人工造林5万亩", "推进油茶产业发展", "加强湿地保护修复", "防治松材线虫病",
               "开展全民义务植树", "加强野生动植物保护"),
    "体育局": ("建设全民健身中心3个", "举办马拉松赛事", "新建健身步道100公里", "推进体育产业发展"),
    "数据局": ("推进公共数据开放共享", "建设城市大脑", "推进数据资产入表", "加快算力基础设施建设"),
    "营商环境建设局": ("推进高效办成一件事", "深化工程建设项目审批制度改革", "推进公共资源交易平台整合",
                "提升12345政务服务便民热线效能", "打造一流营商环境"),
    "信访局": ("推进信访工作法治化", "化解信访积案"),
    "金融发展局": ("防范化解地方金融风险", "推动企业上市挂牌", "发展普惠金融", "打击非法集资"),
    "税务局": ("落实结构性减税降费政策", "优化纳税缴费服务"),
    "住房公积金管理中心": ("扩大住房公积金制度覆盖面", "推进灵活就业人员缴存住房公积金"),
    "残联": ("做好残疾人精准康复服务", "推进残疾人就业", "加强无障碍环境建设"),
    "总工会": ("建设户外劳动者服务站点", "开展劳动和技能竞赛", "帮扶困难职工"),
    "团市委": ("建设青年发展型城市", "实施希望工程"),
    "妇联": ("开展巾帼建功行动", "加强家庭家教家风建设"),
    "科协": ("提升公民科学素质", "建设科普教育基地"),
    "供销社": ("深化供销合作社综合改革", "建设农资供应网点"),
    "市委组织部": ("加强基层党组织建设", "选派驻村第一书记"),
    "市委宣传部": ("深化新时代文明实践中心建设", "推进县级融媒体中心建设"),
    "市委政法委": ("坚持和发展新时代枫桥经验", "规范化建设综治中心"),
    "市委网信办": ("开展清朗系列专项行动", "加强网络舆情监测"),
    "市委编办": ("深化事业单位改革", "加强机构编制管理"),
    "市委统战部": ("铸牢中华民族共同体意识", "做好侨务工作"),
    "民族宗教事务局": ("依法管理宗教事务",),
    "机关事务管理局": ("推进公共机构节能",),
    "邮政管理局": ("推进快递进村",),
}


@pytest.mark.parametrize("unit", sorted(REMITS))
def test_each_department_leads_the_tasks_of_its_remit(unit):
    found = {s: suggest_lead(s).lead for s in REMITS[unit]}
    assert found == dict.fromkeys(REMITS[unit], unit)


def test_each_suggestion_names_the_phrase_that_triggered_it_and_the_phrase_is_in_the_sentence():
    for unit, sentences in REMITS.items():
        for sentence in sentences:
            suggestion = suggest_lead(sentence)
            assert suggestion.trigger and suggestion.trigger in sentence, (unit, sentence, suggestion)
            assert DEFAULT_KEYWORD_UNITS.get(suggestion.trigger) == suggestion.lead, (sentence, suggestion)


# Generic words name no department: these sentences are led by their object, not by 建设/服务/管理/安全
ORDINARY = {
    "加强城市管理精细化水平": "城市管理局",
    "提升政务服务效能": "营商环境建设局",
    "加快建设县人民医院新院区": "卫生健康委",
    "抓好安全生产和消防安全": "应急管理局",
    "完善养老服务体系": "民政局",
    "加快农村公路提档升级": "交通运输局",
    "推进食品安全和药品安全监管": "市场监管局",
    "提高城乡居民基本医疗保险财政补助标准": "医疗保障局",
    "加快工业互联网平台建设": "工业和信息化局",
    "新建幼儿园3所,新增学位2000个": "教育局",
    "加强耕地保护和节约集约用地": "自然资源局",
    "推进重点行业挥发性有机物治理": "生态环境局",
    "实施城市更新行动": "住房城乡建设局",
    "社会消费品零售总额增长6%": "商务局",
    "一般公共预算收入增长5%": "财政局",
    "城镇新增就业1.2万人": "人力资源社会保障局",
}


def test_ordinary_sentences_are_led_by_their_object_not_by_generic_words():
    found = {s: suggest_lead(s).lead for s in ORDINARY}
    assert found == ORDINARY


def test_no_generic_word_is_a_keyword():
    for word in ("建设", "服务", "管理", "安全", "发展", "城市", "社区", "工作", "中心", "平台", "体系", "工程", "改革"
                 "提升", "保护", "数字", "智慧", "绿色", "儿童", "老年", "家庭", "安置"):
        assert word not in DEFAULT_KEYWORD_UNITS, word


def test_the_short_names_people_write_fold_to_the_standard_name():
    pairs = {"市人社局": "人力资源社会保障局", "县住建局": "住房城乡建设局", "市市监局": "市场监管局",
             "区医保局": "医疗保障局", "市应急局": "应急管理局", "县城管局": "城市管理局", "市数据局": "数据局",
             "市国资委": "国资委", "县退役军人局": "退役军人事务局", "市金融工作局": "金融发展局",
             "市地方金融管理局": "金融发展局", "市委金融办": "金融发展局", "县文广旅体局": "文化旅游局",
             "市卫健委": "卫生健康委", "县乡村振兴局": "农业农村局", "市自规局": "自然资源局",
             "市资规局": "自然资源局", "市生态环境局": "生态环境局", "市交通运输局": "交通运输局",
             "市行政审批局": "营商环境建设局", "市林草局": "林业和草原局",
             "市科协": "科协", "市供销社": "供销社", "市公积金中心": "住房公积金管理中心", "市残联": "残联",
             "市邮政管理局": "邮政管理局", "市民宗委": "民族宗教事务局", "市机关事务局": "机关事务管理局"}
    found = {name: canonical(name) for name in pairs}
    assert found == pairs
    assert standard_name("市市监局") == "市场监管局"


def test_every_default_keyword_points_at_a_standard_department():
    standard = {names[0] for names in DEPARTMENTS}
    assert set(DEFAULT_KEYWORD_UNITS.values()) <= standard


# A second set, written after the table was built and first scored as it stood (158 of 165 led right): the misses
# were fixed as remit words (保供稳价, 生产安全事故) or as generic words made weak (安全隐患, 标准化)
MORE: dict[str, tuple[str, ...]] = {
    "发展改革委": ("全年完成固定资产投资增长8%", "加快推进天然气管网县县通工程", "争取更多项目纳入国家重大项目库",
                   "做好重要民生商品保供稳价", "推进社会信用体系示范城市创建", "实施扩大内需战略",
                   "推进以县城为重要载体的城镇化建设"),
    "教育局": ("新建公办幼儿园5所", "推进县域普通高中振兴", "实施中小学校舍安全工程", "深化新时代教育评价改革",
               "推动职业院校与产业园区协同发展", "加强乡村教师队伍建设", "新增中小学学位6000个", "推进学校食堂改造"),
    "科技局": ("新认定高新技术企业60家", "建设省级以上科技创新平台5个", "全社会R&D经费支出占GDP比重达到2.5%",
               "推进科技特派员制度", "引进培育新型研发机构3家", "组织实施重大科技专项10项"),
    "工业和信息化局": ("规模以上工业增加值增长7%", "推进企业智能化改造和数字化转型", "培育省级专精特新中小企业30家",
                       "建设5G基站800个", "推动化工园区提质升级", "培育千亿级产业集群"),
    "公安局": ("深入推进反电诈工作", "严厉打击养老诈骗犯罪", "开展夏季治安打击整治行动", "推进智慧交通管理",
               "加强校园及周边治安防控", "推进派出所工作三年行动"),
    "民政局": ("新建农村互助养老服务设施50个", "提高特困人员供养标准", "推进居家和社区养老服务改革",
               "加强孤儿和事实无人抚养儿童保障", "规范婚姻登记服务", "推进惠民殡葬"),
    "司法局": ("深化法治政府示范创建", "健全公共法律服务网络", "加强人民调解组织建设", "推进行政执法三项制度",
               "实施八五普法规划"),
    "财政局": ("一般公共预算收入增长6%", "加强财政资源统筹", "深化零基预算改革", "严格政府采购管理",
               "加强地方政府专项债券管理"),
    "人力资源社会保障局": ("城镇调查失业率控制在5.5%以内", "开展补贴性职业技能培训3万人次", "新增技能人才5000人",
                           "实施企业职工基本养老保险全国统筹", "加强高校毕业生就业服务", "根治拖欠农民工工资"),
    "自然资源局": ("完成国土空间总体规划编制", "严格耕地占补平衡", "推进不动产登记便利化改革",
                   "盘活批而未供和闲置土地3000亩", "加强地质灾害隐患点治理"),
    "生态环境局": ("细颗粒物平均浓度控制在30微克/立方米以下", "国考断面水质优良比例达到90%", "推进重点行业超低排放改造",
                   "开展土壤污染风险管控", "加强固体废物污染防治"),
    "住房城乡建设局": ("新开工改造城中村安置住房2000套", "推进城市燃气管道老化更新改造", "完成既有住宅加装电梯200部",
                       "建设保障性住房1000套", "提高建筑施工安全监管水平", "推进城镇污水管网建设"),
    "交通运输局": ("建成高速公路50公里", "改造提升国省干线公路80公里", "推进农村公路养护体制改革",
                   "开通城乡公交线路15条", "建设综合货运枢纽"),
    "水利局": ("实施小型水库除险加固20座", "推进灌区续建配套与现代化改造", "完成中小河流治理30公里",
               "提升农村饮水安全保障水平", "加强水资源刚性约束"),
    "农业农村局": ("粮食总产量稳定在50万吨以上", "新建高标准农田8万亩", "生猪出栏稳定在100万头",
                   "推进农村人居环境整治提升", "发展壮大村级集体经济", "培育家庭农场200家", "做好动物防疫工作"),
    "商务局": ("社会消费品零售总额增长7%", "外贸进出口总额增长5%", "举办消费促进活动100场", "引进世界500强企业2家",
               "建设县级物流配送中心", "培育跨境电商企业30家"),
    "文化旅游局": ("接待游客人次增长10%", "创建国家全域旅游示范区", "推进文物保护修缮", "建设城市书房20个",
                   "举办文化旅游节"),
    "卫生健康委": ("推进县级医院提标扩能", "建设国家区域医疗中心", "每千人口执业医师数达到3.2人",
                   "推进婴幼儿照护服务发展", "加强传染病监测预警", "推进中医药传承创新"),
    "退役军人事务局": ("建设退役军人服务中心", "做好军人军属优待工作", "加强烈士褒扬工作"),
    "应急管理局": ("生产安全事故起数和死亡人数双下降", "开展安全生产大排查大整治", "加强防汛抗旱准备",
                   "推进基层应急能力建设", "提高自然灾害防治能力"),
    "审计局": ("开展重大政策跟踪审计",),
    "国资委": ("推进市属国有企业改革深化提升行动", "做强做优国有资本"),
    "市场监管局": ("加强食品生产经营监管", "开展特种设备安全隐患排查", "推进知识产权强市建设", "新增经营主体2万户",
                   "加强计量标准体系建设"),
    "统计局": ("做好第五次全国经济普查数据发布",),
    "医疗保障局": ("城乡居民医保参保率稳定在95%以上", "推进DRG支付方式改革", "开展医保基金监管专项整治",
                   "提高城乡居民医保财政补助标准"),
    "城市管理局": ("生活垃圾分类覆盖率达到90%", "推进城市精细化管理", "整治占道经营", "新建改造公共厕所50座",
                   "推进城市照明节能改造"),
    "林业和草原局": ("完成植树造林3万亩", "森林覆盖率达到60%", "加强松材线虫病防控", "推进林长制"),
    "体育局": ("举办全民健身运动会", "建设社区健身设施100处", "承办省级体育赛事"),
    "数据局": ("推进公共数据授权运营", "加快数据要素市场化配置", "建设一体化政务大数据体系"),
    "营商环境建设局": ("持续优化营商环境", "深化一网通办改革", "推进政务服务标准化规范化便利化"),
    "信访局": ("推进信访积案化解",),
    "金融发展局": ("新增境内外上市企业3家", "引导金融机构加大信贷投放", "防范化解地方金融风险"),
    "税务局": ("落实组合式税费支持政策", "优化办税缴费服务"),
    "住房公积金管理中心": ("住房公积金缴存额增长8%",),
    "残联": ("推进残疾人家庭无障碍改造",),
    "总工会": ("开展职工技能大赛", "做好困难职工帮扶"),
    "团市委": ("开展青少年思想引领", "推进青年发展型县域建设"),
    "妇联": ("推进妇女儿童发展规划实施",),
    "科协": ("举办全国科普日活动",),
    "供销社": ("推进供销社基层组织建设",),
    "市委宣传部": ("深化全国文明城市创建", "推进新时代文明实践"),
    "市委政法委": ("推进市域社会治理现代化", "深化平安建设"),
}


@pytest.mark.parametrize("unit", sorted(MORE))
def test_each_department_leads_more_tasks_of_its_remit_written_after_the_table(unit):
    found = {s: suggest_lead(s).lead for s in MORE[unit]}
    assert found == dict.fromkeys(MORE[unit], unit)


def test_no_keyword_is_found_across_the_end_of_a_verb_or_of_a_word_before_it():
    cases = {"深化工程建设项目审批制度改革": "营商环境建设局",  # 深化 holds no 化工
             "提高企业创新能力": "科技局",  # 提高 holds no 高企: 创新, not 高企, leads
             "提高职业技能水平": "人力资源社会保障局", "积极争取水利资金": "水利局",  # no 高职, no 取水
             "应对台风灾害": "应急管理局", "年内河道整治10公里": "水利局",  # no 对台, no 内河
             "提高农业机械化水平": "农业农村局"}
    found = {s: suggest_lead(s) for s in cases}
    assert {s: g.lead for s, g in found.items()} == cases
    assert found["提高企业创新能力"].trigger == "创新"
    assert suggest_lead("打通关键堵点").lead != "商务局"  # 通关 is no keyword inside 打通关键


def test_a_reform_of_an_object_is_led_by_the_object_s_department_and_a_share_s_whole_leads_nothing():
    assert suggest_lead("推进殡葬改革").lead == "民政局"
    assert suggest_lead("深化医保支付方式改革").lead == "医疗保障局"
    assert suggest_lead("深化改革开放").lead == "发展改革委"
    assert suggest_lead("全面落实总体方案,深入实施改革试点任务").lead == "发展改革委"
    assert suggest_lead("研发经费支出占地区生产总值比重达到2.7%").lead == "科技局"
    assert suggest_lead("侵占河道问题全面整改").lead == "水利局"  # 侵占 is no share


def test_a_safety_check_or_a_standard_of_an_object_is_led_by_the_object_s_department():
    assert suggest_lead("开展特种设备安全隐患排查").lead == "市场监管局"
    assert suggest_lead("开展燃气安全隐患排查整治").lead == "住房城乡建设局"
    assert suggest_lead("全面排查整治安全隐患").lead == "应急管理局"
    assert suggest_lead("推进政务服务标准化规范化便利化").lead == "营商环境建设局"


def test_a_department_many_governments_lack_has_the_stand_in_that_does_its_work():
    found = {name: stand_in(name) for name in ("县国资委", "县人防办", "县民宗局", "市邮政管理局", "区机关事务局",
                                               "县金融办", "市教育局")}
    assert found == {"县国资委": "财政局", "县人防办": "住房城乡建设局", "县民宗局": "市委统战部",
                     "市邮政管理局": "交通运输局", "区机关事务局": "政府办公室", "县金融办": "财政局", "市教育局": None}


def test_a_unit_named_as_the_sentence_s_subject_leads_whatever_its_keywords_say():
    cases = {
        # a province's 厅 is the city's 局 (党建引领 is the 组织部's keyword, not the subject)
        "今年,自治区住房城乡建设厅将坚持党建引领,推进老旧小区改造": ("住房城乡建设局", "住房城乡建设厅"),
        "省农业农村厅要指导各地做好秋粮收储": ("农业农村局", "农业农村厅"),
        # a city's 局/委, a district's 局, the party's departments, at the head or before 将/要/负责/牵头
        "市交通运输局加快推进智慧停车建设": ("交通运输局", "交通运输局"),
        "区住建局牵头开展背街小巷整治": ("住房城乡建设局", "住建局"),
        "推进城市更新,区财政局要做好资金保障": ("财政局", "财政局"),
        "市委宣传部负责推进城市形象推广": ("市委宣传部", "市委宣传部"),
        "下一步,省发展改革委将统筹推进重大项目前期工作": ("发展改革委", "发展改革委"),
        # bodies the table does not know: a group, a city's company, a sub-district, a township
        "市城投集团负责实施老城区雨污分流改造": ("城投集团", "市城投集团"),
        "市水务公司将新建供水管网20公里": ("水务公司", "市水务公司"),
        "大凌河街道将新建社区食堂3个": ("大凌河街道", "大凌河街道"),
        "石山镇要加快建设特色农产品加工园": ("石山镇", "石山镇"),
    }
    found = {s: suggest_lead(s) for s in cases}
    assert {s: (g.lead, g.trigger) for s, g in found.items()} == cases
    assert all(g.confidence >= 0.9 for g in found.values())


def test_no_subject_is_read_from_a_government_a_generic_body_or_a_word_ending_like_a_unit():
    assert suggest_lead("市委市政府将出台支持民营经济发展的政策").lead == "发展改革委"  # 市委 is no department
    assert suggest_lead("市政府将出台稳就业政策").lead == "人力资源社会保障局"  # no 市政 (住建) in 市政府
    assert suggest_lead("各乡镇要加强农村人居环境整治").lead == "农业农村局"
    assert suggest_lead("新发展格局将加快构建").lead == ""
    assert suggest_lead("全体干部要深入企业开展帮扶").lead != "干部"
    assert suggest_lead("市人大常委会将听取审议计划执行情况报告").lead == ""
    # a unit named after the subject but not said to lead is a partner
    found = suggest_lead("市教育局要会同市财政局落实学生资助政策")
    assert (found.lead, found.partners) == ("教育局", ("财政局",))


def test_remit_words_found_missing_by_the_lead_units_set():
    cases = {"新建商业综合体2个": "商务局", "坚决守住不发生规模性返贫的底线": "农业农村局",
             "为辖区居民提供免费健康体检": "卫生健康委", "加强排污单位自行监测监管": "生态环境局",
             "深化法治宣传教育进社区": "司法局", "提高城市道路清扫保洁水平": "城市管理局",
             "新建国家储备林5万亩": "林业和草原局", "建设回迁安置房800套": "住房城乡建设局",
             "城镇登记失业率控制在4%以内": "人力资源社会保障局", "单位生产总值二氧化碳排放下降4%": "发展改革委",
             "保持国际收支基本平衡": "商务局", "稳慎推进农村三块地改革": "农业农村局",
             "守牢安全生产底线": "应急管理局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_a_body_s_own_constituency_or_brand_outweighs_the_kind_of_work():
    assert suggest_lead("举办退役军人专场招聘会").lead == "退役军人事务局"
    assert suggest_lead("举办巾帼创业创新大赛").lead == "妇联"
    assert suggest_lead("开展高校毕业生职业技能培训").lead == "人力资源社会保障局"


def test_a_first_clause_naming_nothing_does_not_hide_the_task_s_object():
    assert suggest_lead("立足资源禀赋,推进乡村旅游提质升级,带动农民增收").lead == "文化旅游局"
    # a first clause that names the means keeps the rest in second place (用足…财政政策 is minor, not nothing)
    assert suggest_lead("用足积极的财政政策,谋划储备重大项目100个").lead == "发展改革委"


# lead_units.tsv: short plan sentences written for the test, each with the lead a careful reader in a prefecture-level
# city assigns, written before the engine was run on them (first seen 168 of 178, 0.944); the misses were fixed as
# general rules above (remit words, weights, the first clause naming something, a unit named as the subject)
def _tsv_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated set in tests/documents/data, without its # comments."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _tsv_rounds(name: str, rounds: set[int]) -> list[list[str]]:
    """The rows of those rounds of a set whose comment lines "# == round N ==" start round N (round 1 before any)."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    out, current = [], 1
    for line in text.splitlines():
        if line.startswith("# == round "):
            current = int(line.split()[3])
        elif line.strip() and not line.startswith("#") and current in rounds:
            out.append(line.split("\t"))
    return out


LEAD_UNITS = _tsv_rows("lead_units.tsv")
LEAD_UNITS_FLOOR = 0.97


def test_the_lead_units_set_stays_above_its_floor():
    misses = {s: (lead, suggest_lead(s).lead) for s, lead in LEAD_UNITS if suggest_lead(s).lead != standard_name(lead)}
    assert len(LEAD_UNITS) >= 150
    assert 1 - len(misses) / len(LEAD_UNITS) >= LEAD_UNITS_FLOOR, misses


def test_partners_are_the_units_the_text_assigns_not_everyone_and_not_a_cut_name():
    found = suggest_lead("新建公办幼儿园5所(牵头单位:市教育局;配合单位:各区人民政府、各有关部门)")
    assert (found.lead, found.partners) == ("教育局", ("各区人民政府",))  # 各有关部门 is everyone
    found = suggest_lead("实施老旧小区改造(市住建局牵头,市财政局、市")  # an excerpt cut inside a name
    assert (found.lead, found.partners) == ("住房城乡建设局", ("财政局",))


def test_a_keyword_partner_is_named_by_its_own_work_not_by_a_weak_or_a_compared_word():
    assert suggest_lead("新建农村幼儿园3所").partners == ()  # 农村 says where
    assert suggest_lead("推进中小企业数字化转型").partners == ()
    assert "发展改革委" not in suggest_lead("居民收入增长与经济增长同步").partners  # compared with, not partner
    assert suggest_lead("开展食品安全和药品安全专项整治,加强特种设备监管").partners == ()
    assert suggest_lead("新建幼儿园3所,配套建设社区卫生服务站").partners == ("卫生健康委",)


def test_a_goal_implies_the_partner_decompositions_give_it():
    cases = {"居民收入增长与经济增长同步": ("发展改革委", ("人力资源社会保障局", "农业农村局")),
             "城乡居民人均可支配收入分别增长6%和7%": ("人力资源社会保障局", ("农业农村局",)),
             "单位地区生产总值二氧化碳排放下降3%": ("发展改革委", ("生态环境局",)),
             "税收收入增长6%": ("财政局", ("税务局",))}
    assert {s: (g.lead, g.partners) for s in cases for g in [suggest_lead(s)]} == cases


def test_a_lead_s_confidence_says_how_it_was_found_named_surest_a_lone_generic_word_doubtful():
    conf = {s: suggest_lead(s).confidence for s in (
        "市水利局负责加强水库管理", "新建高标准农田5万亩", "加强水库管理", "推进项目建设", "支持企业发展",
        "开展农村公路和学校建设")}
    named, long_word, short_word, project, firms, contested = conf.values()
    assert named >= 0.95 > long_word >= 0.9 > short_word >= 0.8  # the review queue's sure ones (SURE = 0.8)
    assert project <= 0.7 and firms <= 0.7  # 项目, 企业 alone: doubtful, never bulk-accepted
    assert contested < short_word  # two units' keywords nearly as heavy


def test_the_lead_units_set_is_right_more_often_where_the_engine_is_surer():
    found = [(suggest_lead(s).confidence, suggest_lead(s).lead == standard_name(lead)) for s, lead in LEAD_UNITS]
    sure = [ok for c, ok in found if c >= 0.8]
    assert len(sure) >= 0.8 * len(found) and sum(sure) / len(sure) >= 0.97


def test_remit_words_found_missing_by_the_second_set():
    cases = {"加强矿产资源勘查,实施找矿行动": "自然资源局", "开展小麦病虫害绿色防控": "农业农村局",
             "完善县乡村三级寄递物流体系": "邮政管理局", "新建城区第二污水处理厂": "住房城乡建设局",
             "推动企业年金扩面": "人力资源社会保障局", "完善山洪灾害监测预警": "水利局",
             "加大普惠小微贷款投放": "金融发展局", "开展电信诈骗积案攻坚": "公安局",  # 积案 is any body's backlog
             "为适龄儿童开展口腔健康检查": "卫生健康委", "建立特殊困难老年人探访关爱制度": "民政局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_what_an_object_becomes_is_not_what_the_task_is_about():
    assert suggest_lead("推动出租车更新为新能源汽车").lead == "交通运输局"
    assert suggest_lead("将闲置厂房改造为养老服务中心").lead == "民政局"  # what it becomes still leads when alone


def test_schools_boilers_fishing_ports_and_shorelines_have_their_units():
    assert suggest_lead("城南小学建设项目").lead == "教育局"
    assert suggest_lead("实施燃煤锅炉改造项目").lead == "生态环境局"
    assert suggest_lead("启动中心渔港改造").lead == "农业农村局"
    assert suggest_lead("推进东部岸线整治").lead == "自然资源局"
    assert suggest_lead("推进重点地块收储").lead == "自然资源局"


def test_where_a_work_goes_is_not_what_it_is_and_words_the_third_set_found_missing():
    assert suggest_lead("开展戏曲进校园活动").lead == "文化旅游局"  # 进校园: where it goes
    assert suggest_lead("推进校园安全防范建设").lead == "教育局"  # 推进 is no 进 (into)
    cases = {"清查盘活闲置国有资产": "财政局", "发展稻虾综合种养": "农业农村局", "压缩企业开办时间": "营商环境建设局",
             "深入开展铁拳行动": "市场监管局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_remit_words_found_missing_by_the_governments_own_assignments():
    # official_leads.tsv (real items, leads as the governments assigned them) found these objects without a keyword
    # or led by a word of another unit; the sentences here are written for the test
    cases = {"新建3座过街人行天桥": "住房城乡建设局", "开工建设老年养护院": "民政局",
             "建成区残疾人综合服务中心": "残联", "开展商品过度包装专项治理": "市场监管局",
             "推动学校食堂阳光厨房全覆盖": "市场监管局", "引导农贸市场净菜上市": "商务局",
             "健全城乡生活垃圾回收利用体系": "商务局", "推进老街立面整治": "住房城乡建设局",
             "新建城乡书房10个": "文化旅游局", "完善一刻钟公共文体服务圈": "文化旅游局",
             "推动20家企业小升规": "工业和信息化局", "建设人才安居工程住房500套": "住房城乡建设局",
             "为孕龄期妇女提供免费取环服务": "卫生健康委", "完成名人故居修缮展陈": "文化旅游局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_a_venue_opening_to_the_public_is_no_opening_up_of_the_economy():
    assert suggest_lead("完成革命纪念馆提升改造并对外开放").lead == "文化旅游局"
    assert suggest_lead("推动机关事业单位停车场地错时向社会开放").lead != "商务局"
    assert suggest_lead("扩大高水平对外开放").lead == "商务局"  # the economy's opening stays the 商务局's
    assert suggest_lead("以开放促改革,建设开放型经济新体制").lead == "商务局"


def test_what_a_task_goes_by_before_its_verb_is_not_what_it_does():
    assert suggest_lead("依据国土空间规划落实垃圾中转站布局").lead == "城市管理局"
    assert suggest_lead("按照学校建设标准完善幼儿园配套设施").lead == "教育局"
    # a basis naming the task's own object still leads it, and a plain first clause stays the task
    assert suggest_lead("根据国土空间规划编制村庄规划").lead == "自然资源局"
    assert suggest_lead("按时足额发放城乡低保金").lead == "民政局"


# official_leads.tsv: real items copied from 24 governments' decompositions outside Liaoning, each with the lead the
# government itself named, recorded before the engine saw them (first seen 101 of 144, 0.701; after the general fixes
# above 0.80). The rest are local divisions of work (2016 环卫 with 住建, 2006 projects with 发改, 国资 in 财政, bodies
# no standard department names) or goals the governments split between units.
# Round 2 (126 items of 20 other governments, landed unseen): first seen 79/126 = 0.627 (round 1 then 0.812); after
# the general rules below 99/126 = 0.786, both rounds 216/270 = 0.800.  What stays: bodies no standard department
# names (先导区/示范区管委会, 移民局, 节水办), dated divisions (天津 2006: 常住人口 to 人口计生委, energy intensity to
# 经委), a district's own (新建: 燃气 and 老旧小区 with 城管), a merged 教体局's sports items, and income targets
# (older decompositions give them to 发改, newer to 人社: left with 人社, as the corpus gold).
# Round 3 (34 items of 6 more governments, landed unseen after round 2's fixes): first seen 18/34 = 0.529 (6 leads
# are a county's state-owned developers or its fire brigade); after the remit words below 23/34 = 0.676.  All three
# rounds 239/304 = 0.786.
# Round 4 (75 items of 16 more governments, landed unseen): first seen 54/75 = 0.720 (8 leads are a development
# zone's offices and other local bodies); after the remits and the countryside's refuse below 60/75 = 0.800, all four
# rounds 302/379 = 0.797 (a named river's regulation brought round 1's 大竹 item).
# Round 5 (82 items of 16 governments, 11 new, landed unseen): first seen 56/82 = 0.683 (4 leads are local bodies);
# after the remits and the run-together list below 64/82 = 0.780, all five rounds 368/461 = 0.798.
# Round 6 (53 items of 12 governments new to the set, landed unseen): first seen 30/53 = 0.566 (9 leads are local
# bodies); after the rules of test_real_text_rules_leads6.py 37/53 = 0.698, all six rounds 405/514 = 0.788.
OFFICIAL_LEADS = _tsv_rounds("official_leads.tsv", {1, 2, 3, 4, 5, 6})
OFFICIAL_LEADS_FLOOR = 0.78


def test_income_in_step_with_the_economy_is_the_planners_goal_and_a_plain_income_target_is_not():
    # every official decomposition seen gives 居民收入…与经济增长同步 to 发改 (the corpus gold, written by us with 人社,
    # was brought to it): the income bodies partner
    for goal in ("城乡居民人均收入与全市经济增长基本同步", "农民人均纯收入增长和GDP增长同步",
                 "全体居民人均可支配收入增长与地区生产总值增长保持同步"):
        found = suggest_lead(goal)
        assert (found.lead, found.partners[0]) == ("发展改革委", "人力资源社会保障局"), goal
    # a plain target, a race ahead, and a step goal behind another goal keep their own leads
    assert suggest_lead("城镇居民人均可支配收入增长7%").lead == "人力资源社会保障局"
    assert suggest_lead("农民收入增速继续快于城镇居民").lead != "发展改革委"
    assert suggest_lead("一般公共预算收入增长8%、居民收入与经济增长同步").lead == "财政局"


def test_remit_words_and_minor_keywords_found_missing_in_held_out_plans():
    # sentences written for the test; the remit each word names, and a keyword that says whom a work serves or an
    # example standing for a whole class is not what the task is
    cases = {"推行职工带薪休假制度": "人力资源社会保障局", "扶持大学生创业园建设": "人力资源社会保障局",
             "新建村级互助照料中心30个": "民政局", "能耗强度完成省下达目标": "发展改革委",
             "推进都市圈同城化发展": "发展改革委", "实施文化产业赋能乡村振兴行动": "文化旅游局",
             "推进东港码头等200个亿元以上项目建设": "发展改革委"}
    for sentence, lead in cases.items():
        assert suggest_lead(sentence).lead == lead, sentence
    # a name among a few counted keeps its field (a port for two harbour projects)
    assert suggest_lead("推进东港码头等2个港口项目建设").lead == "交通运输局"


def test_the_governments_own_leads_stay_above_their_floor():
    from zhenxing.documents.extraction.text import normalise

    assert len(OFFICIAL_LEADS) >= 300 and len({city for _, _, city in OFFICIAL_LEADS}) >= 48
    misses = {text[:30]: (lead, suggest_lead(normalise(text)).lead) for text, lead, _ in OFFICIAL_LEADS
              if standard_name(suggest_lead(normalise(text)).lead or "-") != standard_name(lead)}
    assert 1 - len(misses) / len(OFFICIAL_LEADS) >= OFFICIAL_LEADS_FLOOR, misses


# --- official_leads.tsv round 2: the classes its misses showed; the sentences are written for the test -------------

def test_a_department_s_former_name_is_its_successor_s():
    # decompositions of 2006-2017 name bodies the 2018 reform merged or renamed: each is today's department
    former = {"市质监局": "市场监管局", "市工商局": "市场监管局", "市食药监局": "市场监管局",
              "省卫生厅": "卫生健康委", "市人口计生委": "卫生健康委", "市经委": "工业和信息化局",
              "市建委": "住房城乡建设局", "市安监局": "应急管理局", "市扶贫办": "农业农村局",
              "市物价局": "发展改革委", "市劳动保障局": "人力资源社会保障局", "省旅文厅": "文化旅游局",
              "市监察局": "纪委监委"}
    assert {name: canonical(name) for name in former} == former
    # no department hides in another body's name: the congress's finance committee, a committee being set up
    assert canonical("市人大财经委") is None and canonical("组建专家委员会") is None
    assert suggest_lead("由市安监局牵头开展安全生产大检查").lead == "应急管理局"


def test_a_body_outside_the_government_leads_when_the_text_names_it_as_the_doer():
    assert suggest_lead("市纪委监委开展作风建设专项整治").lead == "纪委监委"
    assert suggest_lead("市委党校开展年轻干部轮训").lead == "市委党校"
    assert suggest_lead("市文联举办文艺惠民演出50场").lead == "文联"
    # a body in a hospital's name, and bodies whose views are heard, are no doers
    assert suggest_lead("建设市红十字会医院门诊楼").lead == "卫生健康委"
    assert suggest_lead("认真听取各民主党派、工商联和无党派人士意见").lead != "工商联"


def test_remit_words_the_second_round_found_missing():
    cases = {"落实积极应对人口老龄化国家战略": "卫生健康委", "提高城乡居民基础养老金最低标准": "人力资源社会保障局",
             "实施海塘安澜工程": "水利局", "改造沿江水闸3座": "水利局", "开展城市窨井盖专项整治": "城市管理局",
             "发展重型燃气轮机产业": "工业和信息化局", "加强传染性疾病防控": "卫生健康委",
             "开展老年人认知障碍筛查": "卫生健康委", "优化政府机构设置": "市委编办",
             "认真执行人大及其常委会的决议决定": "政府办公室", "高质量办理人大代表建议和政协提案": "政府办公室",
             "加强政府自身建设": "政府办公室", "深入推进党风廉政建设和反腐败斗争": "纪委监委",
             "完成初中教室照明改造": "教育局", "深化课程教材改革": "教育局", "推进职业中专扩容提升": "教育局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases
    assert suggest_lead("新增认知障碍照护床位100张").lead == "民政局"  # the care beds stay civil affairs'


def test_fields_listed_and_closed_by_deng_go_to_the_first_named():
    assert suggest_lead("统筹推进教育、卫生、文化等事业发展").lead == "教育局"
    assert suggest_lead("加快学校、医院和养老院等设施建设").lead == "教育局"
    # without 等 the list qualifies its last member (养老保险、医疗保险、失业保险): the insurance stays 人社's
    assert suggest_lead("完善养老、医疗、失业保险制度").lead == "人力资源社会保障局"


def test_a_dead_end_road_or_a_black_water_body_in_the_town_is_municipal_works():
    assert suggest_lead("打通县城断头路5条").lead == "住房城乡建设局"
    assert suggest_lead("打通城区断头路,畅通路网微循环").lead == "住房城乡建设局"
    assert suggest_lead("年底前建成区基本消除黑臭水体").lead == "住房城乡建设局"
    # no town named: as before (a city whose transport bureau builds the roads; the countryside's water)
    assert suggest_lead("打通断头路20条").lead == "交通运输局"
    assert suggest_lead("完成农村黑臭水体治理30处").lead == "生态环境局"
    # car parks stay the transport bureau's, in the town too: governments differ
    assert suggest_lead("新增停车泊位1200个").lead == "交通运输局"
    assert suggest_lead("新增城区公共停车位800个").lead == "交通运输局"


def test_remit_words_the_task_set_passages_had_none_for():
    cases = {"改扩建县精神病院": "卫生健康委", "新建农村公益性骨灰堂3处": "民政局",
             "完善大中型闸站安全监测设施": "水利局", "组织医疗队下乡巡诊": "卫生健康委",
             "保障全社会电量供给": "发展改革委", "第三产业增加值增长7%": "发展改革委",
             "创成省级特色田园乡村2个": "住房城乡建设局", "推进北方地区清洁取暖": "住房城乡建设局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_remit_words_the_third_round_found_missing():
    cases = {"建设献血屋2个": "卫生健康委", "新增避灾安置场所30个": "应急管理局",
             "开展劳务品牌培训500人": "人力资源社会保障局", "开展残疾人实用技术培训200人": "残联",
             "新增垃圾四分类达标小区100个": "城市管理局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_adapting_a_thing_for_the_old_is_the_thing_s_owner_s_work():
    assert suggest_lead("完成100座公厕适老化改造").lead == "城市管理局"
    assert suggest_lead("推进既有住宅适老化改造").lead == "住房城乡建设局"
    # a household's home adapted, or the adapting alone, stays civil affairs'
    assert suggest_lead("完成老年人家庭适老化改造800户").lead == "民政局"
    assert suggest_lead("完成居家适老化改造1000户").lead == "民政局"


def test_keeping_investors_and_office_tower_economy_are_commerce_s():
    cases = {"优化安商稳商工作机制": "商务局", "全年亿元楼数量达到50幢": "商务局", "发展楼宇经济": "商务局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_a_count_of_firms_drawn_in_is_investment_attraction_s_whatever_their_field():
    for sentence in ("引进金融企业15家、人力资源机构30家", "全年引进优质项目80个", "招引总部企业5家以上"):
        assert suggest_lead(sentence).lead == "商务局", sentence
    # talent drawn in, or firms drawn in and grown with no count, stay with their field
    assert suggest_lead("引进高层次人才团队10个").lead != "商务局"
    assert suggest_lead("大力引进和培育新兴产业领军企业").lead != "商务局"


def test_mending_farmland_s_production_barriers_is_agriculture_s():
    assert suggest_lead("健全耕地生产障碍修复利用机制").lead == "农业农村局"


def test_a_keyword_inside_a_road_s_name_says_where_not_what():
    assert suggest_lead("开工建设工业南路改造工程").lead != "工业和信息化局"
    assert suggest_lead("打通工业大道断头路").lead == "交通运输局"
    assert suggest_lead("推进工业园区道路建设").lead == "工业和信息化局"


def test_greenhouses_are_agriculture_s():
    assert suggest_lead("完成城北大棚退让试点项目").lead == "农业农村局"


def test_townscapes_heritage_bids_power_distribution_food_tracing_and_tax_free_shopping():
    cases = {
        "推进老城传统风貌区保护修缮": "住房城乡建设局", "加快建设南门老街区": "住房城乡建设局",
        "推动古城遗址申遗": "文化旅游局", "完成20个小区供配电设施改造": "发展改革委",
        "安装智能电表3万只": "发展改革委", "建设10个食品安全溯源示范农贸市场": "市场监管局",
        "推动商业街店铺离境退税全覆盖": "商务局",
    }
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_city_bridges_hazardous_road_sections_new_greenery_and_four_into_communities():
    cases = {
        "完工滨江大桥和东门大桥": "住房城乡建设局", "整治12处安全隐患路段": "公安局",
        "新增绿化20公顷": "城市管理局", "推进服务“四进社区”": "民政局",
    }
    assert {s: suggest_lead(s).lead for s in cases} == cases
    assert suggest_lead("建设跨江大桥及连接公路").lead == "交通运输局"


def test_what_the_works_are_framed_by_does_not_lead_them():
    assert suggest_lead("以创建全国文明城市为统揽,实施城市更新行动").lead == "住房城乡建设局"


def test_the_fire_brigade_s_name_before_the_2018_reform_folds_to_its_present_name():
    assert standard_name("县消防大队") == "消防救援大队"
    assert standard_name("市公安消防支队") == "消防救援支队"


# --- official_leads.tsv round 4: the classes its misses showed; the sentences are written for the test -------------

def test_resettlement_piped_gas_e_bike_charging_lifts_and_township_finances():
    cases = {"完成棚改回迁安置1200户": "住房城乡建设局",
             "为2万户管道天然气用户开展户内燃气安全检查": "住房城乡建设局",
             "新增电动自行车充电端口2000个": "住房城乡建设局",
             "为1200台住宅电梯安装智能监测设备": "市场监管局",
             "推进县乡财政体制改革,理顺财权事权关系": "财政局"}
    for sentence, lead in cases.items():
        assert suggest_lead(sentence).lead == lead, sentence
    # the cars' public charging network stays the planners', a lift installed in old housing housing's
    assert suggest_lead("新建新能源汽车公共充电桩300个").lead == "发展改革委"
    assert suggest_lead("老旧住宅加装电梯80部").lead == "住房城乡建设局"


def test_the_countryside_s_refuse_is_village_works_and_a_school_s_grounds_the_school_s():
    assert suggest_lead("提高农村生活垃圾收运处置体系覆盖率").lead == "住房城乡建设局"
    assert suggest_lead("建设乡镇垃圾分类收集点40个").lead == "住房城乡建设局"
    assert suggest_lead("推进城区生活垃圾分类").lead == "城市管理局"  # the town's stays city management's
    assert suggest_lead("完成12所中小学塑胶运动场改造").lead == "教育局"
    assert suggest_lead("新建市民多功能运动场20片").lead == "体育局"  # the public's grounds stay the sports bureau's


def test_a_named_river_s_regulation_is_the_water_bureau_s():
    assert suggest_lead("实施清水河城区段综合治理工程").lead == "水利局"
    assert suggest_lead("对白沙河、龙溪等4条河进行系统整治").lead == "水利局"
    assert suggest_lead("加快湘江北岸综合整治").lead == "水利局"
    # a keyword inside says whose (黑臭水体), and 河南 / 河北 name provinces, not rivers
    assert suggest_lead("完成凤凰河黑臭水体整治").lead == "生态环境局"
    assert suggest_lead("推动河南省产业综合治理").lead != "水利局"


def test_research_institutes_water_works_and_a_work_s_fiscal_guarantee():
    assert suggest_lead("与知名高校共建新材料研究院").lead == "科技局"
    assert suggest_lead("建成理工大学高等研究院").lead == "教育局"  # a university's own institute
    assert suggest_lead("完成城东水厂提标改造").lead == "住房城乡建设局"
    assert suggest_lead("加强民生实事项目的财力保障").lead == "财政局"


def test_farmland_turned_from_grain_and_land_transfer_are_agriculture_s_and_an_investment_budget_finance_s():
    assert suggest_lead("开展耕地“非粮化”问题排查整改").lead == "农业农村局"
    assert suggest_lead("坚决遏制耕地“非农化”").lead == "自然资源局"
    assert suggest_lead("引导土地流转发展适度规模经营").lead == "农业农村局"
    assert suggest_lead("科学编制年度政府投资预算").lead == "财政局"


# --- official_leads.tsv round 5: the classes its misses showed; the sentences are written for the test -------------

def test_partnerships_poverty_relief_school_mental_health_signals_and_carbon_credits():
    cases = {"规范推进政府和社会资本合作项目": "发展改革委",
             "盘活存量PPP项目,完善PPP项目绩效管理": "发展改革委",
             "巩固提升扶贫工程成效,编制县级扶贫规划": "农业农村局",
             "配齐中小学心理健康教育专职教师": "教育局",
             "改造城区主干道路口信号灯40处": "公安局",
             "优化主城区交通信号配时": "公安局",
             "推广碳普惠应用场景,新增注册用户10万人": "生态环境局",
             "完成老城区道路照明设施改造": "城市管理局",
             "按时发放困难群众生活补助": "民政局"}
    for sentence, lead in cases.items():
        assert suggest_lead(sentence).lead == lead, sentence
    # a pupil's psychological screening stays health's (R38), an anti-poverty relief by work 以工代赈 the planners'
    assert suggest_lead("为全区中小学生开展心理评估").lead == "卫生健康委"
    assert suggest_lead("实施以工代赈项目12个").lead == "发展改革委"
    # a constituency's own word outweighs the allowance: 退役军人 stays the veterans' bureau's
    assert suggest_lead("提高部分退役军人生活补助标准").lead == "退役军人事务局"


def test_fields_run_together_and_closed_by_deng_are_listed_and_the_first_named_leads():
    # 财政金融等领域: two fields without a mark between them, closed by 等, are a list as 教育、卫生等 is
    assert suggest_lead("防范化解财政金融等领域风险").lead == "财政局"
    assert suggest_lead("统筹推进交通水利等基础设施建设").lead == "交通运输局"
    # without 等 the pair is no list: the later keyword, the head of the object, still leads
    assert suggest_lead("防范化解财政金融风险").lead == "金融发展局"


def test_remit_words_the_corpus_and_task_set_gold_named_after_round_5():
    # sentences written for the test, one for each word added from the gold quotes' misses
    cases = {"实施县乡道安全生命防护工程80公里": "交通运输局", "加快城际快线建设": "交通运输局",
             "加快沿江高铁建设": "交通运输局", "完成120个配电台区升级改造": "发展改革委",
             "全年向上争取资金15亿元以上": "发展改革委", "落实各级林长巡林责任": "林业和草原局",
             "为3万名儿童开展免费窝沟封闭和龋齿防治": "卫生健康委", "居民电子健康档案建档率达到90%": "卫生健康委",
             "村集体经营性收入超10万元的村达到80%": "农业农村局", "推广优良品种20个": "农业农村局",
             "举办第三届消费购物节": "商务局", "推行营业执照“一照多址”改革": "市场监管局",
             "提高工伤职工伤残津贴标准": "人力资源社会保障局", "新建街心公园12个": "城市管理局"}
    for sentence, lead in cases.items():
        assert suggest_lead(sentence).lead == lead, sentence
    # the town's public toilets stay city management's, a family doctor's contract rate health's
    assert suggest_lead("新建城区公共厕所20座").lead == "城市管理局"
    assert suggest_lead("重点人群家庭医生签约覆盖率达到80%").lead == "卫生健康委"
