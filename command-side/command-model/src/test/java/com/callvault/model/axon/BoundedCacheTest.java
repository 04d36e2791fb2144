package com.callvault.model.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    final BoundedCache cache = new BoundedCache(2);
    final List<String> heard = new ArrayList<>();

    @Test
    void beyond_its_capacity_it_drops_the_least_recently_used_entry() {
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1); // a is now more recent than b
        cache.put("c", 3);

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void replacing_an_entry_evicts_nothing() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("a", 10);

        assertThat(cache.<String, Integer>get("a")).isEqualTo(10);
        assertThat(cache.<String, Integer>get("b")).isEqualTo(2);
    }

    @Test
    void put_if_absent_remove_and_compute_if_present_do_what_they_say() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.<Integer>computeIfPresent("a", v -> v + 1);
        cache.<Integer>computeIfPresent("missing", v -> v + 1);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.containsKey("missing")).isFalse();

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isNull();
    }

    @Test
    void listeners_hear_of_creation_update_reads_eviction_and_removal_until_they_unregister() {
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override public void onEntryCreated(Object key, Object value) { heard.add("created " + key); }
            @Override public void onEntryUpdated(Object key, Object value) { heard.add("updated " + key); }
            @Override public void onEntryRead(Object key, Object value) { heard.add("read " + key); }
            @Override public void onEntryExpired(Object key) { heard.add("expired " + key); }
            @Override public void onEntryRemoved(Object key) { heard.add("removed " + key); }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.get("a");
        cache.put("b", 1);
        cache.put("c", 1);
        cache.remove("c");
        registration.cancel();
        cache.put("d", 1);

        assertThat(heard).containsExactly("created a", "updated a", "read a", "created b", "created c", "expired a", "removed c");
    }

    @Test
    void a_cache_holds_at_least_one_entry() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
