import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;

/**
 * Draws Ferry's icon: a boat carrying a container over waves, on a rounded square. Run from the repository root with
 * {@code java installers/tools/DrawIcon.java installers/icon}: writes ferry.png (256 px, Linux), ferry.ico (Windows,
 * one PNG-compressed 256 px image) and ferry.icns (macOS, PNG entries of 128, 256 and 512 px). The files are
 * committed, so a build does not run this.
 */
public final class DrawIcon {

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        byte[] png256 = png(256);
        java.nio.file.Files.write(dir.resolve("ferry.png"), png256);
        java.nio.file.Files.write(dir.resolve("ferry.ico"), ico(png256));
        java.nio.file.Files.write(dir.resolve("ferry.icns"), icns(png(128), png256, png(512)));
    }

    /** An ICO file whose one entry is a PNG (Windows Vista and later); 0 in the size bytes means 256. */
    private static byte[] ico(byte[] png) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(6 + 16 + png.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                .putInt(png.length).putInt(6 + 16);
        return b.put(png).array();
    }

    /** An ICNS file with PNG entries: ic07 (128 px), ic08 (256 px), ic09 (512 px). */
    private static byte[] icns(byte[] png128, byte[] png256, byte[] png512) {
        int length = 8 + 3 * 8 + png128.length + png256.length + png512.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
        b.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(length);
        String[] types = {"ic07", "ic08", "ic09"};
        byte[][] images = {png128, png256, png512};
        for (int i = 0; i < 3; i++) {
            b.put(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + images[i].length)
                    .put(images[i]);
        }
        return b.array();
    }

    private static byte[] png(int size) throws java.io.IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x1E88C8), 0, 256, new Color(0x0B3C68)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // container on deck
        g.setColor(new Color(0xF5A623));
        g.fill(new RoundRectangle2D.Double(92, 88, 72, 46, 6, 6));
        g.setColor(new Color(0xC77F0A));
        g.setStroke(new BasicStroke(4));
        for (int x = 108; x <= 148; x += 14) {
            g.drawLine(x, 96, x, 126);
        }

        // hull
        GeneralPath hull = new GeneralPath();
        hull.moveTo(48, 134);
        hull.lineTo(208, 134);
        hull.lineTo(184, 170);
        hull.lineTo(72, 170);
        hull.closePath();
        g.setColor(Color.WHITE);
        g.fill(hull);

        // two waves
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(wave(190));
        g.setColor(new Color(255, 255, 255, 150));
        g.draw(wave(216));
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Path2D wave(double y) {
        Path2D path = new Path2D.Double();
        path.moveTo(40, y);
        for (int i = 0; i < 4; i++) {
            double x = 40 + i * 44;
            path.quadTo(x + 11, y - 10, x + 22, y);
            path.quadTo(x + 33, y + 10, x + 44, y);
        }
        return path;
    }
}
