// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.Objects;
import java.util.Optional;

/**
 * The party on whose behalf a client acts (X-Road's third-party representation extension, PR-REPREP):
 * an optional party class and a party code, each obeying {@link IdentifierRules}. It travels as the
 * SOAP header element {@code repr:representedParty} and as the REST header
 * {@code X-Road-Represented-Party: [CLASS/]CODE}.
 *
 * @param partyClass the party's class, e.g. {@code COM}, if given
 * @param partyCode  the party's code
 */
public record RepresentedParty(Optional<String> partyClass, String partyCode) {

    public RepresentedParty {
        Objects.requireNonNull(partyClass, "partyClass");
        partyClass.ifPresent(c -> IdentifierRules.code("partyClass", c));
        IdentifierRules.code("partyCode", partyCode);
    }
}
