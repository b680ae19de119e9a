package dev.autouser.core.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads every line of every file of a log, oldest first; blank lines are dropped. */
final class LogReader {
    private LogReader() {
    }

    static List<LogLine> read(LogFiles files) {
        List<LogLine> lines = new ArrayList<>();
        for (Path file : files.all()) {
            readFile(file, lines);
        }
        return lines;
    }

    static void readFile(Path file, List<LogLine> into) {
        // Damaged bytes must not stop the reading of what is there: they become replacement characters.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    into.add(new LogLine(file, number, text, LineScanner.parse(text)));
                }
            }
        } catch (NoSuchFileException e) {
            // Rotated away between listing and reading: the next read sees it under its new name.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file, e);
        }
    }
}
