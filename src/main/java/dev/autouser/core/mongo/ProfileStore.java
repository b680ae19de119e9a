package dev.autouser.core.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    /** Saved profiles sorted by name; a missing file is an empty list. */
    public List<ConnectionProfile> all() {
        List<ConnectionProfile> profiles = new ArrayList<>();
        JsonNode root = readRoot();
        if (root.isArray()) {
            root.forEach(node -> profiles.add(fromJson(node.path("name").asText(""), node)));
        } else {
            // An early format keyed profiles by name: still read, rewritten as a list on the next save.
            for (Map.Entry<String, JsonNode> entry : root.path("profiles").properties()) {
                profiles.add(fromJson(entry.getKey(), entry.getValue()));
            }
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
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return root == null || root.isMissingNode() ? JSON.createArrayNode() : root;
        } catch (IOException e) {
            throw new ConsoleException("The saved profiles in " + file + " cannot be read: " + e.getMessage(), e);
        }
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
        node.put("uri", withoutPassword(profile.uri()));
        profile.tlsCaFile().ifPresent(p -> node.put("tlsCaFile", p.toString()));
        profile.tlsCertFile().ifPresent(p -> node.put("tlsCertFile", p.toString()));
        profile.tlsKeyFile().ifPresent(p -> node.put("tlsKeyFile", p.toString()));
        node.put("auth", profile.auth().cliName());
        profile.username().ifPresent(u -> node.put("username", u));
        node.put("tlsAllowInvalid", profile.tlsAllowInvalid());
        return node;
    }

    private static ConnectionProfile fromJson(String name, JsonNode node) {
        return new ConnectionProfile(name, node.path("uri").asText(""), path(node, "tlsCaFile"),
                path(node, "tlsCertFile"), path(node, "tlsKeyFile"),
                AuthMechanism.parse(node.path("auth").asText("x509")),
                Optional.ofNullable(node.path("username").textValue()), node.path("tlsAllowInvalid").asBoolean(false));
    }

    private static Optional<Path> path(JsonNode node, String field) {
        String value = node.path(field).textValue();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** {@code mongodb://user:secret@host} → {@code mongodb://user@host}. */
    static String withoutPassword(String uri) {
        return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]+):[^@/]*@", "$1@");
    }
}
