"""The admin's holiday table: days that differ from the official calendar library (years it does not know
yet, local holidays), read by every working-day computation through `service.work_calendar(session)`."""
