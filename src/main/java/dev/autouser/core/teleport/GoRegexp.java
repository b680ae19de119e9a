package dev.autouser.core.teleport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression with the semantics of Go's {@code regexp} package (RE2), which Teleport's
 * {@code regexp.replace} uses: syntax RE2 refuses (backreferences, lookaround, atomic groups,
 * possessive quantifiers) is refused here too with a sentence, {@code (?P<name>...)} works, and the
 * replacement follows Go's {@code Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code $$};
 * {@code $1x} means the group named {@code 1x}; a group that does not exist expands to nothing.
 */
final class GoRegexp {
    private final Pattern pattern;
    private final Map<String, Integer> groupNames;

    private GoRegexp(Pattern pattern, Map<String, Integer> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /** @throws TeleportConfigException saying what Go's regexp would refuse */
    static GoRegexp compile(String regex) {
        StringBuilder java = new StringBuilder();
        Map<String, Integer> names = new HashMap<>();
        int groups = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    throw invalid(regex, "it ends with a lone backslash");
                }
                char next = regex.charAt(i + 1);
                if (!inClass && next >= '1' && next <= '9') {
                    throw invalid(regex, "backreferences such as \\" + next + " do not exist in Go's regexp");
                }
                if (next == 'Z' || next == 'G' || next == 'R' || next == 'X' || next == 'K' || next == 'h' || next == 'H'
                        || next == 'V' || next == 'e') {
                    throw invalid(regex, "\\" + next + " is not an escape Go's regexp knows");
                }
                java.append(c).append(next);
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' ) {
                    java.append('\\'); // Java would start a nested class (union); Go takes it literally
                }
                java.append(c);
            } else if (c == '[') {
                inClass = true;
                java.append(c);
                // a ']' right after '[' or '[^' is a literal in both, keep it
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    java.append('^');
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
            } else if (c == '(' && regex.startsWith("(?", i)) {
                int consumed = group(regex, i, java, names, groups + 1);
                if (consumed > 0) {
                    groups++;
                    i += consumed - 1;
                } else {
                    java.append(c);
                }
            } else if (c == '(') {
                groups++;
                java.append(c);
            } else if ((c == '+' || c == '*' || c == '?') && i + 1 < regex.length() && regex.charAt(i + 1) == '+') {
                throw invalid(regex, "possessive quantifiers such as *+ do not exist in Go's regexp");
            } else {
                java.append(c);
            }
        }
        try {
            return new GoRegexp(Pattern.compile(java.toString()), names);
        } catch (PatternSyntaxException e) {
            throw invalid(regex, e.getDescription().toLowerCase(Locale.ROOT));
        } catch (StackOverflowError e) {
            throw invalid(regex, "it is nested too deeply");
        }
    }

    /**
     * Handles the {@code (?} forms: named groups become numbered Java groups (returns the characters
     * consumed); flags and non-capturing groups pass (returns 0); lookaround and atomic groups refused.
     */
    private static int group(String regex, int at, StringBuilder java, Map<String, Integer> names, int number) {
        String rest = regex.substring(at);
        if (rest.startsWith("(?=") || rest.startsWith("(?!") || rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
            throw invalid(regex, "lookahead and lookbehind do not exist in Go's regexp");
        }
        if (rest.startsWith("(?>")) {
            throw invalid(regex, "atomic groups (?>...) do not exist in Go's regexp");
        }
        Matcher named = Pattern.compile("^\\(\\?P?<([A-Za-z0-9_]+)>").matcher(rest);
        if (named.find()) {
            if (names.putIfAbsent(named.group(1), number) != null) {
                throw invalid(regex, "the group name " + named.group(1) + " is used twice");
            }
            java.append('(');
            return named.end();
        }
        if (rest.startsWith("(?P") || rest.startsWith("(?<")) {
            throw invalid(regex, "a group name must be letters, digits or underscores");
        }
        Matcher flags = Pattern.compile("^\\(\\?([a-zA-Z-]*)[:)]").matcher(rest);
        if (flags.find() && flags.group(1).contains("U")) {
            throw invalid(regex, "the U (ungreedy) flag is not supported here: write lazy quantifiers such as *? instead");
        }
        if (flags.find(0) && !flags.group(1).matches("[imsU-]*")) {
            throw invalid(regex, "(?" + flags.group(1) + ") is not a flag Go's regexp knows (i, m, s, U)");
        }
        return 0;
    }

    /**
     * Go's {@code ReplaceAllString}: like Java's, except that an empty match right after the
     * previous match is ignored ({@code a*} on {@code baaac} gives {@code -b-c-}, not {@code -b--c-}).
     */
    String replaceAll(String input, String template) {
        Matcher m = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue;
            }
            out.append(input, last, m.start());
            expand(template, m, out);
            last = m.end();
            previousEnd = m.end();
        }
        out.append(input, last, input.length());
        return out.toString();
    }

    boolean matches(String input) {
        return pattern.matcher(input).find();
    }

    /** Go's {@code Regexp.Expand} for one match. */
    private void expand(String template, Matcher m, StringBuilder out) {
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                name = close < 0 ? "" : template.substring(i + 2, close);
                end = close;
            } else {
                int j = i + 1;
                while (j < template.length() && isNameChar(template.charAt(j))) {
                    j++;
                }
                name = template.substring(i + 1, j);
                end = j - 1;
            }
            if (name.isEmpty() || !name.chars().allMatch(ch -> isNameChar((char) ch))) {
                out.append(c); // malformed: Go copies the '$' literally
                continue;
            }
            out.append(group(m, name));
            i = end;
        }
    }

    private String group(Matcher m, String name) {
        int index;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                index = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return "";
            }
        } else {
            index = groupNames.getOrDefault(name, -1);
        }
        if (index < 0 || index > m.groupCount()) {
            return "";
        }
        String value = m.group(index);
        return value == null ? "" : value;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static TeleportConfigException invalid(String regex, String why) {
        return new TeleportConfigException("regexp.replace has an invalid regular expression \"" + regex + "\": " + why);
    }
}
