// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

/** Which message of an exchange a log record holds. Both servers log both. */
public enum Direction {
    /** The consumer's request. */
    REQUEST("request"),
    /** The provider's response. */
    RESPONSE("response");

    private final String text;

    Direction(String text) {
        this.text = text;
    }

    /** The form in {@link LogEntry} and in file names: {@code request} or {@code response}. */
    public String text() {
        return text;
    }

    /**
     * The direction named {@code text}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Direction of(String text) {
        for (Direction d : values()) {
            if (d.text.equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a direction");
    }
}
