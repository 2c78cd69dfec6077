// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One person in the demo register.
 *
 * @param id         an 11-digit personal code in the Estonian style (sex and century digit, birth date,
 *                   serial number, check digit)
 * @param givenName  the given name
 * @param familyName the family name
 * @param birthDate  the birth date, as encoded in the id
 * @param address    the current address
 */
public record Person(String id, String givenName, String familyName, LocalDate birthDate, String address) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(address, "address");
    }

    /** The given and family name, separated by a space. */
    public String fullName() {
        return givenName + " " + familyName;
    }

    /** The same person at a new address. */
    public Person movedTo(String newAddress) {
        return new Person(id, givenName, familyName, birthDate, newAddress);
    }
}
