"""Dates for the buddy programme, in the organisation's time zone.

A pairing that starts at 7pm on 30 March ends at 7pm local time six months later,
whatever the clocks did in between; people see dates as "5 Jan".
"""

from __future__ import annotations

import calendar
from datetime import datetime, time, tzinfo

from bot.scheduling import daily


def add_months(moment: datetime, months: int, zone: tzinfo) -> datetime:
    """The same local time `months` later (the last day of a shorter month if need be)."""
    local = moment.astimezone(zone)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    naive = local.replace(tzinfo=None, year=year, month=month, day=day)
    return naive.replace(tzinfo=zone).astimezone(moment.tzinfo)


def next_local(now: datetime, at: str, zone: tzinfo) -> datetime:
    """The next time the local clock shows `at` ("HH:MM"), strictly after `now`."""
    hour, minute = (int(part) for part in at.split(":"))
    return daily.next_local(now, time(hour, minute), zone)


def day(moment: datetime, zone: tzinfo) -> str:
    """ "5 Jan" in local time."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b}"
