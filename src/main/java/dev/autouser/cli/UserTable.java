package dev.autouser.cli;

import dev.autouser.core.export.UserExport;
import dev.autouser.core.provisioning.AutoUser;

import java.util.ArrayList;
import java.util.List;

/** Renders auto-users as an aligned text table with the columns of the core export format. */
final class UserTable {
    private static final List<String> HEADERS =
            List.of("MONGODB USER", "TELEPORT USER", "ROOT CLUSTER", "STATE", "ROLES", "CONNECTIONS", "CLIENTS", "APPS");

    private UserTable() {
    }

    static String table(List<AutoUser> users) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        users.forEach(u -> rows.add(UserExport.cells(u)));
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
