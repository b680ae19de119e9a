package dev.autouser.cli;

import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CLI's own words for PostgreSQL users a drop leaves locked because they own objects: the command
 * that hands their objects to a role and drops them (the core says only that they must be reassigned).
 */
final class OwnedObjectsHint {
    private OwnedObjectsHint() {
    }

    /** After a dry run: the owners the plan would leave locked, if any. */
    static void afterPlan(CleanupPlan plan, PrintWriter out) {
        say(owners(plan), out);
    }

    /** After a run: the owners the drop left locked (skipped), if any. */
    static void afterRun(CleanupPlan plan, CleanupReport report, PrintWriter out) {
        Set<String> skipped = report.with(UserResult.Status.SKIPPED).stream().map(UserResult::mongoName)
                .collect(Collectors.toSet());
        say(owners(plan).stream().filter(skipped::contains).toList(), out);
    }

    private static void say(List<String> owners, PrintWriter out) {
        if (!owners.isEmpty()) {
            out.println((owners.size() == 1 ? owners.get(0) + " owns objects: to drop it" : String.join(", ", owners)
                    + " own objects: to drop them") + ", hand the objects to a role: autouser drop "
                    + owners.stream().map(OwnedObjectsHint::shellWord).collect(Collectors.joining(" "))
                    + " --reassign-owned-to ROLE");
        }
    }

    private static List<String> owners(CleanupPlan plan) {
        return plan.action() != CleanupAction.DROP ? List.of() : plan.actions().stream()
                .filter(a -> a.before().ownedObjectCount() > 0).map(PlannedAction::mongoName).toList();
    }

    /** A role name as a POSIX shell reads it back: quoted unless it is plain. */
    private static String shellWord(String name) {
        return name.matches("[A-Za-z0-9_.@%+=:,/-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
