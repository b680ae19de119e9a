package dev.autouser.sandbox;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code listDatabases} in MongoDB's shape: {@code admin}, {@code config} and {@code local} always
 * exist, every entry has {@code sizeOnDisk} and {@code empty}, then {@code totalSize}; only the
 * databases the caller may see, {@code nameOnly} and {@code filter} honoured.
 */
final class ListDatabasesReply {
    private static final List<String> SYSTEM_DATABASES = List.of("admin", "config", "local");
    private static final long PAGE = 4096;

    private ListDatabasesReply() {
    }

    static Document build(Document libraryReply, Document command, Function<List<String>, List<String>> visible) {
        TreeSet<String> names = new TreeSet<>(SYSTEM_DATABASES);
        if (libraryReply.get("databases") instanceof List<?> databases) {
            databases.forEach(d -> names.add((String) ((Document) d).get("name")));
        }
        boolean nameOnly = Boolean.TRUE.equals(command.get("nameOnly"));
        Document filter = command.get("filter") instanceof Document f ? f : new Document();
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        List<Document> entries = new ArrayList<>();
        long total = 0;
        for (String name : visible.apply(new ArrayList<>(names))) {
            Document entry = nameOnly ? new Document("name", name)
                    : new Document("name", name).append("sizeOnDisk", PAGE * 3).append("empty", false);
            if (matcher.matches(entry, filter)) {
                entries.add(entry);
                total += PAGE * 3;
            }
        }
        Document reply = new Document("databases", entries);
        if (!nameOnly) {
            reply.append("totalSize", total).append("totalSizeMb", total / (1024 * 1024));
        }
        return reply.append("ok", 1.0);
    }
}
