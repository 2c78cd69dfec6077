// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.zhol.protocol.id.ServiceId;
import org.zhol.securityserver.registry.Endpoint;

/**
 * The JSON answer of REST {@code listMethods} and {@code allowedMethods} (PR-MREST §4, Annex B): an
 * object whose {@code service} array holds one object per service with snake_case identifier fields,
 * {@code object_type} {@code SERVICE}, {@code service_type} ({@code OPENAPI} when the service has an
 * OpenAPI description URL, else {@code REST}) and {@code endpoint_list} ({@code method}, {@code path}).
 */
final class RestMethodListCodec {

    /** The content type of the answer. */
    static final String CONTENT_TYPE = "application/json";

    private RestMethodListCodec() {
    }

    static byte[] write(List<ServiceCatalog.Entry> services) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("service");
        for (ServiceCatalog.Entry entry : services) {
            ServiceId id = entry.service().id();
            ObjectNode s = list.addObject();
            s.put("member_class", id.provider().member().memberClass());
            s.put("member_code", id.provider().member().memberCode());
            s.put("object_type", id.objectType().name());
            s.put("service_code", id.serviceCode());
            s.put("service_type", entry.service().descriptionUrl().isPresent() ? "OPENAPI" : "REST");
            id.serviceVersion().ifPresent(v -> s.put("service_version", v));
            s.put("subsystem_code", id.provider().subsystemCode());
            s.put("xroad_instance", id.instance());
            ArrayNode endpoints = s.putArray("endpoint_list");
            for (Endpoint e : entry.endpoints()) {
                endpoints.addObject().put("method", e.methodText()).put("path", e.path().pattern());
            }
        }
        return Json.bytes(root);
    }
}
