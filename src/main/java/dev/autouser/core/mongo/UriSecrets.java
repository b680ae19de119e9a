package dev.autouser.core.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a MongoDB connection string can carry: the password in {@code user:password@}, and
 * in the options {@code password=}, {@code tlsCertificateKeyFilePassword=} and the AWS session
 * token inside {@code authMechanismProperties}. Saved profiles keep the URI without them; a secret
 * given on the command line earns a warning (other users see it in the process list).
 */
public final class UriSecrets {
    private static final Pattern USER_PASSWORD = Pattern.compile("^(mongodb(?:\\+srv)?://[^:/@?]*):[^@/?]*@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "([?&])(password|tlsCertificateKeyFilePassword|sslPEMKeyPassword)=[^&#]*(&?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION_TOKEN = Pattern.compile(
            "(,|(?<=authMechanismProperties=))AWS_SESSION_TOKEN(?::|%3A)[^,&#]*,?", Pattern.CASE_INSENSITIVE);

    private UriSecrets() {
    }

    /** The URI with every secret removed; {@code mongodb://u:p@h/?x=1} becomes {@code mongodb://u@h/?x=1}. */
    public static String strip(String uri) {
        String out = USER_PASSWORD.matcher(uri).replaceFirst("$1@");
        out = SECRET_OPTION.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(3).isEmpty() ? "" : m.group(1)));
        out = SESSION_TOKEN.matcher(out).replaceAll("");
        out = out.replaceAll("(?i)([?&])authMechanismProperties=(&|$)", "$1").replaceAll("[?&]$", "");
        return out;
    }

    /** Names of the secrets the URI holds ("a password", "an AWS session token"), for a warning. */
    public static List<String> found(String uri) {
        List<String> found = new ArrayList<>();
        if (USER_PASSWORD.matcher(uri).find()) {
            found.add("a password");
        }
        Matcher option = SECRET_OPTION.matcher(uri);
        while (option.find()) {
            found.add("a " + option.group(2) + " option");
        }
        if (uri.toUpperCase(Locale.ROOT).contains("AWS_SESSION_TOKEN")) {
            found.add("an AWS session token");
        }
        return found;
    }
}
