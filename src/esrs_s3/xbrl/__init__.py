"""XBRL stage: check Inline XBRL output against the EFRAG ESRS taxonomy with Arelle, offline."""
