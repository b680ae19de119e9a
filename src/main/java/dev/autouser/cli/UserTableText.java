package dev.autouser.cli;

import dev.autouser.core.export.UserExport;
import dev.autouser.core.history.Age;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.provisioning.AutoUser;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders auto-users as an aligned text table with the columns of the core export format, the
 * history's instants as ages ("3 h ago"; "-" when not known).
 */
final class UserTableText {
    private static final List<String> HEADERS =
            List.of("MONGODB USER", "TELEPORT USER", "ROOT CLUSTER", "STATE", "ROLES", "CONNECTIONS", "CLIENTS", "APPS",
                    "LAST ACTIVE", "LOCKED SINCE", "FIRST SEEN");

    private UserTableText() {
    }

    /** One pass for the column widths, one to print: no rows are kept (100,000-user listings). */
    static void table(List<AutoUser> users, Map<String, UserEvidence> evidence, Instant now, PrintWriter out) {
        table(users, evidence, now, out, HEADERS.get(0));
    }

    /** The same table whose first column names the engine's user ("POSTGRESQL ROLE"). */
    static void table(List<AutoUser> users, Map<String, UserEvidence> evidence, Instant now, PrintWriter out,
                      String userHeader) {
        List<String> headers = new ArrayList<>(HEADERS);
        headers.set(0, userHeader);
        int[] widths = new int[headers.size()];
        widen(widths, headers);
        users.forEach(u -> widen(widths, row(u, evidence.get(u.mongoName()), now)));
        printRow(out, widths, headers);
        users.forEach(u -> printRow(out, widths, row(u, evidence.get(u.mongoName()), now)));
    }

    private static List<String> row(AutoUser user, UserEvidence evidence, Instant now) {
        List<String> row = new ArrayList<>(UserExport.cells(user));
        if (evidence == null) {
            row.addAll(List.of("-", "-", "-"));
            return row;
        }
        row.add(evidence.latestActivity().map(a -> Age.ago(a.at(), now) + " (" + a.source().label() + ")")
                .orElse("not seen"));
        row.add(evidence.lockedSince().map(at -> Age.ago(at, now)).orElse("-"));
        row.add(evidence.firstSeen().map(at -> Age.ago(at, now)).orElse("-"));
        return row;
    }

    private static void widen(int[] widths, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    private static void printRow(PrintWriter out, int[] widths, List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            line.append(row.get(i));
            if (i < row.size() - 1) {
                line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
