package org.spacettx.exercise.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few results of a costly, deterministic computation the reader makes (an approach's burns, a breakup's
 * fragments), by its inputs: a scenario is read again and again (validation while it is edited, each start of its
 * exercise, archives), and the same inputs give the same values.
 */
final class Memo<K, V> {

    private final Map<K, V> recent;

    Memo(int size) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /** The value for {@code key}, computed (outside the lock: two threads may both compute it) when not recent. */
    V get(K key, Function<K, V> compute) {
        synchronized (recent) {
            V v = recent.get(key);
            if (v != null) {
                return v;
            }
        }
        V v = compute.apply(key);
        synchronized (recent) {
            recent.put(key, v);
        }
        return v;
    }
}
