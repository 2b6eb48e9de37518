"""Screenplays: parsing Fountain and Final Draft, measuring pages, scenes, breakdown, revisions.

Pure Python. `parse_screenplay(data, filename)` is the entry point for a file's bytes.
"""
