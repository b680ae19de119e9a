package dev.autouser.sandbox;

import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.UserStore;

import java.util.List;

/**
 * Many auto-users for benchmarks, straight into the store: a third locked, the rest idle with
 * roles, every seventh a user from root cluster root-eu. No certificates are issued for them.
 */
final class DemoBulkUsers {
    private static final List<List<RoleId>> ROLE_SETS = List.of(
            List.of(RoleId.of("read", "db1")),
            List.of(RoleId.of("readWrite", "db1"), RoleId.of("read", "reporting")),
            List.of(RoleId.of("readWrite", "db2")),
            List.of(RoleId.of("read", "reporting")));

    private DemoBulkUsers() {
    }

    static void seed(UserStore users, int count) {
        for (int i = 1; i <= count; i++) {
            String name = i % 7 == 0 ? String.format("remote-user%06d-root-eu", i) : String.format("user%06d", i);
            users.put(DemoData.storedAutoUser(name, ROLE_SETS.get(i % ROLE_SETS.size()), i % 3 == 0));
        }
    }
}
