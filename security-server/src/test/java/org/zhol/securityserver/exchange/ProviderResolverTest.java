// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;

/** Which servers a service is reached at, in which order. */
class ProviderResolverTest {

    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final SubsystemId LONELY = COM.subsystem("LONELY");
    static final ServiceId SERVICE = PROVIDER.service("echo");

    static SecurityServer server(String code, boolean maintenance, SubsystemId... clients) {
        return new SecurityServer(new SecurityServerId(COM, code), code.toLowerCase() + ".example", List.of(),
                List.of(clients), maintenance);
    }

    final GlobalConfiguration conf = new GlobalConfiguration("DEV", List.of(new MemberClass("COM", "Companies")),
            List.of(new Member(COM, "Com", List.of(PROVIDER, LONELY))),
            List.of(server("A", false, PROVIDER), server("B", true, PROVIDER), server("C", false, PROVIDER),
                    server("D", true, LONELY)), List.of(), List.of(), List.of(), TrustParameters.DEFAULTS);

    @Test
    void theHostingServersInConfigurationOrderWithoutThoseInMaintenance() {
        assertThat(ProviderResolver.candidates(conf, SERVICE, Optional.empty())).extracting(s -> s.id().serverCode())
                .containsExactly("A", "C");
    }

    @Test
    void aNamedServerIsTheOnlyCandidate() {
        assertThat(ProviderResolver.candidates(conf, SERVICE, Optional.of(new SecurityServerId(COM, "C"))))
                .extracting(s -> s.id().serverCode()).containsExactly("C");
        assertThat(PeerTrustTest.code(() -> ProviderResolver.candidates(conf, SERVICE,
                Optional.of(new SecurityServerId(COM, "D"))))).isEqualTo("InvalidSecurityServer");
    }

    @Test
    void unknownProvidersAndServersAllInMaintenanceAreRefused() {
        assertThat(PeerTrustTest.code(() -> ProviderResolver.candidates(conf, COM.subsystem("GONE").service("x"),
                Optional.empty()))).isEqualTo("UnknownMember");
        assertThat(PeerTrustTest.code(() -> ProviderResolver.candidates(conf, LONELY.service("x"), Optional.empty())))
                .isEqualTo("MaintenanceMode");
    }
}
