package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;

/**
 * The primary applied a write but the members its write concern asked for did not confirm it in
 * time ({@code writeConcernError}, e.g. 64 WriteConcernFailed after {@code wtimeout}). The change
 * stands on the primary; a failover before it replicates could still roll it back.
 */
public final class WriteNotConfirmedException extends ConsoleException {
    public WriteNotConfirmedException(String message, Integer serverCode) {
        super(message, serverCode, null);
    }
}
