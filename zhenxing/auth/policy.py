"""Roles and scopes: who may read and edit which records. Pure rules, no database."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

ROLES = {
    "admin": "系统管理员",
    "office": "项目办",
    "leader": "市领导",
    "unit": "县区/部门",
    "steward": "项目管家",
    "supervisor": "督查室",
    "hotline": "12345热线中心",
}
EDITORS = {"admin", "office", "unit", "steward"}


def user_label(login: str, role: str, person: str = "", unit: str = "") -> str:
    """How a user is named to other staff (timelines, histories): the person and where they work, else the
    unit or role with the login that tells two accounts of one unit apart (张三（市发展改革委）,
    12345热线中心（hotline）)."""
    where = unit or ROLES.get(role, role)
    return f"{person}（{where}）" if person else f"{where}（{login}）"
CAN_REWIND = {"admin", "office"}


@dataclass(frozen=True)
class Scope:
    """What a user can see: everything, or the records of some regions, a unit or a steward.
    `region_ids` is the user's region with every region below it; `shared_region_ids` are the regions above
    it (for a unit or steward without a region: the top of the tree, the city), whose records are city-wide."""

    role: str
    everything: bool = False
    region_ids: frozenset[int] = field(default_factory=frozenset)
    unit_id: int | None = None
    person_id: int | None = None
    shared_region_ids: frozenset[int] = field(default_factory=frozenset)


def covers(scope: Scope, *, region_id: int | None, lead_unit_id: int | None, steward_id: int | None) -> bool:
    """Whether a record with these owners lies within the scope."""
    if scope.everything:
        return True
    if scope.role == "steward":
        return steward_id is not None and steward_id == scope.person_id
    if scope.unit_id is not None and lead_unit_id == scope.unit_id:
        return True
    return region_id is not None and region_id in scope.region_ids


# ---- THE SCOPE RULE ------------------------------------------------------------------------------------
# Who reads which record, for every kind of record (the route-scope test, tests/test_route_scope.py, checks
# every route against it):
#
# * admin, office (项目办), leader (市领导), supervisor (督查室), hotline (12345): the whole city.
# * projects (the ledger): a county/district user reads its region and the regions below it; a unit user the
#   projects its unit leads; a steward (项目管家) the projects it serves. `covers()`.
# * documents, targets and readings (published plans and figures): a county/unit user reads its own region's
#   and sub-regions' records, its unit's targets, and the city-wide ones — those with no region or a region
#   above its own (the city's work report, the city's targets and statistics). `reads_published()`.
#   Another county's report, targets and figures stay with that county.
# * tasks (work assigned to units): only the task's lead unit, its partner units, and the county whose own
#   task it is — narrower than published figures, since a task is an assignment, not a publication (the city
#   work report a task comes from is a city-wide document everybody reads). `task_relation()`.
# * appeals: the centre and the handling unit in full, the county, partners and the filing steward masked.
#   `appeal_actor()`, `appeal_view()`.
# * the review queue, imports and lookup tables, and correcting or withdrawing (撤回) a document: the roles
#   that may manage (`can_manage`), all of which read the whole city (checked by tests/auth/test_policy.py).
# * A refusal (403) never names the refused record (no code, no title), and a conflict on a unique code
#   outside the user's scope reads like any other unavailable code.


def reads_published(scope: Scope, *, region_id: int | None, lead_unit_id: int | None = None) -> bool:
    """Whether the user reads a document, target or reading with this region (and lead unit)."""
    if scope.everything or region_id is None:
        return True
    if region_id in scope.region_ids or region_id in scope.shared_region_ids:
        return True
    return scope.unit_id is not None and lead_unit_id == scope.unit_id


def can_edit(role: str) -> bool:
    return role in EDITORS


def can_create(role: str) -> bool:
    return role in {"admin", "office", "unit"}


def can_rewind_stage(role: str) -> bool:
    return role in CAN_REWIND


def can_manage(role: str) -> bool:
    """Import, edit lookup tables, review drafts: the office's work."""
    return role in {"admin", "office"}


def can_review_on_site(role: str) -> bool:
    """Score a stop of a field review (拉练), attach its photos and problems, vote on a 观摩 tour: the office
    and the leaders on the tour."""
    return role in {"admin", "office", "leader"}


def can_supervise(role: str) -> bool:
    """Follow the work report: enter readings and benchmarks, edit supervised tasks, decide 销号, run
    escalations, tune the supervision rules. The 督查室's work; the 项目办 may do it where one office
    does both (many counties), the admin as ever."""
    return role in {"admin", "office", "supervisor"}


def task_relation(scope: Scope, *, lead_unit_id: int | None, partner_unit_ids: frozenset[int] | set[int],
                  region_id: int | None) -> str | None:
    """How a user stands to a supervised task: 'all' (reads every task: office, 督查室, leader, admin),
    'lead' (its lead unit, or the county whose own task it is), 'partner' (a partner unit), or None."""
    if scope.everything:
        return "all"
    if scope.role != "unit":
        return None
    if scope.unit_id is not None and scope.unit_id == lead_unit_id:
        return "lead"
    if scope.unit_id is not None and scope.unit_id in partner_unit_ids:
        return "partner"
    if region_id is not None and region_id in scope.region_ids:
        return "lead"
    return None


def can_report_task(relation: str | None) -> bool:
    """The lead unit files the month's report; partners add their part."""
    return relation in ("lead", "partner")


def can_request_closure(relation: str | None) -> bool:
    """Only the lead unit asks for 销号."""
    return relation == "lead"


def can_edit_rules(role: str | None, editors: frozenset[str] | set[str] = frozenset({"admin", "office"})) -> bool:
    """Change a kind of rules (thresholds, schemes, time limits): the roles the kind names (by default the
    office and admins); everybody who is logged in may read them."""
    return role is not None and role in editors


def can_manage_holidays(role: str | None) -> bool:
    """Enter the holiday and make-up-day table: admins, and the office that runs the calendar-bound work."""
    return role in {"admin", "office"}


def can_read_audit(role: str) -> bool:
    """The whole audit trail (/audit): the admin, the office and city leaders."""
    return role in {"admin", "office", "leader"}


def can_manage_accounts(role: str) -> bool:
    """Add users, change their role, scope and password, (de)activate them: the admin's work only."""
    return role == "admin"


def is_centre(role: str) -> bool:
    """The 12345 centre: takes in, dispatches, arbitrates returns and extensions, closes appeals."""
    return role in {"admin", "hotline"}


def can_file_appeal(role: str) -> bool:
    """Who may enter an appeal for someone: the centre's agents and a 项目管家 for the firm they serve."""
    return is_centre(role) or role == "steward"


def appeal_actor(scope: Scope, *, handler_unit_id: int | None, handler_region_id: int | None) -> str:
    """The part a user plays on one appeal: 'centre', 'unit' (the handling unit, or the county/district
    that took it by default), or 'other' (anyone else: leaders, other units, stewards)."""
    if is_centre(scope.role):
        return "centre"
    if scope.role != "unit":
        return "other"
    if handler_unit_id is not None and handler_unit_id == scope.unit_id:
        return "unit"
    if handler_unit_id is None and handler_region_id is not None and handler_region_id in scope.region_ids:
        return "unit"
    return "other"


def appeal_view(scope: Scope, *, actor: str, region_id: int | None, partner_unit_ids: frozenset[int],
                filed_by_person_id: int | None) -> str | None:
    """How a user may see one appeal: 'full' (the centre and the handling unit), 'masked' (everybody else
    who may read it: leaders and the office, the county it lies in, partner units, the steward who
    filed it), or None (not at all)."""
    if actor in {"centre", "unit"}:
        return "full"
    if scope.everything:
        return "masked"
    if scope.role == "steward":
        return "masked" if filed_by_person_id is not None and filed_by_person_id == scope.person_id else None
    if scope.unit_id is not None and scope.unit_id in partner_unit_ids:
        return "masked"
    if region_id is not None and region_id in scope.region_ids:
        return "masked"
    return None


def can_manage_org(role: str) -> bool:
    """Add and rename regions, units and people."""
    return can_manage(role)


@dataclass(frozen=True)
class Limit:
    """At most `attempts` login attempts per `window`; past it, refused for `lock` (from the attempt that
    reached the limit). Attempts while locked are refused unchecked and do not extend the lock."""

    attempts: int
    window: timedelta
    lock: timedelta


# Per (name, client address): a known user can't be locked out by somebody guessing from elsewhere.
ACCOUNT_LIMIT = Limit(attempts=5, window=timedelta(minutes=15), lock=timedelta(minutes=15))
# Per client address, whatever the name: bounds guessing across names (and the audit rows anonymous clients
# write). Higher, because a government intranet often reaches the server through one proxy address.
ADDRESS_LIMIT = Limit(attempts=30, window=timedelta(minutes=15), lock=timedelta(minutes=15))
LOCKOUT_FAILURES = ACCOUNT_LIMIT.attempts  # the figure the messages quote
LOCKOUT_WINDOW = ACCOUNT_LIMIT.window


@dataclass(frozen=True)
class Counter:
    """Where one login counter stands: attempts in the window that began at window_start, and a lock."""

    attempts: int = 0
    window_start: datetime | None = None
    locked_until: datetime | None = None


def take_attempt(counter: Counter, limit: Limit, now: datetime) -> tuple[Counter, bool]:
    """Reserve one attempt before the password is checked: (the counter after it, whether it may be checked).
    The attempt that reaches the limit is still checked and starts the lock; later ones are refused."""
    if counter.locked_until is not None and now < counter.locked_until:
        return counter, False
    if counter.window_start is None or now - counter.window_start >= limit.window or counter.locked_until:
        counter = Counter(0, now, None)
    attempts = counter.attempts + 1
    locked = now + limit.lock if attempts >= limit.attempts else None
    return Counter(attempts, counter.window_start, locked), True


def give_back(counter: Counter, limit: Limit, *, reset: bool) -> Counter:
    """After a successful login: the (name, address) counter starts again (reset); the address's counter only
    returns the one attempt that succeeded, so logging into one's own account can't clear a guesser's count."""
    if reset:
        return Counter()
    attempts = max(counter.attempts - 1, 0)
    if counter.locked_until is not None and attempts < limit.attempts:
        return Counter(attempts, counter.window_start, None)
    return Counter(attempts, counter.window_start, counter.locked_until)


@dataclass(frozen=True)
class SessionTimeouts:
    """A login ends after `idle` without a request, and `absolute` after it began, whichever comes first."""

    idle: timedelta = timedelta(hours=1)
    absolute: timedelta = timedelta(hours=8)


def session_alive(*, created_at: datetime, last_seen_at: datetime, revoked_at: datetime | None, now: datetime,
                  timeouts: SessionTimeouts) -> bool:
    """Whether a login still holds: not revoked (logout, password change, reset, deactivation), not idle
    too long, not older than the absolute limit."""
    return (revoked_at is None and now - last_seen_at < timeouts.idle
            and now - created_at < timeouts.absolute)
