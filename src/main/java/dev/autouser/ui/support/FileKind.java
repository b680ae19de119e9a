package dev.autouser.ui.support;

import java.util.List;

/** What an open-file chooser looks for: its filter's name and patterns (then "All files"). */
public enum FileKind {
    PEM("PEM files", List.of("*.pem", "*.crt", "*.key", "*.cas", "*.cer")),
    YAML("YAML files (tctl get role/NAME)", List.of("*.yaml", "*.yml"));

    private final String description;
    private final List<String> patterns;

    FileKind(String description, List<String> patterns) {
        this.description = description;
        this.patterns = patterns;
    }

    public String description() {
        return description;
    }

    public List<String> patterns() {
        return patterns;
    }
}
