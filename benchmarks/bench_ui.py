"""Speed of the desktop player: start-up, page layout, illustrations, frame time, idle CPU.

Run: .venv/bin/python benchmarks/bench_ui.py [--story DIR]. Prints figures and ratios; asserts nothing.
Without a display it uses SDL's dummy driver; for a real X11 window on a headless machine run it
under Xvfb: xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/bench_ui.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1920, 1080)

# Each child prints the moment its first frame is on screen (perf_counter is the system's
# monotonic clock, shared by every process); the parent took the moment it started it.
FLOOR = """
import time
import pygame
pygame.display.init()
window = pygame.Window("floor", (1280, 720))
window.get_surface().fill((240, 230, 210))
window.flip()
print(time.perf_counter())
"""

# The real entry point, `python -m game --story DIR`: the moment its first frame is drawn, and
# the moment the story itself is read (after that frame), when it stops.
COLD_START = """
import time
import pygame
from game.ui import app
draw, read = app.App.draw, app.App._read_story
def first_frame(self):
    draw(self)
    if self.frames == 1:
        print(time.perf_counter())
        pygame.event.post(pygame.event.Event(pygame.QUIT))
def story_read(self):  # queued right after the title frame, before the fonts are warmed
    read(self)
    print(time.perf_counter())
app.App.draw, app.App._read_story = first_frame, story_read
from game.cli import main
main({argv!r})
"""

IDLE = """
import time, pygame
from pathlib import Path
from game.engine import load_story
from game.ui.app import App
from game.ui.session import Session
app = App(load_story(Path({story!r})), size=(1920, 1080))
app.change_settings(text_speed="instant")
app.start_session(Session.start(app.story, app.story.perspectives[0].id, app.profile, app.clock))
app.pump()
pygame.time.set_timer(pygame.QUIT, {ms}, loops=1)
cpu, wall = time.process_time(), time.perf_counter()
app.run()
print(time.process_time() - cpu, time.perf_counter() - wall)
"""


IDLE_FLOOR = """
import time, pygame
pygame.display.init()
window = pygame.Window("floor", (1920, 1080))
pygame.time.set_timer(pygame.QUIT, {ms}, loops=1)
cpu, wall = time.process_time(), time.perf_counter()
while pygame.event.wait(1000).type != pygame.QUIT:
    pass
print(time.process_time() - cpu, time.perf_counter() - wall)
"""


def env(data_dir: str) -> dict[str, str]:
    # XDG_DATA_HOME rather than VOT_DATA_DIR: the start-up takes the same path as a player's.
    out = dict(os.environ, XDG_DATA_HOME=data_dir, PYTHONPATH=str(ROOT))
    out.pop("VOT_DATA_DIR", None)
    # A player's Python keeps compiled bytecode (pip writes it at install); a sandbox that
    # forbids it would time the compiler, not the game.
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    if not out.get("DISPLAY") and not out.get("WAYLAND_DISPLAY"):
        out.setdefault("SDL_VIDEODRIVER", "dummy")
    out.setdefault("SDL_AUDIODRIVER", "dummy")
    return out


def run_timed(code: str, environ: dict[str, str]) -> list[float]:
    """Seconds from starting Python to each moment it prints (its first frame on screen, …)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, env=environ, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    return [float(line) - start for line in out.stdout.splitlines() if _is_number(line)]


def _is_number(line: str) -> bool:
    try:
        float(line)
    except ValueError:
        return False  # pygame's banner, or anything else printed
    return True


def start_up(story: Path, environ: dict[str, str], runs: int) -> tuple[float, float, float]:
    """Medians of the floor, the title frame and the title frame with the story read."""
    floors, starts, reads = [], [], []
    # With no arguments exactly as a player starts it; a story elsewhere is named with --story.
    argv = [] if story == ROOT / "story" else ["play", "--story", str(story)]
    cold_start = COLD_START.format(argv=argv)
    run_timed(cold_start, environ)  # bytecode and the story cache
    for _ in range(runs):  # interleaved, so both see the same machine state
        floors.append(run_timed(FLOOR, environ)[-1])
        moments = run_timed(cold_start, environ)  # one only when there was no preview
        first, read = moments[0], moments[-1]
        starts.append(first)
        reads.append(read)
    return statistics.median(floors), statistics.median(starts), statistics.median(reads)


def idle_cpu(code: str, environ: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", code], check=True, env=environ, cwd=ROOT,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    cpu, wall = float(out[-2]), float(out[-1])
    return cpu / wall


def in_process(story_dir: Path) -> tuple[list[float], list[float], list[float]]:
    """Page layout times over many scenes, and a static scene's frame: drawing it, and
    presenting it (window.flip: the same for any pygame program of that size), at 1920×1080."""
    from game.engine import load_story
    from game.engine.runtime import Playthrough
    from game.ui.app import App
    from game.ui.screens.scene import paragraph_blocks
    from game.ui.session import Session

    story = load_story(story_dir)
    app = App(story, size=SIZE)
    app.change_settings(text_speed="instant")
    app.pump()  # the title frame, and what follows it, come before any page
    kit = app.kit
    layouts = []
    width = kit.measure()
    for perspective in story.perspectives:
        pt = Playthrough.start(story, perspective.id, seed=1)
        for _ in range(40):
            blocks = paragraph_blocks(pt.paragraphs(), kit)
            kit.layouter.clear()
            start = time.perf_counter()
            page = kit.layouter.page(blocks, width, kit.palette.paper)
            page.surface  # noqa: B018 - the first render is part of a new page
            layouts.append(time.perf_counter() - start)
            if pt.is_over or not pt.choices():
                break
            pt.choose(0)
    session = Session.start(story, story.perspectives[0].id, app.profile, app.clock)
    app.start_session(session)
    app.pump()
    frames, flips = [], []
    for _ in range(300):
        app.redraw()
        start = time.perf_counter()
        app.compose()
        middle = time.perf_counter()
        app.window.flip()
        frames.append(middle - start)
        flips.append(time.perf_counter() - middle)
    app.close()
    return layouts, frames, flips


def illustrations(story_dir: Path) -> tuple[list[float], list[float]]:
    """A new picture's first draw at the size the scene's column has at 1920×1080, and a new
    page (layout and whole frame) whose picture is already in the cache."""
    from game.engine import load_story
    from game.engine.model import PLACE_KINDS
    from game.engine.runtime import Playthrough
    from game.ui.app import App
    from game.ui.art.look import Look, look_of
    from game.ui.art.picture import Pictures
    from game.ui.session import Session

    story = load_story(story_dir)
    app = App(story, size=SIZE)
    app.change_settings(text_speed="instant")
    app.pump()
    app.start_session(Session.start(story, story.perspectives[0].id, app.profile, app.clock))
    app.pump()
    screen = app.screen
    size = screen.picture.rect.size
    surface = app.window.get_surface()
    first = []
    for kind in PLACE_KINDS:
        for time_of_day in ("dawn", "day", "dusk", "night"):
            pictures = Pictures()
            start = time.perf_counter()
            pictures.get(Look(kind, kind, 4, time_of_day), size, app.kit.palette)
            first.append(time.perf_counter() - start)
    pages = []
    for perspective in story.perspectives:
        pt = Playthrough.start(story, perspective.id, seed=1)
        for _ in range(40):
            app.session.pt = pt
            app.pictures.get(look_of(story, pt.scene), size, app.kit.palette, pt.scene.image)
            start = time.perf_counter()
            screen.enter_page(animate=False)  # the page laid out, its picture taken from the cache
            screen.picture.draw(surface)
            pages.append(time.perf_counter() - start)
            if pt.is_over or not pt.choices():
                break
            pt.choose(0)
    app.close()
    return first, pages


def click_to_frame(story_dir: Path, ahead: bool = True) -> list[float]:
    """Seconds from a click on a page's first choice to the next page drawn and shown, through
    the real event loop: the step, the page's layout, its buttons, its picture, the frame
    (the autosave is written after that frame). With `ahead`, as in play, the page prepared
    the pages its choices lead to after its own frame (the pumps between clicks give it the
    time a reader's reading would); without, the click lays out and renders its page itself."""
    import pygame

    from game.engine import load_story
    from game.ui.app import App
    from game.ui.screens.scene import SceneScreen
    from game.ui.session import Session

    story = load_story(story_dir, use_cache=True)
    prepare = SceneScreen._prepare_next
    if not ahead:
        SceneScreen._prepare_next = lambda self: None  # type: ignore[method-assign]
    app = App(story, size=SIZE)
    app.change_settings(text_speed="instant", content_warnings=False)
    app.pump()
    times, drawn = [], []
    draw = app.draw

    def timed_draw() -> None:  # the moment the frame is shown, before the work after it
        draw()
        drawn.append(time.perf_counter())

    app.draw = timed_draw  # type: ignore[method-assign]
    for perspective in story.perspectives:
        app.start_session(Session.start(story, perspective.id, app.profile, app.clock))
        app.pump()
        for _ in range(40):
            pos = _first_choice(app)
            if pos is None:
                break
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                                 buttons=(0, 0, 0), touch=False))  # fmt: skip
            app.pump()  # the hover drawn, as a player's pointer reaches the button first
            for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, touch=False))
            start = time.perf_counter()
            app.pump()
            times.append(drawn[-1] - start)
            for _ in range(3):
                app.pump()  # the choices' glide settles, the autosave is written
    app.close()
    SceneScreen._prepare_next = prepare  # type: ignore[method-assign]
    return times


def _first_choice(app) -> tuple[int, int] | None:
    """Where the page's first choice button is, scrolled into view; None at an ending."""
    screen = app.screen
    pt = getattr(screen, "pt", None)
    if pt is None or pt.is_over or not pt.choices():
        return None
    button = next((b for b in screen.group.buttons if b.number == 1), None)
    if button is None:
        return None
    screen.scroll(100_000)  # to the bottom, where the choices are
    app.pump()
    rect = button.rect.clip(button.clip) if button.clip else button.rect
    return rect.center if rect.width > 0 and rect.height > 0 else None


def _percentile(sorted_ms: list[float], p: int) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(len(sorted_ms) * p / 100))]


def _spread(ms: list[float]) -> str:
    ordered = sorted(ms)
    return f"p10 {_percentile(ordered, 10):.2f} ms, p90 {_percentile(ordered, 90):.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--story", type=Path, default=ROOT / "story")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--idle-seconds", type=float, default=3.0)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as data:
        environ = env(data)
        os.environ.update({"VOT_DATA_DIR": data, "SDL_AUDIODRIVER": environ["SDL_AUDIODRIVER"]})
        if "SDL_VIDEODRIVER" in environ:
            os.environ["SDL_VIDEODRIVER"] = environ["SDL_VIDEODRIVER"]
        print(f"video driver: {environ.get('SDL_VIDEODRIVER', 'default')}")
        floor, start, read = start_up(args.story.resolve(), environ, args.runs)
        print(f"start-up (medians of {args.runs} interleaved runs): floor {floor * 1000:.0f} ms, "
              f"title frame {start * 1000:.0f} ms ({start / floor:.2f}×), with the story read "
              f"after it {read * 1000:.0f} ms ({read / floor:.2f}×; target ≤ 1.5×)")  # fmt: skip
        clicks = [t * 1000 for t in click_to_frame(args.story)]
        print(f"new page from the click to the drawn frame at {SIZE[0]}×{SIZE[1]}, its page "
              f"prepared while the reader reads: median {statistics.median(clicks):.2f} ms, "
              f"{_spread(clicks)} over {len(clicks)} clicks (target ≤ 8 ms median)")  # fmt: skip
        clicks = [t * 1000 for t in click_to_frame(args.story, ahead=False)]
        print(f"  the same with nothing prepared (a click straight after the page appears): "
              f"median {statistics.median(clicks):.2f} ms, {_spread(clicks)}")  # fmt: skip
        layouts, frames, flips = in_process(args.story)
        ms = [t * 1000 for t in layouts]
        print(f"new page at {SIZE[0]}×{SIZE[1]}: mean {statistics.mean(ms):.2f} ms, "
              f"max {max(ms):.2f} ms over {len(ms)} pages (target < 8 ms)")  # fmt: skip
        fms = sorted(t * 1000 for t in frames)
        p99 = _percentile(fms, 99)
        print(f"static scene frame, drawn: mean {statistics.mean(fms):.3f} ms, p99 {p99:.3f} ms "
              f"(target < 1.5 ms); then presented by window.flip(): "
              f"{statistics.median(flips) * 1000:.3f} ms median")  # fmt: skip
        first, pages = illustrations(args.story)
        ms = [t * 1000 for t in first]
        print(f"illustration, first draw: mean {statistics.mean(ms):.1f} ms, max {max(ms):.1f} ms "
              f"over {len(ms)} (target ≤ 30 ms)")  # fmt: skip
        ms = [t * 1000 for t in pages]
        print(f"new page with its illustration from a warm cache, laid out, picture drawn, at "
              f"{SIZE[0]}×{SIZE[1]}: mean {statistics.mean(ms):.2f} ms, max {max(ms):.2f} ms "
              f"over {len(ms)} pages (target ≤ 8 ms)")  # fmt: skip
        ms = int(args.idle_seconds * 1000)
        share = idle_cpu(IDLE.format(story=str(args.story.resolve()), ms=ms), environ)
        # For comparison: a bare loop on pygame-ce's event.wait(), which polls every millisecond.
        floor_share = idle_cpu(IDLE_FLOOR.format(ms=ms), environ)
        print(f"idle CPU on a static scene: {share * 100:.2f} % of one core "
              f"(a bare pygame event.wait loop: {floor_share * 100:.2f} %; target < 3 %)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
