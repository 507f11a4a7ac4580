"""Stage 7, report: ``Report`` → text.  One registry of output formats (table, JSON, CI
formats), fingerprints, baselines, charts.
"""
