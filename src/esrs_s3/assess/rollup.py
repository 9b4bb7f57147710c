"""Roll-up: a sub-sub-topic or sub-topic is material if any IRO under it is; S3 if any
sub-topic is (ESRS 1 AR 16 matters, from the rulebook)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.rulebook import Rulebook


class TopicResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    sub_topic: str
    sub_sub_topic: str | None  # None for the sub-topic line itself
    iros: tuple[str, ...]
    material_iros: tuple[str, ...]

    @property
    def material(self) -> bool:
        return bool(self.material_iros)


class Rollup(BaseModel):
    model_config = ConfigDict(frozen=True)

    topics: tuple[TopicResult, ...]

    @property
    def s3_material(self) -> bool:
        return any(t.material for t in self.topics if t.sub_sub_topic is None)

    @property
    def material_sub_topics(self) -> tuple[str, ...]:
        return tuple(t.sub_topic for t in self.topics if t.sub_sub_topic is None and t.material)


def roll_up(results: list[tuple[str, str, str, bool]], rulebook: Rulebook) -> Rollup:
    """`results`: (IRO id, sub-topic, sub-sub-topic, material) in register order."""
    topics = []
    for sub_topic, subs in rulebook.sub_topics.items():
        under = [r for r in results if r[1] == sub_topic]
        topics.append(_line(sub_topic, None, under))
        for sub in (*subs, rulebook.other_sub_sub_topic):
            lines = [r for r in under if r[2] == sub]
            if lines or sub in subs:
                topics.append(_line(sub_topic, sub, lines))
    return Rollup(topics=tuple(topics))


def _line(sub_topic: str, sub: str | None, rows: list[tuple[str, str, str, bool]]) -> TopicResult:
    return TopicResult(
        sub_topic=sub_topic,
        sub_sub_topic=sub,
        iros=tuple(r[0] for r in rows),
        material_iros=tuple(r[0] for r in rows if r[3]),
    )
