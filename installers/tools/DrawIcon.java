import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Ferry's icon: a boat carrying a container over waves, on a rounded square. Run with
 * {@code java installers/tools/DrawIcon.java installers/icon/ferry.png 256}; the PNG is committed, so the build does
 * not need to run this.
 */
public final class DrawIcon {

    public static void main(String[] args) throws Exception {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
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
        ImageIO.write(image, "png", new File(args[0]));
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
