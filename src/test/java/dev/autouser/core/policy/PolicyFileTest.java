package dev.autouser.core.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFileTest {
    private static CleanupPolicy read(String yaml) throws IOException {
        return PolicyFile.read(new StringReader(yaml), "policy.yaml");
    }

    @Test
    void theDocumentedPolicyReads() throws IOException {
        CleanupPolicy policy = read("""
                # nightly cleanup
                version: 1
                lock:
                  not-cleaned-up-for: 45m
                drop:
                  locked-for: 14d
                  not-active-for: 30d
                """);

        assertThat(policy).isEqualTo(new CleanupPolicy(Optional.of(Duration.ofMinutes(45)),
                Optional.of(Duration.ofDays(14)), Optional.of(Duration.ofDays(30))));
        assertThat(policy.describe()).isEqualTo(
                "lock: not cleaned up for more than 45 min; drop: locked for more than 14 d and not active for 30 d");
    }

    @Test
    void dropOffMeansLockOnly() throws IOException {
        CleanupPolicy policy = read("version: 1\nlock:\n  not-cleaned-up-for: 2h\ndrop: off\n");

        assertThat(policy.drops()).isFalse();
        assertThat(policy.lockNotCleanedUpAfter()).contains(Duration.ofHours(2));
    }

    @Test
    void aMistypedFieldIsNamedWithItsLine() {
        assertThatThrownBy(() -> read("version: 1\nlock:\n  not-cleaned-up-for: 45m\ndrop:\n  lokced-for: 14d\n"))
                .isInstanceOf(PolicyFileException.class)
                .hasMessage("policy.yaml line 5, drop.lokced-for: unknown field (drop has locked-for and not-active-for).");
    }

    @Test
    void aBadAgeIsNamedWithItsLine() {
        assertThatThrownBy(() -> read("version: 1\nlock:\n  not-cleaned-up-for: soon\n"))
                .hasMessage("policy.yaml line 3, lock.not-cleaned-up-for: 'soon' is not an age (write e.g. 45m, 12h or 30d).");
    }

    @Test
    void halfADropRuleIsRefused() {
        assertThatThrownBy(() -> read("version: 1\ndrop:\n  locked-for: 14d\n"))
                .hasMessageContaining("drop: needs both locked-for and not-active-for (or write drop: off).");
    }

    @Test
    void aZeroAgeIsRefused() {
        assertThatThrownBy(() -> read("version: 1\nlock:\n  not-cleaned-up-for: 0m\n"))
                .hasMessageContaining("lock.not-cleaned-up-for: an age of 0 would take every user");
    }

    @Test
    void brokenYamlAndMissingVersionAreSaid() {
        assertThatThrownBy(() -> read("version: 1\nlock: [unclosed\n"))
                .isInstanceOf(PolicyFileException.class).hasMessageStartingWith("policy.yaml line ");
        assertThatThrownBy(() -> read("lock:\n  not-cleaned-up-for: 1h\n"))
                .hasMessage("policy.yaml: the policy has no version (write version: 1 at the top).");
        assertThatThrownBy(() -> read("version: 2\nlock: off\n"))
                .hasMessage("policy.yaml line 1, version: this console reads policy version 1, not 2.");
    }
}
