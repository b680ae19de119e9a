package dev.autouser.cli;

import dev.autouser.core.export.UserExport;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.UserState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List Teleport auto-users with roles, lock state and live connections.")
final class ListCommand extends ConnectedCommand {
    @Option(names = "--json", description = "Print JSON (the console's export format; see the README).")
    boolean json;

    @Option(names = "--csv", description = "Print CSV (the console's export format; see the README).")
    boolean csv;

    @Option(names = "--state", paramLabel = "active|not-cleaned-up|locked", description = "Only users in this state.")
    String state;

    @Option(names = "--timings", description = "Afterwards, print to stderr where the time went: each server call"
            + " (server + network) and the client's own work.")
    boolean timings;

    @Option(names = "--no-history", description = "Neither record this listing in the usage history nor read its"
            + " evidence: the last-active, locked-since and first-seen columns stay empty (\"-\", null).")
    boolean noHistory;

    @Override
    boolean recordsListings() {
        return !noHistory;
    }

    @Override
    void checkArguments() {
        if (json && csv) {
            throw new ConsoleException("Choose --json or --csv, not both.");
        }
        wantedState();
    }

    @Override
    int run(MongoGateway gateway) {
        ListingTimings clock = timings ? ListingTimings.start(gateway) : null;
        AutoUserListing listed = new AutoUserLister(gateway).list();
        AutoUserListing listing = noHistory ? listed : recorded(gateway, listed);
        UserState wanted = wantedState();
        List<AutoUser> users = wanted == null ? listing.users() : listing.inState(wanted);
        if (json) {
            UserExport.write(UserExport.Format.JSON, users, listing.evidence(), out());
        } else if (csv) {
            UserExport.write(UserExport.Format.CSV, users, listing.evidence(), out());
        } else {
            UserTableText.table(users, listing.evidence(), listing.takenAt(), out());
            users.stream().filter(u -> !u.sessionNodes().isEmpty()).forEach(u ->
                    out().println(u.mongoName() + " is connected on " + String.join(", ", u.sessionNodes())));
            out().println(summary(listing, users.size()));
        }
        listing.silentNodes().forEach(node -> err().println("warning: sessions on " + node.describe()
                + "; a user shown as not cleaned up may be connected there"));
        listing.unlistedWarning().ifPresent(w -> err().println("warning: " + w));
        if (clock != null) {
            out().flush();
            err().println(clock.report(gateway));
            err().println(historyTimings());
        }
        return AutoUserCommand.OK;
    }

    @Override
    int runPostgres(PostgresEngine engine) {
        PostgresListingTimings clock = timings ? PostgresListingTimings.start(engine.gateway()) : null;
        long started = System.nanoTime();
        engine.settleLostReplies(auditLog());
        AutoUserListing listed = engine.list();
        if (clock != null) {
            clock.listed();
        }
        AutoUserListing listing = noHistory ? listed : recorded(engine, listed);
        if (clock != null) {
            clock.recorded();
        }
        UserState wanted = wantedState();
        List<AutoUser> users = wanted == null ? listing.users() : listing.inState(wanted);
        if (json) {
            UserExport.write(UserExport.Format.JSON, Engine.POSTGRESQL, users, listing.evidence(), out());
        } else if (csv) {
            UserExport.write(UserExport.Format.CSV, Engine.POSTGRESQL, users, listing.evidence(), out());
        } else {
            UserTableText.table(users, listing.evidence(), listing.takenAt(), out(), "POSTGRESQL ROLE");
            PostgresUserText.details(users, out());
            out().println(summary(listing, users.size()) + " " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        }
        if (clock != null) {
            out().flush();
            err().println(clock.report(engine.gateway()));
            err().println(historyTimings());
        }
        return AutoUserCommand.OK;
    }

    private UserState wantedState() {
        if (state == null) {
            return null;
        }
        return UserState.fromWord(state).orElseThrow(() -> new ConsoleException("Unknown state \"" + state
                + "\": use active, not-cleaned-up or locked."));
    }

    private static String summary(AutoUserListing listing, int shown) {
        return shown + " of " + listing.users().size() + " auto-users shown ("
                + listing.inState(UserState.ACTIVE).size() + " active, "
                + listing.inState(UserState.NOT_CLEANED_UP).size() + " not cleaned up, "
                + listing.inState(UserState.LOCKED).size() + " locked); "
                + listing.roundTrips() + " round trips.";
    }
}
