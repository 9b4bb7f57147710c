"""Which datapoint of one rulebook answers to which of another: `counterparts.csv` in the later
rulebook's folder, whose first two column headers are the two rulebook ids. A rulebook that
`extends` another shares its catalogue, so each datapoint is its own counterpart."""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel, ConfigDict

from esrs_s3.disclose.catalogue import load_catalogue
from esrs_s3.errors import EsrsS3Error
from esrs_s3.resources import rulebook_dir

RELATIONS = ("kept", "merged", "moved", "partly", "dropped", "outside")
IDENTITY = "same"  # the relation of a datapoint to itself in a rulebook that extends another


class Counterpart(BaseModel):
    """What became of one datapoint of the earlier rulebook in the later one."""

    model_config = ConfigDict(frozen=True)

    ids: tuple[str, ...]  # datapoints of the later rulebook; none when dropped or outside
    relation: str
    note: str = ""


class NoCounterparts(EsrsS3Error):
    """Two rulebooks that no counterparts file relates."""


def counterparts(earlier: str, later: str) -> dict[str, Counterpart]:
    """For each datapoint of `earlier`, its counterpart in `later`."""
    if _same_catalogue(earlier, later):
        return {dp.id: Counterpart(ids=(dp.id,), relation=IDENTITY) for dp in load_catalogue(later)}
    path = rulebook_dir(later) / "counterparts.csv"
    if not path.is_file():
        raise NoCounterparts(f"{later} has no counterparts.csv relating it to {earlier}")
    text = "".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines(True)
        if not line.startswith("#")
    )
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or reader.fieldnames[:2] != [earlier, later]:
        raise NoCounterparts(f"{path} does not relate {earlier} to {later}")
    found = {}
    for row in reader:
        ids = tuple(i.strip() for i in row[later].split(";") if i.strip())
        found[row[earlier]] = Counterpart(ids=ids, relation=row["relation"], note=row["note"])
    _check(found, earlier, later, path)
    return found


def _same_catalogue(earlier: str, later: str) -> bool:
    return {dp.id for dp in load_catalogue(earlier)} == {dp.id for dp in load_catalogue(later)}


def _check(found: dict[str, Counterpart], earlier: str, later: str, path: object) -> None:
    """Every datapoint of `earlier` has a row; rows name datapoints that exist; relations are
    known and a datapoint is dropped exactly when it has no counterpart."""
    old = {dp.id for dp in load_catalogue(earlier)}
    new = {dp.id for dp in load_catalogue(later)}
    problems = [f"no row for {i}" for i in sorted(old - set(found))]
    problems += [f"{i} is no datapoint of {earlier}" for i in sorted(set(found) - old)]
    for old_id, part in found.items():
        problems += [f"{old_id}: {i} is no datapoint of {later}" for i in part.ids if i not in new]
        if part.relation not in RELATIONS:
            problems.append(f"{old_id}: unknown relation {part.relation!r}")
        elif (part.relation in ("dropped", "outside")) != (not part.ids):
            problems.append(f"{old_id}: {part.relation} with counterparts {list(part.ids)}")
    if problems:
        raise NoCounterparts(f"{path}: " + "; ".join(problems[:5]))


def origins(found: dict[str, Counterpart]) -> dict[str, tuple[str, ...]]:
    """For each datapoint of the later rulebook, the earlier ones it answers to."""
    out: dict[str, list[str]] = {}
    for old_id, part in found.items():
        for new_id in part.ids:
            out.setdefault(new_id, []).append(old_id)
    return {k: tuple(v) for k, v in out.items()}
