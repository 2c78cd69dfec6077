// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code listClients} call, as {@link Metaservices#matchListClients} recognised it.
 *
 * @param instance the instance asked for ({@code xRoadInstance}); empty for this server's own
 * @param json     whether JSON was asked for ({@code Accept: application/json}); XML otherwise
 */
public record ListClientsRequest(Optional<String> instance, boolean json) {

    public ListClientsRequest {
        Objects.requireNonNull(instance, "instance");
    }
}
