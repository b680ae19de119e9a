package dev.autouser.cli;

import dev.autouser.core.AppVersion;
import picocli.CommandLine;

/** picocli's {@code --version}: the version kept in core, shared with the console's status bar. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"autouser " + AppVersion.current()};
    }
}
