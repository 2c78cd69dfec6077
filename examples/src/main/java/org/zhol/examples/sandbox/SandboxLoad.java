// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.zhol.examples.demo.DemoConsumer;
import org.zhol.examples.demo.DemoConsumer.Kind;
import org.zhol.examples.demo.DemoConsumer.Outcome;
import org.zhol.examples.demo.Person;

/**
 * {@code --load N}: the demo consumer sends N mixed requests through SS1, a few at a time on virtual
 * threads, and the answers are counted. Request {@code i} is, by {@code i mod 20}: 0-9 a REST
 * {@code GET persons/{id}} (50%), 10-12 {@code GET persons/?name=} (15%), 13-14 a
 * {@code POST persons/{id}/address-changes} (10%), 15-19 a SOAP {@code getPerson} (25%); the persons
 * are taken across the whole register.
 */
public final class SandboxLoad {

    /** The most requests in flight at a time. */
    public static final int MAX_CONCURRENCY = 256;

    private final DemoConsumer consumer;
    private final List<Person> persons;

    /** Load from {@code consumer} about {@code persons} (the demo register's, which the provider holds too). */
    public SandboxLoad(DemoConsumer consumer, List<Person> persons) {
        if (persons.isEmpty()) {
            throw new IllegalArgumentException("no persons");
        }
        this.consumer = consumer;
        this.persons = List.copyOf(persons);
    }

    /** The kind of request {@code i}. */
    static Kind kind(int i) {
        int slot = i % 20;
        if (slot < 10) {
            return Kind.GET_PERSON;
        }
        if (slot < 13) {
            return Kind.SEARCH;
        }
        return slot < 15 ? Kind.ADDRESS_CHANGE : Kind.SOAP_GET_PERSON;
    }

    /**
     * Sends {@code requests} requests, {@code concurrency} at a time, showing {@code progress}; stops
     * sending early once {@code stop} says so (Ctrl-C).
     */
    public LoadReport run(int requests, int concurrency, LoadProgress progress, BooleanSupplier stop) {
        if (requests < 1 || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("requests must be >= 1 and concurrency 1-" + MAX_CONCURRENCY);
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<Kind, LongAdder> kinds = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        Thread reporter = Thread.ofVirtual().name("zhol-load-progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    progress.update(done.get(), requests, count(errors), System.nanoTime() - start);
                    Thread.sleep(progress.tickMillis());
                }
            } catch (InterruptedException finished) {
                Thread.currentThread().interrupt();
            }
        });
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < Math.min(concurrency, requests); t++) {
                senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests && !stop.getAsBoolean();
                            i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        Outcome outcome = send(i);
                        long took = System.nanoTime() - began;
                        kinds.computeIfAbsent(outcome.kind(), k -> new LongAdder()).increment();
                        if (!outcome.ok()) {
                            errors.computeIfAbsent(outcome.error(), e -> new LongAdder()).increment();
                        }
                        latencies[(int) done.getAndIncrement()] = took;
                    }
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        reporter.interrupt();
        try {
            reporter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.finish(done.get(), requests, count(errors), elapsed);
        return report(latencies, (int) done.get(), requests, concurrency, kinds, errors, elapsed);
    }

    private Outcome send(int i) {
        Person person = persons.get((int) ((i * 7919L) % persons.size()));
        return switch (kind(i)) {
            case GET_PERSON -> consumer.getPerson(person.id());
            case SEARCH -> consumer.search(person.familyName());
            case ADDRESS_CHANGE -> consumer.changeAddress(person.id(), "Load street " + (1 + i % 150) + ", Tallinn");
            case SOAP_GET_PERSON -> consumer.soapGetPerson(person.id(), "load-" + i);
        };
    }

    private static LoadReport report(long[] latencies, int sent, int planned, int concurrency,
            Map<Kind, LongAdder> kinds, Map<String, LongAdder> errors, long elapsed) {
        // Each answer takes the next slot, so the first `sent` slots hold every answered request.
        long[] answered = Arrays.copyOf(latencies, sent);
        Arrays.sort(answered);
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        kinds.forEach((k, v) -> byKind.put(k, v.sum()));
        Map<String, Long> failed = new java.util.TreeMap<>();
        errors.forEach((k, v) -> failed.put(k, v.sum()));
        return new LoadReport(sent, planned, concurrency, byKind, failed, Duration.ofNanos(elapsed),
                Duration.ofNanos(percentile(answered, 50)), Duration.ofNanos(percentile(answered, 99)));
    }

    /** The nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long count(Map<String, LongAdder> errors) {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
