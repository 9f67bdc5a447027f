"""Following items to a deadline: escalation ladders (pure, `ladder.py`) and the record of the steps each
item reached (`service.py`)."""
