package dev.autouser.sandbox.jstests;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The mongosh that runs the jstests: {@code MONGOSH_BIN}, else {@code mongosh} on the PATH
 * ({@code .ci/run} installs 2.12.0 from npm and sets MONGOSH_BIN). Without one the suite fails on
 * CI and is reported as aborted, with how to get one, on a developer machine.
 */
final class Mongosh {
    private Mongosh() {
    }

    static String locate() {
        Optional<String> found = Optional.ofNullable(System.getenv("MONGOSH_BIN")).filter(s -> !s.isBlank())
                .or(Mongosh::onPath);
        if (found.isPresent()) {
            return found.get();
        }
        String how = "no mongosh: set MONGOSH_BIN (e.g. `npm install --prefix DIR mongosh@2.12.0`, then "
                + "MONGOSH_BIN=DIR/node_modules/.bin/mongosh)";
        if (System.getenv("CI") != null) {
            fail(how);
        }
        Assumptions.abort(how);
        return null;
    }

    private static Optional<String> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "mongosh"))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
