package dev.autouser.core.teleport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraitTemplateTest {
    private static final Map<String, List<String>> TRAITS = Map.of(
            "db_roles", List.of("readWrite@db1", "read@db2"),
            "email", List.of("alice@example.com"),
            "team", List.of("data", "web"));

    @Test
    void literalStaysAsWritten() {
        TraitTemplate.Expansion e = TraitTemplate.expand("read@db1", TRAITS);

        assertEquals(TraitTemplate.Outcome.LITERAL, e.outcome());
        assertEquals(List.of("read@db1"), e.values());
    }

    @Test
    void internalAndExternalReadTheSameTraits() {
        assertEquals(List.of("readWrite@db1", "read@db2"), TraitTemplate.expand("{{internal.db_roles}}", TRAITS).values());
        assertEquals(List.of("readWrite@db1", "read@db2"), TraitTemplate.expand("{{ external.db_roles }}", TRAITS).values());
        assertEquals(List.of("data"), TraitTemplate.expand("{{external[\"team\"]}}", Map.of("team", List.of("data"))).values());
    }

    @Test
    void prefixAndSuffixWrapEveryValue() {
        assertEquals(List.of("read@team_data", "read@team_web"), TraitTemplate.expand("read@team_{{external.team}}", TRAITS).values());
    }

    @Test
    void missingTraitExpandsToNothing() {
        TraitTemplate.Expansion e = TraitTemplate.expand("{{external.db_roles}}", Map.of());

        assertEquals(TraitTemplate.Outcome.MISSING_TRAIT, e.outcome());
        assertEquals(List.of(), e.values());
        assertTrue(e.explanation().contains("Teleport skips this entry"), e.explanation());
    }

    @Test
    void unknownInternalTraitIsInvalid() {
        TraitTemplate.Expansion e = TraitTemplate.expand("{{internal.team}}", TRAITS);

        assertEquals(TraitTemplate.Outcome.INVALID, e.outcome());
        assertTrue(e.explanation().startsWith("internal.team is not a trait Teleport provides; use external.team"), e.explanation());
    }

    @Test
    void unbalancedBracesAreInvalid() {
        assertEquals(TraitTemplate.Outcome.INVALID, TraitTemplate.expand("{{internal.db_roles}", TRAITS).outcome());
        assertEquals(TraitTemplate.Outcome.INVALID, TraitTemplate.expand("{{a}}{{b}}", TRAITS).outcome());
    }

    @Test
    void functionsWorkLikeTeleports() {
        assertEquals(List.of("alice@users"), TraitTemplate.expand("{{email.local(external.email)}}@users", TRAITS).values());
        assertEquals(List.of("reader_data@db1"),
                TraitTemplate.expand("{{regexp.replace(external.team, \"^(d.*)$\", \"reader_$1\")}}@db1", TRAITS).values());
    }

    @Test
    void namesTheTraitATemplateReads() {
        assertEquals("db_roles", TraitTemplate.traitName("{{internal.db_roles}}").orElseThrow());
        assertEquals("email", TraitTemplate.traitName("{{email.local(external.email)}}").orElseThrow());
    }
}
