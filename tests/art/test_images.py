"""Image helpers of the art engine."""


def test_a_mosaic_lays_the_pictures_out_in_rows() -> None:
    import io

    from PIL import Image

    from therapy_app.art.images import mosaic_png

    def png(colour: str) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (30, 30), colour).save(buffer, format="PNG")
        return buffer.getvalue()

    sheet = Image.open(io.BytesIO(mosaic_png([png("red")] * 5 + [png("blue")], side=10)))
    assert sheet.size == (40, 20)  # two rows of four
    assert sheet.getpixel((15, 15)) == (0, 0, 255) and sheet.getpixel((5, 5)) == (255, 0, 0)
    assert sheet.getpixel((35, 15)) == (255, 255, 255)  # the empty places stay blank
