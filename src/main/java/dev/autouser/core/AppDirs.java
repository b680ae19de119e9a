package dev.autouser.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its files, in each platform's conventional place:
 * XDG config/data directories on Linux, AppData on Windows, Application Support on macOS.
 * {@code -Dautouser.home=DIR} (or {@code AUTOUSER_HOME}) puts everything under one folder instead,
 * which tests and portable installs use.
 */
public record AppDirs(Path config, Path data) {
    private static final String APP = "autouser";

    /** Profiles and settings (never secrets). */
    public Path profilesFile() {
        return config.resolve("profiles.json");
    }

    /** The append-only audit log (JSON lines). */
    public Path auditLog() {
        return data.resolve("audit.jsonl");
    }

    /** The demo server's development PKI. */
    public Path demoPki() {
        return data.resolve("demo-pki");
    }

    /** The usage history (embedded SQLite: first seen, last active, locked since, ...). */
    public Path history() {
        return data.resolve("history.db");
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public static AppDirs forCurrentUser() {
        return resolve(System.getProperties().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(),
                                e -> e.getValue().toString())),
                System.getenv());
    }

    /** Pure resolution from system properties and environment, so every platform rule is testable. */
    public static AppDirs resolve(Map<String, String> properties, Map<String, String> env) {
        String override = properties.getOrDefault("autouser.home", env.get("AUTOUSER_HOME"));
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirs(home.resolve("config"), home.resolve("data"));
        }
        Path userHome = Path.of(properties.getOrDefault("user.home", "."));
        String os = properties.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve("AutoUserConsole"), local.resolve("AutoUserConsole"));
        }
        if (os.startsWith("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("AutoUserConsole");
            return new AppDirs(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), userHome.resolve(".local").resolve("share"));
        return new AppDirs(config.resolve(APP), data.resolve(APP));
    }

    private static Path pathOr(String value, Path fallback) {
        // XDG says relative paths are invalid and must be ignored.
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }
}
