"""Facilitated sessions: welcome and check-in, speaking order, topics, breaks, action points
and attendance. Nothing said in the session is kept: only who came, the check-in totals and
the action points.
"""
