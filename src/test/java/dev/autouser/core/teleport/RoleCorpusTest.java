package dev.autouser.core.teleport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.autouser.testsupport.ClearMessages.assertClear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, bad input: generated role files (mutated YAML, anchors and aliases, merge keys,
 * "billion laughs", odd types, binary and oversized files) and db_roles strings (templates and
 * regexp.replace with Go's semantics). Each is read and validated offline: a role or one clear
 * sentence naming the file, and every problem line clear; never another exception, never a hang.
 */
class RoleCorpusTest {
    private static final RoleCatalog SERVER = db -> Optional.of(Set.of("read", "readWrite", "dbAdmin", "root"));
    private static final Map<String, List<String>> TRAITS = Map.of(
            "db_roles", List.of("read@db1", "readWrite@db2"),
            "email", List.of("alice@example.com", "not-an-address"),
            "groups", List.of("team-a", "team-b", ""));
    private static final String SEED = """
            kind: role
            version: v7
            metadata:
              name: auto-db-users
            spec:
              options:
                create_db_user_mode: keep
              allow:
                db_labels:
                  "*": "*"
                db_names:
                - "*"
                db_roles:
                - "readWrite@db1"
                - "{{internal.db_roles}}"
                - "{{external.db_roles}}"
            """;

    static Stream<Arguments> roleFiles() throws IOException {
        Path dir = Files.createTempDirectory("role-corpus");
        List<Arguments> inputs = new ArrayList<>();
        String[] lines = SEED.split("\n");
        // every prefix of the file, and the file without each line
        for (int i = 0; i <= lines.length; i++) {
            inputs.add(file(dir, "first-" + i + "-lines", String.join("\n", List.of(lines).subList(0, i))));
        }
        for (int i = 0; i < lines.length; i++) {
            List<String> without = new ArrayList<>(List.of(lines));
            without.remove(i);
            inputs.add(file(dir, "without-line-" + i, String.join("\n", without)));
        }
        // indentation and character damage on each line
        for (int i = 0; i < lines.length; i++) {
            List<String> shifted = new ArrayList<>(List.of(lines));
            shifted.set(i, " " + shifted.get(i));
            inputs.add(file(dir, "line-" + i + "-indented", String.join("\n", shifted)));
            List<String> tabbed = new ArrayList<>(List.of(lines));
            tabbed.set(i, "\t" + tabbed.get(i));
            inputs.add(file(dir, "line-" + i + "-tab", String.join("\n", tabbed)));
            List<String> colon = new ArrayList<>(List.of(lines));
            colon.set(i, colon.get(i).replace(":", ": :"));
            inputs.add(file(dir, "line-" + i + "-double-colon", String.join("\n", colon)));
        }
        String[] modes = {"keep", "off", "best_effort_drop", "true", "false", "yes", "no", "on", "1", "0", "null", "~",
                "[]", "{}", "\"\"", "KEEP", "keep ", "'best_effort_drop'", "drop", "[keep]", "{a: b}", "0x10", "1e3"};
        for (String mode : modes) {
            inputs.add(file(dir, "mode-" + mode.replaceAll("\\W", "_"), SEED.replace("create_db_user_mode: keep",
                    "create_db_user_mode: " + mode)));
        }
        String[] rolesValues = {"[]", "{}", "~", "null", "42", "true", "readWrite@db1", "[[read@db1]]",
                "[{role: read, db: db1}]", "[null]", "[1, 2]", "['']", "['@']", "['a@']", "['@b']", "['a@b@c']",
                "[' read@db1 ']", "['read @db1']", "['read@ db1']", "['{{']", "['}}']", "['{{}}']",
                "['{{internal}}']", "['{{external.}}']", "['{{internal.nope}}']", "['{{internal.db_roles']",
                "['{{ internal.db_roles }}@x']", "['a{{internal.db_roles}}b{{internal.db_roles}}']",
                "['{{email.local(external.email)}}@db1']", "['{{email.local(internal.db_roles)}}']",
                "['{{regexp.replace(external.groups, \"^team-(.*)$\", \"$1\")}}@db1']",
                "['{{regexp.replace(external.groups, \"(\", \"x\")}}']",
                "['{{regexp.replace(external.groups, \"a\\\\1\", \"x\")}}']",
                "['{{regexp.replace(external.groups, \"(?=a)\", \"x\")}}']",
                "['{{regexp.replace(external.groups, \"a{2}\", \"x\")}}']",
                "['{{regexp.replace(external.groups, \"^(.*)$\", \"${1}\")}}']",
                "['{{regexp.replace(external.groups, \"^(.*)$\", \"$5\")}}@db1']",
                "['{{regexp.replace(external.groups)}}']",
                "['{{regexp.replace(external.groups, \"x\", \"y\", \"z\")}}']",
                "['{{regexp.match(\"x\")}}']", "['{{external[\"db_roles\"]}}']", "['{{external[db_roles]}}']",
                "['\u001b[31mread@db1']", "['read@db1\u0007']", "['r\u00e9ad@db1']", "['\u202eread@db1']"};
        for (int i = 0; i < rolesValues.length; i++) {
            inputs.add(file(dir, "db-roles-" + i, SEED.replaceFirst("(?s)db_roles:\n.*$",
                    java.util.regex.Matcher.quoteReplacement("db_roles: " + rolesValues[i] + "\n"))));
        }
        // documents and top-level shapes
        inputs.add(file(dir, "empty", ""));
        inputs.add(file(dir, "only-a-comment", "# nothing\n"));
        inputs.add(file(dir, "a-list", "- kind: role\n"));
        inputs.add(file(dir, "a-scalar", "role\n"));
        inputs.add(file(dir, "two-roles", SEED + "---\n" + SEED.replace("auto-db-users", "other")));
        inputs.add(file(dir, "role-and-user", SEED + "---\nkind: user\nmetadata:\n  name: alice\n"));
        inputs.add(file(dir, "kind-user", SEED.replace("kind: role", "kind: user")));
        inputs.add(file(dir, "duplicate-key", SEED.replace("version: v7", "version: v7\nversion: v6")));
        inputs.add(file(dir, "json", "{\"kind\": \"role\", \"metadata\": {\"name\": \"j\"}, \"spec\": {}}"));
        inputs.add(file(dir, "flow-unclosed", "{kind: role, metadata: {name: x}\n"));
        inputs.add(file(dir, "document-end-only", "...\n"));
        inputs.add(file(dir, "tag-binary", "kind: !!binary aGVsbG8=\n"));
        inputs.add(file(dir, "custom-tag", "kind: !role role\n"));
        inputs.add(file(dir, "very-deep", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        inputs.add(file(dir, "long-line", "kind: role\nmetadata:\n  name: " + "x".repeat(200_000) + "\n"));
        // anchors and aliases
        inputs.add(file(dir, "undefined-alias", SEED.replaceFirst("(?s)db_roles:\n.*$", "db_roles: *nothing\n")));
        inputs.add(file(dir, "alias-before-anchor", "a: *x\nb: &x [1]\n"));
        inputs.add(file(dir, "merge-key-scalar", "base: &b 1\nkind: role\nspec:\n  <<: *b\n"));
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        inputs.add(file(dir, "billion-laughs", laughs + SEED));
        // bytes that are not YAML text
        Random random = new Random(12);
        for (int i = 0; i < 10; i++) {
            byte[] noise = new byte[32 + random.nextInt(2048)];
            random.nextBytes(noise);
            inputs.add(bytes(dir, "random-" + i, noise));
        }
        inputs.add(bytes(dir, "utf16-no-bom", SEED.getBytes(StandardCharsets.UTF_16LE)));
        inputs.add(bytes(dir, "too-large", ("# " + "x".repeat(1000) + "\n").repeat(1100).getBytes(StandardCharsets.US_ASCII)));
        inputs.add(Arguments.of("dev-zero", Path.of("/dev/zero")));
        inputs.add(Arguments.of("dev-urandom", Path.of("/dev/urandom")));
        inputs.add(Arguments.of("folder", dir));
        inputs.add(Arguments.of("missing", dir.resolve("missing.yaml")));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleFiles")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachRoleFileIsReadOrRefusedClearly(String label, Path file) {
        TeleportRole role;
        try {
            role = TeleportRole.read(file);
        } catch (TeleportConfigException | dev.autouser.core.InputFileException e) {
            assertClear(e.getMessage(), file.getFileName().toString());
            return;
        }
        List<RoleProblem> problems;
        try {
            problems = RoleMappingValidator.validate(role, TRAITS, SERVER);
        } catch (TeleportConfigException e) {
            assertClear(e.getMessage());
            return;
        }
        problems.forEach(p -> assertClear(p.message()));
    }

    @Test
    void anchorsAndAliasesResolveAsTeleportReadsThem() {
        TeleportRole role = TeleportRole.parse("""
                kind: role
                version: v7
                metadata:
                  name: anchored
                base_roles: &roles
                - read@db1
                - readWrite@db2
                spec:
                  options: &options
                    create_db_user_mode: best_effort_drop
                  allow:
                    db_roles: *roles
                  deny:
                    <<: *options
                    db_roles: [dbAdmin@db1]
                """, "anchored.yaml");
        assertEquals(List.of("read@db1", "readWrite@db2"), role.allowDbRoles());
        assertEquals(List.of("dbAdmin@db1"), role.denyDbRoles());
        assertEquals(CreateDbUserMode.BEST_EFFORT_DROP, role.mode());
        assertEquals("best_effort_drop", role.tree().path("spec").path("deny").path("create_db_user_mode").asText());
    }

    @Test
    void billionLaughsIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(("*" + p + ",").repeat(9)).append("*").append(p).append("]\n");
        }
        TeleportConfigException e = assertThrows(TeleportConfigException.class,
                () -> TeleportRole.parse(yaml + "kind: role\n", "laughs.yaml"));
        assertClear(e.getMessage(), "laughs.yaml");
    }

    static Stream<Arguments> regexpReplacements() {
        return Stream.of(
                // expression, trait values, expected values (Go's regexp.ReplaceAllString)
                Arguments.of("regexp.replace(external.g, \"^team-(.*)$\", \"$1@db1\")", List.of("team-a", "x"), List.of("a@db1")),
                Arguments.of("regexp.replace(external.g, \"^team-(.*)$\", \"$1x\")", List.of("team-a"), List.of("")),
                Arguments.of("regexp.replace(external.g, \"^team-(?P<t>.*)$\", \"$t@db1\")", List.of("team-b"), List.of("b@db1")),
                Arguments.of("regexp.replace(external.g, \"^team-(.*)$\", \"$5@db1\")", List.of("team-a"), List.of("@db1")),
                Arguments.of("regexp.replace(external.g, \"^team-(.*)$\", \"$$1\")", List.of("team-a"), List.of("$1")),
                Arguments.of("regexp.replace(external.g, \"a*\", \"-\")", List.of("baaac"), List.of("-b-c-")),
                Arguments.of("regexp.replace(external.g, \"(a)(b)?\", \"[$2]\")", List.of("ac"), List.of("[]c")),
                Arguments.of("regexp.replace(external.g, \"x\", \"$\")", List.of("axb"), List.of("a$b")),
                Arguments.of("regexp.replace(external.g, \"[[]\", \"(\")", List.of("a[b"), List.of("a(b")),
                Arguments.of("regexp.replace(external.g, \"\\\\.\", \"_\")", List.of("a.b.c"), List.of("a_b_c")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("regexpReplacements")
    void regexpReplaceFollowsGo(String expression, List<String> values, List<String> expected) {
        TraitTemplate.Expansion expansion = TraitTemplate.expand("{{" + expression + "}}", Map.of("g", values));
        if (expected.equals(List.of(""))) {
            // Go's $1x is the group named "1x", which does not exist: the value is empty, and Teleport skips it
            assertTrue(expansion.values().isEmpty() || expansion.values().equals(expected), expansion.toString());
            return;
        }
        assertEquals(expected, expansion.values(), expansion.toString());
    }

    static Stream<Arguments> refusedRegexps() {
        return Stream.of(
                Arguments.of("a\\\\1", "backreferences"),
                Arguments.of("(?=a)", "lookahead"),
                Arguments.of("(?<=a)b", "lookahead and lookbehind"),
                Arguments.of("(?>a)", "atomic groups"),
                Arguments.of("a*+", "possessive"),
                Arguments.of("(", "invalid regular expression"),
                Arguments.of("a\\\\Z", "not an escape"),
                Arguments.of("(?U)a*", "ungreedy"),
                Arguments.of("(?P<n>a)(?P<n>b)", "used twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRegexps")
    void regexpsGoRefusesAreRefusedWithASentence(String regex, String why) {
        TraitTemplate.Expansion expansion = TraitTemplate.expand(
                "{{regexp.replace(external.g, \"" + regex + "\", \"x\")}}", Map.of("g", List.of("a")));
        assertEquals(TraitTemplate.Outcome.INVALID, expansion.outcome(), expansion.toString());
        assertClear(expansion.explanation(), why);
    }

    @Test
    void bracesInsideATemplateAreRefusedAsTeleportDoes() {
        for (String entry : List.of("{{regexp.replace(external.g, \"^(.*)$\", \"${1}\")}}",
                "{{regexp.replace(external.g, \"a{2}\", \"b\")}}")) {
            TraitTemplate.Expansion expansion = TraitTemplate.expand(entry, Map.of("g", List.of("aa")));
            assertEquals(TraitTemplate.Outcome.INVALID, expansion.outcome(), entry);
            assertClear(expansion.explanation(), "{ or } inside {{ }}");
        }
    }

    private static Arguments file(Path dir, String label, String text) {
        return bytes(dir, label, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments bytes(Path dir, String label, byte[] content) {
        try {
            return Arguments.of(label, Files.write(dir.resolve(label + ".yaml"), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
