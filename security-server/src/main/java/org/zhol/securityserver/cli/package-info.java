// SPDX-License-Identifier: MIT
/**
 * The security server's command line over its admin API: {@code clients}, {@code services},
 * {@code access} and {@code status}, each with text or {@code --json} output, and the token from
 * {@code --token} or {@code ZHOL_TOKEN}. {@code init} and {@code start} live in
 * {@link org.zhol.securityserver.SecurityServerMain}, which adds these as subcommands.
 *
 * <p>Deviation: ARCHITECTURE's layout has no {@code cli} package; the admin subcommands are kept out
 * of {@code SecurityServerMain} so that it stays small.
 */
package org.zhol.securityserver.cli;
