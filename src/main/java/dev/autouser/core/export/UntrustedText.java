package dev.autouser.core.export;

/**
 * Text that a connected user controls (a driver's {@code appName}, a user name, a server message)
 * made harmless to show: control characters (C0, DEL, C1) and the invisible bidirectional overrides
 * become visible escapes such as {@code \x1b} or {@code \u202e}. Printed raw, ESC/OSC/BEL sequences
 * retitle or recolour a terminal, a carriage return or cursor movement can overwrite a line (an
 * active user made to look idle), and bidi overrides reorder what the eye reads.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** True for a character that must never reach a terminal or a table cell as it is. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@link #isUnsafe(char)} for a code point (e.g. from {@code String.chars()}), except line breaks and tabs. */
    public static boolean isUnsafeCodePoint(int c) {
        return c != '\n' && c != '\t' && c <= 0xffff && isUnsafe((char) c);
    }

    /** The text with every unsafe character escaped; one line, whatever the input. */
    public static String visible(String text) {
        if (text == null || text.chars().noneMatch(c -> isUnsafe((char) c))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> appendVisible(out, (char) c));
        return out.toString();
    }

    /** Appends {@code c}, escaped when it is unsafe. */
    public static void appendVisible(StringBuilder out, char c) {
        if (!isUnsafe(c)) {
            out.append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == '\t') {
            out.append("\\t");
        } else if (c <= 0xff) {
            out.append(String.format("\\x%02x", (int) c));
        } else {
            out.append(String.format("\\u%04x", (int) c));
        }
    }
}
