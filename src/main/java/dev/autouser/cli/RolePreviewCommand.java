package dev.autouser.cli;

import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.teleport.PostgresSessionPreview;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionPreviewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show what Teleport would do in MongoDB when this user starts a session: the user name, the sorted"
                + " roles and the exact createUser/updateUser command. Changes nothing.",
                "Exit codes: 0 Teleport would succeed, 1 Teleport would refuse the session (e.g. a name conflict)."})
final class RolePreviewCommand extends ConnectedCommand {
    @Mixin
    RoleFileArguments role;

    @Mixin
    RoleSessionOptions session;

    @Override
    int run(MongoGateway gateway) {
        SessionPreview.Result result = new SessionPreviewer(new GatewayCommandRunner(gateway)).preview(role.role(), session.request(role));
        PrintWriter out = out();
        out.println("MongoDB user: " + result.mongoUser() + " in $external (mode " + result.mode().yamlValue() + ")");
        out.println("Roles: " + (result.roles().isEmpty() ? "(none)" : String.join(", ", result.roles().stream().map(RoleRef::toString).toList())));
        result.notes().forEach(n -> out.println("note: " + n));
        out.println(result.outcome());
        result.commandText().ifPresent(out::print);
        return result.teleportRefuses() ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
    }

    @Override
    int runPostgres(PostgresEngine engine) {
        PostgresSessionPreview preview = PostgresSessionPreview.forRole(engine.gateway(), role.role(), session.request(role));
        preview.report(role.role().mode()).forEach(out()::println);
        return preview.refused() ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
    }
}
