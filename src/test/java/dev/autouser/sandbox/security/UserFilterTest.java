package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiled usersInfo filter must agree with the library's full query matcher on every document. */
class UserFilterTest {

    private static final List<Document> USERS = List.of(
            json("{user: 'CN=alice', db: '$external', customData: {'teleport-auto-user': true}}"),
            json("{user: 'CN=bob', db: '$external', customData: {'teleport-auto-user': false}}"),
            json("{user: 'CN=carol', db: '$external', customData: {'teleport-auto-user': 'true'}}"),
            json("{user: 'CN=dave', db: '$external'}"),
            json("{user: 'CN=erin', db: '$external', customData: {'teleport-auto-user': 1}}"),
            json("{user: 'CN=frank', db: '$external', customData: [{'teleport-auto-user': true}]}"),
            json("{user: 'CN=gina', db: '$external', customData: {'teleport-auto-user': [true, false]}}"),
            json("{user: 'CN=\u00e9mile', db: '$external', customData: {n: 5}}"),
            json("{user: 'cn=lower', db: '$external', customData: {n: 5.0}}"),
            json("{user: 'CN=\ud83d\ude00', db: '$external', customData: {n: 7}}"));

    private static final List<String> FILTERS = List.of(
            "{'customData.teleport-auto-user': true}",
            "{'customData.teleport-auto-user': 1}",
            "{'customData.teleport-auto-user': 'true'}",
            "{user: {$gte: 'CN=b', $lt: 'CN=f'}}",
            "{user: {$gt: 'CN=z'}}",
            "{'customData.teleport-auto-user': true, user: {$lte: 'CN=frank'}}",
            "{'customData.n': 5}",
            "{'customData.n': {$gte: 5, $lt: 7}}",
            "{user: {$eq: 'CN=dave'}}",
            "{'customData.teleport-auto-user': {$in: [true, 1]}}",
            "{$or: [{user: 'CN=bob'}, {'customData.n': 7}]}",
            "{user: {$regex: '^CN=c'}}",
            "{'customData.teleport-auto-user': null}");

    @Test
    void compiledFilterAgreesWithTheFullMatcher() {
        for (String filterJson : FILTERS) {
            Document filter = json(filterJson);
            var compiled = UserFilter.of(filter);
            for (Document user : USERS) {
                boolean expected = new DefaultQueryMatcher().matches(user, filter);
                assertEquals(expected, compiled.test(user), filterJson + " on " + user);
            }
        }
    }
}
