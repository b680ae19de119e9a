package dev.autouser.ui.users;

import dev.autouser.core.export.UserExport;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.UserKey;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Users page's Export → "Usage history of this server": the same file as the CLI's, with progress. */
class HistoryExportViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final int USERS = 6_000;

    @TempDir
    Path dir;
    private Path history;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void seed() throws Exception {
        history = dir.resolve("history.db");
        try (HistoryStore store = HistoryStore.open(history)) {
            List<ObservedUser> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(new ObservedUser("CN=user-" + i, i % 2 == 0, List.of()));
            }
            store.record(new ObservedListing("db1:27017", UserKey.MONGODB, T0, users));
            store.record(new ObservedListing("other:27017", UserKey.MONGODB, T0, List.of(new ObservedUser("CN=x", true, List.of()))));
        }
    }

    @Test
    void thisServersChangesGoToTheChosenFileWithProgressOnTheWay() throws Exception {
        HistoryExportViewModel export = new HistoryExportViewModel(history, "db1:27017", dialogs, FxExecutors.direct());
        List<Double> progress = new ArrayList<>();
        List<String> status = new ArrayList<>();
        export.progressProperty().addListener((o, was, now) -> progress.add(now.doubleValue()));
        export.statusProperty().addListener((o, was, now) -> status.add(now));
        dialogs.saveFile = dir.resolve("usage-history.csv");

        export.export(UserExport.Format.CSV);

        List<String> lines = Files.readAllLines(dialogs.saveFile);
        assertThat(lines).hasSize(USERS + 1).first().isEqualTo("server,engine,user,at,state,app,client");
        assertThat(lines).noneMatch(line -> line.startsWith("other:"));
        assertThat(progress).contains(-1.0, 5_000.0 / USERS, 1.0);
        assertThat(status).contains("Exporting the usage history: 5,000 of 6,000 changes");
        assertThat(export.statusProperty().get()).isEmpty();
        assertThat(export.busyProperty().get()).isFalse();
        assertThat(dialogs.notices).containsExactly("Exported 6000 changes of the usage history to usage-history.csv.");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anUnwritableFileIsOneSentence() {
        HistoryExportViewModel export = new HistoryExportViewModel(history, "db1:27017", dialogs, FxExecutors.direct());
        Path nowhere = dir.resolve("missing").resolve("h.json");

        export.exportTo(nowhere, UserExport.Format.JSON);

        assertThat(dialogs.errors).containsExactly("The export cannot be written to " + nowhere + ": its folder does not exist.");
        assertThat(dialogs.notices).isEmpty();
        assertThat(export.statusProperty().get()).isEmpty();
    }

    @Test
    void choosingNoFileExportsNothing() {
        HistoryExportViewModel export = new HistoryExportViewModel(history, "db1:27017", dialogs, FxExecutors.direct());

        export.export(UserExport.Format.CSV);

        assertThat(dialogs.notices).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
