package dev.autouser.core.teleport;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Teleport resources as YAML the way {@code tctl get} prints them and
 * {@code tctl create -f} accepts them: no document marker, block style, quotes only where needed.
 */
public final class TeleportYaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private TeleportYaml() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Every mapping document in the text (tctl separates several resources with ---). */
    public static List<ObjectNode> readDocuments(String yaml, String sourceName) {
        List<ObjectNode> documents = new ArrayList<>();
        try {
            for (JsonNode node : YamlTreeReader.readAll(MAPPER, yaml)) {
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new TeleportConfigException(sourceName + " is not a Teleport resource: expected keys such as kind, metadata and spec.");
                }
                documents.add((ObjectNode) node);
            }
        } catch (JsonProcessingException e) {
            throw new TeleportConfigException(sourceName + " is not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (YamlTreeReader.YamlShapeException e) {
            throw new TeleportConfigException(sourceName + " cannot be read: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new TeleportConfigException(sourceName + " could not be read: " + e.getMessage(), e);
        }
        return documents;
    }

    /**
     * {@code tctl create -f} input for a database: {@code kind: db}, {@code version: v3}, the name in
     * {@code metadata} and the engine's {@code spec} (without a name).
     */
    public static String dynamicDatabase(String name, ObjectNode spec) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("kind", "db");
        root.put("version", "v3");
        root.putObject("metadata").put("name", name);
        root.set("spec", spec);
        return write(root);
    }

    /** The {@code db_service} section of {@code teleport.yaml} with one statically configured database (spec with its name). */
    public static String staticDatabase(ObjectNode namedSpec) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode service = root.putObject("db_service");
        service.put("enabled", true);
        service.putArray("databases").add(namedSpec);
        return write(root);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A YAML tree could not be written", e);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
