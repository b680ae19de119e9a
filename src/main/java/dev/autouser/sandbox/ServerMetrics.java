package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters {@code serverStatus} reports under {@code metrics.commands.<name>} (total, failed)
 * and {@code security.authentication.mechanisms.<mechanism>} (authenticate and
 * speculativeAuthenticate: received, successful), as MongoDB keeps them.
 */
final class ServerMetrics {
    private final Map<String, AtomicLong[]> commands = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> logins = new ConcurrentHashMap<>();

    void command(String name, boolean failed) {
        AtomicLong[] counters = commands.computeIfAbsent(name, n -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        counters[0].incrementAndGet();
        if (failed) {
            counters[1].incrementAndGet();
        }
    }

    /** A login attempt: {@code speculative} ones arrive inside hello, the others as authenticate/saslStart. */
    void loginReceived(String mechanism, boolean speculative) {
        loginCounters(mechanism, speculative)[0].incrementAndGet();
    }

    void loginSucceeded(String mechanism, boolean speculative) {
        loginCounters(mechanism, speculative)[1].incrementAndGet();
    }

    private AtomicLong[] loginCounters(String mechanism, boolean speculative) {
        String key = mechanism + (speculative ? "/speculativeAuthenticate" : "/authenticate");
        return logins.computeIfAbsent(key, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
    }

    Document commandsDocument() {
        Document result = new Document();
        new TreeMap<>(commands).forEach((name, c) ->
                result.put(name, new Document("failed", c[1].get()).append("total", c[0].get())));
        return result;
    }

    Document mechanismsDocument() {
        Document result = new Document();
        for (String mechanism : new String[] {Authentication.X509, Authentication.SCRAM_SHA_256}) {
            Document entry = new Document();
            for (String kind : new String[] {"authenticate", "speculativeAuthenticate"}) {
                AtomicLong[] c = logins.getOrDefault(mechanism + "/" + kind, new AtomicLong[] {new AtomicLong(), new AtomicLong()});
                entry.put(kind, new Document("received", c[0].get()).append("successful", c[1].get()));
            }
            result.put(mechanism, entry);
        }
        return result;
    }
}
