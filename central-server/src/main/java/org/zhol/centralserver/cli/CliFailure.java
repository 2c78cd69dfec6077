// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

/**
 * A command that failed in a way to report in one line, e.g. a fault answered by the admin API.
 * Only ever thrown inside this package and turned into exit code 1 by the command line's handler.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message, null, false, false);
    }
}
