// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.util.concurrent.atomic.AtomicInteger;
import org.zhol.centralserver.registry.ConfigurationSource;
import org.zhol.protocol.globalconf.GlobalConfiguration;

/** A registry stand-in: tests set the configuration, and every set bumps the version. */
final class FakeConfigurationSource implements ConfigurationSource {

    private volatile GlobalConfiguration current;
    private volatile long version = 1;
    private final AtomicInteger reads = new AtomicInteger();

    FakeConfigurationSource(GlobalConfiguration initial) {
        this.current = initial;
    }

    synchronized void set(GlobalConfiguration next) {
        current = next;
        version++;
    }

    /** A committed change that leaves the configuration as it was (e.g. a change of a field not published). */
    synchronized void touch() {
        version++;
    }

    /** How often {@link #current()} was called. */
    int reads() {
        return reads.get();
    }

    @Override
    public GlobalConfiguration current() {
        reads.incrementAndGet();
        return current;
    }

    @Override
    public long version() {
        return version;
    }
}
