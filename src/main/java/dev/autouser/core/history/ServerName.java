package dev.autouser.core.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The name under which a server's history is kept: its hosts from the connection string, lower
 * case, with the engine's default port made explicit, sorted, without credentials, database or
 * options. So {@code mongodb://b:27017,A/?tls=true} and {@code mongodb://a:27017,b} share one
 * history, and a PostgreSQL server on the same host is a different one (other engine, other port).
 */
public final class ServerName {
    private ServerName() {
    }

    public static String fromUri(String uri) {
        String text = uri.trim();
        int scheme = text.indexOf("://");
        String prefix = scheme < 0 ? "" : text.substring(0, scheme).toLowerCase(Locale.ROOT);
        String rest = scheme < 0 ? text : text.substring(scheme + 3);
        int end = firstOf(rest, '/', '?');
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        if (prefix.equals("mongodb+srv")) {
            return "mongodb+srv://" + hosts.toLowerCase(Locale.ROOT);
        }
        int defaultPort = prefix.startsWith("postgres") ? 5432 : 27017;
        return Arrays.stream(hosts.split(","))
                .map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> withPort(h.toLowerCase(Locale.ROOT), defaultPort))
                .sorted().distinct().collect(Collectors.joining(","));
    }

    private static String withPort(String host, int defaultPort) {
        boolean ipv6 = host.startsWith("[");
        int close = host.indexOf(']');
        String afterHost = ipv6 && close > 0 ? host.substring(close + 1) : host;
        return afterHost.contains(":") ? host : host + ":" + defaultPort;
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
