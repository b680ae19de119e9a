package dev.autouser.cli;

import dev.autouser.core.teleport.SessionPreview;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who the previewed or simulated session is for. */
final class RoleSessionOptions {
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The Teleport user name, e.g. alice.")
    String user;

    @Option(names = "--cluster", paramLabel = "ROOT",
            description = "The database is in a leaf cluster and the user comes from root cluster ROOT: Teleport names the user remote-NAME-ROOT.")
    String rootCluster;

    @Option(names = "--db-roles", split = ",", paramLabel = "ROLE@DB,...",
            description = "Only these of the allowed roles, like tsh db connect --db-roles.")
    List<String> requestedRoles = new ArrayList<>();

    SessionPreview.Request request(RoleFileArguments file) {
        return new SessionPreview.Request(user, Optional.ofNullable(rootCluster), file.traitMap(), requestedRoles);
    }
}
