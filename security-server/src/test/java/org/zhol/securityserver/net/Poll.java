// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous deadline; never a timing assertion. */
final class Poll {

    private Poll() {
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + what, e);
            }
        }
    }
}
