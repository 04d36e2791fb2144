package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LowPriorityTest {

    @Test
    void a_thread_of_the_factory_runs_at_the_nice_value_asked_for_and_others_keep_theirs() throws Exception {
        OptionalInt before = LowPriority.currentNiceness();
        assertThat(before).as("/proc/thread-self/stat is readable, and the tests run at normal priority").hasValue(0);
        ExecutorService pool = Executors.newSingleThreadExecutor(LowPriority.threads("low-test", 7));
        try {
            CompletableFuture<OptionalInt> inside = CompletableFuture.supplyAsync(LowPriority::currentNiceness, pool);
            assertThat(inside.get(10, TimeUnit.SECONDS)).hasValue(7);
            CompletableFuture<String> name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool);
            assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("low-test-1");
        } finally {
            pool.shutdownNow();
        }
        assertThat(LowPriority.currentNiceness()).as("the calling thread is untouched").isEqualTo(before);
    }

    @Test
    void niceness_zero_leaves_the_thread_as_it_is() throws Exception {
        OptionalInt before = LowPriority.currentNiceness();
        ExecutorService pool = Executors.newSingleThreadExecutor(LowPriority.threads("normal-test", 0));
        try {
            assertThat(CompletableFuture.supplyAsync(LowPriority::currentNiceness, pool).get(10, TimeUnit.SECONDS)).isEqualTo(before);
        } finally {
            pool.shutdownNow();
        }
    }
}
