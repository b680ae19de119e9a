package dev.autouser.sandbox;

import de.bwaldvogel.mongo.MongoVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB version the sandbox claims in {@code buildInfo}, with the wire version that release
 * really announces. The wire version never drops below 8 because the Java driver 5.x refuses
 * older servers.
 */
public record ReportedVersion(int major, int minor, int patch) implements MongoVersion {
    private static final int MIN_DRIVER_WIRE_VERSION = 8;

    public ReportedVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("A MongoDB version has no negative parts.");
        }
    }

    /** Parses "7.0.14" or "5.1"; a clear one-sentence error otherwise. */
    public static ReportedVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("Server version must look like 7.0.14, not '" + text + "'.");
        }
        try {
            return new ReportedVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Server version must look like 7.0.14, not '" + text + "'.");
        }
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    @Override
    public List<Integer> getVersionArray() {
        List<Integer> array = new ArrayList<>(List.of(major, minor, patch, 0));
        return array;
    }

    @Override
    public String toVersionString() {
        return major + "." + minor + "." + patch;
    }

    /** maxWireVersion as the real release reports it (4.2 → 8, 4.4 → 9, 5.0 → 13, 6.0 → 17, 7.0 → 21, 8.0 → 25). */
    @Override
    public int getWireVersion() {
        if (atLeast(8, 0)) {
            return 25;
        }
        if (atLeast(7, 0)) {
            return 21;
        }
        if (atLeast(6, 0)) {
            return 17 + Math.min(minor, 3);
        }
        if (atLeast(5, 0)) {
            return 13 + Math.min(minor, 3);
        }
        if (atLeast(4, 4)) {
            return 9;
        }
        return MIN_DRIVER_WIRE_VERSION;
    }

    @Override
    public String toString() {
        return toVersionString();
    }
}
