// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;

/** listClients against PR-META Annex C.1, in both forms. */
class ListClientsTest {

    static final GlobalConfiguration CONF = configuration();

    @Test
    void xmlAsTheSpecShowsIt() {
        MetaserviceResponse r = ListClients.answer(new ListClientsRequest(Optional.empty(), false), CONF);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("text/xml; charset=UTF-8");
        String expected = new String(Resources.bytes("listClients.xml"), StandardCharsets.UTF_8)
                .replaceAll("\\s*<ns2:subsystemName>[^<]*</ns2:subsystemName>", "");
        assertThat(XmlTrees.canonical(r.body())).isEqualTo(XmlTrees.canonical(expected.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonAsTheSpecShowsIt() throws Exception {
        MetaserviceResponse r = ListClients.answer(new ListClientsRequest(Optional.of("AA"), true), CONF);
        assertThat(r.contentType()).contains("application/json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode expected = mapper.readTree(Resources.bytes("listClients.json"));
        for (JsonNode member : expected.get("member")) {
            ((ObjectNode) member).remove("subsystem_name");
        }
        assertThat(mapper.readTree(r.body())).isEqualTo(expected);
    }

    @Test
    void anotherInstanceIsAnEmptyList() throws Exception {
        MetaserviceResponse json = ListClients.answer(new ListClientsRequest(Optional.of("EE"), true), CONF);
        assertThat(new ObjectMapper().readTree(json.body()).get("member")).isEmpty();
        MetaserviceResponse xml = ListClients.answer(new ListClientsRequest(Optional.of("EE"), false), CONF);
        assertThat(XmlTrees.parse(xml.body()).getChildNodes().getLength()).isZero();
        assertThat(XmlTrees.parse(xml.body()).getLocalName()).isEqualTo("clientList");
    }

    private static GlobalConfiguration configuration() {
        MemberId ts1 = new MemberId("AA", "GOV", "TS1OWNER");
        MemberId ts2 = new MemberId("AA", "GOV", "TS2OWNER");
        MemberId client = new MemberId("AA", "ENT", "CLIENT1");
        return new GlobalConfiguration("AA", List.of(new MemberClass("GOV", "Government"),
                new MemberClass("ENT", "Enterprise")), List.of(new Member(ts1, "TS1 Owner", List.of()),
                        new Member(ts2, "TS2 Owner", List.of()), new Member(client, "Client One",
                                List.of(client.subsystem("sub")))),
                List.of(), List.of(), List.of(), List.of(), TrustParameters.DEFAULTS);
    }
}
