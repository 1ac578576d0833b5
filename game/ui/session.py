"""One playthrough in progress: choosing, going back, autosaving, and recording progress."""

from __future__ import annotations

from collections.abc import Callable

from game import saves
from game.engine.model import Story
from game.engine.runtime import Playthrough
from game.profile import Profile


class Session:
    """Wraps a Playthrough with the bookkeeping every move needs; knows no pygame."""

    def __init__(
        self,
        pt: Playthrough,
        profile: Profile,
        clock: Callable[[], float],
        played: float = 0.0,
        test_run: bool = False,
    ) -> None:
        self.pt = pt
        self.test_run = test_run  # an author's run from the middle: saves and records nothing
        self.profile = profile
        self.clock = clock
        self._played_before = played
        self._since = clock()
        self._record()

    @classmethod
    def start(cls, story: Story, perspective: str, profile: Profile, clock) -> Session:
        session = cls(Playthrough.start(story, perspective), profile, clock)
        session.autosave()
        return session

    @classmethod
    def load(cls, story: Story, slot: str, profile: Profile, clock) -> Session:
        """Restore a slot; SaveError (from game.engine) says why it cannot be."""
        pt, played = saves.read(slot, story)
        return cls(pt, profile, clock, played)

    @property
    def played(self) -> float:
        """Seconds played in this game, across sessions."""
        return self._played_before + self.clock() - self._since

    def choose(self, index: int) -> None:
        self.pt.choose(index)
        self._record()
        self.autosave()

    def undo(self, turn: int) -> None:
        self.pt.undo(turn)
        self.autosave()

    def retell(self, story: Story) -> None:
        """Go on with the same playthrough in another copy of the story (another language)."""
        self.pt = Playthrough.from_json(story, self.pt.to_json())

    def save(self, slot: str) -> None:
        if not self.test_run:
            saves.write(slot, self.pt, self.played)

    def autosave(self) -> None:
        self.save(saves.AUTOSAVE)

    def _record(self) -> None:
        if self.test_run:  # a made-up start would count endings and terms nobody reached
            return
        changed = self.profile.record(self.pt.terms_met(), self.pt.events_witnessed())
        if self.pt.ending is not None:
            self.profile.finish(self.pt.perspective.id, self.pt.ending.id)
            changed = True
        if changed:
            self.profile.save()
