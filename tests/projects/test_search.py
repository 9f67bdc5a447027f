"""Text search of the ledger goes through an index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) and
finds exactly what a literal substring search finds."""

import random

import pytest
from sqlalchemy import select, text, update

from tests.factories import make_project
from zhenxing.auth.policy import Scope
from zhenxing.projects import service
from zhenxing.projects.models import Project
from zhenxing.search import contains, fts_phrase, like_pattern

OFFICE = Scope(role="office", everything=True)
NAMES = ["国电投风电项目", "中石油储能基地", "华能光伏二期工程", "辽港港口码头扩建项目", "宝武钛材生产线",
         "比亚迪汽车零部件产业园", "京东冷链物流基地", "万达文化旅游城", "正大预制菜技改项目", "中化高端树脂项目",
         "100%达产改造", "a_b 试点工程", "50%_增量项目", 'say "hi" 项目', "ABC数据中心", "abc数据中心二期",
         "Wind Farm 北镇", "风电", "电", "储能储能储能", "锦州-2024-001号"]
COMPANIES = ["国电投（锦州）有限公司", "中石油（锦州）有限公司", "", "ACME Ltd.", "辽宁港口集团", "abc_def 合伙"]


def _fold(value: str) -> str:
    """The letters A–Z match either case; nothing else is folded."""
    return value.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def _expected(rows: list[Project], query: str) -> set[int]:
    """What a literal substring search finds (the filter ignores surrounding spaces, as it always did)."""
    needle = _fold(query.strip())
    return {row.id for row in rows if any(needle in _fold(value) for value in (row.name, row.code, row.company))}


@pytest.fixture
def ledger(session, world):
    rng = random.Random(5)
    rows = [make_project(session, name=name, code=f"JZ-{2020 + i % 5}-{i:03d}", company=rng.choice(COMPANIES))
            for i, name in enumerate(NAMES * 2)]
    session.commit()
    return rows


def _queries(rows: list[Project]) -> list[str]:
    """Substrings of the data of every length from 1 to 6 (Chinese, Latin, digits, punctuation), and
    strings that occur nowhere, or only when % or _ are read as wildcards."""
    rng = random.Random(9)
    found = []
    for _ in range(150):
        value = rng.choice([r.name for r in rows] + [r.code for r in rows] + [r.company for r in rows if r.company])
        size = rng.randint(1, min(6, len(value)))
        start = rng.randint(0, len(value) - size)
        found.append(value[start:start + size])
    specials = ["%", "_", "%_", "100%", "0%达", "a_b", "a%b", "ab", "a_", "_b", "50%_", "%达产", "\\", '"', '"hi"',
                "say \"", "ABC", "abc", "aBc", "wind", "FARM", "2024", "-2024-", "01", "0", "储能储能", "能储",
                "不存在的项目", "zzz", "b 试", " ", "号", "JZ", "jz-2021", "ltd."]
    return found + specials


def test_indexed_search_finds_exactly_what_a_substring_search_finds(session, ledger):
    rows = list(session.scalars(select(Project)))
    for query in _queries(rows):
        listing = service.list_projects(session=session, scope=OFFICE, per_page=200,
                                        filters=service.ProjectFilters(q=query))
        found = {project.id for project in listing.items}
        assert found == _expected(rows, query), f"query {query!r}"
        assert listing.total == len(found), f"summary of query {query!r}"


def test_the_index_follows_edits_and_deletions(session, ledger):
    project = ledger[0]
    session.execute(update(Project).where(Project.id == project.id).values(name="全新的名称XYZ", company="新主体"))
    session.commit()

    def found(query: str) -> set[int]:
        listing = service.list_projects(session=session, scope=OFFICE, filters=service.ProjectFilters(q=query))
        return {p.id for p in listing.items}

    assert project.id in found("全新的名称") and project.id in found("xyz") and project.id in found("新主体")
    assert project.id in found("全新") and project.id in found("yZ") and project.id in found("主体")
    assert project.id not in found("国电投风电") and project.id not in found("电投")
    session.execute(text("DELETE FROM projects WHERE id = :id"), {"id": project.id})
    session.commit()
    assert found("全新的名称") == set() and found("全新") == set()


def test_three_or_more_characters_are_looked_up_in_the_index_on_sqlite(session, ledger):
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("the FTS5 table is SQLite's; PostgreSQL's planner chooses its GIN index by itself")
    for query, indexed in (("风电项", True), ("风电", False)):
        statement = select(Project.id).where(contains(session, query, [Project.name], fts_table="search_projects",
                                                      rowid=Project.id))
        compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert ("search_projects" in plan) == indexed, plan


def test_two_letters_or_digits_are_looked_up_in_the_bigram_index(session, ledger):
    """"风电" gives no trigram: its two-character piece is looked up instead (SQLite: the search_bigrams table;
    PostgreSQL: the GIN index on zx_bigrams, usable when the planner is told to avoid scans)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        session.execute(text("SET LOCAL enable_seqscan = off"))
    for query, indexed in (("风电", True), ("5G", True), ("a_", False), ("电", False)):
        statement = select(Project.id).where(contains(session, query, service.SEARCHED, fts_table="search_projects",
                                                      rowid=Project.id, bigram_table="search_bigrams"))
        compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        if postgres:
            plan = " ".join(session.scalars(text(f"EXPLAIN {compiled}")))
            assert ("search_projects_bigrams" in plan) == indexed, plan
        else:
            plan = " ".join(row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
            assert ("search_bigrams" in plan) == indexed, plan
    session.rollback()


def test_postgres_has_a_trigram_index_on_the_searched_columns(session):
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    definition = session.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_projects_trgm'"))
    assert "gin" in definition and definition.count("gin_trgm_ops") == 3


def test_like_wildcards_and_fts_quotes_are_escaped():
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
    assert fts_phrase('say "hi"') == '"say ""hi"""'


def test_two_character_queries_find_what_a_substring_search_finds_on_a_random_ledger(session, world):
    """Random names, codes and companies over a small alphabet (Chinese, Latin of both cases, digits, signs),
    so that most two-character pieces occur many times; every 2-character query over the alphabet (present or
    not) finds exactly the substring search's rows, through the bigram index or the scan."""
    rng = random.Random(17)
    alphabet = "风电光伏储能华国投Aa Bb5G_%-（）"

    def word(low: int, high: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))

    for number in range(120):
        make_project(session, name=word(2, 12), code=f"R{number}-{word(1, 4)}", company=word(0, 8))
    session.commit()
    rows = list(session.scalars(select(Project)))
    queries = {rng.choice(alphabet) + rng.choice(alphabet) for _ in range(150)}
    assert sum(bool(_expected(rows, q)) for q in queries) > 50
    for query in sorted(queries):
        listing = service.list_projects(session=session, scope=OFFICE, per_page=200,
                                        filters=service.ProjectFilters(q=query))
        assert {p.id for p in listing.items} == _expected(rows, query), f"query {query!r}"
