// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import picocli.CommandLine.Option;

/** The options every admin command shares (a picocli mixin). */
final class AdminOptions {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:4002",
            description = "Admin API base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", defaultValue = "${env:ZHOL_TOKEN}",
            description = "API token (default: the ZHOL_TOKEN environment variable).")
    String token;

    @Option(names = "--json", description = "Print the API's JSON instead of text.")
    boolean json;
}
