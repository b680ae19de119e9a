package dev.autouser.core.provisioning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserPageTest {
    @Test
    void lastCharacterClassesMatchEveryNameExactlyOnce() {
        List<Pattern> classes = UserPage.characterClasses().stream().map(Pattern::compile).toList();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 0x250; c++) {
            names.add("CN=user" + (char) c);
        }
        names.add("CN=ends-with-newline\n");
        for (String name : names) {
            long matches = classes.stream().filter(p -> p.matcher(name).find()).count();
            assertEquals(1, matches, "name ending in U+" + Integer.toHexString(name.charAt(name.length() - 1)));
        }
    }

    @Test
    void wholeRangeSplitsByLastCharacterThenByName() {
        List<UserPage> first = UserPage.all().split();
        assertEquals(9, first.size());
        assertTrue(first.get(0).toFilter().orElseThrow().containsKey("$regex"));
        List<UserPage> second = first.get(0).split();
        assertTrue(second.size() >= 2);
        second.forEach(page -> assertEquals(first.get(0).lastCharacterClass(), page.lastCharacterClass()));
    }

    @Test
    void learntPagesAreContiguousRangesOfTheRightSize() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            names.add(String.format("CN=user%04d", i));
        }
        long bytesPerUser = AutoUserLister.PAGE_TARGET_BYTES / 300;
        List<UserPage> pages = AutoUserLister.pagesFor(names, bytesPerUser);
        assertEquals(4, pages.size());
        assertEquals(Optional.empty(), pages.get(0).range().from());
        assertEquals(Optional.of("CN=user0300"), pages.get(0).range().to());
        assertEquals(pages.get(0).range().to(), pages.get(1).range().from());
        assertEquals(Optional.empty(), pages.get(3).range().to());
        assertEquals(List.of(UserPage.all()), AutoUserLister.pagesFor(names.subList(0, 10), bytesPerUser));
    }
}
