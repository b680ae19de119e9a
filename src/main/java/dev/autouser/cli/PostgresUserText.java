package dev.autouser.cli;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.OwnedObjects;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** What a PostgreSQL listing knows beyond the shared table: sessions' databases, owned objects, password expiry. */
final class PostgresUserText {
    private PostgresUserText() {
    }

    static void details(List<AutoUser> users, PrintWriter out) {
        Instant now = Instant.now();
        for (AutoUser user : users) {
            for (LiveSession session : user.sessions()) {
                out.println(user.name() + " is connected to " + (session.database().isEmpty() ? "?" : session.database())
                        + (session.clientAddress().isEmpty() ? "" : " from " + session.clientAddress())
                        + (session.appName().isEmpty() ? "" : " (" + session.appName() + ")")
                        + session.startedAt().map(t -> " since " + t).orElse("")
                        + (session.state().isEmpty() ? "" : ", " + session.state()) + ", pid " + session.connectionId());
            }
            if (!user.ownedObjects().isEmpty()) {
                out.println(user.name() + " owns " + user.ownedObjectCount() + (user.ownedObjectCount() == 1 ? " object (" : " objects (")
                        + String.join(", ", user.ownedObjects().stream().map(OwnedObjects::describe).toList())
                        + "): a drop needs --reassign-owned-to ROLE");
            }
            user.validUntil().ifPresent(until -> out.println(user.name() + "'s password " + (until.isBefore(now)
                    ? "expired on " : "is valid until ") + until));
        }
    }
}
