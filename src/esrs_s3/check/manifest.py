"""manifest.json: what went in, what came out, with which tool, rulebook and parameters."""

from __future__ import annotations

import hashlib
import json

from esrs_s3 import __version__
from esrs_s3.assess import Assessment
from esrs_s3.rulebook import load_rulebook


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_json(input_name: str, assessment: Assessment, outputs: dict[str, bytes]) -> bytes:
    """Deterministic JSON (sorted keys, no clock): input and output SHA-256, versions, and
    every assessment parameter with its source."""
    rulebook = load_rulebook(assessment.rulebook)
    document = {
        "tool": {"name": "esrs-s3", "version": __version__},
        "rulebook": {
            "id": rulebook.id,
            "legal_act": rulebook.legal_act,
            "taxonomy_entry_point": rulebook.taxonomy_entry_point,
        },
        "input": {"file": input_name, "sha256": assessment.input_sha256},
        "parameters": [
            {"name": p.name, "value": p.value, "default": p.default, "source": p.source}
            for p in assessment.parameters.used
        ],
        "outputs": {
            name: {"sha256": sha256(data), "bytes": len(data)}
            for name, data in sorted(outputs.items())
        },
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
