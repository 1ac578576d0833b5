"""A kiosk runs for months: visit after visit, in every language, size and window, its count of
open files stays flat."""

from __future__ import annotations

from game.kiosk.attract import AttractScreen
from tests.ui.conftest import no_collector, open_files

LANGUAGES = ("English", "Русский", "Oʻzbekcha")


def visit(kiosk, language: str) -> None:
    """A visitor chooses a language and a story, makes the text larger, and walks away."""
    kiosk.tap((300, 300))
    kiosk.tap(language)
    kiosk.choose_story(0)
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap(kiosk.screen.size_button)
    kiosk.wait(kiosk.app.config.idle_seconds)
    kiosk.wait(kiosk.app.config.warning_seconds)
    assert isinstance(kiosk.screen, AttractScreen)


def test_visits_in_every_language_and_window_keep_the_files_open_flat(start_kiosk):
    kiosk = start_kiosk(size=(1280, 720))
    counts = []
    with no_collector():
        for n in range(24):
            # The display is unplugged and plugged in again, at another resolution.
            kiosk.resize(1280 + 37 * n, 720 + 21 * n)
            visit(kiosk, LANGUAGES[n % 3])
            counts.append(open_files())
    # The first visits open what later ones use (up to the fonts kept); then nothing grows.
    assert max(counts[10:]) <= counts[10], f"the open files grew with the visits: {counts}"
