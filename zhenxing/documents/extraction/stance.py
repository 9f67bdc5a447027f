"""Review or plan: is a number achieved (actual) or promised (target)?

Three levels, most specific first:
1. a cue in the sentence before the number (力争, 将, 到2025年 → target;
   已, 目前, 过去, 去年以来 → actual); the cue nearest the number wins;
2. the section: a top-level heading such as "2023年工作回顾" (actual) or
   "2024年工作安排" (target) sets the stance of everything below it;
3. in texts without such headings (articles), the last cue seen carries over to
   the following sentences and paragraphs until a title line resets it.
"""

from __future__ import annotations

import datetime as dt
import re

from ...patterns import quick

ACTUAL, TARGET = "actual", "target"

_HEADING_ACTUAL = re.compile(r"回顾|回头看|成绩|过去|去年|总结|回眸|完成情况|执行情况|实施情况|评估|进展|成效")
_HEADING_TARGET = re.compile(
    r"怎么干|干什么|安排|步骤|计划|目标|任务|打算|思路|展望|部署|举措|要点|建议|今后|未来|重点|下半年")
# A document's title that announces a plan (…规划纲要, …行动方案, “十四五”时期主要指标):
# what no cue or section tells is promised.
_TITLE_TARGET = re.compile(
    r"规划|纲要|方案|计划|指标|目标|要点|实施意见|指导意见|若干意见|若干措施|打算|安排|部署|重点工作|工作重点")
# 近日,省政府印发《2023年…工作任务分工方案》; 现将《…责任分解》印发给你们: a text opening on the issue of a plan
# (a decomposition, a programme) goes on with that plan's items
_ISSUED = re.compile(r"(?:印发|出台|公布|下发|发布)了?\s*《(?P<a>[^《》]{2,80})》"
                     r"|将\s*《(?P<b>[^《》]{2,80})》\s*(?:印发|下发|下达)")
_OPENING = 150
# a heading that names a project only (2、农村公路高危平交路口治理工程, 3、城区公厕建设项目)
_PROJECT_NAME = re.compile(r"(?:工程|项目)[”\"]?\s*$")
# 关于印发2024年政府工作报告重点工作责任分解的通知: a notice's title naming, unbracketed, the plan it issues
_ISSUING_TITLE = re.compile(r"关于(?:印发|下达|下发)(?P<a>[^《》\n,。]{2,80}?)的通知")
_HEADING_YEAR = re.compile(r"(20\d\d|二[〇零]二[〇零一二三四五六七八九])年")
# An article's sentence framed by a year (2024年,全县…) reports that year; the frame
# tells nothing in a report whose sections do, nor for the latest year the text names.
# 据了解,2024年海州市…: a reporter's lead may come first; 2025年前, 2025年内 are deadlines.
_YEAR_FRAME = re.compile(r"\s*(?:据[\u4e00-\u9fff]{1,4},)?(20\d\d)年(?!前|底前|内|起|开始|以前)")
_ANY_YEAR = quick(r"(?<!\d)(20\d\d)年")
# An ordinary heading frames what follows only by plain plan or review words (not 重点 of 重点项目).
_FRAME_TARGET = quick(
    r"怎么干|干什么|目标|安排|步骤|计划|打算|展望|部署|要点|重点工作|工作重点|任务|方面工作|(?:抓好|做好|办好)[^,]{0,10}工作|"
    r"实事")
_FRAME_ACTUAL = re.compile(r"回顾|回头看|成绩|总结|完成情况|执行情况|实施情况|进展|成效")
# A review's heading states an outcome reached (经济发展稳中有进, 群众生活持续改善, 产业发展提质增效): its last
# clause opens on its subject, not on a verb of action (推动民生福祉持续增进, 让群众生活持续改善 plan), and ends on
# the state.
_OUTCOME = quick(
    r"(?:稳中有进|稳中向好|稳中有升|提质增效|量质齐升|提质扩面|亮点纷呈|成效(?:显著|明显|初显)|"
    r"(?:持续|稳步|显著|明显|不断|全面|大幅|日益|更加|有效|有力|逐步|加快)"
    r"(?:改善|增进|提升|增强|优化|向好|巩固|加强|壮大|扩大|深化|提高|完善|彰显|夯实|坚实|规范|健全|有力|增长|攀升|跃升)|"
    r"取得(?:新|明显|显著|积极|重大|阶段性)?的?(?:进展|成效|突破|成绩|成果)|实现新突破|迈上新台阶|再上新台阶|"
    r"开创新局面|展现新作为|呈现新气象)$")
_ACTION_OPEN = re.compile(
    r"让|使|以|在|着力|全力|大力|加快|加力|加大|推动|推进|促进|确保|力争|实现|坚持|聚焦|持续|不断|进一步|加强|强化|"
    r"深化|实施|打造|建设|提升|提高|优化|完善|健全|构建|培育|发展|做强|做优|做大|筑牢|守牢|激发|释放|增强|巩固|拓展|"
    r"扩大|全面|统筹|突出|围绕|抓好|抓实|做好|办好|保障|守护|维护|助力|奋力|努力")
_HEADING_NUMBER = re.compile(
    r"\s*(?:[(\uff08]?[一二三四五六七八九十\d]{1,3}[)\uff09、.]|第[一二三四五六七八九十]+[部分章节])\s*")
_OUTCOME_MIN = 4
_PROGRESS = re.compile(r"完成情况|进展情况|落实情况|推进情况")
# 未达到序时进度11项、占比20.0%,为A完成投资80亿元、B覆盖率达80%…: what a progress notice lists as behind schedule
# are the plan's targets restated (the list starts after 为/是/有/包括)
BEHIND_LIST = re.compile(
    r"(?:(?:未|没有|尚未|未能)(?:达到|完成)?(?:序时|时序|时间)?进度|进度(?:滞后|缓慢|偏慢)|滞后(?:于)?序时(?:进度)?)"
    r"[^。;\n]{0,30}?(?:[,:]|的|任务|项目|事项|指标|\d{1,3}(?:项|个|件))(?:分别)?(?:为|是|有|包括)"
    r"(?:\d{1,3}(?:项|个|件))?[:]?")
# Under a progress report's title (…1-6月进展情况的通报) a topic heading (三、重点建设项目方面) reports too; only
# plain plan words (下一步, 计划, 安排…) open a plan part there.
_TITLE_MAX = 60
_CLAUSE_MARK = re.compile(r"[\n,;。!?]")
_PLAN_PART = re.compile(r"下一步|下步|计划|安排|打算|展望|思路|今后|明年|下半年|怎么干")
_ASIDE = re.compile(r"\([^()\n]{1,40}\)")
# 按照“疫情要防住、经济要稳住、发展要安全”的重要要求: a requirement quoted from above (its 要 is no plan of this text)
_QUOTED_REQUIREMENT = re.compile(r"“[^“”\n]{1,40}”(?=的?(?:重要|总体?|工作|基本|决策)?(?:要求|部署|号召|指示))")
# …项目已全部完成具体情况如下: what follows states each item's target, then its result
_ALL_DONE = re.compile(r"全部完成|均已完成|全面完成")
_PROGRESS_INTRO = re.compile(r"完成[^。]{0,8}(?:具体)?情况如下")
# 围绕上述目标,我们将着重抓好以下六个方面的工作。: the parts that follow are the plan
_PLAN_ANNOUNCE = re.compile(
    r"(?:抓好|做好|突出|推进|抓实|落实)以下(?:[一二三四五六七八九十几\d]*(?:个|项)?(?:方面)?)?(?:的)?(?:重点)?(?:工作|任务)")
# A heading naming a year or a time of its own sets a section even unnumbered (2017年工作回顾).
# The words of a measured result (完成156.8亿元, 同比增长7.2%): progress, not the task restated.
_RESULT = re.compile(r"同比|环比|比上年|较上年|比去年|上年同期|(?:完成|实现|达到)[^,;。]{0,4}\d")
# (“十四五”时期总体把握和主要目标: a plan period named is a time of its own)
_DATED_HEADING = quick(
    r"(?:20\d\d|二[〇零]..)年|过去(?:一|五)年|今年|明年|今后|本届政府|上半年|下半年|“?十[三四五六]五”?时期")
# A heading that is a year alone (a digest's 2023年 / 2024年 parts): judged against the document's date.
_SECTION_WORD_END = 6  # a section heading ends on its plan or review word (…年工作安排, …年主要成绩)
_BARE_YEAR = re.compile(r"(?:20\d\d|二[〇零]..)年[:。]?")
# 2020年长沙 / 2021年长沙 下战书!: a digest's part line, a year and a place (perhaps a slogan after it), names the
# year its part tells, like a bare year; a title (2022年政府工作报告, 2023年山东这样干) is longer and frames nothing
_YEAR_LED = re.compile(r"(?:20\d\d|二[〇零]..)年[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,6}[!！])?")
# A sentence framed by a month (2025年5月,我市…) that measures against an earlier period (环比, 较上期, 同比) counts
# what that month did: a plan gives no month-on-month change
_MEASURED = re.compile(r"环比|较上期|比上期|较上月|比上月|同比")
# 2022年经济社会发展总体情况和2023年工作打算, 2023年工作总结和2024年工作计划: a title naming the year reviewed
# and the year planned announces both parts; it frames neither (each part has its own words and headings).
_TWO_PARTS = re.compile(
    r"(?:20\d\d|二[〇零]..)年[^\n,。]{0,24}?(?:情况|总结|回顾|成绩|成效)[^\n,。]{0,4}?(?:和|与|及|暨|、)"
    r"(?:20\d\d|二[〇零]..)年[^\n,。]{0,24}?(?:打算|计划|安排|思路|要点|任务|目标|草案|建议)")
_CN_DIGIT = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}

# 将 and 要 are also a preposition (将X整合为Y) and part of words (主要, 需要):
# only count them before words that start a plan.
_WILL = (
    r"将(?=以|在|于|进一步|继续|全面|重点|大力|加快|着力|持续|围绕|力争|努力|推进|实施|建设|开展|打造|全力|"
    r"确保|变得|会|坚持|按照|通过|不断|深入|积极|突破|达到|新增|完成|实现|建成|形成|投入|安排|启动|开工|超|"
    r"迎来|逐步|统筹|聚焦|强化|着眼|力促|坚决|把|充分|新建|引进|培育|提升|提高|重点|加速|加大|健全|完善|深化|"
    r"推动|巩固|优化|构建|扎实|牢固|锚定|抢抓|紧扣|紧盯|立足|发挥|用好|做好|抓好|落实|全力|坚定|继续|力求)"
    r"|(?<=[省市县区州旗盟镇乡们府委])将(?![来近要])"  # 海城市将…, 我省将…, 我们将…: a subject's plan
    r"|(?<=[还也])将(?![来近要])"  # 云南还将因地制宜…: 还将, 也将 plan whatever follows
)
_MUST = r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点害件闻务员]|清醒|看到|认识|正视|深刻认识)"
_TARGET_CUE = quick(
    rf"{_WILL}|{_MUST}|计划总?投资(?=\d)|(?<!模)拟(?=[\u4e00-\u9fff])(?!人|定的)|(?<!完成)年度(?:计划)?投资(?![^,。;]{0,2}率|额度)|(?:调整)?预算(?=\d)|力争|(?:(?<=[,;:。])|^)力促|确保|有望|(?<![于出超如合现成到项])(?<!现全年)(?<!成全年)(?<!到全年)(?<!现年度)(?<!成年度)预期(?!寿命)|明年|今后|未来(?=[,一二三四五六七八九十两几]|年|时期|一个|一段|将|的?发展(?:目标|方向|中))|将来|届时|"
    r"(?<![未不没])(?:根据|按照)计划|(?:达产|达效|建成|投产|投用|交付使用|竣工|完工|运营|满产)(?:满产|达产|投产|达效)?后|"
    # 报告…确定实施…新增城镇就业32万人: the works a report decided on (however long ago) are its plan's
    r"(?<![已])确定(?:实施|建设|开展|办好|推进)|(?:民生实事|实事)项目(?:包括|分别是|为)(?=[:“])|"
    # 安排各地改造提升的年度任务3500万亩: the task set for the year names the amount after it
    r"(?:年度|全年)(?:目标)?任务(?=\d)|"
    # 我们打算今年再改造5万个…: what a speaker's government means to do; 今年再改造10万公里: more of it this year
    r"(?<=们)打算(?=[\u4e00-\u9fff])|(?<=今年)再(?=改造|建设|新建|新增|启动|实施|完成|开工|推进)|"
    # 至少完成1个, 至少新建2所: a requirement set (至少3个 is a comparator, 至少有 a state)
    r"至少(?=[\u4e00-\u9fff])(?![有是])|"
    # 粮食意向种植面积17.8亿亩: what farmers intend to sow this season, a plan not a harvest
    r"意向(?=种植|播种)|"
    # 计划 as a verb (计划三年内新培育, 年度计划投资), not a programme's name (英才计划,) nor the plan's schedule
    # a notice measures progress by (5个未达计划进度)
    r"(?<!项目)(?<!按)计划(?=[\u4e00-\u9fff])(?!生育|单列|项目|的|等|和|与|中|内|外|任务|目标的|补助|补贴|资金|进度)|"
    # a plan's own words: 方案提出, 规划明确, 主要目标是
    # …提出的20项指标 names what a plan set (an attribute): no promise of its own
    r"(?:方案|规划|纲要|意见|计划|行动|通知|办法)》?(?:提出|明确|要求|指出|规定)(?!的)|报告》?(?:提出|明确)(?!的)|目标是|目标为|目标[,:]?即|(?<![完])任务(?:数)?(?:为|是)|(?<![现成到项])(?<!现全年)(?<!成全年)(?<!到全年)(?<!现年度)(?<!成年度)预期目标|主要目标|下一步|下步(?=[,要将])"
)
# (a count of the list's contents; the sentence, 下达…名单,共安排…项目3347个、年度计划投资…, still plans the year;
# 2024年安排重点项目100个 without 共 is the year's programme, planned unless its months are measured)
_LIST_HOLDS = r"(?<!计划)(?<![将拟要])(?:共(?:计)?安排|包含|涵盖)(?=[^,。;:\d]{0,24}?项目\d)"
_LIST_HOLDS_RE = re.compile(_LIST_HOLDS)
_MONEY_AT = re.compile(r"[\d.]+\s*(?:[万亿千百]+)?(?:元|美元)的")  # 投资7.6亿元的…项目: a project's size
_ACTUAL_CUE = quick(
    r"已经|已|过去|去年|回顾(?=了|过去)|前年|(?<![与比较同])上年度|(?<![在和与及活合用])现有(?!基础|水平|条件|政策|的)|年来|以来|目前|如今|现在|以前|截至|截止|实现了|完成了|达到了|超额完成|"
    r"实际(?:已)?(?=开工|新开工|完成|竣工|投产|签约|落地|建成)|"
    # 完成年度计划的214.8%, 占年计划的47.5%: the share of a plan done is measured, whatever framed the sentence
    r"(?:完成|占)(?:了)?(?:年度|全年|年)?(?:投资)?(?:计划|目标任务|任务)(?:投资)?的(?=\d)|"
    # 本次开工的还有…等11个项目: the batch of the event being told, not a plan
    r"(?:本次|此次|这次)(?:集中)?(?:开工|签约|竣工|投产)的|"
    # 共安排省重大工程和重点项目3347个, 清单共包含项目2000个: the projects a list holds, the list being issued
    rf"{_LIST_HOLDS}|"
    # 制定了一季度经济增长6%的目标: a period a target is set for
    r"(?:上半年|前三季度|一季度)(?![^,。;]{0,24}?目标)|(?<!\d)1\s*[-—至]\s*1?\d月份?|得到(?:了)?(?:明显|有效|显著|极大)|顺利(?:实现|完成|投产|竣工|通过|开工|落地)|据统计|据初步核算|初步核算|数据显示|统计显示|"
    # a verb closed by 了 reports a deed (储备了一批项目, 建成了, 引进了): achieved
    r"(?:储备|谋划|完成|实现|达到|建成|建设|开工|引进|签约|落地|培育|新增|争取|实施|推动|打造|形成|取得|"
    r"获得|投入|累计|创建|改造|新建|解决|带动|吸引|举办|承办|帮助|救治|惠及|发放|减免|走出|提升|提高|增强|"
    r"改善|加强|扩大|促进|激发|迈上|成为|赢得|补齐|筑牢|夯实|拓展|拓宽|优化|压缩|缩短|降低|下降|减少|增加|增长)"
    r"(?:到|至)?了"
)
_PLAN_PERIOD = re.compile(r"十([一二三四五六])五”?(期末|末期?|时期|期间|规划期)?")
_ORDER = "一二三四五六"
# One pass for every cue (the plan period first: 十四五期间 is one cue, not 期间…).
# 到2027年 is a deadline, 增加到2024年的152个 the end of a change already made; a deadline before the
# year the document plans for is past (到2018年年末…完成115亿元, written in 2019).
_DEADLINE = (r"(?<![加长高升降少低展])到(?P<dl>20\d\d)年(?!的)"
             r"|(?P<dl2>20\d\d)年(?:\d{1,2}月)?(?:前(?![一二三四五六七八九十两\d]{1,2}(?:个)?(?:季度|月))|底前)")
# 预计 forecasts a plan's outcome (预计投资5亿元的项目, 投产后预计年产值…) but, in a review, gives the
# year's preliminary figure (预计全年地区生产总值增长8.3%): the context decides.
_ESTIMATE = r"(?:初步)?预计"
# A year named anywhere (提出了2021年…指标体系安排), judged against the year the document plans for: the
# strongest stance a sentence can carry when the document's date is known (no cue without it).
_YEAR_NAMED = (r"(?<![\d到])(?P<yy>20\d\d)年(?:(?P<mm>\d{1,2})月(?:份)?|第?(?P<qq>[一二三四1-4])季度|(?P<hh>上半年))?"
               r"(?![前底末内初中]|以来|的|\d)")
# 预计可实现全年预期目标, 预计完成年度目标任务: an estimate that the year's target is met (a review's words)
_MEETS_TARGET = re.compile(r"(?:可|能|将)?(?:实现|完成|达到|超额完成)(?:全年|年度|年初)?(?:的)?(?:预期|既定)?目标")
# 2025年延边州春季项目集中开工活动举行, 2025年…启动仪式、…开工仪式举行: a year in the name of an event held
_EVENT_HINT = re.compile(r"举行|举办|启动|召开|开幕")
_EVENT_HELD = re.compile(
    r"[^,。;:!?\n]{0,80}?(?:活动|仪式|会议|大会|典礼|论坛|开幕式|签约会|推进会|观摩会)"
    r"(?:在[^,。;:!?\n]{1,20}?)?(?:正式|隆重|顺利)?(?:举行|启动|召开|开幕|举办)")
_ESTIMATE_PLANS = re.compile(
    r"(?:总投资|投资|年产|年产值|年销售|年营业|年纳税|年收入|年增收|年利税|年处理|年接待|吸引|带动|可|将|能|会|"
    r"建成|投产|达产|竣工|完工|开工|年底|年末|到年|明年|今后|未来|下半年|\d+月)")
# 今年 names the year the document is written in: judged like a year named (a work report's 今年 plans, a December
# summary's reports); 今年以来, 今年1-6月, 今年上半年 are periods the other cues tell
_THIS_YEAR = (r"(?P<now>今年)"
              r"(?!以来|来|前|底|内|以前|初|[上下]半年|[一二三四前]季度|第|\d|[一二三四五六七八九十]{1,2}月)")
_CUE_PATTERN = (
    rf"{_THIS_YEAR}|(?P<plan>十(?P<order>[一二三四五六])五”?(?P<span>期末|末期?|时期|期间|规划期)?)"
    rf"|(?P<deadline>{_DEADLINE})|(?P<est>{_ESTIMATE})|(?P<year>{_YEAR_NAMED})"
    rf"|(?P<t>{_TARGET_CUE.pattern})|(?P<a>{_ACTUAL_CUE.pattern})"
)
_ANY_CUE = quick(_CUE_PATTERN)  # led by the hundred characters a cue starts with
ESTIMATE = "estimate"  # 预计 not followed by a plan's words: a preliminary actual in a review
_YEAR_NAMED_RE = quick(_YEAR_NAMED)
_MONTH_AFTER = re.compile(r"(\d{1,2})月")
_EARLY_MONTH = 3  # a report given by March plans its year
_DEADLINE_RE = quick(_DEADLINE)
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
# 《报告》明确,今年…: the report itself, named short, speaks its plan (its words are no other document's title)
_OWN_REPORT = re.compile(r"《(?:政府工作)?报告》")
# A cue that names an amount (计划投资10.91亿, 年度计划投资, 预计总投资) speaks of that amount only: it
# frames no later sentence (…其中:计划投资10.91亿,占总投资15%; 转型项目33个 reports).
_PLANNED_CLASS = re.compile(r"计划(?:新开工|开工|投产|竣工|建成)项目")
_CLASS_ENDS = re.compile(r"[;。]|完成|累计|已")
_BOUND_CUE = quick(r"计划(?:新开工|开工|投产|竣工|建成)项目|(?:年度|全年)(?:目标)?任务(?=\d)|"
                   r"(?:计划|预计)(?:总)?投资|年度(?:计划)?投资|(?:调整)?预算(?=\d)|目前的(?=\d)")
_SHARE_OF_PLAN = re.compile(r"占|完成|为")
# The mood of a plan in a text that says nothing else (a report's plan part printed on its own): a sentence opening
# on an action verb, perhaps after a manner word; 了, 已, 同比… mark a deed done.
_IMPERATIVE = re.compile(
    r"\s*(?:\d{1,3}[.、．﹒](?!\d)|[(（]\d{1,3}[)）])?"  # 204.推进…: a numbered item of a plan's list
    r"(?:“[^”]{1,10}”)?(?:全面|深入|加快|加力|加大|大力|持续|着力|积极|扎实|稳步|进一步|全力|切实|不断|努力|刚性|"
    r"稳妥|有序|统筹|聚焦|接续|久久为功|持之以恒|驰而不息|坚定不移|毫不动摇|铁腕|高标准|严格)?(?:推动|推进|落实|实施|强化|加强|优化|深化|完善|健全|支持|打造|培育|办好|开展|提升|"
    r"促进|开设|扩围|提振|擦亮|构建|发放|加快|扩大|做好|抓好|守牢|增强|坚持|采取|立足|"
    # 不断夯实绿色生态基底; 高质量完成第八轮环保三年行动; 压实各级林长责任
    r"夯实|凝聚|发挥|紧盯|高质量完成|压实|筑牢)")
# the periods the words of a review name (上半年, 一季度, 前三季度), by their last month
_PERIOD_END = {"上半年": 6, "一季度": 3, "前三季度": 9}
# 增长6%左右, 减负2500亿元以上, 不少于740个: a figure given as a bound or a round guess closing its clause, with no
# mark of a deed done and nothing else telling, is a goal's (a result is measured: 同比增长6.2%); 100亿元以上项目10个
# names a size class; 可达2万元左右 a capacity
_GOAL_BOUND = re.compile(r"(?<![\d.])(?<![可能]达)(?<![可能])\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})?(?:左右|以上)"
                         r"(?=[,;。、!\s]|$)|不少于\d|不低于\d")
# what marks a deed done besides a change measured (增长6.5%左右 may be a goal's)
# a rank among peers (增量全市第一, 居全省第3位) is measured: no plan ranks itself
_RANKED = r"全[国省市区县州]第[一二三四五六七八九十\d]|居全[国省市区县州]|排名第"
_DEED = re.compile(rf"了|已|同比|比上年|较上年|累计|实现了|完成了|获评|荣获|入选|顺利|如期|超额|{_RANKED}")
_DONE = re.compile(rf"{_DEED.pattern}|增长\d|下降\d")
_CARRIED_MOOD_MIN = 20  # a sentence longer than a topic's line, or holding a figure, goes on with the plan before it
_DIGIT_RE = re.compile(r"\d")


def _reaches(norm: str, start: int, end: int, lead: int) -> bool:
    """A cue reaches the number at `lead`: any cue, but one naming an amount (计划总投资, 年度投资) only the amount
    right after it."""
    if _LIST_HOLDS_RE.match(norm, start):
        # 涵盖工业项目1个,即投资7.6亿元的…项目: the list's counts and totals, not the size of a project named after them
        return not _MONEY_AT.match(norm, lead)
    bound = _BOUND_CUE.match(norm, start)
    if bound and _PLANNED_CLASS.match(norm, start):
        # 计划开工项目107个,总投资333.81亿元: the class's figures, until a clause ends or tells what was done
        return not _CLASS_ENDS.search(norm, bound.end(), lead)
    return not bound or lead - max(end, bound.end()) <= 2


def states_outcome(text: str) -> bool:
    """A heading stating an outcome reached (一、坚持项目为王,经济发展稳中有进): a review's, whatever its year."""
    text = text.strip().rstrip("。!:")
    number = _HEADING_NUMBER.match(text)
    last = re.split(r"[,;]", text[number.end() if number else 0:])[-1].strip()
    return len(last) >= _OUTCOME_MIN and bool(_OUTCOME.search(last)) and not _ACTION_OPEN.match(last)


def _frames_review(text: str) -> bool:
    """An ordinary heading names a review (回顾, 成绩, 取得的成效); 成效 or 进展 in a clause opening on an action
    (全力以赴推进…,实现“三年初见成效”) is the aim of a plan's heading."""
    for m in _FRAME_ACTUAL.finditer(text):
        if m.group() not in ("成效", "进展"):
            return True
        start = max(text.rfind(mark, 0, m.start()) for mark in ",;:。")
        number = _HEADING_NUMBER.match(text, start + 1)
        if not _ACTION_OPEN.match(text, number.end() if number else start + 1):
            return True
    return False


def _plans_action(text: str) -> bool:
    """A numbered heading that is an action in the mood of a plan (一、加强学位宿位建设。, 五、加快推进老旧小区改造。):
    the item of a list of works to do; its lines are the plan's."""
    number = _HEADING_NUMBER.match(text)
    if not number:
        return False
    body = text[number.end():].strip().rstrip("。")
    if _DONE.search(body):
        return False
    if "," not in body:
        return bool(_IMPERATIVE.match(body) or _ITEM_WORK.match(body))
    # 一、新增义务教育公办学校学位5万个,改造近视防控教室照明2万间: a work item heading, each clause a work
    return bool(_DIGIT_IN.search(body)) and all(_ITEM_WORK.match(part) for part in body.split(","))


# ●全市新增社区托育机构100家, (8)新建行政村公共厕所120座、…: a list's bulleted or numbered item of works
_ITEM_MARK = re.compile(r"\s*(?:[●■◆▲★▶►•▪◇□]|[(（][一二三四五六七八九十\d]{1,2}[)）])\s*"
                        r"(?:全市|全县|全区|全省|全镇|为全市)?")


def _work_item(text: str) -> bool:
    """A bulleted or bracket-numbered item opening on a work with a figure, no deed told (a livelihood list's line)."""
    mark = _ITEM_MARK.match(text)
    if not mark or _DONE.search(text):
        return False
    first = re.split(r"[,;。]", text[mark.end():], maxsplit=1)[0]
    return bool(_ITEM_WORK.match(first)) and bool(_DIGIT_IN.search(first))


# the works a numbered item heading of a livelihood list names (二、新建、改扩建公办幼儿园150所): what is to be done
_ITEM_WORK = re.compile(r"\s*(?:新增|新建|新改扩建|改扩建|改造|新建改造|建设|建成|实施|提高|提升|开展|完成|打造|培育|"
                        r"新开工)(?=[\u4e00-\u9fff\d、])")
_DIGIT_IN = re.compile(r"\d")


# 单位GDP二氧化碳排放降低18%, 森林覆盖率提高至24.1%: a line printed without a full stop that moves an indicator
_LINE_GOAL = re.compile(r"(?:降低|提高|提升|下降|减少|增加)(?:至|到)?\s*\d")


def _bare_goal_line(norm: str, start: int, end: int) -> bool:
    """A line of its own, unpunctuated (a goal list's line, a headline), moving an indicator with no mark of a deed
    or of a measured change: a goal's."""
    line_end = norm.find("\n", end)
    tail = norm[end:line_end if line_end >= 0 else len(norm)].strip()
    text = norm[start:end].rstrip()
    return (not tail and bool(text) and text[-1] not in "。!?;" and bool(_LINE_GOAL.search(text))
            and not _DEED.search(text) and not _AGAINST_BEFORE.search(text))


def heading_stance(text: str) -> str | None:
    """The stance a top-level heading gives its section, if it tells one."""
    if _HEADING_ACTUAL.search(text):
        return ACTUAL
    if _HEADING_TARGET.search(text):
        return TARGET
    return None


def _heading_year(text: str) -> int | None:
    m = _HEADING_YEAR.search(text)
    if not m:
        return None
    return int("".join(_CN_DIGIT.get(ch, ch) for ch in m.group(1)))


def latest_plan(norm: str) -> int:
    """The most recent five-year plan the text names (十四五 → 4); 0 when none."""
    found = [_ORDER.index(m.group(1)) for m in _PLAN_PERIOD.finditer(norm)]
    return max(found, default=-1) + 1


def _first_month(m: re.Match[str]) -> int | None:
    """The first month of the period a year phrase names (2021年8月 → 8, 2021年第一季度 → 1, 上半年 → 1)."""
    if m.group("mm"):
        return int(m.group("mm"))
    if m.group("qq"):
        return 3 * ("一二三四".index(m.group("qq")) if not m.group("qq").isdigit() else int(m.group("qq")) - 1) + 1
    return 1 if m.group("hh") else None


def judge_year(year: int, month: int | None, plan_year: int | None, written: dt.date | None) -> str | None:
    """What a year named in the text tells against the document's own date: before the plan year it reports,
    after it plans; the plan year itself plans in a text written before or early in it (a work report), and
    reports a month already past when the text was written (2022年8月份 in a September article); a bare plan
    year in a text written later in that year tells nothing."""
    if not plan_year:
        return None
    if year != plan_year:
        return ACTUAL if year < plan_year else TARGET
    if written and month and (year, month) <= (written.year, written.month):
        return ACTUAL  # 2021年第一季度…集中开工活动 written in February: under way or past
    if written is None or written.year < year or written.month <= _EARLY_MONTH:
        return TARGET
    return None


def _cues(text: str, latest: int, plan_year: int | None = None,
          written: dt.date | None = None, schedule: bool = False) -> list[tuple[int, int, str]]:
    """Every stance cue of `text`: (start, end, stance); ESTIMATE for a 预计 the context must settle.  `schedule`:
    the sentence stands in a plan's section, where a period not yet over (上半年完成主体工程) schedules a deed."""
    found = []
    for m in _ANY_CUE.finditer(text):
        kind = m.lastgroup
        if kind == "a" and schedule and m.group() in _PERIOD_END and _scheduled(text, m, plan_year, written):
            found.append((m.start(), m.end(), TARGET))
            continue
        if kind in ("plan", "order", "span"):
            if not m.group("span"):
                continue
            current = _ORDER.index(m.group("order")) + 1 == latest
            found.append((m.start(), m.end(), TARGET if current else ACTUAL))
        elif kind in ("deadline", "dl", "dl2"):
            year = int(m.group("dl") or m.group("dl2"))
            found.append((m.start(), m.end(), ACTUAL if plan_year and year < plan_year else TARGET))
        elif kind == "now":
            told = judge_year(written.year if written else plan_year, None, plan_year, written) if plan_year else None
            if told == TARGET and _UNDER_WAY.search(text):
                continue  # 今年…计划新开工41项,1至11月份…实际开工37项: the year under way, measured, plans nothing
            if told:
                found.append((m.start(), m.end(), told))
        elif kind in ("year", "yy", "mm", "qq", "hh"):
            if _EVENT_HINT.search(text) and _EVENT_HELD.match(text, m.end()):
                continue  # 2025年…春季项目集中开工活动举行: the year names an event held, no plan
            if found and found[-1][2] == TARGET and _PROPOSED.search(text, found[-1][0], found[-1][1]) \
                    and m.start() - found[-1][1] <= 1:
                continue  # 报告提出,2019年城镇新增就业1100万人以上: the year a plan set its goal for, no report
            if (text.startswith("度", m.end()) and _LETTER.match(text, m.end() + 1)
                    and _planned_in_clause(text, m, found)):
                continue  # 力争…完成2024年度中央财政…项目: a programme's year, after the promise of its clause
            month = _first_month(m)
            told = judge_year(int(m.group("yy")), month, plan_year, written)
            if (told == TARGET and written is None and int(m.group("yy")) == plan_year
                    and not _TARGET_CUE.search(text)
                    and (_AGAINST_BEFORE.search(text)
                         or (m.group("qq") or m.group("hh") or _PERIOD_AFTER.match(text, m.end()))
                         and _REPORTED.search(text))):
                # 2021年全国粮食总产量13657亿斤,比上年增加267亿斤: the year measured against the last;
                # 2025年第一季度,热线话务总数为20693个,…办结率达99.93%: a quarter's statistics (a single month
                # without a measured change still schedules: 2025年6月,建成投用污水处理厂1座)
                told = ACTUAL
            if told == TARGET and int(m.group("yy")) == plan_year and month is None and _UNDER_WAY.search(text):
                # 开平市列入2024年广东省重点建设项目21项,…1-2月累计完成投资9.4亿元: the programme of a year already
                # measured by its months names the list; the year plans nothing of its own
                continue
            if told:
                found.append((m.start(), m.end(), told))
        elif kind == "est":
            plans = _ESTIMATE_PLANS.match(text, m.end()) and not _MEETS_TARGET.match(text, m.end())
            found.append((m.start(), m.end(), TARGET if plans else ESTIMATE))
        elif kind == "t" and m.group()[0] not in "将要" and _SHARE_OF_PLAN.search(text, max(0, m.start() - 4),
                                                                             m.start()):
            continue  # 占计划投资的69%, 完成年度计划的85%: how much of a plan is done reports
        else:
            found.append((m.start(), m.end(), TARGET if kind == "t" else ACTUAL))
    return found


_AGAINST_BEFORE = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|上年同期")
# 1-2月累计完成投资, 1至11月份…实际开工: months of the year already measured (the text is written after them)
_UNDER_WAY = re.compile(r"(?<!\d)\d{1,2}\s*[-—至~]\s*\d{1,2}月份?(?:[^。;]{0,12}?实际|"
                        r"(?:(?!将|要|计划|力争|确保)[^。;]){0,8}?(?:累计|完成|已|同比))")
# the words of a period's statistics: 总数为, 率达, 共受理, 累计
_REPORTED = re.compile(r"总数为|总量为|率(?:达|为)|累计|共(?:受理|办理|接待|完成|签约|收到)|占比")
# 2024年1-4月, 2024年前三季度: a period of the year named after it
_PERIOD_AFTER = re.compile(r"(?:\d{1,2}\s*[-—至]\s*\d{1,2}月|前三季度|一季度|[上下]半年)")
_PROPOSED = re.compile(r"(?:方案|规划|纲要|意见|计划|行动|通知|办法|报告)》?(?:提出|明确|要求|规定)")
_LETTER = re.compile(r"[\u4e00-\u9fff]")


def _planned_in_clause(text: str, m: re.Match[str], found: list[tuple[int, int, str]]) -> bool:
    """Whether a cue of the clause before the year phrase `m` promises (力争…, 确保…)."""
    clause = max(text.rfind(mark, 0, m.start()) for mark in ",;。:!?\n")
    return any(told == TARGET and start > clause for start, _, told in found)


def _scheduled(text: str, m: re.Match[str], plan_year: int | None, written: dt.date | None) -> bool:
    """Whether a period (上半年, 一季度) in a plan's sentence is when a deed is due: the period is not over when the
    text was written and its clause tells no deed done (一季度开工建设; not 一季度已开工, 上半年完成投资同比增长8%)."""
    if written and plan_year and (written.year, written.month) > (plan_year, _PERIOD_END[m.group()]):
        return False
    clause = _CLAUSE_MARK.search(text, m.end())
    return not _DONE.search(text, m.end(), clause.start() if clause else len(text))


def cue(text: str, latest: int) -> str | None:
    """The stance told by the last cue in `text` (the part of a sentence before a number)."""
    found = _cues(text, latest)
    return found[-1][2] if found else None


def first_cue(text: str, latest: int) -> str | None:
    """The stance told by the first cue of a sentence: the frame it sets for what follows."""
    found = _cues(text, latest)
    return found[0][2] if found else None


class StanceTracker:
    """Follows the document line by line and sentence by sentence.

    `plan_year` is the year the document plans for (dates.document_date): a year phrase before it
    reports, from it on plans.  Without it, a year frame before the latest year the text names reports.
    """

    def __init__(self, norm: str, plan_year: int | None = None, written: dt.date | None = None) -> None:
        self.latest = latest_plan(norm)
        self.plan_year = plan_year
        self.written = written
        self.last_year = max((int(y) for y in _ANY_YEAR.findall(norm)), default=0)
        self.section: str | None = None  # set by a top-level heading
        self.carried: str | None = None  # last cue, for texts without such headings
        self.carried_by_words = False  # that cue was words of the text (今年以来, 已), not a year or a date
        self.title: str | None = None  # the first heading line
        # the document's title (its first words, up to a clause mark: a title may run into the text below it)
        title = _CLAUSE_MARK.split(norm.lstrip()[:_TITLE_MAX], 1)[0]
        self.progress_report = bool(_PROGRESS.search(title))
        self.progress_seen = self.progress_report  # a heading of progress (…进展情况表) stood above
        self.default = ACTUAL  # TARGET under a plan's title, or in a text opening on its issue
        issued = _ISSUED.search(norm.lstrip()[:_OPENING]) or _ISSUING_TITLE.search(title)
        if issued and not self.progress_report:  # …1-6月进展情况的通报 recalls the plan it follows up
            named = issued["a"] or issued.groupdict().get("b")
            if (_TITLE_TARGET.search(named) and not _HEADING_ACTUAL.search(named) and not _PROGRESS.search(named)
                    and not _TWO_PARTS.search(named)):
                self.default = TARGET
        self.year: int | None = None  # of the last top-level heading naming one
        self._span: tuple[int, int] = (-1, -1)  # the sentence whose cues are cached
        self._cues: list[tuple[int, int, str]] = []
        self._sources: dict[int, str] = {}  # cue start → "estimate" or "year" when not the words alone
        self.progress = False  # under a heading of a progress report (…任务完成情况)
        self.item_task = False  # in a numbered item of such a report, before its progress is told
        self.item_bare = False  # that item is a bare line (…新增养老床位250张): the task, whatever its words
        self.completed = False  # the report says every item is done: restated tasks are no new tasks
        self.mood: str | None = None  # TARGET after a sentence of the line read as a plan by its mood alone

    def cues_in(self, norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The cues of the sentence norm[start:end] at document offsets (cached per sentence)."""
        if self._span != (start, end):
            self._span = (start, end)
            # words inside a title (《…2021年计划草案的报告》) name a document, they promise nothing
            text = norm[start:end]
            if "《" in text:
                text = _TITLE.sub(lambda m: m.group() if _OWN_REPORT.fullmatch(m.group()) else "□" * len(m.group()),
                                  text)
            if "(" in text:  # (扣除2022年灾后恢复重建专项资金支出外): an aside tells no stance
                text = _ASIDE.sub(lambda m: "□" * len(m.group()), text)
            if "”" in text:
                text = _QUOTED_REQUIREMENT.sub(lambda m: "□" * len(m.group()), text)
            cues = [(s + start, e + start, told)
                    for s, e, told in _cues(text, self.latest, self.plan_year, self.written,
                                            schedule=self._scheduling())]
            if "进度" in text:
                behind = BEHIND_LIST.search(text)
                if behind:
                    cues = sorted([*cues, (start + behind.end() - 1, start + behind.end(), TARGET)])
            self._sources = {s: "estimate" for s, _, told in cues if told == ESTIMATE}
            self._sources.update({s: "year" for s, e, _ in cues
                                  if _DEADLINE_RE.match(norm, s, e) or _YEAR_NAMED_RE.match(norm, s, e)})
            frame = _YEAR_FRAME.match(norm, start, end) if self.section is None else None
            framed = self._year_stance(int(frame.group(1)), frame) if frame else None
            if (framed == TARGET and _MONTH_AFTER.match(norm, frame.end()) and not self.written
                    and _MEASURED.search(norm, start, end)):
                framed = ACTUAL  # 2025年5月,…共接收工单3656件,环比下降1.11%: that month's count
                cues = [(s, e, ACTUAL if s == frame.start(1) else told) for s, e, told in cues]
            if framed:
                cues.insert(0, (frame.start(1), frame.end(), framed))
                self._sources[frame.start(1)] = "year"
            context = self.section or self.carried or framed or ACTUAL
            resolved: list[tuple[int, int, str]] = []
            for s, e, told in cues:
                if told == ESTIMATE:  # 计划实施…,预计实现…增长7%: an earlier cue of the sentence, else context;
                    # 2021年,武宣经济增长预计增长10%: a past year's estimate is its preliminary figure
                    year_told = resolved and self._sources.get(resolved[-1][0]) == "year"
                    told = resolved[-1][2] if resolved and (not year_told or resolved[-1][2] == ACTUAL) else context
                resolved.append((s, e, told))
            # 今年我市将推进城市提质,安排…等项目347项: a list the sentence's own plan words announce is planned
            resolved = [(s, e, told) for k, (s, e, told) in enumerate(resolved)
                        if not (_LIST_HOLDS_RE.match(norm, s) and any(
                            t == TARGET and self._sources.get(a, "cue") == "cue" for a, _, t in resolved[:k]))]
            self._cues = resolved
        return self._cues

    def _scheduling(self) -> bool:
        """Whether a period not yet over (一季度, 上半年) schedules a deed: in a plan's section, or in a text without
        sections whose last sentence planned (今年,…将…。…,一季度开工重点项目57个)."""
        return self.section == TARGET or (self.section is None and self.carried == TARGET)

    def _year_stance(self, year: int, frame: re.Match[str]) -> str | None:
        """What a sentence framed by a year (2023年,全县…) tells: judged against the document's date, else
        a year before the latest the text names reports."""
        if self.plan_year:
            month = _MONTH_AFTER.match(frame.string, frame.end())
            return judge_year(year, int(month.group(1)) if month else None, self.plan_year, self.written)
        return ACTUAL if year < self.last_year else None

    def stance_at(self, norm: str, sentence: tuple[int, int], lead: int, rest: tuple[int, int]) -> str:
        """stance_for, reading the cues of the whole sentence once: the last cue that ends
        before the number, else the first in the rest of its clause, else the context."""
        return self.judge(norm, sentence, lead, rest)[0]

    def judge(self, norm: str, sentence: tuple[int, int], lead: int, rest: tuple[int, int]) -> tuple[str, str]:
        """stance_at and what told it: "cue", "estimate", "year", "section", "carried" or "default"."""
        cues = self.cues_in(norm, *sentence)
        # a cue naming an amount (年度投资110.32亿元) speaks for that amount, not for later ones
        before = [(start, told) for start, end, told in cues if end <= lead and _reaches(norm, start, end, lead)]
        # …项目90个、总投资82.3亿元、年度投资20.4亿元: a cue naming an amount after the number is that amount's
        after = [(start, told) for start, _, told in cues
                 if rest[0] <= start < rest[1] and not _BOUND_CUE.match(norm, start)]
        found = before[-1] if before else after[0] if after else None
        if found:
            return found[1], self._sources.get(found[0], "cue")
        if self.item_task and (self.item_bare or not _RESULT.search(norm, *sentence)):
            return TARGET, "restated"
        if self.section:
            return self.section, "section"
        if self.carried:
            return self.carried, "carried"
        return self._by_mood(norm, *sentence)

    def _by_mood(self, norm: str, start: int, end: int) -> tuple[str, str]:
        """Nothing tells the stance: a sentence in the mood of a plan (深入实施34项改革试点任务, 加快…建设 — an
        action verb opening it, no mark of a deed done) promises; anything else falls to the default."""
        if self.default == ACTUAL and (
                self.own_mood(norm, start, end)
                # 有序推进国家储备林项目建设…。投入500万元完成…15座历史遗留矿山修复: a sentence without a mark of its
                # own after one read as a plan by its mood, on the same line, goes on with that plan
                # (a short line of words alone, 全力以赴推进水污染治理。, may name the topic of the works after it)
                or self.mood == TARGET and not _DONE.search(norm, start, end)
                and (end - start > _CARRIED_MOOD_MIN or _DIGIT_RE.search(norm, start, end) is not None)):
            return TARGET, "mood"
        return self.default, "default"

    def own_mood(self, norm: str, start: int, end: int) -> bool:
        """The sentence plans by its own mood: an action verb opening it and no deed done, or a goal's bound."""
        return bool(_IMPERATIVE.match(norm, start, end) and not _DONE.search(norm, start, end)
                    or _GOAL_BOUND.search(norm, start, end) and not _DEED.search(norm, start, end)
                    or _plans_action(norm[start:end])  # 二、新建、改扩建公办幼儿园150所: a list's numbered work item
                    or _work_item(norm[start:end])  # ●全市新增社区托育机构100家: a bulleted item of works
                    or _bare_goal_line(norm, start, end))

    def on_line(self) -> None:
        """A new line (paragraph) ends the mood carried from the sentences before it."""
        self.mood = None

    def _note_mood(self, norm: str, start: int, end: int) -> None:
        """After a sentence nothing else told: remember a plan told by its mood; a deed done ends it."""
        if (self.section is not None or self.carried is not None or self.default != ACTUAL
                or _DONE.search(norm, start, end)):
            self.mood = None
        elif self._by_mood(norm, start, end)[0] == TARGET:
            self.mood = TARGET

    def on_heading(self, text: str, top_level: bool) -> None:
        """A top-level heading (一、…) or a dated one (2017年工作回顾) sets the section: by its words,
        else by its year against the plan year or the previous heading's (一、二〇二三年主要成绩 …
        二、二〇二四年工作… is the plan).  Any other heading frames what follows by its words
        (建议全年经济社会发展预期目标) or resets the carried cue."""
        two_parts = bool(_TWO_PARTS.search(text))
        if self.title is None:
            self.title = text
            if (not _HEADING_ACTUAL.search(text) and _TITLE_TARGET.search(text) and not self.progress_report
                    and not two_parts):
                self.default = TARGET
        if two_parts:
            self.progress, self.item_task = False, False
            if self.section is None:
                self.carried = None
            return
        told = heading_stance(text) or (ACTUAL if states_outcome(text) else None)
        if told == TARGET and self.progress_report and not _PLAN_PART.search(text):
            told = None  # 三、重点建设项目方面 under …1-6月进展情况的通报: a topic of the progress
        self.progress, self.item_task = bool(_PROGRESS.search(text)), False
        self.progress_seen = self.progress_seen or self.progress
        bare_year = _BARE_YEAR.fullmatch(text.strip()) or _YEAR_LED.fullmatch(text.strip())
        # 2017年工作回顾 sets a section; a headline naming a year (2024年新疆计划改造近千个…) tells its story only
        dated = told and _DATED_HEADING.search(text) and heading_stance(text.rstrip("。:")[-_SECTION_WORD_END:])
        if top_level or dated or bare_year:
            year = _heading_year(text)
            if bare_year and not told and year and self.plan_year:
                told = judge_year(year, None, self.plan_year, self.written)  # 2023年 / 2024年 over a digest's parts
            if not told and year and self.plan_year:
                told = ACTUAL if year < self.plan_year else TARGET
            elif not told and year and self.year and year != self.year:
                told = TARGET if year > self.year else ACTUAL
            self.year = year or self.year
            if told:
                self.section = told
        if self.section is None:  # an ordinary heading frames what follows only by plain plan or review words
            # an action heading plans, unless the text's own words were telling a review (今年以来,…做了以下工作)
            plans = _plans_action(text) and not (self.carried == ACTUAL and self.carried_by_words)
            self.carried = (ACTUAL if _frames_review(text) or states_outcome(text)
                            else TARGET if _FRAME_TARGET.search(text) or plans
                            # 1、中小学“清凉工程”: a list's heading naming only a project goes on under the frame
                            # told before the list (对2023年民生实事项目进行票决…)
                            else self.carried if _PROJECT_NAME.search(text) else None)
            self.carried_by_words = False

    def off_item(self) -> None:
        """A line that is no item ends the item before it (its result may follow on the next line)."""
        self.item_task = self.item_bare = False

    def on_item(self, bare: bool = False, row: bool = False) -> None:
        """A numbered item of a progress report first states the task (引进…项目不少于3个), then its
        progress (上半年,引进…3个): until a sentence tells a deed, the item's sentences are the task.  `row`: the
        item is a table's row (its number on a line of its own) under a heading of progress anywhere above."""
        self.item_task = self.progress or (row and self.progress_seen)
        self.item_bare = self.item_task and bare

    def on_speech(self) -> None:
        """A paragraph opening on quoted speech is a new voice: the narrator's last cue
        (到2029年,全县将…) does not frame what the speaker says."""
        self.carried = None

    def stance_and_source(self, norm: str, start: int, end: int) -> tuple[str, str]:
        """The stance of the whole sentence norm[start:end] (its last cue) and what told it: "cue" (its
        own words), "estimate", "year", "section", "carried" (an earlier sentence or heading) or "default"."""
        # 项目总投资71.73亿元,其中:计划投资10.91亿: an amount named as planned makes no commitment
        # …也是我们今年乘势而上的底气所在: 今年 dates the figures it reaches; it makes no sentence a promise
        found = [cue for cue in self.cues_in(norm, start, end)
                 if cue[1] <= end and not _BOUND_CUE.match(norm, cue[0]) and not norm.startswith("今年", cue[0])
                 and not _LIST_HOLDS_RE.match(norm, cue[0])]
        if found:
            return found[-1][2], self._sources.get(found[-1][0], "cue")
        if self.item_task and (self.item_bare or not _RESULT.search(norm, start, end)):
            return TARGET, "restated"
        if self.section:
            return self.section, "section"
        if self.carried:
            return self.carried, "carried"
        return self._by_mood(norm, start, end)

    def stance_for(self, before_number: str, rest_of_clause: str = "") -> str:
        """Stance of a number given the sentence text that precedes it and, when nothing
        before it tells, the rest of its clause (投资18亿元的产业园已完成主体施工)."""
        found = _cues(before_number, self.latest, self.plan_year)
        told = found[-1][2] if found else first_cue(rest_of_clause, self.latest)
        context = self.section or self.carried
        if told == ESTIMATE:
            told = context or ACTUAL
        return told or context or self.default

    def after_span(self, norm: str, start: int, end: int) -> None:
        """The first cue of the sentence norm[start:end] frames what follows (方案提出,到2025年,…;
        过去一年,…); a later one speaks of its own clause only (…已完成主体施工,预计明年6月投入使用)."""
        told_deed = any(told == ACTUAL for _, _, told in self.cues_in(norm, start, end))
        if self.item_task and not self.item_bare and (_RESULT.search(norm, start, end) or told_deed):
            self.item_task = False
        if _PROGRESS_INTRO.search(norm, start, end):
            self.progress = True
            self.completed = bool(_ALL_DONE.search(norm, start, end))
        elif _PLAN_ANNOUNCE.search(norm, start, end) and any(t == TARGET for _, _, t in self.cues_in(norm, start, end)):
            self.section = TARGET
        if self.section is None:
            cues = [c for c in self.cues_in(norm, start, end) if not _BOUND_CUE.match(norm, c[0])]
            if cues:
                self.carried = cues[0][2]
                self.carried_by_words = self._sources.get(cues[0][0], "cue") == "cue"
        self._note_mood(norm, start, end)
