// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import org.zhol.centralserver.CentralContext;
import picocli.CommandLine.Model.CommandSpec;

/** What one admin command works with: a client for the API and the output, from its options. */
record Session(AdminClient api, Output out) {

    static Session of(CommandSpec spec, AdminOptions options) {
        var json = CentralContext.jsonMapper();
        return new Session(new AdminClient(options, json), new Output(spec.commandLine().getOut(), json, options.json));
    }
}
