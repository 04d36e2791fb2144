package com.callvault.model.calls;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;

/**
 * Axon's deadline task with a prompter retry. Axon builds it with db-scheduler's default for one-time tasks,
 * a retry 5 minutes after a failure; the usual failure here is a concurrent write to the same call from another
 * instance, after which a retry a second later succeeds (or finds the deadline no longer applies). A ring timeout
 * five minutes late would leave a call ringing. Retries back off exponentially from {@link #FIRST_RETRY}.
 */
final class PromptlyRetriedDeadlineTask extends OneTimeTask<DbSchedulerBinaryDeadlineDetails> {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final Task<DbSchedulerBinaryDeadlineDetails> axonTask;

    PromptlyRetriedDeadlineTask(Task<DbSchedulerBinaryDeadlineDetails> axonTask) {
        super(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class, new ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0),
            new ReviveDeadExecution<>());
        this.axonTask = axonTask;
    }

    @Override
    public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
        axonTask.execute(instance, context);
    }
}
