package dev.autouser.core.provisioning;

import org.bson.Document;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A half-open range of user names {@code [from, to)}, either end open. Listing pages by name range
 * when one reply would exceed MongoDB's 16 MB; a range that is still too big splits in two.
 */
public record NameRange(Optional<String> from, Optional<String> to) {
    private static final String PREFIX = "CN=";
    /** Split keys are drawn from printable ASCII: base 96, digit d is the character 0x1F + d. */
    private static final int BASE = 96;
    private static final int MAX_DIGITS = 48;

    public static NameRange all() {
        return new NameRange(Optional.empty(), Optional.empty());
    }

    public Optional<Document> toFilter() {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        Document bounds = new Document();
        from.ifPresent(f -> bounds.append("$gte", f));
        to.ifPresent(t -> bounds.append("$lt", t));
        return Optional.of(bounds);
    }

    /**
     * Splits into smaller ranges covering exactly the same names, or returns an empty list when no
     * split is possible. The whole range first splits around {@code CN=}, where every Teleport
     * user lives, so the next halvings fall among real names.
     */
    public List<NameRange> split() {
        if (from.isEmpty() && to.isEmpty()) {
            String end = PREFIX.substring(0, 2) + (char) (PREFIX.charAt(2) + 1);
            return List.of(new NameRange(Optional.empty(), Optional.of(PREFIX)),
                    new NameRange(Optional.of(PREFIX), Optional.of(end)),
                    new NameRange(Optional.of(end), Optional.empty()));
        }
        Optional<String> middle = midpoint(from.orElse(""), to.orElse(null));
        if (middle.isEmpty()) {
            return List.of();
        }
        List<NameRange> halves = new ArrayList<>();
        halves.add(new NameRange(from, middle));
        halves.add(new NameRange(middle, to));
        return halves;
    }

    /** A string strictly between {@code low} and {@code highOrNull} (null = no upper end). */
    static Optional<String> midpoint(String low, String highOrNull) {
        for (int digits = Math.max(low.length(), highOrNull == null ? 0 : highOrNull.length()) + 1;
             digits <= MAX_DIGITS; digits++) {
            BigInteger a = toNumber(low, digits);
            BigInteger b = highOrNull == null ? BigInteger.valueOf(BASE).pow(digits) : toNumber(highOrNull, digits);
            String candidate = fromNumber(a.add(b).shiftRight(1), digits);
            boolean aboveLow = candidate.compareTo(low) > 0;
            boolean belowHigh = highOrNull == null || candidate.compareTo(highOrNull) < 0;
            if (aboveLow && belowHigh) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static BigInteger toNumber(String text, int digits) {
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            int digit = i < text.length() ? Math.max(0, Math.min(BASE - 1, text.charAt(i) - 0x1F)) : 0;
            value = value.multiply(BigInteger.valueOf(BASE)).add(BigInteger.valueOf(digit));
        }
        return value;
    }

    private static String fromNumber(BigInteger value, int digits) {
        char[] chars = new char[digits];
        BigInteger rest = value;
        BigInteger base = BigInteger.valueOf(BASE);
        for (int i = digits - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(base);
            chars[i] = (char) (0x1F + qr[1].intValue());
            rest = qr[0];
        }
        String text = new String(chars);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == 0x1F) {
            end--;
        }
        return text.substring(0, end);
    }

    @Override
    public String toString() {
        return "[" + from.orElse("-inf") + ", " + to.orElse("+inf") + ")";
    }
}
