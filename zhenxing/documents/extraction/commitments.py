"""What makes a sentence a commitment of a unit, and what makes it none.

A commitment promises an action (ACTION: 实施, 推进, 建设…); the framing of a plan section (the year's frame, the
guiding thought, slogans: FRAMING), a statement of what is (创新是…), a reporter's account, a forecast, a notice's
own words (现将…印发给你们, 各部门要…), the supervision of the plan itself, a meeting's exhortation (会议强调,要…),
news of a document issued (近日…印发《…》) and a method slogan are none, and so is a principle held to opening a
sentence (坚持…理念,: past_principles steps past it to the works).  The clause helpers (trim, trim_clause,
past_ordinal) cut a sentence's blanks, bullets, numbers and ordinals so every other task module sees the same words.
A text cut off by a page or an excerpt: a sentence ending on UNFINISHED is no whole commitment, and whole_work_cut
tells a whole work closed by the text's last comma.
"""

from __future__ import annotations

import re

from ...patterns import quick, quick_pairs
from .sentences import BULLETS
from .voices import ATTRIBUTION, OTHERS_VOICE

ACTION = quick(
    r"实施|推进|推动|建设|建成|完成|开展|力争|确保|加快|打造|培育|新建|改造|提升|提高|落实|深化|强化|健全|"
    r"完善|实现|创建|举办|引进|新增|开工|开复工|复工|启动|抓好|做好|构建|扩大|优化|加强|争创|申建|组建|发展|支持|"
    r"促进|巩固|整治|治理|保障|解决|修复|改善|规划|谋划|招引|建立|开辟|办好|守住|防范|化解|激发|守好|"
    r"扛牢|提质|增效|弘扬|补齐|夯实|筑牢|拓展|壮大|做强|做优|做大|攻坚|突破|推行|推广|实行|消除|减少|降低|增加|"
    r"覆盖|普及|通达|发放|提供|升级|出台|制定|带动"  # 出台…专项行动计划: a policy issued is a deed
    r"|改建|扩建|设立"  # 新、改建200个街心公园; 设立…融资贷款
    r"|建强"  # 建强用好国家技术转移中部中心
    r"|竣工|投用|续建|重建"  # 6个卫生室竣工投用; 体育公园续建; 南门桥拆除重建: a plan's deeds too
    r"|(?:^|(?<=[,;:。]))完工(?=[\u4e00-\u9fff“])"  # 完工…大桥 opening a clause (not 主体已经完工)
    r"|凝聚|发挥|紧盯|编制|创新(?=[^,;。]{2,20}?(?:模式|机制|方式|体制|路径))"  # 凝聚…合力, 创新…招商等模式
    r"|(?:^|(?<=[,;:。]))丰富(?=[\u4e00-\u9fff])"  # 丰富…应用场景 opening a clause: a verb (not 资源丰富)
    r"|催生(?=一批|更多)"  # 在…领域催生一批高成长企业
    r"|争取(?![到了])|严控|压减"  # 积极争取并高效用好专项债券; 严控一般性支出,大幅压减…活动
    r"|严守|坚守|守牢"  # 严守耕地红线,…播种面积稳定在…以上: a line held, a deed of its unit
    r"|维修|更换|铺设|安装|硬化|修缮"  # 维修更换农村37处的机泵, 铺设供热主管网: works of upkeep and laying
)
# Framing sentences of a plan section: what the year is, the guiding thought, the
# announcement of the parts to come.  They commit to nothing a unit can be tasked with.
FRAMING = quick_pairs(
    # (他强调,)2025年是…收官之年: what the year is, said by the report or by its speaker
    r"^(?:[^,;。]{0,10}?(?:强调|指出|表示|提出|说)[,:])?(?:今年|明年|20\d\d年|这一年|当前)(?:是|为).*?"
    r"(?:之年|一年|关键期|窗口期|之际|周年)|"
    # 2025年1月3日,…会议在…隆重召开; 2月20日,某区召开…推进会议: a story's account of the meeting held that day
    # (the story's sentence ends on the meeting: …新闻发布会召开,记者…了解到,…将…规划建设 goes on to a plan)
    r"^(?:20\d\d年)?\d{1,2}月\d{1,2}日(?![前起])(?:上午|下午|晚上?)?,?[^。;!]{0,60}?(?:召开|举行|开幕|闭幕)"
    r"[^。;!将要]{0,160}[。!]?$|"
    # 此次会议旨在总结…,科学谋划…: what the meeting is for
    r"(?:此次|这次|本次|该次)?(?:会议|大会|活动)(?:主要)?旨在|"
    # 会议制定印发《…工作方案》: the meeting's deed, news of a document; its works are drafted from the document
    r"(?:会议|会上)[^,;。]{0,8}?(?:审议通过|制定印发|印发|出台|下发)了?《|"
    # 以投资增长拉动“开门红”; 以产业增效支撑“开门红”: a slogan, its object only a quoted word
    r"^以[^,;。]{2,16}(?:拉动|支撑|保障|推动|促进|带动|确保|夯实|赢得|跑出)“[^”]{2,10}”[;。!]?$|"
    # …增长——这足以显示…的迫切心情: the reporter's judgement of what was said
    r"[—-]{1,2}这(?:足以|充分|也|更)?(?:显示|表明|体现|彰显|反映)|"
    # (要)坚持以高质量发展为主题,以…为主线: the year's general requirement in substance
    r"坚持以[^,;。]{2,20}为(?:主题|主线)[,;]|"
    # 实现全年目标任务,要重点把握以下几个方面: the requirements of how to work announced, no work
    r"把握(?:好)?以下[^,;。]{0,6}方面|"
    # 今年,河北省继续实施20项民生工程: the list itself named, its works told after it
    # (the whole sentence: 筹措资金10亿元以上,实施十大惠民工程 raises funds)
    r"^(?:今年|明年|20\d\d年)?,?[^,;。]{0,12}?(?:实施|办好|推进|抓好|推出)[^,;。]{0,4}?[\d一二三四五六七八九十]+(?:件|项|大)(?:重点)?"
    r"(?:民生实事|民生工程|民心工程|为民办实事|惠民工程|民生项目)[”]?[。!]?$|"
    r"总体要求|指导思想|基本原则|工作思路是|总体思路|^站在新的?[^,。]{0,8}起点|"
    r"(?:抓好|做好|突出|聚焦|把握|推进)(?:以下|好)?[一二三四五六七八九十两几\d]+(?:个|项)?方面(?:的)?(?:重点)?工作|"
    r"(?:抓好|做好)以下(?:几项|几个方面)?(?:重点)?工作|"
    # the guiding thought and the closing slogans commit to nothing a unit can be tasked with
    r"为指导|为统领|为牵引|总基调|新发展理念(?!示范区)|决策部署|关键在(?:干|落实|实干)|"
    # how the work will be seen to (加强组织领导、细化责任分工、强化督查督办,抓好落实): the means, no task of a unit
    r"加强组织领导[^。;]{0,30}(?:督查|督办|督导|考核|抓好[^,;。]{0,6}落实)|工作要求$|精神$|新篇章|新征程|新辉煌|奋勇前进|埋头苦干|砥砺前行|"
    r"新答卷|新担当|生动实践|良好开局(?![^,;。]{0,2}(?:打牢|奠定|夯实|打下))|为全局作贡献|加速度|目标引领|请予审议|请予审查|报告如下|摆在(?:更加)?(?:突出|首要|重要)位置|^(?:上述|以上)(?:预期)?目标|"
    # a part's title as the account of a report lists it (坚持抢抓机遇,推动综合实力实现新突破): an aim, no work; the
    # principles the government holds to (始终坚持把政治建设摆在首位, 切实提高政治站位, 坚持把…作为首要任务)
    r"^(?:坚持|聚焦|围绕)[^,;。]{2,12},(?:推动|推进|促进)[^,;。]{2,16}(?:实现|取得|迈上|迈出)新(?:突破|跨越|飞跃|提升|成效|"
    r"台阶|步伐)|"
    # an area's title in a report's account (聚焦比较优势促转型,着力构建产业发展新格局): a focus and an aim; its works
    # follow
    r"^(?:具体包括)?(?:聚焦|坚持|围绕|立足|着眼|坚定不移)[^,;。]{2,14},(?:着力|奋力|全力|加快|努力|持续)?"
    r"(?:打造|构建|开创|建设|锻造|塑造|激发|展现|书写|谱写|形成|增创|厚植|筑牢)[^,;。]{0,14}(?:新(?:高地|格局|局面|优势|动能|"
    r"引擎|面貌|境界|活力|图景|风貌|气象|作为|标杆|样板|名片|范例)|“[^”]{2,6}”)[。;!]?$|摆在首位|提高政治站位|^(?:始终|必须)?坚持把[^,;。]{2,30}作为(?:首要任务|头等大事|重中之重|第一要务)[。;!]?$|"
    # 干好今年政府工作,我们要…; 开启新的征程、…,我们将以更强韧劲…: the year's frame, the government's resolve
    r"(?:做好|干好|抓好)(?:今年|明年|全年|新一年的?)(?:政府)?(?:各项)?工作(?:,|[。!]?$|至关重要|意义重大|责任重大)|新的征程|人民满意的政府|"
    r"主要目的是|今天召开|完成[^,;。]{0,10}(?:各项|全年)(?:目标)?任务|为实现目标|(?:积极的财政政策|稳健的货币政策|宏观政策)(?:要|将|继续)|[\d一二三四五六七八九十]+个方面的?(?:重点)?任务|美好图景|美好蓝图|作出[\u4e00-\u9fff]{0,6}贡献|更好统筹发展和安全|以人民为中心|办好“?[\d一二三四五六七八九十]+件(?:重点)?民生实事”?|"
    # 2025年主要目标的完成,标志着“十四五”圆满收官: what a result marks, a review's judgement
    r"标志着|"
    # 实际工作中,我们将努力争取更好结果: the resolve closing a goals list, no goal of its own
    r"争取更好(?:的)?(?:结果|成绩|成效)[。!]?$|"
    # 在2023年河北的8项重点工作中,第一项即…,并从产业、交通等方面进行部署: a news account of the plan's layout
    r"(?:工作|任务)中[,,]?第[一二三四五六七八九十\d]+项|(?:方面|角度)(?:进行|作出|作了)(?:了)?(?:全面|系统)?部署|"
    # 10件民生实事…可以简单地概括为“两个实施”“两个开展”…: a list summed up in slogans, its works told after
    r"(?:可以|可)?(?:简单地?|简要)?概括为|"
    # an effect without an object (城市功能将进一步完善,): a result expected, no deed
    r"将(?:进一步|有效|大大|极大|显著|明显|持续)?(?:得到)?(?:完善|提升|改善|增强|提高|优化)[,。;!”]|"
    # an expected effect, not a deed (…,将有力促进县域经济恢复性增长)
    r"^将(?:有力|有效|大大|极大|进一步)地?(?:促进|推动|带动|助推|拉动|提升|增强|改善)|"
    # what a goal is for and what it takes (设定这个目标,有利于…,有利于…; …能够为“十五五”发展奠定基础; 实现这一目标,
    # …就要…): reasons given for the goal, no deed of a unit
    r"(?:设定|确定|提出|实现|完成)(?:这个|这一|该|上述|这些)(?:预期)?目标|有利于[^,;。]{2,24}[,;]有利于|"
    r"能够为[^,;。]{2,20}奠定|"
    # 到2035年,建成…,基本实现社会主义现代化远景目标: the long-range vision, the direction of the plan
    r"远景目标[。!]?$|"
    # 未来五年,全区将建设…宜居宜业的北部新城区: a vision of what the place becomes over years, no year's work
    r"^(?:未来|今后)[一二三四五六七八九十两\d]{1,2}年,[^,;。]{0,12}?将(?:建设|建成|打造)成?[^;。]{4,60}的"
    r"[^,;。的]{2,20}[。!]?$|"
    # 2024年,我们将锚定打造“百亿级县区”的区域定位: the positioning aimed at frames the works, it is none of them
    r"(?:锚定|紧扣|立足|围绕)[^,;。]{2,30}(?:区域|功能|发展|战略)?定位[。!]?$|"
    # 当天,与会人员还前往…现场,实地观摩: a story's account of the day's visit
    r"^(?:当天|当日|随后|会前|会后|活动中|活动期间)?[,]?(?:与会|参会|观摩)(?:人员|代表|领导)[^。;]{0,12}?(?:前往|观摩|参观|察看|查看|考察)|"
    # 该项目的建设将有力提升…, 这些项目将进一步推动…: what the projects told of will bring, no deed of a unit
    r"(?:这些|该|上述|此次|本次)(?:开工)?项目(?:的建设|建成后|投产后)?将(?:有力|有效|大大|极大|进一步)?地?"
    r"(?:促进|推动|带动|助推|拉动|提升|增强|改善)|"
    # a report's own furniture: its delivery line ((2024年1月10日在某市第十届人民代表大会第三次会议上), …在…会议上,
    # 市长…向大会报告工作) and its opening formula (受市政府委托,现将…提请会议审议): it is delivered, it tasks no unit
    r"\d{1,2}日在[^,;。]{2,40}会议上|向(?:大会|会议)报告工作|受[^,;。]{1,12}委托,现将|提请[^,;。]{0,6}审议|"
    # 具体工作中,力争取得“七个新突破”。: the list to come named by a numbered slogan, its items follow
    r"(?:取得|实现|做到|打好|抓好|推进|打赢|做好)“[一二三四五六七八九十两]+(?:个|大|项|场)[^”]{1,10}”[。:!]?$"
)
# …增长——这足以显示…的迫切心情: the reporter's judgement of the whole sentence before it
JUDGED = re.compile(r"[—-]{1,2}这(?:足以|充分|也|更)?(?:显示|表明|体现|彰显|反映)")
# "X是Y" opening a sentence that promises nothing (创新是振兴发展的第一动力): a statement.
_STATEMENT = re.compile(r"^[^,;:。!?“”]{1,24}?,?(?<![但还否总正也])(?:就|既)?是(?!否)[^,;:。!?]*(?:[,;。!?]|$)")
PROMISE = quick(r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点])|将|力争|确保|必须|务必|计划|目标")
WILL = quick(r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点])|将|力争|确保|必须|务必|计划|拟")
# a line naming the goals to come (■ 2025年经济社会发展的主要预期目标), a meeting's speeches (…分别作交流发言)
_NAMES_ONLY = re.compile(r"(?:主要|预期)目标[。:]?$|(?:作|进行)了?(?:交流|表态|典型|大会)?发言[。!]?$")
# a reporter's source opening a sentence (据悉, 记者从…了解到): what follows is told, a plan only when it says so
SOURCED = re.compile(r"(?:据悉|据了解|据介绍|记者[^,。]{0,24}?(?:了解到|获悉))[,:]")
PLAN_TIME = quick(r"今年|明年|全年|年内|年底前|20\d\d年|下一步|今后")
# 省政府办公厅近日印发《乡村建设行动实施方案》明确,让基础设施向农村延伸…: news that a body issued a document, with
# the aim it gives; the document's works follow (方案明确,要实施…), the news itself commits nothing.
ISSUED = re.compile(r"[^,。;]{2,30}?(?:近日|日前|近期)?(?:印发|出台|发布|公布)了?《[^》]{2,40}》")
SPIRIT = re.compile(r"(?:[^,;。]{0,40}?(?:精气神|精神状态|精神面貌)|"
                     # 坚持把稳就业作为头等大事,开展…: the principle before the works
                     r"(?:始终|必须)?坚持把[^,;。]{2,30}作为(?:首要任务|头等大事|重中之重|第一要务)),(?=[^。]{8})")
SUPERVISOR = re.compile(r"[^,;。]{0,10}(?:督查|督办|督导)(?:室|组|办|办公室)(?:将|要|会)")
LONG = 80  # a longer sentence is split where a new action starts after a comma
MIN_CHARS = 8  # shorter sentences are headings or slogans (今年注定是不平凡的一年!)
# 预计今年财政收入继续恢复增长,…: a forecast, unless it promises (预计第一季度将实现62个项目开工)
FORECAST = quick(r"(?:初步)?预计")
# a progress story's forecast (主体已经完工,…,预计明年3月完成预验收): what is done or under way, then what the writer
# expects of it; no commitment of a unit
STORY_FORECAST = re.compile(r"(?:已经|已|正在|目前|现已)[^。;!?]*?,(?:初步)?预计")
CLAUSE_SPLIT = re.compile(r"[,;]")
_SHORTFALL = quick(r"有(?:一定|较大|不小)?的?差距|(?:主要)?原因(?:有|是|在于)[:,]?")
_SCOPE = re.compile(r"(?:共|主要|内容)?(?:涵盖|囊括|涉及)(?:了)?[^,;。]{2,60}?等")
# 一是…;二是…;三是…: the ordinals of works counted in one sentence
ORDINAL = quick(
    r"(?:^|(?<=[,;:。\n]))\s*(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十])(?=[\u4e00-\u9fff“])")
_ORDINAL_OPENS = "一二三四五六七八九十其"  # with a blank: the characters ORDINAL can open on
DIGIT = re.compile(r"\d")
_NUMBER_OPENS = "一二三四五六七八九十(（"  # with a digit (\d: isdecimal) and ①-⑳: what _ITEM_NUMBER opens on
_ITEM_NUMBER = re.compile(
    r"(?:\d{1,3}[.、．﹒]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|[\u2460-\u2473])\s*(?!\d)|\d{1,2}\s+(?![\d\s])")
# A slogan explained (抓创新就是要…; “三个一”是指…; ,就是扛好“一份使命”,即…): what a word means, no commitment.
_EXPLAINS = re.compile(r"^[,;\s]*(?:“[^”]{1,12}”|[^,。;:“”]{0,16}?)(?<!不)(?:就是要|就是|是指|指的是|意思是)")
# A meeting's closing call on everyone (会议号召,全体干部群众要…; 会议要求,全镇上下要…): an exhortation, no task.
# A distribution notice's own words around the plan it sends (现将…印发给你们, 请认真贯彻执行; 各级各部门要…,
# 各牵头单位要…; 附件:1.…): what the office asks of the units, no task of the plan.
NOTICE = quick(
    r"现将[^。]{0,80}?(?:印发|分解|下达|通报)|印发给你们|现对[^。]{0,24}?进行(?:政策)?解读|现予印发|请(?:认真)?(?:贯彻执行|贯彻落实|组织实施|抓好落实)|"
    r"^(?:对[^。;:]{0,40}?的,)?(?:各级各(?:有关|相关)?部门|各地各部门|各地、各部门|各部门|各单位|"
    r"各(?:牵头|责任|配合|相关|有关|协同)(?:责任)?单位|(?:相关|有关)(?:责任|牵头)单位)"
    r"(?:要|应|务必|须)|^附件\s*\d*\s*[:：]"
    # 相关责任单位要将…落实作为一项政治任务来抓; 对…推进缓慢的,相关责任单位要认真分析原因: a supervision report's
    # call on the units it checked, no work of its own
    # 各省辖市政府,济源示范区、航空港区管委会要切实扛牢属地责任: the bodies the notice is sent to; 牵头单位负责制定
    # 攻坚方案…,协同单位主动对接需求: what the notice asks of the units it names by their role
    r"|^各[^。;:]{0,40}?(?:政府|管委会)(?:要|应|务必|须)|^(?:由)?(?:牵头|责任|配合|协同)单位(?:要|应|须|负责|发挥)")
# A supervision report's tally of the tasks it checked (《政府工作报告》明确145项目标任务; 超进度的有10个,
# 占总任务的4.5%): the tasks counted by their progress or by the document that set them, no work of its own
TALLY = quick(
    r"(?:欠|超|达|滞后|未达|按)进度的?(?:有|共)?\d|占(?:总任务|任务总数|全部任务)|"
    r"^[^,;。]{0,8}《[^》]{2,20}》(?:共|明确|确定|提出|部署)了?\d+(?:项|个|条)(?:目标|重点|工作)?任务|"
    # 报告中,“发展”出现67次,“建设”出现57次: a news tool's tally of the report's words
    r"“[^”]{1,8}”(?:一词)?(?:一共|共|累计)?(?:被)?(?:出现|提及|提到)了?\d+次")
# 分管省领导:林克庆; 牵头负责领导:邓向阳。: who oversees the item, no task; 牵头责任单位:省发展改革委: who leads it
TIME_LIMIT = re.compile(r"[(（\[【]?(?:完成|办结)?(?:时限|时间|期限|时间节点)\s*[:：]")
LEADER_LINE = re.compile(r"^(?:分管|牵头|责任|主抓)[^:：,。]{0,6}领导\s*[:：]|"
                          r"^(?:牵头|责任|主责|主办|配合|协办|协同)[^:：,。]{0,6}(?:单位|部门)\s*[:：]")
# How the plan's own works will be followed (省政府将把重点工作纳入年度考核; 各牵头单位要于每月5日前报送进展; 市政府将于
# 年中对重点工作进展情况进行专项督查) and how the decomposition was made (由省长负总责, 明确各项工作的牵头单位): the
# supervision of the plan and the notice's account of itself, no task of a unit.  The object of the
# supervision is the plan's works or their progress; a task that reforms an assessment (完善政府绩效考核体系) stays.
SUPERVISES_HINT = quick(r"纳入|报送|上报|通报|督查|督办|督导|考核|调度|明确|负总责|听取|评议|测评")
_WORKS = (r"(?:重点工作|重点任务|目标任务|工作任务|各项任务|各项工作|民生实事|实事项目|进展|进度|"
          r"(?:落实|完成|推进|工作)情况)")
SUPERVISES = quick(
    rf"{_WORKS}[^。;]{{0,12}}?纳入[^。;]{{0,16}}?(?:考核|考评|督查|督办|评价|监督)|"
    rf"(?:报送|上报|通报)[^。;]{{0,10}}?{_WORKS}|{_WORKS}[^。;]{{0,10}}?(?:报送|上报|通报)|"
    # (the preposition, not 就是 in a slogan nor the verb 对接: 以“开局就是冲刺”的状态,全面铺开各项工作,调度好…)
    rf"(?:对(?!接)|把|就(?!是))[^。;]{{0,30}}?{_WORKS}[^。;]{{0,8}}?(?:进行|开展|实行)?(?:专项|定期|跟踪)?"
    rf"(?:督查|督办|督导|考核|调度)|"
    rf"听取[^。;]{{0,10}}?{_WORKS}|"  # 县政府领导将定期召开专题会议听取落实情况
    # 对2024年为民办实事项目开展市民满意度评议工作: the public's verdict on the plan's works, no work of their own
    rf"(?:对(?!接)|就(?!是))[^。;]{{0,30}}?{_WORKS}[^。;]{{0,6}}?(?:进行|开展)?[^。;]{{0,8}}?(?:评议|测评|满意度调查)|"
    r"负总责|"
    # 将发挥统筹协调作用,加强督导考核,…确保重点民生实事件件有着落: a body's coordination of the list itself
    rf"统筹协调[^。;]{{0,12}}?(?:督导|督查|督办|考核)[^。]{{0,60}}?{_WORKS}|"
    r"明确[^。;]{0,12}?(?:牵头|责任|配合|协同)(?:负责)?(?:单位|部门|领导)")
EXHORT = re.compile(
    r"^(?:会议|大会|全会|会上|报告|文件|讲话)?[^,:]{0,4}?(?:号召|动员)|"
    r"^(?:会议|大会|全会|会上|报告|讲话)[^,:]{0,4}?(?:要求|希望|强调|指出|提出)[,:]?"
    r"(?:全体|广大|全(?:市|县|区|镇|乡|街道|旗|州|省|盟)(?:上下|各级|广大|党员|干部)|各级(?:党组织|干部|领导干部)|"
    r"党员干部|各(?:级|地)各部门)|"
    # 欢迎广大市民群众积极参与,并继续关心支持…工作: a call on the public, no work of a unit
    r"^(?:欢迎|诚邀|期待|希望|请)(?:广大|全体|各界)?(?:市民|群众|居民|村民|网友|读者|朋友|社会各界)")
# a report's or meeting's view emphasised (报告强调,民生问题琐碎复杂,既需决心也需办法): no work; the 要… sentence after
# it (要坚持多做事、不做秀,…) goes on as its exhortation
URGES = re.compile(r"^[^,:;。]{0,12}?(?:报告|会议|大会|全会|讲话)[^,:;。]{0,4}?(?:强调|指出)[,:]")
# a line of how the government itself works (加强向上对接,深化调查研究,强化减负增效,努力腾出更多时间和精力抓落实):
# short works without a figure, for its own time and energy; no work a unit delivers
STYLE_END = re.compile(r"[,;](?:努力|切实)?(?:腾出|留出|节省)[^,;。]{0,8}(?:时间|精力)[^,;。]*[。!;]?$")
STYLE_CLAUSE_MAX = 8
# a pledge of manner (用心用情把民生实事办好、把难事办成、把好事办实): how works are to be done, no work of its own
MANNER_PLEDGE = re.compile(r"^[^,;。、]{0,10}?把[^,、;。]{1,8}?办[好成实细妥](?:、把[^,、;。]{1,8}?办[好成实细妥])+")
# a method slogan (持续创新办法、迭代打法、比拼晾晒): how works are pushed, no work; such a clause opening a piece
_METHOD_ITEM = r"[\u4e00-\u9fff]{0,4}(?:办法|打法|方法|招法|思路|比拼|晾晒|赛马)"
METHOD_CLAUSE = re.compile(rf"(?:持续|不断|积极|大胆)?{_METHOD_ITEM}(?:、{_METHOD_ITEM})+(?:[,;]|[。!]?$)")


def past_ordinal(norm: str, start: int, end: int) -> int:
    """Past a work's ordinal (二是着力推动… → 着力推动…): 二是 opens no statement."""
    if start >= end or not (norm[start] in _ORDINAL_OPENS or norm[start].isspace()):
        return start  # most clauses: no call into re (trim runs on every clause of every check)
    m = ORDINAL.match(norm, start, end)
    return m.end() if m and m.end() < end else start


def spans_between(norm: str, separator: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of norm[start:end] between the matches of `separator` (a clause split at , and ;)."""
    spans, k = [], start
    for m in separator.finditer(norm, start, end):
        spans.append((k, m.start()))
        k = m.end()
    spans.append((k, end))
    return spans


def trim_clause(norm: str, a: int, b: int) -> tuple[int, int]:
    a, b = trim(norm, a, b)
    while b > a and norm[b - 1] in "。;,!":
        b -= 1
    return a, b


def is_commitment(body: str) -> bool:
    """An action is promised: not the framing of the section, not a statement of what is."""
    if not ACTION.search(body) or FRAMING.search(body) or body.endswith(":"):
        return False  # …主要目标是: announces the list that follows
    if ("目标" in body[-4:] or "发言" in body[-4:]) and _NAMES_ONLY.search(body):
        return False  # ■ 2025年经济社会发展的主要预期目标; …负责人分别作交流发言: the goals to come named, speeches
    if _SHORTFALL.search(body):
        return False  # …离年度计划目标有一定差距,主要原因有:…: a review explaining a shortfall
    if _SCOPE.match(body):
        return False  # 涵盖教育、治水、交通等群众关心的民生大事: what a list covers, no work of its own
    if _CONFIDENCE.match(body):
        return False  # 新的一年我们要更加坚定政治信心,增强工作信心,激发市场信心: a frame of mind, no work
    if OTHERS_VOICE.match(body):
        return False  # 李明代表表示,今年将加快推进乡村振兴: a deputy's wish, not the government's commitment
    if _EXPLAINS.match(body) and not DIGIT.search(body):
        return False  # 抓创新就是要…; “三个一”是指…: a slogan explained, not a deed promised
    said = ATTRIBUTION.match(body)  # 负责人介绍说,开展老旧小区改造是…重要抓手: what is said is a statement
    body = body[said.end():] if said else body
    if "了" in body and not WILL.search(body) and any(body.startswith("了", m.end()) for m in ACTION.finditer(body)):
        return False  # 他介绍,规划实施实现了“时间过半、任务过半”: a deed told as done, nothing promised
    return not (_STATEMENT.match(body) and not PROMISE.search(body))


# a sentence of confidence only, each clause closed by 信心 (坚定政治信心,增强工作信心,激发市场信心)
_CONFIDENCE = re.compile(r"^(?:[^,;。、]{0,16}信心[,;、])*[^,;。、]{0,16}信心[。;!]?$")


_LEADING_BLANKS = " \t\u3000\n" + BULLETS


def trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Without blanks, bullets and an item's number (1., (一), ①) at its start."""
    while start < end and norm[start] in _LEADING_BLANKS:
        start += 1
    first = norm[start] if start < end else ""
    marker = _ITEM_NUMBER.match(norm, start, end) if first and (
        first in _NUMBER_OPENS or first.isdecimal() or "\u2460" <= first <= "\u2473") else None
    if marker and marker.end() < end:
        start = marker.end()
    start = past_ordinal(norm, start, end)
    while end > start and norm[end - 1] in " \t\u3000\n":
        end -= 1
    return start, end


# a meeting's news: 会议强调,要…。同时,要…: what it urges everyone to, no unit's work
MEETING_URGES = re.compile(r"(?:会议|大会|全会)(?:强调|要求|指出)[,:]要")
GOES_ON_URGING = re.compile(r"(?:(?:同时|此外|另外|还)[,]?)?要")


NEWS_ISSUED = re.compile(r"(?:近日|日前|近期)[,]?[^,。;]{2,30}?(?:印发|出台|发布|公布|下达)了?《")


UNFINISHED = "、,(“《"  # a sentence ending on one of these was cut off


_CUT_WORK_MIN = 8


def whole_work_cut(norm: str, comma: int) -> bool:
    """The clause a text's last comma closes is a whole work (it opens on an action, after a sentence's or a clause's
    start): the excerpt was cut after it, not inside it."""
    opens = max(norm.rfind(mark, 0, comma) for mark in "。;,:\n") + 1
    clause = norm[opens:comma].strip()
    return len(clause) >= _CUT_WORK_MIN and ACTION.match(clause) is not None and clause[-1] not in UNFINISHED


# a principle held to opening a sentence (坚持“目标引领、差距管理”工作理念和“不争前列、就是落后”的卓越意识, 突出…的
#工作导向, 牢固树立正确政绩观): no work; the works after it are the sentence's tasks
_PRINCIPLE = re.compile(r"(?:始终|牢固|要)?(?:坚持|树立|秉持|突出|强化|增强)(?:“[^”]*”|[^,;。“”])*?"
                        r"(?:理念|意识|导向|原则|方针|政绩观|观念)[,;]"
                        # 坚持市场化专业化运作, 坚持“投早、投小、投科技”,: how a fund or a work is run, a slogan alone
                        r"|坚持[^,;。“”]{0,10}(?:市场化|专业化|法治化|规范化)运作[,;]|坚持“[^”]{2,20}”[,;]"
                        # 始终把产业发展作为第一要务、招商引资作为第一工作,; 坚持工业核心定位不动摇,
                        r"|(?:始终|坚持)?把(?=[^,;。]*作为第一[^,;。]*、[^,;。]*作为)[^,;。]{2,80}[,;]"
                        r"|坚持[^,;。]{2,16}不动摇[,;]")
_AFTER_PRINCIPLE_MIN = 8


def past_principles(norm: str, start: int, end: int) -> int:
    """Where the works of a sentence start, past the principles opening it (when works follow them)."""
    at = start
    while (m := _PRINCIPLE.match(norm, at, end)) and end - m.end() >= _AFTER_PRINCIPLE_MIN:
        at = m.end()
    return at
