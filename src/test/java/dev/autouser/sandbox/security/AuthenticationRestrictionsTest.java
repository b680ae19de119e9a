package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationRestrictionsTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void noRestrictionsAllowEveryone() throws Exception {
        assertTrue(AuthenticationRestrictions.allows(List.of(), ip("10.1.2.3"), ip("127.0.0.1")));
    }

    @Test
    void teleportLockMatchesNoRealClient() throws Exception {
        List<AuthenticationRestriction> lock = List.of(AuthenticationRestriction.teleportLock());
        for (String client : List.of("127.0.0.1", "10.0.0.1", "192.168.1.20", "::1")) {
            assertFalse(AuthenticationRestrictions.allows(lock, ip(client), ip("127.0.0.1")), client);
        }
    }

    @Test
    void cidrRangesMatchIpv4AndIpv6() throws Exception {
        List<AuthenticationRestriction> office = List.of(AuthenticationRestriction.clientSource("10.0.0.0/8", "fd00::/8"));
        assertTrue(AuthenticationRestrictions.allows(office, ip("10.200.3.4"), ip("127.0.0.1")));
        assertTrue(AuthenticationRestrictions.allows(office, ip("fd12::1"), ip("::1")));
        assertFalse(AuthenticationRestrictions.allows(office, ip("11.0.0.1"), ip("127.0.0.1")));
    }

    @Test
    void everyFieldOfADocumentMustMatch() throws Exception {
        List<AuthenticationRestriction> both = List.of(new AuthenticationRestriction(
                List.of(Cidr.parse("127.0.0.1")), List.of(Cidr.parse("127.0.0.1"))));
        assertTrue(AuthenticationRestrictions.allows(both, ip("127.0.0.1"), ip("127.0.0.1")));
        assertFalse(AuthenticationRestrictions.allows(both, ip("127.0.0.1"), ip("10.0.0.5")));
    }

    @Test
    void anyFullySatisfiedDocumentAllowsTheLogin() throws Exception {
        List<AuthenticationRestriction> either = List.of(AuthenticationRestriction.teleportLock(),
                AuthenticationRestriction.clientSource("127.0.0.1"));
        assertTrue(AuthenticationRestrictions.allows(either, ip("127.0.0.1"), ip("127.0.0.1")));
    }

    @Test
    void roleRestrictionsApplyToTheirMembersToo() throws Exception {
        SecurityState state = new SecurityState();
        RoleId office = RoleId.of("officeOnly", "admin");
        state.roles().put(new CustomRole(office, List.of(), List.of(),
                List.of(AuthenticationRestriction.clientSource("10.0.0.0/8"))));
        StoredUser user = new StoredUser(new UserId("CN=x", "$external"), List.of(office), Optional.empty(),
                List.of(), Optional.empty());
        assertTrue(AuthenticationRestrictions.allowsLogin(state, user, ip("10.1.1.1"), ip("127.0.0.1")));
        assertFalse(AuthenticationRestrictions.allowsLogin(state, user, ip("127.0.0.1"), ip("127.0.0.1")));
    }

    @Test
    void malformedRangesAreRejectedWithoutDnsLookups() {
        for (String bad : List.of("example.com", "10.0.0.0/33", "10.0.0", "::1/129", "1.2.3.4/", "")) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }
}
