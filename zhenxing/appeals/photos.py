"""Photos of a 随手拍 appeal: only real JPEG, PNG or WebP images, at most MAX_BYTES each and MAX_PHOTOS per
appeal, checked by their bytes (not by the name or the type the browser claims) and decoded by Pillow.

What is stored is not the upload but the picture re-encoded by Pillow with no metadata: a phone's photo
carries EXIF with the GPS position of the sender (often their home), the camera's serial number and the
time, XMP and PNG text chunks; none of it is kept. The EXIF orientation is applied to the pixels first, so
the photo still stands the right way up. Re-encoding also drops anything appended after the image data.
"""

import hashlib
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

from zhenxing.errors import Rejected

MAX_BYTES = 8 * 1024 * 1024
MAX_PHOTOS = 4
MAX_PIXELS = 40_000_000  # a decompression bomb declares a huge canvas in a small file
JPEG_QUALITY = 90
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
    try:
        clean = strip_metadata(data, kind)
    except (OSError, SyntaxError, ValueError) as error:
        raise Rejected(f"文件“{name}”不是有效的图片，或已损坏", field="photos") from error
    return Photo(FORMATS[kind], clean, hashlib.sha256(clean).hexdigest())


def strip_metadata(data: bytes, kind: str) -> bytes:
    """The picture alone, upright, re-encoded in its own format without EXIF, XMP, comments or text chunks
    (an ICC colour profile is kept: it describes colours, not the sender)."""
    with Image.open(BytesIO(data)) as image:
        image.load()
        icc = image.info.get("icc_profile")
        transparency = image.info.get("transparency")
        upright = ImageOps.exif_transpose(image)
        if kind == "JPEG" and upright.mode not in {"L", "RGB", "CMYK"}:
            upright = upright.convert("RGB")
        bare = upright.copy()
    bare.info = {}  # what `save` would otherwise carry over: exif, xmp, comment, dpi, text chunks
    bare.getexif().clear()
    out = BytesIO()
    options: dict = {"icc_profile": icc} if icc else {}
    if kind == "JPEG":
        bare.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, **options)
    elif kind == "PNG":
        if transparency is not None and bare.mode in {"P", "L", "RGB"}:
            options["transparency"] = transparency
        bare.save(out, "PNG", optimize=True, **options)
    else:
        bare.save(out, "WEBP", quality=JPEG_QUALITY, **options)
    return out.getvalue()


def check_photos(files: list[tuple[str, bytes]]) -> list[Photo]:
    if len(files) > MAX_PHOTOS:
        raise Rejected(f"每件诉求最多上传 {MAX_PHOTOS} 张照片（收到 {len(files)} 张）", field="photos")
    return [check_photo(data, name) for name, data in files]
