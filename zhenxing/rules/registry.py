"""The kinds of rules areas register. Pure: pydantic models or parser functions, no database.

    from zhenxing.rules.registry import register_kind

    class Thresholds(BaseModel):
        yellow_gap: int = Field(10, title="黄灯差距（百分点）", ge=0, le=100)
    register_kind("dispatch.lights", "红黄绿灯阈值", Thresholds,
                  presets={"银川2025": {...}, "三亚2022": {...}}, default="银川2025")

`model` is a pydantic model class, or a function `data -> value` that raises ValueError (or a DomainError)
with a Chinese message for bad data. Presets are named data sets; `default` names the one used until the
office sets rules of its own. Registering the same kind again replaces it (a module reloaded in tests).
Put registrations in `zhenxing/<area>/rule_kinds.py` (imported by `zhenxing.registry.load_all()`), or any
module the app always imports.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from zhenxing.errors import DomainError, NotFound, Rejected
from zhenxing.messages import zh_errors

_KIND = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
DEFAULT_EDITORS = frozenset({"admin", "office"})


@dataclass(frozen=True)
class RuleKind:
    kind: str
    label: str
    model: Any  # a pydantic model class or a parser function
    presets: dict[str, Any]
    default: str
    description: str = ""
    per_year: bool = True
    editors: frozenset[str] = field(default=DEFAULT_EDITORS)

    @property
    def is_model(self) -> bool:
        return isinstance(self.model, type) and issubclass(self.model, BaseModel)

    def validate(self, data: Any) -> Any:
        """The value of the data, or Rejected naming the first bad field (all of them in `details`)."""
        if self.is_model:
            try:
                return self.model.model_validate(data)
            except ValidationError as error:
                details = zh_errors(error, self.model)
                raise Rejected(f"“{self.label}”无效：{details[0]['message']}", field=details[0]["field"],
                               details=details) from error
        try:
            return self.model(data)
        except DomainError as error:
            raise Rejected(f"“{self.label}”无效：{error.message}", field=error.field, details=error.details) \
                from error
        except (ValueError, TypeError, KeyError) as error:
            raise Rejected(f"“{self.label}”无效：{error}", field=getattr(error, "field", None) or None) from error

    def normalize(self, data: Any) -> Any:
        """The data as it will be stored: validated, and for a model its full JSON form (defaults filled)."""
        value = self.validate(data)
        return value.model_dump(mode="json") if self.is_model else data

    def preset_data(self, name: str | None = None) -> Any:
        name = name or self.default
        if name not in self.presets:
            raise NotFound(f"“{self.label}”没有名为“{name}”的预设，可选：{'、'.join(self.presets)}", field="preset")
        return self.presets[name]

    def json_schema(self) -> dict | None:
        return self.model.model_json_schema() if self.is_model else None


_KINDS: dict[str, RuleKind] = {}


def register_kind(kind: str, label: str, model: type[BaseModel] | Callable[[Any], Any], presets: dict[str, Any],
                  default: str, *, description: str = "", per_year: bool = True,
                  editors: set[str] | frozenset[str] = DEFAULT_EDITORS) -> RuleKind:
    """Register a kind of rules; every preset must validate (a programming error otherwise)."""
    if not _KIND.match(kind) or len(kind) > 60:
        raise ValueError(f"rule kind {kind!r} must be dotted lower-case words, at most 60 characters")
    if default not in presets:
        raise ValueError(f"default preset {default!r} of {kind!r} is not among its presets {list(presets)}")
    entry = RuleKind(kind=kind, label=label, model=model, presets=dict(presets), default=default,
                     description=description, per_year=per_year, editors=frozenset(editors))
    for name, data in presets.items():
        try:
            entry.validate(data)
        except Rejected as error:
            raise ValueError(f"preset {name!r} of {kind!r} is invalid: {error.message}") from error
    _KINDS[kind] = entry
    return entry


def get_kind(kind: str) -> RuleKind:
    if kind not in _KINDS:
        raise NotFound(f"没有“{kind}”这类规则", field="kind")
    return _KINDS[kind]


def kinds() -> list[RuleKind]:
    return sorted(_KINDS.values(), key=lambda entry: entry.kind)


def unregister_kind(kind: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(kind, None)


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Nested data as {'steps.0.offset': -1, …}: audit diffs read field by field."""
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list | tuple):
        items = enumerate(data)
    else:
        return {prefix or "value": data}
    flat: dict[str, Any] = {}
    for key, value in items:
        flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    if not flat and prefix:
        flat[prefix] = data
    return flat
