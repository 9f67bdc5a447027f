"""A kind of rules of the tests' own, registered for each test and removed after."""

import pytest
from pydantic import BaseModel, ConfigDict, Field, model_validator

from zhenxing.followup.ladder import Step
from zhenxing.rules import registry


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    yellow_gap: int = Field(10, title="黄灯差距（百分点）", ge=0, le=100)
    red_gap: int = Field(30, title="红灯差距（百分点）", ge=0, le=100)
    steps: list[Step] = Field(default_factory=list, title="升级步骤", max_length=5)

    @model_validator(mode="after")
    def _red_after_yellow(self) -> "Thresholds":
        if self.red_gap <= self.yellow_gap:
            raise ValueError("红灯差距应大于黄灯差距")
        return self


PRESETS = {"银川2025": {"yellow_gap": 10, "red_gap": 30}, "三亚2022": {"yellow_gap": 0, "red_gap": 50}}


@pytest.fixture
def kind():
    entry = registry.register_kind("test.lights", "测试灯阈值", Thresholds, PRESETS, "银川2025",
                                   description="测试用")
    yield entry
    registry.unregister_kind("test.lights")
