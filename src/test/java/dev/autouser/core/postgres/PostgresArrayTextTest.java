package dev.autouser.core.postgres;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The listing's reading of PostgreSQL's array text. The texts here are what {@code array_out} writes
 * (PostgresListingDecodeTest has the real server write them for odd role names and compares the whole
 * listing with what the server says one user at a time).
 */
class PostgresArrayTextTest {
    @Test
    void plainElementsAndTheEmptyArray() throws SQLException {
        assertEquals(List.of("bench_reader"), PostgresArrayText.elements("{bench_reader}"));
        assertEquals(List.of("a", "b-c", "d.e"), PostgresArrayText.elements("{a,b-c,d.e}"));
        assertEquals(List.of(), PostgresArrayText.elements("{}"));
        assertNull(PostgresArrayText.elements(null), "a NULL array (no sessions, no roles) is not an empty one");
        assertEquals(List.of(), PostgresArrayText.strings(null));
    }

    @Test
    void quotedElementsKeepCommasBracesQuotesBackslashesSpacesAndUnicode() throws SQLException {
        assertEquals(List.of("a,b", "{br}", "say \"hi\"", "back\\slash", "sp ace", "", "tab\there", "ünï-😀"),
                PostgresArrayText.elements("{\"a,b\",\"{br}\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"sp ace\",\"\","
                        + "\"tab\there\",ünï-😀}"));
    }

    @Test
    void unquotedNullIsSqlNullAndQuotedNullIsTheWord() throws SQLException {
        assertEquals(Arrays.asList(null, "NULL", "null", null), PostgresArrayText.elements("{NULL,\"NULL\",\"null\",null}"));
        assertThrows(SQLException.class, () -> PostgresArrayText.strings("{a,NULL}"), "a column the query coalesces");
    }

    @Test
    void integers() throws SQLException {
        assertArrayEquals(new int[] {7, 12345, -1}, PostgresArrayText.ints("{7,12345,-1}"));
        assertArrayEquals(new int[0], PostgresArrayText.ints("{}"));
        assertThrows(SQLException.class, () -> PostgresArrayText.ints("{7,x}"));
    }

    @Test
    void anythingButOneDimensionFromOneIsRefusedNotGuessed() {
        for (String text : List.of("", "{", "}", "a", "[0:1]={a,b}", "{{a,b},{c,d}}", "{a,}", "{,a}", "{\"a}",
                "{\"a\"b}", "{a\"b}", "{\"a\\\"}", "{a b}x")) {
            assertThrows(SQLException.class, () -> PostgresArrayText.elements(text), text);
        }
    }
}
