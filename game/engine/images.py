"""Where a scene's own picture may come from: a PNG, JPEG or WebP file inside the story folder."""

from __future__ import annotations

from pathlib import Path

MAX_IMAGE_BYTES = 8 * 1024 * 1024  # a picture for one page; anything larger is a mistake
# The first bytes of each format the player can show.
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))


def image_format(head: bytes) -> str | None:
    """'png', 'jpeg' or 'webp' when the bytes start such a file, else None."""
    for magic, name in SIGNATURES:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def resolve_image(root: Path, image: str) -> Path | None:
    """The file `image` names inside the story folder, or None when it leads outside it.

    Symbolic links are followed before the check, so one pointing out of the folder is refused.
    """
    if not image or "\0" in image or Path(image).is_absolute():
        return None
    base = root.resolve()
    try:
        path = (base / image).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None
    return path if path.is_relative_to(base) and path != base else None


def image_problem(root: Path, image: str) -> str | None:
    """What is wrong with a scene's `image`, in words, or None when the player can show it."""
    path = resolve_image(root, image)
    if path is None:
        return "the path leads outside the story folder"
    try:
        if not path.is_file():
            return "there is no such file" if not path.exists() else "it is not a file"
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return f"the file is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    if image_format(head) is None:
        return "the file is not a PNG, JPEG or WebP picture"
    return None
