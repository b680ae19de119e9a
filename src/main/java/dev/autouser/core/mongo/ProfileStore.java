package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.autouser.core.InputFileException;
import dev.autouser.core.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved connection profiles, as JSON in the config folder ({@code profiles.json}). A profile holds
 * no secret by construction; the URI is saved without any password it may contain.
 */
public final class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    /**
     * Saved profiles sorted by name; a missing file is an empty list. A file of any other shape is
     * refused and left untouched: it may be someone's profiles in a form this version does not know.
     */
    public List<ConnectionProfile> all() {
        List<ConnectionProfile> profiles = new ArrayList<>();
        JsonNode root = readRoot();
        if (root.isArray()) {
            for (JsonNode node : root) {
                if (!node.isObject() || !node.path("name").isTextual() || !node.path("uri").isTextual()) {
                    throw unexpectedShape("each entry must be an object with a \"name\" and a \"uri\"");
                }
                profiles.add(readable(node.path("name").asText(""), node));
            }
        } else if (root.isObject() && root.size() == 1 && root.path("profiles").isObject()) {
            // An early format keyed profiles by name: still read, rewritten as a list on the next save.
            for (Map.Entry<String, JsonNode> entry : root.path("profiles").properties()) {
                if (!entry.getValue().isObject()) {
                    throw unexpectedShape("profile \"" + entry.getKey() + "\" is not an object");
                }
                profiles.add(readable(entry.getKey(), entry.getValue()));
            }
        } else {
            throw unexpectedShape("expected a list of profiles");
        }
        profiles.sort(java.util.Comparator.comparing(ConnectionProfile::name));
        return profiles;
    }

    public Optional<ConnectionProfile> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Adds or replaces the profile with the same name. */
    public void save(ConnectionProfile profile) {
        if (profile.name().isEmpty()) {
            throw new ConsoleException("A saved profile needs a name.");
        }
        List<ConnectionProfile> profiles = new ArrayList<>(all());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(profile);
        write(profiles);
    }

    public void delete(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(all());
        if (profiles.removeIf(p -> p.name().equals(name))) {
            write(profiles);
        }
    }

    private JsonNode readRoot() {
        if (!Files.exists(file)) {
            return JSON.createArrayNode();
        }
        try {
            String text = InputFiles.readText(file, "profiles file");
            JsonNode root = JSON.readTree(text);
            return root == null || root.isMissingNode() ? JSON.createArrayNode() : root;
        } catch (InputFileException e) {
            throw new ConsoleException("The saved profiles cannot be read: " + e.getMessage()
                    + " The file was left as it is.", e);
        } catch (IOException e) {
            throw new ConsoleException("The saved profiles in " + file + " are not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + "); the file was left as it is: fix or move it.", e);
        }
    }

    private ConnectionProfile readable(String name, JsonNode node) {
        try {
            return fromJson(name, node);
        } catch (ConsoleException e) {
            throw unexpectedShape("profile \"" + name + "\": " + e.getMessage());
        }
    }

    private ConsoleException unexpectedShape(String why) {
        return new ConsoleException("The saved profiles in " + file + " have a shape this console does not know ("
                + why + "); the file was left as it is: fix or move it, then save again.");
    }

    /** The shape the GUI's profile list writes too: a JSON array of flat objects. */
    private void write(List<ConnectionProfile> profiles) {
        com.fasterxml.jackson.databind.node.ArrayNode root = JSON.createArrayNode();
        profiles.stream().sorted(java.util.Comparator.comparing(ConnectionProfile::name))
                .forEach(p -> root.add(toJson(p)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".profiles", ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConsoleException("Cannot save profiles to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(ConnectionProfile profile) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", profile.name());
        node.put("uri", UriSecrets.strip(profile.uri()));
        profile.tlsCaFile().ifPresent(p -> node.put("tlsCaFile", p.toString()));
        profile.tlsCertFile().ifPresent(p -> node.put("tlsCertFile", p.toString()));
        profile.tlsKeyFile().ifPresent(p -> node.put("tlsKeyFile", p.toString()));
        node.put("auth", profile.auth().cliName());
        profile.username().ifPresent(u -> node.put("username", u));
        node.put("tlsAllowInvalid", profile.tlsAllowInvalid());
        return node;
    }

    private static ConnectionProfile fromJson(String name, JsonNode node) {
        return ConnectionProfile.builder(node.path("uri").asText("")).name(name)
                .tlsCaFile(path(node, "tlsCaFile")).tlsCertFile(path(node, "tlsCertFile"))
                .tlsKeyFile(path(node, "tlsKeyFile")).auth(AuthMechanism.parse(node.path("auth").asText("x509")))
                .username(node.path("username").textValue())
                .tlsAllowInvalid(node.path("tlsAllowInvalid").asBoolean(false)).build();
    }

    private static Optional<Path> path(JsonNode node, String field) {
        String value = node.path(field).textValue();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
