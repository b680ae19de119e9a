package dev.autouser.sandbox.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range as MongoDB's {@code authenticationRestrictions} accept it:
 * {@code 10.0.0.0/8}, {@code ::1/128}, or a bare address meaning exactly that address.
 */
public record Cidr(String text, byte[] network, int prefixLength) {

    /** Literal addresses only, so parsing can never turn into a DNS lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public Cidr {
        network = network.clone();
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Parses a CIDR or bare IP; throws {@link IllegalArgumentException} with MongoDB's wording otherwise. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literalBytes(address, text);
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits, text);
        return new Cidr(text, mask(bytes, prefix), prefix);
    }

    /** Whether {@code address} lies inside this range (IPv4 never matches an IPv6 range and vice versa). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static byte[] literalBytes(String address, String text) {
        if (!LITERAL.matcher(address).matches() || (!address.contains(":") && !isDottedQuad(address))) {
            throw invalid(text);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw invalid(text);
        }
    }

    private static boolean isDottedQuad(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int prefixLength(String digits, int maxBits, String text) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            throw invalid(text);
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > maxBits) {
            throw invalid(text);
        }
        return prefix;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keepBits = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keepBits)));
        }
        return masked;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("Invalid CIDR string: " + text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
