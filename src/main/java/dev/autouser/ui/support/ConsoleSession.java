package dev.autouser.ui.support;

import dev.autouser.core.engine.AutoUserEngine;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.mongo.MongoEngine;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.ServerFacts;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresFacts;
import dev.autouser.core.postgres.PostgresGateway;

import java.util.Optional;

/**
 * One open connection as the GUI uses it, whatever its engine: the profile it came from, who and
 * where, and, for the demo, the embedded server to stop when the session ends. What every page needs
 * is here ({@link #autoUsers()} lists, locks and drops on either engine); a page that only one engine
 * has asks for its side: {@link #mongo()} (gateway, topology, platform) or {@link #postgres()}.
 */
public final class ConsoleSession implements AutoCloseable {
    private final ConnectionProfile profile;
    private final Side side;
    private final Optional<AutoCloseable> ownedServer;

    /** The engine-specific half of a session: exactly one of the two. */
    private sealed interface Side permits MongoSide, PostgresSide {
        AutoUserEngine engine();

        String versionLabel();

        String serverDetail();

        void ping();
    }

    /** MongoDB: the gateway (topology, admin setup, role mapping run over it) and what the server said on connect. */
    public record MongoSide(MongoGateway gateway, ServerFacts facts, MongoEngine engine) implements Side {
        public MongoSide(MongoGateway gateway, ServerFacts facts) {
            this(gateway, facts, new MongoEngine(gateway));
        }

        @Override
        public String versionLabel() {
            return "MongoDB " + facts.version();
        }

        @Override
        public String serverDetail() {
            return facts.topology().label();
        }

        @Override
        public void ping() {
            gateway.ping();
        }
    }

    /** PostgreSQL: the engine (listing, lock, drop, Teleport's procedures) over one JDBC connection. */
    public record PostgresSide(PostgresEngine engine) implements Side {
        public PostgresGateway gateway() {
            return engine.gateway();
        }

        public PostgresFacts facts() {
            return engine.gateway().facts();
        }

        @Override
        public String versionLabel() {
            return "PostgreSQL " + facts().version();
        }

        /** Nothing to add: the server line already names the database ({@code host:5432/postgres}). */
        @Override
        public String serverDetail() {
            return "";
        }

        /** A statement that needs no privilege: it fails when the server (or this connection) is gone. */
        @Override
        public void ping() {
            gateway().query("SELECT 1", "reach the server", rows -> rows.next());
        }
    }

    private ConsoleSession(ConnectionProfile profile, Side side, Optional<AutoCloseable> ownedServer) {
        this.profile = profile;
        this.side = side;
        this.ownedServer = ownedServer;
    }

    public static ConsoleSession mongo(ConnectionProfile profile, MongoGateway gateway, Optional<AutoCloseable> ownedServer) {
        return new ConsoleSession(profile, new MongoSide(gateway, gateway.facts()), ownedServer);
    }

    /** {@code profile}: the form's fields (a {@code postgresql://} URI and the TLS files), as saved profiles keep them. */
    public static ConsoleSession postgres(ConnectionProfile profile, PostgresEngine engine, Optional<AutoCloseable> ownedServer) {
        return new ConsoleSession(profile, new PostgresSide(engine), ownedServer);
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /** Which engine this session talks to. */
    public Engine engine() {
        return side.engine().engine();
    }

    /** Listing, lock / drop / cleanup and "what may this identity do", the same way for both engines. */
    public AutoUserEngine autoUsers() {
        return side.engine();
    }

    /** The MongoDB side, or empty for a PostgreSQL session. */
    public Optional<MongoSide> mongo() {
        return side instanceof MongoSide mongo ? Optional.of(mongo) : Optional.empty();
    }

    /** The PostgreSQL side, or empty for a MongoDB session. */
    public Optional<PostgresSide> postgres() {
        return side instanceof PostgresSide postgres ? Optional.of(postgres) : Optional.empty();
    }

    /** The embedded demo server this session stops when it closes. */
    public Optional<AutoCloseable> ownedServer() {
        return ownedServer;
    }

    /** {@code host:port} (MongoDB) or {@code host:5432/database} (PostgreSQL). */
    public String server() {
        return side.engine().server();
    }

    public String serverLabel() {
        String label = profile.name().isBlank() ? server() : profile.name() + " · " + server();
        return side.serverDetail().isEmpty() ? label : label + " (" + side.serverDetail() + ")";
    }

    public String identityLabel() {
        return side.engine().identity();
    }

    public String versionLabel() {
        return side.versionLabel();
    }

    /** Throws when the server no longer answers; {@link ServerHealth} calls it every few seconds. */
    public void ping() {
        side.ping();
    }

    /**
     * This session, taking over the embedded server {@code previous} runs when both talk to the same
     * address: pressing Connect on the demo profile must not stop the demo it connects to.
     */
    public ConsoleSession adoptingServerOf(ConsoleSession previous) {
        if (ownedServer.isPresent() || previous.ownedServer.isEmpty() || !profile.uri().equals(previous.profile.uri())) {
            return this;
        }
        return new ConsoleSession(profile, side, previous.ownedServer);
    }

    /** The same session without its embedded server (it has been handed to the session that replaces it). */
    public ConsoleSession withoutServer() {
        return new ConsoleSession(profile, side, Optional.empty());
    }

    @Override
    public void close() {
        side.engine().close();
        ownedServer.ifPresent(server -> {
            try {
                server.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("Stopping the demo server failed", e);
            }
        });
    }
}
