package dev.autouser.ui.app;

import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.DialogService;
import dev.autouser.ui.support.FxDialogService;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.ServerHealth;
import dev.autouser.ui.support.Theme;
import dev.autouser.core.AppVersion;
import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Origin;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.AutoUserEngine;
import dev.autouser.ui.users.UserChanges;
import dev.autouser.core.provisioning.SessionCensus;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.ui.audit.AuditView;
import dev.autouser.ui.audit.AuditViewModel;
import dev.autouser.ui.cleanup.CleanupChanges;
import dev.autouser.ui.cleanup.CleanupViewModel;
import dev.autouser.ui.cleanup.CleanupWizard;
import dev.autouser.ui.connect.ConnectView;
import dev.autouser.ui.connect.ConnectViewModel;
import dev.autouser.ui.connect.Connector;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.ui.users.UserActionsViewModel;
import dev.autouser.ui.users.ActivityChart;
import dev.autouser.ui.users.UsersView;
import dev.autouser.ui.users.UsersViewModel;
import dev.autouser.ui.app.TeleportPages;
import dev.autouser.ui.shell.MainView;
import dev.autouser.ui.shell.OtherEngineView;
import dev.autouser.ui.shell.MainViewModel;
import dev.autouser.ui.shell.Page;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The composition root of the GUI: creates the theme, dialogs, view-models and views, and swaps
 * the connection-dependent pages when a connection is made. Tests build one on a TestFX stage.
 */
public final class ConsoleWindow {
    /** Bounds a close from another thread when the FX thread is stuck. */
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(30);
    private final GuiOptions options;
    private final FxExecutors executors;
    private final Theme theme;
    private final MainViewModel mainModel;
    private final MainView mainView;
    private final DialogService dialogs;
    private final AuditLog audit;
    private final dev.autouser.core.history.UsageHistory history;
    private final ConnectViewModel connectModel;
    /** Whether the server answers: the one signal every page and the status bar observe. */
    private final ServerHealth health;
    private final AppDirs dirs;
    private Stage stage;
    private ConsoleSession session;
    private UsersView usersView;
    private TeleportPages teleportPages;
    private java.util.Optional<dev.autouser.ui.rolemapping.RoleDraft> roleDraft = java.util.Optional.empty();

    public ConsoleWindow(GuiOptions options, FxExecutors executors, AppDirs dirs, Connector connector) {
        this.options = options;
        this.dirs = dirs;
        this.executors = executors;
        this.theme = new Theme(options.dark());
        this.mainModel = new MainViewModel(AppVersion.current());
        this.dialogs = new FxDialogService(() -> stage, mainModel::notice);
        this.audit = new AuditLog(dirs.auditLog(), Origin.current(Channel.GUI));
        this.history = dev.autouser.core.history.UsageHistory.open(dirs.history());
        this.connectModel = new ConnectViewModel(new ProfileStore(dirs.profilesFile()), connector, dialogs,
                executors, this::onConnected);
        this.mainView = new MainView(mainModel, theme, this::createPage);
        this.health = new ServerHealth(executors);
        health.troubleProperty().addListener((obs, was, trouble) -> mainModel.serverTrouble(trouble));
        connectModel.serverTroubleProperty().bind(health.troubleProperty());
    }

    public void show(Stage target) {
        this.stage = target;
        Scene scene = new Scene(mainView, 1280, 800);
        Theme.style(scene);
        mainView.installShortcuts(scene);
        target.setScene(scene);
        target.setTitle("Auto-User Console");
        target.getIcons().setAll(windowIcon());
        target.setMinWidth(900);
        target.setMinHeight(600);
        // A stage that was shown before keeps its old size when given a new scene (JavaFX sizes a stage
        // to its scene only on its first show): open at the console's size whatever the stage was.
        target.setWidth(scene.getWidth());
        target.setHeight(scene.getHeight());
        target.show();
        health.start();
        if (options.demo()) {
            connectModel.startDemo();
        }
    }

    /** The installer's icon, as a class-path copy so the plain jar and the tests have it too. */
    static Image windowIcon() {
        try (InputStream png = ConsoleWindow.class.getResourceAsStream("autouser.png")) {
            if (png == null) {
                throw new IllegalStateException("autouser.png is missing from the class path");
            }
            return new Image(png);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the window icon failed", e);
        }
    }

    public ConnectViewModel connectModel() {
        return connectModel;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The open session, or null before the first connection. */
    public ConsoleSession session() {
        return session;
    }

    public MainViewModel mainModel() {
        return mainModel;
    }

    public Theme theme() {
        return theme;
    }

    /**
     * Stops the health checks and closes the session. What the window shows changes with it (the
     * server banner, the status bar, the Connect page's line), and a scene graph changed off the FX
     * thread while a pulse lays it out breaks JavaFX's bookkeeping (an IndexOutOfBoundsException in
     * Parent.updateCachedBounds). So it runs on the FX thread whichever thread calls (a test's
     * teardown, a shutdown), and returns once it ran.
     */
    public void close() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            closeOnFxThread();
            return;
        }
        java.util.concurrent.FutureTask<Void> closing = new java.util.concurrent.FutureTask<>(this::closeOnFxThread, null);
        try {
            executors.fx().execute(closing);
        } catch (IllegalStateException toolkitGone) {
            closing.run(); // no FX thread any more, so no pulse to race with
        }
        try {
            closing.get(CLOSE_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Closing the console window failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The FX thread did not close the console window within " + CLOSE_WAIT.toSeconds() + " s", e);
        }
    }

    private void closeOnFxThread() {
        health.stop();
        closeSession();
    }

    /** Whether the server answers (tests stop the demo and watch every page follow it). */
    public ServerHealth health() {
        return health;
    }

    private void onConnected(ConsoleSession connected) {
        ConsoleSession opened = connected;
        if (session != null && opened.adoptingServerOf(session) != opened) {
            // Reconnecting to the running demo: the new session keeps it running, the old one only disconnects.
            opened = opened.adoptingServerOf(session);
            session = session.withoutServer();
        }
        closeSession();
        session = opened;
        health.watch(opened::ping);
        mainView.resetPages();
        mainModel.connected(opened.serverLabel(), opened.identityLabel(), opened.versionLabel());
        opened.mongo().map(ConsoleSession.MongoSide::facts).filter(facts -> !facts.autoProvisioningSupported())
                .ifPresent(facts -> mainModel.notice(facts.platform().explanation()));
    }

    private void closeSession() {
        if (teleportPages != null) {
            roleDraft = teleportPages.roleDraft(); // edits in the role mapping editor survive a reconnect
        }
        teleportPages = null;
        if (usersView != null) {
            usersView.dispose();
            usersView = null;
        }
        mainModel.refreshPausedProperty().unbind();
        mainModel.refreshPausedProperty().set(false);
        health.forget();
        if (session != null) {
            ConsoleSession closing = session;
            session = null;
            // Closing a client or stopping the demo server can take a moment: not on the FX thread.
            executors.background().execute(closing::close);
        }
    }

    private Node usersPage() {
        if (session == null) {
            throw new ConsoleException("Connect to a server first.");
        }
        AutoUserEngine engine = session.autoUsers();
        String historyServer = historyServer();
        String engineKey = historyKey();
        dev.autouser.core.provisioning.ListingHistory recorder = new dev.autouser.core.provisioning.ListingHistory(
                history, historyServer, engineKey);
        // MongoDB's own log (getLog, id 5286306) as a source, read on the refresh's thread before the listing is
        // recorded, so the evidence the page shows includes it: once a minute on the timer's refreshes, and on each
        // refresh a person asks for. An unavailable log is said once in the status bar.
        java.util.Optional<dev.autouser.core.evidence.ServerLogFeed> serverLog = session.mongo().flatMap(mongo ->
                history.store().map(store -> new dev.autouser.core.evidence.ServerLogFeed(mongo.gateway(), historyServer, store)));
        // As the CLI's list does: a change whose reply was lost is settled from the server before it is listed.
        dev.autouser.core.engine.LostReplySettling lostReplies = new dev.autouser.core.engine.LostReplySettling(engine, audit);
        UsersViewModel users = new UsersViewModel((UsersViewModel.Lister) askedFor -> {
            lostReplies.beforeListing();
            serverLog.flatMap(feed -> askedFor ? feed.feedNow() : feed.feed())
                    .ifPresent(sentence -> executors.fx().execute(() -> mainModel.notice(sentence)));
            dev.autouser.core.provisioning.AutoUserListing listing = recorder.record(engine.list());
            // A history that fails is said once, in the status bar; the listing goes on without evidence.
            history.takeProblem().ifPresent(problem -> executors.fx().execute(() -> mainModel.notice(problem)));
            return listing;
        }, dialogs, executors, mainModel::refreshedAt);
        mainModel.refreshPausedProperty().bind(users.pausedProperty());
        users.serverTroubleProperty().bind(health.troubleProperty());
        // A failed refresh may mean the server is gone: ask it now rather than at the next check.
        users.refreshErrorProperty().addListener((obs, was, error) -> {
            if (!error.isEmpty()) {
                health.check();
            }
        });
        users.nodesProperty().addListener((o, old, nodes) -> mainModel.topology(SessionCensus.summary(nodes)));
        ActivityChart chart = new ActivityChart((from, to, points) -> history.timeline(historyServer,
                engineKey, from, to, points), executors, history.isDemo(historyServer, engineKey));
        java.util.Optional<UserCleanup> mongoCleanup = session.mongo().map(mongo -> new UserCleanup(mongo.gateway(), audit));
        UserChanges changes = mongoCleanup.map(UserChanges::mongo).orElseGet(() -> UserChanges.postgres(
                session.postgres().orElseThrow().gateway(), engine.actions(audit)));
        UserActionsViewModel actions = UserActionsViewModel.on(changes, dialogs, executors, users::refresh);
        usersView = new UsersView(users, actions, () -> CleanupWizard.open(stage, cleanupWizard(mongoCleanup, recorder,
                users::refresh)), chart);
        usersView.offerHistoryExport(new dev.autouser.ui.users.HistoryExportViewModel(dirs.history(), historyServer,
                dialogs, executors));
        return usersView;
    }

    /**
     * The cleanup wizard on this session's engine. Its plans list through the Users page's history recorder,
     * so a plan by age judges each user with the evidence that listing records, as the CLI's cleanup does
     * (before, MongoDB's wizard had no evidence: every age was unknown and a plan by age took no one).
     */
    private CleanupViewModel cleanupWizard(java.util.Optional<UserCleanup> mongoCleanup,
                                           dev.autouser.core.provisioning.ListingHistory recorder, Runnable afterChange) {
        CleanupChanges changes = mongoCleanup.map(cleanup -> CleanupChanges.mongo(cleanup.recordingListingsWith(recorder::record)))
                .orElseGet(() -> CleanupChanges.postgres(session.postgres().orElseThrow().gateway(),
                        session.autoUsers().actions(audit).recordingListingsWith(recorder::record)));
        // Teleport's audit import reads this engine's sessions (db_protocol postgres on PostgreSQL), keyed by user.
        return new CleanupViewModel(changes, java.util.Map::of, java.time.Clock.systemUTC(), this::importTeleport, dialogs,
                executors, afterChange);
    }

    /** The name this server's usage history is kept under, as the CLI names it. */
    private String historyServer() {
        return dev.autouser.core.history.ServerName.fromUri(session.mongo().isPresent() ? session.server()
                : "postgresql://" + session.server());
    }

    private String historyKey() {
        return session.engine() == dev.autouser.core.engine.Engine.POSTGRESQL
                ? dev.autouser.core.history.UserKey.POSTGRESQL : dev.autouser.core.history.UserKey.MONGODB;
    }

    /** Teleport's audit events into this server's usage history (the same as the CLI's evidence import-teleport). */
    private String importTeleport(java.nio.file.Path file) {
        return new TeleportAuditFileImport(dirs.history(), historyServer(), session.engine()).importFile(file);
    }

    private TeleportPages teleportPages() {
        if (session == null) {
            throw new ConsoleException("Connect to a server first.");
        }
        if (teleportPages == null) {
            teleportPages = TeleportPages.of(session, audit, dialogs, executors, roleDraft, health.troubleProperty());
        }
        return teleportPages;
    }

    private Node createPage(Page page) {
        return switch (page) {
            case CONNECT -> new ConnectView(connectModel);
            case USERS -> usersPage();
            case AUDIT -> new AuditView(new AuditViewModel(audit, dialogs, executors));
            case ADMIN_SETUP -> teleportPages().adminSetup();
            case ROLE_MAPPING -> teleportPages().roleMapping();
        };
    }
}
