"""Where a scene's own picture may come from: a PNG, JPEG or WebP file inside the story folder."""

from __future__ import annotations

from pathlib import Path

MAX_IMAGE_BYTES = 8 * 1024 * 1024  # a picture for one page; anything larger is a mistake
MAX_IMAGE_SIDE = 4096  # pixels: a small file can still unpack into gigabytes
HEAD_BYTES = 64 * 1024  # enough to find any of the three formats' dimensions
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


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG, JPEG or WebP file's first bytes, or None when not found."""
    kind = image_format(head)
    if kind == "png" and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if kind == "webp":
        return _webp_size(head)
    if kind == "jpeg":
        return _jpeg_size(head)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    if chunk == b"VP8 " and len(head) >= 30:
        return (int.from_bytes(head[26:28], "little") & 0x3FFF,
                int.from_bytes(head[28:30], "little") & 0x3FFF)  # fmt: skip
    if chunk == b"VP8L" and len(head) >= 25:
        bits = int.from_bytes(head[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    """Walk the JPEG segments to the frame header (SOF0–SOF15, but not DHT, JPG or DAC)."""
    i = 2
    while i + 9 < len(head):
        if head[i] != 0xFF:
            return None
        marker = head[i + 1]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(head[i + 7 : i + 9], "big"), int.from_bytes(
                head[i + 5 : i + 7], "big"
            )
        i += 2 + int.from_bytes(head[i + 2 : i + 4], "big")
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
            head = f.read(HEAD_BYTES)
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    if image_format(head) is None:
        return "the file is not a PNG, JPEG or WebP picture"
    size = image_size(head)
    if size is None or not all(size):
        return "the picture's size cannot be read: the file is damaged"
    if max(size) > MAX_IMAGE_SIDE:
        return f"the picture is {size[0]}×{size[1]} pixels; at most {MAX_IMAGE_SIDE} a side"
    return None
