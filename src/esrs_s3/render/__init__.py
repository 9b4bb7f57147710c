"""Render stage: the statement as Inline XBRL XHTML, its PDF print, and the report package."""
