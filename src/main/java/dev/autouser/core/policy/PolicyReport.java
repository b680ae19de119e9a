package dev.autouser.core.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.autouser.core.history.TeleportDeactivation;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON report of a cleanup by policy, for monitoring: the policy, every user with its verdict, the
 * reason (evidence and age), Teleport's failed lock or drop when an imported audit log told one
 * ({@code teleportFailed}) and, when the plan ran, its result; counts; and the exit code.
 * Documented in the README ("Cleanup by policy").
 */
public final class PolicyReport {
    private PolicyReport() {
    }

    public static void write(Writer out, String server, PolicyPlan plan, Optional<CleanupReport> run, int exitCode) {
        Map<String, UserResult> results = new HashMap<>();
        run.ifPresent(r -> r.results().forEach(result -> results.put(result.mongoName(), result)));
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("server", server);
            json.writeStringField("judgedAt", plan.judgedAt().toString());
            json.writeBooleanField("dryRun", run.isEmpty());
            policy(json, plan.policy());
            json.writeArrayFieldStart("users");
            for (PolicyDecision decision : plan.decisions()) {
                json.writeStartObject();
                json.writeStringField("user", decision.mongoName());
                json.writeStringField("verdict", verdict(decision.verdict()));
                json.writeStringField("reason", decision.reason());
                java.util.Optional<TeleportDeactivation> failed = plan.teleportFailure(decision.mongoName());
                if (failed.isPresent()) {
                    json.writeObjectFieldStart("teleportFailed");
                    json.writeStringField("action", failed.get().action());
                    json.writeStringField("at", failed.get().at().toString());
                    json.writeStringField("error", failed.get().error());
                    json.writeEndObject();
                }
                if (decision.acts()) {
                    UserResult result = results.get(decision.mongoName());
                    json.writeStringField("result", result == null ? (run.isEmpty() ? "planned" : "not run")
                            : result.status().name().toLowerCase(Locale.ROOT));
                    if (result != null) {
                        json.writeStringField("detail", result.detail());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("counts");
            for (PolicyDecision.Verdict verdict : PolicyDecision.Verdict.values()) {
                json.writeNumberField(verdict(verdict), plan.with(verdict).size());
            }
            json.writeNumberField("teleportFailed", plan.teleportFailed().size());
            if (run.isPresent()) {
                json.writeNumberField("done", run.get().done());
                json.writeNumberField("skipped", run.get().skipped());
                json.writeNumberField("failed", run.get().failed());
            }
            json.writeEndObject();
            run.flatMap(CleanupReport::stopped).ifPresent(why -> writeString(json, "stoppedEarly", why));
            json.writeNumberField("exitCode", exitCode);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code lock}, {@code drop}, {@code keep}, {@code never-seen-active}, {@code unknown-age}. */
    public static String verdict(PolicyDecision.Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void policy(JsonGenerator json, CleanupPolicy policy) throws IOException {
        json.writeObjectFieldStart("policy");
        minutes(json, "lockNotCleanedUpAfterMinutes", policy.lockNotCleanedUpAfter());
        minutes(json, "dropLockedAfterMinutes", policy.dropLockedAfter());
        minutes(json, "dropNotActiveAfterMinutes", policy.dropInactiveAfter());
        json.writeStringField("text", policy.describe());
        json.writeEndObject();
    }

    private static void minutes(JsonGenerator json, String field, Optional<Duration> age) throws IOException {
        if (age.isPresent()) {
            json.writeNumberField(field, age.get().toMinutes());
        } else {
            json.writeNullField(field);
        }
    }

    private static void writeString(JsonGenerator json, String field, String value) {
        try {
            json.writeStringField(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
