"""The task decomposition of a work report (任务分解表) and its keyword → lead-unit table."""
