// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import org.zhol.centralserver.admin.AdminViews.Address;
import org.zhol.centralserver.admin.AdminViews.Maintenance;
import org.zhol.centralserver.admin.AdminViews.NewClient;
import org.zhol.centralserver.admin.AdminViews.NewSecurityServer;
import org.zhol.centralserver.admin.AdminViews.SecurityServerView;
import org.zhol.centralserver.registry.Certificates;
import org.zhol.centralserver.registry.Registry;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/** {@code /security-servers}: read, direct registration, address, maintenance and clients. */
final class ServerRoutes {

    private static final String SERVER = "/security-servers/{class}/{code}/{server}";

    private final Registry registry;
    private final AdminJson json;

    ServerRoutes(Registry registry, AdminJson json) {
        this.registry = registry;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/security-servers", r -> json.ok(registry.securityServers().stream()
                        .map(SecurityServerView::of).toList()))
                .post("/security-servers", this::create)
                .get(SERVER, r -> view(server(r)))
                .put(SERVER + "/address", r -> {
                    registry.setAddress(server(r), json.read(r, Address.class).address());
                    return view(server(r));
                })
                .put(SERVER + "/maintenance", r -> {
                    Boolean on = json.read(r, Maintenance.class).maintenance();
                    if (on == null) {
                        throw ZholException.client(ErrorCode.BAD_REQUEST, "maintenance must be true or false");
                    }
                    registry.setMaintenance(server(r), on);
                    return view(server(r));
                })
                .post(SERVER + "/clients", r -> {
                    String client = json.read(r, NewClient.class).client();
                    registry.addClient(server(r), ClientId.parse(client == null ? "" : client));
                    return json.created(SecurityServerView.of(registry.securityServer(server(r))));
                })
                .delete(SERVER + "/clients/{clientClass}/{clientCode}", r -> removeClient(r, false))
                .delete(SERVER + "/clients/{clientClass}/{clientCode}/{subsystem}", r -> removeClient(r, true));
    }

    private HttpResponse create(HttpRequest r) {
        NewSecurityServer in = json.read(r, NewSecurityServer.class);
        SecurityServerId id = new SecurityServerId(new MemberId(registry.instance(), in.memberClass(),
                in.memberCode()), in.serverCode());
        registry.registerAuthCert(id, in.address(), Certificates.parse("authCertificate", in.authCertificate()));
        return json.created(SecurityServerView.of(registry.securityServer(id)));
    }

    private HttpResponse removeClient(HttpRequest r, boolean subsystem) {
        MemberId member = new MemberId(registry.instance(), r.pathParam("clientClass"), r.pathParam("clientCode"));
        registry.removeClient(server(r), subsystem ? member.subsystem(r.pathParam("subsystem")) : member);
        return json.noContent();
    }

    private HttpResponse view(SecurityServerId id) {
        return json.ok(SecurityServerView.of(registry.securityServer(id)));
    }

    private SecurityServerId server(HttpRequest r) {
        return new SecurityServerId(new MemberId(registry.instance(), r.pathParam("class"), r.pathParam("code")),
                r.pathParam("server"));
    }
}
