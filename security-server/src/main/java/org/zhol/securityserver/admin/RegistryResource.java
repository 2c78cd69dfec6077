// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/** The admin API over the {@link ServiceRegistry}: clients, services and access rights. */
final class RegistryResource {

    private final ServiceRegistry registry;
    private final AdminJson json;

    RegistryResource(ServiceRegistry registry, AdminJson json) {
        this.registry = registry;
        this.json = json;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        String client = "/clients/{client}";
        String service = client + "/services/{service}";
        return List.of(
                AdminRoute.authenticated("GET", "/clients", this::listClients),
                AdminRoute.authenticated("POST", "/clients", this::addClient),
                AdminRoute.authenticated("GET", client, this::getClient),
                AdminRoute.authenticated("DELETE", client, this::deleteClient),
                AdminRoute.authenticated("GET", client + "/services", this::listServices),
                AdminRoute.authenticated("POST", client + "/services", this::addService),
                AdminRoute.authenticated("GET", service, this::getService),
                AdminRoute.authenticated("PUT", service, this::updateService),
                AdminRoute.authenticated("DELETE", service, this::deleteService),
                AdminRoute.authenticated("GET", client + "/access-rights", this::listRights),
                AdminRoute.authenticated("POST", client + "/access-rights", this::grant),
                AdminRoute.authenticated("POST", client + "/access-rights/delete", this::revoke));
    }

    private HttpResponse listClients(HttpRequest request) {
        return json.respond(200, json.array(registry.clients(), json::client));
    }

    private HttpResponse addClient(HttpRequest request) {
        SubsystemId id = SubsystemId.parse(AdminJson.required(json.body(request), "id"));
        return json.respond(201, json.client(registry.addClient(id)));
    }

    private HttpResponse getClient(HttpRequest request) {
        return json.respond(200, json.client(registry.client(client(request))));
    }

    private HttpResponse deleteClient(HttpRequest request) {
        registry.deleteClient(client(request));
        return HttpResponse.empty(204);
    }

    private HttpResponse listServices(HttpRequest request) {
        return json.respond(200, json.array(registry.services(client(request)), json::service));
    }

    private HttpResponse addService(HttpRequest request) {
        LocalService service = AdminJson.service(client(request), json.body(request), Optional.empty());
        return json.respond(201, json.service(registry.addService(service)));
    }

    private HttpResponse getService(HttpRequest request) {
        return json.respond(200, json.service(registry.service(service(request))));
    }

    private HttpResponse updateService(HttpRequest request) {
        ServiceId id = service(request);
        LocalService service = AdminJson.service(id.provider(), json.body(request), Optional.of(id));
        return json.respond(200, json.service(registry.updateService(service)));
    }

    private HttpResponse deleteService(HttpRequest request) {
        registry.deleteService(service(request));
        return HttpResponse.empty(204);
    }

    private HttpResponse listRights(HttpRequest request) {
        SubsystemId client = client(request);
        List<AccessRight> rights = request.queryParam("serviceCode")
                .map(code -> registry.rights(client, code)).orElseGet(() -> registry.rights(client));
        return json.respond(200, json.array(rights, json::right));
    }

    private HttpResponse grant(HttpRequest request) {
        AccessRight right = AdminJson.right(client(request), json.body(request));
        boolean added = registry.grant(right);
        ObjectNode body = json.right(right);
        return json.respond(added ? 201 : 200, body);
    }

    private HttpResponse revoke(HttpRequest request) {
        registry.revoke(AdminJson.right(client(request), json.body(request)));
        return HttpResponse.empty(204);
    }

    private static SubsystemId client(HttpRequest request) {
        return PathIds.client(request.pathParam("client"));
    }

    private static ServiceId service(HttpRequest request) {
        return PathIds.service(client(request), request.pathParam("service"));
    }
}
