// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo register: persons generated from a seed, so that every sandbox has the same ones (the README
 * names {@link #FIRST_ID}), plus the address changes recorded since start. Thread-safe.
 */
public final class PersonDirectory {

    /** The default number of persons. */
    public static final int DEFAULT_SIZE = 300;
    /** The default seed. */
    public static final long DEFAULT_SEED = 2002_1001L;
    /** The id of the first generated person with the default seed, as named in the README. */
    public static final String FIRST_ID = "49804160004";

    private static final String[] GIVEN = {"Mari", "Jaan", "Kadri", "Andres", "Liis", "Toomas", "Kati", "Peeter",
        "Anu", "Mart", "Piret", "Rein", "Tiina", "Jüri", "Eve", "Indrek", "Maarja", "Tarmo", "Helen", "Urmas"};
    private static final String[] FAMILY = {"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves",
        "Pärn", "Koppel", "Lepik", "Kuusk", "Karu", "Oja", "Lill", "Vaher", "Laur", "Raud", "Kivi", "Mets"};
    private static final String[] STREETS = {"Narva mnt", "Pärnu mnt", "Tartu mnt", "Lai", "Pikk", "Vabaduse pst",
        "Rüütli", "Kalda", "Riia", "Jõe"};
    private static final String[] TOWNS = {"Tallinn", "Tartu", "Pärnu", "Narva", "Viljandi", "Rakvere", "Kuressaare"};

    private final List<String> order;
    private final Map<String, Person> persons = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final Clock clock;

    private PersonDirectory(List<Person> generated, Clock clock) {
        List<String> ids = new ArrayList<>();
        for (Person p : generated) {
            if (persons.putIfAbsent(p.id(), p) == null) {
                ids.add(p.id());
            }
        }
        this.order = List.copyOf(ids);
        this.clock = clock;
    }

    /** A register of {@code size} persons generated from {@code seed}. */
    public static PersonDirectory generate(int size, long seed, Clock clock) {
        if (size < 1 || size > 100_000) {
            throw new IllegalArgumentException("size must be 1..100000, was " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> list = new ArrayList<>(size);
        for (int serial = 0; list.size() < size; serial++) {
            LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
            boolean female = random.nextBoolean();
            String id = personalCode(female, born, serial % 1000);
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String address = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(150)) + ", "
                    + TOWNS[random.nextInt(TOWNS.length)];
            list.add(new Person(id, given, family, born, address));
        }
        return new PersonDirectory(list, clock);
    }

    /** The default register. */
    public static PersonDirectory defaults(Clock clock) {
        return generate(DEFAULT_SIZE, DEFAULT_SEED, clock);
    }

    /** How many persons there are. */
    public int size() {
        return order.size();
    }

    /** All ids in generation order. */
    public List<String> ids() {
        return order;
    }

    /** The person with {@code id}, if any. */
    public Optional<Person> find(String id) {
        return Optional.ofNullable(persons.get(id));
    }

    /** Persons whose full name contains {@code name} (case-insensitive), in generation order, at most {@code limit}. */
    public List<Person> search(String name, int limit) {
        String needle = name.toLowerCase(Locale.ROOT);
        List<Person> found = new ArrayList<>();
        for (String id : order) {
            Person p = persons.get(id);
            if (p.fullName().toLowerCase(Locale.ROOT).contains(needle)) {
                found.add(p);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    /** Records that the person with {@code id} moved to {@code newAddress}; empty when there is no such person. */
    public Optional<AddressChange> changeAddress(String id, String newAddress) {
        Person[] before = new Person[1];
        Person after = persons.computeIfPresent(id, (k, p) -> {
            before[0] = p;
            return p.movedTo(newAddress);
        });
        if (after == null) {
            return Optional.empty();
        }
        return Optional.of(new AddressChange(changes.incrementAndGet(), id, before[0].address(), newAddress,
                clock.instant()));
    }

    /**
     * An Estonian-style personal code: the sex and century digit, YYMMDD, a three-digit serial and the
     * check digit computed with the two weight rows of the standard.
     */
    static String personalCode(boolean female, LocalDate born, int serial) {
        int century = born.getYear() / 100;
        int first = (century - 18) * 2 + (female ? 2 : 1);
        String digits = String.format(Locale.ROOT, "%d%02d%02d%02d%03d", first, born.getYear() % 100,
                born.getMonthValue(), born.getDayOfMonth(), serial);
        return digits + checkDigit(digits);
    }

    static int checkDigit(String tenDigits) {
        int[] w1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (tenDigits.charAt(i) - '0') * w1[i];
        }
        if (sum % 11 < 10) {
            return sum % 11;
        }
        sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (tenDigits.charAt(i) - '0') * w2[i];
        }
        return sum % 11 < 10 ? sum % 11 : 0;
    }
}
