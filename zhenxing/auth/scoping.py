"""The scope rule of auth.policy as SQL filters, for lists and exports (one query, not a check per row)."""

from sqlalchemy import Select, or_
from sqlalchemy.orm import InstrumentedAttribute

from zhenxing.auth.policy import Scope


def published(query: Select, scope: Scope, region: InstrumentedAttribute,
              lead_unit: InstrumentedAttribute | None = None) -> Select:
    """Documents, targets, readings a scope reads: what policy.reads_published says, as a WHERE clause."""
    if scope.everything:
        return query
    conditions = [region.is_(None)]
    regions = scope.region_ids | scope.shared_region_ids
    if regions:
        conditions.append(region.in_(sorted(regions)))
    if scope.unit_id is not None and lead_unit is not None:
        conditions.append(lead_unit == scope.unit_id)
    return query.where(or_(*conditions))
