package dev.autouser.core.postgres.admin;

import java.util.List;
import java.util.Optional;

/** One row of {@code pg_hba_file_rules}: a line of pg_hba.conf as the server parsed it. */
public record HbaRule(int line, String type, List<String> databases, List<String> users, Optional<String> address,
                      Optional<String> netmask, String method, Optional<String> error) {
    public HbaRule {
        databases = List.copyOf(databases);
        users = List.copyOf(users);
    }

    /** As the line reads in pg_hba.conf: {@code hostssl all all 0.0.0.0/0 cert}. */
    public String text() {
        if (error.isPresent()) {
            return "(unparsable: " + error.get() + ")";
        }
        return type + " " + String.join(",", databases) + " " + String.join(",", users)
                + address.map(a -> " " + addressText()).orElse("") + " " + method;
    }

    /** {@code 127.0.0.1/32}: the view splits a CIDR into address and mask; written back as pg_hba.conf would. */
    String addressText() {
        String a = address.orElse("");
        return netmask.map(m -> a + "/" + prefixLength(m)).orElse(a);
    }

    private static String prefixLength(String mask) {
        try {
            int bits = 0;
            for (byte b : java.net.InetAddress.getByName(mask).getAddress()) {
                bits += Integer.bitCount(b & 0xff);
            }
            return Integer.toString(bits);
        } catch (java.net.UnknownHostException e) {
            return mask;
        }
    }

    /** A TLS connection over TCP is matched by host, hostssl and hostnogssenc lines. */
    boolean takesTlsConnections() {
        return type.equals("host") || type.equals("hostssl") || type.equals("hostnogssenc");
    }

    boolean matchesDatabase(String database, String user, List<String> userGroups) {
        return databases.stream().anyMatch(d -> d.equals("all") || d.equals(database)
                || (d.equals("sameuser") && database.equals(user))
                || (d.equals("samerole") && userGroups.contains(database)));
    }

    boolean matchesUser(String user, List<String> userGroups) {
        return users.stream().anyMatch(u -> u.equals("all") || u.equals(user)
                || (u.startsWith("+") && userGroups.contains(u.substring(1))));
    }

    /** {@code all}, {@code 0.0.0.0/0} or {@code ::/0}: every client address (samehost/samenet are not). */
    boolean anyAddress() {
        String a = addressText();
        return a.equals("all") || a.endsWith("/0");
    }
}
