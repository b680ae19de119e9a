package dev.autouser.sandbox.security;

/** The MongoDB version the sandbox reports, for behaviour that changed between versions. */
record SandboxVersion(int major, int minor) {

    static SandboxVersion parse(String version) {
        String[] parts = version.split("[.-]");
        try {
            return new SandboxVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server version must look like 7.0.14, got: " + version, e);
        }
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** {@code usersInfo}'s {@code showCustomData} option arrived in MongoDB 5.2. */
    boolean hasShowCustomData() {
        return atLeast(5, 2);
    }
}
