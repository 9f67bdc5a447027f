"""Each batch of the real-text corpus (tests/documents/corpus) stays above a floor, scored as bench/accuracy.py
scores it with the shared scorers.  The first-seen figures of each batch are in corpus/README.md."""

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "documents" / "corpus"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
BATCHES = sorted({meta["batch"] for meta in MANIFEST.values()})
# Floors a little below what the engine reaches on each batch after its fixes (see README.md).
FLOOR = {"fact_f1": 0.9, "stance": 0.95, "task_f1": 0.85, "lead_unit": 0.8}
# R13-R14 after their fact and stance fixes; R13's tasks after the task side's (a budget's arrangement one task, a
# forecast none, 下一步/我省将 plans), R14's still short of the default floor (a project start's speech).
# R15 likewise: facts and stance after its fixes; its tasks after the task side's fixes (headlines above a dateline,
# related links, a label clause before goals), still short of the default floor (a development zone's named actions).
# R16's tasks after the task side's fixes (a goals list announced before its colon, 一是着力… works).
# R7, R13, R15, R18, R19, R21 leads after the lead-unit fixes (a unit named as the subject, a province's 厅, an item
# closed by its own unit line, remit words): 1.000, 1.000, 0.947, 1.000, 0.930, 0.929
FLOOR_BY_BATCH = {7: {"fact_f1": 0.9, "stance": 0.95, "task_f1": 0.85, "lead_unit": 0.9},
                  13: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.85, "lead_unit": 0.9},
                  14: {"fact_f1": 0.8, "stance": 0.95, "task_f1": 0.8, "lead_unit": 0.8},
                  # R15: named actions one task each (七大行动,即A行动、B行动…), its requirements' works; a deed told
                  # as done (实现了…) no task: 0.98 / 0.895
                  15: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.95, "lead_unit": 0.89},
                  # R16: 完成了…各项预期目标 reports (1.000 / 1.000)
                  16: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.95, "lead_unit": 0.9},
                  # R17: a high-tech zone's goals as shares of the city (fractions, run together), a township
                  # report's direction (贯彻落实…精神,紧紧围绕…) no task: 0.980 / 0.897
                  # (a line naming the goals to come no task: tasks 1.000)
                  17: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.85},
                  # R18: official decompositions (their own unit lines), floors just under the after-fix figures
                  # (an item's title assigned with it, the notice's supervision none, 风险有效防控 a goal: 1.000)
                  18: {"fact_f1": 0.93, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.97},
                  # R19 after its fixes (a livelihood list's bare lines, leads of a province's plan report)
                  # and a part's title closing the excerpt no task (tasks 0.991)
                  # (据悉,…筛选出… a reporter's account: tasks 1.000)
                  19: {"fact_f1": 0.97, "stance": 0.97, "task_f1": 0.98, "lead_unit": 0.9},
                  # R20: county reports as PDF-converted text, after its fixes (0.974 / 1.000 / 0.983 / 0.897)
                  20: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.88},
                  # R21 after its fixes (a notice's behind-schedule targets, a quarter not yet over, garbled pinyin)
                  21: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.89},
                  # R22 after its fixes (an aim in a plan's part title, a list's own size, an outline, a table one cell
                  # a line, a manner adverb, an exhortation, a long part title): 1.000 / 1.000 / 0.903 / 0.841
                  22: {"fact_f1": 0.97, "stance": 0.97, "task_f1": 0.88, "lead_unit": 0.83},
                  # R23 after its fixes (a wire dateline without year, 将 after 完成投资, units in 〔…牵头〕, a table's
                  # time cell, reasons given for a goal): 1.000 / 1.000 / 0.947 / 0.909
                  23: {"fact_f1": 0.97, "stance": 0.97, "task_f1": 0.93, "lead_unit": 0.9},
                  # R24 after its fixes (预计可实现全年预期目标, an event's year, a goals list cut by the page)
                  24: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.95},
                  # R25 after its fixes (action headings of a voted list, year-led digest parts, a hotline month
                  # measured month-on-month, a list's own sizes in brackets, growth goals joined by 、, goals without
                  # figures, time spent): 0.981 / 1.000 / 0.923 / 0.917
                  25: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.9, "lead_unit": 0.89},
                  # R26 after its fixes (ordinals in words, a notice's plan schedule, a batch's sums and its examples'
                  # sizes, a plan period's goals, a project-start story's account, a topic led by its work): 0.952 /
                  # 0.992 / 0.839 / 0.917
                  26: {"fact_f1": 0.94, "stance": 0.98, "task_f1": 0.82, "lead_unit": 0.9},
                  # R27 after its fixes (a method phrase 按…计算为, 该项目, 列, speech paragraphs, unclosed speech
                  # quotes, trade/port/rural remits, 廁/糞, a key-project list's parts, news of a plan issued,
                  # a story's scene 在10余米的高台上, share-reaching goals joined by 、): 0.866 / 0.892 / 0.966 / 0.897
                  27: {"fact_f1": 0.85, "stance": 0.87, "task_f1": 0.95, "lead_unit": 0.87},
                  # R28: held out to measure the session's engine; first seen 0.955 / 0.977 / 0.864 / 0.846; after
                  # the task set's round-3 rules (a counted item of two works one task, a meeting held and a list's
                  # make-up no tasks, 将充分…, 和现有…): tasks 0.983, lead unit 0.862
                  28: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.85},
                  # R29 after its fixes (tables pasted without bars, quarter progress titles, 《报告》明确, labels over
                  # bullets, principles before works): first seen 0.777 / 0.839 / 0.900 / 0.783, after 0.975 / 1.000 /
                  # 0.972 / 0.868
                  29: {"fact_f1": 0.96, "stance": 0.98, "task_f1": 0.96, "lead_unit": 0.85},
                  # R30 after its fixes (a decomposition's units in brackets on one line, a part titled by its lead,
                  # a picture's place line, a decomposition's own sizes, area titles, requirements after ;):
                  # 0.975 / 1.000 / 0.993 / 0.934
                  30: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.9},
                  # R31, R32 after their lead and task fixes (counted deeds joined by 、 a task each, a road's name
                  # and a 以…为统揽 frame lead nothing, townscape/heritage/power/food-tracing remits, 完工…):
                  # 0.842 / 0.903 / 0.889 / 0.703 and 0.918 / 0.973 / 0.955 / 0.696
                  31: {"fact_f1": 0.83, "stance": 0.89, "task_f1": 0.94, "lead_unit": 0.79},
                  32: {"fact_f1": 0.91, "stance": 0.96, "task_f1": 0.97, "lead_unit": 0.77},
                  # R33 after its fixes (a plan's mood along its line, a list's project counts, a period a target is
                  # set for, a meeting's exhortations, a page cut after a whole count, 安商稳商/亿元楼 to 商务局):
                  # 0.976 / 1.000 / 0.850 / 0.791; then (an aim or means clause goes with the work after it, a
                  # verbless count of the same objects and a list's sum join the count, news of a list issued and a
                  # list's make-up are no tasks, firms drawn in → 商务局; a sentence going on in another unit's field
                  # is its own task, a short figureless opening work goes with its measure): 0.976 / 1.000 / 0.987 /
                  # 0.889
                  33: {"fact_f1": 0.95, "stance": 0.97, "task_f1": 0.97, "lead_unit": 0.87},
                  # R34: held out to measure the session's final engine; first seen 0.825 / 0.881 / 0.748 / 0.885;
                  # after fixing (a notice titled 关于印发…的通知 issues a plan, a progress table's header a line wider
                  # than its rows, a project heading goes on under the list's frame, a vision of years and a
                  # positioning are no tasks, 消防大队): 0.937 / 1.000 / 0.920 / 0.882 (of 34)
                  34: {"fact_f1": 0.93, "stance": 0.99, "task_f1": 0.91, "lead_unit": 0.87},
                  # R35: held out (south-west, plan text); first seen 0.678 / 0.720 / 0.738 / 0.911; after fixing (an
                  # item's number on a line of its own opens the line below, a spaced table row under a group title
                  # with figures before its units, 人制 and 单位参与 no facts, 为全州… no indicator, a year after 较/比
                  # a base, 预计投入 plans, “slogan”,即 works plan, 办好“N件”/标志着/概括为 no tasks, 严守 an action,
                  # 住房城乡建委, 口袋公园 → 城管, 公益托管 → 团委, a part's summing-up sentence no task):
                  # 0.977 / 1.000 / 0.916 / 0.931 (of 58)
                  35: {"fact_f1": 0.95, "stance": 0.98, "task_f1": 0.88, "lead_unit": 0.90},
                  # R36: held out, first seen 0.662 / 0.812 / 0.727 / 0.692; fixed: numbered titles over their body,
                  # voltage grades and word tallies no facts, a five-year period over is a review, a work's outcome
                  # and size stay with it, announced goals go on past semicolons, part titles of resolve plan,
                  # progress tallies by state, a bare length named by what is laid, grid/farmland/road leads
                  # (after: 0.918 / 1.000 / 0.973 / 0.766)
                  36: {"fact_f1": 0.88, "stance": 0.97, "task_f1": 0.95, "lead_unit": 0.74},
                  # R37: first seen 0.658 / 0.766 / 0.746 / 0.775; after its fixes (a completion table's rows: targets
                  # restated, results named after them and their column, no tasks; 为全年任务的X%; a ;-list of plans;
                  # a threshold with its conversion; an editor's note; an official's quote; slogan sets; 一支…队伍;
                  # 着力… topics; leads of the aged's benefits, 微短剧, 招引): 0.959 / 0.986 / 0.957 / 0.902 (of 41)
                  37: {"fact_f1": 0.94, "stance": 0.97, "task_f1": 0.94, "lead_unit": 0.88},
                  # R38: held out; first seen 0.905 / 1.000 / 0.911 / 0.759 (of 54); after fixing (a key-work sheet
                  # of label | value | lines, a livelihood list's works named after 具体包括, health promotion /
                  # pumping stations / city parks remits, a manner pledge and a list's coordination no tasks,
                  # 高达/飙至/站上…台阶 name nothing, villages' size class no count, a bare 完成改造 names the work of
                  # the clause before): 0.989 / 1.000 / 1.000 / 0.952 (of 62)
                  38: {"fact_f1": 0.97, "stance": 0.98, "task_f1": 0.97, "lead_unit": 0.93},
                  # R39: first seen at its gold commit 0.839 / 0.852 / 0.759 / 0.632, on the session's final engine
                  # 0.839 / 0.852 / 0.759 / 0.763; after its fixes (a bound on a planned amount plans nothing,
                  # a report's delivery line and index block no tasks, works after 围绕…布局, a promised tally
                  # since a period began): 0.984 / 1.000 / 0.903 / 0.727 (of 44)
                  39: {"fact_f1": 0.97, "stance": 0.98, "task_f1": 0.88, "lead_unit": 0.70},
                  # R40: held out, first seen 0.936 / 1.000 / 0.968 / 0.591; after its fixes (资金等, 回升, 拉动,
                  # 突破…,达, (头、只、匹), 七台河, sets named again to pick parts, 疏解): 1.000 / 1.000 / 1.000 / 0.682
                  40: {"fact_f1": 0.97, "stance": 0.98, "task_f1": 0.95, "lead_unit": 0.65},
                  # R41: first seen = final engine, after fixes: first seen 0.891 / 0.975 / 0.743 / 0.789; after its
                  # fixes (与2019年持平 a baseline, 主要目标,即, a numbered item of two units' works, a lone ◎ title,
                  # 护林员, a count opening a goal clause): 0.891 / 0.975 / 0.867 / 0.845
                  41: {"fact_f1": 0.88, "stance": 0.97, "task_f1": 0.85, "lead_unit": 0.83},
                  # R42, R43: held out all session, first seen by the session's final engine (aac00eb):
                  # R42 0.949 / 0.985 / 0.829 / 0.936, R43 0.932 / 0.976 / 0.725 / 0.882; R43 after a unit bracket
                  # and a file name were screened: tasks 0.744
                  42: {"fact_f1": 0.94, "stance": 0.98, "task_f1": 0.82, "lead_unit": 0.93},
                  43: {"fact_f1": 0.93, "stance": 0.97, "task_f1": 0.74, "lead_unit": 0.88},
                  # R44: first seen 0.784 / 0.841 / 0.293 / 1.000 (of 6); after its fixes (a turn to the year ahead,
                  # a year's programme measured against the last, a set named again to list its parts, 塌目标, a
                  # place's people, listed ordinals, attendance/title/confidence no tasks, 为…良好开局打牢基础):
                  # 1.000 / 1.000 / 0.500 / 0.833 (of 12)
                  44: {"fact_f1": 0.97, "stance": 0.98, "task_f1": 0.45, "lead_unit": 0.75},
                  # R45: first seen 0.800 / 0.900 / 0.602 / 0.738; after its fixes (a meeting's news and frames,
                  # requirements to grasp, a part summed up, project titles, counts of a work joined, a pledge's
                  # quarter): 0.889 / 1.000 / 0.896 / 0.739 (fix45)
                  45: {"fact_f1": 0.87, "stance": 0.98, "task_f1": 0.88, "lead_unit": 0.72},
                  # R46: held out (clean) all session, measured by its final engine: 0.680 / 0.776 / 0.705 / 0.816
                  # (first seen 0.680 / 0.776 / 0.705 / 0.789); not fixed yet
                  46: {"fact_f1": 0.65, "stance": 0.75, "task_f1": 0.68, "lead_unit": 0.78},
                  # R47: held out, measured by the session's final engine: 0.795 / 0.857 / 0.523 / 0.783 (the same as
                  # first seen); then a decimal in words (四十九点五亿美元): 0.807 / 0.859 / 0.523 / 0.783
                  47: {"fact_f1": 0.77, "stance": 0.83, "task_f1": 0.50, "lead_unit": 0.75},
                  # R48: first seen 0.599 / 0.806 / 0.658 (P 0.567, gold with the chair's 要求 works) / 0.750;
                  # after taskprec's fixes (exhortations, areas counted, a total's parts and classes, footers, headings
                  # quoted, counted works of one remit, works behind schedule): 0.599 / 0.806 / 0.880 / 0.732 (of 41)
                  48: {"fact_f1": 0.57, "stance": 0.78, "task_f1": 0.85, "lead_unit": 0.70}}


def accuracy():
    shared_or_skip()
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_corpus_document_has_its_text_its_fact_gold_its_task_gold_and_a_source():
    for doc, meta in MANIFEST.items():
        text = (CORPUS / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        for kind in ("facts", "tasks"):
            for line in (CORPUS / kind / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                assert record["doc"] == doc and record["quote"] in text, (doc, record)
        assert meta["source"] and meta["province"] != "辽宁", doc


@pytest.mark.parametrize("batch", BATCHES)
def test_each_batch_stays_above_the_floor(batch):
    module = accuracy()
    found = module.measure({d: m for d, m in MANIFEST.items() if m["batch"] == batch}, with_date=True)
    # a batch of reviews only (no plan part) has no task gold: its task figures measure nothing
    unmeasured = {"task_f1"} if not found["tasks_gold"] else set()
    unmeasured |= {"lead_unit"} if not found["lead_n"] else set()
    floors = FLOOR_BY_BATCH.get(batch, FLOOR)
    measured = {name: floor for name, floor in floors.items() if name not in unmeasured}
    low = {name: found[name] for name, floor in measured.items() if found[name] < floor}
    assert not low, (batch, low)
