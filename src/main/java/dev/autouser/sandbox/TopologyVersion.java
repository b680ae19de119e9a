package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's {@code topologyVersion}: a process id that is new on every start and a counter that
 * grows with every change of the node's role (step-down, election, a member going down).
 */
final class TopologyVersion {
    private volatile ObjectId processId = new ObjectId();
    private final AtomicLong counter = new AtomicLong();
    private final List<Runnable> waiting = new CopyOnWriteArrayList<>();

    void changed() {
        counter.incrementAndGet();
        wakeWaiting();
    }

    void restarted() {
        processId = new ObjectId();
        counter.set(0);
        wakeWaiting();
    }

    /** Runs {@code wake} once at the next change (an awaitable hello answers then). */
    void onChange(Runnable wake) {
        waiting.add(wake);
    }

    /** An awaitable hello answered at its deadline no longer waits for a change. */
    void forget(Runnable wake) {
        waiting.remove(wake);
    }

    private void wakeWaiting() {
        List<Runnable> woken = List.copyOf(waiting);
        waiting.removeAll(woken);
        woken.forEach(Runnable::run);
    }

    boolean isCurrent(String processIdHex, long clientCounter) {
        return processId.getHexData().equals(processIdHex) && clientCounter == counter.get();
    }

    Document toDocument() {
        return new Document("processId", processId).append("counter", counter.get());
    }

}
