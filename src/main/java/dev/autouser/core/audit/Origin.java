package dev.autouser.core.audit;

import dev.autouser.core.AppVersion;

import java.net.InetAddress;
import java.util.Objects;

/** Who made a change, as far as the machine can tell: the tool and version, GUI or CLI, the OS user and host. */
public record Origin(String tool, String version, Channel via, String osUser, String host) {
    public static final String TOOL = "autouser";
    /** For records read from logs that did not say. */
    public static final Origin UNKNOWN = new Origin("", "", Channel.LIBRARY, "", "");

    public Origin {
        tool = Objects.requireNonNullElse(tool, "");
        version = Objects.requireNonNullElse(version, "");
        Objects.requireNonNull(via, "via");
        osUser = Objects.requireNonNullElse(osUser, "");
        host = Objects.requireNonNullElse(host, "");
    }

    /** This process, running as {@code via}. */
    public static Origin current(Channel via) {
        return new Origin(TOOL, AppVersion.current(), via, System.getProperty("user.name", ""), Host.NAME);
    }

    public Origin withOsUser(String user) {
        return new Origin(tool, version, via, user, host);
    }

    /** "autouser 0.1.0 (cli)". */
    public String toolText() {
        return tool.isEmpty() ? "" : tool + " " + version + " (" + via.word() + ")";
    }

    /** Looked up once: the environment first, since a name lookup can wait on DNS. */
    private static final class Host {
        static final String NAME = lookup();

        private static String lookup() {
            for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
