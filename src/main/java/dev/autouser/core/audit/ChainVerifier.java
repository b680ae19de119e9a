package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks every line of a log, oldest first, and finds the first place the chain breaks: a line that
 * is not a record, a record whose content no longer matches its hash (edited), a number that skips
 * (deleted) or goes back (reordered, repeated), a previous-hash that is not the previous record's
 * (forged or inserted), a file that does not start with its genesis or does not continue the file
 * before it, a sealed pre-chain log that changed, and an end that falls short of the head file (cut off).
 */
final class ChainVerifier {
    private final LogFiles files;
    private final boolean headRequired;
    private final List<String> notes = new ArrayList<>();
    private final Map<Long, String> hashes = new HashMap<>();
    private final Set<Long> seen = new HashSet<>();
    private Link at;
    private long chained;
    private long unchained;
    private Path currentFile;
    private int linesInFile;
    private int chainedInFile;

    /** {@code headRequired}: the live log must have its head file (a copy given with --file may not). */
    ChainVerifier(LogFiles files, boolean headRequired) {
        this.files = files;
        this.headRequired = headRequired;
    }

    ChainVerdict verify(List<LogLine> lines) {
        Optional<ChainVerdict.Problem> problem = walk(lines);
        if (problem.isEmpty() && chained > 0) {
            problem = checkHead();
        }
        ChainVerdict.Status status = problem.isPresent() ? ChainVerdict.Status.BROKEN
                : chained > 0 ? ChainVerdict.Status.INTACT
                : unchained > 0 ? ChainVerdict.Status.NOT_CHAINED : ChainVerdict.Status.EMPTY;
        return new ChainVerdict(status, chained, unchained, Optional.ofNullable(at), problem, notes);
    }

    private Optional<ChainVerdict.Problem> walk(List<LogLine> lines) {
        List<Long> numbers = lines.stream().filter(LogLine::chained).map(l -> l.json().get().get(ChainFields.SEQ).asLong()).toList();
        int index = 0;
        for (LogLine line : lines) {
            if (!line.file().equals(currentFile)) {
                currentFile = line.file();
                linesInFile = 0;
                chainedInFile = 0;
            }
            if (isSealed(line.file())) {
                unchained++;
                continue;
            }
            Optional<ChainVerdict.Problem> problem = check(line, numbers.subList(Math.min(index, numbers.size()), numbers.size()));
            if (problem.isPresent()) {
                return problem;
            }
            linesInFile++;
            if (line.chained()) {
                index++;
                chainedInFile++;
            }
        }
        return Optional.empty();
    }

    private Optional<ChainVerdict.Problem> check(LogLine line, List<Long> numbersFromHere) {
        if (line.json().isEmpty() && at == null && chainedInFile == 0) {
            // Inside a log from before the chain: damage there is reported, but it breaks no chain.
            notes.add(line.where() + " is not a readable record.");
            return Optional.empty();
        }
        if (line.json().isEmpty()) {
            return problem(0, null, line, "not a readable record (cut short, or edited by hand)");
        }
        JsonNode node = line.json().get();
        Instant time = time(node);
        if (!line.chained()) {
            if (at == null) {
                unchained++;
                return Optional.empty();
            }
            return problem(0, time, line, "a record without chain fields inside the chain (inserted, or written by an older version)");
        }
        long seq = node.get(ChainFields.SEQ).asLong();
        String prev = node.get(ChainFields.PREV).asText();
        if (!CanonicalJson.hashOf((ObjectNode) node).equals(node.get(ChainFields.HASH).asText())) {
            return problem(seq, time, line, "altered: its content no longer matches its hash");
        }
        if (chainedInFile == 0 && !ChainFields.isGenesis(node)) {
            return problem(seq, time, line, "the file does not start with its genesis record (its first records were removed)");
        }
        if (chainedInFile == 0 && linesInFile > 0) {
            return problem(seq, time, line, linesInFile + (linesInFile == 1 ? " line stands" : " lines stand")
                    + " before the file's genesis record (inserted)");
        }
        if (chainedInFile > 0 && ChainFields.isGenesis(node)) {
            return problem(seq, time, line, "a genesis record in the middle of a file (files were joined)");
        }
        if (ChainFields.isGenesis(node)) {
            Optional<ChainVerdict.Problem> genesis = checkGenesis(node, seq, time, line);
            if (genesis.isPresent()) {
                return genesis;
            }
        } else {
            chained++;
        }
        Optional<ChainVerdict.Problem> order = checkOrder(seq, prev, time, line, numbersFromHere);
        if (order.isPresent()) {
            return order;
        }
        at = new Link(seq, node.get(ChainFields.HASH).asText());
        hashes.put(seq, at.hash());
        seen.add(seq);
        return Optional.empty();
    }

    private Optional<ChainVerdict.Problem> checkOrder(long seq, String prev, Instant time, LogLine line, List<Long> numbersFromHere) {
        long expected = at == null ? seq : at.seq() + 1;
        if (seq < expected || seen.contains(seq)) {
            return problem(seq, time, line, "out of order: record #" + at.seq() + " came before it (records were moved or repeated)");
        }
        if (seq > expected) {
            boolean comesLater = numbersFromHere.contains(expected);
            return problem(seq, time, line, comesLater
                    ? "out of order: it comes before record #" + expected + ", which appears later (records were swapped or moved)"
                    : (seq - expected == 1 ? "record #" + expected + " is missing" : "records #" + expected + " to #" + (seq - 1)
                    + " are missing") + " before it (deleted)");
        }
        if (at == null && !prev.equals(CanonicalJson.ZERO_HASH)) {
            return problem(seq, time, line, "the chain continues from a record that is not here (an earlier file was removed)");
        }
        if (at != null && !prev.equals(at.hash())) {
            return problem(seq, time, line, "its previous hash is not the hash of record #" + at.seq()
                    + " (forged, or inserted in place of the real record)");
        }
        return Optional.empty();
    }

    private Optional<ChainVerdict.Problem> checkGenesis(JsonNode genesis, long seq, Instant time, LogLine line) {
        String sealedName = genesis.path(ChainFields.SEALED_FILE).asText("");
        if (sealedName.isEmpty()) {
            return Optional.empty();
        }
        Path sealed = line.file().resolveSibling(sealedName);
        try {
            if (!Files.isRegularFile(sealed)) {
                return problem(seq, time, line, "the unchained log " + sealedName + " it sealed is missing");
            }
            if (!CanonicalJson.sha256(Files.readAllBytes(sealed)).equals(genesis.path(ChainFields.SEALED_SHA256).asText())) {
                return problem(seq, time, line, "the unchained log " + sealedName + " it sealed was changed since");
            }
        } catch (IOException e) {
            return problem(seq, time, line, "the unchained log " + sealedName + " it sealed cannot be read (" + e.getMessage() + ")");
        }
        notes.add("The records in " + sealedName + " predate the chain; genesis #" + seq + " sealed them and they are unchanged since.");
        return Optional.empty();
    }

    private Optional<ChainVerdict.Problem> checkHead() {
        Optional<HeadFile.Head> head = HeadFile.read(files);
        if (head.isEmpty()) {
            String what = HeadFile.exists(files) ? "the head file " + files.head().getFileName() + " is unreadable"
                    : "the head file " + files.head().getFileName() + " is missing";
            if (headRequired) {
                return Optional.of(new ChainVerdict.Problem(at.seq(), Optional.empty(), files.live().getFileName().toString(),
                        what + ", so a cut-off end cannot be ruled out"));
            }
            notes.add(what + ": whether records were cut off the end cannot be checked.");
            return Optional.empty();
        }
        Link expected = head.get().link();
        String where = "end of " + files.live().getFileName();
        if (expected.seq() > at.seq()) {
            return Optional.of(new ChainVerdict.Problem(expected.seq(), Optional.of(head.get().time()), where,
                    "missing: the log ends at #" + at.seq() + " but the head file names #" + expected.seq()
                            + " (the file was cut off)"));
        }
        if (!expected.hash().equals(hashes.get(expected.seq()))) {
            return Optional.of(new ChainVerdict.Problem(expected.seq(), Optional.of(head.get().time()), where,
                    "not the record the head file names (replaced, or the chain was rewritten)"));
        }
        if (expected.seq() < at.seq()) {
            notes.add("Records #" + (expected.seq() + 1) + " to #" + at.seq()
                    + " were written after the head file was last updated (an interrupted write, or added without the console).");
        }
        return Optional.empty();
    }

    private boolean isSealed(Path file) {
        return file.getFileName().toString().contains("-unchained-");
    }

    private static Instant time(JsonNode node) {
        try {
            return Instant.parse(node.path("time").asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<ChainVerdict.Problem> problem(long seq, Instant time, LogLine line, String what) {
        return Optional.of(new ChainVerdict.Problem(seq, Optional.ofNullable(time), line.where(), what));
    }
}
