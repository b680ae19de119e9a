package dev.autouser.core.mongo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProfileStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndReadsBackAProfile() {
        ProfileStore store = new ProfileStore(dir.resolve("config/profiles.json"));
        ConnectionProfile profile = ConnectionProfile.x509("mongodb://db1:27017,db2:27017/?replicaSet=rs0",
                Path.of("/etc/ca.pem"), Path.of("/home/ann/dba.pem")).withName("prod");
        store.save(profile);
        assertEquals(Optional.of(profile), store.find("prod"));
    }

    @Test
    void passwordInsideTheUriIsNotSaved() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(ConnectionProfile.scram("mongodb://dba:hunter2@db:27017/?authSource=admin", "dba").withName("p"));
        String saved = Files.readString(dir.resolve("profiles.json"));
        assertFalse(saved.contains("hunter2"), saved);
        assertEquals("mongodb://dba@db:27017/?authSource=admin", store.find("p").orElseThrow().uri());
    }

    @Test
    void readsTheListTheGuiWritesAndTheEarlierKeyedForm() throws Exception {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, "[{\"name\": \"gui\", \"uri\": \"mongodb://g\", \"tlsCaFile\": \"/ca.pem\","
                + " \"auth\": \"x509\", \"tlsAllowInvalid\": false}]");
        ProfileStore store = new ProfileStore(file);
        assertEquals("mongodb://g", store.find("gui").orElseThrow().uri());
        Files.writeString(file, "{\"profiles\": {\"old\": {\"uri\": \"mongodb://o\", \"auth\": \"none\"}}}");
        assertEquals("mongodb://o", store.find("old").orElseThrow().uri());
        store.save(ConnectionProfile.scram("mongodb://n", "u").withName("new"));
        assertEquals(2, store.all().size());
        assertEquals('[', Files.readString(file).trim().charAt(0));
    }

    @Test
    void deleteRemovesOnlyThatProfile() {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(ConnectionProfile.scram("mongodb://a", "u").withName("a"));
        store.save(ConnectionProfile.scram("mongodb://b", "u").withName("b"));
        store.delete("a");
        assertEquals(1, store.all().size());
    }
}
