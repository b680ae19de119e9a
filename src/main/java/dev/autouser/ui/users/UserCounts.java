package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.UserState;

import java.util.Collection;

/** The summary above the table. */
public record UserCounts(int total, int active, int notCleanedUp, int locked) {
    public static final UserCounts NONE = new UserCounts(0, 0, 0, 0);

    public static UserCounts of(Collection<AutoUser> users) {
        int active = 0;
        int notCleanedUp = 0;
        int locked = 0;
        for (AutoUser user : users) {
            UserState state = user.state();
            if (state == UserState.ACTIVE) {
                active++;
            } else if (state == UserState.NOT_CLEANED_UP) {
                notCleanedUp++;
            } else {
                locked++;
            }
        }
        return new UserCounts(users.size(), active, notCleanedUp, locked);
    }
}
