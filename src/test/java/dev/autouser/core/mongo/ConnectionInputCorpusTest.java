package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import com.mongodb.event.CommandListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.autouser.testsupport.ClearMessages.assertClear;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 10, bad input: generated connection strings and saved-profile files. A URI is accepted or
 * refused with one sentence that never repeats its password; a profiles.json of a shape this
 * console does not know is refused and left byte for byte as it was, never overwritten.
 */
class ConnectionInputCorpusTest {
    private static final CommandListener NONE = new CommandListener() { };
    private static final String SECRET = "hunter2";

    @TempDir
    Path dir;

    static Stream<String> uris() {
        List<String> uris = new ArrayList<>(List.of("", " ", "localhost", "http://db:27017", "mongodb:/db", "mongodb://",
                "mongodb:///", "mongodb://:27017", "mongodb://db:", "mongodb://db:0", "mongodb://db:65536",
                "mongodb://db:-1", "mongodb://db:abc", "mongodb://db:99999999999", "mongodb://db:27017:1",
                "mongodb://[::1", "mongodb://[::1]:27017", "mongodb://::1:27017", "mongodb://db,", "mongodb://,db",
                "mongodb://db:27017,,db2", "mongodb://d b:27017", "mongodb://db\n:27017", "mongodb://db\u0000",
                "mongodb://db\u001b[31m", "mongodb://d\u00e9.example:27017", "mongodb://db/%zz",
                "mongodb://db/?tls=maybe", "mongodb://db/?tls=true&ssl=false", "mongodb://db/?tls", "mongodb://db/?=x",
                "mongodb://db/?&&&", "mongodb://db/?replicaSet=", "mongodb://db/?connectTimeoutMS=-5",
                "mongodb://db/?connectTimeoutMS=abc", "mongodb://db/?socketTimeoutMS=99999999999",
                "mongodb://db/?maxPoolSize=-1", "mongodb://db/?w=", "mongodb://db/?readPreference=nowhere",
                "mongodb://db/?authMechanism=NOPE", "mongodb://db/?authMechanism=MONGODB-X509&authSource=admin",
                "mongodb://db/?authMechanism=SCRAM-SHA-256", "mongodb://db/?unknownOption=1",
                "mongodb://db/?tlsCAFile=/dev/zero", "mongodb://db/?tlsCertificateKeyFile=/dev/urandom",
                "mongodb://db/?tlsCAFile=/nonexistent.pem", "mongodb://db/?tlsCAFile=",
                "mongodb://db/?tlsInsecure=true&tlsAllowInvalidCertificates=false",
                "mongodb+srv://db:27017", "mongodb+srv://db", "mongodb+srv://a,b", "mongodb://db/" + "x".repeat(70),
                "mongodb://" + "d".repeat(10_000), "mongodb://db/?" + "a=1&".repeat(2000),
                "mongodb://@db", "mongodb://:@db", "mongodb://a@b@db", "mongodb://a:b:c@db",
                "mongodb://dba:" + SECRET + "@", "mongodb://dba:" + SECRET + "@db:abc",
                "mongodb://dba:" + SECRET + "@db/?tls=maybe", "mongodb://dba:" + SECRET + "@db:99999999",
                "mongodb://dba:" + SECRET + "@[::1", "mongodb://db/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:" + SECRET,
                "mongodb://db/?authMechanismProperties=:::", "mongodb://db/?compressors=nope",
                "mongodb://db/?directConnection=true&replicaSet=rs", "mongodb://a,b/?directConnection=true",
                "mongodb://db/?loadBalanced=true&replicaSet=rs", "mongodb://db/?serverSelectionTimeoutMS=0",
                "mongodb://db/?heartbeatFrequencyMS=1", "mongodb://db/?zlibCompressionLevel=99",
                "mongodb://db/?uuidRepresentation=nope", "mongodb://db/?appName=" + "x".repeat(200),
                "mongodb://db/?tlsAllowInvalidHostnames=yes", "mongodb://db/?retryWrites=maybe",
                "mongodb://db/?maxStalenessSeconds=1", "mongodb://db/?readConcernLevel=made-up",
                "mongodb://db/?journal=true&w=0", "mongodb://db/?gssapiServiceName=x", "mongodb://db/?srvMaxHosts=2",
                "MONGODB://db", "mongodb://DB:27017", "mongodb://db:27017/admin?tls=true",
                "mongodb://db:27017/$external", "mongodb://db:27017/a/b", "mongodb://db:27017/a b",
                "mongodb://db:27017/?tls=true#fragment", "mongodb://\u202edb", "mongodb://db/?tlsCAFile=%2Fdev%2Fzero"));
        return uris.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("uris")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachUriIsAcceptedOrRefusedWithASentenceThatHidesItsSecret(String uri) {
        ConnectionProfile profile = ConnectionProfile.builder(uri).auth(AuthMechanism.NONE).build();
        try {
            ClientSettingsFactory.prepare(profile, Secrets.none(), Duration.ofSeconds(5), NONE, Instant.now());
        } catch (ConsoleException e) {
            assertClear(e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        }
    }

    static Stream<Arguments> profileFiles() {
        List<Arguments> files = new ArrayList<>();
        String[] shapes = {"null", "1", "\"x\"", "true", "{}", "{\"profiles\": []}", "{\"profiles\": 1}",
                "{\"other\": {}}", "{\"profiles\": {\"a\": 1}}", "{\"profiles\": {}, \"more\": 1}", "[1]", "[null]",
                "[\"a\"]", "[{}]", "[{\"name\": 1, \"uri\": \"mongodb://a\"}]", "[{\"name\": \"a\"}]",
                "[{\"name\": \"a\", \"uri\": 5}]", "[[]]", "[{\"name\": \"a\", \"uri\": \"mongodb://a\"}, 7]",
                "{\"version\": 2, \"profiles\": [{\"name\": \"a\", \"uri\": \"mongodb://a\"}]}",
                "[{\"name\": \"a\", \"uri\": \"mongodb://a\"}", "[{\"name\": \"a\", \"uri\": \"mongodb://a\"}]]",
                "{\"profiles\": {\"a\": {\"uri\": \"mongodb://a\"}}", "[{name: a}]", "['a']", "[,]", "[1,]",
                "// comment\n[]", "\u0000", "[{\"name\": \"a\", \"uri\": \"mongodb://a\", \"auth\": \"kerberos\"}]"};
        for (String shape : shapes) {
            files.add(Arguments.of(shape, shape.getBytes(StandardCharsets.UTF_8)));
        }
        String good = "[{\"name\": \"prod\", \"uri\": \"mongodb://db1:27017\", \"auth\": \"x509\"}]";
        for (int cut = 1; cut < good.length(); cut += 4) {
            files.add(Arguments.of("truncated-" + cut, good.substring(0, cut).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] noise = new byte[777];
        new java.util.Random(3).nextBytes(noise);
        files.add(Arguments.of("random", noise));
        files.add(Arguments.of("utf16-no-bom", good.getBytes(StandardCharsets.UTF_16LE)));
        return files.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("profileFiles")
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aProfilesFileOfUnknownShapeIsRefusedAndKept(String label, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("profiles.json"), content);
        ProfileStore store = new ProfileStore(file);
        ConsoleException read = assertThrows(ConsoleException.class, store::all, label);
        assertClear(read.getMessage(), "profiles");
        ConsoleException save = assertThrows(ConsoleException.class,
                () -> store.save(ConnectionProfile.scram("mongodb://new", "u").withName("new")));
        assertClear(save.getMessage(), "left as it is");
        assertArrayEquals(content, Files.readAllBytes(file), "the file must be kept byte for byte");
    }

    @Test
    void aProfilesFileThatIsADeviceOrAFolderIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("profiles.json"), Path.of("/dev/zero"));
        assertClear(assertThrows(ConsoleException.class, () -> new ProfileStore(link).all()).getMessage(),
                "not a regular file");
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertClear(assertThrows(ConsoleException.class, () -> new ProfileStore(folder).all()).getMessage(),
                "is a folder");
    }

    static Stream<Arguments> urisWithSecrets() {
        return Stream.of(
                Arguments.of("mongodb://dba:" + SECRET + "@db:27017/?authSource=admin", "mongodb://dba@db:27017/?authSource=admin"),
                Arguments.of("mongodb+srv://dba:" + SECRET + "@cluster.example", "mongodb+srv://dba@cluster.example"),
                Arguments.of("mongodb://db/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:" + SECRET,
                        "mongodb://db/?authMechanism=MONGODB-AWS"),
                Arguments.of("mongodb://db/?authMechanismProperties=SERVICE_NAME:x,AWS_SESSION_TOKEN:" + SECRET + "&tls=true",
                        "mongodb://db/?authMechanismProperties=SERVICE_NAME:x&tls=true"),
                Arguments.of("mongodb://db/?tls=true&tlsCertificateKeyFilePassword=" + SECRET, "mongodb://db/?tls=true"),
                Arguments.of("mongodb://db/?password=" + SECRET + "&tls=true", "mongodb://db/?tls=true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urisWithSecrets")
    void credentialsAreStrippedBeforeAProfileIsSaved(String uri, String saved) throws IOException {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(ConnectionProfile.scram(uri, "dba").withName("p"));
        String text = Files.readString(dir.resolve("profiles.json"));
        assertFalse(text.contains(SECRET), text);
        assertEquals(saved, store.find("p").orElseThrow().uri());
        assertFalse(UriSecrets.found(uri).isEmpty());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("profiles.json"))));
    }

    @Test
    void aUriWithoutSecretsIsSavedUnchanged() {
        String uri = "mongodb://db1:27017,db2:27017/?replicaSet=rs0&tls=true&authMechanism=MONGODB-X509";
        assertEquals(uri, UriSecrets.strip(uri));
        assertEquals(List.of(), UriSecrets.found(uri));
    }
}
