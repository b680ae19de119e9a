import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (a person with a circular "automatic" arrow on a green tile), so the
 * committed files can be regenerated without any image tools:
 * <pre>
 * java installer/icon/DrawIcon.java installer/icon/autouser.png   (Linux, 256 px)
 * java installer/icon/DrawIcon.java installer/icon/autouser.ico   (Windows, 16-256 px)
 * java installer/icon/DrawIcon.java installer/icon/autouser.icns  (macOS, 128-1024 px)
 * </pre>
 * ICO and ICNS files hold PNG images, which every Windows since Vista and macOS since 10.7 read.
 */
public final class DrawIcon {
    public static void main(String[] args) throws IOException {
        String out = args[0];
        if (out.endsWith(".ico")) {
            Files.write(Path.of(out), ico(16, 32, 48, 64, 128, 256));
        } else if (out.endsWith(".icns")) {
            Files.write(Path.of(out), icns());
        } else {
            Files.write(Path.of(out), png(args.length > 1 ? Integer.parseInt(args[1]) : 256));
        }
    }

    private static byte[] ico(int... sizes) throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteBuffer directory = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        directory.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int size : sizes) {
            byte[] png = png(size);
            directory.put((byte) (size % 256)).put((byte) (size % 256)).put((byte) 0).put((byte) 0);
            directory.putShort((short) 1).putShort((short) 32).putInt(png.length)
                    .putInt(6 + 16 * sizes.length + images.size());
            images.write(png);
        }
        return concat(directory.array(), images.toByteArray());
    }

    /** Entries ic07..ic10: 128, 256, 512 and 1024 px (512@2x). */
    private static byte[] icns() throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        for (int i = 0; i < types.length; i++) {
            byte[] png = png(sizes[i]);
            entries.write(types[i].getBytes(StandardCharsets.US_ASCII));
            entries.write(ByteBuffer.allocate(4).putInt(png.length + 8).array());
            entries.write(png);
        }
        byte[] header = ByteBuffer.allocate(8).put("icns".getBytes(StandardCharsets.US_ASCII))
                .putInt(entries.size() + 8).array();
        return concat(header, entries.toByteArray());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        drawTile(g);
        drawPerson(g);
        drawArrowBadge(g);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static void drawTile(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f, 0xb5, 0x6a), 0, 256, new Color(0x00, 0x5a, 0x40)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
    }

    private static void drawPerson(Graphics2D g) {
        g.setColor(new Color(0xf4, 0xfb, 0xf7));
        g.fill(new Ellipse2D.Double(78, 46, 76, 76));
        Path2D body = new Path2D.Double();
        body.moveTo(44, 212);
        body.curveTo(44, 156, 78, 134, 116, 134);
        body.curveTo(154, 134, 188, 156, 188, 212);
        body.closePath();
        g.fill(body);
    }

    /** A dark badge with a circular arrow: users created and removed automatically. */
    private static void drawArrowBadge(Graphics2D g) {
        g.setColor(new Color(0x0b, 0x2e, 0x24));
        g.fill(new Ellipse2D.Double(148, 140, 92, 92));
        g.setColor(new Color(0x7d, 0xf0, 0xb0));
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(168, 160, 52, 52, 100, 270, Arc2D.OPEN));
        Path2D head = new Path2D.Double();
        head.moveTo(180, 150);
        head.lineTo(200, 163);
        head.lineTo(180, 176);
        head.closePath();
        g.fill(head);
    }
}
