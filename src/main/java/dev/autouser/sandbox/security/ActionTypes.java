package dev.autouser.sandbox.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The privilege action names MongoDB 7.0 recognizes ({@code action_type.idl}). */
final class ActionTypes {

    private static final Set<String> ALL = new TreeSet<>(List.of(
            "addShard", "advanceClusterTime", "allCollectionStats", "analyze", "analyzeShardKey", "anyAction",
            "appendOplogNote", "applicationMessage", "applyOps", "auditConfigure", "auditLogRotate", "authCheck",
            "authenticate", "authSchemaUpgrade", "bypassDocumentValidation", "bypassWriteBlockingMode",
            "changeCustomData", "changePassword", "changeOwnPassword", "changeOwnCustomData", "changeStream",
            "checkFreeMonitoringStatus", "checkMetadataConsistency", "cleanupOrphaned", "clearJumboFlag",
            "cleanupStructuredEncryptionData", "closeAllDatabases", "collMod", "collStats", "compact",
            "compactStructuredEncryptionData", "configureQueryAnalyzer", "connPoolStats", "connPoolSync",
            "convertToCapped", "cpuProfiler", "createCollection", "createDatabase", "createIndex", "createRole",
            "createSearchIndexes", "createUser", "dbCheck", "dbHash", "dbStats", "dropAllRolesFromDatabase",
            "dropAllUsersFromDatabase", "dropCollection", "dropConnections", "dropDatabase", "dropIndex",
            "dropRole", "dropSearchIndex", "dropUser", "emptycapped", "enableProfiler", "enableSharding",
            "exportCollection", "find", "flushRouterConfig", "forceUUID", "fsync", "fsyncUnlock",
            "getChangeStreamState", "getClusterParameter", "getDatabaseVersion", "getDefaultRWConcern",
            "getCmdLineOpts", "getLog", "getParameter", "getShardMap", "getShardVersion", "grantRole",
            "grantPrivilegesToRole", "grantRolesToRole", "grantRolesToUser", "hostInfo", "impersonate",
            "importCollection", "indexStats", "inprog", "insert", "internal", "invalidateUserCache",
            "issueDirectShardOperations", "killAnyCursor", "killAnySession", "killCursors", "killop",
            "listCachedAndActiveUsers", "listCollections", "listCursors", "listDatabases", "listIndexes",
            "listSampledQueries", "listSearchIndexes", "listSessions", "listShards", "logRotate",
            "updateSearchIndex", "moveChunk", "moveCollection", "netstat", "oidcListKeys", "oidcRefreshKeys",
            "oidReset", "operationMetrics", "planCacheIndexFilter", "planCacheRead", "planCacheWrite",
            "querySettings", "queryStatsRead", "queryStatsReadTransformed", "refineCollectionShardKey", "reIndex",
            "remove", "removeShard", "renameCollection", "renameCollectionSameDB", "repairDatabase",
            "replSetConfigure", "replSetGetConfig", "replSetGetStatus", "replSetHeartbeat", "replSetReconfig",
            "replSetResizeOplog", "replSetStateChange", "reshardCollection", "resync", "revokeRole",
            "revokePrivilegesFromRole", "revokeRolesFromRole", "revokeRolesFromUser", "rotateCertificates",
            "runAsLessPrivilegedUser", "runTenantMigration", "serverStatus", "setAuthenticationRestriction",
            "setChangeStreamState", "setClusterParameter", "setDefaultRWConcern", "setFeatureCompatibilityVersion",
            "setFreeMonitoring", "setParameter", "setUserWriteBlockMode", "shardCollection",
            "shardedDataDistribution", "shardingState", "shutdown", "splitChunk", "splitVector", "storageDetails",
            "top", "touch", "trafficRecord", "transitionFromDedicatedConfigServer",
            "transitionToDedicatedConfigServer", "unlock", "useTenant", "useUUID", "update", "updateRole",
            "updateUser", "validate", "viewRole", "viewUser"));

    private ActionTypes() {
    }

    static boolean isKnown(String action) {
        return ALL.contains(action);
    }

    static List<String> all() {
        return List.copyOf(ALL);
    }
}
