// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.util.Objects;
import java.util.Optional;

/**
 * The party on whose behalf the client acts (extension PR-REPREP): header element
 * {@code repr:representedParty} with {@code repr:partyClass} (optional) and {@code repr:partyCode},
 * namespace {@value SoapNamespaces#REPRESENTATION}. X-Road checks it for consistency between request and
 * response; it is otherwise passed through.
 *
 * @param partyClass the party's class, e.g. {@code COM}, if given
 * @param partyCode  the party's code
 */
public record RepresentedParty(Optional<String> partyClass, String partyCode) {

    public RepresentedParty {
        Objects.requireNonNull(partyClass, "partyClass");
        Objects.requireNonNull(partyCode, "partyCode");
    }
}
