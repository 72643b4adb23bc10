"""Buddy programme: pair new carers with experienced mentors.

Pure parts only (no storage, no chat): ``profiles`` holds what people tell us and
parses their words, ``matching`` scores pairs and solves the whole waiting list at
once, ``reasons`` turns the why of a pair into plain words, ``gaps`` tells staff
where mentors are missing.
"""
