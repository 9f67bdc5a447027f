"""Look-alike duplicates, as a class: every name or code a person types and others pick from a list refuses a
second spelling of a stored one (width, case, spaces, Kangxi radicals, invisible characters), on every path
that creates or renames it. A new table with a unique text column, or a name/code column, fails
test_every_name_or_code_column_is_guarded_or_exempt until it is guarded (zhenxing.lookalikes.GUARDED, and a
creator below) or listed in EXEMPT with its reason."""

import importlib
import pkgutil

import pytest
from pydantic import ValidationError
from sqlalchemy import String, UniqueConstraint, func, select

import zhenxing
from tests.projects.test_excel import HEADER, workbook_bytes
from zhenxing.appeals import catalogue
from zhenxing.auth import service as accounts
from zhenxing.auth.service import scope_for
from zhenxing.db import Base
from zhenxing.errors import Conflict, Rejected
from zhenxing.lookalikes import GUARDED
from zhenxing.org import service as org
from zhenxing.org.models import Person
from zhenxing.projects import importer
from zhenxing.projects import service as projects
from zhenxing.projects.models import Project
from zhenxing.projects.schemas import ProjectCreate

EXEMPT = {
    "appeal_campaigns.name": "made only by the demo loader: no form or API creates a campaign",
    "appeal_categories.name": "shown beside its code; the code is the category's identity (guarded)",
    "appeal_keyword_dispatches.keyword": "a word matched inside appeal text, not a name anyone picks",
    "appeal_tallies.channel": "a coded value", "appeal_tallies.month": "a period the system computes",
    "appeals.tracking_no": "issued by the system",
    "api_tokens.token_hash": "a hash", "login_sessions.key_hash": "a hash", "open311_clients.key_hash": "a hash",
    "documents.sha256": "a hash",
    "open311_clients.name": "an admin's label for an API client: no one picks a client by it",
    "benchmarks.basis": "coded", "benchmarks.indicator": "a catalogue key", "benchmarks.kind": "coded",
    "benchmarks.level": "coded", "benchmarks.period": "a period",
    "cache_stamps.name": "internal", "job_leases.name": "internal",
    "followup_marks.item_kind": "coded", "followup_marks.step_key": "coded",
    "holidays.name": "a day's name (春节 every year): the date is the holiday's identity",
    "indicator_mappings.written": "exists to map the spellings documents use onto one indicator",
    "keyword_units.keyword": "a word matched inside task text, not a name anyone picks",
    "league_runs.period": "a period", "league_runs.subject_kind": "coded", "league_schemes.subject_kind": "coded",
    "rule_sets.kind": "coded", "rule_sets.name": "a rule set's version label, chosen by the system",
    "readings.basis": "coded", "readings.indicator": "a catalogue key", "readings.kind": "coded",
    "readings.period": "a period",
    "projects.name": "two projects may share a name; the code is the project's identity (guarded)",
    "progress_reports.period": "a period", "project_lights.period": "a period",
    "light_escalations.period": "a period", "task_escalations.ref": "internal",
    "task_escalations.step_key": "coded", "task_reports.period": "a period",
}


def _all_tables() -> list:
    for module in pkgutil.walk_packages(zhenxing.__path__, "zhenxing."):
        if ".migrations" not in module.name and ".extraction" not in module.name:
            importlib.import_module(module.name)
    return Base.metadata.sorted_tables


def name_or_code_columns() -> set[str]:
    """Text columns that are unique (alone or with others), or are a table's name or code."""
    found = set()
    for table in _all_tables():
        unique = [{c.name for c in con.columns} for con in table.constraints if isinstance(con, UniqueConstraint)]
        unique += [{c.name for c in index.columns} for index in table.indexes if index.unique]
        for column in table.columns:
            if isinstance(column.type, String) and (column.unique or column.name in ("name", "code")
                                                    or any(column.name in names for names in unique)):
                found.add(f"{table.name}.{column.name}")
    return found


# ---- one creator per guarded column: (make it from a value) ------------------------------------------------

def _region(session, world, value):
    return org.create_region(session, actor=world.admin, name=value, kind="county", parent_id=world.city.id)


def _unit(session, world, value):
    return org.create_unit(session, actor=world.admin, name=value)


def _person(session, world, value):
    return org.create_person(session, actor=world.admin, name=value, title="科长")


def _user(session, world, value):
    return accounts.create_user(session, name=value, role="office", password="correct-horse-9", actor=world.admin)


def _project(session, world, value):
    data = ProjectCreate(code=value, name="看起来一样的项目", region_id=world.linghai.id)
    return projects.create_project(session=session, actor=world.admin, scope=scope_for(session, world.admin),
                                   data=data)


def _category(session, world, value):
    return catalogue.save_category(session, actor=None, values={"code": value, "name": "看起来一样的分类"})


NAME_TWINS = ("测试木Li", ["测试木ＬＩ", "测试木 li", "测试⽊Li", " 测试木  LI "])  # ⽊ is the Kangxi radical
CREATORS = {
    "regions.name": (_region, NAME_TWINS), "units.name": (_unit, NAME_TWINS),
    "people.name": (_person, NAME_TWINS), "users.name": (_user, NAME_TWINS),
    "projects.code": (_project, ("XM-LA-9", ["xm-la-9", "ＸＭ－ＬＡ－９", "Xm-La-9"])),
    "appeal_categories.code": (_category, ("GAS12", ["gas12", "ＧＡＳ１２", "Gas１2"])),
}
CASES = [(column, twin) for column, (_, (_, twins)) in CREATORS.items() for twin in twins]


def test_every_name_or_code_column_is_guarded_or_exempt():
    columns = name_or_code_columns()
    unaccounted = columns - set(GUARDED) - set(EXEMPT)
    assert not unaccounted, f"guard these against look-alikes (zhenxing.lookalikes) or exempt them: {unaccounted}"
    assert set(GUARDED) <= columns and set(CREATORS) == set(GUARDED)


def test_the_sweep_sees_a_new_name_column():
    assert "people.name" in name_or_code_columns() and "users.name" in name_or_code_columns()


@pytest.mark.parametrize(("column", "twin"), CASES, ids=[f"{c}-{t}" for c, t in CASES])
def test_a_look_alike_of_a_stored_name_or_code_is_refused(session, world, column, twin):
    make, (original, _) = CREATORS[column]
    make(session, world, original)
    session.flush()
    with pytest.raises(Conflict) as refused:
        make(session, world, twin)
    assert refused.value.field in ("name", "code") and original.strip() in refused.value.message


@pytest.mark.parametrize("column", list(CREATORS))
def test_a_zero_width_space_is_refused_naming_the_field(session, world, column):
    make, (original, _) = CREATORS[column]
    with pytest.raises((Rejected, ValidationError), match="不可见字符") as refused:  # projects: by their schema
        make(session, world, original[:2] + "\u200b" + original[2:])
    if isinstance(refused.value, Rejected):
        assert refused.value.field in ("name", "code")
    else:
        assert refused.value.errors()[0]["loc"] == ("code",)


# ---- people: the same name is allowed (two 张伟), a second spelling of it is not, on every path -----------

def test_two_people_may_share_a_name_written_the_same_way(session, world):
    _person(session, world, "张伟")
    org.create_person(session, actor=world.admin, name="张伟", title="副县长")
    assert session.scalar(select(func.count(Person.id)).where(Person.name == "张伟")) == 2


def test_renaming_a_person_to_a_second_spelling_of_another_is_refused(session, world):
    other = _person(session, world, "Li Lei")
    with pytest.raises(Conflict, match="Li Lei"):
        org.update_person(session, actor=world.admin, person_id=world.sponsor.id, name="ＬＩ ＬＥＩ")
    org.update_person(session, actor=world.admin, person_id=other.id, name="Li Lei")  # itself: no twin


def test_a_steward_account_finds_the_person_of_a_look_alike_name(session, world):
    person = _person(session, world, "Zhao Ming")
    user = accounts.create_user(session, name="zhao ming", role="steward", password="correct-horse-9",
                                actor=world.admin)
    assert user.person_id == person.id
    assert org.person_by_name(session, "ZHAO  MING", create=True).id == person.id


def test_an_import_matches_a_look_alike_person_and_creates_none(session, world):
    _person(session, world, "Li Lei")
    session.commit()
    data = workbook_bytes(HEADER + ["包保领导", "项目管家"],
                          ["JZ-LA-1", "新项目一", "凌海市", "ＬＩ ＬＥＩ", "新 管家"],
                          ["JZ-LA-2", "新项目二", "凌海市", "王振国", "新管家"])
    report = importer.import_ledger(session=session, actor=world.office, scope=scope_for(session, world.office),
                                    data=data, filename="台账.xlsx", create_people=True)
    assert report.people_created == ["新 管家"]  # one new person, under the file's first spelling
    spellings = ["Li Lei", "ＬＩ ＬＥＩ", "LI LEI"]
    assert session.scalar(select(func.count(Person.id)).where(Person.name.in_(spellings))) == 1
    stewards = set(session.scalars(select(Project.steward_id).where(Project.code.in_(["JZ-LA-1", "JZ-LA-2"]))))
    assert len(stewards) == 1


def test_an_import_refuses_a_look_alike_of_a_known_project_code(session, world):
    make = _project(session, world, "XM-LA-9")
    session.commit()
    data = workbook_bytes(HEADER, ["xm-la-9", "另一个项目", "凌海市"])
    with pytest.raises(Rejected) as refused:
        importer.import_ledger(session=session, actor=world.office, scope=scope_for(session, world.office),
                               data=data, filename="台账.xlsx")
    [problem] = refused.value.details
    assert problem["column"] == "项目编号" and "XM-LA-9" in problem["message"]
    session.rollback()
    assert session.scalar(select(func.count(Project.id))) == 1 and make.code == "XM-LA-9"


def test_a_file_with_one_code_written_two_ways_is_refused(session, world):
    data = workbook_bytes(HEADER, ["XM-A1", "项目一", "凌海市"], ["ｘｍ－ａ１", "项目二", "凌海市"])
    with pytest.raises(Rejected) as refused:
        importer.import_ledger(session=session, actor=world.office, scope=scope_for(session, world.office),
                               data=data, filename="台账.xlsx")
    assert any("与第 2 行重复" in problem["message"] for problem in refused.value.details)
