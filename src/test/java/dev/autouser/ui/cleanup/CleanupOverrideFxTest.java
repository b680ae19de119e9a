package dev.autouser.ui.cleanup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cleanup wizard with a replica-set member down: the plan leaves every user out naming the
 * member, and offers the override as an unticked checkbox; ticked, the plan is shown and runs,
 * audited, and each result says the override was used. Both for a plan by state and for a plan
 * by age (the policy).
 */
@ExtendWith(ApplicationExtension.class)
class CleanupOverrideFxTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path dir;
    private Stage stage;
    private Seeds seeds;
    private MongoGateway gateway;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        for (int i = 0; i < SET.nodes().size(); i++) {
            if (!SET.node(i).isListening()) {
                SET.start(i);
            }
        }
        if (gateway != null) {
            gateway.close();
        }
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    @Test
    void theWizardOffersTheOverrideAsACheckboxAndTheResultsSaySoWhenItIsUsed(FxRobot robot) throws Exception {
        seeds = new Seeds(TARGET);
        String idle = seeds.autoUser("wizard-override", true, "read@db1");
        gateway = seeds.gatewayAs(MongoTarget.DBA);
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"));
        CleanupViewModel model = new CleanupViewModel(new UserCleanup(gateway, audit), new RecordingDialogs(),
                FxExecutors.direct(), () -> { });

        runWithTheOverride(robot, model, audit, "#scopeLOCKED_AND_NOT_CLEANED_UP", 1, "Drop 1 user");

        assertFalse(seeds.exists(idle));
    }

    @Test
    void aByAgePlanWithASilentMemberOffersTheOverrideRefusesWithoutItAndNamesItInTheResults(FxRobot robot)
            throws Exception {
        seeds = new Seeds(TARGET);
        String stale = seeds.autoUser("wizard-age-override", false, "read@db1");
        gateway = seeds.gatewayAs(MongoTarget.DBA);
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"));
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Instant since = now.minus(Duration.ofMinutes(50));
        Map<String, UserEvidence> evidence = Map.of("CN=" + stale, new UserEvidence(
                new UserKey("sandbox", UserKey.MONGODB, "CN=" + stale), Optional.of(since), Map.of(),
                Optional.empty(), Optional.empty(), Optional.of(since), Optional.empty()));
        CleanupViewModel model = new CleanupViewModel(new UserCleanup(gateway, audit), () -> evidence,
                Clock.fixed(now, ZoneOffset.UTC), new RecordingDialogs(), FxExecutors.direct(), () -> { });
        model.policyCriteria().lockAfterMinutesProperty().set(30);

        runWithTheOverride(robot, model, audit, "#scopeBY_AGE", 2, "Lock 1 user");

        assertEquals(1, seeds.userInfo(stale).getList("authenticationRestrictions", Object.class, List.of()).size(),
                "locked");
    }

    /**
     * Stops the member {@code nth} after the primary, plans with {@code scope} in the wizard, checks
     * that the plan is refused and the override offered unticked naming the member, ticks it, runs,
     * and checks that the one result is done and names the override, audited, for that run only.
     */
    private void runWithTheOverride(FxRobot robot, CleanupViewModel model, AuditLog audit, String scope, int nth,
                                      String runLabel) throws Exception {
        int down = (SET.primaryIndex() + nth) % SET.nodes().size();
        String host = SET.hosts().get(down);
        SET.stop(down);
        Stage wizard = onFx(() -> CleanupWizard.open(stage, model));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(scope);
        robot.clickOn("#cleanupPlanButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#cleanupRunButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox override = robot.lookup("#cleanupOverrideCheck").queryAs(CheckBox.class);
        Button run = robot.lookup("#cleanupRunButton").queryButton();
        assertTrue(override.isVisible() && override.getText().startsWith("Act although " + host), override.getText());
        assertFalse(override.isSelected(), "never ticked for the person");
        assertTrue(run.isDisabled(), "nothing runs without the override");
        String leftOut = robot.lookup("#cleanupRefusals").queryAs(Label.class).getText();
        assertTrue(leftOut.contains(host) && leftOut.contains("--allow-unverified " + host), leftOut);

        robot.clickOn(override);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(run.isDisabled());
        assertEquals(runLabel, run.getText());
        robot.clickOn(run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == CleanupViewModel.Step.RESULTS);
        WaitForAsyncUtils.waitForFxEvents();

        List<UserResult> results = model.resultsSnapshot();
        assertEquals(1, results.size(), results.toString());
        assertEquals(UserResult.Status.DONE, results.get(0).status(), results.toString());
        assertTrue(results.get(0).detail().endsWith("; override: sessions on " + host + " not checked (--allow-unverified)"),
                results.get(0).detail());
        assertTrue(audit.readNewestFirst(20).stream().anyMatch(r -> r.command().equals("--allow-unverified " + host)),
                "audited");
        assertTrue(gateway.unverifiedAllowed().isEmpty(), "for that run only");
        robot.interact(wizard::close);
    }
}
