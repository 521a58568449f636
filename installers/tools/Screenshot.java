import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Writes a PNG of the whole X display once it has stopped changing: {@code java Screenshot.java OUT.png [MAX_SECONDS]}.
 * The screen counts as settled when three captures a second apart are identical; after MAX_SECONDS (default 90) the
 * last capture is written anyway and the exit code is 3. verify-deb.sh runs it under Xvfb.
 */
public final class Screenshot {

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + Long.parseLong(args.length > 1 ? args[1] : "90") * 1_000_000_000L;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage last = robot.createScreenCapture(screen);
        int same = 0;
        while (same < 2 && System.nanoTime() < deadline) {
            robot.delay(1000);
            BufferedImage now = robot.createScreenCapture(screen);
            same = Arrays.equals(pixels(now), pixels(last)) ? same + 1 : 0;
            last = now;
        }
        ImageIO.write(last, "png", new File(args[0]));
        System.exit(same >= 2 ? 0 : 3);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
