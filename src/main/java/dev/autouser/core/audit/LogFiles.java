package dev.autouser.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one audit log, all in the live file's folder: the live file ({@code audit.jsonl}),
 * its head ({@code audit.jsonl.head}: the last record's number and hash, so a cut-off end shows),
 * its lock ({@code audit.jsonl.lock}), rotated files ({@code audit-2026-11-000000001.jsonl}: month
 * and number of their first record) and logs from before the chain ({@code audit-unchained-…}).
 */
record LogFiles(Path live) {
    private static final DateTimeFormatter SEALED_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    LogFiles {
        live = live.toAbsolutePath().normalize();
    }

    Path folder() {
        return live.getParent();
    }

    Path head() {
        return live.resolveSibling(live.getFileName() + ".head");
    }

    Path lock() {
        return live.resolveSibling(live.getFileName() + ".lock");
    }

    /** Where the live file goes when it is rotated; its first record has number {@code firstSeq}. */
    Path rotated(YearMonth month, long firstSeq) {
        return live.resolveSibling(String.format("%s-%s-%09d%s", stem(), month, firstSeq, extension()));
    }

    /** Where an unchained log from an older version goes when the chain starts. */
    Path sealed(Instant now) {
        Path candidate = live.resolveSibling(stem() + "-unchained-" + SEALED_TIME.format(now) + extension());
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = live.resolveSibling(stem() + "-unchained-" + SEALED_TIME.format(now) + "-" + n + extension());
        }
        return candidate;
    }

    /** Every file of this log, oldest first: sealed unchained logs, rotated files in chain order, the live file. */
    List<Path> all() {
        List<Path> sealed = new ArrayList<>();
        List<Path> rotated = new ArrayList<>();
        Pattern rotatedName = Pattern.compile(Pattern.quote(stem()) + "-\\d{4}-\\d{2}-(\\d{1,18})" + Pattern.quote(extension()));
        String sealedPrefix = stem() + "-unchained-";
        try (Stream<Path> files = Files.list(folder())) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                if (rotatedName.matcher(name).matches()) {
                    rotated.add(file);
                } else if (name.startsWith(sealedPrefix) && name.endsWith(extension())) {
                    sealed.add(file);
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the audit folder " + folder(), e);
        }
        sealed.sort(Comparator.comparing(Path::toString));
        rotated.sort(Comparator.comparingLong(file -> firstSeq(rotatedName, file)));
        List<Path> all = new ArrayList<>(sealed);
        all.addAll(rotated);
        if (Files.isRegularFile(live)) {
            all.add(live);
        }
        return all;
    }

    private static long firstSeq(Pattern rotatedName, Path file) {
        Matcher matcher = rotatedName.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
    }

    private String stem() {
        String name = live.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private String extension() {
        String name = live.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}
