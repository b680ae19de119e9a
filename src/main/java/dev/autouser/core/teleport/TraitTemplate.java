package dev.autouser.core.teleport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teleport's trait templates in role values: {@code prefix{{internal.db_roles}}suffix}. Expands them
 * as Teleport's {@code ApplyValueTraits} does: one output per trait value; a missing or empty trait
 * expands to nothing (the entry is silently skipped); an unsupported expression is skipped too.
 * Supported expressions: {@code internal.NAME}, {@code external.NAME}, {@code external["NAME"]},
 * {@code email.local(VAR)} and {@code regexp.replace(VAR, "re", "replacement")}.
 */
public final class TraitTemplate {
    /** Internal traits Teleport lets templates reference; any other internal name is refused. */
    private static final Set<String> INTERNAL_TRAITS = Set.of("logins", "windows_logins", "kubernetes_groups",
            "kubernetes_users", "db_names", "db_users", "db_roles", "aws_role_arns", "azure_identities",
            "gcp_service_accounts", "jwt", "github_orgs");
    /** Teleport's own reVariable (lib/utils/parse): no brace inside the expression, nor around it. */
    private static final Pattern TEMPLATE = Pattern.compile("^([^}{]*)\\{\\{(\\s*[^}{]*\\s*)}}([^}{]*)$");
    private static final Pattern VARIABLE = Pattern.compile("^(internal|external)(?:\\.([\\w\\-:/]+)|\\[\"([^\"]+)\"])$");
    private static final Pattern EMAIL_LOCAL = Pattern.compile("^email\\.local\\(\\s*(.+?)\\s*\\)$");
    private static final Pattern REGEXP_REPLACE =
            Pattern.compile("^regexp\\.replace\\(\\s*(.+?)\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)$");

    /** What became of one value. */
    public enum Outcome { LITERAL, EXPANDED, MISSING_TRAIT, INVALID }

    /** The values a template produced, and why, for showing next to the entry. */
    public record Expansion(Outcome outcome, List<String> values, String explanation) {
        public Expansion {
            values = List.copyOf(values);
        }
    }

    private TraitTemplate() {
    }

    public static boolean isTemplate(String value) {
        return value.contains("{{") || value.contains("}}");
    }

    public static Expansion expand(String value, Map<String, List<String>> traits) {
        if (!isTemplate(value)) {
            return new Expansion(Outcome.LITERAL, List.of(value), "");
        }
        Matcher m = TEMPLATE.matcher(value);
        if (!m.matches()) {
            String inside = value.contains("{{") && value.contains("}}")
                    ? value.substring(value.indexOf("{{") + 2, value.lastIndexOf("}}")) : "";
            if (inside.contains("{") || inside.contains("}")) {
                return invalid("has { or } inside {{ }}, which Teleport's template syntax does not allow (so no ${1}"
                        + " or {n} inside a template: write $1, and repeat a pattern instead of {n})");
            }
            return invalid("uses {{ or }} but is not one {{expression}} with optional text around it");
        }
        String prefix = m.group(1);
        String suffix = m.group(3);
        String expression = m.group(2).trim();
        try {
            List<String> raw = evaluate(expression, traits);
            if (raw.isEmpty()) {
                return new Expansion(Outcome.MISSING_TRAIT, List.of(),
                        "the trait in " + expression + " is missing or empty, so Teleport skips this entry");
            }
            List<String> values = raw.stream().map(v -> prefix + v + suffix).toList();
            return new Expansion(Outcome.EXPANDED, values, "");
        } catch (TeleportConfigException e) {
            return invalid(e.getMessage());
        }
    }

    /** The trait a template reads, e.g. {@code db_roles} for {@code {{internal.db_roles}}}; empty if none. */
    public static Optional<String> traitName(String value) {
        Matcher m = TEMPLATE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        Matcher variable = VARIABLE.matcher(innermostVariable(m.group(2).trim()));
        return variable.matches() ? Optional.of(variable.group(2) != null ? variable.group(2) : variable.group(3)) : Optional.empty();
    }

    private static Expansion invalid(String why) {
        return new Expansion(Outcome.INVALID, List.of(), why + "; Teleport skips such entries");
    }

    private static List<String> evaluate(String expression, Map<String, List<String>> traits) {
        Matcher email = EMAIL_LOCAL.matcher(expression);
        if (email.matches()) {
            List<String> out = new ArrayList<>();
            for (String address : variable(email.group(1), traits)) {
                int at = address.indexOf('@');
                if (at <= 0) {
                    throw new TeleportConfigException("email.local got \"" + address + "\", which is not an email address");
                }
                out.add(address.substring(0, at));
            }
            return out;
        }
        Matcher replace = REGEXP_REPLACE.matcher(expression);
        if (replace.matches()) {
            return regexpReplace(variable(replace.group(1), traits), unescape(replace.group(2)), unescape(replace.group(3)));
        }
        return variable(expression, traits);
    }

    private static List<String> variable(String text, Map<String, List<String>> traits) {
        Matcher m = VARIABLE.matcher(text.trim());
        if (!m.matches()) {
            throw new TeleportConfigException("\"" + text.trim() + "\" is not an expression Teleport understands (use internal.NAME or external.NAME)");
        }
        String name = m.group(2) != null ? m.group(2) : m.group(3);
        if ("internal".equals(m.group(1)) && !INTERNAL_TRAITS.contains(name)) {
            throw new TeleportConfigException("internal." + name + " is not a trait Teleport provides; use external." + name + " for identity-provider traits");
        }
        return traits.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    /** Teleport's regexp.replace: Go's regexp and replacement, keeping only values the expression matches. */
    private static List<String> regexpReplace(List<String> values, String regex, String replacement) {
        GoRegexp pattern = GoRegexp.compile(regex);
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (pattern.matches(value)) {
                out.add(pattern.replaceAll(value, replacement));
            }
        }
        return out;
    }

    private static String innermostVariable(String expression) {
        Matcher email = EMAIL_LOCAL.matcher(expression);
        if (email.matches()) {
            return email.group(1);
        }
        Matcher replace = REGEXP_REPLACE.matcher(expression);
        return replace.matches() ? replace.group(1) : expression;
    }

    private static String unescape(String quoted) {
        return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
