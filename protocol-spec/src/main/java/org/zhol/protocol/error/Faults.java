// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

/** Shared wording rules for fault details. */
public final class Faults {

    /** Limit: how many characters of untrusted input a fault detail quotes. */
    public static final int EXCERPT_LENGTH = 64;

    private Faults() {
    }

    /**
     * A short, printable excerpt of untrusted input for a fault detail: at most {@link #EXCERPT_LENGTH}
     * characters, control characters replaced by '?', so that a detail cannot inject lines or
     * grow without bound.
     */
    public static String excerpt(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), EXCERPT_LENGTH + 3));
        for (int i = 0; i < untrusted.length() && i < EXCERPT_LENGTH; i++) {
            char c = untrusted.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (untrusted.length() > EXCERPT_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
