package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Teleport role's database settings: the mode, the label and name matchers, and every
 * {@code db_roles} entry (syntax, templates expanded from sample traits, and, through a
 * {@link RoleCatalog}, whether the role exists on the server). Never guesses: where the catalog
 * cannot look, it says so.
 */
public final class RoleMappingValidator {
    private static final String ALLOW = "spec.allow.db_roles";
    private static final String DENY = "spec.deny.db_roles";

    private final RoleCatalog catalog;
    private final Map<String, Optional<Set<String>>> rolesByDb = new HashMap<>();
    private final Map<String, Set<String>> uncheckedByDb = new LinkedHashMap<>();

    private RoleMappingValidator(RoleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every problem, errors first in file order; an empty list means Teleport will accept the mapping. */
    public static List<RoleProblem> validate(TeleportRole role, Map<String, List<String>> sampleTraits, RoleCatalog catalog) {
        return new RoleMappingValidator(catalog).run(role, sampleTraits);
    }

    /** True when some roles could not be looked up, so "no errors" is not the whole story. */
    public static boolean hasUncheckedRoles(List<RoleProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == RoleProblem.Severity.NOTE && p.message().startsWith("cannot check that"));
    }

    /**
     * How many {@code db_roles} entries are trait templates the sample traits do not fill: the roles they
     * produce were not checked, so a mapping with one is not fully checked even when nothing is wrong.
     */
    public static long templatesWithoutSampleTraits(TeleportRole role, Map<String, List<String>> sampleTraits) {
        return java.util.stream.Stream.concat(role.allowDbRoles().stream(), role.denyDbRoles().stream())
                .filter(TraitTemplate::isTemplate)
                .filter(entry -> TraitTemplate.expand(entry, sampleTraits).outcome() == TraitTemplate.Outcome.MISSING_TRAIT)
                .count();
    }

    public static boolean hasErrors(List<RoleProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == RoleProblem.Severity.ERROR);
    }

    private List<RoleProblem> run(TeleportRole role, Map<String, List<String>> traits) {
        List<RoleProblem> problems = new ArrayList<>(checkStructure(role));
        checkEntries(ALLOW, role.allowDbRoles(), traits, problems);
        checkEntries(DENY, role.denyDbRoles(), traits, problems);
        uncheckedByDb.forEach((db, entries) -> problems.add(RoleProblem.note(ALLOW, "",
                "cannot check that " + String.join(", ", entries) + (entries.size() == 1 ? " exists" : " exist") + " in database " + db
                        + ": " + catalog.whyUnknown(db))));
        return problems;
    }

    private static List<RoleProblem> checkStructure(TeleportRole role) {
        List<RoleProblem> problems = new ArrayList<>(nameModeAndMatchers(role));
        if (role.allowDbRoles().isEmpty()) {
            problems.add(RoleProblem.warning(ALLOW, "", "is empty, so users are created without any MongoDB role."));
        }
        return problems;
    }

    /**
     * What any engine's role needs besides its db_roles: a name, a mode that provisions users, and
     * matchers that match a database and let the user pick one.
     */
    public static List<RoleProblem> nameModeAndMatchers(TeleportRole role) {
        List<RoleProblem> problems = new ArrayList<>();
        if (role.name().isBlank()) {
            problems.add(RoleProblem.error("metadata.name", "", "the role has no name; tctl create needs one."));
        }
        try {
            if (!role.mode().provisionsUsers()) {
                problems.add(RoleProblem.warning("spec.options.create_db_user_mode", "",
                        "is off, so Teleport will not create database users for this role; use keep or best_effort_drop."));
            }
        } catch (TeleportConfigException e) {
            problems.add(RoleProblem.error("spec.options.create_db_user_mode", role.modeAsWritten(), e.getMessage()));
        }
        if (role.dbLabels().isEmpty()) {
            problems.add(RoleProblem.warning("spec.allow.db_labels", "",
                    "is empty, so the role matches no database and provisions nothing; \"*\": \"*\" matches all."));
        }
        if (role.dbNames().isEmpty()) {
            problems.add(RoleProblem.warning("spec.allow.db_names", "",
                    "is empty, so users cannot pick a database when they connect; \"*\" allows any."));
        }
        return problems;
    }

    private void checkEntries(String field, List<String> entries, Map<String, List<String>> traits, List<RoleProblem> out) {
        for (String entry : entries) {
            if (!TraitTemplate.isTemplate(entry)) {
                checkLiteral(field, entry, entry, out);
                continue;
            }
            TraitTemplate.Expansion expansion = TraitTemplate.expand(entry, traits);
            switch (expansion.outcome()) {
                case INVALID -> out.add(RoleProblem.error(field, entry, expansion.explanation() + "."));
                case MISSING_TRAIT -> out.add(RoleProblem.note(field, entry, traits.isEmpty()
                        ? "a trait template: each user's roles come from their " + TraitTemplate.traitName(entry).orElse("trait")
                          + " trait; give sample traits to check what it produces."
                        : "expands to nothing for the sample traits, so Teleport skips it."));
                default -> expansion.values().forEach(value -> checkLiteral(field, value + " (from " + entry + ")", value, out));
            }
        }
    }

    private void checkLiteral(String field, String shownAs, String value, List<RoleProblem> out) {
        RoleRef role;
        try {
            role = DbRoleEntry.parse(value);
        } catch (TeleportConfigException e) {
            out.add(RoleProblem.error(field, shownAs, e.getMessage()));
            return;
        }
        Optional<Set<String>> known = rolesByDb.computeIfAbsent(role.db(), catalog::rolesIn);
        if (known.isEmpty()) {
            uncheckedByDb.computeIfAbsent(role.db(), db -> new LinkedHashSet<>()).add(role.role());
            return;
        }
        if (known.get().contains(role.role())) {
            return;
        }
        String message = noSuchRole(role, known.get());
        out.add(DENY.equals(field)
                ? RoleProblem.warning(field, shownAs, message + " (a deny entry for a missing role has no effect)")
                : RoleProblem.error(field, shownAs, message));
    }

    private static String noSuchRole(RoleRef role, Set<String> known) {
        Optional<String> adminOnly = RoleSuggestions.adminOnlyBuiltin(role.role());
        if (adminOnly.isPresent() && !"admin".equals(role.db())) {
            return "no such role in " + role.db() + " — " + adminOnly.get() + " exists only in admin: did you mean `"
                    + adminOnly.get() + "@admin`?";
        }
        return RoleSuggestions.closest(role.role(), known)
                .map(s -> "no such role — did you mean `" + s + "`?")
                .orElse("no such role in database " + role.db() + "; create it first or correct the name.");
    }
}
