package com.callvault.model.calls;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the deadline scheduler while Axon runs: starts it once Axon has started (its aggregates can then take
 * deadlines), and on stop pauses it before Axon stops, letting deadlines being handled finish. A stopped context
 * may be started again (Spring pauses idle cached test contexts), and a db-scheduler {@link Scheduler} cannot be
 * restarted once stopped, so stop only pauses it; closing the context stops it. Axon configures its own
 * {@code DbSchedulerDeadlineManager} not to start or stop the scheduler.
 */
final class DeadlineSchedulerLifecycle implements SmartLifecycle, DisposableBean {

    private static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final Scheduler scheduler;
    private final Duration drainTimeout;
    private boolean started;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler, Duration drainTimeout) {
        this.scheduler = scheduler;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public synchronized void start() {
        if (started) {
            scheduler.resume();
        } else {
            scheduler.start();
            started = true;
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        scheduler.pause();
        Instant giveUp = Instant.now().plus(drainTimeout);
        while (!scheduler.getCurrentlyExecuting().isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(DRAIN_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }

    @Override
    public synchronized void destroy() {
        if (started) {
            scheduler.stop();
        }
    }
}
