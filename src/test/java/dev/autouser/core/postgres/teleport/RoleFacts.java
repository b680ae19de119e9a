package dev.autouser.core.postgres.teleport;

import dev.autouser.testsupport.PostgresTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the server says about one role, read as the superuser (never through the code under test). */
record RoleFacts(boolean canLogin, boolean inGroup, List<String> directRoles, int sessions) {
    static Optional<RoleFacts> of(String user) throws SQLException {
        try (Connection su = PostgresTarget.shared().admin();
             PreparedStatement query = su.prepareStatement("""
                     SELECT r.rolcanlogin,
                            EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid
                                      AND m.roleid = (SELECT oid FROM pg_roles WHERE rolname = 'teleport-auto-user')),
                            ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                   WHERE m.member = r.oid AND g.rolname <> 'teleport-auto-user' ORDER BY 1),
                            (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = r.rolname)
                       FROM pg_roles r WHERE r.rolname = ?""")) {
            query.setString(1, user);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<String> roles = new ArrayList<>(List.of((String[]) row.getArray(3).getArray()));
                return Optional.of(new RoleFacts(row.getBoolean(1), row.getBoolean(2), roles, row.getInt(4)));
            }
        }
    }

    static RoleFacts existing(String user) throws SQLException {
        return of(user).orElseThrow(() -> new AssertionError(user + " does not exist"));
    }
}
