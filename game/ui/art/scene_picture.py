"""Where a scene's picture goes: the empty column left of the page, or a band in its header."""

from __future__ import annotations

import pygame

from game.ui.art.living import Detail, draw_detail
from game.ui.art.look import look_of

MIN_COLUMN = 150  # design pixels: a narrower column takes no picture; the header band may
MIN_BAND = 110  # design pixels of width for the band beside the title
ASPECT = 4 / 3  # height over width of the column's picture


class ScenePicture:
    """The picture of the scene on screen, laid out with the page and drawn with it."""

    def __init__(self, screen) -> None:
        self.screen = screen
        self.rect: pygame.Rect | None = None
        self.phase = 0.0  # seconds of movement: smoke rises while the text is typed, then rests

    @property
    def wanted(self) -> bool:
        return bool(getattr(self.screen.app.settings, "illustrations", True))

    def layout(self, top: int, header: pygame.Rect) -> None:
        """Fit the picture under the column's text from `top`, else beside the header's words."""
        screen, kit = self.screen, self.screen.kit
        self.rect = None
        if not self.wanted:
            return
        panel = screen.panel
        width = panel.x - kit.px(48)
        if width >= kit.px(MIN_COLUMN):
            height = min(round(width * ASPECT), panel.bottom - kit.px(8) - top)
            if height >= kit.px(120):
                self.rect = pygame.Rect(kit.px(24), top, width, height)
                return
        if header.width >= kit.px(MIN_BAND) and header.height >= kit.px(48):
            self.rect = header

    def surface(self) -> pygame.Surface | None:
        return self._living()[0] if self.rect is not None else None

    def _living(self) -> tuple[pygame.Surface, list[Detail]]:
        app, scene = self.screen.app, self.screen.pt.scene
        assert self.rect is not None  # only asked for when laid out with room for it
        return app.pictures.living(look_of(app.story, scene), self.rect.size,
                                   self.screen.kit.palette, scene.image)  # fmt: skip

    def paint_ahead(self, scene) -> None:
        """Paint `scene`'s picture at this page's size now, while the reader reads, so that the
        click leading there finds it drawn (a painting takes longer than the rest of a page)."""
        if self.rect is None:
            return
        app = self.screen.app
        app.pictures.living(look_of(app.story, scene), self.rect.size, self.screen.kit.palette,
                            scene.image)  # fmt: skip

    def state(self) -> tuple:
        """What the drawing depends on, for the screen's kept layer."""
        scene = self.screen.pt.scene
        return (tuple(self.rect) if self.rect else None, scene.place, scene.date, scene.time,
                scene.weather, scene.image, self.phase)  # fmt: skip

    def draw(self, surf: pygame.Surface) -> None:
        if self.rect is None:
            return
        picture, details = self._living()
        surf.blit(picture, self.rect)
        clip = surf.get_clip()
        surf.set_clip(self.rect.clip(clip))
        for detail in details:
            draw_detail(surf, detail, self.phase, self.rect.topleft)
        surf.set_clip(clip)
