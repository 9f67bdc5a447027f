"""Round 4 gold (written before the engine saw these texts): start and end snippets of each quote as read.

Cut by gold_cut.py; the gold files are the record."""
from gold_cut import GoldTasks

GOLD = GoldTasks()
t = GOLD.t


Y20, Y23, Y24, Y25 = "2020-12-31", "2023-12-31", "2024-12-31", "2025-12-31"

d = "ts_jinfeng_2025"  # a district's livelihood list, one task per ▶ item
ZJ, ED, HL, HR = "住房城乡建设局", "教育局", "卫生健康委", "人力资源社会保障局"
t(d, "对辖区80条背街小巷", "进行维修更换", ZJ, deadline=Y25)
t(d, "新增公共停车位800个", "800个", ZJ, deadline=Y25)
t(d, "新增公共充电桩1000个", "1000个", "发展改革委", deadline=Y25)
t(d, "改造老旧小区20个", "20个", ZJ, deadline=Y25)
t(d, "建成保障性租赁住房352套", "352套", ZJ, deadline=Y25)
t(d, "打造楼宇党群服务驿站1个", "驿站1个", "", deadline=Y25)
t(d, "新建小微公园2个", "小微公园2个", ZJ, deadline=Y25)
t(d, "提升改造森林公园", "体育设施", "体育局", deadline=Y25)
t(d, "智慧化改造环阅海湖绿道", "绿道", ZJ, deadline=Y25)
t(d, "提档升级7个小区健身场地设施", "场地设施", "体育局", deadline=Y25)
t(d, "发放创业担保贷款1500万元", "创业实体500个", HR, deadline=Y25)
t(d, "认定见习基地30家", "培训360人", HR, deadline=Y25)
t(d, "新建金凤区第二十三小学", "第二十五小学", ED, deadline=Y25)
t(d, "提升12所中小学", "基础设施", ED, deadline=Y25)
t(d, "改造108所公办学校教育专网", "教育专网", ED, deadline=Y25)
t(d, "打造名校长名师工作室20个", "骨干教师460名", ED, deadline=Y25)
t(d, "建设和顺新村标准化卫生室", "卫生室", HL, deadline=Y25)
t(d, "免费开展脑卒中高危人群筛查4000人", "筛查1600人", HL, deadline=Y25)
t(d, "城乡低收入妇科癌症患病妇女", "应救尽救", "妇联", deadline=Y25)
t(d, "开展“文化金凤·四季欢歌”惠民演出300场", "300场", "文化旅游局", deadline=Y25)
t(d, "开设“灯火万家”青年夜校", "青年夜校", "", deadline=Y25)

d = "ts_sichuan_circulation_2022"  # a province's 实施方案: tasks under a label, units in 〔责任单位:…〕
P1 = ["市场监管局", "商务厅", "省大数据中心"]
t(d, "推进高标准市场体系建设", "全国统一大市场", "省发展改革委", P1)
t(d, "实施市场准入负面清单制度", "“非禁即入”", "省发展改革委", P1)
t(d, "探索建设数字资产交易中心", "创新应用", "省发展改革委", P1)
t(d, "争取将成都市纳入", "综合改革试点", "省发展改革委", P1)
t(d, "实施“证照分离”改革全覆盖", "“一日办结”", "市场监管局")
t(d, "提升流通领域市场主体登记便利化水平", "便利化水平", "市场监管局")
t(d, "强化数据共享", "互通互用", "市场监管局")
t(d, "将“食品经营许可”", "“多证合一”改革", "市场监管局")
t(d, "持续实施“歇业登记”等新制度", "新制度", "市场监管局")

d = "ts_zhejiang_health_2023"  # a bureau's 工作要点: the target paragraph, one task per target
for s, e in [("健康浙江发展指数达85", "达85"), ("人均预期寿命达82.4岁", "82.4岁"),
             ("居民健康素养水平达39%以上", "39%以上"), ("重大慢病过早死亡率降至9.3%", "9.3%"),
             ("总体癌症五年生存率达47%", "47%"), ("人均基本公共卫生服务经费达102元以上", "102元以上"),
             ("培育健康浙江行动省级样板50个", "样板50个"), ("城乡居民免费健康体检人数达1000万以上", "1000万以上"),
             ("居民电子健康档案开放率达70%以上", "70%以上"), ("居民心理健康素养水平达25%以上", "25%以上"),
             ("家庭医生居民签约服务覆盖率达42%以上", "42%以上"), ("重点人群签约覆盖率达85%以上", "85%以上")]:
    t(d, s, e, "卫生健康委", deadline=Y23)

d = "ts_huyi_2025"  # a district executive meeting's news: exhortations around a few works
t(d, "研究制定我区实施推进方案", "实施推进方案", "", deadline=Y25)
t(d, "调度好各项经济指标", "经济指标", "发展改革委", ["统计局"], Y25)
t(d, "抓好抓实节后企业复工复产", "复工复产", "工业和信息化局", deadline=Y25)
t(d, "紧盯支撑经济发展的重点项目", "强化要素保障", "发展改革委", deadline=Y25)
t(d, "统筹做好大气污染防治", "消防等各项工作", "", deadline=Y25)

d = "ts_fangzheng_2024"  # a county's livelihood list: label sentence + explanation = one task, quoted by its label
t(d, "建设农村饮水工程", "饮水工程", "水利局", deadline=Y24)
t(d, "推进农村人居环境整治", "环境整治", "农业农村局", deadline=Y24)
t(d, "老旧小区及外立面改造", "外立面改造", "住房城乡建设局", deadline="2024-09-30")
t(d, "实施“医疗卫生服务进乡村”活动", "进乡村”活动", "卫生健康委", deadline=Y24)
t(d, "农村公路提质改造。", "。", "交通运输局", deadline="2024-11-30")
t(d, "低保、特困供养人员补助调整提标", "调整提标", "民政局", deadline=Y24)
t(d, "第三小学移址新建", "移址新建", "教育局", deadline=Y24)
t(d, "启动实施小方正湖综合利用开发", "综合利用开发", "住房城乡建设局", deadline=Y24)
t(d, "持续加强城市精细化管理", "精细化管理", "城市管理局", deadline=Y24)
t(d, "持续推进文化惠民工程", "文化惠民工程", "文化旅游局", ["体育局"], Y24)

d = "ts_yuanjiang_2023"  # a voted list of verbless project names
for s, lead, partners in [("中心城区水环境综合治理", "住房城乡建设局", ["水利局", "生态环境局"]),
                          ("“三线一站”新型电力系统建设", "发展改革委", []),
                          ("丁家坝安置区二期建设", "住房城乡建设局", []), ("安全饮水提级扩能", "水利局", []),
                          ("沅江市人民医院二期工程建设", "卫生健康委", []), ("S220四共轴线建设", "交通运输局", []),
                          ("粮食物资南大中心库", "发展改革委", []),
                          ("沅江市胭脂湖街道荷花安置小区建设", "住房城乡建设局", []),
                          ("中小学校改造升级", "教育局", []), ("丘陵区山塘清淤增蓄", "水利局", [])]:
    t(d, s, s[-4:], lead, partners, Y23)

d = "ts_jiaozuo_zjj_2020"  # a bureau's plan in the city paper: 一是…五是 labels, works after each
Z = "住房城乡建设局"
t(d, "抓好棚户区(城中村)改造", "综合管廊建设", Z, deadline=Y20)
t(d, "重点推进城区老旧小区改造工作", "老旧小区519个", Z, deadline=Y20)
t(d, "加快世行项目建设", "世行项目建设", Z, deadline=Y20)
t(d, "抓好项目谋划", "项目谋划", Z, deadline=Y20)
t(d, "推进“四城联创”重点工作", "重点工作", Z, deadline=Y20)
t(d, "确保解放路改造项目", "10月份完工", Z, deadline="2020-10-31")
t(d, "抓好施工工地扬尘治理", "扬尘治理", Z, deadline=Y20)
t(d, "完成清洁取暖试点城市年度任务", "年度任务", Z, deadline=Y20)
t(d, "抓好农村危房改造和农村生活垃圾治理", "生活垃圾治理", Z, deadline=Y20)
t(d, "持续推进问题楼盘化解工作", "化解工作", Z, deadline=Y20)
t(d, "继续深化“放管服”改革", "“放管服”改革", Z, deadline=Y20)
t(d, "推进建筑业转型发展", "转型发展", Z, deadline=Y20)
t(d, "强化工程质量安全", "质量安全", Z, deadline=Y20)

d = "ts_boluo_jt_2024"  # a county bureau's plan (template-site copy, XX): works and a cut-off quantity list
J = "交通运输局"
t(d, "全力推进XX市沿江高速", "等项目建设", J, deadline=Y24)
t(d, "完成柏塘镇白岭村", "滨江西路工程建设", J, deadline=Y24)
t(d, "加强国省道提质提标改造", "提质提标改造", J, deadline=Y24)
t(d, "抓好国道g324线", "改扩建项目建设", J, deadline=Y24)
t(d, "完成通建制村公路单车道改双车道27.395公里", "27.395公里", J, deadline=Y24)
t(d, "路网联结工程60.258公里", "60.258公里", J, deadline=Y24)
t(d, "美丽农村路44公里", "44公里", J, deadline=Y24)
t(d, "危旧桥改造7座", "7座", J, deadline=Y24)

d = "ts_meixian_2024"  # a county executive meeting's news: 要聚力… labels, works after each
t(d, "扎实开展重点产业链提升行动", "提升行动", "工业和信息化局", deadline=Y24)
t(d, "加快推进新增产能和工业技改项目建设", "技改项目建设", "工业和信息化局", deadline=Y24)
t(d, "强力推进项目建设", "项目建设", "发展改革委", deadline=Y24)
t(d, "积极做好谋划争取", "谋划争取", "发展改革委", deadline=Y24)
t(d, "实施精准招商", "精准招商", "商务局", deadline=Y24)
t(d, "持续优化全县营商环境", "营商环境", "", deadline=Y24)
t(d, "完善沉浸式演艺", "旅游业态", "文化旅游局", deadline=Y24)
t(d, "积极开展系列促消费活动", "促消费活动", "商务局", deadline=Y24)
t(d, "加大“八个一”文旅产品打造成果推广", "成果推广", "文化旅游局", deadline=Y24)
t(d, "抓好猕猴桃“四改五提升”示范园建设", "示范园建设", "农业农村局", deadline=Y24)
t(d, "市场化办好第十三届猕猴桃产业发展大会", "第二届博览会", "农业农村局", deadline=Y24)
t(d, "壮大村级集体经济", "集体经济", "农业农村局", deadline=Y24)
t(d, "抓好农村人居环境整治", "环境整治", "农业农村局", deadline=Y24)


GOLD.write(lambda quote: quote.rstrip("。"))
