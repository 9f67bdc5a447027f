"""Regions (a tree), units (departments) and people (leaders, stewards)."""

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.db import Base

REGION_KINDS = {
    "city": "市",
    "county": "县(市)",
    "district": "区",
    "zone": "开发区",
    "township": "乡镇(街道)",
}
labels.register("region", label="地区", fields={"name": "地区名称", "kind": "类型", "parent_id": "上级地区"},
                values={"kind": REGION_KINDS})
labels.register("unit", label="单位", fields={"name": "单位名称", "region_id": "所属地区"})
labels.register("person", label="人员", fields={"name": "姓名", "title": "职务", "unit_id": "单位"})


class Region(Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)

    parent: Mapped["Region | None"] = relationship(remote_side=[id])

    @property
    def kind_label(self) -> str:
        return REGION_KINDS.get(self.kind, self.kind)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(80), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)

    unit: Mapped[Unit | None] = relationship()

    @property
    def label(self) -> str:
        return f"{self.name}（{self.title}）" if self.title else self.name
