// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded change of a person's address.
 *
 * @param changeId   the register's number for the change, counting from 1
 * @param personId   whose address changed
 * @param oldAddress the address before
 * @param newAddress the address after
 * @param recordedAt when the register recorded it
 */
public record AddressChange(long changeId, String personId, String oldAddress, String newAddress,
        Instant recordedAt) {

    public AddressChange {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(oldAddress, "oldAddress");
        Objects.requireNonNull(newAddress, "newAddress");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
