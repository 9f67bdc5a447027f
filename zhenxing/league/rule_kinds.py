"""League schemes (赛马评分办法) as city-tunable rules: `league.region` and `league.unit`, one version per
change, set per year (last year's league is scored by last year's scheme). The parser checks the scheme
(schemes.parse_scheme) and that every measure it names is registered for its subject kind."""

from collections.abc import Callable
from typing import Any

from zhenxing.league import registry
from zhenxing.league.schemes import PRESETS, SUBJECT_KINDS, Scheme, SchemeError, parse_scheme
from zhenxing.rules.registry import register_kind


def kind_of(subject_kind: str) -> str:
    return f"league.{subject_kind}"


def _parser(subject_kind: str) -> Callable[[Any], Scheme]:
    def parse(data: Any) -> Scheme:
        scheme = parse_scheme(data)
        if scheme.subject_kind != subject_kind:
            raise SchemeError(f"subject_kind 须是 {subject_kind}（{SUBJECT_KINDS[subject_kind]}）", "subject_kind")
        missing = [m.key for m in scheme.measures if registry.get_measure(subject_kind, m.key) is None]
        if missing:
            known = "、".join(m.key for m in registry.measures_for(subject_kind))
            raise SchemeError(f"指标 {'、'.join(missing)} 未注册，可选：{known}", "measures")
        return scheme
    return parse


for _subject, _label in SUBJECT_KINDS.items():
    register_kind(kind_of(_subject), f"{_label}赛马评分办法", _parser(_subject),
                  presets={"默认": PRESETS[_subject]}, default="默认",
                  description=f"{_label}赛马的指标、权重、计分方法（基础分、加减分及上限、名次分档）和分季度侧重；"
                              "按年度设置，往年的排名按往年的办法计分。")
