package dev.autouser.sandbox;

import dev.autouser.sandbox.security.UserId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Test hook for the window inside every mongod login: the user is read and its authentication
 * restrictions checked first, and the login is attached to the connection a moment later, under the
 * client lock ({@code AuthorizationSessionImpl::addAndAuthorizeUser}: {@code acquireUser},
 * {@code validateRestrictions}, then {@code _authenticatedUser = user}). {@code $currentOp} only
 * sees attached users, so a lock and a session check can both fall inside that window.
 *
 * <p>A held login reads the user and checks it as usual and answers the client, but is attached
 * only after a later {@code $currentOp} answer on this server, once the test's condition holds (e.g.
 * "the user is locked now"). It is not a blocking pause: commands run on Netty's event loops, and a
 * blocked loop would stall every other connection it serves; the client of a held login stays idle
 * until it is attached, so nothing can tell the two apart.
 */
public final class LateLogins {
    private final Map<UserId, Held> next = new ConcurrentHashMap<>();
    private final Map<Held, Boolean> waiting = new ConcurrentHashMap<>();

    /** The next login of {@code user} in {@code db} on this server is held (see the class comment). */
    public Held holdNext(String user, String db, BooleanSupplier attachWhen) {
        Held held = new Held(attachWhen);
        next.put(new UserId(user, db), held);
        return held;
    }

    /** Called by a login that passed its checks: true when it was held (and {@code attach} runs later). */
    boolean defer(UserId id, Runnable attach) {
        Held held = next.remove(id);
        if (held == null) {
            return false;
        }
        held.read(attach);
        waiting.put(held, Boolean.TRUE);
        return true;
    }

    /** Called after this server built a {@code $currentOp} answer: held logins whose time has come attach. */
    void currentOpAnswered() {
        for (Held held : waiting.keySet()) {
            if (held.attachWhen.getAsBoolean()) {
                waiting.remove(held);
                held.attach();
            }
        }
    }

    /** One held login. */
    public static final class Held {
        private final BooleanSupplier attachWhen;
        private volatile Runnable attach;
        private volatile boolean attached;

        private Held(BooleanSupplier attachWhen) {
            this.attachWhen = attachWhen;
        }

        private void read(Runnable attachLater) {
            this.attach = attachLater;
        }

        private void attach() {
            attach.run();
            attached = true;
        }

        /** The login read its user and passed its checks; it is not attached yet. */
        public boolean isWaiting() {
            return attach != null && !attached;
        }

        /** The login is on its connection now (a {@code $currentOp} sees it). */
        public boolean isAttached() {
            return attached;
        }
    }
}
