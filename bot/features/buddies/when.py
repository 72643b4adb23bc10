"""Dates for the buddy programme, in the organisation's time zone.

A pairing that starts at 7pm on 30 March ends at 7pm local time six months later,
whatever the clocks did in between; people see dates as "5 Jan".
"""

from __future__ import annotations

import calendar
from datetime import datetime, time, timedelta, tzinfo


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
    local = now.astimezone(zone)
    candidate = datetime.combine(local.date(), time(hour, minute), tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), time(hour, minute), zone)
    return candidate.astimezone(now.tzinfo)


def day(moment: datetime, zone: tzinfo) -> str:
    """ "5 Jan" in local time."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b}"
