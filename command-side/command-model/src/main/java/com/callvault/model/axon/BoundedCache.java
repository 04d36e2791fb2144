package com.callvault.model.axon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An aggregate cache that holds at most {@code capacity} entries strongly and drops the least recently used one
 * beyond that (reported to listeners as expired). Axon's {@code WeakReferenceCache} loses an entry at any garbage
 * collection once nothing else holds it, which on a busy server is often between two commands of one call.
 * Access is serialised by one lock: every operation is a map lookup, far cheaper than the load it saves.
 */
public final class BoundedCache implements Cache {

    private final int capacity;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (this) {
            value = entries.get(key);
        }
        if (value != null) {
            notify(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        Object evicted;
        synchronized (this) {
            previous = entries.put(key, value);
            evicted = previous == null ? evictEldest() : null;
        }
        if (previous == null) {
            notify(listener -> listener.onEntryCreated(key, value));
        } else {
            notify(listener -> listener.onEntryUpdated(key, value));
        }
        if (evicted != null) {
            notify(listener -> listener.onEntryExpired(evicted));
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Object evicted;
        synchronized (this) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictEldest();
        }
        notify(listener -> listener.onEntryCreated(key, value));
        if (evicted != null) {
            notify(listener -> listener.onEntryExpired(evicted));
        }
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (this) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> notify(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        boolean removed;
        synchronized (this) {
            Object current = entries.get(key);
            if (current == null) {
                return;
            }
            updated = update.apply((V) current);
            removed = updated == null;
            if (removed) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        } else {
            notify(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Drops the least recently used entry when over capacity; answers its key. Holding the lock. */
    private Object evictEldest() {
        if (entries.size() <= capacity) {
            return null;
        }
        Map.Entry<Object, Object> eldest = entries.entrySet().iterator().next();
        entries.remove(eldest.getKey());
        return eldest.getKey();
    }

    private void notify(Consumer<EntryListener> event) {
        for (EntryListener listener : listeners) {
            event.accept(listener);
        }
    }
}
