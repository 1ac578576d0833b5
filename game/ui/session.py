"""One playthrough in progress: choosing, going back, autosaving, and recording progress."""

from __future__ import annotations

from collections.abc import Callable

from game import saves, storage
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
        self._held: float | None = None  # when the play time stopped (a menu is open)
        self._writes_due = False  # an autosave waits for the next frame
        self._progress_due = False  # and so does the progress the last choices changed
        if self._record():
            self.profile.save()

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
        end = self.clock() if self._held is None else self._held
        return self._played_before + end - self._since

    def hold(self) -> None:
        """Stop counting play time (the pause menu or a dialog is open)."""
        if self._held is None:
            self._held = self.clock()

    def resume(self) -> None:
        """Count play time again, leaving out the time held."""
        if self._held is not None:
            self._since += self.clock() - self._held
            self._held = None

    def choose(self, index: int, later: Callable[[Callable[[], None]], None] | None = None) -> None:
        """Take a choice; its disk writes (progress, autosave) happen now, or through `later`
        (the app's queue for after the next frame: the new page is not kept waiting on disks
        that take 20 ms to sync)."""
        self.pt.choose(index)
        self._progress_due = self._record() or self._progress_due
        if later is None:
            self.write_now()
        elif not self._writes_due:
            self._writes_due = True
            later(self.write_now)

    def write_now(self) -> None:
        """The progress and autosave the last choices are owed."""
        self._writes_due = False
        if self._progress_due:
            self._progress_due = False
            self.profile.save()
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
        """Autosave quietly: a full or read-only disk posts one notice and play goes on."""
        storage.write_quietly(self.save, saves.AUTOSAVE)

    def _record(self) -> bool:
        """Note the terms, events and ending met in the profile; True when it changed."""
        if self.test_run:  # a made-up start would count endings and terms nobody reached
            return False
        changed = self.profile.record(self.pt.terms_met(), self.pt.events_witnessed())
        if self.pt.ending is not None:
            self.profile.finish(self.pt.perspective.id, self.pt.ending.id)
            changed = True
        return changed
