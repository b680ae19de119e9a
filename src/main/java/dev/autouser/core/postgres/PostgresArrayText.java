package dev.autouser.core.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-dimensional PostgreSQL array in its text form, as the server sends it ({@code array_out}):
 * {@code {a,"b c","say \"hi\"",NULL}}. An element is double-quoted when it is empty, contains a brace,
 * comma, double quote, backslash or white space, or reads {@code NULL} in any case; inside quotes a
 * backslash escapes the next character; an unquoted {@code NULL} is SQL NULL. The listing reads its
 * aggregates this way rather than through JDBC's {@code getArray()}, which builds a driver array object
 * and a boxed Java array per column and row: at 10,000 users that was most of the decoding time.
 * Anything else (a lower bound other than 1, more than one dimension) is refused, never guessed.
 */
final class PostgresArrayText {
    private PostgresArrayText() {
    }

    /** The elements in order, {@code null} for SQL NULL; an empty list for {@code {}}; {@code null} for a NULL array. */
    static List<String> elements(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length < 2 || text.charAt(0) != '{' || text.charAt(length - 1) != '}') {
            throw unexpected(text);
        }
        List<String> elements = new ArrayList<>(4);
        if (length == 2) {
            return elements;
        }
        int i = 1;
        StringBuilder quoted = null;
        while (true) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = quoted == null ? new StringBuilder() : quoted;
                quoted.setLength(0);
                i++;
                while (true) {
                    if (i >= length - 1) {
                        throw unexpected(text);
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        break;
                    }
                    if (q == '\\') {
                        if (i >= length - 1) {
                            throw unexpected(text);
                        }
                        q = text.charAt(i++);
                    }
                    quoted.append(q);
                }
                elements.add(quoted.toString());
            } else {
                int end = i;
                while (end < length - 1 && text.charAt(end) != ',') {
                    char u = text.charAt(end);
                    if (u == '{' || u == '}' || u == '"' || u == '\\') {
                        throw unexpected(text);
                    }
                    end++;
                }
                if (end == i) {
                    throw unexpected(text);
                }
                String element = text.substring(i, end);
                elements.add(element.equalsIgnoreCase("NULL") ? null : element);
                i = end;
            }
            if (i == length - 1) {
                return elements;
            }
            if (text.charAt(i) != ',') {
                throw unexpected(text);
            }
            i++;
        }
    }

    /** Elements that are never NULL (the query coalesces them), as strings. */
    static List<String> strings(String text) throws SQLException {
        List<String> elements = elements(text);
        if (elements == null) {
            return List.of();
        }
        for (String element : elements) {
            if (element == null) {
                throw new SQLException("Unexpected NULL in the array " + text);
            }
        }
        return elements;
    }

    /** An {@code int4[]} without NULLs. */
    static int[] ints(String text) throws SQLException {
        List<String> elements = strings(text);
        int[] numbers = new int[elements.size()];
        for (int i = 0; i < numbers.length; i++) {
            try {
                numbers[i] = Integer.parseInt(elements.get(i));
            } catch (NumberFormatException e) {
                throw new SQLException("Not an integer array: " + text, e);
            }
        }
        return numbers;
    }

    private static SQLException unexpected(String text) {
        return new SQLException("Not a one-dimensional PostgreSQL array: " + (text.length() > 80 ? text.substring(0, 80) + "…" : text));
    }
}
