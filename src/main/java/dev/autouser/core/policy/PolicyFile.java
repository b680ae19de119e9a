package dev.autouser.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cleanup policy file, a small YAML document (documented in the README):
 * <pre>
 * version: 1
 * lock:
 *   not-cleaned-up-for: 60m      # lock users Teleport left unlocked without a session for longer
 * drop:
 *   locked-for: 30d              # drop users locked for longer than this
 *   not-active-for: 30d          # ... and not active (by any source) for longer than this
 * </pre>
 * {@code lock: off} or {@code drop: off} turns a rule off. Ages are a whole number with {@code m},
 * {@code h} or {@code d}. Anything else is refused with the line and the field: a policy that runs
 * from cron must never be half-understood.
 */
public final class PolicyFile {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)");
    private static final YAMLFactory YAML = new YAMLFactory();

    private Optional<Duration> lock = Optional.empty();
    private Optional<Duration> lockedFor = Optional.empty();
    private Optional<Duration> notActiveFor = Optional.empty();
    private boolean sawVersion;
    private boolean sawLock;
    private boolean sawDrop;

    private PolicyFile() {
    }

    public static CleanupPolicy read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new PolicyFileException("The policy file " + file + " does not exist.");
        } catch (IOException e) {
            throw new PolicyFileException("The policy file " + file + " cannot be read: " + e.getMessage());
        }
    }

    public static CleanupPolicy read(Reader reader, String name) throws IOException {
        PolicyFile file = new PolicyFile();
        try (JsonParser parser = YAML.createParser(reader)) {
            file.document(parser, name);
        } catch (JsonProcessingException e) {
            throw new PolicyFileException(name + " line " + e.getLocation().getLineNr()
                    + ": not valid YAML (" + e.getOriginalMessage() + ").");
        }
        return file.policy(name);
    }

    private void document(JsonParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new PolicyFileException(name + " is not a policy: it should be a YAML mapping with version, lock and drop.");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            int line = line(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "version" -> {
                    sawVersion = true;
                    if (!"1".equals(parser.getText())) {
                        throw at(name, line, "version", "this console reads policy version 1, not " + parser.getText());
                    }
                }
                case "lock" -> {
                    sawLock = true;
                    lock = section(parser, value, name, "lock", "not-cleaned-up-for");
                }
                case "drop" -> {
                    sawDrop = true;
                    dropSection(parser, value, name);
                }
                default -> throw at(name, line, field, "unknown field (a policy has version, lock and drop)");
            }
        }
    }

    /** {@code lock: off}, or a mapping with exactly one age field. */
    private Optional<Duration> section(JsonParser parser, JsonToken value, String name, String section, String field)
            throws IOException {
        if (isOff(parser, value)) {
            return Optional.empty();
        }
        expectMapping(parser, value, name, section, field);
        Optional<Duration> age = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = line(parser);
            parser.nextToken();
            if (!key.equals(field)) {
                throw at(name, line, section + "." + key, "unknown field (" + section + " has " + field + ")");
            }
            age = Optional.of(age(parser, name, line, section + "." + key));
        }
        if (age.isEmpty()) {
            throw at(name, line(parser), section, "needs " + field + " (or write " + section + ": off)");
        }
        return age;
    }

    private void dropSection(JsonParser parser, JsonToken value, String name) throws IOException {
        if (isOff(parser, value)) {
            return;
        }
        expectMapping(parser, value, name, "drop", "locked-for and not-active-for");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = line(parser);
            parser.nextToken();
            switch (key) {
                case "locked-for" -> lockedFor = Optional.of(age(parser, name, line, "drop.locked-for"));
                case "not-active-for" -> notActiveFor = Optional.of(age(parser, name, line, "drop.not-active-for"));
                default -> throw at(name, line, "drop." + key, "unknown field (drop has locked-for and not-active-for)");
            }
        }
        if (lockedFor.isEmpty() || notActiveFor.isEmpty()) {
            throw at(name, line(parser), "drop", "needs both locked-for and not-active-for (or write drop: off)");
        }
    }

    private CleanupPolicy policy(String name) {
        if (!sawVersion) {
            throw new PolicyFileException(name + ": the policy has no version (write version: 1 at the top).");
        }
        if (!sawLock && !sawDrop) {
            throw new PolicyFileException(name + ": the policy has neither lock nor drop, so it would do nothing.");
        }
        return new CleanupPolicy(lock, lockedFor, notActiveFor);
    }

    private static boolean isOff(JsonParser parser, JsonToken value) throws IOException {
        // YAML 1.1 reads a bare off as false; "off" in quotes stays a string.
        return value == JsonToken.VALUE_FALSE || (value == JsonToken.VALUE_STRING && "off".equals(parser.getText()));
    }

    private static void expectMapping(JsonParser parser, JsonToken value, String name, String section, String fields) {
        if (value != JsonToken.START_OBJECT) {
            throw at(name, line(parser), section, "should hold " + fields + " or be off");
        }
    }

    private static Duration age(JsonParser parser, String name, int line, String field) throws IOException {
        String text = parser.currentToken().isScalarValue() ? parser.getText().strip() : "";
        Matcher m = AGE.matcher(text);
        if (!m.matches()) {
            if (!parser.currentToken().isScalarValue()) {
                parser.skipChildren();
            }
            throw at(name, line, field, "'" + text + "' is not an age (write e.g. 45m, 12h or 30d)");
        }
        long amount = Long.parseLong(m.group(1));
        Duration age = switch (m.group(2)) {
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (age.isZero()) {
            throw at(name, line, field, "an age of 0 would take every user in that state; write at least 1m");
        }
        return age;
    }

    private static int line(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return location.getLineNr();
    }

    private static PolicyFileException at(String name, int line, String field, String problem) {
        return new PolicyFileException(name + " line " + line + ", " + field + ": " + problem + ".");
    }
}
