// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.IdentifierRules;

/**
 * The party a client acts for, from the {@code X-Road-Represented-Party} header: {@code [CLASS/]CODE},
 * each part percent-encoded. This is X-Road's represented-party extension carried over REST.
 *
 * @param partyClass the party's member class, if given
 * @param partyCode  the party's code
 */
public record RepresentedParty(Optional<String> partyClass, String partyCode) {

    public RepresentedParty {
        Objects.requireNonNull(partyClass, "partyClass");
        partyClass.ifPresent(c -> IdentifierRules.code("partyClass", c));
        IdentifierRules.code("partyCode", partyCode);
    }

    /** The header value, {@code CLASS/CODE} or {@code CODE}, percent-encoded per part. */
    public String toHeaderValue() {
        String code = PercentCodec.encode(partyCode);
        return partyClass.map(c -> PercentCodec.encode(c) + "/" + code).orElse(code);
    }
}
