package dev.autouser.core.postgres.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether pg_hba.conf admits Teleport's admin with its client certificate: the rules are tried in
 * order and the first that matches a connection decides, so the verdict names that rule, and the
 * narrower rules before it that decide for some client addresses instead. Teleport's agent address
 * is not known here.
 */
public record HbaVerdict(boolean admitted, List<String> lines) {
    public HbaVerdict {
        lines = List.copyOf(lines);
    }

    static HbaVerdict of(List<HbaRule> rules, String admin, String database, List<String> adminGroups) {
        List<String> lines = new ArrayList<>();
        java.util.Set<String> decided = new java.util.HashSet<>();
        for (HbaRule rule : rules) {
            if (rule.error().isPresent()) {
                lines.add("pg_hba.conf line " + rule.line() + " cannot be used by the server: " + rule.error().get());
                continue;
            }
            if (!rule.takesTlsConnections() || !rule.matchesDatabase(database, admin, adminGroups)
                    || !rule.matchesUser(admin, adminGroups)) {
                continue;
            }
            boolean cert = rule.method().equals("cert");
            String said = "pg_hba.conf line " + rule.line() + " (" + rule.text() + ")";
            if (!rule.anyAddress()) {
                if (!decided.add(rule.addressText())) {
                    continue; // an earlier line already decides for these addresses
                }
                lines.add(said + (cert ? " admits " + admin + " with its certificate from "
                        : " decides first for " + admin + " connecting from ")
                        + rule.addressText() + (cert ? "" : " (" + rule.method() + ", not cert): Teleport's"
                        + " agent must connect from another address"));
                continue;
            }
            if (cert) {
                lines.add(said + " admits " + admin + " with its client certificate from any address.");
                return new HbaVerdict(true, lines);
            }
            boolean somewhere = lines.stream().anyMatch(l -> l.contains(" admits "));
            lines.add(said + " decides for " + admin + " from " + (somewhere ? "every other" : "any") + " address with "
                    + rule.method() + ": Teleport's agent logs in with its client certificate, so "
                    + (somewhere ? "it must connect from an address admitted above, or a hostssl ... cert line must come"
                    + " before this one" : "it needs a hostssl ... cert line before this one")
                    + " (Teleport's guide: hostssl all all 0.0.0.0/0 cert and ::/0).");
            return new HbaVerdict(somewhere, lines);
        }
        boolean someCert = lines.stream().anyMatch(l -> l.contains(" admits "));
        if (!someCert) {
            lines.add("No pg_hba.conf line admits " + admin + " over TLS with a client certificate: add"
                    + " 'hostssl all all 0.0.0.0/0 cert' and 'hostssl all all ::/0 cert' (Teleport's guide) and reload.");
        }
        return new HbaVerdict(someCert, lines);
    }
}
