package dev.autouser.cli;

import dev.autouser.core.export.UserExport;
import dev.autouser.core.provisioning.AutoUser;

import java.io.PrintWriter;
import java.util.List;

/** Renders auto-users as an aligned text table with the columns of the core export format. */
final class UserTableText {
    private static final List<String> HEADERS =
            List.of("MONGODB USER", "TELEPORT USER", "ROOT CLUSTER", "STATE", "ROLES", "CONNECTIONS", "CLIENTS", "APPS");

    private UserTableText() {
    }

    /** One pass for the column widths, one to print: no rows are kept (100,000-user listings). */
    static void table(List<AutoUser> users, PrintWriter out) {
        table(users, out, HEADERS.get(0));
    }

    /** The same table whose first column names the engine's user ("POSTGRESQL ROLE"). */
    static void table(List<AutoUser> users, PrintWriter out, String userHeader) {
        List<String> headers = new java.util.ArrayList<>(HEADERS);
        headers.set(0, userHeader);
        int[] widths = new int[headers.size()];
        widen(widths, headers);
        users.forEach(u -> widen(widths, UserExport.cells(u)));
        printRow(out, widths, headers);
        users.forEach(u -> printRow(out, widths, UserExport.cells(u)));
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
