"""`python -m game kiosk [--config FILE]`: the supervised museum kiosk, or the game itself."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game import storage
from game.engine import StoryError
from game.engine.model import Story
from game.kiosk import config as kiosk_config
from game.kiosk.config import ConfigError, KioskConfig
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
    parser.add_argument("--size", default="1920x1080", help="window size when not full screen")
    return parser.parse_args(argv)


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
    try:
        config = kiosk_config.load(args.config)
    except ConfigError as exc:
        print(f"The kiosk will not start; its config has problems:\n{exc}", file=sys.stderr)
        return CONFIG_EXIT
    if args.no_supervise:
        return play(config, args)
    log = setup_logging(config.log_dir or storage.data_dir() / "logs")
    stop_on_sigterm()
    command = relaunch("kiosk", "--no-supervise", *argv)
    return Supervisor(command, log).run()


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


def run_window(config: KioskConfig, story: Story, size: str) -> int:
    # SDL would turn SIGTERM into a QUIT event, which the kiosk ignores: let signals stop it.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    os.environ.setdefault("SDL_VIDEO_MINIMIZE_ON_FOCUS_LOSS", "0")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.kiosk.app import Heartbeat, KioskApp
    from game.kiosk.stats import NoStats, Stats

    width, _, height = size.partition("x")
    stats = Stats() if config.statistics else NoStats()
    app = KioskApp(config, story, stats, size=(int(width), int(height)),
                   heartbeat=Heartbeat.from_env())  # fmt: skip
    try:
        return app.run()
    finally:
        app.close()
        stats.close()
        pygame.quit()
