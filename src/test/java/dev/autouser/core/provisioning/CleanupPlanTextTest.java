package dev.autouser.core.provisioning;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dry-run text is written straight to the output (issue 13) and reads as before. */
class CleanupPlanTextTest {
    private static PlannedAction drop(String name) {
        AutoUser user = new AutoUser(name, name.substring(3), Optional.empty(), List.of(), true,
                new Document("teleport-auto-user", true), List.of());
        return new PlannedAction(name, CleanupAction.DROP, "locked, no live connection",
                List.of("db.getSiblingDB(\"$external\").dropUser(\"" + name + "\")"), user);
    }

    @Test
    void writtenPlanIsTheDescribedPlan() {
        CleanupPlan plan = new CleanupPlan(CleanupAction.DROP, List.of(drop("CN=alice"), drop("CN=bob")),
                List.of(new CleanupPlan.Refusal("CN=carol", "connected")), Instant.EPOCH);
        StringWriter written = new StringWriter();
        PrintWriter out = new PrintWriter(written);
        plan.describeTo(out);
        out.flush();
        assertEquals(plan.describe(), written.toString());
        assertEquals("Plan: " + CleanupAction.DROP.verb() + " 2 auto-users (1 refused)\n"
                + "  CN=alice: locked, no live connection\n"
                + "    db.getSiblingDB(\"$external\").dropUser(\"CN=alice\")\n"
                + "  CN=bob: locked, no live connection\n"
                + "    db.getSiblingDB(\"$external\").dropUser(\"CN=bob\")\n"
                + "  refused CN=carol: connected\n", written.toString());
    }
}
