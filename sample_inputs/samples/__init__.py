"""Content of the sample workbooks: one module per fictional company (see make_samples.py)."""
