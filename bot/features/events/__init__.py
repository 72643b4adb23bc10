"""Group events without I/O: reading `/event ...`, expanding recurrences, reminders and .ics files.

Everything here is pure: callers pass the current time and the zone, and get values back, so
the feature handler (which talks to storage and the chat) stays thin and these parts can be
table-tested.
"""
