package dev.autouser.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** A list of role names in one history column, as a JSON array: any name survives (commas, quotes, newlines). */
final class RoleList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private RoleList() {
    }

    static String write(List<String> roles) {
        try {
            return JSON.writeValueAsString(roles);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** A column this console did not write (edited by hand) reads as no roles rather than failing the listing. */
    static List<String> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(column, STRINGS));
        } catch (JsonProcessingException | NullPointerException e) {
            return List.of();
        }
    }
}
