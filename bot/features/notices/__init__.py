"""Staff notices: written privately, previewed, checked for identifying details, sent once.

`feature.router` is what the composition root lists.
"""
