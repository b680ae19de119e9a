package dev.autouser.core.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * The roles a DBA may hand a dropped auto-user's objects to ({@code REASSIGN OWNED BY ... TO role}):
 * every role except PostgreSQL's predefined {@code pg_*} roles, the group itself and the auto-users
 * (which {@link AutoUserSql#reassignAndDrop} refuses with {@code AU004}); the connected role first,
 * the usual choice. Whether the server lets the connected role reassign to it is the server's answer.
 */
public final class NewOwners {
    static final String SQL = "SELECT rolname FROM pg_roles r WHERE rolname !~ '^pg_' AND rolname <> "
            + SqlText.literal(AutoUserSql.GROUP) + " AND NOT " + AutoUserSql.isAutoUser("r.oid")
            + " ORDER BY rolname <> current_user, rolname";

    private NewOwners() {
    }

    public static List<String> candidates(PostgresGateway gateway) {
        return gateway.query(SQL, "list the roles that can take owned objects", rows -> {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        });
    }
}
