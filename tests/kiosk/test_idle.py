"""Idle → 'Are you still there?' → reset, on an injected clock; a touch cancels the warning."""

from __future__ import annotations

from game.i18n import _
from game.kiosk.attract import AttractScreen
from game.kiosk.idle import IdleTimer, Phase
from game.kiosk.language import LanguageScreen
from game.kiosk.play import KioskSceneScreen
from game.kiosk.warning import WarningScreen


def test_timer_warns_then_resets():
    timer = IdleTimer(idle_after=90, warn_for=20)
    assert timer.poll(1000) is None  # no visit, nothing to time
    timer.begin(0)
    assert timer.poll(89.9) is None
    assert timer.poll(90) is Phase.WARNING
    assert timer.left(95) == 15
    assert timer.poll(109.9) is None
    assert timer.poll(110) is Phase.ATTRACT
    assert timer.poll(5000) is None


def test_timer_touch_cancels_warning_and_restarts_the_wait():
    timer = IdleTimer(idle_after=90, warn_for=20)
    timer.begin(0)
    assert not timer.touch(50)  # no warning to cancel: just activity
    assert timer.poll(139) is None
    assert timer.poll(140) is Phase.WARNING
    assert timer.touch(150)
    assert timer.phase is Phase.ACTIVE
    assert timer.poll(239) is None
    assert timer.poll(240) is Phase.WARNING


def test_session_cap_counts_down_and_a_touch_does_not_stop_it():
    timer = IdleTimer(idle_after=90, warn_for=20, cap=300)
    timer.begin(0)
    for t in range(0, 300, 60):
        timer.touch(t)
        assert timer.poll(t) is None
    assert timer.poll(300) is Phase.CLOSING
    assert not timer.touch(305)
    assert timer.poll(320) is Phase.ATTRACT


def test_kiosk_resets_an_idle_visit_to_the_attract_screen(kiosk, stats):
    kiosk.start_reading()
    scene = kiosk.screen
    assert isinstance(scene, KioskSceneScreen)
    kiosk.wait(89)
    assert kiosk.screen is scene
    kiosk.wait(1)
    assert isinstance(kiosk.screen, WarningScreen)
    kiosk.wait(10)
    assert kiosk.screen.shown_left == 10  # the countdown shows the seconds left
    kiosk.wait(10)
    assert isinstance(kiosk.screen, AttractScreen)
    assert len(kiosk.app.stack) == 1 and kiosk.app.session is None
    columns, rows = stats.rows("sessions")
    session = dict(zip(columns, rows[0], strict=True))
    assert session["ended"] == "idle" and session["length_seconds"] == 60
    assert stats.rows("walkaways")[1] == [(session["id"], "loom")]


def test_reset_restores_language_and_text_size(kiosk):
    kiosk.tap((600, 600))
    kiosk.tap("Oʻzbekcha")
    assert kiosk.app.language == "uz"
    assert kiosk.screen.back_button.label != "Back"  # the interface speaks Uzbek now
    kiosk.choose_story(0)
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap(kiosk.screen.size_button)
    assert kiosk.app.settings.text_size == "largest"
    kiosk.wait(90)
    kiosk.wait(20)
    assert isinstance(kiosk.screen, AttractScreen)
    assert kiosk.app.language == "en" and kiosk.app.settings.language == "en"
    assert _("Back") == "Back"
    assert kiosk.app.settings.text_size == "large"


def test_a_touch_cancels_the_warning_and_presses_nothing_beneath(kiosk):
    kiosk.start_reading()
    scene = kiosk.screen
    choice = kiosk.button("Go to the mosque where the elders meet")
    kiosk.wait(95)
    assert isinstance(kiosk.screen, WarningScreen)
    kiosk.tap(choice.rect.center)  # where a choice lies under the dimmed page
    assert kiosk.screen is scene
    assert scene.pt.scene.id == "loom"  # the touch only said "still here"
    kiosk.wait(89)
    assert kiosk.screen is scene  # the wait starts over from that touch
    kiosk.wait(1)
    assert isinstance(kiosk.screen, WarningScreen)


def test_the_language_screen_times_out_too(kiosk):
    kiosk.tap((600, 600))
    assert isinstance(kiosk.screen, LanguageScreen)
    kiosk.wait(90)
    kiosk.wait(20)
    assert isinstance(kiosk.screen, AttractScreen)


def test_session_cap_ends_even_an_active_visit(start_kiosk, stats):
    kiosk = start_kiosk(session_cap_seconds=300)
    kiosk.start_reading()
    for _minute in range(5):
        kiosk.wait(60)
        kiosk.tap((5, 900))  # keeps touching: never idle
    assert isinstance(kiosk.screen, WarningScreen) and kiosk.screen.closing
    kiosk.tap((5, 900))
    assert isinstance(kiosk.screen, WarningScreen)  # a touch does not stop the cap
    kiosk.wait(20)
    assert isinstance(kiosk.screen, AttractScreen)
    assert stats.rows("sessions")[1][0][-1] == "cap"


def test_another_perspective_keeps_the_visit_timed(kiosk):
    kiosk.start_reading()
    kiosk.tap("Go to the mosque where the elders meet")
    kiosk.past_note()
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap("Run home with Dilnoza")
    kiosk.wait(30)
    kiosk.tap("Continue")
    kiosk.tap("Choose another perspective")
    assert kiosk.app.idle.phase is Phase.ACTIVE  # found by the soak benchmark
    kiosk.wait(90)
    kiosk.wait(20)
    assert isinstance(kiosk.screen, AttractScreen)


def test_back_to_the_attract_screen_ends_the_visit(kiosk):
    kiosk.tap((600, 600))
    kiosk.tap("Back")
    assert isinstance(kiosk.screen, AttractScreen)
    assert kiosk.app.idle.phase is Phase.ATTRACT


def test_timer_is_exact_at_awkward_times():
    timer = IdleTimer(idle_after=90, warn_for=20)
    start = 1234.1 + 0.7 + 3.3  # a time built of sums, as a clock's readings are
    timer.begin(start)
    assert timer.poll(start + 90) is Phase.WARNING
    assert timer.poll(start + 90 + 20) is Phase.ATTRACT
