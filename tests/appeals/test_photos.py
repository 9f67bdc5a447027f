"""随手拍 photos: checked by their bytes, and stored without EXIF (GPS position, camera, time), XMP or PNG text,
upright (the EXIF orientation applied to the pixels first)."""

from io import BytesIO

import pytest
from PIL import Image, PngImagePlugin
from PIL.ExifTags import GPS, IFD, Base

from zhenxing.appeals.photos import MAX_BYTES, check_photo, check_photos
from zhenxing.errors import Rejected


def gps_jpeg(size=(60, 20), orientation: int = 1) -> bytes:
    """A phone photo: EXIF with a GPS position in Jinzhou, the camera's make and serial, an orientation."""
    image = Image.new("RGB", size, (10, 120, 200))
    image.paste((250, 250, 0), (0, 0, 10, 10))  # a yellow mark in the top-left corner
    exif = Image.Exif()
    exif[Base.Make] = "XIAOMI"
    exif[Base.Model] = "Redmi Note 12"
    exif[Base.Orientation] = orientation
    exif[Base.DateTime] = "2025:03:10 09:12:00"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (41.0, 7.0, 30.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (121.0, 8.0, 15.0)
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"home", quality=95)
    return buffer.getvalue()


def test_a_jpeg_loses_its_gps_camera_and_comment_but_keeps_its_picture():
    original = gps_jpeg()
    with Image.open(BytesIO(original)) as before:
        assert before.getexif().get_ifd(IFD.GPSInfo)  # the test photo does carry a position
    photo = check_photo(original, "IMG_0001.jpg")
    assert photo.content_type == "image/jpeg" and photo.data != original
    assert b"XIAOMI" not in photo.data and b"Exif" not in photo.data and b"home" not in photo.data
    with Image.open(BytesIO(photo.data)) as after:
        assert not after.getexif() and "comment" not in after.info and "exif" not in after.info
        assert after.size == (60, 20)
        red, green, blue = after.getpixel((3, 3))
        assert red > 200 and green > 200 and blue < 60


def test_the_orientation_is_applied_before_the_exif_goes():
    # Orientation 6: the camera was turned; viewers rotate 90° clockwise. Stored upright: 20 wide, 60 high.
    photo = check_photo(gps_jpeg(orientation=6), "turned.jpg")
    with Image.open(BytesIO(photo.data)) as after:
        assert after.size == (20, 60) and not after.getexif()
        red, green, blue = after.getpixel((16, 3))  # the mark now sits in the top-right corner
        assert red > 200 and green > 200 and blue < 60


def test_png_text_chunks_and_webp_exif_are_dropped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "住址：人民路12号")
    buffer = BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(buffer, "PNG", pnginfo=info)
    photo = check_photo(buffer.getvalue(), "a.png")
    with Image.open(BytesIO(photo.data)) as after:
        assert after.mode == "RGBA" and "Comment" not in after.info and after.getpixel((1, 1))[3] == 0
    exif = Image.Exif()
    exif[Base.Make] = "HUAWEI"
    buffer = BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "WEBP", exif=exif)
    photo = check_photo(buffer.getvalue(), "a.webp")
    assert photo.content_type == "image/webp" and b"HUAWEI" not in photo.data


def test_bytes_appended_after_the_image_are_not_stored():
    photo = check_photo(gps_jpeg() + b"<?php system($_GET['c']); ?>", "x.jpg")
    assert b"<?php" not in photo.data


@pytest.mark.parametrize(("data", "message"), [
    (b"GIF89a" + b"\0" * 20, "不是图片"),
    (b"\xff\xd8\xff" + b"0" * (MAX_BYTES + 1), "超过 8 MB"),
    (b"\x89PNG\r\n\x1a\n" + b"garbage", "不是有效的图片"),
])
def test_what_is_not_a_photo_is_refused_by_name(data, message):
    with pytest.raises(Rejected, match=message) as refused:
        check_photo(data, "上传.jpg")
    assert refused.value.field == "photos" and "上传.jpg" in refused.value.message


def test_at_most_four_photos():
    with pytest.raises(Rejected, match="最多上传 4 张"):
        check_photos([("a.jpg", gps_jpeg())] * 5)
