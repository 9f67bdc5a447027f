"""What the target API and pages share: bounded parameter types and a target with its tracking as a
response model."""

from decimal import Decimal
from typing import Annotated

from fastapi import Path, Query, UploadFile
from sqlalchemy.orm import Session

from zhenxing.supervision.files import clean_name
from zhenxing.targets.models import Target
from zhenxing.targets.schemas import TargetRead, TrackingRead
from zhenxing.targets.tracking import Tracking, goal_of, track

ID = Path(ge=1, lt=2**63)
OptId = Annotated[int | None, Query(ge=1, lt=2**63)]
Year = Annotated[int | None, Query(ge=2000, le=2100)]
Short = Annotated[str | None, Query(max_length=100)]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def tracking_model(tracking: Tracking) -> TrackingRead:
    judgement = tracking.judgement
    return TrackingRead(
        state=tracking.state, state_label=tracking.state_label, status=tracking.status,
        status_label=tracking.status_label, colour=tracking.colour, latest_month=tracking.latest_month,
        latest=_float(tracking.latest), progress=_float(judgement.progress) if judgement else None,
        expected_share=_float(judgement.expected_share) if judgement else None, gap=tracking.gap,
        beats=tracking.beats)


def target_models(session: Session, targets: list[Target]) -> list[TargetRead]:
    tracked = track(session, targets)
    models = []
    for target in targets:
        tracking = tracked[target.id]
        models.append(TargetRead.model_validate({
            **{key: getattr(target, key) for key in ("id", "indicator", "written", "value", "unit", "kind",
                                                    "comparator", "region", "document_id", "quote", "year",
                                                    "lead_unit", "start_value", "profile")},
            "path": goal_of(target).path, "status": tracking.status, "tracking": tracking_model(tracking)}))
    return models


def upload_name(file: UploadFile) -> str:
    return clean_name(file.filename or "") or "上传文件.xlsx"
