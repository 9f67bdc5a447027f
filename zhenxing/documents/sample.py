"""The demo's sample work report: a short, fictional summary written for the demo (not a real text),
and the loader that ingests it and reviews part of its drafts so a new user sees every page filled."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.auth.service import scope_for
from zhenxing.documents import review, service
from zhenxing.documents.models import Draft

SAMPLE_TITLE = "2025年锦州市政府工作报告（演示摘要）"
SAMPLE_YEAR = 2025

SAMPLE_REPORT = """2025年锦州市政府工作报告（演示摘要）
——本文为演示用虚构摘要，数字仅作示例

各位代表：

  一、2024年工作回顾

  2024年，全市上下坚持稳中求进，扎实推进全面振兴新突破三年行动，经济运行回升向好。初步核算，地区生产总值增长5.6%，规模以上工业增加值增长7.9%，固定资产投资增长8.2%，一般公共预算收入增长6.4%，社会消费品零售总额增长7.1%，城镇新增就业1.8万人，城镇和农村常住居民人均可支配收入分别增长5.3%和7.2%。

  (一)项目建设提速增效

  坚持项目为王，开复工亿元以上项目286个，签约亿元以上项目152个，落地亿元以上项目118个，完成招商引资到位资金425亿元。锦州石化40万吨针状焦项目主体完工，国电投黑山500兆瓦风电项目实现全容量并网，北方能源基地一期建成投产。建立项目管家制度，为重点项目提供全流程服务，帮助企业解决用地、融资等问题1260个。

  (二)产业转型持续深化

  新增科技型中小企业480家，高新技术企业达到236家，规模以上工业企业净增42户。新能源、半导体材料产业集群产值分别增长18%和26%。完成工业技术改造项目135个，建成省级数字化车间12个。

  (三)乡村振兴扎实推进

  粮食总产量稳定在63亿斤以上，新建高标准农田32万亩，新增农产品加工企业26家，改造农村公路420公里，建成美丽宜居村90个。

  (四)开放合作和营商环境持续改善

  锦州港完成货物吞吐量1.05亿吨，集装箱吞吐量达到210万标箱，新开通内贸航线4条。实际利用外资1.2亿美元，外贸进出口总额增长9.5%。深化营商环境建设，政务服务事项网上可办率达到98%，企业开办时间压缩至1.5个工作日，为市场主体减税降费14.6亿元，新增市场主体2.6万户。

  (五)民生福祉持续增进

  新建改扩建幼儿园和中小学18所，新增养老服务床位1200张，改造老旧小区156个、惠及居民4.3万户，PM2.5平均浓度下降到33微克/立方米，空气质量优良天数达到318天。12345热线受理群众诉求42万件，按期办结率98.6%。

  一年来，我们始终坚持以人民为中心的发展思想，全市民生支出占一般公共预算支出比重保持在75%以上，十件民生实事全部完成。同时也清醒看到，经济发展中还存在不少困难和问题：工业结构偏重、新兴产业规模偏小，部分重点项目推进不快，民营经济活力有待进一步激发，公共服务还有不少短板。对此，我们将采取有力措施，认真加以解决。

  二、2025年工作安排

  今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长8%，固定资产投资增长10%以上，一般公共预算收入增长5%，社会消费品零售总额增长7%，城镇新增就业1.8万人以上，居民消费价格涨幅控制在2%左右，PM2.5平均浓度控制在33微克/立方米以内。

  (一)坚定不移抓项目促投资

  全年实施亿元以上项目1000个以上，力争签约亿元以上项目160个、落地120个。推动锦州石化40万吨针状焦项目建成投产，加快锦州港30万吨级航道二期工程开工建设，确保国电投黑山400兆瓦风电扩建项目开工建设，推进西海新材料20万吨特种树脂项目签约落地。深化项目管家服务，每月召开项目调度会，对滞后项目挂牌督办。

  (二)加快建设现代化产业体系

  实施工业企业倍增计划，新增规模以上工业企业40户以上，高新技术企业突破260家。加大招商引资力度，围绕新能源、精细化工、生物医药开展产业链招商。推进数字化转型，新建智能工厂和数字化车间15个。

  (三)全面推进乡村振兴

  新建高标准农田35万亩，粮食总产量稳定在63亿斤以上。发展农产品精深加工，培育农业产业化龙头企业10家。改造提升农村公路300公里，完善农村生活垃圾收运体系。

  (四)持续优化营商环境

  深化营商环境建设，推行政务服务“一网通办”，企业开办时间压缩至1个工作日以内。健全诉求快速响应机制，确保12345热线按期办结率保持在98%以上。

  (五)推进城市更新和绿色发展

  实施城市更新项目60个，新建改造城市道路25公里、供热管网80公里，新增城市绿地50万平方米。推进海绵城市建设，完成雨污分流改造管网40公里。深入打好污染防治攻坚战，完成清洁取暖改造1.5万户，单位地区生产总值能耗下降2.5%，确保完成省下达的减排任务。

  (六)用心用情保障改善民生

  新增养老服务床位1000张，建设社区嵌入式养老服务设施20处。新建改扩建中小学和幼儿园15所，推进县域普通高中提质。实施城市更新行动，改造老旧小区120个。加强生态环境保护，空气质量优良天数比例保持在85%以上。

  (七)加强政府自身建设

  坚持依法行政，自觉接受人大法律监督、工作监督和政协民主监督，认真办理人大代表建议和政协委员提案。持续深化“一网统管”，完善12345热线诉求“接诉即办”机制，做到件件有回音、事事有着落。健全重点任务督查督办制度，对报告确定的各项任务逐项分解、挂图作战、按月调度、跟踪问效，确保各项任务落地见效。

  各位代表，振兴发展的号角已经吹响，让我们只争朝夕、真抓实干，奋力谱写锦州全面振兴新篇章！
"""


def load_sample(session: Session, *, reviewer: User | None = None) -> bool:
    """Ingest the sample report and review part of it; False when it is already there."""
    result = service.ingest(session=session, actor=None, text=SAMPLE_REPORT, year=SAMPLE_YEAR, title=SAMPLE_TITLE)
    if not result.created:
        return False
    reviewer = reviewer or session.scalar(select(User).where(User.role.in_(("office", "admin"))).order_by(User.id))
    if reviewer is None:
        return True
    _review_part(session, reviewer, result.document.id)
    return True


def _review_part(session: Session, reviewer: User, document_id: int) -> None:
    """Accept the plan's headline targets, the review's readings, the first tasks; reject one; leave the rest."""
    scope = scope_for(session, reviewer)
    drafts = list(session.scalars(select(Draft).where(Draft.document_id == document_id).order_by(Draft.start)))
    chosen = [d for d in drafts if d.kind == "target"][:8] + [d for d in drafts if d.kind == "reading"][:6]
    chosen += [d for d in drafts if d.kind == "task" and d.payload.get("lead_unit_id")][:8]
    review.bulk_accept(session=session, actor=reviewer, scope=scope, draft_ids=[d.id for d in chosen])
    tasks = [d for d in drafts if d.kind == "task" and d.status == "pending"]
    if tasks:
        review.reject(session=session, actor=reviewer, draft_id=tasks[-1].id, reason="与前项任务重复，不单列")
