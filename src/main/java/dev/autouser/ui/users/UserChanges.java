package dev.autouser.ui.users;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.postgres.AutoUserSql;
import dev.autouser.core.postgres.NewOwners;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserCommands;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the Users page changes on the server, whichever engine: a plan for the chosen users (the core
 * re-reads them and refuses connected and unmanaged ones), its execution (audited by the core), the
 * commands "Copy" puts on the clipboard, and what only one engine has: MongoDB's override for a member
 * that does not answer, PostgreSQL's choice of a role to take a dropped user's objects.
 */
public interface UserChanges {
    Engine engine();

    CleanupPlan planFor(CleanupAction action, List<String> users);

    CleanupReport execute(CleanupPlan plan);

    /** The commands for {@code kind} on {@code names}, in the engine's shell syntax. */
    String copyText(UserActionsViewModel.CopyKind kind, List<String> names);

    /** Members or routers that do not answer (MongoDB); none for a single PostgreSQL server. */
    default List<SessionCensus.NodeAnswer> silentNodes() {
        return List.of();
    }

    /** Runs {@code work} with these hosts' silence accepted, for this call only (MongoDB). */
    default <T> T withUnverifiedAllowed(Collection<String> hosts, Supplier<T> work) {
        return work.get();
    }

    /** The same changes, but each drop first hands the user's objects to {@code role} (PostgreSQL). */
    default UserChanges reassigningOwnedTo(String role) {
        throw new ConsoleException(engine().displayName() + " users own no objects: there is nothing to reassign.");
    }

    /** Roles that may take a dropped user's objects, the connected role first (empty where users own none). */
    default List<String> newOwnerCandidates() {
        return List.of();
    }

    /** MongoDB's lock and drop ({@link UserCleanup}: restrictions and no roles, then dropUser). */
    static UserChanges mongo(UserCleanup cleanup) {
        return new UserChanges() {
            @Override
            public Engine engine() {
                return Engine.MONGODB;
            }

            @Override
            public CleanupPlan planFor(CleanupAction action, List<String> users) {
                return cleanup.planFor(action, users);
            }

            @Override
            public CleanupReport execute(CleanupPlan plan) {
                return cleanup.execute(plan, (result, finished, total) -> { });
            }

            @Override
            public String copyText(UserActionsViewModel.CopyKind kind, List<String> names) {
                return switch (kind) {
                    case INSPECT -> UserCommands.inspectCommand(names).shellText();
                    case LOCK -> names.stream().map(n -> UserCommands.lockCommand(n).shellText())
                            .collect(Collectors.joining("\n"));
                    case DROP -> names.stream().map(n -> UserCommands.dropCommand(n).shellText())
                            .collect(Collectors.joining("\n"));
                };
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

    /** PostgreSQL's lock and drop ({@code PostgresUserActions}: the exact SQL, checked again by the server). */
    static UserChanges postgres(PostgresGateway gateway, UserActions actions) {
        return new UserChanges() {
            @Override
            public Engine engine() {
                return Engine.POSTGRESQL;
            }

            @Override
            public CleanupPlan planFor(CleanupAction action, List<String> users) {
                return actions.planFor(action, users);
            }

            @Override
            public CleanupReport execute(CleanupPlan plan) {
                return actions.execute(plan, (result, finished, total) -> { });
            }

            /** What a lock and a drop send (the plan shows the same); there is no separate inspect command. */
            @Override
            public String copyText(UserActionsViewModel.CopyKind kind, List<String> names) {
                String db = gateway.facts().database();
                boolean grantedBy = gateway.facts().adminOptionRules();
                return names.stream().map(name -> switch (kind) {
                    case INSPECT, LOCK -> AutoUserSql.disableLogin(db, name).shellText() + "\n"
                            + AutoUserSql.revokeRoles(db, name, grantedBy).shellText();
                    case DROP -> AutoUserSql.dropRole(db, name).shellText();
                }).collect(Collectors.joining("\n"));
            }

            @Override
            public UserChanges reassigningOwnedTo(String role) {
                return postgres(gateway, actions.reassigningOwnedTo(role));
            }

            @Override
            public List<String> newOwnerCandidates() {
                return NewOwners.candidates(gateway);
            }
        };
    }
}
