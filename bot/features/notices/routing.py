"""The notices feature's one Router, shared by its modules (kept apart to avoid import cycles)."""

from __future__ import annotations

from bot.features.notices.texts import NoticeReportTexts, NoticeTexts
from bot.router import Router

FLOW = "notices.compose"
STEP_BUTTON = "ntq"  # answers to a question in the flow: ntq:<step>:<value>
PREVIEW_BUTTON = "ntp"  # the preview's buttons: ntp:<action>:<token>
ACK_BUTTON = "nack"  # "I've read this": nack:<notice id>
SEND_JOB = "notices.send"
NOTICE_KIND = "notice"  # outbox kind of the notice itself
TOLD_KIND = "notice_told"  # outbox kind of "your notice has gone out"

router = Router("notices")
router.texts(NoticeTexts, NoticeReportTexts)
