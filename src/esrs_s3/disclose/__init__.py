"""Disclosure: the datapoint catalogue and the composition of the S3 statement from it."""

from esrs_s3.disclose.catalogue import Datapoint, by_id, for_requirement, load_catalogue

__all__ = ["Datapoint", "by_id", "for_requirement", "load_catalogue"]
