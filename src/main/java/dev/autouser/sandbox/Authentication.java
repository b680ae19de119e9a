package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.autouser.core.pki.X509Names;
import dev.autouser.sandbox.security.AuthenticationRestrictions;
import dev.autouser.sandbox.security.SecurityState;
import dev.autouser.sandbox.security.ServerErrors;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.sandbox.security.UserId;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MONGODB-X509 ({@code authenticate}) and SCRAM-SHA-256 ({@code saslStart}/{@code saslContinue}).
 * Both require the user to exist and its {@code authenticationRestrictions} (and its roles') to
 * allow the client and server addresses; every failure is code 18 with MongoDB's terse message.
 */
final class Authentication {
    static final String X509 = "MONGODB-X509";
    static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
    static final String EXTERNAL = "$external";

    private final SecurityState security;
    private final ServerMetrics metrics;
    private final ServerLog log;
    private final LateLogins lateLogins;
    private final AtomicInteger conversationIds = new AtomicInteger();

    Authentication(SecurityState security, ServerMetrics metrics, ServerLog log, LateLogins lateLogins) {
        this.security = security;
        this.metrics = metrics;
        this.log = log;
        this.lateLogins = lateLogins;
    }

    /** {@code saslSupportedMechs: "db.user"} → the user's mechanisms, or nothing for an unknown user. */
    Optional<List<String>> supportedMechanisms(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot <= 0 || dot == qualifiedName.length() - 1) {
            return Optional.empty();
        }
        UserId id = new UserId(qualifiedName.substring(dot + 1), qualifiedName.substring(0, dot));
        return security.acquire(id).filter(user -> user.scram().isPresent())
                .map(user -> List.of(SCRAM_SHA_256));
    }

    Document authenticateX509(ClientConnection connection, String db, Document command, boolean speculative) {
        Object mechanism = command.get("mechanism");
        if (!X509.equals(mechanism)) {
            throw ServerErrors.mechanismUnavailable(String.valueOf(mechanism));
        }
        metrics.loginReceived(X509, speculative);
        if (!EXTERNAL.equals(db)) {
            throw ServerErrors.authenticationFailed();
        }
        X509Certificate certificate = connection.peerCertificate().orElseThrow(ServerErrors::authenticationFailed);
        String subject = X509Names.subject(certificate);
        if (command.get("user") instanceof String claimed && !claimed.equals(subject)) {
            throw ServerErrors.authenticationFailed();
        }
        UserId id = new UserId(subject, EXTERNAL);
        try {
            admit(connection, id);
        } catch (MongoServerError e) {
            log.authenticationFailed(connection, X509, speculative, subject, EXTERNAL, "AuthenticationFailed: " + e.getMessage());
            throw e;
        }
        metrics.loginSucceeded(X509, speculative);
        log.authenticated(connection, X509, speculative, subject, EXTERNAL);
        return new Document("dbname", EXTERNAL).append("user", subject).append("ok", 1.0);
    }

    Document saslStart(ClientConnection connection, String db, Document command, boolean speculative) {
        Object mechanism = command.get("mechanism");
        if (SCRAM_SHA_1.equals(mechanism)) {
            // Enabled in MongoDB by default, but our users only hold SCRAM-SHA-256 credentials: a
            // SHA-1 login (the driver's fallback for an unknown user) fails like a wrong password.
            throw ServerErrors.authenticationFailed();
        }
        if (!SCRAM_SHA_256.equals(mechanism)) {
            throw ServerErrors.mechanismUnavailable(String.valueOf(mechanism));
        }
        metrics.loginReceived(SCRAM_SHA_256, speculative);
        ScramConversation conversation = ScramConversation.start(db, payload(command), this::scramUser);
        boolean skipEmptyExchange = command.get("options") instanceof Document options
                && Boolean.TRUE.equals(options.get("skipEmptyExchange"));
        int id = conversationIds.incrementAndGet();
        connection.conversations().put(id, conversation.skippingEmptyExchange(skipEmptyExchange).speculative(speculative));
        return saslReply(id, false, conversation.serverFirstMessage());
    }

    Document saslContinue(ClientConnection connection, Document command) {
        int id = command.get("conversationId") instanceof Number number ? number.intValue() : -1;
        ScramConversation conversation = connection.conversations().get(id);
        if (conversation == null) {
            throw ServerErrors.noSuchConversation(id);
        }
        try {
            ScramConversation.Step step = conversation.next(payload(command));
            if (step.done()) {
                connection.conversations().remove(id);
                admit(connection, conversation.user());
                metrics.loginSucceeded(SCRAM_SHA_256, conversation.isSpeculative());
                log.authenticated(connection, SCRAM_SHA_256, conversation.isSpeculative(), conversation.user().user(),
                        conversation.user().db());
            }
            return saslReply(id, step.done(), step.payload());
        } catch (MongoServerError e) {
            connection.conversations().remove(id);
            // mongod's AuthenticationSession::markFailed: 5286307 with the SCRAM user, and the real reason
            // (the client only hears "Authentication failed.").
            String reason = conversation.failure().isEmpty() ? e.getMessageWithoutErrorCode() : conversation.failure();
            log.authenticationFailed(connection, SCRAM_SHA_256, conversation.isSpeculative(), conversation.user().user(),
                    conversation.user().db(), e.getCodeName() + ": " + reason);
            throw e;
        }
    }

    private Optional<StoredUser> scramUser(UserId id) {
        return security.acquire(id).filter(user -> user.scram().isPresent());
    }

    /**
     * Checks existence and restrictions, then marks the connection as logged in as {@code id} (as
     * mongod does, in two steps: a test can hold a login between them, see {@link LateLogins}).
     */
    private void admit(ClientConnection connection, UserId id) {
        StoredUser user = security.acquire(id).orElseThrow(ServerErrors::authenticationFailed);
        if (!AuthenticationRestrictions.allowsLogin(security, user, connection.clientAddress().getAddress(),
                connection.serverAddress().getAddress())) {
            throw ServerErrors.authenticationFailed();
        }
        Runnable attach = () -> connection.authenticated(id, user.userId());
        if (!lateLogins.defer(id, attach)) {
            attach.run();
        }
    }

    private static Document saslReply(int conversationId, boolean done, String payload) {
        return new Document("conversationId", conversationId)
                .append("done", done)
                .append("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)))
                .append("ok", 1.0);
    }

    private static String payload(Document command) {
        Object payload = command.get("payload");
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof BinData binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (payload instanceof String text) {
            return text;
        }
        throw ServerErrors.badValue("Missing expected field \"payload\"");
    }
}
