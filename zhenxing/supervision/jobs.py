"""The supervision office's scheduled work: reminders and escalations of supervised tasks, every 15 minutes
(one worker acts under the job's lease; also `zhenxing supervise run` from cron)."""

from datetime import timedelta

from zhenxing.scheduler import register_job
from zhenxing.supervision import escalations


def escalate(session, now) -> str:
    return escalations.summary(escalations.run(session, now=now))


register_job("supervision.escalate", timedelta(minutes=15), escalate, label="督查任务提醒与逾期升级")
