"""`python -m game kiosk [--config FILE]`: the supervised museum kiosk, or the game itself."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from game import storage
from game.engine import StoryError
from game.engine.model import Story
from game.kiosk import config as kiosk_config
from game.kiosk import pin
from game.kiosk.config import ConfigError, KioskConfig
from game.kiosk.pin import PinError
from game.kiosk.supervisor import CONFIG_EXIT, Supervisor, setup_logging, stop_on_sigterm
from game.paths import default_story_dir
from game.progname import program, relaunch
from game.story_i18n import load_story_in


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=f"{program()} kiosk",
                                     description="Run the museum kiosk (see docs/kiosk.md).")  # fmt: skip
    parser.add_argument("--config", type=Path, default=None, help="the kiosk's TOML config")
    parser.add_argument("--no-supervise", action="store_true",
                        help="run the game directly, without restarts after a crash")  # fmt: skip
    parser.add_argument("--size", default="1920x1080", type=window_size,
                        help="window size when not full screen, such as 1920x1080")  # fmt: skip
    parser.add_argument("--set-pin", action="store_true",
                        help="set the staff PIN (asked twice; kept only as a salted hash)")  # fmt: skip
    parser.add_argument("--fault", default=None, help=argparse.SUPPRESS)  # the supervisor's notice
    parser.add_argument("--languages", default="en", help=argparse.SUPPRESS)  # the notice's
    # argparse refuses nonsense with status 2, the refusal status the supervisor never retries.
    return parser.parse_args(argv)


def window_size(text: str) -> tuple[int, int]:
    """'1920x1080' → (1920, 1080); argparse turns the ValueError into a refusal."""
    width, x, height = text.partition("x")
    if not (x and width.isdigit() and height.isdigit() and len(width) <= 5 and len(height) <= 5):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1920x1080")
    size = int(width), int(height)
    if not all(320 <= n <= 16384 for n in size):
        raise argparse.ArgumentTypeError(f"{text!r}: each side must be 320 to 16384 pixels")
    return size


def with_pin(config: KioskConfig) -> KioskConfig:
    """The config with the stored staff PIN; a full-screen (museum) kiosk refuses to start
    without one, so that no kiosk ever runs with a PIN printed in a manual."""
    stored = pin.read()
    if stored is None and config.fullscreen:
        raise PinError("no staff PIN is set. Set one with: python -m game kiosk --set-pin")
    return dataclasses.replace(config, pin_hash=stored)


def set_pin(ask=getpass.getpass) -> int:
    """Ask for the new PIN twice and keep its salted hash."""
    try:
        first = ask("New staff PIN (4 to 8 digits): ")
        if ask("The same PIN again: ") != first:
            print("The two PINs differ; nothing was changed.", file=sys.stderr)
            return 1
        path = pin.write(first)
    except (PinError, OSError, EOFError) as exc:
        print(f"The PIN was not set: {exc}", file=sys.stderr)
        return 1
    print(f"The staff PIN is set (kept as a salted hash in {path}). Restart the kiosk to use it.")
    return 0


def read_piped_line(prompt: str) -> str:
    """One line of standard input, for --set-pin without a terminal (EOFError when none)."""
    print(prompt, file=sys.stderr)
    line = sys.stdin.readline()
    if not line:
        raise EOFError("no PIN on standard input")
    return line.rstrip("\r\n")


def load_stories(root: Path, languages: tuple[str, ...]) -> Story:
    """The story in the first language; every other one is loaded too, so that a broken
    translation stops the kiosk at start rather than in front of a visitor."""
    stories = [load_story_in(root, code) for code in languages]
    return stories[0]


def check_story(config: KioskConfig, story: Story) -> list[str]:
    """What the config asks of the story that it does not have, each with the config's line."""
    known = [p.id for p in story.perspectives]
    return [f"{config.where('story.perspectives')}: story.perspectives: the story has no "
            f"perspective {pid!r} (it has {', '.join(known)})"
            for pid in config.perspectives if pid not in known]  # fmt: skip


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.set_pin:
        # A terminal asks without echo; a provisioning script pipes the PIN in twice.
        return set_pin() if sys.stdin.isatty() else set_pin(ask=read_piped_line)
    if args.fault is not None:
        from game.kiosk import fault

        return fault.show(args.fault, args.size, languages=args.languages.split(",")[:20])
    try:
        config = with_pin(kiosk_config.load(args.config))
    except ConfigError as exc:
        print(f"The kiosk will not start; its config has problems:\n{exc}", file=sys.stderr)
        return CONFIG_EXIT
    except PinError as exc:
        print(f"The kiosk will not start: {exc}", file=sys.stderr)
        return CONFIG_EXIT
    if args.no_supervise:
        return play(config, args)
    log = setup_logging(config.log_dir or storage.data_dir() / "logs")
    stop_on_sigterm()
    command = relaunch("kiosk", "--no-supervise", *argv)
    return Supervisor(command, log, fault_command=fault_command(config, args.size)).run()


def fault_command(config: KioskConfig, size: tuple[int, int]) -> Callable[[str], list[str]]:
    """The command that shows the out-of-order notice with an error, in the kiosk's languages
    (all of them: nobody may be there to choose)."""
    notice = relaunch("kiosk", "--size", f"{size[0]}x{size[1]}",
                      "--languages", ",".join(config.languages))  # fmt: skip
    return lambda error: [*notice, "--fault", error]


def play(config: KioskConfig, args: argparse.Namespace) -> int:
    """Load and check everything before the window opens, then run until staff exit."""
    try:
        story = load_stories(config.story or default_story_dir(), config.languages)
    except StoryError as exc:
        print(f"The kiosk will not start; the story has problems:\n{exc}", file=sys.stderr)
        return CONFIG_EXIT
    problems = check_story(config, story)
    if problems:
        print("The kiosk will not start:\n" + "\n".join(problems), file=sys.stderr)
        return CONFIG_EXIT
    return run_window(config, story, args.size)


def run_window(config: KioskConfig, story: Story, size: tuple[int, int]) -> int:
    # SDL would turn SIGTERM into a QUIT event, which the kiosk ignores: let signals stop it.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    os.environ.setdefault("SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS", "0")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.kiosk.app import Heartbeat, KioskApp
    from game.kiosk.stats import NoStats, Stats

    stats = Stats() if config.statistics else NoStats()
    app = KioskApp(config, story, stats, size=size, heartbeat=Heartbeat.from_env())
    try:
        return app.run()
    finally:
        app.close()
        stats.close()
        pygame.quit()
