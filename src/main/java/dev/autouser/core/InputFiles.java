package dev.autouser.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file a person named (certificate, key, role, profiles) as text, safely: only regular
 * files (a FIFO would block forever, /dev/zero never ends), at most a bounded size, and only text
 * that decodes. UTF-8 with or without a byte-order mark and UTF-16 with a mark are read; anything
 * else gets a sentence that names the file and what it is instead (DER, binary, too large).
 */
public final class InputFiles {
    /** Far above any PEM chain, role or profile list a person writes by hand. */
    public static final long MAX_BYTES = 1024 * 1024;

    private InputFiles() {
    }

    /**
     * @param what what the file should be, for the sentence ("certificate file", "role file")
     * @throws InputFileException naming the file and the problem
     */
    public static String readText(Path file, String what) {
        requireRegularFile(file, what);
        byte[] bytes = readBounded(file, what);
        return decode(bytes, file, what);
    }

    /** Refuses a missing file, a folder, a device, a pipe or a socket without opening it. */
    public static void requireRegularFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new InputFileException("No such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InputFileException(file + " is a folder, not a " + what + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file + " is not a regular file (a device, pipe or socket): choose the "
                    + what + " itself.");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException("Cannot read " + file + ": permission denied.");
        }
    }

    private static byte[] readBounded(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputFileException(file + " is larger than 1 MiB: too large for a " + what
                        + "; is it the right file?");
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw new InputFileException("Cannot read " + file + ": permission denied.");
        } catch (IOException e) {
            throw new InputFileException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    private static String decode(byte[] bytes, Path file, String what) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, bytes, 3, file, what);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(StandardCharsets.UTF_16BE, bytes, 2, file, what);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(StandardCharsets.UTF_16LE, bytes, 2, file, what);
        }
        if (bytes.length > 1 && (bytes[0] & 0xFF) == 0x30 && ((bytes[1] & 0xFF) >= 0x80)) {
            throw new InputFileException(file + " is binary DER, not text: convert it to PEM (for a certificate:"
                    + " openssl x509 -inform der -in " + file.getFileName() + " -out "
                    + file.getFileName() + ".pem).");
        }
        return strict(StandardCharsets.UTF_8, bytes, 0, file, what);
    }

    private static String strict(Charset charset, byte[] bytes, int offset, Path file, String what) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            int control = firstBinaryCharacter(text);
            if (control >= 0) {
                throw new InputFileException(file + " is not a text " + what + ": it holds binary data (character "
                        + String.format("U+%04X", (int) text.charAt(control)) + " at position " + control + ").");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new InputFileException(file + " is not a text " + what + ": it is neither UTF-8 nor UTF-16 with a"
                    + " byte-order mark (binary data, or another encoding).");
        }
    }

    /** NUL and other C0 controls besides tab, CR and LF never occur in PEM, YAML or JSON text. */
    private static int firstBinaryCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
