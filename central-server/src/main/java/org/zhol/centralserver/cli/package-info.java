// SPDX-License-Identifier: MIT
/**
 * The command line (picocli): {@code init} and {@code start}, which run in this process, and the admin
 * commands, which call the admin API over HTTP with a token from {@code --token} or {@code ZHOL_TOKEN}
 * and print human-readable text, or the API's JSON with {@code --json}.
 */
package org.zhol.centralserver.cli;
