"""Gamepads through SDL's game-controller API: each press becomes the key a player would use."""

from __future__ import annotations

import contextlib

import pygame

EVENTS = frozenset([pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERAXISMOTION,
                    pygame.CONTROLLERDEVICEADDED, pygame.CONTROLLERDEVICEREMOVED])  # fmt: skip
# button -> (key, modifiers): the d-pad moves the focus, A chooses, B goes back, the shoulder
# buttons step through every target on a page as Tab does, Y reads the screen again.
BUTTON_KEYS: dict[int, tuple[int, int]] = {
    pygame.CONTROLLER_BUTTON_DPAD_UP: (pygame.K_UP, 0),
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: (pygame.K_DOWN, 0),
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: (pygame.K_LEFT, 0),
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: (pygame.K_RIGHT, 0),
    pygame.CONTROLLER_BUTTON_A: (pygame.K_RETURN, 0),
    pygame.CONTROLLER_BUTTON_B: (pygame.K_ESCAPE, 0),
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: (pygame.K_TAB, 0),
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: (pygame.K_TAB, pygame.KMOD_LSHIFT),
}
STICK = {pygame.CONTROLLER_AXIS_LEFTY: (pygame.K_UP, pygame.K_DOWN),
         pygame.CONTROLLER_AXIS_LEFTX: (pygame.K_LEFT, pygame.K_RIGHT)}  # fmt: skip
PUSH, RELEASE = 20000, 8000  # of 32767: a deliberate tilt moves once; it must come back first


class Gamepad:
    """Opens controllers as they are plugged in and turns their input into key presses."""

    def __init__(self, app) -> None:
        self.app = app
        self.pads: dict[int, object] = {}  # instance id -> the open controller
        self._stick: dict[int, int] = {}  # axis -> -1, 0, 1 (where it was last pushed)

    def start(self) -> None:
        """Start SDL's controller support and open the pads already plugged in (called after
        the first frame: looking for devices takes milliseconds)."""
        with contextlib.suppress(pygame.error, ImportError):
            from pygame._sdl2 import controller

            controller.init()
            # Pads already plugged in: their "added" events may be cleared with the queue.
            for index in range(controller.get_count()):
                if controller.is_controller(index):
                    self._open(index)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.CONTROLLERDEVICEADDED:
            self._open(event.device_index)
        elif event.type == pygame.CONTROLLERDEVICEREMOVED:
            self.pads.pop(getattr(event, "instance_id", -1), None)
        elif event.type == pygame.CONTROLLERBUTTONDOWN:
            self.button(event.button)
        elif event.type == pygame.CONTROLLERAXISMOTION:
            self._axis(event.axis, event.value)

    def _open(self, index: int) -> None:
        """Keep the controller open so SDL sends its input (a pad gone already is ignored)."""
        with contextlib.suppress(pygame.error, ImportError, IndexError, TypeError):
            from pygame._sdl2 import controller

            pad = controller.Controller(index)
            self.pads[pad.as_joystick().get_instance_id()] = pad

    def button(self, button: int) -> None:
        if button == pygame.CONTROLLER_BUTTON_START:
            self.menu()
        elif button == pygame.CONTROLLER_BUTTON_Y:
            self.app.narrator.repeat()
        elif button in BUTTON_KEYS:
            self._press(*BUTTON_KEYS[button])

    def menu(self) -> None:
        """Start opens the pause menu over a scene and closes it again."""
        from game.ui.screens.pause import PauseScreen

        screen = self.app.screen
        if isinstance(screen, PauseScreen):
            screen.dismiss()
        elif callable(getattr(screen, "pause", None)):
            screen.pause()
        self.app.redraw()

    def _axis(self, axis: int, value: int) -> None:
        if axis not in STICK:
            return
        was = self._stick.get(axis, 0)
        now = -1 if value <= -PUSH else 1 if value >= PUSH else was
        if abs(value) < RELEASE:
            now = 0
        self._stick[axis] = now
        if now and now != was:
            self._press(STICK[axis][0 if now < 0 else 1], 0)

    def _press(self, key: int, mod: int) -> None:
        self.app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                           scancode=0))  # fmt: skip
