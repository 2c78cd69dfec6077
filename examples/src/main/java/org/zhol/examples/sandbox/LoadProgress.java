// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * How a load run shows its progress on standard error: a bar redrawn in place on a terminal, a plain
 * line now and then otherwise (a log file, CI), or nothing.
 */
public final class LoadProgress {

    /** The ways to show progress. */
    public enum Mode {
        /** {@code BAR} on a terminal, else {@code LINES}. */
        AUTO,
        /** A bar redrawn in place (carriage return) about five times a second. */
        BAR,
        /** One line every {@value #LINE_EVERY_SECONDS} seconds. */
        LINES,
        /** Nothing. */
        NONE
    }

    static final int LINE_EVERY_SECONDS = 5;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Mode mode;
    private long lastLineSecond;

    /** Progress in {@code mode} on {@code err}; {@code AUTO} must have been resolved with {@link #resolve}. */
    public LoadProgress(PrintWriter err, Mode mode) {
        if (mode == Mode.AUTO) {
            throw new IllegalArgumentException("resolve AUTO first");
        }
        this.err = err;
        this.mode = mode;
    }

    /** {@code AUTO} as {@code BAR} when {@code terminal}, else {@code LINES}; other modes as they are. */
    public static Mode resolve(Mode mode, boolean terminal) {
        return mode != Mode.AUTO ? mode : terminal ? Mode.BAR : Mode.LINES;
    }

    /** How often {@link #update} wants to be called, in milliseconds. */
    long tickMillis() {
        return mode == Mode.BAR ? 200 : 1000;
    }

    /** Shows that {@code done} of {@code total} requests are answered, {@code errors} of them failed. */
    void update(long done, long total, long errors, long elapsedNanos) {
        switch (mode) {
            case BAR -> {
                int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + status(done, total, errors,
                        elapsedNanos) + "   ");
                err.flush();
            }
            case LINES -> {
                long second = elapsedNanos / 1_000_000_000L;
                if (second >= lastLineSecond + LINE_EVERY_SECONDS) {
                    lastLineSecond = second;
                    err.println("load: " + status(done, total, errors, elapsedNanos));
                    err.flush();
                }
            }
            default -> {
            }
        }
    }

    /** The last update: the bar is drawn full (or as far as it got) and its line ended. */
    void finish(long done, long total, long errors, long elapsedNanos) {
        if (mode == Mode.BAR) {
            update(done, total, errors, elapsedNanos);
            err.println();
            err.flush();
        }
    }

    static String status(long done, long total, long errors, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "%d/%d (%d%%), %.0f req/s, %d errors", done, total,
                total == 0 ? 100 : done * 100 / total, seconds > 0 ? done / seconds : 0.0, errors);
    }
}
