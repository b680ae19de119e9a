package dev.autouser.core.postgres.admin;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the server says about Teleport's admin role, the group and TLS, in one query; pg_hba.conf's
 * rules in a second one when this login may read them (superuser, or a grant on pg_hba_file_rules).
 */
record AdminState(int versionNum, boolean ssl, boolean adminExists, boolean canLogin, boolean createRole,
                  boolean adminSuperuser, boolean groupExists, boolean adminInGroup, boolean adminOption,
                  List<String> adminGroups, boolean hbaReadable, List<HbaRule> hba) {
    static final String GROUP = "teleport-auto-user";

    static AdminState read(PostgresGateway gateway, String admin) {
        String a = SqlText.literal(admin);
        String sql = "SELECT current_setting('server_version_num')::int, current_setting('ssl') = 'on',"
                + " r.oid IS NOT NULL, COALESCE(r.rolcanlogin, false), COALESCE(r.rolcreaterole, false),"
                + " COALESCE(r.rolsuper, false), g.oid IS NOT NULL,"
                + " EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = g.oid AND m.member = r.oid),"
                + " COALESCE((SELECT bool_or(m.admin_option) FROM pg_auth_members m WHERE m.roleid = g.oid AND m.member = r.oid), false),"
                + " CASE WHEN r.oid IS NULL THEN ARRAY[]::text[] ELSE"
                + " ARRAY(SELECT x.rolname::text FROM pg_roles x WHERE x.oid <> r.oid AND pg_has_role(r.oid, x.oid, 'MEMBER')) END,"
                + " has_table_privilege('pg_catalog.pg_hba_file_rules', 'SELECT')"
                + " AND has_function_privilege('pg_catalog.pg_hba_file_rules()', 'EXECUTE')"
                + " FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = " + a
                + " LEFT JOIN pg_roles g ON g.rolname = " + SqlText.literal(GROUP);
        AdminState state = gateway.query(sql, "read " + admin + "'s role", rows -> {
            rows.next();
            return new AdminState(rows.getInt(1), rows.getBoolean(2), rows.getBoolean(3), rows.getBoolean(4),
                    rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7), rows.getBoolean(8), rows.getBoolean(9),
                    strings(rows.getArray(10)), rows.getBoolean(11), List.of());
        });
        if (!state.hbaReadable) {
            return state;
        }
        List<HbaRule> rules = gateway.query("SELECT line_number, type, database, user_name, address, netmask, auth_method,"
                + " error FROM pg_catalog.pg_hba_file_rules ORDER BY line_number", "read pg_hba.conf's rules", AdminState::rules);
        return new AdminState(state.versionNum, state.ssl, state.adminExists, state.canLogin, state.createRole,
                state.adminSuperuser, state.groupExists, state.adminInGroup, state.adminOption, state.adminGroups, true, rules);
    }

    boolean adminOptionRules() {
        return versionNum >= 160000;
    }

    private static List<HbaRule> rules(ResultSet rows) throws SQLException {
        List<HbaRule> rules = new ArrayList<>();
        while (rows.next()) {
            rules.add(new HbaRule(rows.getInt(1), Optional.ofNullable(rows.getString(2)).orElse(""),
                    strings(rows.getArray(3)), strings(rows.getArray(4)), Optional.ofNullable(rows.getString(5)),
                    Optional.ofNullable(rows.getString(6)), Optional.ofNullable(rows.getString(7)).orElse(""),
                    Optional.ofNullable(rows.getString(8))));
        }
        return rules;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
