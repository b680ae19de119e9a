package dev.autouser.ui.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File reads and writes for {@link BackgroundWork} (never on the FX thread); failures stay one sentence. */
public final class TextFiles {
    private TextFiles() {
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(describe(e), e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(describe(e), e);
        }
    }

    /** {@code NoSuchFileException} says only the path; name the problem too. */
    private static String describe(IOException e) {
        String simple = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? simple : simple + " (" + e.getMessage() + ")";
    }
}
