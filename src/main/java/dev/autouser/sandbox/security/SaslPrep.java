package dev.autouser.sandbox.security;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) as SCRAM-SHA-256 applies it to passwords: non-ASCII spaces become a space,
 * "commonly mapped to nothing" characters disappear, the result is NFKC-normalized, and control
 * characters are refused. Plain ASCII passwords pass through unchanged. Unassigned code points and
 * the bidirectional rules are not checked (MongoDB's drivers reject those before they reach us).
 */
final class SaslPrep {

    private SaslPrep() {
    }

    static String prepare(String input) {
        if (input.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return input;
        }
        StringBuilder mapped = new StringBuilder(input.length());
        input.codePoints().forEach(cp -> {
            if (isNonAsciiSpace(cp)) {
                mapped.append(' ');
            } else if (!isMappedToNothing(cp)) {
                mapped.appendCodePoint(cp);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        normalized.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.SURROGATE || cp == 0xFFFD) {
                throw new IllegalArgumentException("password contains a prohibited character");
            }
        });
        return normalized;
    }

    private static boolean isNonAsciiSpace(int cp) {
        return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    private static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF;
    }
}
