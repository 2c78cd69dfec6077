// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.io.PrintWriter;
import org.zhol.protocol.error.ZholException;

/**
 * A command that failed in a way to report in one line, e.g. a fault answered by the admin API.
 * Only ever thrown inside this package and turned into exit code 1 by the command line's handler.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * What a command's fault becomes: a {@link CliFailure} or a {@link ZholException} is printed as one
     * line on {@code err} and gives exit code 1; anything else is thrown on.
     */
    static <E extends Exception> int report(E e, PrintWriter err) throws E {
        if (e instanceof CliFailure || e instanceof ZholException) {
            String text = e instanceof ZholException z ? z.faultCode() + ": " + z.detail() : e.getMessage();
            err.println("error: " + text);
            err.flush();
            return 1;
        }
        throw e;
    }
}
