package dev.autouser.ui.users;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GUI's explicit, audited override when a replica-set member cannot be asked for sessions. */
class UnverifiedOverrideTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Seeds seeds;
    private MongoGateway gateway;
    private AuditLog audit;
    private UsersViewModel list;
    private UserActionsViewModel actions;
    private String host;

    @BeforeEach
    void connect() {
        seeds = new Seeds(TARGET);
        gateway = seeds.gatewayAs(MongoTarget.DBA);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        list = new UsersViewModel(new AutoUserLister(gateway)::list, dialogs, FxExecutors.direct(), at -> { });
        actions = new UserActionsViewModel(new UserCleanup(gateway, audit), dialogs, FxExecutors.direct(), list::refresh);
        int down = (SET.primaryIndex() + 1) % SET.nodes().size();
        host = SET.hosts().get(down);
        SET.stop(down);
    }

    @AfterEach
    void close() {
        for (int i = 0; i < SET.nodes().size(); i++) {
            if (!SET.node(i).isListening()) {
                SET.start(i);
            }
        }
        gateway.close();
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private UserRow rowOf(String name) {
        list.refresh();
        return list.row("CN=" + name).orElseThrow();
    }

    private boolean locked(String name) {
        return !seeds.userInfo(name).getList("authenticationRestrictions", Object.class, List.of()).isEmpty();
    }

    @Test
    void declinedOverrideChangesNothing() {
        String idle = seeds.autoUser("gui-declined", false, "read@db1");
        dialogs.answerConfirm = false;
        actions.lock(List.of(rowOf(idle)));
        assertEquals(1, dialogs.confirmations.size(), dialogs.confirmations.toString());
        Confirmation dialog = dialogs.confirmations.get(0);
        assertEquals("Lock 1 user", dialog.actionLabel(), "the usual action dialog, not a second question");
        assertTrue(dialog.requiredCheck().startsWith("Act although " + host + " does not answer"), dialog.requiredCheck());
        assertTrue(dialog.message().contains(host), dialog.message());
        assertTrue(!locked(idle));
        assertTrue(audit.readNewestFirst(10).stream().noneMatch(r -> r.command().startsWith("--allow-unverified")));
    }

    @Test
    void acceptedOverrideNamesTheHostActsOnceAndIsAuditedAndTheResultSaysSo() {
        String idle = seeds.autoUser("gui-override", false, "read@db1");
        actions.lock(List.of(rowOf(idle)));
        assertEquals(List.of("Lock 1 user"), dialogs.confirmations.stream().map(Confirmation::actionLabel).toList());
        assertTrue(dialogs.confirmations.get(0).hasRequiredCheck());
        assertTrue(locked(idle));
        List<AuditRecord> records = audit.readNewestFirst(10);
        assertTrue(records.stream().anyMatch(r -> r.command().equals("--allow-unverified " + host)
                && r.targetUser().contains("CN=" + idle)), records.toString());
        assertTrue(gateway.unverifiedAllowed().isEmpty(), "the override was for that one action only");
        assertTrue(dialogs.notices.stream().anyMatch(n -> n.contains("Override: sessions on " + host + " not checked")),
                dialogs.notices.toString());
    }

    @Test
    void withEveryMemberAnsweringTheDialogHasNoOverride() {
        SET.start(SET.hosts().indexOf(host));
        String idle = seeds.autoUser("gui-no-override", false, "read@db1");
        dialogs.answerConfirm = false;
        actions.lock(List.of(rowOf(idle)));
        assertEquals(1, dialogs.confirmations.size(), dialogs.confirmations.toString());
        assertTrue(!dialogs.confirmations.get(0).hasRequiredCheck(), dialogs.confirmations.get(0).requiredCheck());
    }
}
