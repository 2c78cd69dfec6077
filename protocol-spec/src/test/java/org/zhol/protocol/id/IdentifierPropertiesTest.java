// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.zhol.protocol.error.ZholException;

/** Print-then-parse is the identity for every identifier kind; junk never escapes as another exception. */
class IdentifierPropertiesTest {

    static Arbitrary<String> codes() {
        return Arbitraries.strings().withChars("ABCXYZabcxyz0189'()+,-.=?").ofMinLength(1).ofMaxLength(20);
    }

    static Arbitrary<MemberId> members() {
        return Combinators.combine(codes(), codes(), codes()).as(MemberId::new);
    }

    static Arbitrary<SubsystemId> subsystems() {
        return Combinators.combine(members(), codes()).as(SubsystemId::new);
    }

    @Provide
    Arbitrary<ServiceId> services() {
        return Combinators.combine(subsystems(), codes(), codes().optional())
                .as((s, code, version) -> new ServiceId(s, code, version));
    }

    @Provide
    Arbitrary<ClientId> clients() {
        return Arbitraries.oneOf(members(), subsystems());
    }

    @Provide
    Arbitrary<SecurityServerId> servers() {
        return Combinators.combine(members(), codes()).as(SecurityServerId::new);
    }

    @Provide
    Arbitrary<GlobalGroupId> groups() {
        return Combinators.combine(codes(), codes()).as(GlobalGroupId::new);
    }

    @Property
    void clientPathRoundTrips(@ForAll("clients") ClientId id) {
        assertThat(ClientId.parse(id.toPath())).isEqualTo(id);
    }

    @Property
    void servicePathRoundTrips(@ForAll("services") ServiceId id) {
        assertThat(ServiceId.parse(id.toPath())).isEqualTo(id);
    }

    @Property
    void serverPathRoundTrips(@ForAll("servers") SecurityServerId id) {
        assertThat(SecurityServerId.parse(id.toPath())).isEqualTo(id);
    }

    @Property
    void groupPathRoundTrips(@ForAll("groups") GlobalGroupId id) {
        assertThat(GlobalGroupId.parse(id.toPath())).isEqualTo(id);
    }

    @Property
    void versionsAreOneServiceForAccessRights(@ForAll("services") ServiceId id, @ForAll("codes2") String version) {
        ServiceId other = new ServiceId(id.provider(), id.serviceCode(), Optional.of(version));
        assertThat(other.sameServiceAs(id)).isTrue();
        assertThat(other.withoutVersion()).isEqualTo(id.withoutVersion());
    }

    @Provide
    Arbitrary<String> codes2() {
        return codes();
    }

    @Property(tries = 2000)
    void anyStringParsesOrFailsWithZholException(@ForAll String junk) {
        for (Runnable parse : new Runnable[] {
                () -> ClientId.parse(junk), () -> ServiceId.parse(junk), () -> MemberId.parse(junk),
                () -> SubsystemId.parse(junk), () -> SecurityServerId.parse(junk), () -> GlobalGroupId.parse(junk)}) {
            try {
                parse.run();
            } catch (ZholException expected) {
                assertThat(expected.code()).isNotNull();
            }
        }
    }

    @Property
    void aForbiddenCharacterIsRejected(@ForAll("members") MemberId member,
            @ForAll("forbidden") char bad) {
        assertThatThrownBy(() -> new MemberId(member.instance(), member.memberClass(), member.memberCode() + bad))
                .isInstanceOf(ZholException.class)
                .hasMessageContaining("memberCode");
    }

    @Provide("members")
    Arbitrary<MemberId> membersProvider() {
        return members();
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.chars().filter(c -> !IdentifierRules.isAllowed(c));
    }
}
