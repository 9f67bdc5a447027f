"""Round 6 gold (written before the engine saw these texts; held out): start and end snippets of each quote as read.

Cut by gold_cut.py; the gold files are the record."""
import re

from gold_cut import GoldTasks

GOLD = GoldTasks()
t = GOLD.t


Y23, Y24, Y25, Y26 = "2023-12-31", "2024-12-31", "2025-12-31", "2026-12-31"
MZ, ED, HL, ZJ, AG = "民政局", "教育局", "卫生健康委", "住房城乡建设局", "农业农村局"
FG, GX, TY, WL = "发展改革委", "工业和信息化局", "体育局", "文化旅游局"

d = "ts_changning_2024"  # a district's voted list: numbered items, one to six works a line
for line, lead in [("新增100张困难重残养护床位", MZ), ("改建100张认知障碍照护床位、611张护理型床位", MZ),
                   ("完成300户居家环境适老化改造", MZ), ("为456户独居老年人开展智能水表安全监测服务", MZ),
                   ("新增5家老年人助餐点", MZ), ("新增10家家门口养老服务站", MZ),
                   ("新增400个公共(含专用)充电桩、10个共享充电桩示范小区", FG),
                   ("新增250个公办幼儿园托班托额、250个社区托育“宝宝屋”托额", ED),
                   ("新建2家示范性社区康复中心、2家中医药特色示范社区卫生服务站", HL),
                   ("完成周家浜全线2公里健身步道贯通", TY), ("新建虹桥体育公园市民健身步道", TY),
                   ("改建虹桥河滨公园篮球场", TY), ("新建改建10个市民益智健身苑点", TY),
                   ("完成500户残疾人家庭无障碍设施改造", "残联"),
                   ("推出5处以上区级“家门口的好去处”、18个居民区公共文化服务示范点", WL),
                   ("推出不少于200场公益性文艺演出", WL), ("市、区两级配送文艺指导不少于1800课时", WL),
                   ("开办26个小学生爱心暑托班、10个小学生爱心寒托班", ""),
                   ("交付既有多层住宅加装电梯200台以上", ZJ)]:
    end = "特色活动" if line.startswith("推出不少于200场") else line[-4:]
    t(d, line, end, lead, deadline=Y24)

d = "ts_longgang_2024"  # a district's ten voted items in a social-media post: 01…10 on their own lines, items end ;
for s, lead in [("推动龙岗区第六人民医院二期工程", HL), ("新建、改扩建16所公办义务教育学校", ED),
                ("统筹推进一批街心公园、社区公园建设", "城市管理局"),
                ("统筹推进龙岗区2024年度非机动车道建设90公里", "交通运输局"),
                ("开展普惠性托育托位建设", HL), ("实施文体惠民工程", WL), ("推动老年人居家适老化改造", MZ),
                ("推动住宅小区老旧电梯更新改造", ZJ), ("推进龙岗区保障性住房建设", ZJ),
                ("提升校外配餐全过程监督管理水平", "市场监管局")]:
    t(d, s, {"推动龙岗区第六人民医院二期工程": "新建工程建设", "新建、改扩建16所公办义务教育学校": "3.8万座",
             "开展普惠性托育托位建设": "高质量发展", "实施文体惠民工程": "文体设施建设",
             "推动老年人居家适老化改造": "愿改尽改”"}.get(s, s[-4:]), lead, deadline=Y24)

d = "ts_dezhou_cwhy_2025"  # a city executive meeting's news in 繁体 (one pinyin gloss): 要… works after 會議要求/強調
t(d, "圍繞群眾急難愁盼,接續辦好民生實事", "民生實事", "", deadline=Y25)
t(d, "要完善項目建設協同推進機制", "早投產", FG, deadline=Y25)
t(d, "要持續開展重點項目常態化謀劃儲備", "梯次推進格局", FG, deadline=Y25)
t(d, "要加強公安交警中隊建設", "道路交通環境", "公安局", deadline=Y25)

d = "ts_qinglong_cwhy_2026"  # a county executive meeting's news: frame, 要… works, the report, the plan
t(d, "要全力抓好粮食生产", "确保粮食稳产增收", AG, deadline=Y26)
t(d, "要大力发展乡村产业", "提质升级", AG, deadline=Y26)
t(d, "要持续巩固拓展脱贫攻坚成果", "返贫致贫底线", AG, deadline=Y26)
t(d, "要深化农村人居环境整治", "和美乡村", AG, deadline=Y26)
t(d, "要进一步深化农村改革", "动力活力", AG, deadline=Y26)
t(d, "认真修改完善《政府工作报告》", "《政府工作报告》", "政府办公室", deadline=Y26)
t(d, "科学谋划一批重点项目、重大工程、重要事项", "可操作性", FG, deadline=Y26)
t(d, "谋划实施好2026年民生实事项目", "民生实事项目", "", deadline=Y26)

d = "ts_tongliao_kfq_2023"  # a development zone's farm plan told by its site: one paragraph of works after a frame
t(d, "推进巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "规模性返贫底线", AG, deadline=Y23)
t(d, "保持粮播面积总体稳定", "总体稳定", AG, deadline=Y23)
t(d, "继续实施高产创建行动", "示范基地1万亩", AG, deadline=Y23)
t(d, "大力发展设施农业、裸地瓜菜和鲜食玉米", "鲜食玉米5000亩", AG, deadline=Y23)
t(d, "推动肉牛产业高质量发展", "下游配套企业", AG, deadline=Y23)
t(d, "大力推进奶业振兴", "种业提升工程", AG, deadline=Y23)
t(d, "抓好生猪、禽类、奶牛等规模化养殖", "规模化养殖", AG, deadline=Y23)
t(d, "积极推进农旅深度融合", "乡村旅游基地", WL, deadline=Y23)
t(d, "实施乡村建设“十项工程”", "户厕改造等工程", "", deadline=Y23)
t(d, "进一步提高农村生活污水治理率", "收运处置覆盖率", "", deadline=Y23)

d = "ts_jinhua_mz_2024"  # a city civil-affairs bureau's works in the paper: clauses run on by ;
for s, e in [("持续加强城乡居民最低生活保障", "可支配收入增幅"), ("全面推行深化“爱心卡”", "“爱心卡”"),
             ("新增村(社区)老年助餐服务点60个以上", "1500万人次以上"), ("加大失智照护服务供给", "达到18张"),
             ("推动老年友好型社会建设", "友好型社区3个"), ("加快儿童福利阵地建设", "儿童福利院新院"),
             ("实施慈善“共富同行”三年行动", "帮扶项目10个"), ("实施第二批“善居工程”", "居室250户"),
             ("培育壮大社会组织", "社会组织330家"), ("提升殡葬服务水平", "二期投入使用"),
             ("优化婚姻登记管理服务", "5A级达到60%"), ("加大水库移民后期扶持力度", "移民村35个")]:
    t(d, s, e, MZ, deadline=Y24)

d = "ts_jdz_cwhy_2023"  # a city executive meeting's news (August): learning frames, a few works inside 要… sentences
t(d, "要持续强化应急准备", "应急演练力度", "应急管理局", deadline=Y23)
t(d, "要严密排查风险隐患", "风险隐患", "应急管理局", deadline=Y23)
t(d, "加快南河南岸防洪工程等水利工程建设", "水利工程建设", "水利局", deadline=Y23)
t(d, "不断完善城防工程体系", "基础设施体系建设", "水利局", deadline=Y23)
t(d, "加快绿色发展", "协同推进", "", deadline=Y23)
t(d, "狠抓环保督察反馈问题整改", "问题整改", "生态环境局", deadline=Y23)
t(d, "一手抓景德镇陶瓷“走出去”", "再现历史荣光", "商务局", deadline=Y23)
t(d, "一手抓内贸", "内贸企业", "商务局", deadline=Y23)

d = "ts_zhifu_2023"  # a district report's plan part (report site, page 4): label sentences, works with figures
t(d, "聚力突破元宇宙等前沿领域", "元宇宙产业园", GX, deadline=Y23)
t(d, "加快推进中关村长缨云", "等项目建设", GX, deadline=Y23)
t(d, "推动落地烟台智算中心", "业态集聚", GX, deadline=Y23)
t(d, "数字经济核心产业增加值占比达到8%", "达到8%", GX, deadline=Y23)
t(d, "大力实施“双碳”战略", "总部聚集地", FG, deadline=Y23)
t(d, "发挥辖区低碳领军企业科技优势", "低碳产业策源地", GX, deadline=Y23)
t(d, "高水平编制全域体育产业规划", "体育产业规划", TY, deadline=Y23)
t(d, "建成芝罘岛主题公园", "主题公园", "", deadline=Y23)
t(d, "打造河海马拉松赛事品牌", "赛事品牌", TY, deadline=Y23)
t(d, "引育一批海洋运动", "等业态发展", TY, deadline=Y23)
t(d, "优化西部南部学校布局", "9所中小学校", ED, deadline=Y23)
t(d, "深入推进教育集团化办学", "集团化办学", ED, deadline=Y23)
t(d, "大力引育“名师、名校长”", "高层次教育人才", ED, deadline=Y23)
t(d, "注重“一校一品”校园特色文化建设", "特色文化建设", ED, deadline=Y23)
t(d, "支持和规范民办教育发展", "民办教育发展", ED, deadline=Y23)
t(d, "新增10处公办幼儿园、3000个学位", "3000个学位", ED, deadline=Y23)
t(d, "加强办园行为监管", "办园行为监管", ED, deadline=Y23)

d = "ts_guangxi_qthy_2025"  # a province government's plenary news: 要在…上… labels, works split by ,
for s, lead in [("实施提振消费专项行动", "商务局"), ("开展“广西旅游年”活动", WL), ("更大力度谋划、储备、建设项目", FG),
                ("加快推进重大项目建设", FG), ("深入推进新一轮工业振兴三年行动", GX),
                ("加快建设沿边临港产业园区和中国—东盟产业合作区", ""), ("培育和发展新质生产力", ""),
                ("推动重点领域改革攻坚突破", ""), ("深度融入全国统一大市场", FG), ("深化财税金融改革", ""),
                ("持续扩大对内对外开放", "商务局"), ("加快打造国内国际双循环市场经营便利地", "商务局")]:
    t(d, s, s[-4:], lead, deadline=Y25)


GOLD.write(lambda quote: re.sub(r"^\d+\.", "", quote.rstrip("。,")))
