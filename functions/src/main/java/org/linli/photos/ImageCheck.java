package org.linli.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checks an upload's bytes and re-encodes them. In this order, so that a hostile file costs little:
 * the magic number must name the declared type; the dimensions are read from the header alone
 * and must stay within {@link #MAX_SIDE} and {@link #MAX_PIXELS} (a "decompression bomb" - a small
 * file declaring a huge image - is refused before any pixel is decoded); then the image must decode.
 * It is written anew as a baseline JPEG from its pixels only: no EXIF, XMP, ICC comments or
 * thumbnails survive (no GPS position, no device serial), and the longest side is at most
 * {@link #FULL_SIDE}; the thumbnail's at most {@link #THUMB_SIDE}.
 */
public final class ImageCheck {
    public static final int MAX_SIDE = 12_000;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int FULL_SIDE = 2560;
    public static final int THUMB_SIDE = 320;
    private static final float QUALITY = 0.85f;

    private ImageCheck() {}

    /** The re-encoded photo and thumbnail (JPEG), with the photo's dimensions. */
    public record Encoded(byte[] full, byte[] thumb, int width, int height) {}

    /** Why bytes were refused, in words a resident can act on. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    public static Encoded check(byte[] bytes, ImageType declared) throws Refused {
        if (bytes.length == 0) throw new Refused("the file is empty");
        ImageType actual = ImageType.sniff(bytes).orElseThrow(() -> new Refused("the file is not a JPEG, PNG or WebP image"));
        if (actual != declared) throw new Refused("the file is a " + actual.mime() + " image, not the " + declared.mime() + " declared");
        BufferedImage image = decode(bytes, actual);
        BufferedImage full = scaled(image, FULL_SIDE);
        return new Encoded(jpeg(full), jpeg(scaled(image, THUMB_SIDE)), full.getWidth(), full.getHeight());
    }

    private static BufferedImage decode(byte[] bytes, ImageType type) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mime());
            if (!readers.hasNext()) throw new Refused("images of type " + type.mime() + " cannot be read here");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // seek forward only, ignore metadata
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1) throw new Refused("the image has no pixels");
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new Refused("the image is " + w + "×" + h + " pixels; at most " + MAX_SIDE + " per side and "
                            + MAX_PIXELS / 1_000_000 + " million in all");
                }
                BufferedImage image = reader.read(0);
                if (image == null) throw new Refused("the image could not be decoded");
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("the image could not be decoded");
        }
    }

    /** RGB (no alpha: JPEG has none, transparent pixels become white), longest side at most {@code side}. */
    static BufferedImage scaled(BufferedImage src, int side) {
        double f = Math.min(1.0, (double) side / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A baseline JPEG of the pixels alone (no metadata passed to the writer: none is written but the JFIF header). */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), p);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
