package dev.autouser.core.provisioning;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** usersInfo replies are decoded user by user, keeping only the fields listing uses. */
class UsersInfoDecodeTest {
    private static final Document ALICE = new Document("_id", "$external.CN=alice").append("userId", "u-1")
            .append("user", "CN=alice").append("db", "$external")
            .append("roles", List.of(new Document("role", "read").append("db", "db1")))
            .append("authenticationRestrictions", List.of(List.of(new Document("clientSource", List.of("0.0.0.0")))))
            .append("customData", new Document("teleport-auto-user", true))
            .append("mechanisms", List.of("external"));

    private static RawBsonDocument reply(Document... users) {
        return RawBsonDocument.parse(new Document("users", List.of(users)).append("ok", 1.0)
                .toJson());
    }

    @Test
    void keepsOnlyTheFieldsAskedFor() {
        List<Document> users = UsersInfoReader.usersOf(reply(ALICE), UsersInfoReader.LISTING_FIELDS);
        assertEquals(List.of(new Document("user", "CN=alice").append("db", "$external")
                .append("roles", ALICE.get("roles"))
                .append("authenticationRestrictions", ALICE.get("authenticationRestrictions"))), users);
        assertEquals(true, UserRecords.isLocked(users.get(0)));
    }

    @Test
    void withoutAFieldListEveryFieldIsKept() {
        RawBsonDocument reply = reply(ALICE, new Document("user", "CN=bob"));
        List<Document> whole = reply.decode(new DocumentCodec()).getList("users", Document.class);
        assertEquals(whole, UsersInfoReader.usersOf(reply, null));
    }

    @Test
    void missingFieldsStayMissingAndNoUsersIsEmpty() {
        assertEquals(List.of(new Document("user", "CN=bob")),
                UsersInfoReader.usersOf(reply(new Document("user", "CN=bob")), UsersInfoReader.TAGGED_FIELDS));
        assertEquals(List.of(), UsersInfoReader.usersOf(RawBsonDocument.parse("{ok: 1.0}"), null));
    }

    @Test
    void aKeptFieldDecodesToWhatDocumentCodecGives() {
        Document odd = new Document("user", "CN=odd").append("customData", new Document("teleport-auto-user", true)
                        .append("when", new java.util.Date(1_700_000_000_000L)).append("n", 5L).append("x", 1.5)
                        .append("none", null).append("id", new org.bson.types.ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                        .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3})))
                .append("roles", List.of(new Document("role", "r").append("db", "d"), List.of("nested", 7)))
                .append("authenticationRestrictions", null);
        RawBsonDocument reply = reply(odd);
        Document whole = reply.decode(new DocumentCodec()).getList("users", Document.class).get(0);

        Document kept = UsersInfoReader.usersOf(reply, List.of("customData", "roles", "authenticationRestrictions")).get(0);

        assertEquals(new Document("customData", whole.get("customData")).append("roles", whole.get("roles"))
                .append("authenticationRestrictions", null), kept);
        assertEquals(true, kept.containsKey("authenticationRestrictions"));
    }

    @Test
    void valuesBeforeAndAfterTheUsersArrayAreSkipped() {
        RawBsonDocument reply = RawBsonDocument.parse("{before: {users: [{user: 'CN=not-me'}]}, users: [{user: 'CN=alice',"
                + " extra: [1, {a: 2}]}, 'not a user'], after: 'x', ok: 1.0}");

        assertEquals(List.of(new Document("user", "CN=alice")), UsersInfoReader.usersOf(reply, UsersInfoReader.TAGGED_FIELDS));
    }
}
