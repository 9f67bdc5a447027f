"""Photos of a 随手拍 appeal: only real JPEG, PNG or WebP images, at most MAX_BYTES each and MAX_PHOTOS per
appeal, checked by their bytes (not by the name or the type the browser claims) and decoded by Pillow."""

import hashlib
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, UnidentifiedImageError

from zhenxing.errors import Rejected

MAX_BYTES = 8 * 1024 * 1024
MAX_PHOTOS = 4
MAX_PIXELS = 40_000_000  # a decompression bomb declares a huge canvas in a small file
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")


@dataclass(frozen=True)
class Photo:
    content_type: str
    data: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def check_photo(data: bytes, name: str = "照片") -> Photo:
    """A checked photo, or Rejected naming the file and what is wrong with it."""
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        raise Rejected(f"照片“{name}”大小为 {size:.1f} MB，超过 {MAX_BYTES // 1024 // 1024} MB 的上限", field="photos")
    if not data or not data.startswith(SIGNATURES):
        raise Rejected(f"文件“{name}”不是图片（只接受 JPEG、PNG、WebP 格式的照片）", field="photos")
    try:
        with Image.open(BytesIO(data)) as image:
            kind = image.format
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise Rejected(f"照片“{name}”的尺寸过大（{width}×{height}）", field="photos")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise Rejected(f"文件“{name}”不是有效的图片，或已损坏", field="photos") from None
    if kind not in FORMATS:
        raise Rejected(f"文件“{name}”不是图片（只接受 JPEG、PNG、WebP 格式的照片）", field="photos")
    return Photo(FORMATS[kind], data, hashlib.sha256(data).hexdigest())


def check_photos(files: list[tuple[str, bytes]]) -> list[Photo]:
    if len(files) > MAX_PHOTOS:
        raise Rejected(f"每件诉求最多上传 {MAX_PHOTOS} 张照片（收到 {len(files)} 张）", field="photos")
    return [check_photo(data, name) for name, data in files]
