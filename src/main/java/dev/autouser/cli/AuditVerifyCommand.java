package dev.autouser.cli;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.audit.ChainVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the audit log's hash chain: reports the first altered, missing, reordered, inserted or "
                + "cut-off record by number and time, and prints the head hash to keep elsewhere (a ticket).",
                "Exit codes: 0 intact (or empty), 1 broken or not chained, 2 usage error."})
final class AuditVerifyCommand extends AuditReadingCommand {
    @Option(names = "--anchor", paramLabel = "HASH",
            description = "A head hash kept earlier (e.g. in a ticket): checks that this record is still in the chain, "
                    + "which proves nothing up to it changed since.")
    String anchor;

    @Override
    int run(AuditReading reading, PrintWriter out) {
        ChainVerdict verdict = reading.verdict();
        out.println(verdict.summary());
        verdict.notes().forEach(note -> out.println("note: " + note));
        verdict.intactHead().ifPresent(head -> out.println("Head: #" + head.seq() + " sha256:" + head.hash()));
        boolean anchored = anchor == null || checkAnchor(reading, verdict, out);
        return verdict.status() == ChainVerdict.Status.INTACT || verdict.status() == ChainVerdict.Status.EMPTY
                ? (anchored ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED) : AutoUserCommand.SOME_FAILED;
    }

    private boolean checkAnchor(AuditReading reading, ChainVerdict verdict, PrintWriter out) {
        String wanted = anchor.trim().toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
        Optional<AuditEntry> found = reading.entries().stream().filter(e -> e.hash().equals(wanted)).findFirst();
        if (found.isEmpty()) {
            out.println("Anchor " + wanted + " is NOT in the chain: the records up to it were changed or removed.");
            return false;
        }
        boolean before = verdict.problem().map(p -> p.seq() == 0 || found.get().seq() < p.seq()).orElse(true);
        out.println("Anchor found: record #" + found.get().seq() + (before && verdict.intact()
                ? "; nothing up to it has changed since the hash was taken."
                : "; it is still in the log, but the chain is broken (see above)."));
        return verdict.intact();
    }
}
