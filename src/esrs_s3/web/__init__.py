"""The local web app of `esrs-s3 serve` (see app.py)."""

from esrs_s3.web.app import create_app

__all__ = ["create_app"]
