package org.linli.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Photos made in the test, not kept as binary files: an ImageIO JPEG, and the same with an EXIF
 * APP1 segment carrying a GPS position (what a phone camera writes), built from the TIFF/EXIF layout.
 */
final class TestImages {
    private TestImages() {}

    /** A {@code w}×{@code h} JPEG of a gradient (pixels that compress like a photo's, not a flat colour). */
    static byte[] jpeg(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | 0x40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment right after its SOI whose GPS IFD says 37°51'N 113°33'E (Yangquan). */
    static byte[] withGps(byte[] jpeg) {
        byte[] app1 = exifGps(37, 51, 113, 33);
        byte[] out = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, out, 0, 2); // SOI
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
        return out;
    }

    /** APP1: "Exif\0\0", a big-endian TIFF header, IFD0 with the GPSInfo pointer, the GPS IFD (refs and rationals), its data. */
    static byte[] exifGps(int latDeg, int latMin, int lngDeg, int lngMin) {
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);                       // header, IFD0 at 8
        tiff.putShort((short) 1);                                                // IFD0: one entry
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);  // GPSInfo (LONG) -> GPS IFD at 26
        tiff.putInt(0);                                                          // no IFD1
        tiff.putShort((short) 4);                                                // GPS IFD at 26: four entries
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});  // GPSLatitudeRef
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);      // GPSLatitude: 3 RATIONAL at 80
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});  // GPSLongitudeRef
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);     // GPSLongitude: 3 RATIONAL at 104
        tiff.putInt(0);
        tiff.putInt(latDeg).putInt(1).putInt(latMin).putInt(1).putInt(0).putInt(1);  // at 80
        tiff.putInt(lngDeg).putInt(1).putInt(lngMin).putInt(1).putInt(0).putInt(1);  // at 104
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer app1 = ByteBuffer.allocate(2 + length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif).put(tiff.array());
        return app1.array();
    }

    /** The markers of a JPEG's segments before its scan (0xE1 = APP1, EXIF or XMP). */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> out = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            out.add(marker);
            if (marker == 0xDA) break; // start of scan
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
