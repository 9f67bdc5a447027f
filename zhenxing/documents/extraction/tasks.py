"""Task drafts: every commitment of the plan part of a text, its lead unit, partners and deadline.

A sentence is a commitment when it stands in the plan part (target stance: a "工作安排" section, a
sentence cued by 将/力争/要/今后…, a year phrase for the year the document plans) and says what will be
done (实施, 推进, 建设, 完成…).  Numbers are not required: 加快推进城市更新 is a task.  A list of goals
(主要预期目标是:地区生产总值增长6%左右,…;…) makes one task per goal, as cities' official decompositions
do, each with its own lead unit (departments.suggest_lead).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from zhenxing.deadlines import parse_deadline

from ...patterns import quick
from .confidence import judge_task
from .dates import document_date
from .departments import (
    Suggestion,
    canonical,
    document_level,
    index_of,
    named_departments,
    standard_name,
    suggest_lead,
    unit_tag,
)
from .layout import Prepared, prepare
from .quantities import find_quantities
from .sentences import BULLETS, is_item
from .stance import BEHIND_LIST, TARGET
from .walk import walk

_ACTION = re.compile(
    r"实施|推进|推动|建设|建成|完成|开展|力争|确保|加快|打造|培育|新建|改造|提升|提高|落实|深化|强化|健全|"
    r"完善|实现|创建|举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|争创|申建|组建|发展|支持|"
    r"促进|巩固|整治|治理|保障|解决|修复|改善|规划|谋划|招引|建立|开辟|办好|守住|防范|化解|激发|守好|"
    r"扛牢|提质|增效|弘扬|补齐|夯实|筑牢|拓展|壮大|做强|做优|做大|攻坚|突破|推行|推广|实行|消除|减少|降低|增加|"
    r"覆盖|普及|通达|发放|提供|升级|出台|制定|带动"  # 出台…专项行动计划: a policy issued is a deed
    r"|改建|扩建|设立"  # 新、改建200个街心公园; 设立…融资贷款
    r"|凝聚|发挥|紧盯|编制|创新(?=[^,;。]{2,20}?(?:模式|机制|方式|体制|路径))"  # 凝聚…合力, 创新…招商等模式
    r"|(?:^|(?<=[,;:。]))丰富(?=[\u4e00-\u9fff])"  # 丰富…应用场景 opening a clause: a verb (not 资源丰富)
)
# Framing sentences of a plan section: what the year is, the guiding thought, the
# announcement of the parts to come.  They commit to nothing a unit can be tasked with.
_FRAMING = quick(
    r"^(?:今年|明年|20\d\d年|这一年|当前)(?:是|为).*?(?:之年|一年|关键期|窗口期|之际|周年)|"
    r"总体要求|指导思想|基本原则|工作思路是|总体思路|^站在新的?[^,。]{0,8}起点|"
    r"(?:抓好|做好|突出|聚焦|把握|推进)(?:以下|好)?[一二三四五六七八九十两几\d]+(?:个|项)?方面(?:的)?(?:重点)?工作|"
    r"(?:抓好|做好)以下(?:几项|几个方面)?(?:重点)?工作|"
    # the guiding thought and the closing slogans commit to nothing a unit can be tasked with
    r"为指导|为统领|总基调|新发展理念(?!示范区)|决策部署|关键在(?:干|落实|实干)|"
    # how the work will be seen to (加强组织领导、细化责任分工、强化督查督办,抓好落实): the means, no task of a unit
    r"加强组织领导[^。;]{0,30}(?:督查|督办|督导|考核|抓好[^,;。]{0,6}落实)|工作要求$|精神$|新篇章|新征程|新辉煌|奋勇前进|埋头苦干|砥砺前行|"
    r"新答卷|新担当|加速度|目标引领|请予审议|请予审查|报告如下|摆在(?:更加)?(?:突出|首要|重要)位置|^(?:上述|以上)(?:预期)?目标|"
    # a part's title as the account of a report lists it (坚持抢抓机遇,推动综合实力实现新突破): an aim, no work; the
    # principles the government holds to (始终坚持把政治建设摆在首位, 切实提高政治站位, 坚持把…作为首要任务)
    r"^(?:坚持|聚焦|围绕)[^,;。]{2,12},(?:推动|推进|促进)[^,;。]{2,16}(?:实现|取得|迈上|迈出)新(?:突破|跨越|飞跃|提升|成效|"
    r"台阶|步伐)|摆在首位|提高政治站位|^(?:始终|必须)?坚持把[^,;。]{2,30}作为(?:首要任务|头等大事|重中之重|第一要务)[。;!]?$|"
    # 干好今年政府工作,我们要…; 开启新的征程、…,我们将以更强韧劲…: the year's frame, the government's resolve
    r"(?:做好|干好|抓好)(?:今年|明年|全年|新一年的?)(?:政府)?工作,|新的征程|人民满意的政府|"
    r"主要目的是|今天召开|完成[^,;。]{0,10}(?:各项|全年)(?:目标)?任务|为实现目标|(?:积极的财政政策|稳健的货币政策|宏观政策)(?:要|将|继续)|[\d一二三四五六七八九十]+个方面的?(?:重点)?任务|美好图景|美好蓝图|作出[\u4e00-\u9fff]{0,6}贡献|更好统筹发展和安全|以人民为中心|办好[\d一二三四五六七八九十]+件(?:重点)?民生实事|"
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
    # 当天,与会人员还前往…现场,实地观摩: a story's account of the day's visit
    r"^(?:当天|当日|随后|会前|会后|活动中|活动期间)?[,]?(?:与会|参会|观摩)(?:人员|代表|领导)[^。;]{0,12}?(?:前往|观摩|参观|察看|查看|考察)|"
    # 该项目的建设将有力提升…, 这些项目将进一步推动…: what the projects told of will bring, no deed of a unit
    r"(?:这些|该|上述|此次|本次)(?:开工)?项目(?:的建设|建成后|投产后)?将(?:有力|有效|大大|极大|进一步)?地?"
    r"(?:促进|推动|带动|助推|拉动|提升|增强|改善)|"
    # 具体工作中,力争取得“七个新突破”。: the list to come named by a numbered slogan, its items follow
    r"(?:取得|实现|做到|打好|抓好|推进|打赢|做好)“[一二三四五六七八九十两]+(?:个|大|项|场)[^”]{1,10}”[。:!]?$"
)
# "X是Y" opening a sentence that promises nothing (创新是振兴发展的第一动力): a statement.
_STATEMENT = re.compile(r"^[^,;:。!?“”]{1,24}?,?(?<![但还否总正也])(?:就)?是(?!否)[^,;:。!?]*(?:[,;。!?]|$)")
_PROMISE = quick(r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点])|将|力争|确保|必须|务必|计划|目标")
_WILL = quick(r"(?<![主重需只必纪摘提概简紧首纲])要(?![求素点])|将|力争|确保|必须|务必|计划|拟")
# a line naming the goals to come (■ 2025年经济社会发展的主要预期目标), a meeting's speeches (…分别作交流发言)
_NAMES_ONLY = re.compile(r"(?:主要|预期)目标[。:]?$|(?:作|进行)了?(?:交流|表态|典型|大会)?发言[。!]?$")
# a reporter's source opening a sentence (据悉, 记者从…了解到): what follows is told, a plan only when it says so
_SOURCED = re.compile(r"(?:据悉|据了解|据介绍|记者[^,。]{0,24}?(?:了解到|获悉))[,:]")
_PLAN_TIME = quick(r"今年|明年|全年|年内|年底前|20\d\d年|下一步|今后")
# 省政府办公厅近日印发《乡村建设行动实施方案》明确,让基础设施向农村延伸…: news that a body issued a document, with
# the aim it gives; the document's works follow (方案明确,要实施…), the news itself commits nothing.
_ISSUED = re.compile(r"[^,。;]{2,30}?(?:近日|日前|近期)?(?:印发|出台|发布|公布)了?《[^》]{2,40}》")
_SPIRIT = re.compile(r"(?:[^,;。]{0,40}?(?:精气神|精神状态|精神面貌)|"
                     # 坚持把稳就业作为头等大事,开展…: the principle before the works
                     r"(?:始终|必须)?坚持把[^,;。]{2,30}作为(?:首要任务|头等大事|重中之重|第一要务)),(?=[^。]{8})")
_SUPERVISOR = re.compile(r"[^,;。]{0,10}(?:督查|督办|督导)(?:室|组|办|办公室)(?:将|要|会)")
_LONG = 80  # a longer sentence is split where a new action starts after a comma
_PIECE_MIN = 16  # shorter pieces stay with the next one (扎实推进央地合作,加快…)
_CLAUSE_ACTION = re.compile(
    r",(?=(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步)?"
    r"(?:开工建设|实施|推进|推动|建设|建成|完成|开展|打造|培育|新建|改造|提升|落实|深化|强化|健全|完善|创建|"
    r"举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|组建|发展|支持|促进|巩固|整治|治理|招引|建立))"
)
_MIN_CHARS = 8  # shorter sentences are headings or slogans (今年注定是不平凡的一年!)
_BARE_ITEM_MAX = 40  # a longer bare line may hold several goals
_ITEM_MIN = 5  # a line of its own that is no heading may be shorter (建成深汕高中园)
_TOPIC_MAX = 20  # a short sentence opening a longer paragraph names its topic (着力推进新型工业化。)
_PART_TITLE_MAX = 40  # a part's title ((一)…) run into its paragraph may be longer
_PART_NUMBER = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_SURE_PLAN = ("cue", "section", "year")  # what tells a sentence plans, beyond its mood alone


# A list of goals announces itself (主要预期目标是:), or is a run of clauses each holding a target figure.
_ANNOUNCED = quick(r"(?:预期|主要|发展)?目标(?:建议)?(?:是|为)[,:]?|目标[:]|主要指标[:]|预期目标,其中包括")
_GOAL_VERB = quick(
    r"增长|下降|提高|降低|控制|保持|同步|持平|完成|达到|(?<!和谐)(?<!和諧)稳定|改善|优化|高于|低于|不低于|快于|"
    r"稳中(?:提质|有进|向好|有升)|有效(?:防控|防范|化解|遏制)")  # 进出口稳中提质, 风险有效防控: no figure
# “十四五”时期,地区生产总值年均增长5.5%,…: a clause naming only the plan period the goals are for
_TIME_LABEL = re.compile(r"(?:“?十[三四五六]五”?(?:时期|期间|期末|末)|到20\d\d年(?:底|末)?)")
_CATEGORY = re.compile(r"[\u4e00-\u9fff]{2,12}(?:方面|类|型指标|指标)")  # 质量结构型指标方面
# 增长5% after its subject, and the reach of a goal (…改造老旧小区1000个,覆盖20万户居民): no goal of their own
_SUBJECTLESS = quick(r"(?:同比|比上年|年均)?(?:增长|下降|提高|降低|增加|减少)|覆盖|惠及|涉及|受益")
_GOAL_CLAUSE_MAX = 40
# The places a build provides (新建学校3所,新增学位5000个; 新建幼儿园50所,新增托位1.6万个): the seats measure the
# schools built, one unit's one work, as SPEC's "one task per goal" drafts it (R5, R6 gold: one task; R18's gold
# splits them, and the whole is a quote that contains each).  Counted before the noun (新增500张养护床位) they are a
# work of their own.
_PLACES = re.compile(r"(?:新增|增加|可提供|提供)[^,;。\d]{0,10}?(?P<place>学位|托位|床位|车位|泊位|座位)"
                     r"(?:供给|数量|数)?\s*\d")  # 新增基础教育学位供给7800个: a supply of places
_BUILDS = quick(r"新建|扩建|改建|建设|建成|改造|续建|开工")
_PLACE_OF = {"学位": re.compile(r"学|校|幼儿园|园"), "托位": re.compile(r"托|幼儿园|园"),
             "床位": re.compile(r"医院|卫生院|养老|护理|康复|敬老院|福利院|病房|中心"),
             "车位": re.compile(r"停车|车库|车场|充电"), "泊位": re.compile(r"停车|车库|车场|港|码头"),
             "座位": re.compile(r"场馆|剧院|影院|体育|图书馆|礼堂")}
_FRACTION = quick(r"\d+\s*/\s*\d+(?!\s*/)|[一二三四五六七八九十]+分之[一二三四五六七八九十]+")
# what may follow a goal's figure within the same goal (以上, 左右, 的, 和, 分别, 同比…)
_CONTINUES = quick(
    r"以上|以下|左右|以内|之内|之间|的|和|与|及|或|、|分别|增长|下降|提高|降低|同比|比上年|较|等|为|达|占|至|到|"
    r"[万亿千百元人户个家项次年月日倍吨亩座所条辆台套张名]|平方|公里|立方|标准|以")
# a figure right after a verb of deed (新增20亿元企业) counts the noun after it: no goal closes there
_VERB_BEFORE = re.compile(
    r"(?:新增|新建|建设|建成|培育|完成|改造|引进|实现|打造|开展|推出|组织|帮助|支持|开设|新开|累计|净增|提供|发放|"
    r"招引|举办|办好|创建|认定|扶持|培训|安置|帮扶|资助|新改扩建|改扩建|实施|开工|竣工|投运)\s*$")
_SHARE = re.compile(r"占|比重|比例")
_RATE_BEFORE = re.compile(r"(?:增长|增幅|增速|下降|降幅|提高|降低)(?:率)?(?:达到|达|为)?$")
_NEW_SUBJECT_MIN = 4  # a new goal's subject before its figure has at least this many characters
# a budget's arrangement (赤字率拟按3%安排, 拟安排地方政府专项债券3.9万亿元): the clauses after it size it
_ARRANGED = re.compile(r"[^,;。]{0,12}?(?:拟|计划)?按[^,;。]{1,12}安排[,;]|[^,;。]{0,6}?拟安排")
# 预计今年财政收入继续恢复增长,…: a forecast, unless it promises (预计第一季度将实现62个项目开工)
_FORECAST = quick(r"(?:初步)?预计")
# a progress story's forecast (主体已经完工,…,预计明年3月完成预验收): what is done or under way, then what the writer
# expects of it; no commitment of a unit
_STORY_FORECAST = re.compile(r"(?:已经|已|正在|目前|现已)[^。;!?]*?,(?:初步)?预计")
_LABELLED_MIN = 2  # a clause without a figure before more goals than this, each with its figure, labels them
_CLAUSE_SPLIT = re.compile(r"[,;]")
# a pledge to reach measures (确保实现A额X、B量Y,力争实现…): the works before it and each target after it are tasks
_PLEDGE = re.compile(r"[,;](?:确保|力争)(?:实现|达到)")
_PLEDGED_MIN = 2  # fewer targets after the pledge measure the work before it
_CLAUSE_RUN = re.compile(r"[^,;。]+")
_MAINLY = re.compile(r"(?:主要是|重点是|主要包括|包括)?")
_SHORTFALL = re.compile(r"有(?:一定|较大|不小)?的?差距|(?:主要)?原因(?:有|是|在于)[:,]?")
_SCOPE = re.compile(r"(?:共|主要|内容)?(?:涵盖|囊括|涉及)(?:了)?[^,;。]{2,60}?等")
_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})\s*:\s*")  # 财政: …, 新质生产力: …
# 一是…;二是…;三是…: the ordinals of works counted in one sentence
_ORDINAL = quick(
    r"(?:^|(?<=[,;:。\n]))\s*(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十])(?=[\u4e00-\u9fff“])")
_DATE_MARK = re.compile(r"[年月季旬日号]|长期|持续|常态|长效|每|定期")
_DIGIT = re.compile(r"\d")
_UNFINISHED = "、,(“《"  # a sentence ending on one of these was cut off
# …,固定资产投资增长5%左右,出口增长3%左右, where a page cuts a goals list: its last clause is a whole goal
_CUT_GOAL_MAX = 30
_WHOLE_GOAL_CUT = re.compile(r"(?:增长|下降|达到|控制在|保持在?|提高|降低)\d+(?:\.\d+)?%(?:左右|以上|以内)?,$")
# A reporter's lead before a list of goals (据了解,今年全县共计划实施项目146个…) is no goal.
_REPORTED = re.compile(
    r"此外|另外|同时|其中|根据(?:政府工作)?报告|[^,]{0,30}(?:报告|讲话)(?:时|中)?(?:提出|指出|明确|强调)|据了解|据悉|据介绍|记者了解到|记者获悉|会议指出|会议提出|报告提出|报告指出|报告明确")
# 1月26日讯, 9月28日电: the date of a news story, no deadline.
_EFFECT = re.compile(r"将(?:有力|有效|大大|极大|进一步)地?(?:促进|推动|带动|助推|拉动|提升|增强|改善)")
_ATTRIBUTION = re.compile(r"^[^,。;“”]{2,30}?(?:介绍说|介绍|表示|指出|认为|说)[,:]")
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:讯|电)")
_YEAR = re.compile(r"20\d\d年")
# Someone else's voice: a deputy's or an expert's wish (李明代表表示,今年将…; 政协委员建议,要…) commits no unit.
_OTHERS_VOICE = re.compile(
    r"^(?:[^,。;“”]{1,6},)?[^,。;“”]{0,16}?(?:代表|委员|专家|学者|教授|市民|村民|居民|群众|网友|企业家|负责人说|游客)"
    r"[^,。;“”]{0,8}?(?:表示|认为|建议|呼吁|希望|说|谈到|提到)[,:]?|"
    r"^[\u4e00-\u9fff]{2,4}(?:建议|建議|呼吁|呼籲)[,:]")  # 王强建议,…: a government does not propose to itself
# A story that opens on a deputy or a member speaking (…人大代表、某集团董事长王强在审议政府工作报告时说,…) reports
# that person's views: what they say the government should do is no task of the government's.
_DEPUTY_LEAD = re.compile(
    r"(?:代表|委员|委員)[^。\n]{0,80}?(?:审议|審議|讨论|討論|采访|採訪|发言|發言|座谈|座談|两会|兩會)[^。\n]{0,40}?"
    r"(?:说|說|表示|建议|建議|认为|認為|谈到|談到)(?:\([a-z\u00e0-\u01dc]+\))?[,:]")  # 說(shuō): pinyin added
_DEPUTY_TITLE = re.compile(r"人大代表|政协委员|政協委員")
# People the text introduces as speaking for themselves, not for its government (人大代表、某集团总经理李文忠在…时说;
# 杨世爵代表表示): later sentences they open (李文忠说,…要…; 李文忠建议,…) are their views, no task.
_SPEAKER_TITLE = (r"(?:人大代表|代表|政协委员|委员|董事长|总经理|经理|总裁|教授|研究员|专家|学者|院长|所长|"
                  r"企业家|负责人|记者)")
_SPEAKER_NAMED = re.compile(
    rf"{_SPEAKER_TITLE}(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?=在|说|表示|认为|建议|指出|谈到|提到|介绍|告诉|:)|"
    rf"(?<![\u4e00-\u9fff])(?P<name2>[\u4e00-\u9fff]{{2,3}})(?:代表|委员)(?=在|说|表示|认为|建议|指出|谈到|提到|:)")
# an official a meeting's news introduces as speaking (副市长陈伶俐参加会议并讲话): what they say there is their speech
_OFFICIAL_NAMED = re.compile(r"(?:副?(?:省|市|县|区|州|旗)长|副?书记)(?P<name>[\u4e00-\u9fff]{2,3}?)"
                             r"(?=(?:参加|出席)(?:会议)?并讲话|在会上讲话|作讲话)")
_DEPUTY_AT_MAX = 12  # the deputy named in the sentence's first words
_SAYS = r"(?:代表|委员)?(?:还|也)?(?:说|表示|认为|建议|呼吁|希望|指出|谈到|提到|强调|介绍)[,:]"
_NOT_NAME = re.compile(r"^(?:报告|会议|方案|文件|政府|他们|我们|大家|同时|对此|其中|今年|全市|全县)")
# A document cited by its title speaks for whoever issued it (《区域协调试点方案》当中也指出,要支持…): unless it is the
# government's own report, what it asks is no task of this text's government.
_CITED = re.compile(r"^(?:[^,。;“”]{1,6},)?[^,。;“”《]{0,10}《(?P<title>[^《》]{2,40})》(?:当中|中)?(?:也|还)?"
                    r"(?:指出|提出|明确|要求|强调|规定)[,:]")
_OWN_REPORT = re.compile(r"政府工作报告|计划(?:执行情况|草案)|预算(?:执行情况|草案)")
_FIRST_PERSON = re.compile(r"[,:]\s*我(?!国|省|市|县|区|们的)")  # …,我对…; not 我国/我市 (the place)
# A place named as the subject of a plan (卫辉市提出的目标是:, 辉县市围绕…全年推进…): that government's plan; in
# another government's text (a city paper quoting its counties) no task of this one.
_PLACE_END = re.compile(r"[市县区旗](?=提出|今年|将|要|围绕|力争|计划|全年|的目标|确定|明确|聚焦|坚持)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a story's first line after its headline: 羊城晚报讯 记者…报道:, 本报讯 (新乡日报记者…), 新华社北京3月5日电
_DATELINE_OPENS = re.compile(
    r"\s*(?:【[^】\n]{0,20}】)?(?:[^\n,。:]{0,24}?(?:讯|电)(?=\s|[(:【]|记者|\d)|本报讯|本网讯)")
_LINKS = re.compile(r"\s*(?:相关链接|相关阅读|延伸阅读|相关新闻|推荐阅读|相关报道)\s*:?\s*$")
_PLACE_MAX = 5
_NOT_PLACE = quick(r"(?:新|园|城|社|景|片|开发|示范|试验|功能|保护|自贸|高新|经开|山|老|市|县)区$|^[县市区乡镇]+$|"
                        r"城市$|都市$|超市$|上市$|集市$|夜市$|股市$|楼市$")
# a text's own place is named in its first lines (title, date line) or its dateline
_HEAD_LINES, _HEAD_LINE_MAX, _DATELINE_CHARS = 6, 60, 80
# A clause that only sizes a list of projects (年度计划投资53.4亿元, 占年度计划投资比重达53.3%): no goal of its own
_SIZE = (r"[^,;。、]{0,12}?(?:总投资|计划投资|年度计划投资|年度投资计划|年度投资|计划完成投资)"
         r"[约达为共计]*[\d.]+(?:万|亿)?元")
# (总投资282.6亿元、年度投资144.8亿元: the sizes may come two in one clause)
_SIZE_ONLY = re.compile(
    rf"(?:其中)?{_SIZE}(?:、{_SIZE})*|"
    r"占[^,;。]{0,12}?(?:比重|比例)?[约达为]*[\d.]+%")
_PLAN_PERIOD = re.compile(r"“?(十[三四五六])五”?(?:规划)?(?:期末|末|期间|时期)")
_PLAN_PERIOD_END = {"十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
_ITEM_NUMBER = re.compile(
    r"(?:\d{1,3}[.、．﹒]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|[\u2460-\u2473])\s*(?!\d)|\d{1,2}\s+(?![\d\s])")
# A row of a responsibility table (序号 | 主要工作任务 | 责任单位): cells between bars.
_TABLE_LINE = re.compile(r"[^\n]*\|[^\n]*\|[^\n]*")
# A unit as a table names it: a department, a town's or county's government, an office, a company.
_UNIT_WORD = re.compile(r"(?:局|委|办|政府|部|会|院|中心|集团|公司|行|所|队|站|团|联|协|室|处|馆)$")
_UNIT_MAX = 18
_UNIT_HEADER = re.compile(r"\|[^|\n]*(?:责任单位|牵头单位|责任部门|承办单位)")
# A table pasted one cell a line (序号 |⏎重点工作 |⏎责任单位 |): the header's cells, then each row's
_CELL_UNIT_HEADER = re.compile(
    r"^序\s*号\s*\|\s*\n(?:[^|\n]{1,12}\|\s*\n){1,8}?[^|\n]*(?:责任单位|牵头单位|责任部门|承办单位)\s*\|", re.M)
_CELL_LINE = re.compile(r"^(?P<cell>[^|\n]*)\|[ \t]*$", re.M)
_ROW_NUMBER = re.compile(r"\d{1,3}")
# A table's cell of time (全年, 2025年6月底前, 12月底, 三季度, 长期, 持续推进)
_TIME_CELL = re.compile(r"\s*(?:全年|年内|长期|持续推进|常态化|"
                        r"(?:(?:20\d\d|\d{1,2})年)?(?:\d{1,2}月|[一二三四1-4]季度|年)(?:底|末|中旬|上旬|下旬)?(?:前|内|完成)?)\s*")
_ASIDE_RE = re.compile(r"\([^()]{0,12}\)")
# A list of named actions after the word that opens it (实施“七大行动”,即A行动、B行动…; 重点实施三大工程,包括A工程、
# B工程; 重点实施:A行动、B行动): each named action is one task, the frame that counts them none.
_NAMES_OPEN = quick(r"(?:(?<![立随旋当])即(?![将时使便可])|包括|分别是|具体是|主要是)[:,]?|:")
_NAMED_HEAD = re.compile(
    r"(?:行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|三年行动|大会战|项目(?:\([^()]{1,6}\))?)(?:等)?$")
_NAME_SEP = re.compile(r"[、,]|以及|和(?=[\u4e00-\u9fff“]{2,}(?:行动|工程|计划|攻坚战|战略|专项)[等]?(?:[;。!]|$))")
_NAMED_ANY = re.compile(r"行动|工程|计划|攻坚战|战略|专项|提升年|建设年|攻坚年|大会战|项目")
_GROUP_END = re.compile(r"[;。!?]")
_NAME_MIN, _NAME_MAX = 3, 24  # 南川河支流莫家沟南侧甘家新村段生态修复项目
# A slogan explained (抓创新就是要…; “三个一”是指…; ,就是扛好“一份使命”,即…): what a word means, no commitment.
_EXPLAINS = re.compile(r"^[,;\s]*(?:“[^”]{1,12}”|[^,。;:“”]{0,16}?)(?<!不)(?:就是要|就是|是指|指的是|意思是)")
# A meeting's closing call on everyone (会议号召,全体干部群众要…; 会议要求,全镇上下要…): an exhortation, no task.
# A distribution notice's own words around the plan it sends (现将…印发给你们, 请认真贯彻执行; 各级各部门要…,
# 各牵头单位要…; 附件:1.…): what the office asks of the units, no task of the plan.
_NOTICE = quick(
    r"现将[^。]{0,80}?(?:印发|分解|下达|通报)|印发给你们|现对[^。]{0,24}?进行(?:政策)?解读|现予印发|请(?:认真)?(?:贯彻执行|贯彻落实|组织实施|抓好落实)|"
    r"^(?:各级各部门|各地各部门|各地、各部门|各部门|各单位|各(?:牵头|责任|配合|相关|有关|协同)(?:责任)?单位)"
    r"(?:要|应|务必|须)|^附件\s*\d*\s*[:：]")
# 分管省领导:林克庆; 牵头负责领导:邓向阳。: who oversees the item, no task; 牵头责任单位:省发展改革委: who leads it
_TIME_LIMIT = re.compile(r"[(（\[【]?(?:完成|办结)?(?:时限|时间|期限|时间节点)\s*[:：]")
_LEADER_LINE = re.compile(r"^(?:分管|牵头|责任|主抓)[^:：,。]{0,6}领导\s*[:：]|"
                          r"^(?:牵头|责任|主责|主办|配合|协办|协同)[^:：,。]{0,6}(?:单位|部门)\s*[:：]")
# How the plan's own works will be followed (省政府将把重点工作纳入年度考核; 各牵头单位要于每月5日前报送进展; 市政府将于
# 年中对重点工作进展情况进行专项督查) and how the decomposition was made (由省长负总责, 明确各项工作的牵头单位): the
# supervision of the plan and the notice's account of itself, no task of a unit.  The object of the
# supervision is the plan's works or their progress; a task that reforms an assessment (完善政府绩效考核体系) stays.
_SUPERVISES_HINT = quick(r"纳入|报送|上报|通报|督查|督办|督导|考核|调度|明确|负总责")
_WORKS = (r"(?:重点工作|重点任务|目标任务|工作任务|各项任务|各项工作|民生实事|实事项目|进展|进度|"
          r"(?:落实|完成|推进|工作)情况)")
_SUPERVISES = quick(
    rf"{_WORKS}[^。;]{{0,12}}?纳入[^。;]{{0,16}}?(?:考核|考评|督查|督办|评价|监督)|"
    rf"(?:报送|上报|通报)[^。;]{{0,10}}?{_WORKS}|{_WORKS}[^。;]{{0,10}}?(?:报送|上报|通报)|"
    rf"(?:对|把|就)[^。;]{{0,30}}?{_WORKS}[^。;]{{0,8}}?(?:进行|开展|实行)?(?:专项|定期|跟踪)?(?:督查|督办|督导|考核|调度)|"
    r"负总责|"
    r"明确[^。;]{0,12}?(?:牵头|责任|配合|协同)(?:负责)?(?:单位|部门|领导)")
# 204. / (3) / 二、 opening a line: a new item of the decomposition, whose unit line comes after it
_ITEM_OPEN = re.compile(
    r"\s*(?:\d{1,3}[.、．﹒](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|——)")
_EXHORT = re.compile(
    r"^(?:会议|大会|全会|会上|报告|文件|讲话)?[^,:]{0,4}?(?:号召|动员)|"
    r"^(?:会议|大会|全会|会上|报告|讲话)[^,:]{0,4}?(?:要求|希望|强调|指出|提出)[,:]?"
    r"(?:全体|广大|全(?:市|县|区|镇|乡|街道|旗|州|省|盟)(?:上下|各级|广大|党员|干部)|各级(?:党组织|干部|领导干部)|"
    r"党员干部|各(?:级|地)各部门)")
# a report's or meeting's view emphasised (报告强调,民生问题琐碎复杂,既需决心也需办法): no work; the 要… sentence after
# it (要坚持多做事、不做秀,…) goes on as its exhortation
_URGES = re.compile(r"^[^,:;。]{0,12}?(?:报告|会议|大会|全会|讲话)[^,:;。]{0,4}?(?:强调|指出)[,:]")
# a line of how the government itself works (加强向上对接,深化调查研究,强化减负增效,努力腾出更多时间和精力抓落实):
# short works without a figure, for its own time and energy; no work a unit delivers
_STYLE_END = re.compile(r"[,;](?:努力|切实)?(?:腾出|留出|节省)[^,;。]{0,8}(?:时间|精力)[^,;。]*[。!;]?$")
_STYLE_CLAUSE_MAX = 8
# A sentence giving the year's general requirements (今年政府工作的总体要求是:以…为指导,…,加快建设…,地区生产总值
# 增长6%): the frame words and guiding clauses are no tasks; the works and goals it lists after them are.
_GENERAL_FRAME = re.compile(r"(?:总体要求|总体思路|工作思路|总的要求)(?:是|为)?[:,]")
_FRAME_HEAD_MAX = 40  # the frame words open the sentence
# The year's direction given without those words (报告指出,2023年,全乡要认真贯彻落实党的二十大精神,紧紧围绕…思路,
# 全力聚焦…定位,…): a sentence opening on carrying out a spirit or a decision is the general requirement in substance;
# as under 总体要求 only the goals with figures and the named campaigns it lists are tasks.
_DIRECTION = re.compile(
    r"(?:[^,。;]{0,12}(?:指出|提出|强调|明确|要求)[,:])?(?:(?:20\d\d|今|明)年,)?[^,。;]{0,10}?(?:要|将)?"
    r"(?:认真|深入|全面|坚决|始终|持续)?(?:学习)?贯彻(?:落实)?[^,。;]{0,40}?"
    r"(?:精神|决策部署|重要讲话|重要指示|指示批示)[,;]")
# an ambition in a slogan's words (争做…增长极, 争当排头兵): no work a unit can be tasked with
_SLOGAN = quick(
    r"^(?:争做|争当|勇当|勇做|当好|做好|争创)[^,;。]{0,20}?(?:增长极|排头兵|先行者|先行区|领头雁|主力军|桥头堡|"
    r"答卷人|模范生|优等生|样板间|标杆|示范生|火车头|主引擎|动力源|压舱石)$|"
    r"^(?:锚定|紧扣|围绕|立足|坚持|秉持|紧紧围绕)[^,;。]{0,40}?(?:定位|目标|思路|主线|总基调|战略|方针|理念|要求)$|"
    r"领导下$|^(?:高举|紧跟)|为抓手$|为主线$|为牵引$")
# what such a sentence lists that a unit can deliver: a campaign named in quotes (开展“实干年”主题活动) or a title to
# win (争创国家级经济技术开发区); its broad lines (加快构建新发展格局, 全面深化改革开放) are the year's direction
_CONCRETE = re.compile(r"“[^”]{2,60}”[\u4e00-\u9fff]{0,4}?(?:活动|行动|工程|计划|攻坚战|竞赛)|"
                       r"(?:争创|创建|创成|申创|申报|成功创建)[^,;。]{0,12}?(?:国家级|省级|国家|全国|全省)")
_FRAME_CLAUSE_MIN = 6  # a shorter clause of a requirements sentence is a slogan's fragment (走在前)
_SHORT_PIECE_MIN = 6  # a clause of a short sentence split off as its own task is no shorter
# two works of a sentence split by their units are each a verb and its object (加快高标准农田建设); a longer clause
# after the first (强化公园城市设计指引,提速推动…标准研制) mostly carries the same work on, as gold drafts it
_SHORT_CLAUSE_MAX = 16
# a clause saying what the work before it is for or whom it reaches (促进…, 带动…, 让群众…): no work of its own
# a goal naming only a measure (…粮食播种面积172万亩,产量14.2亿斤): the measure of the goal before it
_MEASURE_ONLY = re.compile(r"(?:总)?(?:产量|面积|产值|规模|总量)(?:达到?|突破|超过)?\s*\d")
_SERVES = re.compile(r"(?:进一步|有效|更好)?(?:促进|带动|助力|助推)")
_PURPOSE = quick(r"(?:进一步|有效|全面)?(?:促进|带动|助力|助推|确保|力争|推动形成|覆盖|惠及|让|使|为|以|实现)")


@dataclass(frozen=True)
class TaskDraft:
    """One commitment: its quote and offsets in the original text, the heading it belongs to, the unit
    suggested to lead it (with the phrase that triggered the suggestion), partners and deadline."""

    sentence: str
    start: int
    end: int
    section: str
    lead_unit: str = ""
    partner_units: tuple[str, ...] = ()
    deadline: str = ""  # ISO date or ""
    trigger: str = ""
    lead_confidence: float = 0.2
    confidence: float = 0.5  # how sure the engine is that this is a commitment with this lead unit
    goal: bool = False  # one goal of a list of goals
    why: str = ""  # what told the engine it is a task and who leads it (Chinese, for the review queue)
    level: str = ""  # the level of government the text speaks for (县: its units are 县X局), "" when unknown
    doc: str = field(default="", compare=False)

    def to_record(self) -> dict:
        """The SPEC "Tasks" record: exactly its five fields."""
        return {"doc": self.doc, "quote": self.sentence, "lead_unit": self.lead_unit,
                "partner_units": list(self.partner_units), "deadline": self.deadline}


Table = Mapping[str, str] | Iterable[tuple[str, str, float]]


def extract_tasks(text: str, date: dt.date | None = None, year: int | None = None, table: Table | None = None,
                  doc: str = "") -> list[TaskDraft]:
    """The commitments of the plan part of `text`, in order.  `date`/`year` as for extract_facts; `table`
    is the keyword → unit table (departments.DEFAULT_KEYWORD_UNITS by default, or weighted rows)."""
    prepared = prepare(text)
    norm = prepared.norm
    cut = len(norm.rstrip())
    if norm[cut - 1:cut] == "," and _WHOLE_GOAL_CUT.search(norm, max(0, cut - _CUT_GOAL_MAX), cut):
        # …,出口增长3%左右, where a page cuts a goals list: the goals before the cut are whole, read as if ended
        norm = norm[:cut - 1] + "。" + norm[cut:]
        prepared = replace(prepared, norm=norm)
    dated = document_date(text, date, year)
    plan_year = dated.plan_year
    rows = index_of(table)
    drafts: list[TaskDraft] = []
    rows_at, table = _table_rows(prepared, plan_year, doc)
    if _deputy_speaks(norm):
        return table
    own = _own_places(norm)
    level = document_level(norm)
    speakers = _speakers(norm)
    aside = _headline_and_links(norm) + _speeches(norm)
    topic, topic_line = "", -1
    last_step: list[int] = []  # the drafts of the last sentence drafted, which a tag line after it assigns
    item: list[int] = []  # the drafts since the last unit line or item opening: a unit line assigns them all
    urged = False  # the last sentence was a report's or meeting's emphasised view
    notice = False  # the last sentence was the notice's own words (要… after 各级各部门要… is too)
    tagged_to = -1
    part_line = -1  # the end of a line a part's title opens
    voice_to = -1  # the end of a paragraph a speaker opened (陈伶俐指出,…要…。一要…。二要…): still the speaker's words
    pending: tuple[int, TaskDraft, int] | None = None  # a short opening sentence, the line's end, where it goes
    # An item's title sentence (1.坚定不移支持企业发展。认真落实…) names the topic of the works after it; in a
    # report it is no task of its own (加强县域财源建设。 over its works), but where the decomposition assigns the
    # item to its units (责任单位:… after it) the units answer for the title as for every work under it, as the
    # government's own decompositions list it: it is drafted then, with the item's units.
    title: TaskDraft | None = None
    titles: list[TaskDraft] = []
    tail = len(norm.rstrip())
    goals_until = -1  # where the last sentence drafted as a list of goals ends
    for step in walk(norm, plan_year, dated.date):
        if pending and step.span.start >= pending[2]:
            # 加快建设县医院新院区。城北污水处理厂已建成投运。: nothing after it was drafted, so it was no topic of
            # tasks to come but a task itself
            drafts.insert(pending[0], pending[1])
            item = sorted({k + (k >= pending[0]) for k in item} | {pending[0]})
            pending = title = None
        if step.opens_line and _ITEM_OPEN.match(norm, _line_start(norm, step.span.start)):
            item, title = [], None  # 205.推进…: a new item; the last one's unit line, if any, came before it
        if rows_at and any(a <= step.span.start < b for a, b in rows_at):
            continue  # a responsibility table's row: drafted from its cells
        if step.span.start < tagged_to:
            continue  # the rest of a tag (;配合单位:…)
        if step.span.start < voice_to:
            continue  # …。一要明确方向、知责尽责,…: the speaker goes on
        if any(a <= step.span.start < b for a, b in aside):
            continue  # a story's headline above its dateline, the titles under 相关链接:
        line_end = norm.find("\n", step.span.start)
        line_end = len(norm) if line_end < 0 else line_end
        tag = unit_tag(norm, step.span.start, max(line_end, step.span.end)) if _TAG_HINT.search(
            norm, step.span.start, step.span.end) else None
        if tag and tag.start >= step.span.end:
            tag = None
        if tag and not norm[step.span.start:tag.start].strip(" \t\u3000\n([【" + BULLETS):
            # 牵头单位:市发改委;配合单位:… on its own: the decomposition assigns the task before it
            # …; 部门分工:省发展改革委牵头 after an item of several sentences assigns each of its tasks
            for k in sorted(set(last_step) | set(item)):
                drafts[k] = _assigned(drafts[k], tag)
            if pending:  # 205.推进普通高中优质多样化发展。(责任单位:市教育局): the item's one sentence
                drafts.insert(pending[0], _assigned(pending[1], tag))
            elif title:
                titles.append(_assigned(title, tag))
            pending = None
            last_step, item, tagged_to, title = [], [], tag.end, None
            continue
        if (step.opens_line and prepared.headlines
                and prepared.origin(_line_start(norm, step.span.start)) in prepared.headlines):
            topic, topic_line = "", -1
            continue  # a story's headline restates it
        start, end = _trim(norm, step.span.start, step.span.end)
        body = norm[start:end]
        whole_line = step.opens_line and not step.line_goes_on
        if whole_line and step.span.end >= tail and _cut_heading(norm, step.span.start, step.span.end):
            continue  # (一)聚力…建设,坚持提质提速,全力打造…新门户 closing an excerpt: a part's title, its works cut off
        if step.is_heading or len(body) < (_ITEM_MIN if whole_line else _MIN_CHARS):
            topic, topic_line = "", -1
            last_step = []
            if step.is_heading and step.line_goes_on and _PART_NUMBER.match(norm, _line_start(norm, step.span.start)):
                part_line = line_end  # 五、全力推动融合“迭变”,持续打造…新地标。加快农文旅体融合发展,聚力打造…。
            if step.is_heading and len(body) >= _MIN_CHARS:  # 2.完善政府绩效考核评价体系。⏎责任单位:… too
                title = _title(prepared, step, start, end, plan_year, rows, doc)
            continue
        if (step.span.start < part_line and not step.line_goes_on and len(body) <= _PART_AIM_MAX
                and not _DIGIT.search(body)):
            part_line = -1
            continue  # the part's aim after its title, ending the title's line: what the works below are for
        part_line = -1
        if _LEADER_LINE.match(body) or _TIME_LIMIT.match(body):
            continue  # 分管省领导:林克庆: who oversees the item above; 完成时限:2024年年底前): when it is due
        if body[-1] in _UNFINISHED:
            continue  # 加快推进绿橙、油茶、 where a page or an excerpt cuts the text: no whole commitment
        if (_NOTICE.search(body) or (notice and body.startswith("要"))
                or ("督" in body[:14] and _SUPERVISOR.match(body))  # 县政府督查室将紧盯…: the notice's follow-up
                or (_SUPERVISES_HINT.search(body) and _SUPERVISES.search(body))):
            notice, last_step = True, []
            continue  # 现将《…》印发给你们; 各级各部门要…: the notice's own words
        notice = False
        if _EXHORT.match(body):
            last_step = []
            continue  # 会议号召,全体干部群众要…: a meeting's call on everyone, no commitment of a unit
        style = _STYLE_END.search(body)
        if style and not _DIGIT.search(body) and all(
                len(clause) <= _STYLE_CLAUSE_MAX for clause in _CLAUSE_SPLIT.split(body[:style.start()])):
            last_step = []
            continue  # 加强向上对接,深化调查研究,…,努力腾出更多时间和精力抓落实: the government's own habits
        if urged and body.startswith("要"):
            last_step = []
            continue  # 报告强调,<a view>。要坚持多做事、不做秀,…: the report's exhortation goes on
        view = _URGES.match(body)
        urged = bool(view) and not _PROMISE.search(body) and not _ACTION.search(body, view.end() if view else 0)
        if urged:
            last_step = []
            continue  # 报告强调,民生问题琐碎复杂,…: a view, no work
        if (_SOURCED.match(body) or _ISSUED.match(body)) and not _WILL.search(body) and not _PLAN_TIME.search(body):
            continue  # 据悉,区政府启动征集工作后,…筛选出12项候选项目: a reporter's account of what was done
        if (_FORECAST.match(body) or _STORY_FORECAST.search(body)) and not _PROMISE.search(body):
            continue  # 预计今年财政收入继续恢复增长,…一般公共预算支出规模28.5万亿元: what the year is expected to bring
        if _reported(body, speakers):
            last_step = []
            if speakers is not None and speakers.match(body) and step.opens_line:
                voice_to = line_end
            continue  # 李文忠说,…要…; 《…方案》当中也指出,要…: someone else's words, no commitment of this government
        stance, source = step.tracker.stance_and_source(norm, start, end)
        label = _LABEL.match(norm, start, end) if step.opens_line else None
        if label and not _ANNOUNCED.search(label.group()) and not _FRAMING.search(label.group()):
            # 住房: 持续用力推动房地产市场止跌回稳。 the label names the topic, the rest is the task
            topic, topic_line = label.group(1), start
            start = label.end()
            body = norm[start:end]
        elif (step.line_goes_on and not body.endswith(";") and not _DIGIT.search(body)
              and (len(body) <= _TOPIC_MAX and (step.opens_line or _ORDINAL.match(norm, step.span.start))
                   # (一)持续扩大有效投资,让经济发展增添更多…支撑。牢固树立…: a part's title run into its works
                   or len(body) <= _PART_TITLE_MAX and step.opens_line
                   and (_PART_NUMBER.match(norm, _line_start(norm, step.span.start))
                        # 1.全面深化“…”实干争先主题实践。坚持…: a numbered item's title run into its works
                        or _ITEM_TITLE_NUMBER.match(norm, _line_start(norm, step.span.start))))):
            # 一、新建50家…;新增200个…: items of a list, no topic
            # …强劲引擎。一是切实保障粮食安全。持续加强…: a sub-heading run into the paragraph (a PDF's flattened
            # lines) names the topic of the sentences after it, like one opening its own line
            topic, topic_line = body.rstrip("。!;"), start
            if stance == TARGET and _is_commitment(body) and not _goal_clauses(norm, start, end):
                title = _draft(prepared, start, end, step.heading, plan_year, rows, False, source, doc, level)
                if source in _SURE_PLAN:
                    pending = (len(drafts), title, line_end)
            continue
        if stance != TARGET or (source == "restated" and step.tracker.completed):
            continue  # (二)新增养老床位250张 in a notice that every item is done: no new task
        section = _section(step.heading, topic if topic_line >= 0 else "")
        if _other_place(norm, start, end, own) is not None:
            continue  # 加快灾后重建,卫辉市提出的目标是:GDP增速15%,…: a sentence about that county's plan
        framed = _GENERAL_FRAME.search(norm, start, min(end, start + _FRAME_HEAD_MAX)) or (
            _DIRECTION.match(norm, start, end) if norm.find("贯彻", start, start + _FRAME_HEAD_MAX) >= 0 else None)
        behind = _behind_items(norm, start, end)  # 未达到序时进度的任务分别是:A、B (before the colon is passed)
        content = _after_announcement(norm, start, end)  # 重点做好六方面工作:坚持创新发展,…
        if content > start:
            content = _past_ordinal(norm, content, end)  # …八项工作:一是着力构建现代产业体系;
        # 提出了2019年…主要预期目标:A增长9%,…,社会事业协调发展: the goals list was announced before the colon
        announced = content > start and bool(_ANNOUNCED.search(norm, start, content))
        start = _past_principles(norm, content, end)
        if tag and tag.start > start:  # 新增城镇就业1万人(牵头单位:市人社局): the task without its tag
            end = _trim_clause(norm, start, tag.start)[1]
        body = norm[start:end]
        named = _named_items(norm, start, end) or _titled_items(norm, start, end) or behind
        pledged: set[int] = set()
        continued = goals_until >= 0 and not norm[goals_until:step.span.start].strip()
        goals = [] if named or framed else _goal_clauses(norm, start, end, announced, continued)
        items = [] if goals or named or framed else _enumerated(norm, start, end)
        if framed:
            # 今年政府工作的总体要求是:以…为指导,…,加快建设…: the works and goals after the frame, one task each
            pieces = _framed_works(norm, max(start, framed.end()), end)
        elif named:
            pieces = named  # 实施“七大行动”,即A行动、B行动…: one task per named action
        elif goals:
            pieces = goals
        elif items:
            pieces = items  # 一是着力构建现代产业体系;二是着力推动…: one task per work
        elif _is_commitment(body):
            # …要求各级各方面全面提振…精气神,深入开展…行动: a call to spirit opening the sentence is no work
            spirit = _SPIRIT.match(norm, start, end)
            pieces = _pieces(norm, *_trim_clause(norm, spirit.end(), end), rows) if spirit else _pieces(
                norm, start, end, rows)
            split = [_pledged_targets(norm, a, b) for a, b in pieces]
            pledged = {a for found in split for a, _ in found[1:]}  # targets after the work they measure
            pieces = [piece for found in split for piece in found]
        else:
            pieces = _before_slogan(norm, start, end)
        if pieces and not named and not framed and _whole_item(norm, step, start, end):
            pieces = [_trim_clause(norm, start, end)]  # 01 新改扩建公办幼儿园11所,新增公办园学位2550个: one task
        if pieces:
            pieces = [(a, b) for a, b in pieces if not _list_part(norm, step.span.start, a, b)
                      and not _ISSUED.fullmatch(norm, a, b)]  # 某市近日印发《…方案》, 今年将…: the news part
            pieces = [piece for a, b in pieces for piece in _shares_reaching(norm, a, b)]
            last_step, pending = [], None
        goals_until = step.span.end if goals else -1
        if pieces and tag and tag.start > start:
            # A;B;C(…省发展改革委牵头…): a unit closing a line of goals leads those before it on the line too
            line_start = _line_start(norm, step.span.start)
            for k in item:
                if drafts[k].start >= prepared.origin(line_start) and drafts[k].lead_confidence < 0.95:
                    drafts[k] = _assigned(drafts[k], tag)
            if title and title.start >= prepared.origin(line_start):
                titles.append(_assigned(title, tag))
                title = None
        for a, b in pieces:
            draft = _draft(prepared, a, b, section, plan_year, rows, bool(goals), source, doc, level)
            if ((goals and (not announced or _MEASURE_ONLY.match(norm, a)) or a in pledged)
                    and not draft.lead_unit and last_step
                    and drafts[last_step[-1]].lead_unit):
                # 举办促消费活动100场次以上,力争销售额突破300亿元: a goal naming no unit's field goes on the work
                # before it in the same sentence
                draft = replace(draft, lead_unit=drafts[last_step[-1]].lead_unit,
                                lead_confidence=drafts[last_step[-1]].lead_confidence * 0.8)
            last_step.append(len(drafts))
            item.append(len(drafts))
            drafts.append(_assigned(draft, tag) if tag and tag.start > start else draft)
        if pieces and tag and tag.start > start:
            # 粮食产量…以上 部门分工:省农业农村厅牵头。: the item is closed by its own unit line; the next item's unit
            # line (部门分工:省工业和信息化厅牵头…) assigns only the tasks after it
            last_step, item = [], []
    if pending:
        drafts.insert(pending[0], pending[1])
    if table or titles:
        drafts = sorted(drafts + table + titles, key=lambda d: d.start)
    drafts = _topics_led(prepared.text, drafts)
    issuer = _issuer(norm)
    if issuer:
        # 市农业农村局2024年种植业工作要点: a bureau's own plan; what names no unit's field is the bureau's to lead
        drafts = [d if d.lead_unit else replace(d, lead_unit=issuer[1], trigger=issuer[0], lead_confidence=0.5)
                  for d in drafts]
    return [d if d.level == level else replace(d, level=level) for d in drafts]  # a table's rows


def _topics_led(text: str, drafts: list[TaskDraft]) -> list[TaskDraft]:
    """一是牢记…,在融入重大战略上取得新突破。坚持…融入京津冀协同发展…: a work's topic sentence naming no unit's
    field is led by the unit of the sentence after it in the same work (its line)."""
    out = list(drafts)
    for k, d in enumerate(out[:-1]):
        nxt = out[k + 1]
        line_end = text.find("\n", d.end)
        if (d.lead_unit or not nxt.lead_unit or not _TOPIC_OPENS.search(text, max(0, d.start - 4), d.start)
                or (0 <= line_end < nxt.start)):
            continue
        out[k] = replace(d, lead_unit=nxt.lead_unit, partner_units=nxt.partner_units,
                         lead_confidence=nxt.lead_confidence * 0.8)
    return out


_TOPIC_OPENS = re.compile(r"(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十])[,:]?$")
_OWN_PLAN = re.compile(r"要点|计划|方案|清单|安排|打算")
_ISSUER_LINE_MAX = 60


def _issuer(norm: str) -> tuple[str, str] | None:
    """The department whose own plan the text is, named in its title line (六安市农业农村局2024年…工作要点) or
    whose field the title names (2024年全市农业农村工作要点): (as written, standard name), None when the title names
    no department or field, or several."""
    first = norm.lstrip()
    line = first[:first.find("\n")] if "\n" in first else first
    if len(line) > _ISSUER_LINE_MAX or not _OWN_PLAN.search(line):
        return None
    named = {standard for _, _, standard in named_departments(line)}
    if len(named) > 1:
        return None
    if named:
        written = next(w for _, w, _ in named_departments(line))
        return written, named.pop()
    # 2024年全市农业农村工作要点: a field's own work points, its bureau's plan
    field = _FIELD_PLAN.search(line)
    lead = suggest_lead(field.group(1)) if field else None
    return (field.group(1), lead.lead) if lead and lead.lead else None


# 全市卫生健康工作要点, 全县农业农村工作计划: the work points of one field
_FIELD_PLAN = re.compile(r"全(?:市|县|区)([\u4e00-\u9fff]{2,8}?)(?:系统)?(?:工作)?(?:要点|计划)")


_PART_AIM_MAX = 40
_ITEM_TITLE_NUMBER = re.compile(r"\s*\d{1,2}[.、．](?!\d)")
# (一) or 一、 opening a part's title (a report numbers its parts so; a list's items are 1. or bare)
_PART_NUMBER = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")


# a principle held to opening a sentence (坚持“目标引领、差距管理”工作理念和“不争前列、就是落后”的卓越意识, 突出…的
#工作导向, 牢固树立正确政绩观): no work; the works after it are the sentence's tasks
_PRINCIPLE = re.compile(r"(?:始终|牢固|要)?(?:坚持|树立|秉持|突出|强化|增强)(?:“[^”]*”|[^,;。“”])*?"
                        r"(?:理念|意识|导向|原则|方针|政绩观|观念)[,;]")
_AFTER_PRINCIPLE_MIN = 8


def _past_principles(norm: str, start: int, end: int) -> int:
    """Where the works of a sentence start, past the principles opening it (when works follow them)."""
    at = start
    while (m := _PRINCIPLE.match(norm, at, end)) and end - m.end() >= _AFTER_PRINCIPLE_MIN:
        at = m.end()
    return at


def _cut_heading(norm: str, start: int, end: int) -> bool:
    """The text's last line is a part's title whose works the excerpt cut off: numbered as parts are ((一), 一、), no
    figure, no final stop, and not the last of a run of lines numbered and left open alike (a bare list's items)."""
    line = norm[start:end].rstrip()
    if not line or line[-1] in "。;!?:”" or not _PART_NUMBER.match(line) or _DIGIT.search(line):
        return False
    before = norm[:_line_start(norm, start)].rstrip()
    previous = before[before.rfind("\n") + 1:].strip()
    return not (previous and _PART_NUMBER.match(previous) and previous[-1] not in "。;!?:”")


def _title(prepared: Prepared, step, start: int, end: int, plan_year: int | None, rows, doc: str) -> TaskDraft | None:
    """A numbered item's title sentence (1.坚定不移支持企业发展。 before the item's works) as a draft, kept aside
    until the item's unit line says whether the decomposition assigns it; None when it is no commitment."""
    if not _ITEM_OPEN.match(prepared.norm, _line_start(prepared.norm, step.span.start)):
        return None
    stance, source = step.tracker.stance_and_source(prepared.norm, start, end)
    if stance != TARGET or not _is_commitment(prepared.norm[start:end]):
        return None
    return _draft(prepared, start, end, step.heading, plan_year, rows, False, source, doc)


_TAG_HINT = re.compile(r"牵头|(?:责任|主责|主办)(?:单位|部门)")


def _assigned(draft: TaskDraft, tag) -> TaskDraft:
    """The draft with the units its text assigns (牵头单位:…; 配合单位:…): no guess is needed."""
    return replace(draft, lead_unit=tag.lead, partner_units=tag.partners, trigger=tag.written,
                   lead_confidence=0.95, confidence=max(draft.confidence, 0.9),
                   why=draft.why.split("；")[0] + f"；牵头单位：文中指定（{tag.written}）")


def _line_start(norm: str, at: int) -> int:
    """Where the line holding norm[at] starts, past its blanks."""
    k = norm.rfind("\n", 0, at) + 1
    while k < at and norm[k] in " \t\u3000":
        k += 1
    return k


def _place_subjects(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Places named as the subject of a plan (卫辉市提出的目标是, 辉县市围绕…): (offset, name), the name a whole
    run of characters before 市/县/区/旗 (so 全市将 and 该县要 name none)."""
    found = []
    for m in _PLACE_END.finditer(norm, start, len(norm) if end is None else end):
        a = m.start()
        while a > start and m.start() - a < _PLACE_MAX + 1 and _CJK.match(norm, a - 1):
            a -= 1
        name = norm[a:m.end()]
        if (2 <= len(name) <= _PLACE_MAX + 1 and not (a > 0 and _CJK.match(norm, a - 1))
                and name[0] not in "全本我该各每" and not _NOT_PLACE.search(name)):
            found.append((a, name))
    return found


def _head(norm: str) -> str:
    """A text's first lines up to its body (title, subtitle, date line, source line) and the body's first
    characters (the dateline: 本报讯 (新乡日报记者…), 记者从西宁市城北区城乡建设局了解到)."""
    parts, at = [], 0
    for k, line in enumerate(norm.splitlines(keepends=True)):
        if k >= _HEAD_LINES:
            break
        if len(line.strip()) > _HEAD_LINE_MAX:
            parts.append(line[:_DATELINE_CHARS])
            break
        parts.append(line)
        at += len(line)
    return "".join(parts)


def _deputy_speaks(norm: str) -> bool:
    """Whether the story's first sentence has a deputy or a member speak (a deputy's statement, not a plan), or a
    deputy's byline heads a statement in the first person (市人大代表、某公司总经理 张三⏎…,我对…)."""
    lines_ = norm.splitlines()[:_HEAD_LINES + 1]
    at = next((k for k, line in enumerate(lines_) if "," in line or "。" in line), None)
    if at is None:
        return False
    first = lines_[at].strip()
    end = first.find("。")
    end = end if end > 0 else len(first)
    byline = "".join(lines_[:at]) + first[:end]
    return bool(_DEPUTY_LEAD.search(first, 0, end)
                or (_DEPUTY_TITLE.search(byline) and _FIRST_PERSON.search(first, 0, end)))


def _speakers(norm: str) -> re.Pattern[str] | None:
    """The people a text introduces as speaking for themselves (a deputy, a member, a company's head, an expert):
    a pattern matching a sentence they open (李文忠说, 杨世爵代表表示), or None."""
    names = {m.group("name") for m in _OFFICIAL_NAMED.finditer(norm)}
    for m in _SPEAKER_NAMED.finditer(norm):
        name = m.group("name") or m.group("name2")
        if name and not _NOT_NAME.match(name):
            names.add(name)
    if not names:
        return None
    return re.compile(rf"^(?:[^,。;“”]{{1,6}},)?(?:{'|'.join(sorted(names, key=len, reverse=True))}){_SAYS}")


def _reported(body: str, speakers: re.Pattern[str] | None) -> bool:
    """Whether a sentence gives someone else's words: a speaker the text introduced (李文忠说,…), or a document
    cited by its title that is not the government's own report (《区域协调试点方案》当中也指出,要…)."""
    if speakers is not None and speakers.match(body):
        return True
    lead = _DEPUTY_LEAD.search(body) if "代表" in body or "委员" in body else None
    if lead and lead.start() <= _DEPUTY_AT_MAX:
        return True  # 市人大代表、某集团董事长李文忠在分组审议时说,要…: what the deputy says
    cited = _CITED.match(body) if "《" in body else None
    return bool(cited and not _OWN_REPORT.search(cited.group("title")))


def _headline_and_links(norm: str) -> list[tuple[int, int]]:
    """Spans of a news page that are no text of the story: the headline lines above the line opening on the
    dateline (羊城晚报讯 记者…报道:, 本报讯 (…), 新华社北京3月5日电), and the titles listed under 相关链接: up to the
    next line that is a paragraph."""
    spans, at = [], 0
    lines = norm.splitlines(keepends=True)
    for k, line in enumerate(lines[:_HEAD_LINES + 2]):
        if k and _DATELINE_OPENS.match(line):
            spans.append((0, at))
            break
        at += len(line)
    at = 0
    links = -1
    for line in lines:
        if links < 0 and _LINKS.match(line):
            links = at
        elif links >= 0 and ("。" in line or len(line.strip()) > _HEAD_LINE_MAX):
            spans.append((links, at))
            links = -1
        at += len(line)
    if links >= 0:
        spans.append((links, at))
    return spans


# A paragraph of direct speech: it opens on a quotation mark and closes on who said it (“…9月底全部投产。”某集团
#综合办主任张三说。), the closing mark sometimes lost to a copy's mojibake.
_SPEECH_OPENS = re.compile(r"\s*“")
_SPEECH_CLOSES = re.compile(r"(?:说|表示|介绍|告诉记者|坦言|感慨)。?\s*$")
_SPEAKER_MAX = 30


def _speeches(norm: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs that quote someone speaking: their plans (计划今年9月初进行设备调试) are a company's
    or a person's words reported by the story, no commitment of the government."""
    spans, at = [], 0
    for line in norm.splitlines(keepends=True):
        closes = _SPEECH_CLOSES.search(line)
        if _SPEECH_OPENS.match(line) and closes:
            said = line[:closes.start()]
            speaker = len(said) - max(said.rfind(mark) for mark in "”。!?;")
            if speaker <= _SPEAKER_MAX and len(said) - len(said.lstrip()) < len(said) - speaker:
                spans.append((at, at + len(line)))
        at += len(line)
    return spans


# A key-project list told by its parts: a class's share of the whole (共安排“四化”项目2648个、占79.12%; 年度计划投资
# 4974.69亿元、占77.14%) or, after 其中, a class with its count and planned investment (新型工业化项目945个,年度计划
# 投资1921.59亿元,包括…) — the list's make-up, restating the whole that was drafted once.
_PART_SHARE = re.compile(r"(?:个|项|亿元|万元)、占\d+(?:\.\d+)?%")
_PART_CLASS = re.compile(
    r"(?:其中[,:])?[^,;。、:]{2,16}项目\d+个,(?:总投资\d+(?:\.\d+)?亿元,)?(?:年度)?计划投资\d+(?:\.\d+)?亿元")


def _list_part(norm: str, sentence: int, a: int, b: int) -> bool:
    """Whether the piece norm[a:b] gives a part of a list already counted whole (a share, a class after 其中)."""
    if _PART_SHARE.search(norm, a, b):
        return True
    if not _PART_CLASS.match(norm, a, b):
        return False
    # the classes after it run on in the sentence, split at ;
    opens = min(sentence, max(norm.rfind("。", 0, a) + 1, norm.rfind("\n", 0, a) + 1))
    return "其中" in norm[opens:a + 3]


# 30%以上的行政村达到“四美乡村”建设标准、50%以上的乡镇达到…: goals that each open on the share of the places that
# reach a standard, joined by 、 — one goal each (as a decomposition lists them, each with its own unit).
_SHARE_LEAD_MAX = 12  # 方案要求, before the first goal
_SHARE_REACHING = re.compile(r"\d+(?:\.\d+)?%(?:以上|以下|左右)?的[^、,;。]{1,16}?达到[^、,;。]{2,30}")


def _shares_reaching(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The goals of a piece made of share-reaching goals joined by 、, or the piece itself."""
    first = _SHARE_REACHING.search(norm, a, b)
    if first is None or (first.start() > a and (norm[first.start() - 1] not in ",:"
                                                   or first.start() - a > _SHARE_LEAD_MAX)):
        return [(a, b)]
    parts, k = [], first.start()
    while k < b:
        m = _SHARE_REACHING.match(norm, k, b)
        if not m:
            return [(a, b)]
        parts.append((a if not parts else k, m.end()))  # 方案要求,30%以上的…: the lead-in stays with the first
        k = m.end() + 1 if norm[m.end():m.end() + 1] == "、" else m.end()
        if k < b and norm[k - 1] != "、":
            return [(a, b)]
    return parts if len(parts) > 1 else [(a, b)]


def _own_places(norm: str) -> tuple[str, set[str]]:
    """The places a text speaks for: (its head, the names it gives three times or more)."""
    names: dict[str, int] = {}
    for _, name in _place_subjects(norm):
        for cut in range(len(name) - 1):
            names.setdefault(name[cut:], 0)
    return _head(norm), {name for name in names if norm.count(name) >= 3}


def _is_own(name: str, own: tuple[str, set[str]]) -> bool:
    """今年某县 is 某县's: any tail of the run before 市/县/区/旗 named in the head (with its stem of two characters or
    more, 锦州 for 锦州市) or often."""
    head, often = own
    for cut in range(len(name) - 1):
        tail = name[cut:]
        if tail in head or tail in often or (len(tail) >= 3 and tail[:-1] in head):
            return True
    return False


def _other_place(norm: str, start: int, end: int, own: tuple[str, set[str]]) -> int | None:
    """Where a clause whose subject is another place (a county quoted in a city's paper) starts, or None."""
    if not _PLACE_END.search(norm, start, end):
        return None
    for at, name in _place_subjects(norm, start, end):
        if not _is_own(name, own):
            return at
    return None


def _whole_item(norm: str, step, start: int, end: int) -> bool:
    """A numbered or bulleted line holding one short sentence is one task (as a decomposition lists it),
    unless it announces a list of goals (1.主要预期目标:…)."""
    if not (step.opens_line and not step.line_goes_on and end - start <= _LONG) or _ANNOUNCED.search(norm, start, end):
        return False
    line = norm[step.span.start:step.span.end]
    # 新建托幼一体化幼儿园50所,新增托位1. 6万个: a bare line of a digest's list is one item too
    return is_item(line) or (end - start <= _BARE_ITEM_MAX and line.rstrip()[-1:] not in "。;!?:")


def _table_rows(prepared: Prepared, plan_year: int | None, doc: str) -> tuple[list[tuple[int, int]], list[TaskDraft]]:
    """The tasks of a responsibility table pasted as text (1 | 地区生产总值增长6%左右。 | 市发展改革委 |): the
    row's longest cell is the task, its cell of units names the lead (the one marked *, else the first) and
    the partners, as the table itself assigns them."""
    norm, rows, out = prepared.norm, [], []
    if "|" not in norm:
        return rows, out
    headed = bool(_UNIT_HEADER.search(norm) or _CELL_UNIT_HEADER.search(norm))  # any body may lead under 责任单位
    for span, cells in _table_row_cells(norm):
        units = next((c for c in reversed(cells) if _unit_cell(norm[c[0]:c[1]], headed)), None)
        if units is None:
            continue
        task = max((c for c in cells if c != units), key=lambda c: c[1] - c[0], default=None)
        if task is None or task[1] - task[0] < _MIN_CHARS:
            continue
        named = [u.strip() for u in re.split(r"[、,;]", norm[units[0]:units[1]]) if u.strip()]
        lead = next((u for u in named if u.startswith("*")), named[0])
        names = [_unit_name(u) for u in [lead] + [u for u in named if u is not lead]]
        start, end = prepared.span(*task)
        # a cell of its own (完成时限: 全年, 6月底前, 长期) gives the row's date, before the task's words do
        when = next((norm[a:b] for a, b in cells if (a, b) not in (task, units) and _TIME_CELL.fullmatch(norm[a:b])),
                    norm[task[0]:task[1]])
        out.append(TaskDraft(sentence=prepared.text[start:end], start=start, end=end, section="",
                             lead_unit=names[0], partner_units=tuple(dict.fromkeys(names[1:])),
                             deadline=_deadline(when, plan_year), trigger=lead,
                             lead_confidence=0.95, confidence=0.9,
                             why=f"任务：责任分工表；牵头单位：表中指定（{lead.lstrip('*')}）", doc=doc))
        rows.append(span)
    return rows, out


def _table_row_cells(norm: str):
    """The rows of a pasted table as (row span, cell spans): a row on one line (1 | 任务 | 单位 |), or one cell a
    line (序号 |⏎重点工作 |⏎责任单位 |⏎1 |⏎任务 |⏎单位 |), rows as wide as the header and each opening on its number."""
    for m in _TABLE_LINE.finditer(norm):
        cells, at = [], m.start()
        for part in m.group().split("|"):
            a, b = _trim_clause(norm, at, at + len(part))
            if b > a:
                cells.append((a, b))
            at += len(part) + 1
        yield m.span(), cells
    head = _CELL_UNIT_HEADER.search(norm)
    if head is None:
        return
    lines = [m for m in _CELL_LINE.finditer(norm, norm.rfind("\n", 0, head.start()) + 1)]
    k = 0
    while k < len(lines) and lines[k].start() == (lines[k - 1].end() + 1 if k else lines[0].start()) \
            and not _ROW_NUMBER.fullmatch(lines[k]["cell"].strip()):
        k += 1
    width = k
    while width >= 3 and k + width <= len(lines) and _ROW_NUMBER.fullmatch(lines[k]["cell"].strip()):
        row = lines[k:k + width]
        if any(b.start() != a.end() + 1 for a, b in zip(row, row[1:], strict=False)):
            return
        yield (row[0].start(), row[-1].end()), [_trim_clause(norm, c.start("cell"), c.end("cell")) for c in row]
        k += width


def _unit_cell(cell: str, headed: bool = False) -> bool:
    """A cell naming only units (市科技局、市教育局、南湖区政府, *市委组织部(市委人才办)): each part a department or a
    body's name; under a 责任单位 header the bodies need not be the city's departments (市委政法委, 嘉善县政府)."""
    parts = [_ASIDE_RE.sub("", u).strip().lstrip("*") for u in re.split(r"[、,;]", cell) if u.strip()]
    return bool(parts) and all(len(u) <= _UNIT_MAX and (canonical(u) or _UNIT_WORD.search(u)) for u in parts) \
        and (headed or any(canonical(u) for u in parts))


def _unit_name(unit: str) -> str:
    """The standard short name of a unit as a table writes it (市经信局 → 工业和信息化局), else as written
    without the city's prefix (*市委组织部(市委人才办) → 市委组织部)."""
    return standard_name(unit)


def _draft(prepared: Prepared, a: int, b: int, section: str, plan_year: int | None, rows, goal: bool,
           source: str, doc: str, level: str = "") -> TaskDraft:
    piece = prepared.norm[a:b]
    lead: Suggestion = suggest_lead(piece, rows)
    start, end = prepared.span(a, b)
    confidence, why = judge_task(source, goal, lead.confidence, lead.trigger)
    return TaskDraft(sentence=prepared.text[start:end], start=start, end=end, section=section,
                     lead_unit=lead.lead, partner_units=lead.partners, deadline=_deadline(piece, plan_year),
                     trigger=lead.trigger, lead_confidence=lead.confidence,
                     confidence=confidence, goal=goal, why=why, level=level, doc=doc)


def _deadline(piece: str, plan_year: int | None) -> str:
    """The date the text gives (年底前 → 12-31, 6月底前 → 06-30, 三季度 → 09-30); the plan year's
    last day for a task of an annual plan that names none; "" for 长期 or when no year is known."""
    if "讯" in piece or "电" in piece:
        piece = _DATELINE.sub("", piece)
    period = _PLAN_PERIOD.search(piece) if "五" in piece else None
    if period and not _YEAR.search(piece):  # “十四五”末建成… → 2025-12-31
        return f"{_PLAN_PERIOD_END[period.group(1)]}-12-31"
    marks = [m.start() for m in _DATE_MARK.finditer(piece)]
    if not marks:  # most commitments name no date: spare the full parse
        return f"{plan_year}-12-31" if plan_year else ""
    found = parse_deadline(piece[max(0, marks[0] - 12):marks[-1] + 8], plan_year or 2000)
    if found.on and (plan_year or _YEAR.search(found.phrase)):
        return found.on.isoformat()
    if found.long_term or not plan_year:
        return ""
    return f"{plan_year}-12-31"


def _goal_clauses(norm: str, start: int, end: int, announced_before: bool = False,
                  continued: bool = False) -> list[tuple[int, int]]:
    """The goals of a sentence listing them, one clause each (subjectless 增长5% stays with its subject);
    [] when the sentence is no list of goals.  `announced_before`: the words before `start` announced the list
    (…主要预期目标:), so its clauses without a goal's shape are dropped, not a reason to doubt the list.
    `continued`: the sentence right before was a list of goals, so a paragraph of goals without figures that follows
    (粮食播种面积保持相对稳定,生态环境质量持续改善,…) goes on with it when every clause is a goal."""
    announced = _ANNOUNCED.search(norm, start, end)
    if not announced and norm.find("原则上", start, end) >= 0:
        return []  # 推进主导品种推广应用,原则上水稻主导品种A县不得超过8个,B县不得超过6个: the work and its rule
    if not announced and _ARRANGED.match(norm, start, end):
        return []  # 赤字率拟按3%安排,赤字规模4.06万亿元,比上年…增加1800亿元: one arrangement and its sizes
    if continued and not announced and not _DIGIT.search(norm, start, end):
        found = _continued_goals(norm, start, end)
        if found:
            return found
    if not announced and end - start > _GOAL_CLAUSE_MAX + 2 and not _DIGIT.search(norm, start, end):
        return []
    at = announced.end() if announced else start
    clauses, k = [], at
    for m in _CLAUSE_SPLIT.finditer(norm, at, end):
        clauses.append((k, m.start()))
        k = m.end()
    clauses.append((k, end))
    clauses = [_trim_clause(norm, a, b) for a, b in clauses]
    # a reporter's lead (据了解), a category label (质量结构型指标方面) and an expected effect (将有力促进…)
    # are neither goals nor a reason to doubt the list
    clauses = [(a, b) for a, b in clauses if b > a and not _REPORTED.fullmatch(norm, a, b)
               and not _EFFECT.match(norm, a, b) and not _CATEGORY.fullmatch(norm, a, b)
               and not _TIME_LABEL.fullmatch(norm, a, b)]
    if not clauses:
        return []
    # 万名居家长者乐享智慧养老: a list's line may open on a count in words
    counted = _DIGIT.search(norm, at, end) or norm[at:at + 1] in "百千万"
    found = find_quantities(norm, at, end) if counted else []
    # a share of a total written as a fraction (占全市1/8, 三分之一) is a goal's figure too
    marks = [(q.start, q.end) for q in found] + [m.span() for m in _FRACTION.finditer(norm, at, end)]
    numbers = [m[0] for m in marks]
    figures = [any(a <= n < b for n in numbers) for a, b in clauses]
    if not numbers and not (len(clauses) == 1 and _goal_phrase(norm, *clauses[0])):
        return []  # 进出口总额保持正增长: a goal without a figure stands alone
    goal_like = [f or _goal_phrase(norm, a, b) for (a, b), f in zip(clauses, figures, strict=True)]
    labelled = False
    if not announced and not announced_before and not all(goal_like):
        if not (len(clauses) > _LABELLED_MIN and not _DIGIT.search(norm, *clauses[0]) and all(figures[1:])):
            return []
        labelled = True
        # 经济结构和质量效益不断提升,A占比重达到66%左右,B…达到2.7%,C增长7.5%: a label clause before the goals;
        # 主要是开展金牌就业管家服务,全年举办400场招聘会,…: a clause opening on an action is a work of its own
        opens = _MAINLY.match(norm, clauses[0][0]).end()
        if _ACTION.match(norm, opens):
            clauses[0], goal_like[0] = (opens, clauses[0][1]), True
        else:
            clauses, goal_like = clauses[1:], goal_like[1:]
    out: list[tuple[int, int]] = []
    sized: dict[int, int] = {}  # a goal's end extended over the sizes after it
    before = (0, 0)  # the clause before, as written
    for (a, b), ok in zip(clauses, goal_like, strict=True):
        if not ok:
            continue
        # …水产品产量2.56万吨,其中特种水产品0.99万吨: the part 其中 names belongs to the goal before it
        if _SIZE_ONLY.fullmatch(norm, a, b):
            if out:  # 计划实施188个重点项目,总投资282.6亿元、年度投资144.8亿元: the list's size, with its goal
                sized[len(out) - 1] = b
            continue
        if out and (_SUBJECTLESS.match(norm, a) or norm.startswith("其中", a) or _provides(norm, before, a, b)):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        before = (a, b)
    if announced and len(out) == 1 and out[0][0] == _trim_clause(norm, at, end)[0] and norm[out[0][0]].isdigit():
        # 提出经济增长预期目标为7.5%以上: one bare figure after the announcement, its indicator named before it
        cut = max(norm.rfind(ch, start, announced.start()) for ch in ",;:")
        out = [(_trim_clause(norm, max(cut + 1, start), end)[0], out[0][1])]
    if not labelled or len(out) >= _LABELLED_MIN:
        pieces = []
        for k, (a, b) in enumerate(out):
            found = _run_together(norm, a, b, sorted(marks))
            found[-1] = (found[-1][0], sized.get(k, found[-1][1]))
            pieces.extend(found)
        return pieces
    return []


def _continued_goals(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph of goals without figures after a goals list: one clause each when every clause moves or holds a
    measure (保持相对稳定, 持续改善, 控制在…之内, 完成…目标); [] otherwise."""
    clauses = [_trim_clause(norm, m.start(), m.end()) for m in _CLAUSE_RUN.finditer(norm, start, end)]
    clauses = [(a, b) for a, b in clauses if b > a]
    if len(clauses) < 2 or not all(_goal_phrase(norm, a, b) for a, b in clauses):
        return []
    return clauses


def _provides(norm: str, before: tuple[int, int], a: int, b: int) -> bool:
    """新增学位5000个 after 新建学校3所: the places the build before it provides (a school's seats, a hospital's
    beds, a car park's bays)."""
    places = _PLACES.match(norm, a, b) if norm[a:a + 1] in "新增可提" else None
    return bool(places and _BUILDS.search(norm, *before)
                and _PLACE_OF[places.group("place")].search(norm, *before))


def _pledged_targets(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """A work and the targets a pledge lists after it (推动…扩区升级,确保实现外贸进出口总额900亿元、实际使用外资12亿美元
    以上,力争实现…吞吐量80万标箱,开行中欧班列600列以上): the work, then each target, one piece each, when every clause
    from the pledge on holds a figure and each measure after 、 has its own subject; else the piece whole."""
    pledge = _PLEDGE.search(norm, a, b)
    if not pledge:
        return [(a, b)]
    clauses, k = [], pledge.start() + 1
    for m in _CLAUSE_SPLIT.finditer(norm, k, b):
        clauses.append((k, m.start()))
        k = m.end()
    clauses.append((k, b))
    targets = []
    for c, d in (_trim_clause(norm, c, d) for c, d in clauses):
        if not _DIGIT.search(norm, c, d):
            return [(a, b)]
        measured = _PLEDGE.match(norm, c - 1)  # 实现 names measures: each after 、 a target of its own
        parts, p = [], c
        for m in re.finditer("、", norm[c:d]):
            cut = c + m.start()
            if (measured and _DIGIT.search(norm, p, cut) and _DIGIT.search(norm, cut + 1, d)
                    and len(_CJK.findall(norm, cut + 1, _DIGIT.search(norm, cut + 1, d).start()))
                    >= _NEW_SUBJECT_MIN):
                parts.append((p, cut))
                p = cut + 1
        parts.append((p, d))
        targets.extend(parts)
    if len(targets) < _PLEDGED_MIN:
        return [(a, b)]
    head = _trim_clause(norm, a, pledge.start())
    return ([head] if head[1] > head[0] else []) + targets


def _run_together(norm: str, a: int, b: int, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A goal clause holding goals printed without a separator (实际利用外资1亿美元规模工业应税销售占全市1/8): cut
    after a figure that closes its goal (a measure named before its value: 外资1亿美元, 专利数280件, 占全市1/3) where
    a new subject follows with a figure of its own; not after a count a verb opens (新增20亿元企业、10亿元企业)."""
    inside = [(s, e) for s, e in marks if a <= s and e <= b]
    if len(inside) < 2:
        return [(a, b)]
    pieces, k = [], a
    for (s, e), (nxt, _) in zip(inside, inside[1:], strict=False):
        # 占全市比重超1/4、有效发明专利数280件: a share closes its goal before 、; other figures before 、 are a
        # verb's objects (新增百亿企业10家、专精特新企业800家) or one goal's sizes (国债1.3万亿元、比上年增加…)
        # 固定资产投资增幅16%以上、规上工业产值增幅13%以上: a rate of change closes its goal before 、 when the next
        # subject has a rate of its own
        listed = norm[e] == "、" and (_SHARE.search(norm, k, s) is not None or (
            _RATE_BEFORE.search(norm, k, s) is not None and _RATE_BEFORE.search(norm, e + 1, nxt) is not None))
        if ((listed or (_CJK.match(norm, e) and not _CONTINUES.match(norm, e)))
                and norm[s - 1] not in "、和及与" and not _VERB_BEFORE.search(norm, k, s)
                and len(_CJK.findall(norm, e, nxt)) >= _NEW_SUBJECT_MIN):
            pieces.append((k, e))
            k = e + listed
    pieces.append((k, b))
    return pieces


def _enumerated(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works of a sentence that counts them (一是着力构建现代产业体系;二是着力推动…;三是…): one piece each, without
    its ordinal; [] unless there are two or more and each is a commitment."""
    marks = list(_ORDINAL.finditer(norm, start, end))
    if not marks:
        return []
    cuts = [(start, marks[0].start())] if marks[0].start() > start else []  # its own 一是 already taken off
    cuts += [(m.end(), nxt.start() if nxt else end) for m, nxt in zip(marks, marks[1:] + [None], strict=True)]
    pieces = [_trim_clause(norm, a, b) for a, b in cuts]
    return pieces if len(pieces) > 1 and all(b > a and _is_commitment(norm[a:b]) for a, b in pieces) else []


def _past_ordinal(norm: str, start: int, end: int) -> int:
    """Past a work's ordinal (二是着力推动… → 着力推动…): 二是 opens no statement."""
    m = _ORDINAL.match(norm, start, end)
    return m.end() if m and m.end() < end else start


def _goal_phrase(norm: str, a: int, b: int) -> bool:
    """A short clause that moves or holds a measure (居民收入增长和经济增长基本同步, 进出口总额保持正增长)."""
    return b - a <= _GOAL_CLAUSE_MAX and bool(_GOAL_VERB.search(norm, a, b)) and not _FRAMING.search(norm[a:b])


def _trim_clause(norm: str, a: int, b: int) -> tuple[int, int]:
    a, b = _trim(norm, a, b)
    while b > a and norm[b - 1] in "。;,!":
        b -= 1
    return a, b


def _after_announcement(norm: str, start: int, end: int) -> int:
    """Where the content starts in a sentence that announces it first (重点做好十个方面工作:推动…): after
    the colon when the words before it frame or announce."""
    colon = norm.find(":", start, end)
    if colon < 0 or colon + 1 >= end:
        return start
    head = norm[start:colon + 1]
    announces = head.endswith(("工作:", "任务:", "包括:", "如下:", "分别是:", "主要有:", "具体是:"))
    return colon + 1 if _FRAMING.search(head) or _ANNOUNCED.search(head) or announces else start


def _is_commitment(body: str) -> bool:
    """An action is promised: not the framing of the section, not a statement of what is."""
    if not _ACTION.search(body) or _FRAMING.search(body) or body.endswith(":"):
        return False  # …主要目标是: announces the list that follows
    if ("目标" in body[-4:] or "发言" in body[-4:]) and _NAMES_ONLY.search(body):
        return False  # ■ 2025年经济社会发展的主要预期目标; …负责人分别作交流发言: the goals to come named, speeches
    if _SHORTFALL.search(body):
        return False  # …离年度计划目标有一定差距,主要原因有:…: a review explaining a shortfall
    if _SCOPE.match(body):
        return False  # 涵盖教育、治水、交通等群众关心的民生大事: what a list covers, no work of its own
    if _OTHERS_VOICE.match(body):
        return False  # 李明代表表示,今年将加快推进乡村振兴: a deputy's wish, not the government's commitment
    if _EXPLAINS.match(body) and not _DIGIT.search(body):
        return False  # 抓创新就是要…; “三个一”是指…: a slogan explained, not a deed promised
    said = _ATTRIBUTION.match(body)  # 负责人介绍说,开展老旧小区改造是…重要抓手: what is said is a statement
    body = body[said.end():] if said else body
    if "了" in body and not _WILL.search(body) and any(body.startswith("了", m.end()) for m in _ACTION.finditer(body)):
        return False  # 他介绍,规划实施实现了“时间过半、任务过半”: a deed told as done, nothing promised
    return not (_STATEMENT.match(body) and not _PROMISE.search(body))


def _before_slogan(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The commitments of a long sentence that closes on a slogan (…将全面加强政府自身建设,…,埋头苦干、奋勇前进):
    its pieces before the one holding the slogan; none when anything else makes it no commitment."""
    if end - start <= _LONG:
        return []
    pieces = _pieces(norm, start, end)
    slogan = _FRAMING.search(norm, start, end)
    if len(pieces) < 2 or slogan is None or slogan.start() < pieces[-1][0]:
        return []
    kept = pieces[:-1]
    return kept if all(_is_commitment(norm[a:b]) for a, b in kept) else []


def _pieces(norm: str, start: int, end: int, rows=None) -> list[tuple[int, int]]:
    """A long sentence cut before each comma that opens a new action; short pieces join the next.  A shorter
    sentence (given the keyword table `rows`) is cut there only between commitments that different units lead
    (加快高标准农田建设,推进国有企业改革): a commitment with its reach or its means (推进乡村振兴,新建高标准农田5万亩)
    names one unit's work and stays whole."""
    if end - start <= _LONG:
        return _by_lead(norm, start, end, rows) if rows is not None else [(start, end)]
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    pieces, a = [], start
    for c in cuts:
        if c - a >= _PIECE_MIN and end - c - 1 >= _PIECE_MIN:
            pieces.append((a, c))
            a = c + 1
    if pieces and _SERVES.match(norm, a) and not _DIGIT.search(norm, a, end):
        # …,开展第二轮59家社区卫生服务站室标准化建设,促进更多医疗资源扩容下沉,让群众健康更有“医”靠: the last
        # clause says what the works are for, no work of its own
        a = pieces.pop()[0]
    pieces.append((a, end))
    return pieces


def _section(heading: str, topic: str) -> str:
    if heading and topic:
        return f"{heading} / {topic}"
    return heading or topic


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Without blanks, bullets and an item's number (1., (一), ①) at its start."""
    while start < end and norm[start] in " \t\u3000\n" + BULLETS:
        start += 1
    marker = _ITEM_NUMBER.match(norm, start, end)
    if marker and marker.end() < end:
        start = marker.end()
    start = _past_ordinal(norm, start, end)
    while end > start and norm[end - 1] in " \t\u3000\n":
        end -= 1
    return start, end


def _by_lead(norm: str, start: int, end: int, rows) -> list[tuple[int, int]]:
    """A short sentence of two works without a figure, each opening on an action and each led by another unit
    (加快高标准农田建设,推进国有企业改革): one piece each; any other sentence whole."""
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    if not cuts or _DIGIT.search(norm, start, end):
        return [(start, end)]  # 扩大住房公积金覆盖面,新增缴存职工72万人: the figure measures the work before it
    clauses, a = [], start
    for c in cuts:
        if c - a >= _SHORT_PIECE_MIN and end - c - 1 >= _SHORT_PIECE_MIN:
            clauses.append((a, c))
            a = c + 1
    clauses.append((a, end))
    if (len(clauses) != 2 or _PURPOSE.match(norm, clauses[1][0])
            or any(b - a > _SHORT_CLAUSE_MAX for a, b in clauses)):
        return [(start, end)]  # 实施…工程,促进劳动者增技增收: the work and what it is for
    leads = [suggest_lead(norm[a:b], rows).lead for a, b in clauses]
    return clauses if all(leads) and leads[0] != leads[1] else [(start, end)]


def _behind_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The plan's targets a progress notice lists as behind schedule (未达到序时进度11项,为A完成投资80亿元、B覆盖率达
    80%、…): one piece each, [] unless there are two or more and each holds a figure."""
    behind = BEHIND_LIST.search(norm, start, end) if "进度" in norm[start:end] else None
    if not behind:
        return []
    pieces, a = [], behind.end()
    for m in re.finditer(r"、|$", norm[behind.end():end]):
        b = behind.end() + m.start()
        if b > a:
            pieces.append(_trim_clause(norm, a, b))
        a = b + 1
    return pieces if len(pieces) > 1 and all(_DIGIT.search(norm, a, b) for a, b in pieces) else []


def _named_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The named actions a sentence lists after the word opening the list (即, 包括, a colon): one piece each
    (实施“七大行动”,即A行动、B行动、…), [] unless there are two or more and every one is named as an action,
    a project or a campaign (…行动, …工程, …计划, …攻坚战)."""
    if not _NAMED_ANY.search(norm, start, end):
        return []
    opens = [start] if start and norm[start - 1] == ":" else []  # 重点实施:A行动、B行动 (past its colon)
    for a in opens + [m.end() for m in _NAMES_OPEN.finditer(norm, start, end)]:
        stop = next((k for k in _ends(norm, a, end)), end)
        items, k = [], a
        for sep in _NAME_SEP.finditer(norm, a, stop):
            items.append((k, sep.start()))
            k = sep.end()
        items.append((k, stop))
        items = [_trim_name(norm, x, y) for x, y in items]
        if len(items) >= 2 and all(_NAME_MIN <= y - x <= _NAME_MAX and _NAMED_HEAD.search(norm, x, y)
                                   for x, y in items):
            return items
    return []


_TITLED_MIN = 3  # fewer titles side by side are a text's references (《政府工作报告》确定的…《通知》)


def _titled_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of titles side by side, each naming a work (包括《城镇新增就业2000人以上》《建成幼儿园3所》…10个为民办实事
    方案): one piece per title, inside its marks; [] unless there are three or more and all but one name an action
    or a figure."""
    runs: list[list[tuple[int, int]]] = [[]]
    for m in re.finditer(r"《([^《》]{4,60})》", norm[start:end]):
        a, b = start + m.start(1), start + m.end(1)
        if runs[-1] and norm[runs[-1][-1][1] + 1:a - 1].strip("、, ") != "":
            runs.append([])
        runs[-1].append((a, b))
    best = max(runs, key=len)
    works = sum(bool(_ACTION.search(norm, a, b) or _DIGIT.search(norm, a, b)) for a, b in best)
    if len(best) >= _TITLED_MIN and works >= len(best) - 1:  # 《对困难家庭子女普通高校入学资助》 among them
        return best
    return []


def _ends(norm: str, start: int, end: int) -> list[int]:
    """Where the clause groups of a sentence end (;。!?), and its end."""
    return [m.start() for m in _GROUP_END.finditer(norm, start, end)] + [end]


def _trim_name(norm: str, a: int, b: int) -> tuple[int, int]:
    """A named action without blanks, quotes and a closing 等."""
    while a < b and norm[a] in " \u3000“”\"'《":
        a += 1
    while b > a and norm[b - 1] in " \u3000“”\"'》。;!?等":
        b -= 1
    return a, b


def _framed_works(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The works and goals listed after a requirements sentence's frame (总体要求是:), one per clause, without the
    guiding clauses (以…为指导, 坚持…总基调, 贯彻…精神) and the slogans (争做…增长极)."""
    bounds, k = [], start
    for m in _CLAUSE_SPLIT.finditer(norm, start, end):
        bounds.append((k, m.start()))
        k = m.end()
    bounds.append((k, end))
    out: list[tuple[int, int]] = []
    for a, b in bounds:
        a, b = _trim_clause(norm, a, b)
        while b > a and norm[b - 1] in "?!”\"":
            b -= 1
        clause = norm[a:b]
        if b - a < _FRAME_CLAUSE_MIN or _FRAMING.search(clause) or _SLOGAN.search(clause):
            continue
        if out and _SUBJECTLESS.match(norm, a) and out[-1][1] >= a - 2:
            out[-1] = (out[-1][0], b)
        elif (_DIGIT.search(clause) and _goal_phrase(norm, a, b)) or (
                _CONCRETE.search(clause) and _is_commitment(clause)):
            out.append((a, b))
    return out
