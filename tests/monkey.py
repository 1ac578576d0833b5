"""Random input for monkey tests: touches, clicks, keys, wheels, resizes and close requests."""

from __future__ import annotations

import random

import pygame

KEYS = [pygame.K_ESCAPE, pygame.K_F4, pygame.K_F11, pygame.K_RETURN, pygame.K_SPACE,
        pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_h,
        pygame.K_c, pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_BACKSPACE,
        *(getattr(pygame, f"K_{n}") for n in range(10))]  # fmt: skip


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    w, h = size
    roll = rng.random()
    if roll < 0.45:
        corner = rng.random() < 0.05  # now and then the staff corner
        x, y = (
            (rng.random() * 0.05, rng.random() * 0.05) if corner else (rng.random(), rng.random())
        )
        kind = rng.choice([pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION])
        return pygame.event.Event(kind, touch_id=1, finger_id=rng.randrange(3), x=x, y=y,
                                  dx=rng.uniform(-0.1, 0.1), dy=rng.uniform(-0.1, 0.1),
                                  pressure=1.0)  # fmt: skip
    if roll < 0.65:
        pos = (rng.randrange(w), rng.randrange(h))
        kind = rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION])
        if kind == pygame.MOUSEMOTION:
            return pygame.event.Event(kind, pos=pos, rel=(1, 1), buttons=(0, 0, 0), touch=False)
        return pygame.event.Event(kind, pos=pos, button=rng.choice([1, 1, 1, 3]), touch=False)
    if roll < 0.9:
        mod = pygame.KMOD_LALT if rng.random() < 0.2 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="",
                                  scancode=0)  # fmt: skip
    if roll < 0.95:
        dy = rng.choice([-3, -1, 1, 3])
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0,
                                  precise_y=float(dy), flipped=False, touch=False)  # fmt: skip
    if roll < 0.98:
        nw, nh = rng.randrange(700, 2600), rng.randrange(450, 1500)
        return pygame.event.Event(pygame.VIDEORESIZE, w=nw, h=nh, size=(nw, nh))
    return pygame.event.Event(rng.choice([pygame.QUIT, pygame.WINDOWCLOSE]))
