package dev.autouser.ui.cleanup;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.engine.mongo.MongoUserActions;
import dev.autouser.core.postgres.NewOwners;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.core.provisioning.UserCleanup;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the cleanup wizard changes on the server, whichever engine: the engine's {@link UserActions}
 * (plans by state, the listing a policy judges, execution with every safety check and the audit), and
 * what only one engine has: MongoDB's override for a member that does not answer, PostgreSQL's choice
 * of a role to take the objects of the users it drops.
 */
public interface CleanupChanges {
    Engine engine();

    /** Plans and runs go through these; a policy plan too ({@code new PolicyCleanup(actions(), clock)}). */
    UserActions actions();

    /** Members or routers that do not answer (MongoDB); none for a single PostgreSQL server. */
    default List<SessionCensus.NodeAnswer> silentNodes() {
        return List.of();
    }

    /** Runs {@code work} with these hosts' silence accepted, for this call only (MongoDB). */
    default <T> T withUnverifiedAllowed(Collection<String> hosts, Supplier<T> work) {
        return work.get();
    }

    /** True where users own objects, so a drop may hand them to another role ({@link #reassigningOwnedTo}). */
    default boolean usersOwnObjects() {
        return false;
    }

    /** Whether a run stops between two users when the person asks ({@code ProgressListener.stopRequested}). */
    default boolean stopsBetweenUsers() {
        return false;
    }

    /** The same changes, but each drop first hands the user's objects to {@code role} (PostgreSQL). */
    default CleanupChanges reassigningOwnedTo(String role) {
        throw new ConsoleException(engine().displayName() + " users own no objects: there is nothing to reassign.");
    }

    /** Roles that may take a dropped user's objects, the connected role first (empty where users own none). */
    default List<String> newOwnerCandidates() {
        return List.of();
    }

    /** MongoDB's cleanup ({@link UserCleanup}: restrictions and no roles, then dropUser, on every member). */
    static CleanupChanges mongo(UserCleanup cleanup) {
        UserActions actions = new MongoUserActions(cleanup);
        return new CleanupChanges() {
            @Override
            public Engine engine() {
                return Engine.MONGODB;
            }

            @Override
            public UserActions actions() {
                return actions;
            }

            @Override
            public List<SessionCensus.NodeAnswer> silentNodes() {
                return cleanup.silentNodes();
            }

            @Override
            public <T> T withUnverifiedAllowed(Collection<String> hosts, Supplier<T> work) {
                return cleanup.withUnverifiedAllowed(hosts, work);
            }
        };
    }

    /**
     * PostgreSQL's cleanup ({@code PostgresUserActions}: the exact SQL, checked again by the server);
     * {@code gateway} names the roles that may take a dropped user's objects. Its plans put an owner that
     * no role takes the objects of down as "stays locked", not as a drop PostgreSQL would refuse.
     */
    static CleanupChanges postgres(PostgresGateway gateway, UserActions given) {
        UserActions actions = given.keepingOwnersLocked();
        return new CleanupChanges() {
            @Override
            public Engine engine() {
                return Engine.POSTGRESQL;
            }

            @Override
            public UserActions actions() {
                return actions;
            }

            @Override
            public boolean usersOwnObjects() {
                return true;
            }

            @Override
            public boolean stopsBetweenUsers() {
                return true;
            }

            @Override
            public CleanupChanges reassigningOwnedTo(String role) {
                return postgres(gateway, actions.reassigningOwnedTo(role));
            }

            @Override
            public List<String> newOwnerCandidates() {
                return NewOwners.candidates(gateway);
            }
        };
    }
}
