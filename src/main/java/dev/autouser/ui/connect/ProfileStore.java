package dev.autouser.ui.connect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.ConsoleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Saved connection profiles as JSON in the config folder. A profile holds no secret by
 * construction (ConnectionProfile has no password field); file paths are stored, never file contents.
 */
public final class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The saved shape: plain strings so the file stays readable and stable across versions. */
    record Saved(String name, String uri, String tlsCaFile, String tlsCertFile, String tlsKeyFile,
                 String auth, String username, boolean tlsAllowInvalid) {
        static Saved of(ConnectionProfile p) {
            return new Saved(p.name(), p.uri(), text(p.tlsCaFile()), text(p.tlsCertFile()), text(p.tlsKeyFile()),
                    p.auth().cliName(), p.username().orElse(null), p.tlsAllowInvalid());
        }

        ConnectionProfile toProfile() {
            return new ConnectionProfile(name, uri == null ? "" : uri, path(tlsCaFile), path(tlsCertFile),
                    path(tlsKeyFile), auth == null ? AuthMechanism.X509 : AuthMechanism.parse(auth),
                    Optional.ofNullable(username), tlsAllowInvalid);
        }

        private static String text(Optional<Path> path) {
            return path.map(Path::toString).orElse(null);
        }

        private static Optional<Path> path(String text) {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text));
        }
    }

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Saved profiles sorted by name; a missing file is an empty list. */
    public List<ConnectionProfile> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Saved> saved = JSON.readValue(file.toFile(), new TypeReference<List<Saved>>() { });
            return saved.stream().map(Saved::toProfile).sorted(Comparator.comparing(ConnectionProfile::name)).toList();
        } catch (IOException | RuntimeException e) {
            throw new ConsoleException("The saved profiles in " + file + " cannot be read; fix or remove the file.", e);
        }
    }

    /** Adds or replaces (by name) one profile. */
    public List<ConnectionProfile> save(ConnectionProfile profile) {
        if (profile.name().isBlank()) {
            throw new ConsoleException("Give the profile a name before saving it.");
        }
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        write(all);
        return load();
    }

    public List<ConnectionProfile> delete(String name) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(p -> p.name().equals(name));
        write(all);
        return load();
    }

    private void write(List<ConnectionProfile> profiles) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".profiles", ".tmp");
            JSON.writeValue(temp.toFile(), profiles.stream().map(Saved::of).toList());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConsoleException("Cannot save profiles to " + file + ": " + e.getMessage(), e);
        }
    }
}
