package dev.autouser.sandbox;

import dev.autouser.sandbox.security.RoleId;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's Teleport users: about thirty auto-users in every state, with root-cluster names
 * ({@code remote-<user>-<cluster>}) among them. Locked users keep the roles Teleport would grant them
 * on their next session here; in the store they hold none.
 */
final class DemoRoster {
    private static final RoleId READ_WRITE_DB1 = RoleId.of("readWrite", "db1");
    private static final RoleId READ_DB1 = RoleId.of("read", "db1");
    private static final RoleId READ_WRITE_DB2 = RoleId.of("readWrite", "db2");
    private static final RoleId READ_DB2 = RoleId.of("read", "db2");
    private static final RoleId CUSTOM_DB2 = RoleId.of("myCustomRole", "db2");
    private static final RoleId READ_REPORTING = RoleId.of("read", "reporting");
    private static final RoleId DB_ADMIN_DB1 = RoleId.of("dbAdmin", "db1");

    private DemoRoster() {
    }

    static List<DemoData.DemoUser> autoUsers() {
        List<DemoData.DemoUser> users = new ArrayList<>();
        active(users, "alice", READ_WRITE_DB1, READ_REPORTING);
        active(users, "bob", READ_DB1, READ_REPORTING);
        active(users, "carol", READ_WRITE_DB2, CUSTOM_DB2);
        active(users, "dave", READ_REPORTING);
        active(users, "erin", READ_WRITE_DB1);
        active(users, "remote-frank-root-eu", READ_REPORTING);
        active(users, "grace", DB_ADMIN_DB1, READ_DB1);
        active(users, "remote-heidi-root-us", READ_DB2);
        notCleanedUp(users, "ivan", READ_DB1);
        notCleanedUp(users, "judy", READ_WRITE_DB1, READ_REPORTING);
        notCleanedUp(users, "mallory", READ_DB2);
        notCleanedUp(users, "niaj", CUSTOM_DB2);
        notCleanedUp(users, "olivia", READ_REPORTING);
        notCleanedUp(users, "peggy", READ_WRITE_DB2);
        notCleanedUp(users, "rupert", READ_DB1, READ_DB2);
        notCleanedUp(users, "sybil", READ_REPORTING);
        notCleanedUp(users, "trent", READ_WRITE_DB1);
        notCleanedUp(users, "victor", DB_ADMIN_DB1);
        notCleanedUp(users, "remote-walter-root-us", READ_DB1);
        notCleanedUp(users, "remote-yara-root-eu", READ_REPORTING, READ_DB2);
        locked(users, "zoe", READ_DB1);
        locked(users, "liam", READ_WRITE_DB1);
        locked(users, "noah", READ_REPORTING);
        locked(users, "emma", READ_DB2);
        locked(users, "mia", CUSTOM_DB2);
        locked(users, "lucas", READ_DB1, READ_REPORTING);
        locked(users, "remote-ava-root-us", READ_REPORTING);
        locked(users, "remote-ethan-root-eu", READ_WRITE_DB2);
        locked(users, "sophia", READ_DB1);
        locked(users, "jack", READ_REPORTING);
        return users;
    }

    private static void active(List<DemoData.DemoUser> users, String name, RoleId... roles) {
        users.add(new DemoData.DemoUser(name, List.of(roles), DemoData.DemoState.ACTIVE));
    }

    private static void notCleanedUp(List<DemoData.DemoUser> users, String name, RoleId... roles) {
        users.add(new DemoData.DemoUser(name, List.of(roles), DemoData.DemoState.NOT_CLEANED_UP));
    }

    private static void locked(List<DemoData.DemoUser> users, String name, RoleId... roles) {
        users.add(new DemoData.DemoUser(name, List.of(roles), DemoData.DemoState.LOCKED));
    }
}
