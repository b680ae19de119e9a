package dev.autouser.core.it;

import dev.autouser.cli.AutoUserCommand;
import dev.autouser.cli.CliContext;
import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI on a replica set with a member down: refusal naming it, --allow-unverified, server-info. */
class CliTopologySandboxTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path home;

    private Seeds seeds;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
    }

    @AfterEach
    void tearDown() {
        for (int i = 0; i < SET.nodes().size(); i++) {
            if (!SET.node(i).isListening()) {
                SET.start(i);
            }
        }
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private Run asDba(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", TARGET.uri(), "--tls-ca", TARGET.caFile().toString(),
                "--tls-cert", TARGET.clientFile(MongoTarget.DBA).toString()));
        CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")),
                Map.of(), false, new BufferedReader(new StringReader("")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AutoUserCommand.execute(context, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private String stopASecondary() {
        int down = (SET.primaryIndex() + 1) % SET.nodes().size();
        SET.stop(down);
        return SET.hosts().get(down);
    }

    @Test
    void serverInfoListsEveryMemberAndWhichAnswered() {
        String host = stopASecondary();
        Run info = asDba("server-info");
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("replica set rs0, 3 members, writes to " + SET.hosts().get(SET.primaryIndex())),
                info.out());
        for (String member : SET.hosts()) {
            String expected = (member.equals(host) ? "NO ANSWER    " : "answered     ") + member;
            assertTrue(info.out().contains(expected), expected + " in " + info.out());
        }
    }

    @Test
    void lockIsRefusedNamingTheSilentMemberAndAllowUnverifiedActsAndIsAudited() {
        String idle = seeds.autoUser("cli-idle", false, "read@db1");
        String host = stopASecondary();
        Run refused = asDba("lock", idle);
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains(host) && refused.out().contains("--allow-unverified " + host), refused.out());
        assertTrue(seeds.userInfo(idle).getList("authenticationRestrictions", Object.class, List.of()).isEmpty());

        Run allowed = asDba("lock", idle, "--allow-unverified", host);
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("override: sessions on " + host + " not checked (--allow-unverified)"),
                "the user's own result line says the override was used: " + allowed.out());
        assertFalse(seeds.userInfo(idle).getList("authenticationRestrictions", Object.class, List.of()).isEmpty());
        var records = new AuditLog(new AppDirs(home.resolve("config"), home.resolve("data")).auditLog()).readNewestFirst(10);
        assertTrue(records.stream().anyMatch(r -> r.command().equals("--allow-unverified " + host)
                && r.result().startsWith("override:")), records.toString());
    }
}
