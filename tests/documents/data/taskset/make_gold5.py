"""Round 5 gold (written before the engine saw these texts): start and end snippets of each quote as read.

Cut by gold_cut.py; the gold files are the record."""
import re

from gold_cut import GoldTasks

GOLD = GoldTasks()
t = GOLD.t


Y15, Y23, Y24, Y25 = "2015-12-31", "2023-12-31", "2024-12-31", "2025-12-31"
ZJ, ED, HL, HR, JT = "住房城乡建设局", "教育局", "卫生健康委", "人力资源社会保障局", "交通运输局"

d = "ts_lichuan_2025"  # a county-level city's voted list: numbered project names, one a line
t(d, "利川市谋道镇谋道小学综合楼建设项目", "建设项目", ED, deadline=Y25)
t(d, "利川市华盛大道至滨江北路连接线工程", "连接线工程", ZJ, deadline=Y25)
t(d, "利川市建南镇易迁集中安置点", "排除建设项目", "", deadline=Y25)
t(d, "利川市文斗镇大杉树村", "公路硬化项目", JT, deadline=Y25)
t(d, "利川市柏杨坝镇村级集中安置点", "提档升级项目", "", deadline=Y25)
t(d, "利川市团堡镇野猫水美丽乡村", "升级改造项目", "农业农村局", deadline=Y25)
t(d, "利川市忠路镇胡白线", "公路提档升级项目", JT, deadline=Y25)
t(d, "利川市凉雾乡水乡店子", "人行道建设项目", "", deadline=Y25)

d = "ts_mianyang_2024"  # a city's voted list in 繁体: numbered project names, photo captions between them
t(d, "1.綿遂內鐵路(綿陽段)建設項目", "建設項目", "发展改革委", deadline=Y24)
t(d, "2.農田水利設施建設三年行動項目", "行動項目", "水利局", deadline=Y24)
t(d, "3.“兩江四岸”部分地段提升改造項目", "改造項目", ZJ, deadline=Y24)
t(d, "4.城區發展保障性租賃房屋項目", "房屋項目", ZJ, deadline=Y24)
t(d, "5.城區停車場新建項目", "新建項目", ZJ, deadline=Y24)
t(d, "6.城區公園提升改建項目", "改建項目", ZJ, deadline=Y24)
t(d, "7.市中心醫院綜合大樓建設項目", "建設項目", HL, deadline=Y24)
t(d, "8.南河體育中心游泳綜合館重建項目", "重建項目", "体育局", deadline=Y24)

d = "ts_zhangjiachuan_2015"  # a county's ten works in one sentence (繁体 + pinyin glosses): 投资X,实施…; each
t(d, "投資9530萬", "易地扶貧搬遷工程", "发展改革委", deadline=Y15)
t(d, "投資4000萬", "整村推進(jìn)項(xiàng)目", "农业农村局", deadline=Y15)
t(d, "投資500萬", "新城大橋", JT, deadline=Y15)
t(d, "投資762萬", "飲水不安全問(wèn)題", "水利局", deadline=Y15)
t(d, "投資680萬", "集中供養(yǎng)問(wèn)題", "民政局", deadline=Y15)
t(d, "投資1126萬", "綜合治理工程", "", deadline=Y15)
t(d, "投資3250萬", "農(nóng)村通暢工程", JT, deadline=Y15)
t(d, "投資4127.43萬", "財(cái)政獎(jiǎng)補(bǔ)項(xiàng)目", "财政局", deadline=Y15)
t(d, "投資1227萬", "土地整理項(xiàng)目", "自然资源局", deadline=Y15)
t(d, "投資7686萬", "薄弱學(xué)校改造工程", ED, deadline=Y15)
t(d, "投資1000萬", "學(xué)生宿舍樓", ED, deadline=Y15)

d = "ts_changzhou_2023"  # a city's ten voted 工程, each a label then 包括… (one task per 工程, quoted whole)
t(d, "“常有善育”工程", "积极生育支持措施等", HL, deadline=Y23)
t(d, "“常有优学”工程", "生命健康关爱行动等", ED, deadline=Y23)
t(d, "“常有健康”工程", "推动体医融合等", HL, deadline=Y23)
t(d, "“常有颐养”工程", "医养融合服务品质等", "民政局", deadline=Y23)
t(d, "“常有众扶”工程", "困境青少年结对帮扶等", "", deadline=Y23)
t(d, "“常有安居”工程", "改善农村住房条件等", ZJ, deadline=Y23)
t(d, "就业创业促进工程", "“青春留常”覆盖面等", HR, deadline=Y23)
t(d, "交通畅行工程", "更优公交出行体验等", JT, deadline=Y23)
t(d, "环境改善工程", "推进水环境整治等", "", deadline=Y23)
t(d, "公共安全提升工程", "守护食品安全等", "", deadline=Y23)

d = "ts_xianfeng_jt_2026"  # a county transport bureau's reply to the county report: 一是…三是, each a label then works
Y26, Y27 = "2026-12-31", "2027-12-31"
t(d, "实行倒排工期、挂图作战", "挂图作战", JT)
t(d, "力争利咸高速2026年建成通车", "建成通车", JT, deadline=Y26)
t(d, "242国道忠堡绕镇公路2026年全面贯通", "全面贯通", JT, deadline=Y26)
t(d, "351国道2027年完工", "2027年完工", JT, deadline=Y27)
t(d, "以在建交通项目为重点,全面排查整治风险隐患", "风险隐患", JT)
t(d, "同步覆盖公路管养", "开展安全排查", JT)
t(d, "主动向上对接汇报", "专项规划", JT)
t(d, "推动“一二三四六”对外交通体系", "内联交通体系落地", JT)

d = "ts_chongming_2025"  # a district's numbered livelihood items under theme headings, * marks
t(d, "改建认知障碍照护床位220张", "220张", "民政局", deadline=Y25)
t(d, "新增1家社区长者食堂", "长者照护之家", "民政局", deadline=Y25)
t(d, "打造1条敬老爱老服务公交线路", "公交线路", JT, deadline=Y25)
t(d, "为义务教育学校普通教室安装200台空调", "200台空调", ED, deadline=Y25)
t(d, "开设40个小学生爱心暑托班", "爱心寒托班", "", deadline=Y25)
t(d, "新增20个公办幼儿园托班托额", "扩优提质", ED, deadline=Y25)
t(d, "新增筹措供应200张", "床位", ZJ, deadline=Y25)
t(d, "完成1.4万户乡村“美丽庭院”建设", "建设", "农业农村局", deadline=Y25)
t(d, "建设改善30间生产一线职工工间休息室", "休息室", "总工会", deadline=Y25)
t(d, "区内新增就业不少于9000人", "9000人", HR, deadline=Y25)
t(d, "建成20个“15 分钟就业服务圈”", "服务站点", HR, deadline=Y25)
t(d, "新增培养高级工及以上技能人才850人次", "850人次", HR, deadline=Y25)
t(d, "升级改造1家标准化菜场", "菜场", "商务局", deadline=Y25)
t(d, "在居民小区和重点公共场所增配125台", "(AED)", HL, deadline=Y25)
t(d, "建设1家示范性社区康复中心", "康复中心", HL, deadline=Y25)
t(d, "培训4000名持证应急救护员", "应急救护普及员", HL, deadline=Y25)
t(d, "完成大肠癌筛查1.25万人", "1.25万人", HL, deadline=Y25)
t(d, "为不少于2.5万名退休和生活困难妇女", "乳腺病检查", "妇联", deadline=Y25)

d = "ts_zhonglou_2025"  # a district's plan part: goals after 主要预期目标为: split by ;, then an area's works
t(d, "地区生产总值增长5%左右", "5%左右", "发展改革委", deadline=Y25)
t(d, "一般公共预算收入保持稳定增长", "稳定增长", "财政局", deadline=Y25)
t(d, "制造业投资增长8%左右", "8%左右", "工业和信息化局", ["发展改革委"], deadline=Y25)
t(d, "实际使用外资和进出口总额稳中提质", "稳中提质", "商务局", deadline=Y25)
t(d, "居民人均可支配收入与经济增长同步", "经济增长同步", "发展改革委", deadline=Y25)
t(d, "社会消费品零售总额增长5%左右", "零售总额增长5%左右", "商务局", deadline=Y25)
t(d, "主要污染物减排、单位GDP能耗下降", "完成市下达任务", "生态环境局", ["发展改革委"], deadline=Y25)
t(d, "安全生产形势平稳向好", "平稳向好", "应急管理局", deadline=Y25)
t(d, "提速大观楼-止园", "历史文化地标建设", ZJ, deadline=Y25)
t(d, "加快航仪厂、酱品厂等工业遗存焕新", "焕新", "", deadline=Y25)
t(d, "按照“三先三后”原则推进客车厂等片区开发", "片区开发", ZJ, deadline=Y25)
t(d, "统筹老城厢运河沿线文旅资源", "串珠成链", "文化旅游局", deadline=Y25)

d = "ts_zaohuli_2025"  # a township's press conference retold: framing, then works with figures in one paragraph
t(d, "年内计划开展“以商招商”活动12次", "活动12次", "商务局", deadline=Y25)
t(d, "在畜牧精深加工", "产业项目6个以上", "商务局", deadline=Y25)
t(d, "努力争取市县级重点项目4个", "重点项目4个", "发展改革委", deadline=Y25)
t(d, "力求实现市外到位资金突破2亿元", "突破2亿元", "商务局", deadline=Y25)
t(d, "同时盘活闲置低效用地不少于150亩", "150亩", "自然资源局", deadline=Y25)
t(d, "对于重点在建项目,实施专班盯靠、专员服务机制", "专员服务机制", "", deadline=Y25)
t(d, "要紧抓建设进度,确保在年底前完成投产运营", "投产运营", "", deadline=Y25)
t(d, "年内力争培育高新技术企业3家", "企业3家", "科技局", deadline=Y25)
t(d, "申报市级“专精特新”企业", "工程实验室4家", "工业和信息化局", deadline=Y25)
t(d, "推动全镇年内规上工业总产值突破27亿元", "突破27亿元", "工业和信息化局", deadline=Y25)

d = "ts_beijing_health_2025"  # a city health commission's year works told at a media briefing, clauses run on
for s, e in [("完善“三医”信息化顶层设计", "顶层设计"), ("推进全民健康信息平台建设", "平台建设"),
             ("制定《2025年“三医”领域业务管理提升清单》", "38项任务"),
             ("制定10条信息化支撑业务管理硬措施", "硬措施"), ("完善号源管理规则", "管理规则"),
             ("狠抓电子病历质量提升", "质量提升"), ("电子病历互联互通和检查检验结果互认范围", "二级以上医院,"),
             ("加强互联网医院服务质量管理", "质量管理"), ("全市互联网医院服务平台接入医院达到70家", "70家"),
             ("加快推进国家医学中心建设", "中心建设"), ("开展“儿科、精神卫生服务年”行动", "服务年”行动"),
             ("加强儿科、精神卫生等专科建设", "专科建设"),
             ("实现二级以上综合医院精神(心理)卫生门诊达70%以上", "70%以上"),
             ("二级以上综合医院及妇幼保健院儿科门诊全覆盖", "全覆盖"),
             ("支持康复护理等领域和特需医疗服务拓展", "服务拓展"),
             ("所有三级公立医院均开展巡回医疗服务", "巡回医疗服务"),
             ("推进有条件医疗机构开展周末和夜间门诊", "周末手术等服务")]:
    t(d, s, e, HL, deadline=Y25)


GOLD.write(lambda quote: re.sub(r"^\d+\.", "", quote.rstrip("。,")))
