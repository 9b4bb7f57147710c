"""Rulebooks: versioned regulatory content in `datapoints/<id>/` (ESRS Set 1 is `esrs-2023`)."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from esrs_s3.resources import load_toml, rulebook_folders

DEFAULT_RULEBOOK = "esrs-2023"


class Rulebook(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    legal_act: str
    taxonomy_version: str
    taxonomy_namespace: str
    taxonomy_entry_point: str
    sub_topics: dict[str, tuple[str, ...]]
    other_sub_sub_topic: str

    def fits(self, sub_topic: str, sub_sub_topic: str) -> bool:
        """Whether a sub-sub-topic belongs to a sub-topic (`other` fits every sub-topic)."""
        return sub_sub_topic == self.other_sub_sub_topic or sub_sub_topic in self.sub_topics.get(
            sub_topic, ()
        )

    @property
    def sub_sub_topics(self) -> tuple[str, ...]:
        names = [name for names in self.sub_topics.values() for name in names]
        return (*names, self.other_sub_sub_topic)


def available_rulebooks() -> tuple[str, ...]:
    return tuple(sorted(folder.name for folder in rulebook_folders()))


@cache
def load_rulebook(rulebook_id: str = DEFAULT_RULEBOOK) -> Rulebook:
    meta = load_toml(f"{rulebook_id}/rulebook.toml")
    topics = load_toml(f"{rulebook_id}/topics.toml")
    return Rulebook(
        **meta,
        sub_topics={t["name"]: tuple(t["sub_sub_topics"]) for t in topics["sub_topics"]},
        other_sub_sub_topic=topics["other"],
    )
