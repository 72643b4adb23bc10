"""Evaluation reports for an organisation: anonymous figures as an HTML page and a CSV file.

`gather` reads the figures (one pure query module per section), `privacy` keeps small
groups to the totals, `make_files` renders charts, HTML and CSV. The command line
(`carebot report`) and staff's private `/report` share all of it.
"""
