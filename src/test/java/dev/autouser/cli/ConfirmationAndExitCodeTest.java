package dev.autouser.cli;

import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: drop asks like cleanup, exit codes as the README says, lock on a locked user says so. */
class ConfirmationAndExitCodeTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    @Test
    void dropWithoutYesAndWithoutATerminalRefusesToAct() {
        String stale = seeds.autoUser("stale", true);

        CliRun run = CliRun.as(target, "dba", "drop", stale);

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("Refusing to drop 1 user without confirmation: there is no terminal to ask on; pass --yes"),
                run.toString());
        assertTrue(seeds.exists(stale));
    }

    @Test
    void dropAsksAtTheTerminalAndActsOnlyOnTheExactAnswer() {
        String stale = seeds.autoUser("stale", true);

        CliRun declined = CliRun.asWith(target, "dba", true, "yes\n", "drop", stale);
        assertEquals(1, declined.code(), declined.toString());
        assertTrue(declined.out().contains("Type \"drop 1\" to drop this user: "), declined.toString());
        assertTrue(declined.err().contains("Not confirmed: nothing was changed."), declined.toString());
        assertTrue(seeds.exists(stale));

        CliRun accepted = CliRun.asWith(target, "dba", true, "drop 1\n", "drop", stale);
        assertEquals(0, accepted.code(), accepted.toString());
        assertFalse(seeds.exists(stale));
    }

    @Test
    void dropWithYesActsWithoutATerminal() {
        String stale = seeds.autoUser("stale", false);

        CliRun run = CliRun.as(target, "dba", "drop", stale, "--yes");

        assertEquals(0, run.code(), run.toString());
        assertFalse(seeds.exists(stale));
    }

    @Test
    void lockOfAnAlreadyLockedUserSaysSoAndSendsNothing() {
        String locked = seeds.autoUser("locked", true);

        CliRun run = CliRun.as(target, "dba", "lock", locked);

        assertTrue(run.out().contains("CN=" + locked + ": already locked (no roles, new logins refused): nothing to change"),
                run.toString());
        assertFalse(run.out().contains("] done"), run.toString());
        assertTrue(run.audit().stream().noneMatch(r -> r.command().contains("updateUser")), run.audit().toString());
    }

    @Test
    void deactivateOfAUserTeleportDoesNotManageIsARefusalExitOne() {
        String human = seeds.plainUser("human", null);

        CliRun run = CliRun.as(target, "dba", "deactivate", human);

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("is not managed by Teleport"), run.toString());
        assertTrue(seeds.userInfo(human).getList("authenticationRestrictions", Document.class, List.of()).isEmpty());
    }

    @Test
    void activateWithARoleTheServerLacksIsAFailureExitOne() {
        String name = Seeds.unique("act");
        seeds.track(name);

        CliRun run = CliRun.as(target, "dba", "activate", name, "--roles", "noSuchRole@db1");

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("noSuchRole"), run.toString());
        assertFalse(seeds.exists(name));
    }
}
