// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import java.util.EnumSet;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The contract every fuzz target checks: a parser given any bytes either parses them or throws a
 * {@link ZholException} whose code is one that the parser documents, with a peer-safe detail. Any other
 * throwable (a {@code NullPointerException}, an {@code ArrayIndexOutOfBoundsException}, an
 * {@code OutOfMemoryError}, an assertion) escapes, which Jazzer reports as a finding.
 *
 * <p>Every {@link ErrorCode} is listed in {@code protocol-spec/docs/errors.md} (checked by
 * {@code FaultCodeTest}); the allowed set here is narrower: the codes the parser's javadoc names.
 */
final class FuzzContract {

    private FuzzContract() {
    }

    /** The codes a parser may refuse input with. */
    static Set<ErrorCode> codes(ErrorCode first, ErrorCode... rest) {
        return EnumSet.of(first, rest);
    }

    /**
     * Runs {@code parse}; returns normally when it parsed or refused with one of {@code allowed}.
     *
     * @return whether it parsed (false: it was refused)
     * @throws AssertionError when it refused with another code or without a detail
     */
    static boolean holds(String parser, Set<ErrorCode> allowed, Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (ZholException e) {
            if (!allowed.contains(e.code())) {
                throw new AssertionError(parser + " refused input with " + e.faultCode()
                        + ", which it does not document (allowed: " + allowed + "): " + e.detail(), e);
            }
            if (e.detail().isBlank()) {
                throw new AssertionError(parser + " refused input with " + e.faultCode() + " but no detail", e);
            }
            return false;
        }
    }
}
