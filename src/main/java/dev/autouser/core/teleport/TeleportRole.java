package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Teleport role as {@code tctl get role} writes it. The whole YAML tree is kept and only the
 * fields this console edits are read or replaced, so everything else (logins, rules, revision...)
 * goes back to {@code tctl create -f} untouched. Instances are immutable: each {@code with...}
 * returns a changed copy.
 */
public final class TeleportRole {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode tree;

    private TeleportRole(ObjectNode tree) {
        this.tree = tree;
    }

    /**
     * Reads a role file (bounded size, a regular text file) and parses it.
     *
     * @throws dev.autouser.core.InputFileException when the file cannot be used (missing, a device, binary)
     * @throws TeleportConfigException when its content is not a Teleport role
     */
    public static TeleportRole read(java.nio.file.Path file) {
        return parse(dev.autouser.core.InputFiles.readText(file, "role file"), file.getFileName().toString());
    }

    /** Parses one role; several documents are accepted only if exactly one of them is a role. */
    public static TeleportRole parse(String yaml, String sourceName) {
        List<ObjectNode> roles = TeleportYaml.readDocuments(yaml, sourceName).stream()
                .filter(doc -> "role".equals(doc.path("kind").asText()))
                .toList();
        if (roles.isEmpty()) {
            throw new TeleportConfigException(sourceName + " holds no Teleport role (kind: role); export one with tctl get role/NAME.");
        }
        if (roles.size() > 1) {
            String names = roles.stream().map(r -> r.path("metadata").path("name").asText("?")).collect(Collectors.joining(", "));
            throw new TeleportConfigException(sourceName + " holds " + roles.size() + " roles (" + names + "); keep one per file, e.g. tctl get role/NAME.");
        }
        return new TeleportRole(roles.get(0).deepCopy());
    }

    /** A new role with automatic user provisioning in {@code keep} mode for every database. */
    public static TeleportRole create(String name) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", "role");
        root.put("version", "v7");
        root.putObject("metadata").put("name", name);
        ObjectNode spec = root.putObject("spec");
        spec.putObject("options").put("create_db_user_mode", CreateDbUserMode.KEEP.yamlValue());
        ObjectNode allow = spec.putObject("allow");
        allow.putObject("db_labels").put("*", "*");
        allow.putArray("db_names").add("*");
        allow.putArray("db_roles");
        return new TeleportRole(root);
    }

    public String name() {
        return tree.path("metadata").path("name").asText("");
    }

    /** The mode; throws {@link TeleportConfigException} when the YAML holds an invalid one. */
    public CreateDbUserMode mode() {
        return CreateDbUserMode.fromYaml(tree.path("spec").path("options").get("create_db_user_mode"));
    }

    /** The mode exactly as written, for showing an invalid value next to its error. */
    public String modeAsWritten() {
        JsonNode node = tree.path("spec").path("options").get("create_db_user_mode");
        return node == null ? "" : node.asText();
    }

    public Map<String, List<String>> dbLabels() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        tree.path("spec").path("allow").path("db_labels").properties()
                .forEach(e -> labels.put(e.getKey(), strings(e.getValue())));
        return labels;
    }

    public List<String> dbNames() {
        return strings(tree.path("spec").path("allow").path("db_names"));
    }

    public List<String> allowDbRoles() {
        return strings(tree.path("spec").path("allow").path("db_roles"));
    }

    public List<String> denyDbRoles() {
        return strings(tree.path("spec").path("deny").path("db_roles"));
    }

    public TeleportRole withName(String name) {
        ObjectNode copy = tree.deepCopy();
        object(copy, "metadata").put("name", name);
        return new TeleportRole(copy);
    }

    public TeleportRole withMode(CreateDbUserMode mode) {
        ObjectNode copy = tree.deepCopy();
        object(object(copy, "spec"), "options").put("create_db_user_mode", mode.yamlValue());
        return new TeleportRole(copy);
    }

    public TeleportRole withDbLabels(Map<String, List<String>> labels) {
        ObjectNode copy = tree.deepCopy();
        ObjectNode node = NODES.objectNode();
        labels.forEach((key, values) -> {
            if (values.size() == 1) {
                node.put(key, values.get(0));
            } else {
                node.set(key, array(values));
            }
        });
        object(object(copy, "spec"), "allow").set("db_labels", node);
        return new TeleportRole(copy);
    }

    public TeleportRole withDbNames(List<String> names) {
        return withList("allow", "db_names", names);
    }

    public TeleportRole withAllowDbRoles(List<String> roles) {
        return withList("allow", "db_roles", roles);
    }

    public TeleportRole withDenyDbRoles(List<String> roles) {
        return withList("deny", "db_roles", roles);
    }

    /** YAML that {@code tctl create -f} accepts. */
    public String toYaml() {
        return TeleportYaml.write(tree);
    }

    /** A copy of the whole tree, for callers that need a field this class does not model. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    private TeleportRole withList(String condition, String field, List<String> values) {
        ObjectNode copy = tree.deepCopy();
        ObjectNode section = object(object(copy, "spec"), condition);
        if (values.isEmpty() && "deny".equals(condition)) {
            section.remove(field);
        } else {
            section.set(field, array(values));
        }
        return new TeleportRole(copy);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode existing) {
            return existing;
        }
        return parent.putObject(field);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Teleport accepts a single string wherever a list of strings is expected. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TeleportRole role && tree.equals(role.tree);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tree);
    }

    @Override
    public String toString() {
        return "TeleportRole[" + name() + "]";
    }
}
