package dev.autouser.ui.cleanup;

import dev.autouser.core.policy.CleanupPolicy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * The wizard's by-age criteria, the same as a policy file's: lock users not cleaned up for more than N
 * minutes; drop users locked for more than N days and not active for N days. Starts at the
 * conservative default.
 */
public final class PolicyCriteria {
    private final BooleanProperty lock = new SimpleBooleanProperty(true);
    private final IntegerProperty lockAfterMinutes = new SimpleIntegerProperty(60);
    private final BooleanProperty drop = new SimpleBooleanProperty(true);
    private final IntegerProperty dropLockedDays = new SimpleIntegerProperty(30);
    private final IntegerProperty dropInactiveDays = new SimpleIntegerProperty(30);

    public CleanupPolicy policy() {
        return new CleanupPolicy(
                lock.get() ? Optional.of(Duration.ofMinutes(Math.max(1, lockAfterMinutes.get()))) : Optional.empty(),
                drop.get() ? Optional.of(Duration.ofDays(Math.max(1, dropLockedDays.get()))) : Optional.empty(),
                drop.get() ? Optional.of(Duration.ofDays(Math.max(1, dropInactiveDays.get()))) : Optional.empty());
    }

    public BooleanProperty lockProperty() { return lock; }
    public IntegerProperty lockAfterMinutesProperty() { return lockAfterMinutes; }
    public BooleanProperty dropProperty() { return drop; }
    public IntegerProperty dropLockedDaysProperty() { return dropLockedDays; }
    public IntegerProperty dropInactiveDaysProperty() { return dropInactiveDays; }
}
