package dev.autouser.cli;

import picocli.CommandLine;

/** The version from the jar manifest (the POM's version), or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"autouser " + version()};
    }
}
