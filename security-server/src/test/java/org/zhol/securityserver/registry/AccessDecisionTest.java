// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.RestMethod;

class AccessDecisionTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");
    static final MemberId CONSUMER_MEMBER = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = CONSUMER_MEMBER.subsystem("CONSUMER");
    static final SubsystemId STRANGER = SubsystemId.parse("DEV/COM/3003/OTHER");
    static final ServiceId PERSONS = PROVIDER.service("persons");
    static final GlobalGroupId GROUP = new GlobalGroupId("DEV", "trusted");

    @Test
    void denyByDefault() {
        assertDenied(CONSUMER, PERSONS, rest("GET", "/persons"), List.of(), Groups.none());
        assertDenied(CONSUMER, PERSONS, soap(), List.of(), Groups.none());
    }

    @Test
    void aWholeServiceRightCoversEveryMethodPathAndVersion() {
        List<AccessRight> rights = List.of(AccessRight.wholeService(PERSONS, CONSUMER));
        assertAllowed(CONSUMER, PERSONS, rest("DELETE", "/anything/at/all"), rights, Groups.none());
        assertAllowed(CONSUMER, PERSONS, soap(), rights, Groups.none());
        assertAllowed(CONSUMER, ServiceId.of(PROVIDER, "persons", "v7"), soap(), rights, Groups.none());
        assertDenied(STRANGER, PERSONS, soap(), rights, Groups.none());
        assertDenied(CONSUMER, PROVIDER.service("cars"), soap(), rights, Groups.none());
        assertDenied(CONSUMER, SubsystemId.parse("DEV/GOV/1001/OTHER").service("persons"), soap(), rights,
                Groups.none());
    }

    @Test
    void restRightsAreMethodAndPathSpecific() {
        List<AccessRight> rights = List.of(
                new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("GET", "/persons/{id}")),
                new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("*", "/public/**")));
        assertAllowed(CONSUMER, PERSONS, rest("GET", "/persons/1"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, rest("PUT", "/persons/1"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, rest("GET", "/persons/1/cars"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, rest("GET", "/persons"), rights, Groups.none());
        assertAllowed(CONSUMER, PERSONS, rest("POST", "/public/a/b"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, soap(), rights, Groups.none());
    }

    @Test
    void dotSegmentsAndRelativePathsAreDenied() {
        List<AccessRight> rights = List.of(new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("*", "/public/**")));
        assertDenied(CONSUMER, PERSONS, rest("GET", "/public/../private"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, rest("GET", "/public/./x"), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, rest("GET", "public/x"), rights, Groups.none());
        assertAllowed(CONSUMER, PERSONS, rest("GET", "/public/..x/.y"), rights, Groups.none());
    }

    @Test
    void memberRightsCoverTheMemberOnlyAsInXRoad() {
        List<AccessRight> rights = List.of(AccessRight.wholeService(PERSONS, CONSUMER_MEMBER));
        assertAllowed(CONSUMER_MEMBER, PERSONS, soap(), rights, Groups.none());
        assertDenied(CONSUMER, PERSONS, soap(), rights, Groups.none());
    }

    @Test
    void globalGroupRightsCoverTheGroupsMembers() {
        List<AccessRight> rights = List.of(AccessRight.wholeService(PERSONS, GROUP));
        Groups groups = new Groups(Map.of(GROUP, Set.of(CONSUMER)));
        assertAllowed(CONSUMER, PERSONS, rest("GET", "/x"), rights, groups);
        assertDenied(STRANGER, PERSONS, rest("GET", "/x"), rights, groups);
        assertDenied(CONSUMER, PERSONS, rest("GET", "/x"), rights, Groups.none());
    }

    /** With no right for the caller's service, every request is denied, whatever else is granted. */
    @Property(tries = 300)
    void noRightForTheServiceMeansDenied(@ForAll("callers") ClientId caller, @ForAll("requests") Request request,
            @ForAll("rights") List<AccessRight> rights) {
        List<AccessRight> others = rights.stream().filter(r -> !r.isFor(PERSONS)).toList();
        assertDenied(caller, PERSONS, request, others, everyoneInGroup());
    }

    /** A whole-service right for the caller allows every request to that service. */
    @Property(tries = 300)
    void aWholeServiceRightAllowsEveryPlainRequest(@ForAll("callers") ClientId caller,
            @ForAll("requests") Request request, @ForAll("rights") List<AccessRight> rights) {
        List<AccessRight> all = new java.util.ArrayList<>(rights);
        all.add(AccessRight.wholeService(PERSONS, caller));
        assertAllowed(caller, PERSONS, request, all, Groups.none());
    }

    /** Adding rights never turns an allowed request into a denied one. */
    @Property(tries = 300)
    void moreRightsNeverDenyMore(@ForAll("callers") ClientId caller, @ForAll("requests") Request request,
            @ForAll("rights") List<AccessRight> some, @ForAll("rights") List<AccessRight> more) {
        List<AccessRight> all = new java.util.ArrayList<>(some);
        all.addAll(more);
        if (allowed(caller, request, some)) {
            assertAllowed(caller, PERSONS, request, all, everyoneInGroup());
        }
    }

    record Request(Optional<RestMethod> method, Optional<String> path) {
    }

    @Provide
    Arbitrary<ClientId> callers() {
        return Arbitraries.of(CONSUMER, CONSUMER_MEMBER, STRANGER, PROVIDER);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Request> restRequests = Combinators.combine(Arbitraries.of(RestMethod.class),
                Arbitraries.strings().withChars('a', 'b', '/', '1').ofMaxLength(10))
                .as((m, p) -> new Request(Optional.of(m), Optional.of("/" + p.replace("//", "/"))));
        return Arbitraries.oneOf(restRequests, Arbitraries.just(soap()));
    }

    @Provide
    Arbitrary<List<AccessRight>> rights() {
        Arbitrary<AccessRight> right = Combinators.combine(
                Arbitraries.of(PROVIDER, SubsystemId.parse("DEV/GOV/1001/OTHER")),
                Arbitraries.of("persons", "cars"),
                Arbitraries.of(CONSUMER, CONSUMER_MEMBER, STRANGER, GROUP),
                Arbitraries.of("*", "GET", "POST"),
                Arbitraries.of("**", "/a/*", "/b/**", "/{x}", "/a"))
                .as((p, code, subject, method, path) -> new AccessRight(p, code, subject, Endpoint.parse(method, path)));
        return right.list().ofMaxSize(6);
    }

    private static Groups everyoneInGroup() {
        return new Groups(Map.of(GROUP, Set.of(CONSUMER, CONSUMER_MEMBER, STRANGER, PROVIDER)));
    }

    private static boolean allowed(ClientId caller, Request request, List<AccessRight> rights) {
        try {
            AccessDecision.check(caller, PERSONS, request.method(), request.path(), rights, everyoneInGroup());
            return true;
        } catch (ZholException e) {
            return false;
        }
    }

    private static Request rest(String method, String path) {
        return new Request(Optional.of(RestMethod.parse(method)), Optional.of(path));
    }

    private static Request soap() {
        return new Request(Optional.empty(), Optional.empty());
    }

    private static void assertAllowed(ClientId caller, ServiceId service, Request request, List<AccessRight> rights,
            Groups groups) {
        assertThatCode(() -> AccessDecision.check(caller, service, request.method(), request.path(), rights, groups))
                .doesNotThrowAnyException();
    }

    private static void assertDenied(ClientId caller, ServiceId service, Request request, List<AccessRight> rights,
            Groups groups) {
        assertThatThrownBy(() -> AccessDecision.check(caller, service, request.method(), request.path(), rights, groups))
                .isInstanceOfSatisfying(ZholException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    org.assertj.core.api.Assertions.assertThat(e.origin()).isEqualTo(Origin.CLIENT);
                });
    }
}
