package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Optional;

/** One line of one audit file as read, whether or not it parses: verification must see every line. */
record LogLine(Path file, int number, String text, Optional<JsonNode> json) {
    boolean chained() {
        return json.filter(ChainFields::isChained).isPresent();
    }

    String where() {
        return file.getFileName() + " line " + number;
    }
}
