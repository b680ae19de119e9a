package dev.autouser.ui.rolemapping;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.teleport.PostgresSessionPreview;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.TeleportRole;

/** What Teleport would run on the connected engine when a user starts a session, as the preview shows it (read-only). */
@FunctionalInterface
public interface SessionPreviews {
    /** Runs in the background; the text the preview pane shows. */
    String preview(TeleportRole role, SessionPreview.Request request);

    /** MongoDB: the user in $external, its roles and the exact createUser/updateUser, or Teleport's refusal. */
    static SessionPreviews mongo(SessionPreviewer previewer) {
        return (role, request) -> {
            SessionPreview.Result result = previewer.preview(role, request);
            StringBuilder out = new StringBuilder();
            out.append("MongoDB user: ").append(result.mongoUser()).append(" in $external (mode ").append(result.mode().yamlValue()).append(")\n");
            out.append("Roles: ").append(result.roles().isEmpty() ? "(none)"
                    : String.join(", ", result.roles().stream().map(RoleRef::toString).toList())).append('\n');
            result.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
            out.append(result.outcome()).append('\n');
            result.commandText().ifPresent(out::append);
            return out.toString();
        };
    }

    /** PostgreSQL: the activate call Teleport's agent sends and the statements its procedure runs, or its refusal. */
    static SessionPreviews postgres(PostgresGateway gateway) {
        return (role, request) -> String.join("\n", PostgresSessionPreview.forRole(gateway, role, request).report(role.mode())) + "\n";
    }
}
