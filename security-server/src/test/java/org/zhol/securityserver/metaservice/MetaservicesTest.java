// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.registry.ServiceType;

/** The consumer-side recogniser: which calls are metaservices, and listClients' query and Accept. */
class MetaservicesTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");

    @Test
    void restMetaservicesAreGetOnly() {
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("listMethods")))
                .contains(Metaservice.LIST_METHODS);
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("allowedMethods")))
                .contains(Metaservice.ALLOWED_METHODS);
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("getOpenAPI")))
                .contains(Metaservice.GET_OPENAPI);
        assertThat(Metaservices.match(ServiceType.REST, "POST", PROVIDER.service("listMethods"))).isEmpty();
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("getWsdl"))).isEmpty();
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("listClients"))).isEmpty();
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("persons"))).isEmpty();
        assertThat(Metaservices.match(ServiceType.REST, "GET", PROVIDER.service("listmethods"))).isEmpty();
    }

    @Test
    void soapMetaservicesWhateverTheVersion() {
        assertThat(Metaservices.match(ServiceType.SOAP, "POST", PROVIDER.service("listMethods")))
                .contains(Metaservice.LIST_METHODS);
        assertThat(Metaservices.match(ServiceType.SOAP, "POST", ServiceId.of(PROVIDER, "getWsdl", "v1")))
                .contains(Metaservice.GET_WSDL);
        assertThat(Metaservices.match(ServiceType.SOAP, "POST", PROVIDER.service("allowedMethods")))
                .contains(Metaservice.ALLOWED_METHODS);
        assertThat(Metaservices.match(ServiceType.SOAP, "POST", PROVIDER.service("getOpenAPI"))).isEmpty();
        assertThat(Metaservices.match(ServiceType.SOAP, "POST", PROVIDER.service("getRandom"))).isEmpty();
    }

    @Test
    void listClientsIsGetOnItsPath() {
        assertThat(Metaservices.matchListClients("GET", "/listClients", List.of()))
                .contains(new ListClientsRequest(Optional.empty(), false));
        assertThat(Metaservices.matchListClients("GET", "/listClients?xRoadInstance=AA", List.of()))
                .contains(new ListClientsRequest(Optional.of("AA"), false));
        assertThat(Metaservices.matchListClients("GET", "/listClients?other=1&xRoadInstance=E%45", List.of()))
                .contains(new ListClientsRequest(Optional.of("EE"), false));
        assertThat(Metaservices.matchListClients("POST", "/listClients", List.of())).isEmpty();
        assertThat(Metaservices.matchListClients("GET", "/listClients/", List.of())).isEmpty();
        assertThat(Metaservices.matchListClients("GET", "/r1/DEV/GOV/1001/PROVIDER/listClients", List.of())).isEmpty();
        assertThat(Metaservices.matchListClients("GET", "/listclients", List.of())).isEmpty();
    }

    @Test
    void listClientsAnswersJsonOnlyWhenAsked() {
        assertThat(json("application/json")).isTrue();
        assertThat(json("text/html, Application/JSON;q=0.5")).isTrue();
        assertThat(json("application/xml")).isFalse();
        assertThat(json("*/*")).isFalse();
        assertThat(json("application/jsonx")).isFalse();
        assertThat(Metaservices.matchListClients("GET", "/listClients", List.of()).orElseThrow().json()).isFalse();
    }

    @Test
    void malformedInstanceIsBadRequest() {
        assertThatThrownBy(() -> Metaservices.matchListClients("GET", "/listClients?xRoadInstance=a/b", List.of()))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> Metaservices.matchListClients("GET", "/listClients?xRoadInstance=%zz", List.of()))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> Metaservices.matchListClients("GET", "/listClients?xRoadInstance=", List.of()))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void theRegistryReservesExactlyTheMetaserviceCodes() {
        assertThat(ServiceRegistry.RESERVED_CODES).isEqualTo(
                Arrays.stream(Metaservice.values()).map(Metaservice::code).collect(Collectors.toSet()));
        for (String code : ServiceRegistry.RESERVED_CODES) {
            assertThat(Metaservices.isReserved(code)).isTrue();
        }
        assertThat(Metaservices.isReserved("persons")).isFalse();
    }

    private static boolean json(String accept) {
        return Metaservices.matchListClients("GET", "/listClients", List.of(new HttpHeader("Accept", accept)))
                .orElseThrow().json();
    }
}
