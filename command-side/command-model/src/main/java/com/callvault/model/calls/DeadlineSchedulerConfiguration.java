package com.callvault.model.calls;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The persistent scheduler behind Axon's deadlines (and event scheduler). With this {@link Scheduler} bean,
 * Axon's {@code AxonDbSchedulerAutoConfiguration} builds a {@code DbSchedulerDeadlineManager} and declares the
 * tasks it runs ({@code dbSchedulerEventDataTask}, and the deadline task, which {@link #deadlineDetailsTask}
 * replaces), which this scheduler is built with. Deadlines live in {@code scheduled_tasks} (Flyway, {@code V20261124_50__call_deadlines.sql}):
 * they survive a restart, and with several instances exactly one picks each due deadline
 * ({@code SELECT … FOR UPDATE SKIP LOCKED}).
 * <p>
 * Precision: a deadline never fires early; it fires within {@link #POLLING_INTERVAL} of its due time (plus the
 * few milliseconds its handler takes) while any instance runs, and at the first poll after start-up when every
 * instance was down at the due time.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSchedulerConfiguration {

    /** How often each instance looks for due deadlines: the lateness bound of a 45 s ring timeout. */
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);
    /** Deadline handlers are short (load a call, append an event); few threads keep pool use low. */
    static final int THREADS = 4;
    /** A picked deadline whose instance died is picked again after 6 missed heartbeats (90 s). */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);
    static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(10);

    /**
     * Scheduling and cancelling join the command's transaction (the DataSource is transaction-aware), so a
     * deadline is stored if and only if the event that needs it is.
     */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
            .pollingInterval(POLLING_INTERVAL)
            .pollUsingLockAndFetch(0.5, 1.0)
            .threads(THREADS)
            .heartbeatInterval(HEARTBEAT_INTERVAL)
            .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
            .schedulerName(new SchedulerName.Fixed(instanceName()))
            .build();
    }

    /** Replaces Axon's task of the same qualifier: the same execution, retried a second after a failure instead of 5 minutes. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return new PromptlyRetriedDeadlineTask(DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class)));
    }

    /**
     * Axon's deadline manager on this scheduler, as its auto-configuration builds it (which backs off for this bean),
     * with cancels of one statement ({@link OneStatementCancelDeadlineManager}).
     */
    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration configuration,
                                    @Qualifier("eventSerializer") Serializer serializer, TransactionManager transactionManager,
                                    DeadlineManagerSpanFactory spanFactory, DataSource dataSource) {
        return new OneStatementCancelDeadlineManager(DbSchedulerDeadlineManager.builder()
            .scheduler(deadlineScheduler)
            .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
            .serializer(serializer)
            .transactionManager(transactionManager)
            .spanFactory(spanFactory)
            .startScheduler(false) // DeadlineSchedulerLifecycle starts and stops it
            .stopScheduler(false), dataSource);
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new DeadlineSchedulerLifecycle(deadlineScheduler, SHUTDOWN_MAX_WAIT);
    }

    /** Shown in {@code scheduled_tasks.picked_by}: the host and a per-start suffix (several instances may share a host). */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "callvault";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
