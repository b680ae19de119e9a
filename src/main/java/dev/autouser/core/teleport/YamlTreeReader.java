package dev.autouser.core.teleport;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML documents into trees the way Teleport's Go YAML reader sees them: anchors
 * ({@code &name}) and aliases ({@code *name}) are resolved, and merge keys ({@code <<: *base}) fill in
 * missing keys. (Jackson on its own turns an alias into the string "name".) Expansion is bounded,
 * so a "billion laughs" file is refused instead of filling the memory.
 */
final class YamlTreeReader {
    /** Far above any role; a file that expands past it is an attack or a mistake. */
    static final int MAX_NODES = 100_000;

    private final ObjectMapper mapper;
    private final YAMLParser parser;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int nodes;

    private YamlTreeReader(ObjectMapper mapper, YAMLParser parser) {
        this.mapper = mapper;
        this.parser = parser;
    }

    /** Every top-level value of a multi-document stream; aliases resolve within their document. */
    static List<JsonNode> readAll(ObjectMapper mapper, String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) mapper.getFactory().createParser(yaml)) {
            YamlTreeReader reader = new YamlTreeReader(mapper, parser);
            while (parser.nextToken() != null) {
                documents.add(reader.value());
                reader.anchors.clear();
            }
        }
        return documents;
    }

    private JsonNode value() throws IOException {
        if (parser.isCurrentAlias()) {
            String name = parser.getText();
            JsonNode target = anchors.get(name);
            if (target == null) {
                throw new YamlShapeException("the alias *" + name + " refers to no anchor &" + name + " above it");
            }
            count(size(target));
            return target.deepCopy();
        }
        String anchor = parser.getCurrentAnchor();
        JsonNode node;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            node = object();
        } else if (token == JsonToken.START_ARRAY) {
            node = array();
        } else {
            count(1);
            node = mapper.readTree(parser);
            if (node == null) {
                node = mapper.getNodeFactory().nullNode();
            }
        }
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private ObjectNode object() throws IOException {
        count(1);
        ObjectNode object = mapper.createObjectNode();
        List<JsonNode> merges = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            JsonNode value = value();
            if ("<<".equals(key)) {
                merges.add(value);
            } else {
                object.set(key, value);
            }
        }
        for (JsonNode merge : merges) {
            if (merge.isArray()) {
                merge.forEach(m -> mergeMissing(object, m));
            } else {
                mergeMissing(object, merge);
            }
        }
        return object;
    }

    private static void mergeMissing(ObjectNode into, JsonNode merge) {
        if (!merge.isObject()) {
            throw new YamlShapeException("a merge key (<<) must refer to a mapping");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = merge.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!into.has(field.getKey())) {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private ArrayNode array() throws IOException {
        count(1);
        ArrayNode array = mapper.createArrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value());
        }
        return array;
    }

    private void count(int more) {
        nodes += more;
        if (nodes > MAX_NODES) {
            throw new YamlShapeException("it expands to more than " + MAX_NODES
                    + " values through its aliases, far more than any role");
        }
    }

    private static int size(JsonNode node) {
        int size = 1;
        for (JsonNode child : node) {
            size += size(child);
            if (size > MAX_NODES) {
                return size;
            }
        }
        return size;
    }

    /** The YAML is well-formed but cannot become a tree (unknown alias, too many expansions). */
    static final class YamlShapeException extends RuntimeException {
        YamlShapeException(String message) {
            super(message);
        }
    }
}
