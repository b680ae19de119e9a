package dev.autouser.ui.cleanup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.history.Activity;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.testsupport.PostgresAutoUsers;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cleanup wizard on a real PostgreSQL (the shared embedded server), executors inline. Plans are by
 * age with evidence for this test's roles only, so the other auto-users the shared server may hold are
 * never taken (their age is unknown).
 */
class PostgresCleanupViewModelTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;
    private final PostgresAutoUsers users = new PostgresAutoUsers("pcw");
    private final Map<String, UserEvidence> evidence = new HashMap<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PostgresGateway gateway;
    private AuditLog audit;
    private CleanupViewModel wizard;
    private int refreshes;
    /** Set to make the next plans fail reading the history, as an unreadable history store would. */
    private boolean historyFails;

    @BeforeEach
    void connect() {
        gateway = PostgresGateway.connect(users.target().profileAs(PostgresTarget.DBA), null, null);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        CleanupChanges changes = CleanupChanges.postgres(gateway, new PostgresEngine(gateway).actions(audit));
        wizard = new CleanupViewModel(changes, this::evidence, Clock.fixed(NOW, ZoneOffset.UTC), null, dialogs,
                FxExecutors.direct(), () -> refreshes++);
    }

    @AfterEach
    void close() throws SQLException {
        gateway.close();
        users.close();
    }

    @Test
    void theDryRunLocksFirstDropsTheLongLockedShowsTheExactSqlAndChangesNothing() throws SQLException {
        String idle = notCleanedUpForHours(users.autoUser("idle", true, "pgg_reader"));
        String old = lockedForWeeks(users.autoUser("old", false));
        String active = notCleanedUpForHours(users.autoUser("active", true, "pgg_reader"));
        users.session(active, "psql-pcw");

        wizard.makePlan();

        assertEquals(CleanupViewModel.Step.PLAN, wizard.stepProperty().get());
        assertEquals(List.of(idle + " lock", old + " drop"), mine(wizard.planned()));
        assertEquals("not cleaned up for at least 2 h (over 60 min); last active 3 h ago (observed)", reasonOf(idle));
        String commands = wizard.commandsProperty().get();
        assertTrue(commands.contains("ALTER ROLE " + SqlText.identifier(idle) + " NOLOGIN;"), commands);
        assertTrue(commands.contains("REVOKE"), commands);
        assertTrue(commands.contains("DROP ROLE " + SqlText.identifier(old) + ";"), commands);
        assertFalse(commands.contains(active), "a connected role is never planned, whatever its age: " + commands);
        assertEquals("", wizard.ownedObjects().ownersProperty().get(), "no owner among them");
        assertTrue(users.canLogin(idle) && users.exists(old), "a dry run changes nothing");
        assertTrue(audit.readNewestFirst(100).isEmpty(), "and writes no change");
    }

    @Test
    void theRunLocksThenDropsAuditsEveryStatementAndReportsEachUser() {
        String idle = notCleanedUpForHours(users.autoUser("idle", true, "pgg_reader"));
        String old = lockedForWeeks(users.autoUser("old", false));
        wizard.makePlan();

        wizard.run();

        assertEquals(CleanupViewModel.Step.RESULTS, wizard.stepProperty().get());
        assertEquals(UserResult.Status.DONE, resultOf(idle).status(), resultOf(idle).detail());
        assertEquals("dropped; locked and verified without session first", resultOf(old).detail());
        assertFalse(users.canLogin(idle));
        assertFalse(users.exists(old));
        assertEquals(1.0, wizard.progressProperty().get());
        assertEquals(1, refreshes, "the Users page refreshes afterwards");
        List<AuditRecord> records = audit.readNewestFirst(100);
        assertTrue(records.stream().anyMatch(r -> r.targetUser().equals(idle) && r.phase() == AuditRecord.Phase.INTENT
                && r.command().contains("ALTER ROLE " + SqlText.identifier(idle) + " NOLOGIN;")), records::toString);
        assertTrue(records.stream().anyMatch(r -> r.targetUser().equals(old) && r.phase() == AuditRecord.Phase.OUTCOME
                && r.command().contains("DROP ROLE " + SqlText.identifier(old)) && r.result().equals("ok")), records::toString);
    }

    @Test
    void anOwnerStaysLockedByDefaultAsTeleportDoesIsNotCountedAsADropAndItsDropIsNotInTheSql() {
        String owner = lockedForWeeks(users.autoUser("owner", false, "pgg_reader"));
        String table = users.ownedTable(owner);
        String plain = lockedForWeeks(users.autoUser("plain", false));

        wizard.makePlan();

        assertEquals(owner + " (1 in postgres)", wizard.ownedObjects().ownersProperty().get());
        assertEquals("", wizard.ownedObjects().newOwnerProperty().get(), "keeping them locked is the default");
        assertEquals("stays locked (owns objects)", wizard.ownedObjects().actionOf(planOf(owner)));
        assertEquals("drop", wizard.ownedObjects().actionOf(planOf(plain)));
        assertEquals("Drop 1 user, keep 1 locked", wizard.runLabelProperty().get());
        String commands = wizard.commandsProperty().get();
        assertFalse(commands.contains("DROP ROLE " + SqlText.identifier(owner)), commands);
        assertTrue(commands.contains("ALTER ROLE " + SqlText.identifier(owner) + " NOLOGIN;"), commands);
        assertTrue(commands.contains("DROP ROLE " + SqlText.identifier(plain) + ";"), commands);
        assertTrue(reasonOf(owner).contains("stays locked (owns objects) (1 in postgres): not dropped, as Teleport does (TP004)"),
                reasonOf(owner));
        wizard.run();
        UserResult result = resultOf(owner);
        assertEquals(UserResult.Status.DONE, result.status(), result.detail());
        assertTrue(result.detail().startsWith("stays locked (owns objects): locked (NOLOGIN, roles revoked), verified without"
                + " session"), result.detail());
        assertTrue(result.detail().endsWith(". It owns objects: to drop it, plan again and choose a role to take them"),
                result.detail());
        assertTrue(users.exists(owner) && !users.canLogin(owner));
        assertFalse(users.target().queryBoolean("SELECT pg_has_role(" + SqlText.literal(owner) + ", 'pgg_reader', 'MEMBER')"),
                "its roles are revoked, as in a lock");
        assertEquals(owner, users.ownerOf(table));
        assertFalse(users.exists(plain));
        assertFalse(audit.readNewestFirst(100).stream().anyMatch(r -> r.targetUser().equals(owner)
                && r.command().contains("DROP ROLE")), "no drop is sent for the owner");
    }

    @Test
    void choosingARoleForTheObjectsPlansAgainSoTheSqlShownIsWhatRuns() {
        String owner = lockedForWeeks(users.autoUser("owner", false));
        String table = users.ownedTable(owner);
        wizard.makePlan();
        assertEquals(PostgresTarget.DBA, wizard.ownedObjects().candidates().get(0), "the connected role first");

        wizard.reassignOwnedTo(PostgresTarget.DBA);

        String commands = wizard.commandsProperty().get();
        assertTrue(commands.contains("REASSIGN OWNED BY " + SqlText.identifier(owner) + " TO \"dba\"; DROP OWNED BY "
                + SqlText.identifier(owner)), commands);
        assertTrue(reasonOf(owner).contains("reassigned to dba"), reasonOf(owner));
        wizard.run();
        assertEquals("dropped; objects reassigned to dba (the plan found 1 in postgres); locked and verified without session first",
                resultOf(owner).detail());
        assertFalse(users.exists(owner));
        assertEquals(PostgresTarget.DBA, users.ownerOf(table));
        assertTrue(audit.readNewestFirst(100).stream().anyMatch(r -> r.targetUser().equals(owner)
                && r.command().contains("REASSIGN OWNED BY " + SqlText.identifier(owner))), "the reassignment is audited");
    }

    @Test
    void withANewOwnerOnlyTheUsersWhoOwnObjectsAreReassignedAndEachResultSaysWhatHappened() {
        String owner = lockedForWeeks(users.autoUser("owner", false));
        String table = users.ownedTable(owner);
        String plain = lockedForWeeks(users.autoUser("plain", false));
        String granted = lockedForWeeks(users.autoUser("granted", false));
        users.target().sql("GRANT SELECT ON " + SqlText.identifier(table) + " TO " + SqlText.identifier(granted));
        wizard.makePlan();

        wizard.reassignOwnedTo(PostgresTarget.DBA);
        assertTrue(String.join("\n", planOf(granted).commands()).contains("DROP OWNED BY " + SqlText.identifier(granted)),
                "privileges alone keep PostgreSQL from dropping it, so DROP OWNED revokes them: " + planOf(granted).commands());

        String plainSql = String.join("\n", planOf(plain).commands());
        assertFalse(plainSql.contains("REASSIGN OWNED"), plainSql);
        assertTrue(plainSql.contains("DROP ROLE " + SqlText.identifier(plain) + ";"), plainSql);
        assertTrue(String.join("\n", planOf(owner).commands()).contains("REASSIGN OWNED BY " + SqlText.identifier(owner)));
        wizard.run();
        assertEquals("dropped; it owned no objects, so nothing was reassigned; locked and verified without session first",
                resultOf(plain).detail());
        assertEquals("dropped; objects reassigned to dba (the plan found 1 in postgres); locked and verified without session first",
                resultOf(owner).detail());
        assertEquals("dropped; it owned no objects; the privileges granted to it were revoked first (DROP OWNED); locked and"
                + " verified without session first", resultOf(granted).detail());
        assertFalse(users.exists(plain) || users.exists(owner) || users.exists(granted));
        assertEquals(PostgresTarget.DBA, users.ownerOf(table));
        List<AuditRecord> records = audit.readNewestFirst(100);
        assertFalse(records.stream().anyMatch(r -> r.targetUser().equals(plain) && r.command().contains("REASSIGN OWNED")),
                records::toString);
        assertTrue(records.stream().anyMatch(r -> r.targetUser().equals(owner) && r.command().contains("REASSIGN OWNED")),
                records::toString);
    }

    @Test
    void planningAgainForTheOwnersChoiceSaysWhoLeftThePlan() throws SQLException {
        String owner = lockedForWeeks(users.autoUser("owner", false));
        users.ownedTable(owner);
        String back = notCleanedUpForHours(users.autoUser("back", true, "pgg_reader"));
        wizard.makePlan();
        assertEquals("", wizard.replannedProperty().get(), "a first plan has nothing to compare with");
        assertTrue(mine(wizard.planned()).contains(back + " lock"), mine(wizard.planned()).toString());

        users.session(back, "psql-back");
        wizard.reassignOwnedTo(PostgresTarget.DBA);

        assertFalse(mine(wizard.planned()).contains(back + " lock"), "active again: not planned");
        String said = wizard.replannedProperty().get();
        assertTrue(said.startsWith("Plan made again from a new listing, and it changed:") && said.contains("no longer in it: ")
                && said.contains(back) && !said.contains(owner), said);

        wizard.keepOwnersLocked();
        assertEquals("Plan made again from a new listing: the same users.", wizard.replannedProperty().get());

        historyFails = true;
        wizard.reassignOwnedTo(PostgresTarget.DBA);
        said = wizard.replannedProperty().get();
        assertTrue(said.contains("The usage history cannot be read")
                && said.endsWith("The plan below is still the one made before this choice."), said);
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
    }

    @Test
    void aSessionThatStartsBetweenThePlanAndTheRunStopsThatUsersLockOnly() throws SQLException {
        String racing = notCleanedUpForHours(users.autoUser("racing", true, "pgg_reader"));
        String idle = notCleanedUpForHours(users.autoUser("idle", true, "pgg_reader"));
        wizard.makePlan();
        assertEquals(java.util.Set.of(racing + " lock", idle + " lock"), java.util.Set.copyOf(mine(wizard.planned())));

        users.session(racing, "psql-late");
        wizard.run();

        assertEquals(UserResult.Status.SKIPPED, resultOf(racing).status(), resultOf(racing).detail());
        assertEquals("connected since the plan: not touched", resultOf(racing).detail());
        assertTrue(users.canLogin(racing), "the person who connected keeps the login");
        assertTrue(users.target().queryBoolean("SELECT pg_has_role(" + SqlText.literal(racing) + ", 'pgg_reader', 'MEMBER')"),
                "and the roles");
        assertEquals(UserResult.Status.DONE, resultOf(idle).status(), resultOf(idle).detail());
        assertFalse(users.canLogin(idle));
    }

    @Test
    void stopAfterTheFirstUserLeavesTheOthersUntouchedAndSaysSo() {
        List<String> idle = List.of(notCleanedUpForHours(users.autoUser("a", true)),
                notCleanedUpForHours(users.autoUser("b", true)), notCleanedUpForHours(users.autoUser("c", true)));
        wizard.makePlan();
        assertTrue(wizard.canStop());
        wizard.results().addListener((ListChangeListener<UserResult>) change -> {
            if (wizard.results().size() == 1 && !wizard.stoppingProperty().get()) {
                wizard.stop(); // the person clicks Stop while the first user is reported
            }
        });

        wizard.run();

        List<UserResult> mine = wizard.results().stream().filter(r -> idle.contains(r.mongoName())).toList();
        assertEquals(3, mine.size(), mine::toString);
        assertEquals(UserResult.Status.DONE, mine.get(0).status(), mine.get(0).detail());
        assertTrue(mine.subList(1, 3).stream().allMatch(r -> r.detail().equals("not attempted: the person asked to stop")),
                mine::toString);
        assertEquals(1, idle.stream().filter(name -> !users.canLogin(name)).count(), "only the first was locked");
        assertTrue(wizard.summaryProperty().get().contains("stopped early: the person asked to stop"),
                wizard.summaryProperty().get());
    }

    @Test
    void aPlanSettlesALostReplyFromTheServerFirst() {
        String lost = users.autoUser("lost", true);
        PostgresAutoUsers.lockWithLostReply(gateway, audit, lost);
        assertTrue(PostgresAutoUsers.resolutionOf(audit, lost).isEmpty());

        wizard.makePlan();

        AuditRecord resolution = PostgresAutoUsers.resolutionOf(audit, lost).orElseThrow();
        assertEquals("resolved: applied, " + lost + " cannot log in (NOLOGIN)", resolution.result());
    }

    /** The user's current spell of "unlocked, no session" began 2 h ago; seen for 3 h. */
    private String notCleanedUpForHours(String name) {
        evidence.put(name, new UserEvidence(new UserKey("pg", UserKey.POSTGRESQL, name), Optional.of(NOW.minus(Duration.ofHours(3))),
                Map.of(EvidenceSource.OBSERVED, new Activity(NOW.minus(Duration.ofHours(3)), EvidenceSource.OBSERVED, "psql", "")),
                Optional.empty(), Optional.empty(), Optional.of(NOW.minus(Duration.ofHours(2))), Optional.empty()));
        return name;
    }

    /** Locked 40 days ago, last seen in use 41 days ago. */
    private String lockedForWeeks(String name) {
        evidence.put(name, new UserEvidence(new UserKey("pg", UserKey.POSTGRESQL, name), Optional.of(NOW.minus(Duration.ofDays(50))),
                Map.of(EvidenceSource.OBSERVED, new Activity(NOW.minus(Duration.ofDays(41)), EvidenceSource.OBSERVED, "psql", "")),
                Optional.of(NOW.minus(Duration.ofDays(40))), Optional.empty(), Optional.empty(), Optional.empty()));
        return name;
    }

    /** This test's roles in the plan, in plan order: "name action". */
    private List<String> mine(List<PlannedAction> planned) {
        return planned.stream().filter(a -> evidence.containsKey(a.mongoName()))
                .map(a -> a.mongoName() + " " + a.action().verb()).toList();
    }

    private Map<String, UserEvidence> evidence() {
        if (historyFails) {
            throw new dev.autouser.core.ConsoleException("The usage history cannot be read.");
        }
        return evidence;
    }

    private String reasonOf(String name) {
        return planOf(name).reason();
    }

    private PlannedAction planOf(String name) {
        return wizard.planned().stream().filter(a -> a.mongoName().equals(name)).findFirst().orElseThrow();
    }

    private UserResult resultOf(String name) {
        return wizard.results().stream().filter(r -> r.mongoName().equals(name)).findFirst().orElseThrow();
    }
}
