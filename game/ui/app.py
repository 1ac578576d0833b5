"""The window and its loop: a stack of screens, an injected clock, and waiting when idle."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    import argparse

    from game.engine.model import Story
    from game.speech import Speaker
    from game.ui.art.picture import Pictures
    from game.ui.reload import LiveReload
    from game.ui.session import Session

from game import profile as profile_store
from game import settings as settings_store
from game import storage
from game.engine import StoryError
from game.i18n import _, use_language
from game.opening import StoryPreview, open_story
from game.paths import default_story_dir, is_checkout
from game.settings import LINE_SPACINGS, Settings
from game.story_i18n import load_story_in
from game.ui import gamepad, keymap
from game.ui.fonts import Fonts, TextCache
from game.ui.kit import DESIGN_SIZE, Kit
from game.ui.narrator import Narrator
from game.ui.notice import NoticeBar
from game.ui.ornament import draw_backdrop, draw_panel, window_icon
from game.ui.screen import Screen
from game.ui.sound import Sounds
from game.ui.textlayout import Layouter
from game.ui.theme import palette

MIN_SIZE = (1024, 600)
MAX_SIZE = (3840, 2160)
FRAME_MS = 16  # while something animates
IDLE_MS = 1000  # otherwise wake rarely; events wake the loop within POLL_NAP
POLL_NAP = 0.005  # seconds between looks at the event queue while waiting
DRAG_SLOP = 12  # design pixels a finger may move and still tap
RESIZE_EVENTS = (pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED)


def default_speaker() -> Speaker:
    """This machine's speech engine (its modules are imported only when it is first needed)."""
    from game.speech import default_speaker as found

    return found()


def clamp_size(size: tuple[int, int]) -> tuple[int, int]:
    return (
        max(MIN_SIZE[0], min(MAX_SIZE[0], int(size[0]))),
        max(MIN_SIZE[1], min(MAX_SIZE[1], int(size[1]))),
    )


class App:
    """Owns the window, settings, profile and session; routes input to the top screen."""

    def __init__(
        self,
        story: Story | StoryPreview,
        size: tuple[int, int] = DESIGN_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        # Work that waits until the first frame is on screen, run in order after it.
        self.after_first_frame: list[Callable[[], None]] = []
        self._after_frame: list[Callable[[], None]] = []  # see later()
        self._preview: StoryPreview | None = None
        self._story: Story | None = None
        if isinstance(story, StoryPreview):
            self._preview = story
            self.after_first_frame.append(self._read_story)
        else:
            self._story = story
        self.clock = clock
        storage.clean_temp_files()  # left by a write a crash or power cut interrupted
        self.notice = NoticeBar()
        self.settings = settings_store.load()
        self.profile = profile_store.load()
        self.session: Session | None = None
        use_language(self.settings.language)
        self.window = pygame.Window(story.title, clamp_size(size), **self.window_options())
        self.window.minimum_size = MIN_SIZE
        self.window.maximum_size = MAX_SIZE
        fonts = Fonts()
        self.kit = Kit(fonts, TextCache(fonts), Layouter(fonts))
        self.stack: list[Screen] = []
        self._callbacks: dict[int, Callable[[Any], None] | None] = {}
        self._backdrops: dict[tuple, pygame.Surface] = {}
        self._finger: dict[int, tuple[float, float, bool]] = {}  # id -> start x, y, dragged
        self.running: bool | None = True  # None once the window is closed
        self.dirty = True
        self.frames = 0
        self.live: LiveReload | None = None  # when the story folder is watched
        self.sound = Sounds()  # silent until _apply gives it the settings' volume
        self.narrator = Narrator(self, default_speaker)  # speaks only with Read aloud on
        self.gamepad = gamepad.Gamepad(self)
        self._apply(self.settings)
        self._sync_size()
        pygame.event.clear()  # nothing from before this window existed is meant for it
        self.push(self.root_screen())
        self.after_first_frame.append(lambda: self.kit.warm(self.settings.language))
        self.after_first_frame.append(lambda: self.window.set_icon(window_icon(palette("default"))))
        self.after_first_frame.append(self.gamepad.start)

    @property
    def story(self) -> Story:
        """The story being played (read now if only its preview was there so far)."""
        if self._story is None:
            self._read_story()
        assert self._story is not None
        return self._story

    @story.setter
    def story(self, story: Story) -> None:
        self._story, self._preview = story, None

    def _read_story(self) -> None:
        """Read the story its preview stood for (the first frame does not wait for it)."""
        if self._preview is not None:
            self._story, self._preview = self._preview.load(), None

    @property
    def story_ready(self) -> bool:
        """Whether the story itself is read (the title's first frame does not wait for it)."""
        return self._story is not None

    @property
    def pictures(self) -> Pictures:
        """The scenes' pictures, kept between pages (a story read again starts afresh)."""
        from game.ui.art.picture import Pictures  # drawn once the story is there, not before

        root = self.story.root
        kept: Pictures | None = getattr(self, "_pictures", None)
        if kept is None or kept.root != root:
            kept = self._pictures = Pictures(root)
        return kept

    @property
    def story_outline(self) -> Story | StoryPreview:
        """The story's id, title and scene ids, without waiting for the story to be read."""
        return self._preview or self.story

    def window_options(self) -> dict[str, bool]:
        """How the window is made (a kiosk's has no frame: it cannot be changed afterwards)."""
        return {"resizable": True}

    def root_screen(self) -> Screen:
        """The bottom of the stack, where home() returns (the kiosk puts its attract screen here)."""
        from game.ui.screens.title import TitleScreen  # screens import the app's types

        return TitleScreen(self)

    # -- the screen stack
    @property
    def screen(self) -> Screen:
        return self.stack[-1]

    def push(self, screen: Screen, on_result: Callable[[Any], None] | None = None) -> None:
        self._callbacks[id(screen)] = on_result
        if self.stack:
            self.stack[-1].on_cover(screen)
        self.stack.append(screen)
        if screen.opening_sound:
            self.sound.play(screen.opening_sound)
        screen.layout()
        self.redraw()

    def pop(self, screen: Screen | None = None, result: Any = None) -> None:
        """Close the top screen (only if it is `screen`, when given) and hand back `result`."""
        if not self.stack or (screen is not None and self.stack[-1] is not screen):
            return
        closed = self.stack.pop()
        callback = self._callbacks.pop(id(closed), None)
        if self.stack:
            self.screen.on_show()
        if callback is not None:
            callback(result)
        self.redraw()

    def switch(self, screen: Screen) -> None:
        """Replace the top screen."""
        if self.stack:
            self._callbacks.pop(id(self.stack.pop()), None)
        self.push(screen)

    def home(self) -> None:
        """Back to the title screen, closing everything above it."""
        del self.stack[1:]
        self._callbacks = {id(self.stack[0]): None}
        self.screen.on_show()
        self.redraw()

    def redraw(self) -> None:
        self.dirty = True

    # -- settings and window
    def change_settings(self, **changes: Any) -> None:
        """Apply and persist new settings; the open screens reflow at once."""
        new = self.settings._replace(**changes)
        self.save_settings(new)
        language = new.language != self.settings.language
        self._apply(new)
        if language:
            self.switch_language(new.language)
        self._relayout()

    def save_settings(self, new: Settings) -> None:
        """Keep the settings for next time (a kiosk keeps them for one visit only)."""
        settings_store.save(new)

    def switch_language(self, language: str) -> None:
        """Interface and story in `language`; the playthrough and every open screen carry over."""
        use_language(language)
        self.story = load_story_in(self.story.root, language)
        self.window.title = self.story.title
        if self.session is not None:
            self.session.retell(self.story)
        fresh = [screen.renewed() for screen in self.stack]  # built with the new strings
        self._callbacks = {id(new): self._callbacks.get(id(old))
                           for old, new in zip(self.stack, fresh, strict=True)}  # fmt: skip
        self.stack[:] = fresh

    def _apply(self, new: Settings) -> None:
        if new.fullscreen != self.settings.fullscreen or new.fullscreen:
            if new.fullscreen:
                self.window.set_fullscreen(desktop=True)
            else:
                self.window.set_windowed()
        self.settings = new
        self.sound.volume = new.volume
        self.kit.palette = palette(new.theme)
        self.kit.text_scale = new.text_scale
        self.kit.reading_font = new.reading_font
        self.kit.layouter.spacing = LINE_SPACINGS[new.line_spacing]
        self._sync_size()

    def _sync_size(self) -> bool:
        size = self.window.get_surface().get_size()
        if size == self.kit.size and self.kit.scale:
            return False
        self.kit.resize(size)
        return True

    def remember_window(self) -> None:
        """Keep the window's size for the next start (not a full screen's)."""
        width, height = self.window.size
        size = (width, height)
        if not self.settings.fullscreen and size != self.settings.window_size:
            self.save_settings(self.settings._replace(window_size=size))

    def resize(self, size: tuple[int, int]) -> None:
        wanted = clamp_size(size)
        if not self.settings.fullscreen and tuple(self.window.size) != wanted:
            self.window.size = wanted
        if self._sync_size():
            self._relayout()

    def _relayout(self) -> None:
        for screen in self.stack:
            screen.layout()
        self.redraw()

    def backdrop(self, panel: pygame.Rect | None = None) -> pygame.Surface:
        """The framed background, with a paper panel when given, drawn once per layout."""
        key = (self.kit.size, self.kit.palette.name, tuple(panel) if panel else None)
        surf = self._backdrops.get(key)
        if surf is None:
            if len(self._backdrops) >= 8:
                self._backdrops.pop(next(iter(self._backdrops)))
            surf = pygame.Surface(
                self.kit.size, 0, self.window.get_surface()
            )  # its format: no convert
            draw_backdrop(surf, self.kit)
            if panel is not None:
                draw_panel(surf, panel, self.kit)
            self._backdrops[key] = surf
        return surf

    # -- the loop
    def run(self) -> int:
        drawing = 0.0  # seconds the last frame took to draw and show
        while self.running:
            animating = self.update()
            if self.dirty:
                start = time.perf_counter()
                self.draw()
                drawing = time.perf_counter() - start
            self._run_after_first_frame()
            # Tick only while the typewriter runs; otherwise wake for input (or once a second),
            # or at once while work waits for after the frame (the next pages, one a turn).
            wait = frame_wait_ms(drawing) if animating else IDLE_MS
            self.handle_all(wait_for_events(0 if self._after_frame else wait))
        return 0

    def pump(self) -> None:
        """Handle every queued event, update and draw once, without waiting (for tests)."""
        self.handle_all(pygame.event.get())
        self.update()
        if self.dirty:
            self.draw()
        self._run_after_first_frame()

    def _run_after_first_frame(self) -> None:
        while self.frames and self.after_first_frame:
            self.after_first_frame.pop(0)()
        self._run_later()

    def later(self, work: Callable[[], None]) -> None:
        """Run `work` (an autosave) once the frame being prepared is on screen, or when the
        window closes before that: a click's new page is drawn before the disk is synced."""
        self._after_frame.append(work)

    def _run_later(self) -> None:
        # Only the work queued before this frame: work it queues waits for the next one.
        work, self._after_frame = self._after_frame, []
        for item in work:
            item()

    def update(self) -> bool:
        if self.live is not None:
            self.live.tick()
        now = self.clock()
        had_notice = self.notice.current
        showing = self.notice.update(now)
        if self.notice.current != had_notice:
            self.dirty = True
        animating = any([screen.update(now) for screen in self.stack[self._first_drawn() :]])
        self.narrator.tick()  # after input and animation: what is on screen now is said
        return animating or showing

    def draw(self) -> None:
        self.compose()
        self.window.flip()  # hands the frame to the system: its cost is the platform's
        self.dirty = False
        self.frames += 1

    def compose(self) -> None:
        """Draw the visible screens into the window's surface, without showing it yet."""
        surf = self.window.get_surface()
        for screen in self.stack[self._first_drawn() :]:
            screen.draw(surf)
        self.notice.draw(surf, self.kit)

    def _first_drawn(self) -> int:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                return i
        return 0

    def quit(self) -> None:
        self.running = False

    def close(self) -> None:
        """Destroy the window (tests open many apps in one process); safe to call twice."""
        self._run_later()  # an autosave owed to the last choice is not lost at the door
        if self.running is not None:
            self.narrator.close()
            self.window.destroy()
            self.kit.fonts.close()  # each holds its file open, even while the app awaits collection
            self.running = None

    # -- input
    def handle_all(self, events: list[pygame.event.Event]) -> None:
        for event in events:
            if not self.running or not self.stack:
                return
            self.handle(event)

    def handle(self, event: pygame.event.Event) -> None:
        kind = event.type
        if getattr(event, "window", self.window) not in (self.window, None):
            return  # for a window that is gone
        if kind == pygame.QUIT:
            self.quit()
        elif kind in RESIZE_EVENTS:
            self.resize(_event_size(event))
        elif kind in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.redraw()
        elif kind == pygame.KEYDOWN:
            self._key(event)
        elif kind in gamepad.EVENTS:
            self.gamepad.handle(event)
        elif kind in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            self._finger_event(event)
        elif getattr(event, "touch", False):
            return  # SDL also turns touches into mouse events; the finger events handle them
        elif kind == pygame.MOUSEMOTION:
            if self.screen.pointer_move(event.pos):
                self.redraw()
        elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.screen.pointer_down(event.pos)
            self.redraw()
        elif kind == pygame.MOUSEBUTTONUP and event.button == 1:
            self.screen.pointer_up(event.pos)
            self.redraw()
        elif kind == pygame.MOUSEWHEEL:
            self.screen.scroll(-int(event.precise_y * self.kit.px(60)))
            self.redraw()

    def _key(self, event: pygame.event.Event) -> None:
        routed = keymap.route(self, event)  # the player's bindings, and the narrator's keys
        if routed is None:
            self.redraw()
        elif routed.key == pygame.K_F11:
            self.change_settings(fullscreen=not self.settings.fullscreen)
        elif routed.key == pygame.K_F5 and self.live is not None:
            self.live.now()
        else:
            self.screen.key(routed)
        self.redraw()

    def _finger_event(self, event: pygame.event.Event) -> None:
        w, h = self.kit.size
        pos = (int(event.x * w), int(event.y * h))
        if event.type == pygame.FINGERDOWN:
            self._finger[event.finger_id] = (pos[0], pos[1], False)
            self.screen.pointer_down(pos)
        elif event.type == pygame.FINGERMOTION:
            x0, y0, dragged = self._finger.get(event.finger_id, (*pos, False))
            if not dragged and abs(pos[1] - y0) + abs(pos[0] - x0) > self.kit.px(DRAG_SLOP):
                dragged = True
                self.screen.pointer_cancel()  # a drag scrolls; it must not also press
            self._finger[event.finger_id] = (x0, y0, dragged)
            if dragged:
                self.screen.scroll(-int(event.dy * h))
        else:
            _, _, dragged = self._finger.pop(event.finger_id, (0, 0, False))
            if not dragged:
                self.screen.pointer_up(pos)
        self.redraw()

    # -- sessions
    def start_session(self, session: Session) -> None:
        """Begin playing `session`: the stack becomes title → scene."""
        self.session = session
        del self.stack[1:]
        self._callbacks = {id(self.stack[0]): None}
        self.push(self.scene_screen())

    def story_failed(self, exc: Exception) -> None:
        """A story error only play could reach (a division by zero, a value grown too large):
        a calm message over the last good page; the reader can choose another way or leave."""
        from game.ui.screens.dialog import MessageDialog

        self.push(MessageDialog(self, _("The story cannot go on this way"),
                                _("Something in this part of the story is broken, so this "
                                  "choice cannot be taken. Please choose another way, or "
                                  "return to the title screen. (Story error: {error})").format(
                                      error=exc)))  # fmt: skip

    def scene_screen(self) -> Screen:
        """The screen that plays the session (the kiosk's drops saving and the pause menu)."""
        from game.ui.screens.scene import SceneScreen

        return SceneScreen(self)


def frame_wait_ms(drawing: float) -> int:
    """The pause before the next animation frame: one frame at 60 Hz, or as long as the last
    frame took to draw and show when that was longer. The typewriter reveals by the clock, so a
    slow display (showing a 4K frame without a graphics card takes 40 ms) gets fewer frames
    instead of a processor kept busy from one frame to the next (measured under Xvfb at 4K:
    70 % of a core at 9 frames/s, against 109 % at 15)."""
    return max(FRAME_MS, round(drawing * 1000))


def wait_for_events(timeout_ms: int) -> list[pygame.event.Event]:
    """The queued events as soon as there are any, or none after `timeout_ms`.

    pygame-ce's event.wait() looks at the queue every millisecond, which keeps 4–5 % of a core
    busy on a page nobody touches; a 5 ms nap between looks costs under 1 % and adds at most
    5 ms before a click is seen, well under one frame.
    """
    deadline = time.perf_counter() + timeout_ms / 1000
    while not (events := pygame.event.get()):
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        time.sleep(min(POLL_NAP, left))
    return events


def _event_size(event: pygame.event.Event) -> tuple[int, int]:
    if event.type == pygame.VIDEORESIZE:
        return event.w, event.h
    return event.x, event.y


def parse_args(argv: list[str]) -> argparse.Namespace:
    import argparse  # only when started with arguments

    from game.progname import program

    parser = argparse.ArgumentParser(prog=f"{program()} play", description="Play the story.")
    parser.add_argument("--story", type=Path, default=None, help="the story folder")
    parser.add_argument("--watch", action=argparse.BooleanOptionalAction, default=None,
                        help="reload the story when its files change, for authors (default: "
                             "on when run from a source checkout, off when installed)")  # fmt: skip
    parser.add_argument(
        "--size",
        type=_size,
        default=None,
        help="window size, e.g. 1600x900 (default: as last left, or 1280x720)",
    )
    parser.add_argument("--scene", metavar="ID", help="test run: start at this scene")
    parser.add_argument("--set", action="append", default=[], metavar="VAR=VALUE",
                        help="test run: start with this value (once per variable)")  # fmt: skip
    parser.add_argument("--perspective", metavar="ID", help="test run: this perspective's start")
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    """'1600x900' → (1600, 900); anything else is refused with a message, not a traceback."""
    import argparse

    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: write it like 1600x900")
    return int(width), int(height)


def main(argv: list[str]) -> int:
    """Open the window and play until the player quits; 1 if the story cannot be loaded or the
    game crashed (the log says why), 2 when there is no display to open a window on."""
    import sys

    from game import playerlog

    args = parse_args(argv) if argv else None
    missing = playerlog.display_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    try:
        return _play(args)
    except Exception as exc:  # any crash: logged, and the player told where to find it
        print(playerlog.crashed(exc), file=sys.stderr)
        return 1


def _play(args: argparse.Namespace | None) -> int:

    root = (args and args.story) or default_story_dir()
    settings = settings_store.load()
    try:
        story = open_story(root, settings.language)
        app = App(story, size=window_size(args.size if args else None, settings.window_size))
    except StoryError as exc:
        print(exc, file=sys.stderr)
        return 1

    def watch() -> None:
        from game.ui.reload import LiveReload  # the watcher is not needed for the first frame

        app.live = LiveReload(app, root)

    if args and (args.scene or args.set or args.perspective):
        problem = start_test_run(app, args)
        if problem:
            print(problem, file=sys.stderr)
            app.close()
            return 2
    if should_watch(args.watch if args else None):
        app.after_first_frame.append(watch)
    app.after_first_frame.append(lambda: log_start(root, app))
    try:
        code = app.run()
        app.remember_window()
        return code
    except StoryError as exc:  # the story changed between its preview and reading it
        print(exc, file=sys.stderr)
        return 1
    finally:
        app.close()
        pygame.quit()


def log_start(root: Path, app: App) -> None:
    """One line in the player's log per start: which story, at which size."""
    from game import playerlog

    playerlog.write(f"started: {root}, {app.kit.size}")


def should_watch(asked: bool | None) -> bool:
    """Live reload is for authors: on when asked, else only when run from a source checkout."""
    return is_checkout() if asked is None else asked


def start_test_run(app: App, args: argparse.Namespace) -> str | None:
    """Play from --scene with --set values, as a test run; the reason when it cannot start."""
    from game.authoring.startat import StartError, start_at
    from game.ui.session import Session

    try:
        pt = start_at(app.story, args.scene, args.set, perspective=args.perspective)
    except StartError as exc:
        return str(exc)
    app.start_session(Session(pt, app.profile, app.clock, test_run=True))
    app.window.title = f"{app.story.title} (test run)"
    return None


def window_size(
    asked: tuple[int, int] | None, remembered: tuple[int, int] | None
) -> tuple[int, int]:
    """--size when given, else the size the window had when the player last quit (never
    larger than the screen it opens on), else the designed size."""
    if asked:
        return asked
    if remembered:
        pygame.display.init()
        desktops = pygame.display.get_desktop_sizes()
        if desktops:
            return min(remembered[0], desktops[0][0]), min(remembered[1], desktops[0][1])
        return remembered
    return DESIGN_SIZE
