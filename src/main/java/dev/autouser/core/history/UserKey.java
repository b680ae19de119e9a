package dev.autouser.core.history;

import java.util.Locale;
import java.util.Objects;

/**
 * Which database user the evidence is about: the server (see {@link ServerName}), the engine
 * ({@code mongodb} or {@code postgresql}) and the user's name as the database knows it
 * ({@code CN=alice} in MongoDB's {@code $external}, {@code alice} as a PostgreSQL role).
 */
public record UserKey(String server, String engine, String user) {
    public static final String MONGODB = "mongodb";
    public static final String POSTGRESQL = "postgresql";

    public UserKey {
        Objects.requireNonNull(server, "server");
        engine = Objects.requireNonNull(engine, "engine").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(user, "user");
    }
}
