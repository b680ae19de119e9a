package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: MongoDB extended JSON (relaxed) to the server library's Document, as commands arrive. */
final class Docs {

    private Docs() {
    }

    static Document json(String json) {
        return (Document) convert(org.bson.Document.parse(json));
    }

    private static Object convert(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document doc = new Document();
            map.forEach((key, inner) -> doc.append(String.valueOf(key), convert(inner)));
            return doc;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(convert(item)));
            return converted;
        }
        return value;
    }
}
