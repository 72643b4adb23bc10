"""Group events: reading `/event ...`, expanding recurrences, reminders, RSVPs and .ics files.

The core is pure (`parse`, `dates`, `phrases`, `timing`, `repeats`, `scan`, `recurrence`,
`reminders`, `ics`, `vtimezone`): callers pass the current time and the zone and get values
back, so those parts can be table-tested. The conversation around them (storage, commands,
buttons, timers) is in the other modules, listed for the composition root in `feature.py`.
"""
