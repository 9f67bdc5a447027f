"""A field review's summary workbook (拉练成绩汇总): the stops with their scores, and the ranking of regions."""

from zhenxing.dispatch.reviews import ReviewView
from zhenxing.outputs import Column, SheetSpec, WorkbookSpec, render_xlsx


def review_workbook(data: ReviewView) -> WorkbookSpec:
    review = data.review
    criteria = review.criteria or []
    columns = [Column("序号", 6, "int"), Column("项目名称", 32), Column("所在地区", 12)]
    columns += [Column(f"{c['label']}（{c['max']:g}分）", 10, "number") for c in criteria]
    columns += [Column("得分" if review.kind == "score" else "观摩得分", 10, "number"), Column("点评", 36),
                Column("现场问题", 36), Column("照片", 6, "int")]
    rows = []
    for stop in review.stops:
        found = data.problems.get(stop.id, [])
        rows.append([stop.position, stop.project.name, stop.project.region.name,
                     *[stop.scores.get(c["key"]) for c in criteria], stop.total, stop.comment,
                     "；".join(f"{p.description}（{p.status_label}）" for p in found),
                     len(data.photos.get(stop.id, []))])
    subtitle = f"{review.held_on.year}年{review.held_on.month}月{review.held_on.day}日　带队：{review.leaders or '—'}"
    if review.kind == "vote":
        subtitle += f"　有效票 {data.ballots} 张"
    ranking = [[r.rank, r.name, r.projects, r.mean] for r in data.ranking]
    return WorkbookSpec(title=review.title, sheets=[
        SheetSpec("项目得分", columns, rows, title=f"{review.title}项目得分汇总", subtitle=subtitle,
                  freeze_columns=2),
        SheetSpec("县区排名", [Column("名次", 6, "int"), Column("县区", 16), Column("项目数", 8, "int"),
                               Column("平均得分", 10, "number")], ranking, title=f"{review.title}县区排名"),
    ])


def review_xlsx(data: ReviewView) -> bytes:
    return render_xlsx(review_workbook(data))
