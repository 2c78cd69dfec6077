// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.Objects;
import org.zhol.protocol.id.IdentifierRules;

/**
 * A member class of the instance, e.g. {@code GOV}.
 *
 * @param code        the class code, an identifier code
 * @param description a human-readable description
 */
public record MemberClass(String code, String description) {

    public MemberClass {
        IdentifierRules.code("memberClass", code);
        Objects.requireNonNull(description, "description");
    }
}
