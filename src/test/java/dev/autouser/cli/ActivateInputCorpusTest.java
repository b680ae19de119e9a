package dev.autouser.cli;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.autouser.testsupport.ClearMessages.assertClear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 10: {@code activate} accepted names like {@code CN=}, a newline or ESC, and empty
 * {@code --roles}. Each is a usage error before connecting (the URI points nowhere), with a sentence
 * that never prints the control character raw.
 */
class ActivateInputCorpusTest {
    static Stream<Arguments> inputs() {
        String[] names = {"", " ", "CN=", "cn=", "CN= ", "a\nb", "\n", "alice\n", "\u001b[31malice", "alice\u001b]0;x\u0007",
                "a\u0000b", "a\tb", "a\rb", "\u007f", "a\u009bb", "a\u0085b", "CN=\u001b"};
        String[] emptyRoles = {"", ",", " , ", ",,,"};
        Stream.Builder<Arguments> inputs = Stream.builder();
        for (String name : names) {
            boolean control = name.chars().anyMatch(Character::isISOControl);
            inputs.add(Arguments.of(name, "read@db1", control ? "control character" : "is empty"));
        }
        for (String roles : emptyRoles) {
            inputs.add(Arguments.of("alice", roles, "--roles is empty"));
        }
        for (String roles : new String[] {"read", "@db1", "read@", "read@db1,read"}) {
            inputs.add(Arguments.of("alice", roles, ""));
        }
        return inputs.build();
    }

    @ParameterizedTest(name = "[{index}] name={0} roles={1}")
    @MethodSource("inputs")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void badNamesAndRolesAreUsageErrors(String name, String roles, String expected) {
        CliRun run = CliRun.run("activate", name, "--roles", roles, "--uri", "mongodb://localhost:1/", "--timeout", "1");
        assertEquals(2, run.code(), run.toString());
        assertClear(run.err(), expected);
        assertFalse(run.err().contains("Cannot reach"), "refused before connecting: " + run);
        assertFalse(run.err().chars().anyMatch(c -> c == 0x1b || c == 0 || c == 0x07), "raw control character: " + run);
    }
}
