package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.LostReplies;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Settles "sent, outcome unknown" audit records (a reply lost with the connection) from what the
 * server shows now: a resolution record, with the same action id, says whether the change is
 * there. Runs before each listing and each lock/drop run; one exact-match usersInfo when there is
 * something to settle, nothing otherwise.
 */
public final class UnknownOutcomes {
    private UnknownOutcomes() {
    }

    /**
     * Writes one resolution per open record on this server; returns how many were settled. A log
     * that cannot be read or written settles nothing and stops nothing: listing must still work, and
     * every change checks the log itself before acting.
     */
    public static int settle(MongoGateway gateway, AuditLog log) {
        try {
            return settleOpen(gateway, log);
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static int settleOpen(MongoGateway gateway, AuditLog log) {
        List<AuditRecord> open = open(log.readNewestFirst(LostReplies.RECENT), gateway.server());
        if (open.isEmpty()) {
            return 0;
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(open.stream().map(AuditRecord::targetUser).toList()));
        Map<String, Document> now = new UsersInfoReader(gateway).withRestrictions(names);
        for (AuditRecord record : open) {
            log.append(AuditRecord.now(record.server(), gateway.identity(), record.command(), record.targetUser(),
                    verdict(record.command(), record.targetUser(), now.get(record.targetUser())))
                    .inPhase(AuditRecord.Phase.RESOLUTION, record.actionId()));
        }
        return open.size();
    }

    static List<AuditRecord> open(List<AuditRecord> newestFirst, String server) {
        return LostReplies.open(newestFirst, server::equals);
    }

    /** Applied or not, judged from the user as the server shows it now ({@code null}: no such user). */
    static String verdict(String command, String name, Document user) {
        if (command.contains("dropUser")) {
            return user == null ? "resolved: applied, " + name + " no longer exists"
                    : "resolved: not applied, " + name + " still exists";
        }
        if (command.contains("createUser")) {
            return user != null ? "resolved: applied, " + name + " exists" : "resolved: not applied, " + name + " does not exist";
        }
        if (user == null) {
            return "resolved: " + name + " no longer exists";
        }
        boolean locked = UserRecords.isLocked(user);
        if (command.contains("updateUser") && command.contains(UserCommands.LOCKED_SOURCE)) {
            return locked ? "resolved: applied, " + name + " is locked" : "resolved: not applied, " + name + " is not locked";
        }
        return "resolved: the server now shows " + name + (locked ? " locked" : " not locked") + " with roles "
                + RoleRef.fromUserDocument(user);
    }
}
