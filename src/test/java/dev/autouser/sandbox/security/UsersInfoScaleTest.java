package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** usersInfo with a filter over 100,000 users must stay well under a second. */
class UsersInfoScaleTest {

    private static final int USERS = 100_000;

    @Test
    void filteredUsersInfoOverOneHundredThousandUsersIsFast() {
        SecurityState state = new SecurityState();
        Document tag = json("{'teleport-auto-user': true}");
        List<RoleId> roles = List.of(RoleId.of("readWrite", "db1"));
        for (int i = 0; i < USERS; i++) {
            boolean auto = i % 10 != 0;
            state.users().put(new StoredUser(new UserId(String.format("CN=user%06d", i), "$external"), roles,
                    auto ? Optional.of(tag) : Optional.empty(), List.of(), Optional.empty()));
        }
        UserAdminCommands commands = new UserAdminCommands(state, "7.0.14");
        Document command = json("{usersInfo: 1, filter: {'customData.teleport-auto-user': true,"
                + " user: {$gte: 'CN=user000000', $lt: 'CN=user050000'}}}");

        commands.handle("$external", "usersInfo", command, List.of());  // warm-up
        long best = Long.MAX_VALUE;
        int found = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            Document reply = commands.handle("$external", "usersInfo", command, List.of());
            best = Math.min(best, System.nanoTime() - start);
            found = ((List<?>) reply.get("users")).size();
        }
        assertEquals(45_000, found);
        long millis = best / 1_000_000;
        System.out.println("usersInfo with filter over " + USERS + " users: " + millis + " ms");
        assertTrue(millis < 500, "usersInfo took " + millis + " ms");
    }
}
