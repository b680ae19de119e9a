package dev.autouser.sandbox.security;

import dev.autouser.sandbox.security.BuiltinRoles.Definition;
import dev.autouser.sandbox.security.BuiltinRoles.BuiltinGrant;
import dev.autouser.sandbox.security.BuiltinRoles.BuiltinGrant.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The data of MongoDB 7.0's built-in role table ({@code builtin_roles.yml}), minus time-series buckets. */
final class BuiltinRoleTable {

    static final List<String> READ = List.of("changeStream", "collStats", "dbHash", "dbStats", "find",
            "killCursors", "listCollections", "listIndexes", "listSearchIndexes", "planCacheRead");
    static final List<String> READ_WRITE = concat(READ, List.of("cleanupStructuredEncryptionData",
            "compactStructuredEncryptionData", "convertToCapped", "createCollection", "createIndex",
            "createSearchIndexes", "dropCollection", "dropIndex", "dropSearchIndex", "insert", "remove",
            "renameCollectionSameDB", "update", "updateSearchIndex"));
    static final List<String> USER_ADMIN = List.of("changeCustomData", "changePassword", "createUser",
            "createRole", "dropUser", "dropRole", "grantRole", "revokeRole", "setAuthenticationRestriction",
            "viewUser", "viewRole");
    static final List<String> DB_ADMIN = List.of("analyze", "bypassDocumentValidation", "collMod", "collStats",
            "compact", "convertToCapped", "createCollection", "dbStats", "dropCollection", "dropDatabase",
            "dropIndex", "dropSearchIndex", "createIndex", "createSearchIndexes", "enableProfiler",
            "listCollections", "listIndexes", "listSearchIndexes", "updateSearchIndex", "planCacheIndexFilter",
            "planCacheRead", "planCacheWrite", "reIndex", "renameCollectionSameDB", "storageDetails", "validate",
            "configureQueryAnalyzer");
    static final List<String> PROFILE = concat(READ, List.of("convertToCapped", "createCollection", "dropCollection"));
    static final List<String> CLUSTER_MONITOR_CLUSTER = List.of("connPoolStats", "getCmdLineOpts",
            "getDefaultRWConcern", "getLog", "getParameter", "getShardMap", "hostInfo", "listDatabases",
            "listSampledQueries", "listSessions", "listShards", "netstat", "operationMetrics", "replSetGetConfig",
            "replSetGetStatus", "serverStatus", "top", "useUUID", "inprog", "shardingState", "allCollectionStats",
            "shardedDataDistribution");
    static final List<String> CLUSTER_MONITOR_DB = List.of("collStats", "dbStats", "getDatabaseVersion",
            "getShardVersion", "indexStats");
    static final List<String> HOST_MANAGER_CLUSTER = List.of("applicationMessage", "auditConfigure",
            "connPoolSync", "dropConnections", "logRotate", "oidReset", "setParameter", "shutdown", "touch",
            "unlock", "flushRouterConfig", "fsync", "invalidateUserCache", "killAnyCursor", "killAnySession",
            "killop", "replSetResizeOplog", "resync", "trafficRecord", "rotateCertificates", "oidcListKeys",
            "oidcRefreshKeys");
    static final List<String> CLUSTER_MANAGER_CLUSTER = List.of("appendOplogNote", "applicationMessage",
            "replSetConfigure", "replSetGetConfig", "replSetGetStatus", "replSetStateChange", "resync", "addShard",
            "removeShard", "listSessions", "listShards", "flushRouterConfig", "cleanupOrphaned",
            "getDefaultRWConcern", "runTenantMigration", "setDefaultRWConcern", "setFeatureCompatibilityVersion",
            "setClusterParameter", "getClusterParameter", "setChangeStreamState", "getChangeStreamState",
            "querySettings", "queryStatsRead", "queryStatsReadTransformed", "checkMetadataConsistency",
            "transitionFromDedicatedConfigServer", "transitionToDedicatedConfigServer");
    static final List<String> CLUSTER_MANAGER_DB = List.of("analyzeShardKey", "configureQueryAnalyzer",
            "clearJumboFlag", "splitChunk", "moveChunk", "moveCollection", "enableSharding", "splitVector",
            "refineCollectionShardKey", "reshardCollection");
    static final List<String> RESTORE_WRITE = List.of("bypassDocumentValidation", "collMod", "convertToCapped",
            "createCollection", "createIndex", "createSearchIndexes", "dropCollection", "insert",
            "updateSearchIndex");

    private BuiltinRoleTable() {
    }

    static Map<String, Definition> definitions() {
        Map<String, Definition> roles = new LinkedHashMap<>();
        roles.put("read", perDb(database(READ), exact(null, "system.js", READ)));
        roles.put("readWrite", perDb(database(READ_WRITE), exact(null, "system.js", READ_WRITE)));
        roles.put("userAdmin", perDb(database(USER_ADMIN)));
        roles.put("dbAdmin", perDb(database(DB_ADMIN), exact(null, "system.profile", PROFILE)));
        roles.put("dbOwner", new Definition(false, List.of(), List.of("readWrite", "dbAdmin", "userAdmin"), List.of()));
        roles.put("enableSharding", perDb(anyNormal(List.of("analyzeShardKey", "enableSharding", "moveCollection",
                "refineCollectionShardKey", "reshardCollection"))));
        addAnyDatabaseRoles(roles);
        addClusterRoles(roles);
        addBackupRoles(roles);
        roles.put("root", admin(List.of(admin("clusterAdmin"), admin("userAdminAnyDatabase"),
                        admin("dbAdminAnyDatabase"), admin("readWriteAnyDatabase"), admin("backup"), admin("restore"),
                        admin("directShardOperations")),
                any(List.of("validate")), cluster(List.of("useTenant")),
                exact("config", "system.preimages", List.of("find", "remove")),
                exact("config", "system.change_collection", List.of("find", "insert", "remove", "update"))));
        roles.put("directShardOperations", admin(List.of(), cluster(List.of("issueDirectShardOperations"))));
        roles.put("__system", admin(List.of(), any(ActionTypes.all()), cluster(ActionTypes.all())));
        return roles;
    }

    private static void addAnyDatabaseRoles(Map<String, Definition> roles) {
        roles.put("readAnyDatabase", admin(List.of(), anyNormal(READ), cluster(List.of("listDatabases")),
                collectionName("system.js", READ)));
        roles.put("readWriteAnyDatabase", admin(List.of(admin("readAnyDatabase")), anyNormal(READ_WRITE),
                collectionName("system.js", READ_WRITE)));
        List<String> readAndIndex = concat(READ, List.of("createIndex", "createSearchIndexes", "dropIndex",
                "dropSearchIndex"));
        roles.put("userAdminAnyDatabase", admin(List.of(),
                anyNormal(concat(USER_ADMIN, List.of("listCachedAndActiveUsers"))),
                new BuiltinGrant(Scope.DATABASE, "local", null, set(USER_ADMIN)),
                new BuiltinGrant(Scope.DATABASE, "config", null, set(USER_ADMIN)),
                cluster(List.of("listDatabases", "authSchemaUpgrade", "invalidateUserCache", "viewUser")),
                exact("admin", "system.users", readAndIndex), exact("admin", "system.roles", readAndIndex),
                collectionName("system.users", READ), exact("admin", "system.version", READ),
                exact("admin", "system.backup_users", READ)));
        roles.put("dbAdminAnyDatabase", admin(List.of(), cluster(List.of("listDatabases", "applyOps")),
                anyNormal(DB_ADMIN), collectionName("system.profile", PROFILE)));
    }

    private static void addClusterRoles(Map<String, Definition> roles) {
        roles.put("clusterMonitor", admin(List.of(RoleId.of("read", "config"), RoleId.of("read", "local")),
                cluster(CLUSTER_MONITOR_CLUSTER), anyNormal(CLUSTER_MONITOR_DB),
                new BuiltinGrant(Scope.DATABASE, "config", null, set(CLUSTER_MONITOR_DB)),
                exact("config", "system.sessions", CLUSTER_MONITOR_DB),
                new BuiltinGrant(Scope.DATABASE, "local", null, set(CLUSTER_MONITOR_DB)),
                exact("local", "system.replset", List.of("find")), exact("local", "replset.election", List.of("find")),
                exact("local", "replset.minvalid", List.of("find")), collectionName("system.profile", List.of("find"))));
        roles.put("hostManager", admin(List.of(), cluster(HOST_MANAGER_CLUSTER), anyNormal(List.of("killCursors"))));
        roles.put("clusterManager", admin(List.of(RoleId.of("read", "config")), cluster(CLUSTER_MANAGER_CLUSTER),
                anyNormal(CLUSTER_MANAGER_DB),
                new BuiltinGrant(Scope.DATABASE, "config", null, set(concat(CLUSTER_MANAGER_DB,
                        List.of("insert", "update", "remove")))),
                new BuiltinGrant(Scope.DATABASE, "local", null, set(concat(CLUSTER_MANAGER_DB,
                        List.of("insert", "update", "remove")))),
                exact("local", "system.replset", READ), any(List.of("dbCheck")),
                exact("local", "system.healthlog", READ)));
        roles.put("clusterAdmin", admin(List.of(admin("clusterMonitor"), admin("hostManager"), admin("clusterManager")),
                anyNormal(List.of("dropDatabase")), any(List.of("importCollection", "exportCollection"))));
    }

    private static void addBackupRoles(Map<String, Definition> roles) {
        roles.put("__queryableBackup", admin(List.of(),
                any(List.of("collStats", "listCollections", "listIndexes", "listSearchIndexes")),
                anyNormal(List.of("find")), cluster(List.of("getParameter", "listDatabases", "useUUID")),
                new BuiltinGrant(Scope.DATABASE, "config", null, Set.of("find")),
                new BuiltinGrant(Scope.DATABASE, "local", null, Set.of("find")),
                collectionName("system.js", List.of("find")), collectionName("system.users", List.of("find")),
                collectionName("system.profile", List.of("find")),
                exact("admin", "system.roles", List.of("find")), exact("admin", "system.version", List.of("find"))));
        roles.put("backup", admin(List.of(admin("__queryableBackup")),
                cluster(List.of("appendOplogNote", "serverStatus", "setUserWriteBlockMode")),
                exact("config", "settings", List.of("insert", "update"))));
        roles.put("restore", admin(List.of(),
                cluster(List.of("getParameter", "forceUUID", "useUUID", "bypassWriteBlockingMode",
                        "setUserWriteBlockMode", "applyOps")),
                any(List.of("listCollections")), anyNormal(concat(RESTORE_WRITE, USER_ADMIN)),
                collectionName("system.js", RESTORE_WRITE),
                collectionName("system.users", concat(RESTORE_WRITE, List.of("find", "update", "remove"))),
                exact("admin", "system.roles", List.of("createIndex"))));
    }

    private static Definition perDb(BuiltinGrant... grants) {
        return new Definition(false, List.of(), List.of(), Arrays.asList(grants));
    }

    private static Definition admin(List<RoleId> inherits, BuiltinGrant... grants) {
        return new Definition(true, inherits, List.of(), Arrays.asList(grants));
    }

    private static RoleId admin(String role) {
        return RoleId.of(role, "admin");
    }

    private static BuiltinGrant database(List<String> actions) {
        return new BuiltinGrant(Scope.DATABASE, null, null, set(actions));
    }

    private static BuiltinGrant exact(String db, String collection, List<String> actions) {
        return new BuiltinGrant(Scope.EXACT_NAMESPACE, db, collection, set(actions));
    }

    private static BuiltinGrant collectionName(String collection, List<String> actions) {
        return new BuiltinGrant(Scope.COLLECTION_NAME, null, collection, set(actions));
    }

    private static BuiltinGrant anyNormal(List<String> actions) {
        return new BuiltinGrant(Scope.ANY_NORMAL, null, null, set(actions));
    }

    private static BuiltinGrant cluster(List<String> actions) {
        return new BuiltinGrant(Scope.CLUSTER, null, null, set(actions));
    }

    private static BuiltinGrant any(List<String> actions) {
        return new BuiltinGrant(Scope.ANY, null, null, set(actions));
    }

    private static Set<String> set(List<String> actions) {
        return new LinkedHashSet<>(actions);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
