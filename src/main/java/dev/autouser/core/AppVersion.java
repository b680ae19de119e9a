package dev.autouser.core;

/** The console's version from the jar manifest (the POM's version), or "development" when run from classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
