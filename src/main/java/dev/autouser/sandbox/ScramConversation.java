package dev.autouser.sandbox;

import dev.autouser.sandbox.security.ScramCredential;
import dev.autouser.sandbox.security.ServerErrors;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.sandbox.security.UserId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 / RFC 7677): client-first →
 * server-first (nonce, salt, iterations), client-final (proof) → server-final (signature), then
 * the empty final round unless the driver asked to skip it ({@code skipEmptyExchange}).
 */
final class ScramConversation {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GS2_HEADER = "n,,";

    private final UserId user;
    private final ScramCredential credential;
    private final String clientFirstBare;
    private final String serverFirst;
    private final String nonce;
    private boolean skipEmptyExchange;
    private boolean speculative;
    private String failure = "";
    private int round;

    /** One reply of the conversation. */
    record Step(boolean done, String payload) {
    }

    private ScramConversation(UserId user, ScramCredential credential, String clientFirstBare, String nonce) {
        this.user = user;
        this.credential = credential;
        this.clientFirstBare = clientFirstBare;
        this.nonce = nonce;
        this.serverFirst = "r=" + nonce + ",s=" + credential.saltBase64() + ",i=" + credential.iterationCount();
    }

    /** Parses the client-first message and looks the user up in {@code db}. */
    static ScramConversation start(String db, String clientFirst, Function<UserId, Optional<StoredUser>> users) {
        if (!clientFirst.startsWith(GS2_HEADER)) {
            throw ServerErrors.badValue("SCRAM channel binding and authorization identities are not supported");
        }
        String bare = clientFirst.substring(GS2_HEADER.length());
        Map<String, String> fields = attributes(bare);
        String name = fields.get("n");
        String clientNonce = fields.get("r");
        if (name == null || clientNonce == null || name.isEmpty()) {
            throw ServerErrors.badValue("Invalid SCRAM client-first message");
        }
        UserId id = new UserId(decodeName(name), db);
        StoredUser user = users.apply(id).orElseThrow(ServerErrors::authenticationFailed);
        byte[] serverNonce = new byte[24];
        RANDOM.nextBytes(serverNonce);
        return new ScramConversation(id, user.scram().orElseThrow(ServerErrors::authenticationFailed), bare,
                clientNonce + Base64.getEncoder().encodeToString(serverNonce));
    }

    ScramConversation skippingEmptyExchange(boolean skip) {
        this.skipEmptyExchange = skip;
        return this;
    }

    /** Whether the conversation began inside the handshake (for serverStatus counters). */
    ScramConversation speculative(boolean startedInHello) {
        this.speculative = startedInHello;
        return this;
    }

    /** Why the proof was refused, as mongod logs it (empty when it was not). */
    String failure() {
        return failure;
    }

    boolean isSpeculative() {
        return speculative;
    }

    String serverFirstMessage() {
        return serverFirst;
    }

    UserId user() {
        return user;
    }

    synchronized Step next(String clientMessage) {
        round++;
        if (round == 1) {
            String serverFinal = verifyProof(clientMessage);
            return new Step(skipEmptyExchange, serverFinal);
        }
        if (round == 2 && !skipEmptyExchange && clientMessage.isEmpty()) {
            return new Step(true, "");
        }
        throw ServerErrors.protocolError("SCRAM conversation already finished");
    }

    private String verifyProof(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw ServerErrors.badValue("Invalid SCRAM client-final message");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> fields = attributes(withoutProof);
        String expectedBinding = Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
        if (!expectedBinding.equals(fields.get("c")) || !nonce.equals(fields.get("r"))) {
            throw ServerErrors.authenticationFailed();
        }
        byte[] proof = decode(clientFinal.substring(proofAt + 3));
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = ScramCredential.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            throw ServerErrors.authenticationFailed();
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(ScramCredential.sha256(clientKey), credential.storedKey())) {
            // The client is told only "Authentication failed."; mongod's log line (5286307) says why.
            failure = "SCRAM authentication failed, storedKey mismatch";
            throw ServerErrors.authenticationFailed();
        }
        byte[] serverSignature = ScramCredential.hmac(credential.serverKey(), authMessage);
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ServerErrors.authenticationFailed();
        }
    }

    /** "a=1,b=2" → {a: 1, b: 2}; values may contain '=' but never ','. */
    private static Map<String, String> attributes(String message) {
        Map<String, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                fields.putIfAbsent(part.substring(0, 1), part.substring(2));
            }
        }
        return fields;
    }

    /** RFC 5802 saslname: "=2C" is ',' and "=3D" is '='. */
    private static String decodeName(String name) {
        return name.replace("=2C", ",").replace("=3D", "=");
    }
}
