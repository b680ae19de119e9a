package dev.autouser.ui.users;

import dev.autouser.core.engine.Engine;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On PostgreSQL the Root cluster column starts hidden, its room given to the roles (only a role named
 * {@code remote-alice-root} says a cluster); MongoDB's table keeps it.
 */
class UserTableClusterColumnTest {
    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started it
        }
    }

    @Test
    void onPostgresTheColumnStartsHiddenAndTheRolesHaveItsRoom() throws Exception {
        onFx(() -> {
            UserTable table = new UserTable();
            table.showEngine(Engine.POSTGRESQL);

            assertFalse(column(table, "clusterColumn").isVisible());
            assertEquals(230, column(table, "rolesColumn").getPrefWidth());
            assertTrue(table.isTableMenuButtonVisible(), "the table's menu shows it again");
        });
    }

    @Test
    void onMongoDbTheColumnIsThereFromTheStart() throws Exception {
        onFx(() -> {
            UserTable table = new UserTable();
            table.showEngine(Engine.MONGODB);
            assertTrue(column(table, "clusterColumn").isVisible());
        });
    }

    private static javafx.scene.control.TableColumn<UserRow, ?> column(UserTable table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static void onFx(Runnable check) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                check.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
