package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;

/** The privileges MongoDB requires for server-level commands (activity, diagnostics, sessions). */
final class ServerRequirements {

    /** Commands whose only requirement is one action on the cluster resource. */
    private static final Map<String, String> CLUSTER_ACTIONS = Map.ofEntries(
            Map.entry("serverstatus", "serverStatus"), Map.entry("hostinfo", "hostInfo"),
            Map.entry("getcmdlineopts", "getCmdLineOpts"), Map.entry("getlog", "getLog"),
            Map.entry("getparameter", "getParameter"), Map.entry("setparameter", "setParameter"),
            Map.entry("replsetgetstatus", "replSetGetStatus"), Map.entry("replsetgetconfig", "replSetGetConfig"),
            Map.entry("top", "top"), Map.entry("shutdown", "shutdown"), Map.entry("fsync", "fsync"),
            Map.entry("fsyncunlock", "unlock"), Map.entry("logrotate", "logRotate"),
            Map.entry("connpoolstats", "connPoolStats"), Map.entry("getdefaultrwconcern", "getDefaultRWConcern"),
            Map.entry("setdefaultrwconcern", "setDefaultRWConcern"), Map.entry("lockinfo", "serverStatus"),
            Map.entry("killop", "killop"), Map.entry("setfeaturecompatibilityversion", "setFeatureCompatibilityVersion"),
            Map.entry("getclusterparameter", "getClusterParameter"),
            Map.entry("setclusterparameter", "setClusterParameter"), Map.entry("killallsessions", "killAnySession"),
            Map.entry("dropconnections", "dropConnections"), Map.entry("netstat", "netstat"),
            Map.entry("listshards", "listShards"), Map.entry("getshardmap", "getShardMap"));

    private ServerRequirements() {
    }

    /** Returns false when {@code command} is not a server-level command. */
    static boolean check(AuthzSession session, String command, Document body) {
        String clusterAction = CLUSTER_ACTIONS.get(command);
        if (clusterAction != null) {
            session.requireOnCluster(clusterAction);
            return true;
        }
        switch (command) {
            case "currentop" -> currentOp(session, body);
            case "listdatabases" -> listDatabases(session, body);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Your own operations need nothing; everybody's ({@code $ownOps} false or absent) need inprog. */
    private static void currentOp(AuthzSession session, Document body) {
        if (!UmcArgs.flag(body, "$ownOps", false)) {
            session.requireOnCluster("inprog");
        }
    }

    /**
     * Since MongoDB 4.0.6 anyone may list the databases they have privileges on; only
     * {@code authorizedDatabases: false} (list everything) needs listDatabases on the cluster.
     */
    private static void listDatabases(AuthzSession session, Document body) {
        Object authorizedDatabases = body.get("authorizedDatabases");
        if (authorizedDatabases != null && !UmcArgs.flag(body, "authorizedDatabases", true)) {
            session.requireOnCluster("listDatabases");
        }
    }
}
