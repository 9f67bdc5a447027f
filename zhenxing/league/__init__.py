"""League tables (赛马): ranking regions (县区、开发区) or units (部门) on the same measures, period by period.

Shared by every area that ranks: dispatch (project measures), supervision (unit scores), appeals (12345
on-time and satisfaction rates). One engine, one registry; areas add measures, not rankings.

- `schemes.py` (pure): a scheme is data — measures with weights and a scoring method (share of the best,
  rank points, base score at a target with capped bonuses and deductions, points per count), rank bands,
  bounds, and quarterly emphasis multipliers. `parse_scheme(dict) -> Scheme` validates it (Chinese
  messages naming the field); `preset('region'|'unit')` gives the shipped schemes, built from published
  practice (shared/practice B3). Schemes are versioned by year: last year's league keeps last year's rules.
- `engine.py` (pure): `score(scheme, values=…, subjects=…, quarter=…, previous=…)` → standings with total,
  competition rank, movement (↑2 / ↓1 / — / 新), first/last flags and, per measure, value, rank, points and
  how the points came about. Same inputs, same output: a stored (scheme, values) pair reproduces a past league.
- `registry.py`: `register_measure(key, label, subject_kind, func)` where
  `func(session, period 'YYYY-MM', subject_ids) -> {subject_id: value | None}`; list the registering module
  in `registry.MEASURE_MODULES` so it is loaded before a league is computed.
"""
