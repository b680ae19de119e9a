package dev.autouser.ui.users;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static dev.autouser.testsupport.FxSteps.onFx;

/**
 * FX-thread cost of one refresh of the users page with 10,000 auto-users (or {@code --users N})
 * when 1% of them change: the merge into the rows (update events through the filtered and sorted
 * lists) plus the CSS and layout pass of the table that follows; at the end the heap in use (after
 * a full collection) with the page showing them. Run it in a real window:
 * {@code xvfb-run -a mvn -q test-compile exec:java ...} or with the test class path, see README.
 * Not a test: surefire excludes *Benchmark.
 */
public final class UsersRefreshBenchmark {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int WARMUP = 30;
    private static final int ROUNDS = 100;
    /** {@code --engine postgres}: PostgreSQL-shaped users (roles without a database, sessions with their database,
     * state and start, owned objects, password expiry) on a PostgreSQL page. */
    private static boolean postgres;

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int usersAt = options.indexOf("--users");
        final int USERS = usersAt >= 0 ? Integer.parseInt(options.get(usersAt + 1)) : 10_000;
        final int CHANGED = USERS / 100;
        int engineAt = options.indexOf("--engine");
        postgres = engineAt >= 0 && options.get(engineAt + 1).equals("postgres");
        Random random = new Random(42);
        List<AutoUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(user(i, random));
        }
        AtomicReference<AutoUserListing> next = new AtomicReference<>(new AutoUserListing(users, Instant.now(), 3, Duration.ZERO));
        Platform.startup(() -> { });
        UsersViewModel model = onFx(() -> new UsersViewModel(next::get, dialogs(), FxExecutors.direct(), at -> { }));
        boolean sorted = !java.util.Arrays.asList(args).contains("--unsorted");
        UsersView view = onFx(() -> show(model, sorted));
        java.util.Map<String, AutoUser> previous = new java.util.HashMap<>();
        onFx(() -> { model.apply(Snapshot.of(next.get(), previous)); return null; });
        long[] merge = new long[ROUNDS];
        long[] css = new long[ROUNDS];
        long[] layout = new long[ROUNDS];
        long[] total = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            for (int c = 0; c < CHANGED; c++) {
                int index = random.nextInt(USERS);
                users.set(index, changed(users.get(index), random));
            }
            // What the background thread hands over: the listing plus counts and role choices.
            Snapshot listing = Snapshot.of(new AutoUserListing(List.copyOf(users), Instant.now(), 3, Duration.ZERO), previous);
            long[] times = onFx(() -> {
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                model.apply(listing);
                long merged = System.nanoTime();
                view.getScene().getRoot().applyCss();
                long styled = System.nanoTime();
                view.getScene().getRoot().layout();
                long end = System.nanoTime();
                return new long[] {merged - start, styled - merged, end - styled, end - start,
                        CPU.getCurrentThreadCpuTime() - cpuStart};
            });
            if (round >= 0) {
                merge[round] = times[0];
                css[round] = times[1];
                layout[round] = times[2];
                total[round] = times[3];
                cpu[round] = times[4];
            }
            Thread.sleep(20);
        }
        System.out.printf("engine=%s users=%d changedPerRefresh=%d rounds=%d sorted=%s jvm=%s%n",
                postgres ? "postgresql" : "mongodb", USERS, CHANGED, ROUNDS, sorted,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        report("merge only (apply)", merge);
        report("CSS pass", css);
        report("layout pass", layout);
        report("merge + CSS + layout", total);
        // On a loaded machine the wall time includes waiting for a core; the FX thread's CPU time does not.
        report("  same, FX-thread CPU", cpu);
        // What the page holds, as in the console: the rows, the table, the last listing and the previous
        // listing by name that the next refresh is compared with.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("heap in use after a full GC with %d users shown: %.0f MB (committed %.0f MB)%n", USERS,
                heap.getUsed() / 1e6, heap.getCommitted() / 1e6);
        System.out.printf("load average %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Platform.exit();
    }

    private static UsersView show(UsersViewModel model, boolean sorted) {
        UserActionsViewModel actions = postgres
                ? UserActionsViewModel.on(UserChanges.postgres(null, null), dialogs(), FxExecutors.direct(), () -> { })
                : new UserActionsViewModel(null, dialogs(), FxExecutors.direct(), () -> { });
        UsersView view = new UsersView(model, actions, () -> { });
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1280, 800);
        Theme.style(scene);
        new Theme(false);
        stage.setScene(scene);
        stage.show();
        // Sorted by state then Teleport name, as a DBA looking for locked users would.
        TableColumn<UserRow, ?> state = view.table().getColumns().get(0);
        TableColumn<UserRow, ?> name = view.table().getColumns().get(1);
        if (sorted) {
            view.table().getSortOrder().setAll(List.of(state, name));
        }
        model.pausedProperty().set(true);
        return view;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s median %.2f ms, p95 %.2f ms, max %.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static AutoUser user(int i, Random random) {
        String name = i % 20 == 0 ? "remote-user" + i + "-root" : "user" + i;
        int sessions = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        return build(name, sessions == 0 && random.nextBoolean(), sessions, i);
    }

    private static AutoUser changed(AutoUser user, Random random) {
        int sessions = user.sessions().isEmpty() ? 1 + random.nextInt(2) : 0;
        return build(user.teleportName(), sessions == 0 && !user.locked(), sessions, random.nextInt(1000));
    }

    private static AutoUser build(String teleportName, boolean locked, int sessions, int seed) {
        if (postgres) {
            return buildPostgres(teleportName, locked, sessions, seed);
        }
        List<LiveSession> live = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            live.add(new LiveSession(seed * 10L + s, "10.1." + (seed % 250) + "." + s + ":5" + s, s == 0 ? "mongosh 2.3.1" : "DataGrip"));
        }
        List<RoleRef> roles = locked ? List.of() : List.of(RoleRef.parse("read@db" + (seed % 7)), RoleRef.parse("readWrite@app"));
        return new AutoUser("CN=" + teleportName, teleportName, TeleportName.fromMongoName(teleportName).cluster(), roles,
                locked, new Document("teleport-auto-user", true), live);
    }

    /** As PostgresLister reads them: the role's name, roles without a database, pg_stat_activity's columns. */
    private static AutoUser buildPostgres(String name, boolean locked, int sessions, int seed) {
        List<LiveSession> live = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            live.add(new LiveSession(seed * 10L + s, "10.1." + (seed % 250) + "." + s, s == 0 ? "psql" : "DataGrip", "",
                    s == 0 ? "postgres" : "app", java.util.Optional.of(Instant.ofEpochSecond(1_764_000_000L + seed)),
                    seed % 3 == 0 ? "active" : "idle"));
        }
        List<RoleRef> roles = locked ? List.of() : List.of(RoleRef.serverWide("reader" + (seed % 7)), RoleRef.serverWide("app_rw"));
        List<dev.autouser.core.provisioning.OwnedObjects> owned = seed % 10 == 0
                ? List.of(new dev.autouser.core.provisioning.OwnedObjects("app", 1 + seed % 5)) : List.of();
        java.util.Optional<Instant> validUntil = seed % 50 == 0 ? java.util.Optional.of(Instant.ofEpochSecond(1_900_000_000L))
                : java.util.Optional.empty();
        return new AutoUser(name, name, TeleportName.fromMongoName(name).cluster(), roles, locked, new Document(), live,
                owned, validUntil);
    }

    private static DialogService dialogs() {
        return new DialogService() {
            public void showError(String sentence, Throwable details) { System.err.println(sentence); }
            public boolean confirm(dev.autouser.ui.support.Confirmation confirmation) { return false; }
            public void notify(String message) { }
            public java.util.Optional<dev.autouser.ui.support.OwnedObjectsChoice> chooseForOwnedObjects(String message,
                    java.util.List<String> roles) { return java.util.Optional.empty(); }
            public java.util.Optional<java.nio.file.Path> chooseSaveFile(String title, String name) { return java.util.Optional.empty(); }
            public java.util.Optional<java.nio.file.Path> chooseOpenFile(String title, dev.autouser.ui.support.FileKind kind) { return java.util.Optional.empty(); }
            public void copyToClipboard(String text) { }
        };
    }
}
