package dev.autouser.cli;

import dev.autouser.core.export.UntrustedText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the CLI prints passes through here: line breaks and tabs stay, every other control
 * character (ESC, BEL, a carriage return that is not part of CRLF, C1, bidi overrides) is printed
 * escaped, so a user name or an {@code appName} chosen by a connected user can never drive the
 * DBA's terminal (retitle it, recolour it, or overwrite a line to make an active user look idle).
 */
final class TerminalWriter extends FilterWriter {
    private boolean pendingCarriageReturn;

    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        StringBuilder safe = new StringBuilder(2);
        append(safe, (char) c);
        out.write(safe.toString());
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        if (!pendingCarriageReturn && allSafe(buffer, offset, length)) {
            out.write(buffer, offset, length); // the common case: nothing to escape, no copy (100,000-user listings)
            return;
        }
        StringBuilder safe = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            append(safe, buffer[i]);
        }
        out.write(safe.toString());
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (!pendingCarriageReturn && allSafe(text, offset, length)) {
            out.write(text, offset, length);
            return;
        }
        StringBuilder safe = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            append(safe, text.charAt(i));
        }
        out.write(safe.toString());
    }

    private static boolean allSafe(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (needsEscape(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allSafe(String text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (needsEscape(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A carriage return needs the next character to decide; line breaks and tabs pass as they are. */
    private static boolean needsEscape(char c) {
        return c != '\n' && c != '\t' && UntrustedText.isUnsafe(c);
    }

    private void append(StringBuilder safe, char c) {
        if (pendingCarriageReturn) {
            pendingCarriageReturn = false;
            safe.append(c == '\n' ? "\r" : "\\r");
        }
        if (c == '\r') {
            pendingCarriageReturn = true;
        } else if (c == '\n' || c == '\t') {
            safe.append(c);
        } else {
            UntrustedText.appendVisible(safe, c);
        }
    }

    @Override
    public void flush() throws IOException {
        // A lone carriage return at a flush is still undecided; it is written (escaped or not) with the next character.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingCarriageReturn) {
            pendingCarriageReturn = false;
            out.write("\\r");
        }
        out.close();
    }
}
