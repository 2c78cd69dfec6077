// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.util.Map;
import java.util.function.Supplier;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.admin.AdminViews.StatusView;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.server.http.Router;

/** {@code GET /status}: the instance, the registry version, counts and the bound ports. */
final class StatusRoutes {

    private final CentralContext context;
    private final Supplier<Map<String, Integer>> ports;
    private final AdminJson json;

    StatusRoutes(CentralContext context, Supplier<Map<String, Integer>> ports, AdminJson json) {
        this.context = context;
        this.ports = ports;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/status", r -> {
            var snapshot = context.configuration().snapshot();
            GlobalConfiguration c = snapshot.configuration();
            return json.ok(new StatusView(c.instance(), snapshot.version(), c.memberClasses().size(),
                    c.members().size(), c.securityServers().size(), c.globalGroups().size(), c.approvedCas().size(),
                    c.approvedTsas().size(), context.database().config().isPostgres() ? "PostgreSQL" : "H2",
                    ports.get()));
        });
    }
}
