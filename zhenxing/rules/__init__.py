"""Rules as data: every kind of rules a city tunes (light thresholds, league schemes, escalation steps,
time limits…) is registered once (`registry.register_kind`), stored as versioned rule sets, validated,
audited when changed, and read with `service.active_rules(session, kind, year)`."""
