package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A libpq connection URI, {@code postgresql://[user[:password]@]host[:port][,host2[:port]][/dbname][?param=value&...]}
 * ({@code postgres://} too), read as libpq reads it: percent-decoded parts, IPv6 hosts in brackets,
 * default port 5432 and database = user name. Parameters the console understands: {@code sslmode},
 * {@code sslrootcert}, {@code sslcert}, {@code sslkey}, {@code user}, {@code dbname},
 * {@code connect_timeout}, {@code application_name}; any other is refused by name rather than ignored.
 */
public record PostgresUri(List<HostPort> hosts, Optional<String> user, boolean hasPassword, Optional<String> database,
                          Map<String, String> parameters) {
    public static final int DEFAULT_PORT = 5432;
    public static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> KNOWN = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "user", "dbname",
            "connect_timeout", "application_name", "password", "host", "port");

    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public PostgresUri {
        hosts = List.copyOf(hosts);
        parameters = Map.copyOf(parameters);
    }

    public static boolean isPostgres(String uri) {
        String lower = uri == null ? "" : uri.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    public static PostgresUri parse(String text) {
        if (!isPostgres(text)) {
            throw new ConsoleException("Not a PostgreSQL URI: it must start with postgresql:// (or postgres://).");
        }
        String rest = text.trim();
        rest = rest.substring(rest.indexOf("://") + 3);
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        Map<String, String> parameters = parameters(query);
        int slash = rest.indexOf('/');
        Optional<String> database = Optional.empty();
        if (slash >= 0) {
            String db = decode(rest.substring(slash + 1), "database name");
            database = db.isEmpty() ? Optional.empty() : Optional.of(db);
            rest = rest.substring(0, slash);
        }
        Optional<String> user = Optional.empty();
        boolean password = parameters.containsKey("password");
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                password = true;
                userInfo = userInfo.substring(0, colon);
            }
            String decoded = decode(userInfo, "user name");
            user = decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
        }
        if (parameters.containsKey("user")) {
            user = Optional.of(parameters.get("user"));
        }
        if (parameters.containsKey("dbname")) {
            database = Optional.of(parameters.get("dbname"));
        }
        if (parameters.containsKey("host") || parameters.containsKey("port")) {
            throw new ConsoleException("Give the host and port in the URI itself (postgresql://HOST:PORT/DB), not as"
                    + " host= or port= parameters.");
        }
        String mode = parameters.get("sslmode");
        if (mode != null && !SSL_MODES.contains(mode)) {
            throw new ConsoleException("Unknown sslmode \"" + mode + "\": use " + String.join(", ", SSL_MODES.stream().sorted().toList()) + ".");
        }
        return new PostgresUri(hosts(rest), user, password, database, parameters);
    }

    /** The database to connect to: as given, else the user's name (libpq's default), else {@code postgres}. */
    public String databaseOr(String userName) {
        return database.orElse(userName == null || userName.isEmpty() ? "postgres" : userName);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** "db.example.com:5432" or "h1:5432,h2:5433". */
    public String hostList() {
        return String.join(",", hosts.stream().map(HostPort::toString).toList());
    }

    private static List<HostPort> hosts(String spec) {
        if (spec.isEmpty()) {
            throw new ConsoleException("The PostgreSQL URI names no host: use postgresql://HOST:5432/DATABASE"
                    + " (Unix sockets are not supported).");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            hosts.add(hostPort(part));
        }
        return hosts;
    }

    private static HostPort hostPort(String part) {
        String host = part;
        String port = "";
        if (part.startsWith("[")) {
            int close = part.indexOf(']');
            if (close < 0) {
                throw new ConsoleException("Unclosed [ in the PostgreSQL URI's host \"" + part + "\".");
            }
            host = part.substring(1, close);
            String after = part.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new ConsoleException("Unexpected \"" + after + "\" after the host [" + host + "].");
                }
                port = after.substring(1);
            }
        } else {
            int colon = part.lastIndexOf(':');
            if (colon >= 0) {
                host = part.substring(0, colon);
                port = part.substring(colon + 1);
            }
        }
        host = decode(host, "host");
        if (host.isEmpty()) {
            throw new ConsoleException("The PostgreSQL URI has an empty host in \"" + part + "\".");
        }
        return new HostPort(host, port(port, part));
    }

    private static int port(String text, String part) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw new ConsoleException("Port \"" + text + "\" in \"" + part + "\" is not a number from 1 to 65535.");
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConsoleException("The PostgreSQL URI parameter \"" + pair + "\" has no value: write name=value.");
            }
            String name = decode(pair.substring(0, equals), "parameter name");
            if (!KNOWN.contains(name)) {
                throw new ConsoleException("The console does not understand the PostgreSQL URI parameter \"" + name
                        + "\" (it knows " + String.join(", ", KNOWN.stream().sorted().toList()) + ").");
            }
            parameters.put(name, decode(pair.substring(equals + 1), name));
        }
        return parameters;
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException("The PostgreSQL URI's " + what + " has a broken %-escape: \"" + text + "\".");
        }
    }
}
