"""Targets (预期目标), readings (实绩) and the indicator catalogue's local mappings."""
