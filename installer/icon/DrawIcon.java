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
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (a person with a circular "automatic" arrow on a green tile) so the
 * committed PNG can be regenerated: {@code java installer/icon/DrawIcon.java installer/icon/autouser.png 256}.
 */
public final class DrawIcon {
    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        drawTile(g);
        drawPerson(g);
        drawArrowBadge(g);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
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
