package dev.autouser.core.mongo;

/** A MongoDB version such as {@code 7.0.14} or {@code 5.2.0-rc1}; features are gated on it. */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
    public static ServerVersion parse(String text) {
        String[] parts = text.trim().split("[.\\-+ ]");
        return new ServerVersion(number(parts, 0), number(parts, 1), number(parts, 2), text.trim());
    }

    private static int number(String[] parts, int index) {
        if (index >= parts.length) {
            return 0;
        }
        String digits = parts[index].replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** {@code showCustomData} in usersInfo exists from 5.2; before that customData is always shown. */
    public boolean hasShowCustomData() {
        return atLeast(5, 2);
    }

    /** The {@code $currentOp} stage with {@code idleConnections} is preferred from 6.2. */
    public boolean prefersCurrentOpStage() {
        return atLeast(6, 2);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
